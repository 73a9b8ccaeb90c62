/*
 * query_run.c: the operations of the query language, each a function
 * from a table to a new table (docs/queries.md has one example for
 * each).  A run keeps the current table and the grouping that
 * `group` set; grouped operations work group by group, groups in the
 * order their first row appears.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "calc.h"
#include "data.h"
#include "dataset.h"
#include "fmt.h"
#include "msg.h"
#include "query.h"
#include "query_impl.h"

static void
err(const struct qpos *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
err(const struct qpos *p, const char *fmt, ...)
{
	struct buf	 b = { NULL, 0, 0 };
	va_list		 ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	msg(MSG_ERROR, p->file, p->line, p->col, "%s", b.data);
	buf_free(&b);
}

const struct dsdecl *
qenv_decl(const struct qenv *env, const char *name, const struct qpos *p)
{
	const char	**names, *sug;
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	if (env == NULL || env->ndecls == 0) {
		err(p, "no datasets are declared: add them to the front "
		    "matter, like 'datasets: {cobalt: data/cobalt.csv}'");
		return NULL;
	}
	if (name == NULL)
		return &env->decls[0];
	for (i = 0; i < env->ndecls; i++)
		if (strcmp(env->decls[i].name, name) == 0)
			return &env->decls[i];
	names = xcalloc(env->ndecls, sizeof(*names));
	for (i = 0; i < env->ndecls; i++) {
		names[i] = env->decls[i].name;
		buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
	}
	if ((sug = str_closest(name, names, env->ndecls)) != NULL)
		err(p, "no dataset '%s'; did you mean '%s'?", name, sug);
	else
		err(p, "no dataset '%s'; the datasets are %s", name, b.data);
	free(names);
	buf_free(&b);
	return NULL;
}

const struct table *
qenv_table(const struct qenv *env, const char *name, const struct qpos *p)
{
	const struct dsdecl *d;

	if ((d = qenv_decl(env, name, p)) == NULL)
		return NULL;
	return dsreg_get(env->reg, d);
}

/* Resolve a column written in a step; -1 after reporting. */
static long
colof(const struct qrun *r, const struct qexpr *e)
{
	struct qexpr	 tmp;

	if (e == NULL)
		return -1;
	tmp = *e;
	tmp.a = tmp.b = NULL;
	tmp.args = NULL;
	tmp.nargs = 0;
	if (e->kind != E_COL) {
		err(&e->pos, "expected a column name here");
		return -1;
	}
	if (!qexpr_resolve(&tmp, r->t, table_name(r->t)))
		return -1;
	return tmp.col;
}

static struct qexpr *
compiled(const struct qrun *r, const struct qexpr *e)
{
	struct qexpr	*c = qexpr_copy(e);

	if (!qexpr_resolve(c, r->t, table_name(r->t))) {
		qexpr_free(c);
		return NULL;
	}
	return c;
}

static void
ectx_init(struct evalctx *c, const struct qrun *r)
{
	memset(c, 0, sizeof(*c));
	c->env = r->env;
	c->arena = arena_new();
	c->gcols = r->groups;
	c->ngcols = r->ngroups;
	c->what = table_name(r->t);
}

int
qenv_zh(const struct qenv *env)
{
	return env != NULL && fmt_zh(env->lang);
}

void
qrun_settable(struct qrun *r, struct table *t, int owned)
{
	if (r->owned && r->t != NULL && r->t != t)
		table_free(r->t);
	r->t = t;
	r->owned = owned;
}

static void
groups_clear(struct qrun *r)
{
	size_t	 i;

	for (i = 0; i < r->ngroups; i++)
		free(r->groups[i]);
	free(r->groups);
	r->groups = NULL;
	r->ngroups = 0;
}

/*
 * Groups: rows with equal key values, in order of first appearance.
 * A small open-addressing table of serialized keys.
 */
struct keymap {
	char	**keys;
	size_t	 *vals;
	size_t	  cap, n;
};

