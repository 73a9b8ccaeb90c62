/*
 * chart_data.c: from table rows to what a chart draws.  Bars, lines,
 * donuts, heatmaps and Sankey diagrams draw a cross-tabulation,
 * categories by series (struct cdata); scatter, bubble and timeline
 * charts draw points (struct cpoints).  Missing values keep their
 * kind (W, NA, XX, empty, bounds such as >75) so that each chart can
 * show them for what they are and the note under it can say so.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "chart_int.h"
#include "data.h"
#include "fmt.h"
#include "msg.h"

/* Text of a cell used as a label: text as is, numbers plainly. */
void
cell_label(const struct table *t, size_t row, long col, struct buf *b)
{
	const struct value	*v;
	struct numfmt		 f;

	v = table_get(t, row, (size_t)col);
	if (v->kind == V_TEXT || (v->str != NULL &&
	    table_coltype(t, (size_t)col) == CT_DATE)) {
		buf_puts(b, v->str ? v->str : "");
		return;
	}
	numfmt_defaults(&f);
	if (v->kind == V_NUM && (table_coltype(t, (size_t)col) == CT_YEAR ||
	    table_coltype(t, (size_t)col) == CT_INT) && v->num == floor(v->num)
	    && fabs(v->num) < 1e15) {
		buf_printf(b, "%lld", (long long)v->num);
		return;
	}
	fmt_value(b, v, &f);
}

int
cval_usable(const struct cval *v)
{
	return (v->kind == V_NUM || v->kind == V_LOWER ||
	    v->kind == V_UPPER) && isfinite(v->v);
}

/* A value for a label: numbers through f, missing kinds as written. */
void
value_text(const struct cctx *ctx, const struct cval *v,
    const struct numfmt *f, struct buf *b)
{
	struct value	 x;

	(void)ctx;
	memset(&x, 0, sizeof(x));
	x.num = v->v;
	x.kind = v->kind;
	x.str = v->str;
	if (v->kind == V_LOWER || v->kind == V_UPPER) {
		buf_puts(b, v->kind == V_LOWER ? ">" : "<");
		fmt_num(b, v->v, f);
		return;
	}
	if (v->kind == V_NUM) {
		fmt_num(b, v->v, f);
		return;
	}
	if (v->kind == V_NULL && v->absent) {
		buf_puts(b, "\xe2\x80\x93");
		return;
	}
	fmt_value(b, &x, f);
	if (b->len == 0 || b->data[b->len - 1] == ' ')
		buf_puts(b, v->kind == V_NA ? "NA" : v->kind == V_WITHHELD ?
		    "W" : v->kind == V_NOTAPPL ? "XX" : "\xe2\x80\x93");
}

/* Record a value left out or drawn at a bound, for the note. */
void
note_missing(struct cctx *ctx, const struct cval *v, const char *what)
{
	const char	*code;

	switch (v->kind) {
	case V_WITHHELD:
		ctx->notes |= NOTE_W;
		code = "W";
		break;
	case V_NA:
		ctx->notes |= NOTE_NA;
		code = "NA";
		break;
	case V_NOTAPPL:
		ctx->notes |= NOTE_XX;
		code = "XX";
		break;
	case V_LOWER:
	case V_UPPER:
		ctx->notes |= NOTE_BOUND;
		return;
	case V_NOTE:
		ctx->notes |= NOTE_OTHER;
		code = v->str ? v->str : ZH(ctx) ? "注释" : "note";
		break;
	case V_NULL:
		if (v->absent)
			return;
		ctx->notes |= NOTE_EMPTY;
		code = ZH(ctx) ? "空缺" : "no data";
		break;
	default:
		return;
	}
	if (what == NULL || ctx->quiet)
		return;
	if (ctx->nleft < 12 && ZH(ctx))
		buf_printf(&ctx->left, "%s%s%s%s（%s）", ctx->nleft ? "；" : "",
		    ctx->panelname ? ctx->panelname : "",
		    ctx->panelname ? "：" : "", what, code);
	else if (ctx->nleft < 12)
		buf_printf(&ctx->left, "%s%s%s%s (%s)", ctx->nleft ? ", " : "",
		    ctx->panelname ? ctx->panelname : "",
		    ctx->panelname ? ": " : "", what, code);
	ctx->nleft++;
}

