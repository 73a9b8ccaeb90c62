/*
 * tmpl_front.c: the front matter, the YAML between the --- lines at
 * the top of a template: the briefing's metadata, its datasets and
 * parameters, its numbered sources and its style settings.  Every
 * key is known; an unknown one is an error at its file:line:col.
 *
 * Strings of metadata may hold {{ }} values; they are scanned here
 * (tmpl_scan_str) and filled in once the queries have run
 * (tmpl_fill_meta).  Dataset, include and theme paths may hold only
 * {{ $param }}, since they are needed before any query can run.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "aux.h"
#include "kv.h"
#include "msg.h"
#include "tmpl_int.h"

static const char *const fm_keys[] = {
	"title", "subtitle", "date", "author", "organisation",
	"organization", "edition", "lang", "summary", "keywords", "subject",
	"datasets", "params", "sources", "style", "theme", "numbering", NULL
};

static const char *const ds_keys[] = {
	"path", "encoding", "types", "delimiter", "clean", NULL
};

static const char *const src_keys[] = { "id", "text", "url", NULL };

/* A name that queries can use: [A-Za-z_][A-Za-z0-9_-]*. */
static int
good_name(const char *s)
{
	size_t	 i;

	if (!(s[0] == '_' || (s[0] >= 'A' && s[0] <= 'Z') ||
	    (s[0] >= 'a' && s[0] <= 'z')))
		return 0;
	for (i = 1; s[i] != '\0'; i++)
		if (!(s[i] == '_' || s[i] == '-' || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

/* A metadata string, scanned for {{ }} values. */
static void
meta_str(struct tmpl *t, const char *key, char **dst)
{
	const char	*file = t->doc->path;
	struct kv	*k;
	char		*s;

	if ((k = kv_get(t->front, key)) == NULL)
		return;
	if ((s = kv_join(k, file)) == NULL)
		return;
	free(*dst);
	*dst = tmpl_scan_str(t, s, file, k->line, k->col);
	free(s);
}

/* params: defaults, then -D on the command line overrides them. */
static void
params(struct tmpl *t)
{
	const char	*file = t->doc->path, *v;
	struct kv	*k, *c;
	size_t		 i, j;

	if ((k = kv_get(t->front, "params")) != NULL &&
	    k->type != KV_NULL && k->type != KV_MAP)
		msg(MSG_ERROR, file, k->line, k->col, "params: expected "
		    "name: value lines, not %s", kv_typename(k));
	else if (k != NULL)
		for (c = k->first; c != NULL; c = c->next) {
			if (!good_name(c->key) || strchr(c->key, '-')) {
				msg(MSG_ERROR, file, c->kline, c->kcol,
				    "params: '%s' is not a name (letters, "
				    "digits and _)", c->key);
				continue;
			}
			if ((v = kv_want_str(c, file, 1)) == NULL)
				continue;
			t->params = xreallocarray(t->params, t->nparams + 1,
			    sizeof(*t->params));
			t->params[t->nparams].name = xstrdup(c->key);
			t->params[t->nparams++].value = xstrdup(v);
		}
	for (i = 0; i < t->opts->nparams; i++) {
		for (j = 0; j < t->nparams; j++)
			if (strcmp(t->params[j].name,
			    t->opts->params[i].name) == 0)
				break;
		if (j == t->nparams) {
			msg(MSG_WARNING, file, 0, 0, "parameter '%s' is set, "
			    "but the template declares no such parameter "
			    "under params:", t->opts->params[i].name);
			t->params = xreallocarray(t->params, t->nparams + 1,
			    sizeof(*t->params));
			t->params[j].name = xstrdup(t->opts->params[i].name);
			t->params[j].value = NULL;
			t->nparams++;
		}
		free(t->params[j].value);
		t->params[j].value = xstrdup(t->opts->params[i].value);
	}
}

static const char *
encoding(const struct kv *k, const char *file)
{
	static const char *const names[][2] = {
		{ "utf-8", "utf-8" }, { "utf8", "utf-8" },
		{ "latin1", "latin1" }, { "latin-1", "latin1" },
		{ "iso-8859-1", "latin1" }, { "cp1252", "cp1252" },
		{ "windows-1252", "cp1252" }
	};
	const char	*s;
	size_t		 i;

	if ((s = kv_want_str(k, file, 0)) == NULL)
		return NULL;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(s, names[i][0]) == 0)
			return names[i][1];
	msg(MSG_ERROR, file, k->line, k->col, "encoding: '%s' is not one of "
	    "utf-8, latin1, cp1252", s);
	return NULL;
}

/* types: {Column: type}, for one dataset. */
static int
ds_types(struct dsdecl *d, const struct kv *k, const char *file)
{
	const struct kv	*c;
	const char	*s;
	int		 ct, ok = 1;

	if (k->type != KV_MAP) {
		msg(MSG_ERROR, file, k->line, k->col, "types: expected "
		    "column: type lines, not %s", kv_typename(k));
		return 0;
	}
	for (c = k->first; c != NULL; c = c->next) {
		if ((s = kv_want_str(c, file, 0)) == NULL) {
			ok = 0;
			continue;
		}
		if ((ct = ctype_parse(s)) < 0) {
			msg(MSG_ERROR, file, c->line, c->col, "types: '%s' is "
			    "not a type (text, integer, decimal, year, date)",
			    s);
			ok = 0;
			continue;
		}
		d->opts.types = xreallocarray(d->opts.types,
		    d->opts.ntypes + 1, sizeof(*d->opts.types));
		d->opts.types[d->opts.ntypes].name = xstrdup(c->key);
		d->opts.types[d->opts.ntypes++].type = (enum ctype)ct;
	}
	return ok;
}

/* The options of a dataset written as a mapping. */
static int
ds_opts(struct dsdecl *d, const struct kv *k, const char *file,
    const struct kv **path)
{
	const struct kv	*c;
	const char	*s;
	int		 b, ok = 1;

	if (!kv_check_map(k, file, "a dataset", ds_keys))
		return 0;
	if ((*path = kv_get(k, "path")) == NULL) {
		msg(MSG_ERROR, file, k->line, k->col, "dataset '%s': path: "
		    "is required", d->name);
		ok = 0;
	}
	if ((c = kv_get(k, "encoding")) != NULL &&
	    (d->opts.encoding = encoding(c, file)) == NULL)
		ok = 0;
	if ((c = kv_get(k, "types")) != NULL && !ds_types(d, c, file))
		ok = 0;
	if ((c = kv_get(k, "clean")) != NULL) {
		if (kv_want_bool(c, file, &b))
			d->opts.clean = b;
		else
			ok = 0;
	}
	if ((c = kv_get(k, "delimiter")) != NULL) {
		s = kv_want_str(c, file, 0);
		if (s != NULL && strcmp(s, "tab") == 0)
			d->opts.delim = '\t';
		else if (s != NULL && strlen(s) == 1 && *s != '"' &&
		    *s != '\n' && *s != '\r')
			d->opts.delim = *s;
		else {
			if (s != NULL)
				msg(MSG_ERROR, file, c->line, c->col,
				    "delimiter: one character or 'tab', "
				    "not '%s'", s);
			ok = 0;
		}
	}
	return ok;
}

/* One entry of datasets:, name: path or name: {path: ...}. */
static void
dataset(struct tmpl *t, const struct kv *k)
{
	const char	*file = t->doc->path, *s;
	const struct kv	*path = k;
	struct dsdecl	 d;
	char		*rel = NULL, *shown = NULL, *real = NULL;

	memset(&d, 0, sizeof(d));
	d.name = xstrdup(k->key);
	dsopts_defaults(&d.opts);
	d.file = file;
	d.line = k->kline;
	d.col = k->kcol;
	if (!good_name(k->key)) {
		msg(MSG_ERROR, file, k->kline, k->kcol, "dataset '%s': a name "
		    "is letters, digits, _ and -", k->key);
		goto fail;
	}
	if (k->type == KV_MAP && !ds_opts(&d, k, file, &path))
		goto fail;
	if ((s = kv_want_str(path, file, 0)) == NULL ||
	    (rel = tmpl_subst_params(t, s, file, path->line,
	    path->col)) == NULL)
		goto fail;
	if ((shown = tmpl_resolve(t, file, rel, file, path->line, path->col,
	    "dataset", &real)) == NULL)
		goto fail;
	d.path = shown;
	doc_adddep(t->doc, shown);
	t->decls = xreallocarray(t->decls, t->ndecls + 1, sizeof(d));
	t->decls[t->ndecls++] = d;
	free(rel);
	free(real);
	return;
fail:
	t->broken = 1;
	free(rel);
	free(real);
	dsdecl_free(&d);
}

static void
datasets(struct tmpl *t)
{
	const struct kv	*k, *c;

	if ((k = kv_get(t->front, "datasets")) == NULL || k->type == KV_NULL)
		return;
	if (k->type != KV_MAP) {
		msg(MSG_ERROR, t->doc->path, k->line, k->col, "datasets: "
		    "expected name: path lines, not %s", kv_typename(k));
		return;
	}
	for (c = k->first; c != NULL; c = c->next)
		dataset(t, c);
}

static int
link_ok(const struct tmpl *t, const char *url)
{
	return t->opts->unsafe || strncmp(url, "https://", 8) == 0 ||
	    strncmp(url, "http://", 7) == 0 || strncmp(url, "mailto:", 7) == 0;
}

/* One entry of sources:, {id, text, url}. */
static void
source(struct tmpl *t, const struct kv *k)
{
	const char	*file = t->doc->path, *id, *text, *url = NULL;
	const struct kv	*c;
	struct srcdecl	*s;
	size_t		 i;

	if (k->type != KV_MAP) {
		msg(MSG_ERROR, file, k->line, k->col, "sources: each entry "
		    "is id:, text: and url:, not %s", kv_typename(k));
		return;
	}
	if (!kv_check_map(k, file, "a source", src_keys))
		return;
	if (kv_get(k, "id") == NULL || kv_get(k, "text") == NULL) {
		msg(MSG_ERROR, file, k->line, k->col, "a source needs id: and "
		    "text:");
		return;
	}
	c = kv_get(k, "id");
	if ((id = kv_want_str(c, file, 0)) == NULL)
		return;
	if (id[0] == '\0' || strpbrk(id, " \t;[]@") != NULL) {
		msg(MSG_ERROR, file, c->line, c->col, "source id '%s': use "
		    "letters, digits and - _ . : /", id);
		return;
	}
	for (i = 0; i < t->nsrcs; i++)
		if (strcmp(t->srcs[i].id, id) == 0) {
			msg(MSG_ERROR, file, c->line, c->col, "source '%s' is "
			    "declared twice (first at line %zu)", id,
			    t->srcs[i].line);
			return;
		}
	if ((c = kv_get(k, "url")) != NULL &&
	    (url = kv_want_str(c, file, 1)) == NULL)
		return;
	if (url != NULL && *url != '\0' && !link_ok(t, url)) {
		msg(MSG_ERROR, file, c->line, c->col, "a source link is http, "
		    "https or mailto, not '%s'", url);
		return;
	}
	c = kv_get(k, "text");
	if ((text = kv_want_str(c, file, 0)) == NULL)
		return;
	t->srcs = xreallocarray(t->srcs, t->nsrcs + 1, sizeof(*t->srcs));
	s = &t->srcs[t->nsrcs++];
	memset(s, 0, sizeof(*s));
	s->id = xstrdup(id);
	s->text = tmpl_scan_str(t, text, file, c->line, c->col);
	s->url = url && *url ? xstrdup(url) : NULL;
	s->line = k->line;
	s->col = k->col;
	if (s->text == NULL)
		s->text = xstrdup(text);
}

static void
sources(struct tmpl *t)
{
	const struct kv	*k, *c;

	if ((k = kv_get(t->front, "sources")) == NULL || k->type == KV_NULL)
		return;
	if (k->type != KV_LIST) {
		msg(MSG_ERROR, t->doc->path, k->line, k->col, "sources: "
		    "expected a list of - id: ... entries, not %s",
		    kv_typename(k));
		return;
	}
	for (c = k->first; c != NULL; c = c->next)
		source(t, c);
}

static void
addopt(struct doc *d, const char *key, const char *value, const char *file,
    const struct kv *k)
{
	struct docopt	*o;

	d->opts = xreallocarray(d->opts, d->nopts + 1, sizeof(*d->opts));
	o = &d->opts[d->nopts++];
	o->key = xstrdup(key);
	o->value = xstrdup(value);
	o->file = xstrdup(file);
	o->line = k->line;
	o->col = k->col;
}

/* Style settings, nested maps flattened to "a.b" keys. */
static void
style(struct tmpl *t, const struct kv *k, const char *prefix,
    const char *file, size_t depth)
{
	const struct kv	*c;
	char		*key, *v;

	if (k->type == KV_NULL)
		return;
	if (k->type != KV_MAP) {
		msg(MSG_ERROR, file, k->line, k->col, "%s: expected "
		    "setting: value lines, not %s", prefix ? prefix : "style",
		    kv_typename(k));
		return;
	}
	for (c = k->first; c != NULL; c = c->next) {
		/* style: {theme: x} was applied before the settings. */
		if (prefix == NULL && depth == 0 && file == t->doc->path &&
		    strcmp(c->key, "theme") == 0)
			continue;
		key = prefix ? xasprintf("%s.%s", prefix, c->key) :
		    xstrdup(c->key);
		if (c->type == KV_MAP)
			style(t, c, key, file, depth + 1);
		else if ((v = kv_join(c, file)) != NULL) {
			addopt(t->doc, key, v, file, c);
			free(v);
		}
		free(key);
	}
}

/*
 * A theme named by a bare name ("letter") is a built-in one, found in
 * the themes folder of the installation (tmpl_opts.themes), which like
 * the fonts is not subject to the folders a template may read from.
 */
static int
builtin_theme(const char *name)
{
	return name[0] != '\0' && strchr(name, '/') == NULL &&
	    strchr(name, '.') == NULL;
}

/*
 * theme: a YAML file of style settings, applied before style:.  It may
 * be named in the front matter (theme: x) or among the settings
 * (style: {theme: x}); either way both writers see its settings, and
 * the depfile lists it.
 */
static void
theme(struct tmpl *t, const struct kv *k)
{
	const char	*file = t->doc->path, *s;
	char		*rel = NULL, *shown = NULL, *real = NULL;
	struct buf	 b = { NULL, 0, 0 };
	struct kv	*th;

	if ((s = kv_want_str(k, file, 0)) == NULL ||
	    (rel = tmpl_subst_params(t, s, file, k->line, k->col)) == NULL)
		goto out;
	if (builtin_theme(rel)) {
		if (t->opts->themes == NULL) {
			msg(MSG_ERROR, file, k->line, k->col, "no built-in "
			    "themes folder to find theme '%s' in", rel);
			goto out;
		}
		shown = xasprintf("%s/%s.yaml", t->opts->themes, rel);
		if (access(shown, R_OK) != 0) {
			msg(MSG_ERROR, file, k->line, k->col, "no theme '%s' "
			    "(built-in themes: default, letter, compact, "
			    "forest; or a .yaml file next to the template)",
			    rel);
			goto out;
		}
		real = xstrdup(shown);
	} else if ((shown = tmpl_resolve(t, file, rel, file, k->line,
	    k->col, "theme", &real)) == NULL)
		goto out;
	if (!tmpl_read(t, real, shown, TMPL_MAX_THEME, &b, file, k->line,
	    k->col))
		goto out;
	doc_adddep(t->doc, shown);
	if ((th = kv_parse(b.data, b.len, shown, 1, 1, NULL)) != NULL) {
		if (kv_get(th, "theme") != NULL)
			msg(MSG_ERROR, shown, kv_get(th, "theme")->line,
			    kv_get(th, "theme")->col, "a theme cannot name "
			    "another theme");
		else
			style(t, th, NULL, shown, 0);
		kv_free(th);
	}
out:
	buf_free(&b);
	free(rel);
	free(shown);
	free(real);
}

static void
lang(struct tmpl *t)
{
	struct meta	*m = &t->doc->meta;
	const struct kv	*k;
	const char	*s;
	char		*sub;
	size_t		 i;

	m->lang = xstrdup("en");
	t->lang = m->lang;
	if ((k = kv_get(t->front, "lang")) == NULL ||
	    (s = kv_want_str(k, t->doc->path, 0)) == NULL)
		return;
	/* Like a path, the language may be a parameter: one template,
	 * two editions. */
	if ((sub = tmpl_subst_params(t, s, t->doc->path, k->line,
	    k->col)) == NULL)
		return;
	s = sub;
	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (i > 1 && (s[i] == '-' ||
		    (s[i] >= '0' && s[i] <= '9')))))
			break;
	if (i < 2 || s[i] != '\0') {
		msg(MSG_ERROR, t->doc->path, k->line, k->col, "lang: '%s' is "
		    "not a language tag such as en or zh-CN", s);
		free(sub);
		return;
	}
	free(m->lang);
	m->lang = sub;
	t->lang = m->lang;
}

