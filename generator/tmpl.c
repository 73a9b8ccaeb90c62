/*
 * tmpl.c: the template stage from start to end, and the file policy.
 *
 * A build reads the template and its partials (tmpl_parse.c), the
 * front matter (tmpl_front.c), runs every query and expands the
 * directives (tmpl_expand.c), then numbers and resolves references
 * (tmpl_number.c).  Problems are reported as they are found and the
 * build goes on to find more; the document is handed over only if no
 * error was reported.
 *
 * Files: a template, its partials, datasets and theme may be read
 * only below the allowed folders: the current directory, the folder
 * of the template named on the command line, and each --allow folder.
 * Paths are resolved with realpath(), so neither "../" nor a symbolic
 * link leads outside, and the resolved path is what gets opened.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "msg.h"
#include "tmpl.h"
#include "tmpl_int.h"

void
tmpl_opts_defaults(struct tmpl_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->max_bytes = TMPL_MAX_BYTES;
}

size_t
tmpl_nerrors(void)
{
	return msg_count(MSG_ERROR) + msg_count(MSG_SYSERR);
}

/*
 * A stable copy of a file name for positions that outlive the build:
 * the document's own path, or its entry in the document's deps.
 */
const char *
tmpl_intern(struct tmpl *t, const char *path)
{
	size_t	 i;

	if (strcmp(path, t->doc->path) == 0)
		return t->doc->path;
	doc_adddep(t->doc, path);
	for (i = 0; i < t->doc->ndeps; i++)
		if (strcmp(t->doc->deps[i], path) == 0)
			return t->doc->deps[i];
	return t->doc->path;	/* not reached */
}

/* Add a folder files may come from; 0 if it cannot be resolved. */
static int
addroot(struct tmpl *t, const char *dir)
{
	char	*real;

	if ((real = realpath(dir, NULL)) == NULL)
		return 0;
	t->roots = xreallocarray(t->roots, t->nroots + 1, sizeof(char *));
	t->roots[t->nroots++] = real;
	return 1;
}

/* The folders files may come from; 0 if an --allow folder is bad. */
static int
roots_init(struct tmpl *t, const char *path)
{
	char	*dir;
	size_t	 i;
	int	 ok = 1;

	if (addroot(t, "."))
		t->cwd = xstrdup(t->roots[0]);
	dir = path_dir(path);
	addroot(t, dir);
	free(dir);
	for (i = 0; i < t->opts->nroots; i++)
		if (!addroot(t, t->opts->roots[i])) {
			msg(MSG_ERROR, NULL, 0, 0, "--allow %s: %s",
			    t->opts->roots[i], strerror(errno));
			ok = 0;
		}
	return ok;
}

static int
below(const char *real, const char *root)
{
	size_t	 n = strlen(root);

	if (strcmp(root, "/") == 0)
		return 1;
	return strncmp(real, root, n) == 0 &&
	    (real[n] == '/' || real[n] == '\0');
}

/* Is the resolved path real below one of the allowed folders? */
static int
allowed(const struct tmpl *t, const char *real)
{
	size_t	 i;

	for (i = 0; i < t->nroots; i++)
		if (below(real, t->roots[i]))
			return 1;
	return 0;
}

/*
 * Resolve rel, written in file from (a path as the user sees it),
 * and check that it lies below an allowed folder.  Return the path as
 * the user sees it and set *real to the resolved one (both for the
 * caller to free), or return NULL after reporting at file:line:col.
 */