/* Record a mark drawn without its label, for the note. */
void
note_nolabel(struct cctx *ctx, const char *what)
{
	if (what == NULL || *what == '\0' || ctx->quiet)
		return;
	if (ctx->nnolabel < 12)
		buf_printf(&ctx->nolabel, "%s%s%s%s", ctx->nnolabel ?
		    (ZH(ctx) ? "；" : "; ") : "", ctx->panelname ?
		    ctx->panelname : "", ctx->panelname ? (ZH(ctx) ? "：" :
		    ": ") : "", what);
	ctx->nnolabel++;
}

static void
setval(struct cval *d, const struct value *v)
{
	memset(d, 0, sizeof(*d));
	d->kind = v->kind;
	d->str = v->str;
	d->v = v->num;
	if (d->kind == V_TEXT) {
		/* Text where a number belongs: a note of some sort. */
		d->kind = V_NOTE;
		d->v = NAN;
	} else if (!V_HASNUM(d->kind) && d->kind != V_LOWER &&
	    d->kind != V_UPPER)
		d->v = NAN;
}

/* Add one cell into an accumulated value (rows that repeat a pair). */
static void
addval(struct cval *d, const struct value *v)
{
	struct cval	 x;

	setval(&x, v);
	if (d->absent) {
		*d = x;
		return;
	}
	if (d->kind == V_NUM && x.kind == V_NUM)
		d->v += x.v;
	else if (d->kind != V_NUM && x.kind == V_NUM)
		*d = x;
}

/* Index of s in list (n items), adding it if new; -1 if full. */
static long
intern(char ***list, size_t *n, size_t max, const char *s)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (strcmp((*list)[i], s) == 0)
			return (long)i;
	if (*n >= max)
		return -1;
	*list = xreallocarray(*list, *n + 1, sizeof(**list));
	(*list)[*n] = xstrdup(s);
	return (long)(*n)++;
}

static void
too_many(struct cctx *ctx, const char *what, size_t max, long col)
{
	const struct optval *o = &ctx->c->opt[O_TYPE];

	msg(MSG_ERROR, o->file, o->line, o->col, "chart: more than %zu "
	    "%s in column '%s'; filter or group the data first", max, what,
	    table_colname(ctx->t, (size_t)col));
}