static void
numbering(struct tmpl *t)
{
	const struct kv	*k;
	long		 n;
	int		 b;

	if ((k = kv_get(t->front, "numbering")) == NULL)
		return;
	if (k->type == KV_SCALAR && (strcmp(k->val, "true") == 0 ||
	    strcmp(k->val, "false") == 0)) {
		if (kv_want_bool(k, t->doc->path, &b))
			t->numbering = b ? 3 : 0;
	} else if (kv_want_int(k, t->doc->path, 0, 6, &n))
		t->numbering = (int)n;
}

/*
 * Read the front matter (len bytes of YAML starting at line) into the
 * build.  Return 0 if it is not YAML at all.
 */
int
tmpl_front(struct tmpl *t, const char *fm, size_t len, size_t line)
{
	struct meta	*m = &t->doc->meta;
	const struct kv	*k;

	if ((t->front = kv_parse(fm, len, t->doc->path, line, 1,
	    NULL)) == NULL) {
		t->broken = 1;
		params(t);
		lang(t);
		return 0;
	}
	if (t->front->type != KV_NULL && t->front->type != KV_MAP) {
		msg(MSG_ERROR, t->doc->path, t->front->line, t->front->col,
		    "front matter: expected key: value lines, not %s",
		    kv_typename(t->front));
		kv_free(t->front);
		t->front = NULL;
	}
	if (t->front != NULL)
		kv_check_map(t->front, t->doc->path, "the front matter",
		    fm_keys);
	params(t);
	lang(t);
	meta_str(t, "title", &m->title);
	meta_str(t, "subtitle", &m->subtitle);
	meta_str(t, "date", &m->date);
	meta_str(t, "author", &m->author);
	meta_str(t, "organization", &m->organisation);
	meta_str(t, "organisation", &m->organisation);
	meta_str(t, "edition", &m->edition);
	meta_str(t, "summary", &m->summary);
	meta_str(t, "keywords", &m->keywords);
	meta_str(t, "subject", &m->subject);
	datasets(t);
	sources(t);
	/* Themes first, wherever they are named, then the settings. */
	if ((k = kv_get(t->front, "theme")) != NULL)
		theme(t, k);
	if ((k = kv_get(t->front, "style")) != NULL && k->type == KV_MAP &&
	    kv_get(k, "theme") != NULL)
		theme(t, kv_get(k, "theme"));
	if ((k = kv_get(t->front, "style")) != NULL)
		style(t, k, NULL, t->doc->path, 0);
	numbering(t);
	return 1;
}