static size_t
hashstr(const char *s, size_t n)
{
	size_t	 h = 1469598103934665603ULL, i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* Find key; if absent, add it with value v.  Return the value. */
static size_t
keymap_get(struct keymap *m, const char *k, size_t len, size_t v, int *isnew)
{
	size_t	 i, j, cap;
	char	**ok;
	size_t	 *ov;

	if (m->n * 2 >= m->cap) {
		cap = m->cap ? m->cap * 2 : 64;
		ok = m->keys;
		ov = m->vals;
		m->keys = xcalloc(cap, sizeof(*m->keys));
		m->vals = xcalloc(cap, sizeof(*m->vals));
		for (i = 0; i < m->cap; i++) {
			if (ok[i] == NULL)
				continue;
			for (j = hashstr(ok[i] + sizeof(size_t),
			    *(size_t *)ok[i]) & (cap - 1); m->keys[j] != NULL;
			    j = (j + 1) & (cap - 1))
				continue;
			m->keys[j] = ok[i];
			m->vals[j] = ov[i];
		}
		free(ok);
		free(ov);
		m->cap = cap;
	}
	for (i = hashstr(k, len) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (*(size_t *)m->keys[i] == len &&
		    memcmp(m->keys[i] + sizeof(size_t), k, len) == 0) {
			*isnew = 0;
			return m->vals[i];
		}
	/* Stored as the length, then the bytes. */
	m->keys[i] = xmalloc(sizeof(size_t) + len + 1);
	memcpy(m->keys[i], &len, sizeof(size_t));
	memcpy(m->keys[i] + sizeof(size_t), k, len);
	m->vals[i] = v;
	m->n++;
	*isnew = 1;
	return v;
}

static void
keymap_free(struct keymap *m)
{
	size_t	 i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
}

/* The key of a row: each value's kind and text or number. */
static void
rowkey(struct buf *b, const struct table *t, size_t row, const long *cols,
    size_t n, int fold)
{
	const struct value *v;
	const char	*s;
	size_t		 i;

	buf_reset(b);
	for (i = 0; i < n; i++) {
		v = table_get(t, row, (size_t)cols[i]);
		if (v->kind == V_TEXT) {
			buf_putc(b, 'T');
			for (s = v->str; *s != '\0'; s++)
				buf_putc(b, fold && *s >= 'A' && *s <= 'Z' ?
				    *s + 32 : *s);
		} else if (v->kind == V_NUM)
			fmt_shortest((buf_putc(b, 'N'), b), v->num);
		else
			buf_putc(b, (char)('0' + v->kind));
		buf_putc(b, '\x1f');
	}
	if (b->data == NULL)
		buf_put(b, "", 0);
}

int
grouping_make(const struct table *t, char *const *names, size_t n,
    const struct qpos *p, struct grouping *g)
{
	struct keymap	 m;
	struct buf	 k = { NULL, 0, 0 };
	long		*cols;
	size_t		*gid, *cnt, i, nr = table_nrows(t), id;
	int		 isnew;

	memset(g, 0, sizeof(*g));
	cols = xcalloc(n ? n : 1, sizeof(*cols));
	for (i = 0; i < n; i++)
		if ((cols[i] = table_colfind(t, names[i])) < 0) {
			err(p, "the grouping column '%s' is gone from %s "
			    "(ungroup, or keep it in select)", names[i],
			    table_name(t));
			free(cols);
			return 0;
		}
	memset(&m, 0, sizeof(m));
	gid = xcalloc(nr ? nr : 1, sizeof(*gid));
	cnt = xcalloc(nr + 1, sizeof(*cnt));
	for (i = 0; i < nr; i++) {
		rowkey(&k, t, i, cols, n, 0);
		id = keymap_get(&m, k.data, k.len, g->ngroups, &isnew);
		if (isnew)
			g->ngroups++;
		gid[i] = id;
		cnt[id]++;
	}
	if (nr == 0 && n == 0)
		g->ngroups = 1;	/* one empty group: summarize gives a row */
	g->start = xcalloc(g->ngroups + 1, sizeof(*g->start));
	for (i = 0; i < g->ngroups; i++)
		g->start[i + 1] = g->start[i] + cnt[i];
	g->rows = xcalloc(nr ? nr : 1, sizeof(*g->rows));
	memset(cnt, 0, (nr + 1) * sizeof(*cnt));
	for (i = 0; i < nr; i++)
		g->rows[g->start[gid[i]] + cnt[gid[i]]++] = i;
	keymap_free(&m);
	buf_free(&k);
	free(gid);
	free(cnt);
	free(cols);
	return 1;
}

void
grouping_free(struct grouping *g)
{
	free(g->rows);
	free(g->start);
	memset(g, 0, sizeof(*g));
}

static int
isnumtype(enum ctype t)
{
	return t == CT_INT || t == CT_DEC;
}

/*
 * Settle the type of computed columns from their values: integer if
 * every number is whole, decimal otherwise, text if any is text.
 */
static void
fix_type(struct table *t, size_t j)
{
	const struct value *v;
	size_t		 r;
	int		 text, frac, num;

	if (table_coltype(t, j) == CT_YEAR || table_coltype(t, j) == CT_DATE)
		return;
	{
		text = frac = num = 0;
		for (r = 0; r < table_nrows(t); r++) {
			v = table_get(t, r, j);
			if (v->kind == V_TEXT)
				text = 1;
			else if (v->kind == V_NUM || v->kind == V_LOWER ||
			    v->kind == V_UPPER) {
				num = 1;
				if (v->num != floor(v->num) ||
				    fabs(v->num) > 9007199254740992.0)
					frac = 1;
			}
		}
		table_col_settype(t, j, text ? CT_TEXT : num && !frac ?
		    CT_INT : CT_DEC);
		if (text)
			table_col_setfmt(t, j, NULL);
		else if (table_colfmt(t, j) == NULL)
			/* Computed decimals: four significant digits. */
			table_col_setfmt(t, j, frac ? ",.4~g" : ",d");
	}
}

static void
fix_types(struct table *t, size_t from)
{
	size_t	 j;

	for (j = from; j < table_ncols(t); j++)
		fix_type(t, j);
}

void
qtable_fixtypes(struct table *t, size_t from)
{
	fix_types(t, from);
}

/* Add a computed column (or replace one) from values. */
static size_t
setcol(struct table *t, const char *name, const struct value *v)
{
	long	 j = table_colfind(t, name);
	size_t	 r;

	if (j < 0 || strcmp(table_colname(t, (size_t)j), name) != 0)
		j = (long)table_addcol(t, name, CT_DEC);
	else {
		table_col_setunit(t, (size_t)j, NULL);
		table_col_setfmt(t, (size_t)j, NULL);
		table_col_settype(t, (size_t)j, CT_DEC);
	}
	for (r = 0; r < table_nrows(t); r++)
		table_set(t, r, (size_t)j, &v[r]);
	return (size_t)j;
}

static struct table *
copytable(const struct table *src)
{
	struct table	*t = table_newlike(src, NULL);
	size_t		 r;

	for (r = 0; r < table_nrows(src); r++)
		table_copyrow(t, src, r);
	return t;
}

static int
op_filter(struct qrun *r, const struct qstep *s)
{
	struct evalctx	 c;
	struct qexpr	*e;
	struct rowctx	 rc;
	struct value	 v;
	struct table	*out;
	size_t		 i;

	if ((e = compiled(r, s->e)) == NULL)
		return 0;
	if (qexpr_hasagg(e)) {
		err(&s->pos, "filter keeps rows one by one; to compare with "
		    "a total, compute it with summarize or share first");
		qexpr_free(e);
		return 0;
	}
	ectx_init(&c, r);
	out = table_newlike(r->t, NULL);
	memset(&rc, 0, sizeof(rc));
	rc.t = r->t;
	for (i = 0; i < table_nrows(r->t) && !c.err; i++) {
		rc.row = i;
		qexpr_eval(&c, e, &rc, &v);
		if (value_true(&v))
			table_copyrow(out, r->t, i);
	}
	arena_free(c.arena);
	qexpr_free(e);
	if (c.err) {
		table_free(out);
		return 0;
	}
	qrun_settable(r, out, 1);
	return 1;
}

/* Evaluate an expression on every row of t. */
static struct value *
rowvalues(struct qrun *r, struct evalctx *c, const struct qexpr *e,
    const struct table *t)
{
	struct value	*v;
	struct rowctx	 rc;
	size_t		 i;

	v = xcalloc(table_nrows(t) + 1, sizeof(*v));
	memset(&rc, 0, sizeof(rc));
	rc.t = t;
	for (i = 0; i < table_nrows(t) && !c->err; i++) {
		rc.row = i;
		qexpr_eval(c, e, &rc, &v[i]);
	}
	(void)r;
	return v;
}

/* The default name of a computed item: "sum_Reserves", or "value". */
char *
qitem_name(const struct qitem *it)
{
	const struct qexpr *e = it->e;

	if (it->name != NULL)
		return xstrdup(it->name);
	if (e->kind == E_COL)
		return xstrdup(e->str);
	if (e->kind == E_CALL && e->nargs > 0 && e->args[e->nargs == 2 &&
	    e->args[0]->kind == E_STR ? 1 : 0]->kind == E_COL)
		return xasprintf("%s_%s", e->str, e->args[e->nargs == 2 &&
		    e->args[0]->kind == E_STR ? 1 : 0]->str);
	if (e->kind == E_CALL && e->nargs == 0)
		return xstrdup(e->str);
	return xstrdup("value");
}

static int
op_derive(struct qrun *r, const struct qstep *s, int select)
{
	struct evalctx	 c;
	struct qexpr	*e;
	struct table	*work, *out;
	struct value	*v;
	size_t		 i, j, k, ncomp = 0;
	long		 col, nc;
	char		*name, **keep;
	enum colsum	 how;
	int		 ok = 1;

	work = copytable(r->t);
	keep = xcalloc(s->nitems + 1, sizeof(*keep));
	ectx_init(&c, r);
	for (i = 0; i < s->nitems && ok; i++) {
		name = qitem_name(&s->items[i]);
		keep[i] = name;
		/* A bare column: select keeps it (and its metadata). */
		if (s->items[i].e->kind == E_COL) {
			struct qrun tmp = *r;

			tmp.t = work;
			if ((col = colof(&tmp, s->items[i].e)) < 0) {
				ok = 0;
				break;
			}
			if (strcmp(name, table_colname(work, (size_t)col)) ==
			    0)
				continue;
			k = table_addcolfrom(work, work, (size_t)col, name);
			for (j = 0; j < table_nrows(work); j++)
				table_set(work, j, k, table_get(work, j,
				    (size_t)col));
			if (table_namecol(work) == col && select)
				table_setnamecol(work, (long)k);
			continue;
		}
		{
			struct qrun tmp = *r;

			tmp.t = work;
			if ((e = compiled(&tmp, s->items[i].e)) == NULL) {
				ok = 0;
				break;
			}
		}
		if (qexpr_hasagg(e)) {
			err(&s->items[i].pos, "%s works row by row; "
			    "aggregates such as sum() belong in summarize",
			    s->word);
			qexpr_free(e);
			ok = 0;
			break;
		}
		v = rowvalues(r, &c, e, work);
		how = qexpr_colsum(e, work);
		qexpr_free(e);
		if (c.err) {
			free(v);
			ok = 0;
			break;
		}
		k = setcol(work, name, v);
		table_col_setsum(work, k, how);
		if ((long)k == table_namecol(work))
			table_setnamecol(work, -1);
		free(v);
		ncomp++;
		fix_type(work, k);
	}
	arena_free(c.arena);
	if (!ok) {
		for (i = 0; i < s->nitems; i++)
			free(keep[i]);
		free(keep);
		table_free(work);
		return 0;
	}
	if (!select) {
		out = work;
	} else {
		/* Keep the items, in their order. */
		out = table_new(table_name(work));
		table_setsource(out, table_source(work));
		table_copynotes(out, work);
		nc = -1;
		for (i = 0; i < s->nitems; i++) {
			col = table_colfind(work, keep[i]);
			table_addcolfrom(out, work, (size_t)col, keep[i]);
			if (col == table_namecol(work))
				nc = (long)i;
		}
		for (j = 0; j < table_nrows(work); j++) {
			size_t	 row = table_addrow(out,
			    table_rowline(work, j));

			for (i = 0; i < s->nitems; i++)
				table_set(out, row, i, table_get(work, j,
				    (size_t)table_colfind(work, keep[i])));
		}
		table_setnamecol(out, nc);
		table_free(work);
		/* Groups that are gone end the grouping. */
		for (i = 0; i < r->ngroups; i++)
			if (table_colfind(out, r->groups[i]) < 0) {
				groups_clear(r);
				break;
			}
	}
	for (i = 0; i < s->nitems; i++)
		free(keep[i]);
	free(keep);
	(void)ncomp;
	qrun_settable(r, out, 1);
	return 1;
}

static int
op_group(struct qrun *r, const struct qstep *s)
{
	size_t	 i;

	for (i = 0; i < s->nitems; i++)
		if (colof(r, s->items[i].e) < 0)
			return 0;
	groups_clear(r);
	r->groups = xcalloc(s->nitems, sizeof(*r->groups));
	for (i = 0; i < s->nitems; i++)
		r->groups[i] = xstrdup(table_colname(r->t,
		    (size_t)table_colfind(r->t, s->items[i].e->str)));
	r->ngroups = s->nitems;
	return 1;
}

/* The format of an aggregate's result. */
const char *
qagg_fmt(const struct qexpr *e, const struct table *t)
{
	const char	*f = e->kind == E_CALL ? e->str : "";

	if (strcasecmp(f, "cr") == 0 || strcasecmp(f, "leader_share") == 0 ||
	    strcasecmp(f, "share_of") == 0)
		return ".1%";
	if (strcasecmp(f, "hhi") == 0)
		return ",.0f";
	if (strcasecmp(f, "count") == 0)
		return ",d";
	if (e->kind == E_CALL && e->nargs == 1 && e->args[0]->kind == E_COL &&
	    e->args[0]->col >= 0 && strcasecmp(f, "leader") != 0)
		return table_colfmt(t, (size_t)e->args[0]->col);
	return NULL;
}

const char *
qagg_unit(const struct qexpr *e, const struct table *t)
{
	const char	*f = e->kind == E_CALL ? e->str : "";

	if (e->kind == E_COL && e->col >= 0)
		return table_colunit(t, (size_t)e->col);
	if (e->kind == E_CALL && e->nargs == 1 && e->args[0]->kind == E_COL &&
	    e->args[0]->col >= 0 && (strcasecmp(f, "sum") == 0 ||
	    strcasecmp(f, "mean") == 0 || strcasecmp(f, "avg") == 0 ||
	    strcasecmp(f, "min") == 0 || strcasecmp(f, "max") == 0 ||
	    strcasecmp(f, "median") == 0 || strcasecmp(f, "first") == 0 ||
	    strcasecmp(f, "last") == 0))
		return table_colunit(t, (size_t)e->args[0]->col);
	return NULL;
}

/*
 * Summarize: one row per group, the group's keys and the items.  The
 * streaming path builds the same table (query_stream.c).
 */
static int
op_summarize(struct qrun *r, const struct qstep *s)
{
	struct grouping	 g;
	struct evalctx	 c;
	struct qexpr   **e;
	struct table	*out;
	struct value	 v;
	size_t		 i, k, row, nk = r->ngroups;
	long		 col, nc = -1;
	char		*name;
	int		 ok = 1;

	if (!grouping_make(r->t, r->groups, r->ngroups, &s->pos, &g))
		return 0;
	e = xcalloc(s->nitems + 1, sizeof(*e));
	for (i = 0; i < s->nitems && ok; i++)
		if ((e[i] = compiled(r, s->items[i].e)) == NULL)
			ok = 0;
	out = table_new(table_name(r->t));
	table_setsource(out, table_source(r->t));
	table_copynotes(out, r->t);
	for (k = 0; ok && k < nk; k++) {
		col = table_colfind(r->t, r->groups[k]);
		table_addcolfrom(out, r->t, (size_t)col, NULL);
		if (col == table_namecol(r->t))
			nc = (long)k;
	}
	for (i = 0; ok && i < s->nitems; i++) {
		name = qitem_name(&s->items[i]);
		table_addcol(out, name, CT_DEC);
		table_col_setfmt(out, nk + i, qagg_fmt(e[i], r->t));
		table_col_setunit(out, nk + i, qagg_unit(e[i], r->t));
		table_col_setsum(out, nk + i, qexpr_colsum(e[i], r->t));
		free(name);
	}
	table_setnamecol(out, nc);
	ectx_init(&c, r);
	c.notes = out;
	for (k = 0; ok && k < g.ngroups; k++) {
		const size_t *rows = g.rows + g.start[k];
		size_t	 n = g.start[k + 1] - g.start[k];

		row = table_addrow(out, n ? table_rowline(r->t, rows[0]) : 0);
		for (i = 0; i < nk; i++)
			table_set(out, row, i, table_get(r->t, rows[0],
			    (size_t)table_colfind(r->t, r->groups[i])));
		for (i = 0; i < s->nitems && !c.err; i++) {
			qexpr_evalagg(&c, e[i], r->t, rows, n, &v);
			table_set(out, row, nk + i, &v);
		}
		if (c.err)
			ok = 0;
	}
	arena_free(c.arena);
	for (i = 0; i < s->nitems; i++)
		qexpr_free(e[i]);
	free(e);
	grouping_free(&g);
	if (!ok) {
		table_free(out);
		return 0;
	}
	fix_types(out, nk);
	groups_clear(r);
	qrun_settable(r, out, 1);
	return 1;
}

/* Sorting rows by keys; stable, missing values last either way. */
struct sortctx {
	const struct table *t;
	long		*cols;
	int		*desc;
	size_t		 n;
};

static int
sortcmp(const struct sortctx *sc, size_t a, size_t b)
{
	const struct value *x, *y;
	size_t		 i;
	int		 c, mx, my;

	for (i = 0; i < sc->n; i++) {
		x = table_get(sc->t, a, (size_t)sc->cols[i]);
		y = table_get(sc->t, b, (size_t)sc->cols[i]);
		mx = x->kind != V_NUM && x->kind != V_TEXT &&
		    x->kind != V_LOWER && x->kind != V_UPPER;
		my = y->kind != V_NUM && y->kind != V_TEXT &&
		    y->kind != V_LOWER && y->kind != V_UPPER;
		if (mx != my)
			return mx ? 1 : -1;
		if ((c = value_cmp(x, y)) != 0)
			return sc->desc[i] ? -c : c;
	}
	return a < b ? -1 : a > b;
}

/* Merge sort of row indices (stable, no global state). */
static void
msort(size_t *v, size_t *tmp, size_t n, const struct sortctx *sc)
{
	size_t	 m, i, j, k;

	if (n < 2)
		return;
	m = n / 2;
	msort(v, tmp, m, sc);
	msort(v + m, tmp, n - m, sc);
	for (i = 0, j = m, k = 0; i < m && j < n; )
		tmp[k++] = sortcmp(sc, v[i], v[j]) <= 0 ? v[i++] : v[j++];
	while (i < m)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

static void
sortrows(size_t *rows, size_t n, const struct sortctx *sc)
{
	size_t	*tmp = xcalloc(n ? n : 1, sizeof(*tmp));

	msort(rows, tmp, n, sc);
	free(tmp);
}

static struct table *
reorder(const struct table *t, const size_t *rows, size_t n)
{
	struct table	*out = table_newlike(t, NULL);
	size_t		 i;

	for (i = 0; i < n; i++)
		table_copyrow(out, t, rows[i]);
	return out;
}

static int
op_sort(struct qrun *r, const struct qstep *s)
{
	struct sortctx	 sc;
	size_t		*rows, i, n = table_nrows(r->t);

	sc.t = r->t;
	sc.n = s->nitems;
	sc.cols = xcalloc(s->nitems, sizeof(*sc.cols));
	sc.desc = xcalloc(s->nitems, sizeof(*sc.desc));
	for (i = 0; i < s->nitems; i++) {
		if ((sc.cols[i] = colof(r, s->items[i].e)) < 0) {
			free(sc.cols);
			free(sc.desc);
			return 0;
		}
		sc.desc[i] = s->items[i].desc;
	}
	rows = xcalloc(n ? n : 1, sizeof(*rows));
	for (i = 0; i < n; i++)
		rows[i] = i;
	sortrows(rows, n, &sc);
	qrun_settable(r, reorder(r->t, rows, n), 1);
	free(rows);
	free(sc.cols);
	free(sc.desc);
	return 1;
}

static int
count_of(const struct qrun *r, const struct qcount *c, long *n)
{
	const char	*v;
	char		*end;

	if (c->param == NULL) {
		*n = c->n;
		return 1;
	}
	if ((v = param_get(r->env, c->param)) == NULL) {
		err(&c->pos, "no parameter $%s (set it with -D %s=...)",
		    c->param, c->param);
		return 0;
	}
	*n = strtol(v, &end, 10);
	if (*end != '\0' || *n < 0 || end == v) {
		err(&c->pos, "$%s is '%s', but a whole number is needed here",
		    c->param, v);
		return 0;
	}
	return 1;
}

/* The first numeric column that is not a year. */
static long
firstnum(const struct table *t)
{
	size_t	 j;

	for (j = 0; j < table_ncols(t); j++)
		if (isnumtype(table_coltype(t, j)))
			return (long)j;
	return -1;
}

/*
 * Fill an "Other" row from the rows rest[]: quantities and shares add
 * up; a value the rest rows share is kept where it is the whole's
 * value too (a ratio, a price, a year, the Type); ranks and figures
 * of concentration stay empty (docs/queries.md, table_colsum()).
 */
static void
otherrow(struct table *out, const struct table *t, const size_t *rest,
    size_t n, const char *label)
{
	struct acc	 a;
	struct value	 v;
	size_t		 row, j, i;
	long		 nc = table_namecol(t), lab = nc;
	enum colsum	 how;

	if (lab < 0)
		for (j = 0; j < table_ncols(t); j++)
			if (table_coltype(t, j) == CT_TEXT) {
				lab = (long)j;
				break;
			}
	row = table_addrow(out, n ? table_rowline(t, rest[0]) : 0);
	for (j = 0; j < table_ncols(t); j++) {
		if ((long)j == lab) {
			memset(&v, 0, sizeof(v));
			v.kind = V_TEXT;
			v.str = label;
			table_set(out, row, j, &v);
			continue;
		}
		how = table_colsum(t, j);
		if (how == CS_NONE)
			continue;
		if (how == CS_ADD && isnumtype(table_coltype(t, j))) {
			acc_init(&a, A_SUM);
			for (i = 0; i < n; i++)
				acc_add(&a, table_get(t, rest[i], j));
			acc_result(&a, &v);
			table_set(out, row, j, &v);
			acc_free(&a);
			continue;
		}
		/* A value every rest row has (the Type, a year, a ratio)
		   is kept, but not a note ("Reserves_notes"). */
		for (i = 1; i < n; i++)
			if (value_cmp(table_get(t, rest[0], j),
			    table_get(t, rest[i], j)) != 0)
				break;
		if (n > 0 && i == n && !(table_get(t, rest[0], j)->kind ==
		    V_TEXT && table_colunit(t, j) == NULL &&
		    strstr(table_colname(t, j), "note") != NULL))
			table_set(out, row, j, table_get(t, rest[0], j));
	}
}

static int
op_top(struct qrun *r, const struct qstep *s, int rank_only)
{
	struct grouping	 g;
	struct sortctx	 sc;
	struct table	*out;
	size_t		*cand, *rest, nc, nrest, i, k;
	long		 n = 0, col;
	int		 desc = 1;
	const char	*label = s->s ? s->s : "Other";

	(void)rank_only;
	if (!count_of(r, &s->n, &n))
		return 0;
	if (s->by != NULL) {
		if ((col = colof(r, s->by)) < 0)
			return 0;
	} else if ((col = firstnum(r->t)) < 0) {
		err(&s->pos, "top needs 'by' and a column of numbers; %s has "
		    "none", table_name(r->t));
		return 0;
	}
	if (!grouping_make(r->t, r->groups, r->ngroups, &s->pos, &g))
		return 0;
	sc.t = r->t;
	sc.n = 1;
	sc.cols = &col;
	sc.desc = &desc;
	out = table_newlike(r->t, NULL);
	cand = xcalloc(table_nrows(r->t) + 1, sizeof(*cand));
	rest = xcalloc(table_nrows(r->t) + 1, sizeof(*rest));
	for (k = 0; k < g.ngroups; k++) {
		nc = nrest = 0;
		/* Rank the items; rests ("Other countries") go to Other;
		 * World rows go. */
		for (i = g.start[k]; i < g.start[k + 1]; i++) {
			enum rowclass rc = table_rowclass(r->t, g.rows[i]);

			if (rc == RC_ITEM)
				cand[nc++] = g.rows[i];
			else if (rc == RC_OTHER)
				rest[nrest++] = g.rows[i];
		}
		sortrows(cand, nc, &sc);
		for (i = 0; i < nc; i++) {
			if ((long)i < n)
				table_copyrow(out, r->t, cand[i]);
			else
				rest[nrest++] = cand[i];
		}
		if (s->other && nrest > 0)
			otherrow(out, r->t, rest, nrest, label);
	}
	if (s->other) {
		char	*note = qenv_zh(r->env) ?
		    xasprintf("“%s”为前%ld名以外各行之和。", label, n) :
		    xasprintf("'%s' adds up the rows below the top %ld.",
		    label, n);

		table_addnote(out, note);
		free(note);
	}
	free(cand);
	free(rest);
	grouping_free(&g);
	qrun_settable(r, out, 1);
	return 1;
}

static int
op_limit(struct qrun *r, const struct qstep *s)
{
	struct grouping	 g;
	struct table	*out;
	size_t		 k, i;
	long		 n;

	if (!count_of(r, &s->n, &n))
		return 0;
	if (!grouping_make(r->t, r->groups, r->ngroups, &s->pos, &g))
		return 0;
	out = table_newlike(r->t, NULL);
	for (k = 0; k < g.ngroups; k++)
		for (i = g.start[k]; i < g.start[k + 1] &&
		    (long)(i - g.start[k]) < n; i++)
			table_copyrow(out, r->t, g.rows[i]);
	grouping_free(&g);
	qrun_settable(r, out, 1);
	return 1;
}

/* A label for a group in messages: its key values. */
static char *
grouplabel(const struct qrun *r, size_t row)
{
	struct buf	 b = { NULL, 0, 0 };
	const struct value *v;
	size_t		 i;

	for (i = 0; i < r->ngroups; i++) {
		v = table_get(r->t, row, (size_t)table_colfind(r->t,
		    r->groups[i]));
		buf_printf(&b, "%s", i ? ", " : " (");
		fmt_value(&b, v, NULL);
	}
	if (r->ngroups)
		buf_putc(&b, ')');
	return b.data ? buf_steal(&b) : xstrdup("");
}

static int
op_share(struct qrun *r, const struct qstep *s)
{
	struct grouping	 g;
	struct evalctx	 c;
	struct value	*v, den;
	struct table	*out;
	struct buf	 pct = { NULL, 0, 0 };
	struct qexpr	*x;
	size_t		 k, i, nr = table_nrows(r->t), j;
	long		 col;
	int		 world, anyworld = 0, anylisted = 0;
	double		 sum;
	const char	*name = s->s ? s->s : "share";
	char		*lab;

	if ((col = colof(r, s->e)) < 0 || (x = compiled(r, s->e)) == NULL)
		return 0;
	if (!grouping_make(r->t, r->groups, r->ngroups, &s->pos, &g)) {
		qexpr_free(x);
		return 0;
	}
	ectx_init(&c, r);
	v = xcalloc(nr + 1, sizeof(*v));
	for (k = 0; k < g.ngroups; k++) {
		const size_t *rows = g.rows + g.start[k];
		size_t	 n = g.start[k + 1] - g.start[k];

		if (!group_denom(&c, x, r->t, rows, n, s->denom, &den,
		    &world)) {
			for (i = 0; i < n; i++)
				v[rows[i]].kind = V_NA;
			continue;
		}
		anyworld |= world;
		anylisted |= !world;
		sum = 0;
		for (i = 0; i < n; i++) {
			const struct value *xv = table_get(r->t, rows[i],
			    (size_t)col);
			struct value	*o = &v[rows[i]];

			if (xv->kind != V_NUM && xv->kind != V_LOWER &&
			    xv->kind != V_UPPER) {
				*o = *xv;
				o->str = NULL;
				continue;
			}
			o->kind = V_NUM;
			o->num = den.num != 0 ? xv->num / den.num : 0;
			if (den.num == 0)
				o->kind = V_NA;
			else if (xv->kind == V_LOWER && den.kind != V_LOWER)
				o->kind = V_LOWER;
			else if (xv->kind != V_LOWER && den.kind == V_LOWER)
				o->kind = V_UPPER;
			else if (xv->kind != V_NUM)
				o->kind = V_NA;
			if (o->kind == V_NUM && table_rowclass(r->t,
			    rows[i]) != RC_TOTAL)
				sum += o->num;
		}
		if (sum > 1.005) {
			struct numfmt	 f;

			numfmt_defaults(&f);
			f.type = 'f';
			f.prec = 1;
			buf_reset(&pct);
			fmt_num(&pct, sum * 100, &f);
			lab = grouplabel(r, rows[0]);
			msg(MSG_WARNING, s->pos.file, s->pos.line, s->pos.col,
			    "the shares of %s%s add up to %s%% of the %s",
			    table_colname(r->t, (size_t)col), lab, pct.data,
			    world ? "World total: the listed rows add up to "
			    "more than the published total" : "total");
			free(lab);
		}
	}
	arena_free(c.arena);
	qexpr_free(x);
	out = copytable(r->t);
	j = setcol(out, name, v);
	table_col_settype(out, j, CT_DEC);
	table_col_setfmt(out, j, ".1%");
	/* Shares of one total add up (but see op_top). */
	table_col_setsum(out, j, CS_ADD);
	if (anyworld && !anylisted)
		table_addnote(out, qenv_zh(r->env) ? QZH_WORLD :
		    "Shares are of the World total as published.");
	else if (anylisted && !anyworld)
		table_addnote(out, qenv_zh(r->env) ? QZH_LISTED :
		    "Shares are of the sum of the listed rows.");
	else if (anyworld)
		table_addnote(out, qenv_zh(r->env) ? "份额以公布的世界合计"
		    "为分母；没有世界合计的，以所列各行之和为分母。" :
		    "Shares are of the World total as published where there "
		    "is one, else of the sum of the listed rows.");
	free(v);
	buf_free(&pct);
	grouping_free(&g);
	qrun_settable(r, out, 1);
	return 1;
}

static int
op_rank(struct qrun *r, const struct qstep *s)
{
	struct grouping	 g;
	struct sortctx	 sc;
	struct value	*v;
	struct table	*out;
	size_t		*cand, nc, k, i, j;
	long		 col;
	int		 desc = s->desc;

	if ((col = colof(r, s->e)) < 0)
		return 0;
	if (!grouping_make(r->t, r->groups, r->ngroups, &s->pos, &g))
		return 0;
	sc.t = r->t;
	sc.n = 1;
	sc.cols = &col;
	sc.desc = &desc;
	v = xcalloc(table_nrows(r->t) + 1, sizeof(*v));
	cand = xcalloc(table_nrows(r->t) + 1, sizeof(*cand));
	for (k = 0; k < g.ngroups; k++) {
		nc = 0;
		for (i = g.start[k]; i < g.start[k + 1]; i++) {
			const struct value *x = table_get(r->t, g.rows[i],
			    (size_t)col);

			if (table_rowclass(r->t, g.rows[i]) == RC_ITEM &&
			    (x->kind == V_NUM || x->kind == V_LOWER ||
			    x->kind == V_UPPER))
				cand[nc++] = g.rows[i];
		}
		sortrows(cand, nc, &sc);
		/* Competition ranking: 1, 2, 2, 4. */
		for (i = 0; i < nc; i++) {
			j = i;
			if (i > 0 && table_get(r->t, cand[i],
			    (size_t)col)->num == table_get(r->t, cand[i - 1],
			    (size_t)col)->num)
				j = (size_t)v[cand[i - 1]].num - 1;
			v[cand[i]].kind = V_NUM;
			v[cand[i]].num = (double)(j + 1);
		}
	}
	out = copytable(r->t);
	i = setcol(out, s->s ? s->s : "rank", v);
	table_col_settype(out, i, CT_INT);
	table_col_setfmt(out, i, "d");
	/* Rests get no rank. */
	table_col_setsum(out, i, CS_NONE);
	free(v);
	free(cand);
	grouping_free(&g);
	qrun_settable(r, out, 1);
	return 1;
}

/* The text a join matches on: case folded. */
static void
joinkey(struct buf *b, const struct value *v)
{
	const char	*s;

	buf_reset(b);
	if (v->kind == V_TEXT)
		for (s = v->str; *s != '\0'; s++)
			buf_putc(b, *s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
	else if (v->kind == V_NUM)
		fmt_shortest(b, v->num);
	if (b->data == NULL)
		buf_put(b, "", 0);
}

static int
op_join(struct qrun *r, const struct qstep *s)
{
	const struct table *rt;
	struct table	*out;
	struct keymap	 m;
	struct buf	 k = { NULL, 0, 0 };
	struct qrun	 rr;
	size_t		*map, nmap = 0, i, j, row, idx, ncl;
	long		 lc, rc, c;
	int		 isnew;
	char		*name;

	if ((lc = colof(r, s->e)) < 0)
		return 0;
	if ((rt = qenv_table(r->env, s->s, &s->pos)) == NULL)
		return 0;
	memset(&rr, 0, sizeof(rr));
	rr.t = (struct table *)rt;
	if ((rc = colof(&rr, s->e2 ? s->e2 : s->e)) < 0)
		return 0;
	/* The right columns to bring: chosen, or all but the key. */
	map = xcalloc(table_ncols(rt) + 1, sizeof(*map));
	if (s->nitems > 0) {
		for (i = 0; i < s->nitems; i++) {
			if ((c = colof(&rr, s->items[i].e)) < 0) {
				free(map);
				return 0;
			}
			map[nmap++] = (size_t)c;
		}
	} else
		for (j = 0; j < table_ncols(rt); j++)
			if ((long)j != rc)
				map[nmap++] = j;
	out = table_newlike(r->t, NULL);
	ncl = table_ncols(out);
	for (i = 0; i < nmap; i++) {
		name = NULL;
		if (table_colfind(out, table_colname(rt, map[i])) >= 0)
			name = xasprintf("%s_%s", table_colname(rt, map[i]),
			    s->s);
		table_addcolfrom(out, rt, map[i], name);
		free(name);
	}
	memset(&m, 0, sizeof(m));
	for (j = 0; j < table_nrows(rt); j++) {
		/* The first row of a key wins. */
		joinkey(&k, table_get(rt, j, (size_t)rc));
		(void)keymap_get(&m, k.data, k.len, j, &isnew);
	}
	for (i = 0; i < table_nrows(r->t); i++) {
		row = table_copyrow(out, r->t, i);
		joinkey(&k, table_get(r->t, i, (size_t)lc));
		idx = keymap_get(&m, k.data, k.len, (size_t)-1, &isnew);
		if (isnew || idx == (size_t)-1)
			continue;
		for (j = 0; j < nmap; j++)
			table_set(out, row, ncl + j, table_get(rt, idx, map[j]));
	}
	keymap_free(&m);
	buf_free(&k);
	free(map);
	qrun_settable(r, out, 1);
	return 1;
}

/* The column of other that goes with column j of t: name, then alias. */
static long
aligned(const struct table *t, size_t j, const struct table *other)
{
	const char	*a, *b;
	size_t		 k;
	long		 c;

	if ((c = table_colfind(other, table_colname(t, j))) >= 0 &&
	    strcasecmp(table_colname(other, (size_t)c),
	    table_colname(t, j)) == 0)
		return c;
	a = table_colalias(t, j) ? table_colalias(t, j) : table_colname(t, j);
	for (k = 0; k < table_ncols(other); k++) {
		b = table_colalias(other, k) ? table_colalias(other, k) :
		    table_colname(other, k);
		if (strcasecmp(a, b) == 0)
			return (long)k;
	}
	return -1;
}

static int
op_append(struct qrun *r, const struct qstep *s)
{
	const struct table *o;
	struct table	*out;
	struct value	 v, dv;
	size_t		 i, j, row, n0, *done;
	long		 c, dcol;
	double		 f;
	const char	*ua, *ub, *first;

	out = copytable(r->t);
	first = r->q->source ? r->q->source : table_name(r->t);
	if (r->q->srcparam && param_get(r->env, r->q->source) != NULL)
		first = param_get(r->env, r->q->source);
	/* Which dataset each row came from. */
	if ((dcol = table_colfind(out, "dataset")) < 0) {
		dcol = (long)table_addcol(out, "dataset", CT_TEXT);
		memset(&dv, 0, sizeof(dv));
		dv.kind = V_TEXT;
		dv.str = first;
		for (row = 0; row < table_nrows(out); row++)
			table_set(out, row, (size_t)dcol, &dv);
	}
	for (i = 0; i < s->nitems; i++) {
		if ((o = qenv_table(r->env, s->items[i].e->str,
		    &s->items[i].pos)) == NULL) {
			table_free(out);
			return 0;
		}
		/* Columns the new file has and the table lacks. */
		done = xcalloc(table_ncols(o) + 1, sizeof(*done));
		n0 = table_ncols(out);
		for (j = 0; j < n0; j++)
			if ((c = aligned(out, j, o)) >= 0)
				done[c] = 1;
		for (j = 0; j < table_ncols(o); j++)
			if (!done[j])
				table_addcolfrom(out, o, j, NULL);
		memset(&dv, 0, sizeof(dv));
		dv.kind = V_TEXT;
		dv.str = s->items[i].e->str;
		for (j = 0; j < table_ncols(out); j++) {
			if ((long)j == dcol)
				continue;
			if ((c = aligned(out, j, o)) < 0)
				continue;
			ua = table_colunit(out, j);
			ub = table_colunit(o, (size_t)c);
			if (ua != NULL && ub != NULL && strcmp(ua, ub) != 0) {
				if (unit_factor(ub, ua) != 0)
					msg(MSG_WARNING, s->items[i].pos.file,
					    s->items[i].pos.line,
					    s->items[i].pos.col, "the unit of %s "
					    "changes between the combined files: "
					    "%s in %s, %s in %s (%s); values "
					    "converted to %s", table_colname(out,
					    j), ua, first, ub, s->items[i].e->str,
					    table_source(o), ua);
				else {
					msg(MSG_WARNING, s->items[i].pos.file,
					    s->items[i].pos.line,
					    s->items[i].pos.col, "the unit of %s "
					    "changes between the combined files: "
					    "%s in %s, %s in %s (%s), and one "
					    "does not convert to the other",
					    table_colname(out, j), ua, first, ub,
					    s->items[i].e->str, table_source(o));
				}
			}
		}
		for (row = 0; row < table_nrows(o); row++) {
			size_t	 nr = table_addrow(out, table_rowline(o, row));

			for (j = 0; j < table_ncols(out); j++) {
				if ((long)j == dcol) {
					table_set(out, nr, j, &dv);
					continue;
				}
				if ((c = aligned(out, j, o)) < 0)
					continue;
				v = *table_get(o, row, (size_t)c);
				ua = table_colunit(out, j);
				ub = table_colunit(o, (size_t)c);
				if (ua != NULL && ub != NULL &&
				    strcmp(ua, ub) != 0 &&
				    (f = unit_factor(ub, ua)) != 0 &&
				    (v.kind == V_NUM || v.kind == V_LOWER ||
				    v.kind == V_UPPER))
					v.num *= f;
				table_set(out, nr, j, &v);
			}
		}
		free(done);
		/* A table without names (an empty one) takes the new file's. */
		if (table_namecol(out) < 0 && table_namecol(o) >= 0)
			for (j = 0; j < table_ncols(out); j++)
				if ((long)j != dcol && aligned(out, j, o) ==
				    table_namecol(o)) {
					table_setnamecol(out, (long)j);
					break;
				}
	}
	fix_types(out, 0);
	qrun_settable(r, out, 1);
	return 1;
}

/* The text of a value for a column name ("2019"). */
static char *
valname(const struct value *v)
{
	struct buf	 b = { NULL, 0, 0 };

	fmt_value(&b, v, NULL);
	return buf_steal(&b);
}

static int
op_pivot(struct qrun *r, const struct qstep *s)
{
	struct keymap	 rows, cols;
	struct buf	 k = { NULL, 0, 0 };
	struct table	*out;
	long		 nc, vc, *keys, nm = table_namecol(r->t);
	size_t		 nk = 0, i, j, row, ci, nnew = 0, *order, *first;
	size_t		 nrow = 0;
	int		 isnew, sortnum;
	char		*name;

	if ((nc = colof(r, s->e)) < 0 || (vc = colof(r, s->e2)) < 0)
		return 0;
	keys = xcalloc(table_ncols(r->t) + 1, sizeof(*keys));
	if (r->ngroups > 0) {
		for (i = 0; i < r->ngroups; i++)
			keys[nk++] = table_colfind(r->t, r->groups[i]);
	} else if (nm >= 0 && nm != nc && nm != vc)
		keys[nk++] = nm;
	else
		for (j = 0; j < table_ncols(r->t); j++)
			if ((long)j != nc && (long)j != vc &&
			    table_coltype(r->t, j) == CT_TEXT)
				keys[nk++] = (long)j;
	/* The new columns: the distinct values, numbers in order. */
	memset(&cols, 0, sizeof(cols));
	order = xcalloc(table_nrows(r->t) + 1, sizeof(*order));
	first = xcalloc(table_nrows(r->t) + 1, sizeof(*first));
	for (i = 0; i < table_nrows(r->t); i++) {
		rowkey(&k, r->t, i, &nc, 1, 0);
		(void)keymap_get(&cols, k.data, k.len, nnew, &isnew);
		if (isnew)
			first[nnew++] = i;
	}
	for (i = 0; i < nnew; i++)
		order[i] = first[i];
	sortnum = table_coltype(r->t, (size_t)nc) != CT_TEXT;
	if (sortnum) {
		struct sortctx	 sc;
		int		 d = 0;

		sc.t = r->t;
		sc.cols = &nc;
		sc.desc = &d;
		sc.n = 1;
		sortrows(order, nnew, &sc);
	}
	out = table_new(table_name(r->t));
	table_setsource(out, table_source(r->t));
	table_copynotes(out, r->t);
	for (i = 0; i < nk; i++) {
		table_addcolfrom(out, r->t, (size_t)keys[i], NULL);
		if (keys[i] == nm)
			table_setnamecol(out, (long)i);
	}
	for (i = 0; i < nnew; i++) {
		name = valname(table_get(r->t, order[i], (size_t)nc));
		table_addcolfrom(out, r->t, (size_t)vc, name);
		table_col_setalias(out, nk + i, NULL);
		free(name);
	}
	/* Rows: the distinct keys; cells: the first value found. */
	memset(&rows, 0, sizeof(rows));
	for (i = 0; i < table_nrows(r->t); i++) {
		rowkey(&k, r->t, i, keys, nk, 0);
		row = keymap_get(&rows, k.data, k.len, nrow, &isnew);
		if (isnew) {
			row = table_addrow(out, table_rowline(r->t, i));
			nrow++;
			for (j = 0; j < nk; j++)
				table_set(out, row, j, table_get(r->t, i,
				    (size_t)keys[j]));
		}
		rowkey(&k, r->t, i, &nc, 1, 0);
		ci = keymap_get(&cols, k.data, k.len, 0, &isnew);
		for (j = 0; j < nnew; j++)
			if (first[ci] == order[j])
				break;
		if (table_get(out, row, nk + j)->kind == V_NULL)
			table_set(out, row, nk + j, table_get(r->t, i,
			    (size_t)vc));
	}
	keymap_free(&rows);
	keymap_free(&cols);
	buf_free(&k);
	free(keys);
	free(order);
	free(first);
	groups_clear(r);
	qrun_settable(r, out, 1);
	return 1;
}

static int
op_unpivot(struct qrun *r, const struct qstep *s)
{
	struct table	*out;
	struct value	 v;
	long		*cols;
	unsigned char	*listed;
	size_t		 i, j, row, nr, k = 0, vcol, ncol;
	const char	*unit = NULL, *nm;
	enum colsum	 how;
	int		 sameunit = 1, text = 0;

	cols = xcalloc(s->nitems, sizeof(*cols));
	listed = xcalloc(table_ncols(r->t) + 1, 1);
	for (i = 0; i < s->nitems; i++) {
		if ((cols[i] = colof(r, s->items[i].e)) < 0) {
			free(cols);
			free(listed);
			return 0;
		}
		listed[cols[i]] = 1;
		if (i == 0)
			unit = table_colunit(r->t, (size_t)cols[i]);
		else if ((unit == NULL) != (table_colunit(r->t,
		    (size_t)cols[i]) == NULL) || (unit != NULL &&
		    strcmp(unit, table_colunit(r->t, (size_t)cols[i])) != 0))
			sameunit = 0;
		text |= table_coltype(r->t, (size_t)cols[i]) == CT_TEXT;
	}
	out = table_new(table_name(r->t));
	table_setsource(out, table_source(r->t));
	table_copynotes(out, r->t);
	for (j = 0; j < table_ncols(r->t); j++)
		if (!listed[j]) {
			table_addcolfrom(out, r->t, j, NULL);
			if ((long)j == table_namecol(r->t))
				table_setnamecol(out, (long)k);
			k++;
		}
	ncol = table_addcol(out, s->s, CT_TEXT);
	vcol = table_addcol(out, s->s2, text ? CT_TEXT : CT_DEC);
	if (sameunit)
		table_col_setunit(out, vcol, unit);
	if (!text)
		table_col_setfmt(out, vcol, table_colfmt(r->t,
		    (size_t)cols[0]));
	/* Values add up if each column does, in one unit. */
	how = table_colsum(r->t, (size_t)cols[0]);
	for (i = 1; i < s->nitems; i++)
		if (table_colsum(r->t, (size_t)cols[i]) != how)
			how = CS_NONE;
	table_col_setsum(out, vcol, how == CS_ADD && !sameunit ? CS_NONE :
	    how);
	for (row = 0; row < table_nrows(r->t); row++)
		for (i = 0; i < s->nitems; i++) {
			nr = table_addrow(out, table_rowline(r->t, row));
			for (j = 0, k = 0; j < table_ncols(r->t); j++)
				if (!listed[j])
					table_set(out, nr, k++, table_get(r->t,
					    row, j));
			nm = table_colalias(r->t, (size_t)cols[i]) ?
			    table_colalias(r->t, (size_t)cols[i]) :
			    table_colname(r->t, (size_t)cols[i]);
			memset(&v, 0, sizeof(v));
			v.kind = V_TEXT;
			v.str = nm;
			table_set(out, nr, ncol, &v);
			table_set(out, nr, vcol, table_get(r->t, row,
			    (size_t)cols[i]));
		}
	if (!text)
		fix_type(out, vcol);
	free(cols);
	free(listed);
	groups_clear(r);
	qrun_settable(r, out, 1);
	return 1;
}

static int
op_change(struct qrun *r, const struct qstep *s)
{
	struct table	*out;
	struct value	*v;
	const struct value *a, *b;
	size_t		 i, j, n = table_nrows(r->t);
	long		 ca, cb;
	int		 mult = s->op == Q_MULTIPLE;

	if ((ca = colof(r, s->e)) < 0 || (cb = colof(r, s->e2)) < 0)
		return 0;
	v = xcalloc(n + 1, sizeof(*v));
	for (i = 0; i < n; i++) {
		a = table_get(r->t, i, (size_t)ca);
		b = table_get(r->t, i, (size_t)cb);
		if (a->kind != V_NUM || b->kind != V_NUM || a->num == 0) {
			v[i].kind = a->kind != V_NUM ? a->kind : b->kind !=
			    V_NUM ? b->kind : V_NA;
			if (v[i].kind == V_TEXT || v[i].kind == V_NUM)
				v[i].kind = V_NA;
			continue;
		}
		v[i].kind = V_NUM;
		v[i].num = mult ? calc_multiple(a->num, b->num) :
		    calc_change(a->num, b->num);
	}
	out = copytable(r->t);
	j = setcol(out, s->s ? s->s : mult ? "multiple" : "change", v);
	table_col_settype(out, j, CT_DEC);
	table_col_setfmt(out, j, mult ? "x" : "+.1%");
	table_col_setsum(out, j, CS_SAME);
	free(v);
	qrun_settable(r, out, 1);
	return 1;
}

/*
 * Sum x by the groups and a column of names; the names become the
 * name column (for concentration and dependence with 'by').
 */
static struct table *
sumby(struct qrun *r, long xcol, long bycol, const struct qpos *p)
{
	struct grouping	 g;
	struct table	*out;
	struct acc	 a;
	struct value	 v;
	char	       **names;
	size_t		 i, k, row, ng = r->ngroups + 1;
	long		 c;

	names = xcalloc(ng, sizeof(*names));
	for (i = 0; i < r->ngroups; i++)
		names[i] = r->groups[i];
	names[r->ngroups] = (char *)table_colname(r->t, (size_t)bycol);
	if (!grouping_make(r->t, names, ng, p, &g)) {
		free(names);
		return NULL;
	}
	out = table_new(table_name(r->t));
	table_setsource(out, table_source(r->t));
	table_copynotes(out, r->t);
	for (i = 0; i < ng; i++) {
		c = table_colfind(r->t, names[i]);
		table_addcolfrom(out, r->t, (size_t)c, NULL);
	}
	table_addcolfrom(out, r->t, (size_t)xcol, NULL);
	table_setnamecol(out, (long)r->ngroups);
	for (k = 0; k < g.ngroups; k++) {
		const size_t *rows = g.rows + g.start[k];
		size_t	 n = g.start[k + 1] - g.start[k];

		if (n == 0)
			continue;
		row = table_addrow(out, table_rowline(r->t, rows[0]));
		for (i = 0; i < ng; i++)
			table_set(out, row, i, table_get(r->t, rows[0],
			    (size_t)table_colfind(r->t, names[i])));
		acc_init(&a, A_SUM);
		for (i = 0; i < n; i++)
			acc_add(&a, table_get(r->t, rows[i], (size_t)xcol));
		acc_result(&a, &v);
		table_set(out, row, ng, &v);
		acc_free(&a);
	}
	grouping_free(&g);
	free(names);
	return out;
}

static int
op_conc(struct qrun *r, const struct qstep *s)
{
	struct grouping	 g;
	struct evalctx	 c;
	struct table	*work = NULL, *out;
	struct qexpr	*x;
	struct value	 den, v;
	struct qrun	 w;
	double		*xs;
	size_t		*which, m, k, i, row, nk = r->ngroups, lead;
	long		 xcol, bycol, n;
	char		*crname;
	const char	*nm, *band;
	int		 ok = 0;

	if (!count_of(r, &s->n, &n) || (xcol = colof(r, s->e)) < 0)
		return 0;
	if (!isnumtype(table_coltype(r->t, (size_t)xcol))) {
		err(&s->e->pos, "concentration needs a column of numbers; %s "
		    "is %s", table_colname(r->t, (size_t)xcol),
		    ctype_name(table_coltype(r->t, (size_t)xcol)));
		return 0;
	}
	w = *r;
	if (s->by != NULL) {
		if ((bycol = colof(r, s->by)) < 0)
			return 0;
		if ((work = sumby(r, xcol, bycol, &s->pos)) == NULL)
			return 0;
		w.t = work;
	} else if (table_namecol(r->t) < 0) {
		err(&s->pos, "concentration needs a column of names: add 'by' "
		    "and the column (exporter, Country, ...); %s has none that "
		    "briefgen recognizes", table_name(r->t));
		return 0;
	}
	if ((x = compiled(&w, s->e)) == NULL)
		goto out;
	if (!grouping_make(w.t, r->groups, r->ngroups, &s->pos, &g)) {
		qexpr_free(x);
		goto out;
	}
	out = table_new(table_name(r->t));
	table_setsource(out, table_source(r->t));
	table_copynotes(out, w.t);
	for (i = 0; i < nk; i++)
		table_addcolfrom(out, w.t, (size_t)table_colfind(w.t,
		    r->groups[i]), NULL);
	crname = xasprintf("cr%ld", n);
	table_addcol(out, "n", CT_INT);
	table_col_setfmt(out, nk, ",d");
	table_addcolfrom(out, w.t, (size_t)x->col, "total");
	table_addcol(out, "leader", CT_TEXT);
	table_addcol(out, "leader_share", CT_DEC);
	table_col_setfmt(out, nk + 3, ".1%");
	table_addcol(out, crname, CT_DEC);
	table_col_setfmt(out, nk + 4, ".1%");
	table_addcol(out, "hhi", CT_DEC);
	table_col_setfmt(out, nk + 5, ",.0f");
	table_addcol(out, "band", CT_TEXT);
	/* Counts and totals add up; the figures of concentration are
	   those of one group. */
	table_col_setsum(out, nk, CS_ADD);
	for (i = nk + 2; i <= nk + 6; i++)
		table_col_setsum(out, i, CS_NONE);
	free(crname);
	ectx_init(&c, &w);
	c.notes = out;
	for (k = 0; k < g.ngroups; k++) {
		const size_t *rows = g.rows + g.start[k];
		size_t	 cnt = g.start[k + 1] - g.start[k];

		if (cnt == 0)
			continue;
		row = table_addrow(out, table_rowline(w.t, rows[0]));
		for (i = 0; i < nk; i++)
			table_set(out, row, i, table_get(w.t, rows[0],
			    (size_t)table_colfind(w.t, r->groups[i])));
		m = group_items(&c, NULL, x, s->denom, w.t, rows, cnt, &xs,
		    &which, &den);
		table_setnum(out, row, nk, (double)m);
		table_set(out, row, nk + 1, &den);
		if (m > 0 && den.kind != V_NA && den.num != 0) {
			lead = calc_leader(xs, m);
			nm = table_get(w.t, which[lead],
			    (size_t)table_namecol(w.t))->str;
			table_settext(out, row, nk + 2, nm);
			memset(&v, 0, sizeof(v));
			v.kind = den.kind == V_LOWER ? V_UPPER : V_NUM;
			v.num = xs[lead] / den.num;
			table_set(out, row, nk + 3, &v);
			v.num = calc_cr(xs, m, (size_t)n, den.num);
			table_set(out, row, nk + 4, &v);
			v.num = calc_hhi(xs, m, den.num);
			table_set(out, row, nk + 5, &v);
			if ((band = calc_hhi_band(v.num)) != NULL &&
			    v.kind == V_NUM)
				table_settext(out, row, nk + 6, band);
		}
		free(xs);
		free(which);
	}
	arena_free(c.arena);
	qexpr_free(x);
	grouping_free(&g);
	if (table_note(out) == NULL || strstr(table_note(out), "HHI") == NULL)
		table_addnote(out, qenv_zh(r->env) ? "HHI为各国百分比份额的"
		    "平方和（0至10,000）：低于1,500为非集中，1,500至2,500为"
		    "中度集中，高于2,500为高度集中。" : "HHI is the sum of "
		    "squared percentage shares (0-10,000): below 1,500 "
		    "unconcentrated, 1,500 to 2,500 moderately, above 2,500 "
		    "highly concentrated.");
	groups_clear(r);
	qrun_settable(r, out, 1);
	ok = 1;
out:
	table_free(work);
	return ok;
}

static int
op_depend(struct qrun *r, const struct qstep *s)
{
	struct grouping	 g;
	struct evalctx	 c;
	struct table	*work, *out;
	struct qexpr	*x;
	struct value	 den, pv, v;
	struct qrun	 w;
	double		*xs;
	size_t		*which, m, k, i, row, nk = r->ngroups, at;
	long		 xcol, bycol;
	const char	*nm;
	int		 world, ok = 0;

	if ((xcol = colof(r, s->e)) < 0 || (bycol = colof(r, s->by)) < 0)
		return 0;
	if (!isnumtype(table_coltype(r->t, (size_t)xcol))) {
		err(&s->e->pos, "dependence needs a column of numbers; %s is "
		    "%s", table_colname(r->t, (size_t)xcol),
		    ctype_name(table_coltype(r->t, (size_t)xcol)));
		return 0;
	}
	memset(&pv, 0, sizeof(pv));
	if (s->partner != NULL) {
		ectx_init(&c, r);
		qexpr_eval(&c, s->partner, NULL, &pv);
		if (pv.kind != V_TEXT) {
			err(&s->partner->pos, "expected the partner's name in "
			    "quotes (or a $parameter) after 'on'");
			arena_free(c.arena);
			return 0;
		}
		pv.str = xstrdup(pv.str);
		arena_free(c.arena);
	}
	if ((work = sumby(r, xcol, bycol, &s->pos)) == NULL)
		goto out0;
	w = *r;
	w.t = work;
	if ((x = compiled(&w, s->e)) == NULL)
		goto out;
	if (!grouping_make(work, r->groups, r->ngroups, &s->pos, &g)) {
		qexpr_free(x);
		goto out;
	}
	out = table_new(table_name(r->t));
	table_setsource(out, table_source(r->t));
	for (i = 0; i < nk; i++)
		table_addcolfrom(out, work, (size_t)table_colfind(work,
		    r->groups[i]), NULL);
	table_addcolfrom(out, work, nk, NULL);
	table_addcol(out, "dependence", CT_DEC);
	table_col_setfmt(out, nk + 1, ".1%");
	table_col_setsum(out, nk, CS_NONE);
	table_col_setsum(out, nk + 1, CS_NONE);
	table_addcolfrom(out, work, (size_t)x->col, "total");
	ectx_init(&c, &w);
	for (k = 0; k < g.ngroups; k++) {
		const size_t *rows = g.rows + g.start[k];
		size_t	 cnt = g.start[k + 1] - g.start[k];

		if (cnt == 0)
			continue;
		row = table_addrow(out, table_rowline(work, rows[0]));
		for (i = 0; i < nk; i++)
			table_set(out, row, i, table_get(work, rows[0], i));
		if (!group_denom(&c, x, work, rows, cnt, D_AUTO, &den,
		    &world))
			continue;
		m = group_items(&c, NULL, x, D_AUTO, work, rows, cnt, &xs,
		    &which, &den);
		table_set(out, row, nk + 2, &den);
		at = m;
		if (pv.str != NULL) {
			for (i = 0; i < m; i++) {
				nm = table_get(work, which[i], nk)->str;
				if (strcasecmp(nm, pv.str) == 0)
					at = i;
			}
			table_settext(out, row, nk, pv.str);
			table_setnum(out, row, nk + 1, 0);
		} else if (m > 0)
			at = calc_leader(xs, m);
		if (at < m && den.num != 0) {
			table_set(out, row, nk, table_get(work, which[at], nk));
			memset(&v, 0, sizeof(v));
			v.kind = den.kind == V_LOWER ? V_UPPER : V_NUM;
			v.num = xs[at] / den.num;
			table_set(out, row, nk + 1, &v);
		}
		free(xs);
		free(which);
	}
	arena_free(c.arena);
	{
		const char *col = table_colname(r->t, (size_t)xcol);
		char	*note;

		if (qenv_zh(r->env))
			note = xasprintf("依赖度指来自%s的%s占所有伙伴合计"
			    "的份额。", pv.str ? pv.str : "最大伙伴", col);
		else
			note = pv.str ? xasprintf("Dependence is the share "
			    "of %s from %s in the total over all partners.",
			    col, pv.str) : xasprintf("Dependence is the share "
			    "of %s from the largest partner in the total over "
			    "all partners.", col);

		table_addnote(out, note);
		free(note);
	}
	qexpr_free(x);
	grouping_free(&g);
	groups_clear(r);
	qrun_settable(r, out, 1);
	ok = 1;
out:
	table_free(work);
out0:
	free((char *)pv.str);
	return ok;
}

/* Rules of categorize, parsed from their dataset. */
struct rule {
	const char	*category;
	const char	*text;
	struct qexpr	*e;
	double		 order;
};

static int
rulecmp(const void *a, const void *b)
{
	const struct rule *x = a, *y = b;

	return x->order < y->order ? -1 : x->order > y->order;
}

static int
op_categorize(struct qrun *r, const struct qstep *s)
{
	const struct table *rt;
	struct rule	*rules;
	struct grouping	 g;
	struct evalctx	 c;
	struct table	*out;
	struct value	 v, *cat;
	struct rowctx	 rc;
	size_t		 nr, i, k, row, nk = r->ngroups, j;
	long		 cc, rcol, oc;
	int		 ok = 0, agg = 0, bad = 0;
	const char	*name = s->s2 ? s->s2 : "category";
	char		*note;

	if ((rt = qenv_table(r->env, s->s, &s->pos)) == NULL)
		return 0;
	cc = table_colfind(rt, "category");
	rcol = table_colfind(rt, "rule");
	oc = table_colfind(rt, "order");
	if (cc < 0 || rcol < 0) {
		err(&s->pos, "the rules dataset %s needs the columns "
		    "'category' and 'rule' (and may have 'order')", s->s);
		return 0;
	}
	nr = table_nrows(rt);
	rules = xcalloc(nr + 1, sizeof(*rules));
	for (i = 0; i < nr; i++) {
		rules[i].category = table_get(rt, i, (size_t)cc)->str;
		rules[i].text = table_get(rt, i, (size_t)rcol)->str;
		rules[i].order = oc >= 0 && table_get(rt, i, (size_t)oc)->kind ==
		    V_NUM ? table_get(rt, i, (size_t)oc)->num : (double)i;
		if (rules[i].category == NULL || rules[i].text == NULL) {
			msg(MSG_ERROR, table_source(rt), table_rowline(rt, i),
			    0, "a rule needs a category and a rule");
			bad = 1;
			continue;
		}
		if ((rules[i].e = qexpr_parse(rules[i].text, table_source(rt),
		    table_rowline(rt, i), 0)) == NULL) {
			bad = 1;
			continue;
		}
		{
			struct qrun tmp = *r;

			if (!qexpr_resolve(rules[i].e, tmp.t,
			    table_name(tmp.t)))
				bad = 1;
		}
		agg |= qexpr_hasagg(rules[i].e);
	}
	if (bad)
		goto out;
	qsort(rules, nr, sizeof(*rules), rulecmp);
	ectx_init(&c, r);
	if (!agg && nk == 0) {
		/* Row by row. */
		cat = xcalloc(table_nrows(r->t) + 1, sizeof(*cat));
		memset(&rc, 0, sizeof(rc));
		rc.t = r->t;
		for (row = 0; row < table_nrows(r->t) && !c.err; row++) {
			rc.row = row;
			for (i = 0; i < nr && !c.err; i++) {
				qexpr_eval(&c, rules[i].e, &rc, &v);
				if (value_true(&v)) {
					cat[row].kind = V_TEXT;
					cat[row].str = rules[i].category;
					break;
				}
			}
		}
		out = copytable(r->t);
		j = setcol(out, name, cat);
		table_col_settype(out, j, CT_TEXT);
		free(cat);
	} else {
		if (!grouping_make(r->t, r->groups, r->ngroups, &s->pos, &g)) {
			arena_free(c.arena);
			goto out;
		}
		out = table_new(table_name(r->t));
		table_setsource(out, table_source(r->t));
		for (i = 0; i < nk; i++)
			table_addcolfrom(out, r->t, (size_t)table_colfind(r->t,
			    r->groups[i]), NULL);
		table_addcol(out, name, CT_TEXT);
		table_addcol(out, "rule", CT_TEXT);
		for (k = 0; k < g.ngroups && !c.err; k++) {
			const size_t *rows = g.rows + g.start[k];
			size_t	 n = g.start[k + 1] - g.start[k];

			row = table_addrow(out, n ? table_rowline(r->t,
			    rows[0]) : 0);
			for (i = 0; i < nk && n > 0; i++)
				table_set(out, row, i, table_get(r->t, rows[0],
				    (size_t)table_colfind(r->t, r->groups[i])));
			for (i = 0; i < nr && !c.err; i++) {
				qexpr_evalagg(&c, rules[i].e, r->t, rows, n, &v);
				if (value_true(&v)) {
					table_settext(out, row, nk,
					    rules[i].category);
					table_settext(out, row, nk + 1,
					    rules[i].text);
					break;
				}
			}
		}
		grouping_free(&g);
		groups_clear(r);
	}
	if (c.err) {
		arena_free(c.arena);
		table_free(out);
		goto out;
	}
	arena_free(c.arena);
	note = qenv_zh(r->env) ? xasprintf("类别按%s中的规则依次判定，"
	    "取第一条成立的规则。", table_source(rt)) :
	    xasprintf("Categories follow the rules in %s, the first that "
	    "holds.", table_source(rt));
	table_addnote(out, note);
	free(note);
	qrun_settable(r, out, 1);
	ok = 1;
out:
	for (i = 0; i < nr; i++)
		qexpr_free(rules[i].e);
	free(rules);
	return ok;
}

static int
op_format(struct qrun *r, const struct qstep *s)
{
	struct table	*out = copytable(r->t);
	size_t		 i, j;
	long		 c;

	for (i = 0; i < s->nitems; i++) {
		if (s->items[i].e != NULL) {
			if ((c = colof(r, s->items[i].e)) < 0) {
				table_free(out);
				return 0;
			}
			table_col_setfmt(out, (size_t)c, s->items[i].name);
			continue;
		}
		for (j = 0; j < table_ncols(out); j++)
			if (isnumtype(table_coltype(out, j)))
				table_col_setfmt(out, j, s->items[i].name);
	}
	qrun_settable(r, out, 1);
	return 1;
}

int
qrun_step(struct qrun *r, const struct qstep *s)
{
	struct table	*out;

	switch (s->op) {
	case Q_FILTER:
		return op_filter(r, s);
	case Q_SELECT:
		return op_derive(r, s, 1);
	case Q_DERIVE:
		return op_derive(r, s, 0);
	case Q_GROUP:
		return op_group(r, s);
	case Q_UNGROUP:
		groups_clear(r);
		return 1;
	case Q_SUMMARIZE:
		return op_summarize(r, s);
	case Q_SORT:
		return op_sort(r, s);
	case Q_TOP:
		return op_top(r, s, 0);
	case Q_LIMIT:
		return op_limit(r, s);
	case Q_SHARE:
		return op_share(r, s);
	case Q_RANK:
		return op_rank(r, s);
	case Q_JOIN:
		return op_join(r, s);
	case Q_APPEND:
		return op_append(r, s);
	case Q_PIVOT:
		return op_pivot(r, s);
	case Q_UNPIVOT:
		return op_unpivot(r, s);
	case Q_CHANGE:
	case Q_MULTIPLE:
		return op_change(r, s);
	case Q_CONC:
		return op_conc(r, s);
	case Q_DEPEND:
		return op_depend(r, s);
	case Q_CATEGORIZE:
		return op_categorize(r, s);
	case Q_FORMAT:
		return op_format(r, s);
	case Q_NOTE:
		out = copytable(r->t);
		table_addnote(out, s->s);
		qrun_settable(r, out, 1);
		return 1;
	}
	return 0;
}
