/*
 * tmpl_expand.c: directives and values.
 *
 * First every directive's options are checked and every query of
 * the briefing is parsed, so that all mistakes are reported in one
 * run.  Then, if nothing is wrong, the queries are announced to the
 * query engine (query_plan: queries over one dataset can share a
 * pass), the inline values are computed, and the directives expand:
 * a table block into a data table, a chart block into a figure drawn
 * by the chart module, toc and sources into their markers.
 *
 * A value is text in an N_VALUE node: it is never parsed as Markdown,
 * so a cell holding "*emph*" or "<script>" prints as written.
 */
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart.h"
#include "fmt.h"
#include "kv.h"
#include "msg.h"
#include "tmpl_int.h"

static const char *const table_keys[] = {
	"data", "columns", "caption", "source", "note", "id", NULL
};
static const char *const col_keys[] = {
	"column", "title", "format", "align", NULL
};
static const char *const toc_keys[] = { "title", "depth", NULL };
static const char *const sources_keys[] = { "title", NULL };

struct directive *
tmpl_adddir(struct tmpl *t, enum dkind kind, struct node *n,
    const char *file, size_t line, size_t col)
{
	struct directive *d;

	if (t->ndirs == TMPL_MAX_DIRECTIVES) {
		msg(MSG_ERROR, file, line, col, "more than %d directive "
		    "blocks", TMPL_MAX_DIRECTIVES);
		return NULL;
	}
	xgrow(&t->dirs, &t->dirs_cap, t->ndirs + 1, sizeof(*t->dirs));
	d = &t->dirs[t->ndirs++];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->node = n;
	d->file = file;
	d->line = line;
	d->col = col;
	return d;
}

/* An option's string, scanned for {{ }}; NULL after reporting. */
static char *
optstr(struct tmpl *t, const struct directive *d, const char *key)
{
	const struct kv	*k;
	const char	*s;

	if ((k = kv_get(d->opts, key)) == NULL)
		return NULL;
	if ((s = kv_want_str(k, d->file, 1)) == NULL)
		return NULL;
	return tmpl_scan_str(t, s, d->file, k->line, k->col);
}

/* data: the query, parsed now; 0 after reporting. */
static int
data_query(struct tmpl *t, struct directive *d, const char *what)
{
	const struct kv	*k;
	const char	*s;

	if ((k = kv_get(d->opts, "data")) == NULL) {
		msg(MSG_ERROR, d->file, d->line, d->col, "%s: the data: "
		    "option is required (a query such as: mydata | top 5 "
		    "by value)", what);
		return 0;
	}
	if ((s = kv_want_str(k, d->file, 0)) == NULL)
		return 0;
	d->q = query_parse(s, d->file, k->line, k->col);
	return d->q != NULL;
}

/* id: a name for cross-references, "fig:" or "tbl:" put in front. */
static void
set_id(struct directive *d, const char *prefix)
{
	const struct kv	*k;
	const char	*s;
	size_t		 i;

	if ((k = kv_get(d->opts, "id")) == NULL ||
	    (s = kv_want_str(k, d->file, 0)) == NULL)
		return;
	if (strncmp(s, prefix, strlen(prefix)) == 0)
		s += strlen(prefix);
	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '_'))
			break;
	if (i == 0 || s[i] != '\0') {
		msg(MSG_ERROR, d->file, k->line, k->col, "id: '%s' is not "
		    "an id (letters, digits, - and _)", s);
		return;
	}
	d->node->id = xasprintf("%s%s", prefix, s);
}