/* Is s a real calendar date written YYYY-MM-DD? */
static int
iso_date(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	int	 y, mo, d, i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' &&
		    s[i] <= '9'))
			return 0;
	if (s[10] != '\0')
		return 0;
	y = atoi(s);
	mo = atoi(s + 5);
	d = atoi(s + 8);
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1])
		return 0;
	return !(mo == 2 && d == 29 && !(y % 4 == 0 &&
	    (y % 100 != 0 || y % 400 == 0)));
}

static void
fill1(struct tmpl *t, char **s)
{
	char	*f;

	if (*s == NULL)
		return;
	f = tmpl_fill_str(t, *s);
	free(*s);
	*s = f;
}

/* Put the computed values into the metadata; default and check the date. */
void
tmpl_fill_meta(struct tmpl *t)
{
	struct meta	*m = &t->doc->meta;
	const struct kv	*k;
	struct tm	 tm;
	char		 day[16];
	time_t		 now = t->opts->now;
	size_t		 i;

	fill1(t, &m->title);
	fill1(t, &m->subtitle);
	fill1(t, &m->date);
	fill1(t, &m->author);
	fill1(t, &m->organisation);
	fill1(t, &m->edition);
	fill1(t, &m->summary);
	fill1(t, &m->keywords);
	fill1(t, &m->subject);
	for (i = 0; i < t->doc->nsources; i++)
		fill1(t, &t->doc->sources[i].text);
	if (m->date == NULL) {
		gmtime_r(&now, &tm);
		strftime(day, sizeof(day), "%Y-%m-%d", &tm);
		m->date = xstrdup(day);
	} else if (!iso_date(m->date)) {
		k = kv_get(t->front, "date");
		msg(MSG_ERROR, t->doc->path, k ? k->line : 0, k ? k->col : 0,
		    "date: '%s' is not a date written YYYY-MM-DD", m->date);
	}
}