char *
tmpl_resolve(struct tmpl *t, const char *from, const char *rel,
    const char *file, size_t line, size_t col, const char *what,
    char **real)
{
	char	*dir, *shown, *r;

	*real = NULL;
	if (*rel == '\0') {
		msg(MSG_ERROR, file, line, col, "%s: the path is empty", what);
		return NULL;
	}
	if (strstr(rel, "://") != NULL) {
		msg(MSG_ERROR, file, line, col, "%s '%s': only local files "
		    "can be read", what, rel);
		return NULL;
	}
	dir = path_dir(from);
	shown = path_join(dir, rel);
	free(dir);
	if ((r = realpath(shown, NULL)) == NULL) {
		msg(MSG_ERROR, file, line, col, "%s '%s': %s", what, shown,
		    strerror(errno));
		free(shown);
		return NULL;
	}
	if (!allowed(t, r)) {
		msg(MSG_ERROR, file, line, col, "%s '%s' is outside the "
		    "project folder; allow its folder with --allow", what,
		    shown);
		free(shown);
		free(r);
		return NULL;
	}
	*real = r;
	/* Show the file by its resolved path, relative if below "." */
	if (t->cwd != NULL && strcmp(t->cwd, "/") != 0 && below(r, t->cwd) &&
	    r[strlen(t->cwd)] == '/') {
		free(shown);
		shown = xstrdup(r + strlen(t->cwd) + 1);
	}
	return shown;
}

/*
 * The template named on the command line: return its resolved path,
 * or NULL after reporting.
 */
char *
tmpl_resolve_main(struct tmpl *t, const char *path)
{
	char	*r;

	if ((r = realpath(path, NULL)) == NULL) {
		msg(MSG_ERROR, path, 0, 0, "cannot read the template: %s",
		    strerror(errno));
		return NULL;
	}
	if (!allowed(t, r)) {
		msg(MSG_ERROR, path, 0, 0, "the template leads outside the "
		    "project folder (to %s); allow its folder with --allow",
		    r);
		free(r);
		return NULL;
	}
	return r;
}

/*
 * Read a regular file of at most max bytes that counts toward the
 * briefing's total.  Return 1, or 0 after reporting (at file:line:col
 * if given, else at the file itself).
 */
int
tmpl_read(struct tmpl *t, const char *real, const char *shown, size_t max,
    struct buf *out, const char *file, size_t line, size_t col)
{
	struct stat	 st;

	if (file == NULL) {
		file = shown;
		line = col = 0;
	}
	if (stat(real, &st) == -1) {
		msg(MSG_ERROR, file, line, col, "%s: %s", shown,
		    strerror(errno));
		return 0;
	}
	if (!S_ISREG(st.st_mode)) {
		msg(MSG_ERROR, file, line, col, "%s is not a regular file",
		    shown);
		return 0;
	}
	if ((size_t)st.st_size > max) {
		msg(MSG_ERROR, file, line, col, "%s is %lld bytes; the limit "
		    "is %zu", shown, (long long)st.st_size, max);
		return 0;
	}
	if (t->total + (size_t)st.st_size > TMPL_MAX_TOTAL) {
		msg(MSG_ERROR, file, line, col, "%s: the template and its "
		    "partials come to more than %d bytes", shown,
		    TMPL_MAX_TOTAL);
		return 0;
	}
	if (!file_read(real, out)) {
		msg(MSG_SYSERR, shown, 0, 0, "cannot read: %s",
		    strerror(errno));
		return 0;
	}
	if (out->len > max) {	/* it grew since stat() */
		msg(MSG_ERROR, file, line, col, "%s is larger than %zu bytes",
		    shown, max);
		return 0;
	}
	t->total += out->len;
	return 1;
}

const char *
tmpl_param(const struct tmpl *t, const char *name)
{
	size_t	 i;

	for (i = 0; i < t->nparams; i++)
		if (strcmp(t->params[i].name, name) == 0)
			return t->params[i].value;
	return NULL;
}

int
tmpl_is_zh(const struct tmpl *t)
{
	return t->lang != NULL && strncmp(t->lang, "zh", 2) == 0 &&
	    (t->lang[2] == '\0' || t->lang[2] == '-');
}