/* Series names for y columns: the column names, underscores as spaces. */
static char *
colseries(const struct table *t, long col)
{
	const char *name;
	char	*s, *p;

	if ((name = table_colalias(t, (size_t)col)) == NULL)
		name = table_colname(t, (size_t)col);
	s = xstrdup(name);
	for (p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	return s;
}

/*
 * Cross-tabulate rows: a category per distinct value of catcol, a
 * series per distinct value of sercol or per y column, the value
 * from the y column.  Rows repeating a pair add up.  With ctx->order
 * set (small multiples), categories and series come in its order and
 * are all present.  Return 0 after reporting too many.
 */
int
cdata_build(struct cctx *ctx, const size_t *rows, size_t nrows,
    long catcol, long sercol, const long *ycols, size_t ny, size_t maxser,
    struct cdata *d)
{
	const struct table	*t = ctx->t;
	struct buf		 b = { NULL, 0, 0 };
	size_t			 r, j, k, cap;
	long			 ci, si;
	enum ctype		 ct;

	memset(d, 0, sizeof(*d));
	if (ctx->order != NULL) {
		for (k = 0; k < ctx->order->ncat; k++)
			(void)intern(&d->cat, &d->ncat, CHART_MAXCAT,
			    ctx->order->cat[k]);
		for (k = 0; k < ctx->order->nser; k++)
			(void)intern(&d->ser, &d->nser, maxser,
			    ctx->order->ser[k]);
	}
	ct = table_coltype(t, (size_t)catcol);
	d->catnum = ct == CT_INT || ct == CT_DEC || ct == CT_YEAR ||
	    ct == CT_DATE;
	d->catdate = ct == CT_DATE;
	if (sercol < 0 && d->nser == 0)
		for (j = 0; j < ny; j++) {
			d->ser = xreallocarray(d->ser, d->nser + 1,
			    sizeof(*d->ser));
			d->ser[d->nser++] = colseries(t, ycols[j]);
		}
	/* First pass: the categories and series. */
	for (r = 0; r < nrows; r++) {
		buf_reset(&b);
		cell_label(t, rows[r], catcol, &b);
		if (intern(&d->cat, &d->ncat, CHART_MAXCAT, b.data ? b.data :
		    "") < 0) {
			too_many(ctx, "categories", CHART_MAXCAT, catcol);
			goto fail;
		}
		if (sercol < 0)
			continue;
		buf_reset(&b);
		cell_label(t, rows[r], sercol, &b);
		if (intern(&d->ser, &d->nser, maxser, b.data ? b.data :
		    "") < 0) {
			too_many(ctx, maxser == CHART_MAXSER ? "series" :
			    "columns", maxser, sercol);
			goto fail;
		}
	}
	cap = d->ncat * d->nser;
	d->v = xcalloc(cap ? cap : 1, sizeof(*d->v));
	d->catx = xcalloc(d->ncat ? d->ncat : 1, sizeof(*d->catx));
	for (k = 0; k < cap; k++) {
		d->v[k].absent = 1;
		d->v[k].v = NAN;
	}
	for (k = 0; k < d->ncat; k++)
		d->catx[k] = NAN;
	/* Second pass: the values. */
	for (r = 0; r < nrows; r++) {
		buf_reset(&b);
		cell_label(t, rows[r], catcol, &b);
		ci = intern(&d->cat, &d->ncat, CHART_MAXCAT, b.data ? b.data :
		    "");
		if (d->catnum && (V_HASNUM(table_get(t, rows[r],
		    (size_t)catcol)->kind) || (d->catdate && table_get(t,
		    rows[r], (size_t)catcol)->kind == V_TEXT)))
			d->catx[ci] = table_get(t, rows[r], (size_t)catcol)->num;
		if (sercol >= 0) {
			buf_reset(&b);
			cell_label(t, rows[r], sercol, &b);
			si = intern(&d->ser, &d->nser, maxser,
			    b.data ? b.data : "");
			addval(&CV(d, ci, si), table_get(t, rows[r],
			    (size_t)ycols[0]));
			continue;
		}
		for (j = 0; j < ny && j < d->nser; j++)
			addval(&CV(d, ci, j), table_get(t, rows[r],
			    (size_t)ycols[j]));
	}
	buf_free(&b);
	return 1;
fail:
	buf_free(&b);
	cdata_free(d);
	return 0;
}

void
cdata_free(struct cdata *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	for (i = 0; i < d->ncat; i++)
		free(d->cat[i]);
	for (i = 0; i < d->nser; i++)
		free(d->ser[i]);
	free(d->cat);
	free(d->ser);
	free(d->catx);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* Sum of the usable values of a category. */
double
cdata_total(const struct cdata *d, size_t c)
{
	size_t	 s;
	double	 sum = 0;

	for (s = 0; s < d->nser; s++)
		if (cval_usable(&CV(d, c, s)))
			sum += CV(d, c, s).v;
	return sum;
}

static int
has_value(const struct cdata *d, size_t c)
{
	size_t	 s;

	for (s = 0; s < d->nser; s++)
		if (cval_usable(&CV(d, c, s)))
			return 1;
	return 0;
}

struct sortkey {
	size_t		 i;
	int		 dir;		/* 1 ascending, -1 descending, 0 label */
	double		 key;
	int		 none;
	int		 other;		/* "Other countries": last */
	const char	*label;
};

static int
bykey(const void *a, const void *b)
{
	const struct sortkey	*x = a, *y = b;
	int			 c;

	/* "Other ..." goes last, then categories without a value. */
	if (x->other != y->other)
		return x->other ? 1 : -1;
	if (x->none != y->none)
		return x->none ? 1 : -1;
	if (!x->none && x->key != y->key && x->dir != 0)
		return (x->key < y->key ? -1 : 1) * x->dir;
	if (x->dir == 0 && x->label && y->label &&
	    (c = strcmp(x->label, y->label)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Order the categories: by total (largest first or last), by label
 * (numbers and dates by their value), or as in the data.
 */
void
cdata_sort(struct cctx *ctx, struct cdata *d)
{
	struct sortkey	*k;
	struct cval	*v;
	char		**cat;
	double		*catx;
	size_t		 i, s;

	if (ctx->c->sort == SORT_NONE || d->ncat < 2)
		return;
	k = xcalloc(d->ncat, sizeof(*k));
	for (i = 0; i < d->ncat; i++) {
		k[i].i = i;
		k[i].label = d->cat[i];
		k[i].other = (strncasecmp(d->cat[i], "other", 5) == 0 &&
		    (d->cat[i][5] == '\0' || d->cat[i][5] == ' ')) ||
		    strncmp(d->cat[i], "其他", 6) == 0;
		if (ctx->c->sort == SORT_LABEL) {
			k[i].key = d->catnum ? d->catx[i] : 0;
			k[i].none = d->catnum && !isfinite(d->catx[i]);
		} else {
			k[i].key = cdata_total(d, i);
			k[i].none = !has_value(d, i);
		}
	}
	for (i = 0; i < d->ncat; i++)
		k[i].dir = ctx->c->sort == SORT_DESC ? -1 :
		    ctx->c->sort == SORT_ASC ? 1 : d->catnum ? 1 : 0;
	qsort(k, d->ncat, sizeof(*k), bykey);
	cat = xcalloc(d->ncat, sizeof(*cat));
	catx = xcalloc(d->ncat, sizeof(*catx));
	v = xcalloc(d->ncat * d->nser + 1, sizeof(*v));
	for (i = 0; i < d->ncat; i++) {
		cat[i] = d->cat[k[i].i];
		catx[i] = d->catx[k[i].i];
		for (s = 0; s < d->nser; s++)
			v[i * d->nser + s] = CV(d, k[i].i, s);
	}
	free(d->cat);
	free(d->catx);
	free(d->v);
	d->cat = cat;
	d->catx = catx;
	d->v = v;
	free(k);
}

static void
cellval(const struct table *t, size_t row, long col, struct cval *out)
{
	memset(out, 0, sizeof(*out));
	if (col < 0) {
		out->kind = V_NULL;
		out->absent = 1;
		out->v = NAN;
		return;
	}
	setval(out, table_get(t, row, (size_t)col));
	/* A date is text with its day number beside it. */
	if (table_coltype(t, (size_t)col) == CT_DATE &&
	    table_get(t, row, (size_t)col)->kind == V_TEXT) {
		out->kind = V_NUM;
		out->v = table_get(t, row, (size_t)col)->num;
	}
}

/*
 * Points from rows: x, y (if given), bubble size, label and series.
 * Rows whose x or y cannot be drawn are noted and left out.  Return
 * 0 after reporting too many.
 */
int
cpoints_build(struct cctx *ctx, const size_t *rows, size_t nrows,
    struct cpoints *p)
{
	const struct table	*t = ctx->t;
	struct buf		 b = { NULL, 0, 0 };
	struct cpoint		*q;
	size_t			 r, k;
	long			 si;

	memset(p, 0, sizeof(*p));
	p->xdate = ctx->col.x >= 0 &&
	    table_coltype(t, (size_t)ctx->col.x) == CT_DATE;
	if (ctx->porder != NULL)
		for (k = 0; k < ctx->porder->nser; k++)
			(void)intern(&p->ser, &p->nser, CHART_MAXSER,
			    ctx->porder->ser[k]);
	if (nrows > CHART_MAXPTS) {
		msg(MSG_ERROR, ctx->c->opt[O_TYPE].file,
		    ctx->c->opt[O_TYPE].line, ctx->c->opt[O_TYPE].col,
		    "chart: more than %d points; filter the data first",
		    CHART_MAXPTS);
		return 0;
	}
	p->p = xcalloc(nrows ? nrows : 1, sizeof(*p->p));
	p->arena = arena_new();
	for (r = 0; r < nrows; r++) {
		q = &p->p[p->n];
		memset(q, 0, sizeof(*q));
		q->row = rows[r];
		cellval(t, rows[r], ctx->col.x, &q->x);
		cellval(t, rows[r], ctx->col.ny ? ctx->col.y[0] : -1, &q->y);
		cellval(t, rows[r], ctx->col.bubble, &q->z);
		if (ctx->col.labels >= 0) {
			buf_reset(&b);
			cell_label(t, rows[r], ctx->col.labels, &b);
			q->label = arena_strdup(p->arena, b.data ? b.data :
			    "");
		}
		if (ctx->col.series >= 0) {
			buf_reset(&b);
			cell_label(t, rows[r], ctx->col.series, &b);
			if ((si = intern(&p->ser, &p->nser, CHART_MAXSER,
			    b.data ? b.data : "")) < 0) {
				too_many(ctx, "series", CHART_MAXSER,
				    ctx->col.series);
				buf_free(&b);
				cpoints_free(p);
				return 0;
			}
			q->ser = (size_t)si;
		}
		if (!cval_usable(&q->x) || (ctx->col.ny && !cval_usable(&q->y))
		    || (ctx->col.bubble >= 0 && !cval_usable(&q->z))) {
			note_missing(ctx, !cval_usable(&q->x) ? &q->x :
			    ctx->col.ny && !cval_usable(&q->y) ? &q->y : &q->z,
			    q->label);
			continue;
		}
		note_missing(ctx, &q->x, q->label);
		note_missing(ctx, &q->y, q->label);
		p->n++;
	}
	buf_free(&b);
	return 1;
}

void
cpoints_free(struct cpoints *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nser; i++)
		free(p->ser[i]);
	free(p->ser);
	free(p->p);
	arena_free(p->arena);
	memset(p, 0, sizeof(*p));
}