static int
parse_align(const char *s)
{
	static const char *const names[] = {
		"left", "right", "center", "decimal", NULL
	};
	int	 i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* One entry of columns: a name, or {column, title, format, align}. */
static int
table_col(struct tmpl *t, struct directive *d, const struct kv *k)
{
	struct colsel	*c;
	const struct kv	*v;
	const char	*s;
	char		*err;
	int		 ok = 1;

	d->cols = xreallocarray(d->cols, d->ncols + 1, sizeof(*d->cols));
	c = &d->cols[d->ncols++];
	memset(c, 0, sizeof(*c));
	c->align = -1;
	c->line = k->line;
	c->col = k->col;
	if (k->type == KV_SCALAR) {
		c->name = xstrdup(k->val);
		return 1;
	}
	if (k->type != KV_MAP) {
		msg(MSG_ERROR, d->file, k->line, k->col, "columns: each entry "
		    "is a column name or {column, title, format, align}, "
		    "not %s", kv_typename(k));
		return 0;
	}
	if (!kv_check_map(k, d->file, "a table column", col_keys))
		return 0;
	if ((v = kv_get(k, "column")) == NULL) {
		msg(MSG_ERROR, d->file, k->line, k->col, "columns: the "
		    "column: key is required");
		return 0;
	}
	if ((s = kv_want_str(v, d->file, 0)) == NULL)
		return 0;
	c->name = xstrdup(s);
	c->line = v->line;
	c->col = v->col;
	if ((v = kv_get(k, "title")) != NULL &&
	    (s = kv_want_str(v, d->file, 1)) != NULL)
		c->title = tmpl_scan_str(t, s, d->file, v->line, v->col);
	if ((v = kv_get(k, "format")) != NULL &&
	    (s = kv_want_str(v, d->file, 0)) != NULL) {
		err = NULL;
		if (numfmt_parse(s, &c->fmt, &err))
			c->hasfmt = 1;
		else {
			msg(MSG_ERROR, d->file, v->line, v->col, "format: "
			    "%s", err ? err : "not a number format");
			ok = 0;
		}
		free(err);
	}
	if ((v = kv_get(k, "align")) != NULL &&
	    (s = kv_want_str(v, d->file, 0)) != NULL &&
	    (c->align = parse_align(s)) < 0) {
		msg(MSG_ERROR, d->file, v->line, v->col, "align: '%s' is not "
		    "left, right, center or decimal", s);
		ok = 0;
	}
	return ok;
}

static int
check_table(struct tmpl *t, struct directive *d)
{
	const struct kv	*k, *c;
	int		 ok;

	if (d->opts->type != KV_NULL && d->opts->type != KV_MAP)
		return kv_check_map(d->opts, d->file, "table", table_keys);
	ok = kv_check_map(d->opts, d->file, "table", table_keys);
	ok = data_query(t, d, "table") && ok;
	if ((k = kv_get(d->opts, "columns")) != NULL) {
		if (k->type != KV_LIST) {
			msg(MSG_ERROR, d->file, k->line, k->col, "columns: "
			    "expected a list (- Country), not %s",
			    kv_typename(k));
			ok = 0;
		} else
			for (c = k->first; c != NULL; c = c->next)
				if (!table_col(t, d, c))
					ok = 0;
	}
	d->caption = optstr(t, d, "caption");
	d->source = optstr(t, d, "source");
	d->note = optstr(t, d, "note");
	set_id(d, "tbl:");
	return ok;
}

/*
 * Set the options of a chart, but those whose value holds a {{ }}:
 * they wait in d->chopts until the values are known (chart_fill).
 */
static int
chart_opts(struct tmpl *t, struct directive *d)
{
	const struct kv	*k;
	char		*v, *s;
	int		 ok = 1;

	if (d->opts->type == KV_NULL)
		return 1;
	if (d->opts->type != KV_MAP) {
		msg(MSG_ERROR, d->file, d->opts->line, d->opts->col, "chart: "
		    "expected key: value lines, not %s",
		    kv_typename(d->opts));
		return 0;
	}
	for (k = d->opts->first; k != NULL; k = k->next) {
		if (strcmp(k->key, "data") == 0 || strcmp(k->key, "id") == 0)
			continue;
		if ((v = kv_join(k, d->file)) == NULL) {
			ok = 0;
			continue;
		}
		if (strstr(v, "{{") == NULL) {
			if (!chart_set(d->chart, k->key, v, d->file, k->line,
			    k->col))
				ok = 0;
		} else if ((s = tmpl_scan_str(t, v, d->file, k->line,
		    k->col)) != NULL) {
			d->chopts = xreallocarray(d->chopts, d->nchopts + 1,
			    sizeof(*d->chopts));
			d->chopts[d->nchopts].k = k;
			d->chopts[d->nchopts++].val = s;
		} else
			ok = 0;
		free(v);
	}
	return ok;
}

/* Set the chart options that waited for values. */
static int
chart_fill(struct tmpl *t, struct directive *d)
{
	const struct kv	*k;
	char		*v;
	size_t		 i;
	int		 ok = 1;

	for (i = 0; i < d->nchopts; i++) {
		k = d->chopts[i].k;
		v = tmpl_fill_str(t, d->chopts[i].val);
		if (!chart_set(d->chart, k->key, v, d->file, k->line, k->col))
			ok = 0;
		free(v);
	}
	return ok;
}

static int
check_chart(struct tmpl *t, struct directive *d)
{
	int	 ok;

	d->chart = chart_new();
	/* The chart's own words (notes, dates) in the document's language. */
	chart_lang(d->chart, t->lang);
	ok = chart_opts(t, d);
	if (d->opts->type == KV_MAP && !data_query(t, d, "chart"))
		ok = 0;
	else if (d->opts->type != KV_MAP) {
		msg(MSG_ERROR, d->file, d->line, d->col, "chart: the data: "
		    "option is required");
		ok = 0;
	}
	set_id(d, "fig:");
	return ok;
}

static int
check_marker(struct tmpl *t, struct directive *d)
{
	const struct kv	*k;
	long		 depth;
	int		 ok;

	ok = kv_check_map(d->opts, d->file, d->kind == D_TOC ? "toc" :
	    "sources", d->kind == D_TOC ? toc_keys : sources_keys);
	if (d->kind == D_TOC && (k = kv_get(d->opts, "depth")) != NULL) {
		if (kv_want_int(k, d->file, 1, 6, &depth))
			d->node->level = (int)depth;
		else
			ok = 0;
	}
	if (ok)
		d->caption = optstr(t, d, "title");
	return ok;
}

/* Parse the query of each value; a bare {{ $name }} is a parameter. */
static int
parse_values(struct tmpl *t)
{
	struct mark	*m;
	const char	*v;
	size_t		 i;
	int		 ok = 1;

	for (i = 0; i < t->nmarks; i++) {
		m = &t->marks[i];
		if (m->kind != MK_VALUE || (m->node == NULL && !m->instr))
			continue;
		if (m->arg[0] == '$' && m->arg[1] != '\0' &&
		    strspn(m->arg + 1, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
		    strlen(m->arg + 1)) {
			if ((v = tmpl_param(t, m->arg + 1)) != NULL)
				m->value = xstrdup(v);
			else {
				msg(MSG_ERROR, m->file, m->aline, m->acol,
				    "unknown parameter '%s' (declare it under "
				    "params: or set it with -D %s=...)",
				    m->arg, m->arg + 1);
				ok = 0;
			}
			continue;
		}
		if ((m->q = query_parse(m->arg, m->file, m->aline,
		    m->acol)) == NULL)
			ok = 0;
	}
	return ok;
}

/* Copy the chosen columns of a query result into the table shown. */
static struct table *
pick_cols(const struct table *src, const long *idx, size_t n)
{
	struct table	*t;
	size_t		 r, c, nr = table_nrows(src);

	t = table_new(table_name(src));
	if (table_source(src) != NULL)
		table_setsource(t, table_source(src));
	for (c = 0; c < n; c++) {
		table_addcol(t, table_colname(src, (size_t)idx[c]),
		    table_coltype(src, (size_t)idx[c]));
		if (table_colunit(src, (size_t)idx[c]) != NULL)
			table_col_setunit(t, c,
			    table_colunit(src, (size_t)idx[c]));
		if (table_colfmt(src, (size_t)idx[c]) != NULL)
			table_col_setfmt(t, c,
			    table_colfmt(src, (size_t)idx[c]));
	}
	for (r = 0; r < nr; r++) {
		table_addrow(t, table_rowline(src, r));
		for (c = 0; c < n; c++)
			table_set(t, r, c, table_get(src, r, (size_t)idx[c]));
	}
	return t;
}

/* The format a column gets when the table block names none. */
static void
default_fmt(const struct table *t, size_t c, struct numfmt *f)
{
	const char	*spec = table_colfmt(t, c);
	char		*err = NULL;

	if (spec == NULL)
		switch (table_coltype(t, c)) {
		case CT_INT:
			spec = ",.0f";
			break;
		case CT_DEC:
			spec = ",.2~f";
			break;
		case CT_YEAR:
			spec = "d";
			break;
		default:
			break;
		}
	if (spec == NULL || !numfmt_parse(spec, f, &err))
		numfmt_defaults(f);
	free(err);
}

static enum talign
default_align(enum ctype type)
{
	return type == CT_TEXT || type == CT_DATE ? TA_LEFT : TA_RIGHT;
}

/* A note explaining the codes that appear, when none is given. */
static char *
codes_note(const struct tmpl *t, const struct table *tb)
{
	static const char *const en[] = {
		"W: withheld to avoid disclosing company proprietary data",
		"NA: not available", "XX: not applicable"
	};
	static const char *const zh[] = {
		"W：为避免泄露公司专有数据而不予公布", "NA：无数据",
		"XX：不适用"
	};
	const char *const *words = tmpl_is_zh(t) ? zh : en;
	struct buf	 b = { NULL, 0, 0 };
	int		 seen[3] = { 0, 0, 0 }, i;
	size_t		 r, c;

	for (r = 0; r < table_nrows(tb); r++)
		for (c = 0; c < table_ncols(tb); c++)
			switch (table_get(tb, r, c)->kind) {
			case V_WITHHELD:
				seen[0] = 1;
				break;
			case V_NA:
				seen[1] = 1;
				break;
			case V_NOTAPPL:
				seen[2] = 1;
				break;
			default:
				break;
			}
	for (i = 0; i < 3; i++)
		if (seen[i])
			buf_printf(&b, "%s%s", b.len ? (tmpl_is_zh(t) ? "；" :
			    "; ") : "", words[i]);
	if (b.len == 0)
		return NULL;
	buf_puts(&b, tmpl_is_zh(t) ? "。" : ".");
	return buf_steal(&b);
}

static char *
filled(struct tmpl *t, const char *s)
{
	return s ? tmpl_fill_str(t, s) : NULL;
}

/* Report a column that the query's result lacks. */
static void
no_column(const struct directive *d, const struct colsel *c,
    const struct table *res)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	for (i = 0; i < table_ncols(res); i++)
		buf_printf(&b, "%s%s", i ? ", " : "", table_colname(res, i));
	msg(MSG_ERROR, d->file, c->line, c->col, "table: no column '%s' in "
	    "the data (columns: %s)", c->name, b.data ? b.data : "none");
	buf_free(&b);
}

/*
 * The note under a table when the block gives none: what the query
 * says about its figures (for one, the denominator of shares: "Shares
 * are of the World total as published."), then what the codes in it
 * mean.
 */
static char *
data_note(const struct tmpl *t, const struct table *res,
    const struct table *shown)
{
	const char	*qn = table_note(res);
	char		*codes = codes_note(t, shown), *s;

	if (qn == NULL)
		return codes;
	if (codes == NULL)
		return xstrdup(qn);
	s = xasprintf("%s%s%s", qn, tmpl_is_zh(t) ? "" : " ", codes);
	free(codes);
	return s;
}

static int
expand_table(struct tmpl *t, struct directive *d, const struct qenv *env)
{
	struct table	*res;
	struct tab	*tab;
	long		*idx;
	size_t		 i, n;
	int		 ok = 1;

	if ((res = query_table(d->q, env)) == NULL)
		return 0;
	if (table_nrows(res) > TMPL_MAX_ROWS) {
		msg(MSG_ERROR, d->file, d->line, d->col, "table: %zu rows; "
		    "the limit is %d (use top N in the query)",
		    table_nrows(res), TMPL_MAX_ROWS);
		table_free(res);
		return 0;
	}
	n = d->ncols ? d->ncols : table_ncols(res);
	idx = xcalloc(n ? n : 1, sizeof(long));
	for (i = 0; i < n; i++)
		if (d->ncols == 0)
			idx[i] = (long)i;
		else if ((idx[i] = table_colfind(res, d->cols[i].name)) < 0) {
			no_column(d, &d->cols[i], res);
			ok = 0;
		}
	if (!ok) {
		free(idx);
		table_free(res);
		return 0;
	}
	tab = xcalloc(1, sizeof(*tab));
	tab->data = pick_cols(res, idx, n);
	tab->ncols = n;
	tab->heads = xcalloc(n ? n : 1, sizeof(char *));
	tab->fmts = xcalloc(n ? n : 1, sizeof(struct numfmt));
	tab->align = xcalloc(n ? n : 1, sizeof(enum talign));
	for (i = 0; i < n; i++) {
		const struct colsel *c = d->ncols ? &d->cols[i] : NULL;

		tab->heads[i] = c && c->title ? tmpl_fill_str(t, c->title) :
		    xstrdup(table_colname(tab->data, i));
		if (c && c->hasfmt)
			tab->fmts[i] = c->fmt;
		else
			default_fmt(tab->data, i, &tab->fmts[i]);
		/* 's' writes 万 and 亿 in Chinese, as inline values do. */
		tab->fmts[i].lang = t->lang;
		tab->align[i] = c && c->align >= 0 ? (enum talign)c->align :
		    default_align(table_coltype(tab->data, i));
	}
	tab->caption = filled(t, d->caption);
	tab->source = filled(t, d->source);
	tab->note = d->note ? filled(t, d->note) : data_note(t, res, tab->data);
	d->node->tab = tab;
	free(idx);
	table_free(res);
	return 1;
}

static int
expand_chart(struct tmpl *t, struct directive *d, const struct qenv *env)
{
	struct table	*data;
	struct figure	*fig;
	struct dl	*dl;
	char		*alt = NULL;
	const char	*s;

	if (!chart_fill(t, d))
		return 0;
	if ((data = query_table(d->q, env)) == NULL)
		return 0;
	if (!chart_check(d->chart, data, d->file, d->line, d->col) ||
	    (dl = chart_draw(d->chart, data, t->opts->fonts, 0,
	    &alt)) == NULL) {
		table_free(data);
		free(alt);
		return 0;
	}
	fig = xcalloc(1, sizeof(*fig));
	fig->dl = dl;
	fig->data = data;
	fig->alt = alt;
	if ((s = chart_title(d->chart)) != NULL)
		fig->caption = xstrdup(s);
	if ((s = chart_subtitle(d->chart)) != NULL)
		fig->desc = xstrdup(s);
	if ((s = chart_source(d->chart)) != NULL)
		fig->source = xstrdup(s);
	d->node->fig = fig;
	return 1;
}

static void
expand_marker(struct tmpl *t, struct directive *d)
{
	static const char *const titles[2][2] = {
		{ "Contents", "Sources" }, { "目录", "资料来源" }
	};

	d->node->title = d->caption ? tmpl_fill_str(t, d->caption) :
	    xstrdup(titles[tmpl_is_zh(t)][d->kind == D_SOURCES]);
	if (d->kind == D_TOC && d->node->level == 0)
		d->node->level = t->numbering > 0 ? t->numbering : 3;
}

/*
 * Check every directive, parse every query, then run them and expand.
 * Return 1, or 0 after reporting.
 */
int
tmpl_expand(struct tmpl *t)
{
	struct qenv	 env;
	struct directive *d;
	size_t		 i, errs = tmpl_nerrors();
	int		 ok = 1;

	if (t->marks_full)
		return 0;	/* reported; the rest would only repeat */
	for (i = 0; i < t->ndirs; i++) {
		d = &t->dirs[i];
		if (d->kind == D_TABLE)
			ok = check_table(t, d) && ok;
		else if (d->kind == D_CHART)
			ok = check_chart(t, d) && ok;
		else
			ok = check_marker(t, d) && ok;
	}
	ok = parse_values(t) && ok;
	if (!ok || t->broken || tmpl_nerrors() != errs)
		return 0;
	memset(&env, 0, sizeof(env));
	env.reg = t->opts->reg;
	env.decls = t->decls;
	env.ndecls = t->ndecls;
	env.params = t->params;
	env.nparams = t->nparams;
	env.lang = t->lang;
	for (i = 0; i < t->nmarks; i++)
		if (t->marks[i].q != NULL)
			query_plan(t->marks[i].q, &env);
	for (i = 0; i < t->ndirs; i++)
		if (t->dirs[i].q != NULL)
			query_plan(t->dirs[i].q, &env);
	/* A value that fails leaves "" behind: the directives still run,
	   to report their own problems, but the build fails. */
	for (i = 0; i < t->nmarks; i++)
		if (t->marks[i].q != NULL && (t->marks[i].value =
		    query_text(t->marks[i].q, &env)) == NULL)
			ok = 0;
	for (i = 0; i < t->ndirs; i++) {
		d = &t->dirs[i];
		if (d->kind == D_TABLE)
			ok = expand_table(t, d, &env) && ok;
		else if (d->kind == D_CHART)
			ok = expand_chart(t, d, &env) && ok;
		else
			expand_marker(t, d);
	}
	return ok;
}