/* Length of a parameter name at s ([A-Za-z_][A-Za-z0-9_]*). */
static size_t
pname_len(const char *s)
{
	size_t	 n = 0;

	if (!(s[0] == '_' || (s[0] >= 'A' && s[0] <= 'Z') ||
	    (s[0] >= 'a' && s[0] <= 'z')))
		return 0;
	while (s[n] == '_' || (s[n] >= 'A' && s[n] <= 'Z') ||
	    (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9'))
		n++;
	return n;
}

/*
 * Replace each {{ $name }} in s by the parameter's value, for the
 * places that are read before any query can run (dataset, include and
 * theme paths).  Return the new string, or NULL after reporting.
 */
char *
tmpl_subst_params(struct tmpl *t, const char *s, const char *file,
    size_t line, size_t col)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*p, *e, *v;
	char		*name;
	size_t		 n;

	for (p = s; *p != '\0'; ) {
		if (p[0] != '{' || p[1] != '{') {
			buf_putc(&b, *p++);
			continue;
		}
		e = p + 2;
		while (*e == ' ' || *e == '\t')
			e++;
		n = *e == '$' ? pname_len(e + 1) : 0;
		name = n ? xstrndup(e + 1, n) : NULL;
		if (n)
			e += n + 1;
		while (*e == ' ' || *e == '\t')
			e++;
		if (name == NULL || e[0] != '}' || e[1] != '}') {
			msg(MSG_ERROR, file, line, col + (size_t)(p - s),
			    "only {{ $name }} parameters can be used here");
			goto fail;
		}
		if ((v = tmpl_param(t, name)) == NULL) {
			msg(MSG_ERROR, file, line, col + (size_t)(p - s),
			    "unknown parameter '$%s' (declare it under "
			    "params: or set it with -D %s=...)", name, name);
			goto fail;
		}
		buf_puts(&b, v);
		free(name);
		p = e + 2;
	}
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_steal(&b);
fail:
	free(name);
	buf_free(&b);
	return NULL;
}

static void
tmpl_free(struct tmpl *t)
{
	struct directive *d;
	size_t		 i, j;

	for (i = 0; i < t->nroots; i++)
		free(t->roots[i]);
	free(t->roots);
	free(t->cwd);
	for (i = 0; i < t->nsrcs; i++) {
		free(t->srcs[i].id);
		free(t->srcs[i].text);
		free(t->srcs[i].url);
	}
	free(t->srcs);
	for (i = 0; i < t->nmarks; i++) {
		free(t->marks[i].src);
		free(t->marks[i].arg);
		free(t->marks[i].value);
		query_free(t->marks[i].q);
	}
	free(t->marks);
	for (i = 0; i < t->ndirs; i++) {
		d = &t->dirs[i];
		kv_free(d->opts);
		query_free(d->q);
		chart_free(d->chart);
		for (j = 0; j < d->nchopts; j++)
			free(d->chopts[j].val);
		free(d->chopts);
		free(d->caption);
		free(d->source);
		free(d->note);
		for (j = 0; j < d->ncols; j++) {
			free(d->cols[j].name);
			free(d->cols[j].title);
		}
		free(d->cols);
	}
	free(t->dirs);
	kv_free(t->front);
	for (i = 0; i < t->ndecls; i++)
		dsdecl_free(&t->decls[i]);
	free(t->decls);
	for (i = 0; i < t->nparams; i++) {
		free(t->params[i].name);
		free(t->params[i].value);
	}
	free(t->params);
	doc_free(t->doc);
}

struct doc *
tmpl_build(const char *path, const struct tmpl_opts *opts)
{
	struct tmpl	 t;
	struct doc	*d = NULL;
	size_t		 errs;

	errs = tmpl_nerrors();
	memset(&t, 0, sizeof(t));
	t.opts = opts;
	t.doc = doc_new(path);
	t.numbering = 3;
	if (!roots_init(&t, path))
		goto out;
	if (!tmpl_parse_file(&t, path, NULL, t.doc->root, 1))
		goto out;
	if (tmpl_nerrors() != errs)
		t.broken = 1;
	tmpl_expand(&t);
	tmpl_finish(&t);
	if (tmpl_nerrors() == errs) {
		d = t.doc;
		t.doc = NULL;
	}
out:
	tmpl_free(&t);
	return d;
}
