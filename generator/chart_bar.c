/*
 * chart_bar.c: bar charts, vertical (type bar) and horizontal (type
 * hbar); one series, grouped series, stacked, or stacked to 100%.
 *
 * Layout peels the rectangle: the value axis title on top, the
 * category labels (wrapped, shrunk, cut only as a last resort) below
 * or to the left, tick labels at the side, and the bars in what is
 * left.  Value labels are drawn where every one of them fits (or,
 * with labels: all, those that fit); a horizontal bar chart with
 * value labels needs no value axis.  Missing values get no bar but
 * their code (W, NA) at the baseline: a gap is not a zero.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart_int.h"
#include "dl.h"
#include "fmt.h"
#include "msg.h"

#define COL_DIM		0xbdbdbd	/* bars not highlighted */
#define BAR_FILL	0.72		/* share of a band the bars fill */

struct bars {
	struct cdata	 d;
	int		 horiz, stacked, percent;
	double		 d0, d1;	/* value domain drawn */
	struct ticks	 t;
	struct numfmt	 tf;		/* tick labels */
	struct numfmt	 lf;		/* value labels */
	struct rect	 area;		/* all the chart may use */
	struct rect	 plot;
	double		 band;		/* per category */
	int		 axis;		/* draw the value axis */
	char		*title;		/* value axis title */
	struct tfit	*cat;		/* category labels, fitted (hbar) */
	struct catrow	 row;		/* category labels (bar) */
};

static uint32_t
bar_color(const struct cctx *ctx, const struct bars *b, size_t c, size_t s)
{
	const struct chart *ch = ctx->c;

	if (ch->opt[O_HIGHLIGHT].val == NULL)
		return palette(b->d.nser > 1 ? s : 0);
	if (b->d.nser > 1)
		return chart_highlighted(ch, b->d.ser[s]) ? palette(s) :
		    COL_DIM;
	return chart_highlighted(ch, b->d.cat[c]) ? palette(0) : COL_DIM;
}

/* Read, sort and (for 100% stacks) normalise; note missing values. */
static int
bar_data(struct cctx *ctx, const size_t *rows, size_t n, struct bars *b)
{
	struct buf	 w = { NULL, 0, 0 };
	struct cval	*v;
	size_t		 c, s;
	double		 tot;

	b->horiz = ctx->c->kind == CK_HBAR;
	b->stacked = ctx->c->stack != STACK_NONE;
	b->percent = ctx->c->stack == STACK_PERCENT;
	if (!cdata_build(ctx, rows, n, ctx->col.x, ctx->col.series,
	    ctx->col.y, ctx->col.ny, CHART_MAXSER, &b->d))
		return 0;
	cdata_sort(ctx, &b->d);
	for (c = 0; c < b->d.ncat; c++) {
		tot = 0;
		for (s = 0; s < b->d.nser; s++) {
			v = &CV(&b->d, c, s);
			if (cval_usable(v) && v->v > 0)
				tot += v->v;
			buf_reset(&w);
			buf_puts(&w, b->d.cat[c]);
			if (b->d.nser > 1)
				buf_printf(&w, ZH(ctx) ? "，%s" : ", %s",
				    b->d.ser[s]);
			note_missing(ctx, v, w.data);
		}
		for (s = 0; b->percent && s < b->d.nser; s++) {
			v = &CV(&b->d, c, s);
			if (cval_usable(v))
				v->v = tot > 0 && v->v > 0 ? v->v / tot : 0;
		}
	}
	buf_free(&w);
	b->lf = ctx->vfmt;
	if (b->percent) {
		numfmt_defaults(&b->lf);
		b->lf.type = '%';
		b->lf.prec = 0;
	}
	return 1;
}

/* The extent of the bars in value units, zero included. */
static void
bar_extent(const struct bars *b, double *lo, double *hi)
{
	const struct cval *v;
	size_t		 c, s;
	double		 pos, neg;

	*lo = *hi = 0;
	for (c = 0; c < b->d.ncat; c++) {
		pos = neg = 0;
		for (s = 0; s < b->d.nser; s++) {
			v = &CV(&b->d, c, s);
			if (!cval_usable(v))
				continue;
			if (b->stacked) {
				*(v->v >= 0 ? &pos : &neg) += v->v;
				continue;
			}
			if (v->v < *lo)
				*lo = v->v;
			if (v->v > *hi)
				*hi = v->v;
		}
		if (neg < *lo)
			*lo = neg;
		if (pos > *hi)
			*hi = pos;
	}
	if (b->percent) {
		*lo = 0;
		*hi = 1;
	}
}

/* Ticks for the value axis, honouring y-min and y-max. */
static void
bar_ticks(struct cctx *ctx, struct bars *b, size_t maxn)
{
	double	 lo, hi;

	if (ctx->hasdomain) {
		lo = ctx->dom0;
		hi = ctx->dom1;
	} else
		bar_extent(b, &lo, &hi);
	value_ticks(lo, hi, ctx->c->ymin, ctx->c->ymax, maxn, 0, &b->t,
	    &b->d0, &b->d1);
	tick_format(ctx, &b->t, b->percent, &b->tf);
}

static double
tick_width(const struct cctx *ctx, const struct bars *b)
{
	struct buf	 s = { NULL, 0, 0 };
	size_t		 i;
	double		 w, max = 0;

	for (i = 0; i < b->t.n; i++) {
		buf_reset(&s);
		tick_label(&b->t, i, &b->tf, &s);
		if ((w = ct_width(ctx, FACE_REGULAR, FS_TICK, s.data)) > max)
			max = w;
	}
	buf_free(&s);
	return max;
}

static void
free_cats(struct bars *b)
{
	size_t	 i;

	for (i = 0; b->cat != NULL && i < b->d.ncat; i++)
		tfit_free(&b->cat[i]);
	free(b->cat);
	b->cat = NULL;
}

/*
 * Fit every category label at one size, the largest at which all of
 * them fit; return the largest height (or, wide, width).
 */
static double
fit_cats(const struct cctx *ctx, struct bars *b, double start, double maxw,
    size_t maxlines, int wide)
{
	size_t	 i;
	double	 max = 0, size = start;

	free_cats(b);
	b->cat = xcalloc(b->d.ncat, sizeof(*b->cat));
	for (i = 0; i < b->d.ncat; i++) {
		(void)ct_fit(ctx, FACE_REGULAR, start, FS_MIN, b->d.cat[i],
		    maxw, maxlines, &b->cat[i]);
		if (b->cat[i].size < size)
			size = b->cat[i].size;
	}
	for (i = 0; i < b->d.ncat; i++) {
		if (b->cat[i].size > size) {
			tfit_free(&b->cat[i]);
			(void)ct_fit(ctx, FACE_REGULAR, size, size,
			    b->d.cat[i], maxw, maxlines, &b->cat[i]);
		}
		if ((wide ? b->cat[i].w : b->cat[i].h) > max)
			max = wide ? b->cat[i].w : b->cat[i].h;
	}
	return max;
}

static double
vpos(const struct bars *b, double v)
{
	if (b->horiz)
		return scale(v, b->d0, b->d1, b->plot.x, b->plot.x + b->plot.w);
	return scale(v, b->d0, b->d1, b->plot.y + b->plot.h, b->plot.y);
}

static void
too_dense(struct cctx *ctx, const struct bars *b, const char *how)
{
	const struct optval *o = &ctx->c->opt[O_TYPE];

	msg(MSG_ERROR, o->file, o->line, o->col, "chart: %zu bars do not "
	    "fit in %.0f points; make the chart %s or show fewer "
	    "categories", b->d.ncat, b->horiz ? b->plot.h : b->plot.w, how);
}

/* The value axis title, left-aligned on top: its height with the gap. */
static double
title_height(const struct cctx *ctx, const struct bars *b, struct rect r)
{
	(void)ctx;
	(void)r;
	return b->title == NULL ? 0 : ct_lineh(FS_TICK) + 0.5 * FS_TICK + 4;
}

static void
draw_title(struct cctx *ctx, const struct bars *b, struct rect r)
{
	struct tfit	 t;

	if (b->title == NULL)
		return;
	(void)ct_fit(ctx, FACE_REGULAR, FS_TICK, FS_MIN, b->title, r.w, 1, &t);
	(void)ct_block(ctx, &t, r.x, r.y, AN_LEFT, FACE_REGULAR, COL_MUTED);
	tfit_free(&t);
}

/* Vertical bars: peel the rectangle; 0 if the bars do not fit. */
static int
layout_v(struct cctx *ctx, struct bars *b, struct rect r)
{
	double	 top, head, ch = 2.5 * FS_TICK, nch, left;
	int	 iter;

	top = r.y + title_height(ctx, b, r);
	head = ctx->c->labels != LABELS_NONE ? ct_lineh(FS_LABEL) + 3 : 0;
	b->axis = 1;
	for (iter = 0; iter < 4; iter++) {
		b->plot.y = top + head;
		b->plot.h = r.y + r.h - b->plot.y - ch - 5;
		bar_ticks(ctx, b, ticks_fit(ctx, b->plot.h, FS_TICK, 1));
		left = tick_width(ctx, b) + 5;
		b->plot.x = r.x + left;
		b->plot.w = r.w - left - 2;
		b->band = b->plot.w / (double)b->d.ncat;
		if (b->band < 5 || b->plot.h < 20)
			return 0;
		catrow_free(&b->row);
		nch = catrow_fit(ctx, b->d.cat, b->d.ncat, b->band, 3,
		    b->plot.x - r.x, r.x + r.w - b->plot.x - b->plot.w,
		    &b->row);
		if (nch == ch)
			break;
		ch = nch;
	}
	return 1;
}

/* Horizontal bars: category labels left, values right or an axis. */
static int
layout_h(struct cctx *ctx, struct bars *b, struct rect r, int values,
    double valw)
{
	double	 top, left, bottom, size;
	size_t	 c, lines;

	top = r.y + title_height(ctx, b, r);
	b->axis = !values;
	bottom = b->axis ? ct_lineh(FS_TICK) + 4 : 0;
	b->plot.y = top;
	b->plot.h = r.y + r.h - top - bottom;
	b->band = b->plot.h / (double)b->d.ncat;
	if (b->band < ct_lineh(FS_MIN) || b->plot.h < 20)
		return 0;
	/* Two lines where the band has room, else one, small enough. */
	lines = b->band >= CT_LEADING * FS_TICK + ct_lineh(FS_TICK) ? 2 : 1;
	size = lines == 2 ? FS_TICK : fmin(FS_TICK,
	    floor(b->band / (CT_ASC + CT_DESC) * 2) / 2);
	left = fit_cats(ctx, b, size, r.w * 0.32, lines, 1);
	for (c = 0; c < b->d.ncat; c++)
		if (b->cat[c].h > b->band + 1e-9)
			return 0;
	/* Small multiples on one scale: the same plot width in each. */
	if (ctx->panel && ctx->hasdomain)
		left = r.w * 0.32;
	left += 6;
	b->plot.x = r.x + left;
	b->plot.w = r.w - left - (values ? valw + 4 : 4);
	if (b->plot.w < 30)
		return 0;
	bar_ticks(ctx, b, ticks_fit(ctx, b->plot.w, FS_TICK, 0));
	return 1;
}

/* Widest value label, for the room right of horizontal bars. */
static double
values_width(const struct cctx *ctx, const struct bars *b)
{
	struct buf	 s = { NULL, 0, 0 };
	size_t		 c, sr;
	double		 w, max = 0, tot;

	for (c = 0; c < b->d.ncat; c++) {
		tot = 0;
		for (sr = 0; sr < b->d.nser; sr++) {
			buf_reset(&s);
			value_text(ctx, &CV(&b->d, c, sr), &b->lf, &s);
			if (cval_usable(&CV(&b->d, c, sr)))
				tot += CV(&b->d, c, sr).v;
			if ((w = ct_width(ctx, FACE_REGULAR, FS_LABEL,
			    s.data)) > max)
				max = w;
		}
		if (b->stacked && !b->percent) {
			buf_reset(&s);
			fmt_num(&s, tot, &b->lf);
			if ((w = ct_width(ctx, FACE_BOLD, FS_LABEL,
			    s.data)) > max)
				max = w;
		}
	}
	buf_free(&s);
	return max;
}

/*
 * Room for value labels right of horizontal bars: in small multiples
 * on one scale, the same in every panel (that of the largest value).
 */
static double
values_room(const struct cctx *ctx, const struct bars *b)
{
	struct buf	 s = { NULL, 0, 0 };
	double		 w = values_width(ctx, b);

	if (ctx->panel && ctx->hasdomain) {
		fmt_num(&s, ctx->dom1, &b->lf);
		w = fmax(w, ct_width(ctx, FACE_BOLD, FS_LABEL, s.data));
	}
	buf_free(&s);
	return w;
}

/* Thin out horizontal ticks until their labels do not touch. */
static void
hticks_fit(struct cctx *ctx, struct bars *b)
{
	size_t	 maxn = b->t.n;
	double	 w;

	while (maxn > 2) {
		w = tick_width(ctx, b);
		if (b->t.n < 2 || (b->plot.w / (double)(b->t.n - 1)) >= w + 8)
			break;
		bar_ticks(ctx, b, --maxn);
	}
}

static void
draw_ticks(struct cctx *ctx, struct bars *b)
{
	struct buf	 s = { NULL, 0, 0 };
	size_t		 i;
	double		 p;

	if (!b->axis)
		return;
	if (b->horiz)
		grid_v(ctx, &b->t, b->plot, b->d0, b->d1);
	else
		grid_h(ctx, &b->t, b->plot, b->d0, b->d1);
	dl_group(ctx->dl, "ticks");
	for (i = 0; i < b->t.n; i++) {
		buf_reset(&s);
		tick_label(&b->t, i, &b->tf, &s);
		p = vpos(b, b->t.v[i]);
		if (b->horiz)
			ct_text(ctx, p, b->plot.y + b->plot.h + 4 +
			    CT_ASC * FS_TICK, AN_CENTER, FACE_REGULAR, FS_TICK,
			    COL_MUTED, s.data);
		else
			ct_text(ctx, b->plot.x - 5, p + 0.35 * FS_TICK,
			    AN_RIGHT, FACE_REGULAR, FS_TICK, COL_MUTED,
			    s.data);
	}
	dl_endgroup(ctx->dl);
	buf_free(&s);
}

static void
draw_cats(struct cctx *ctx, struct bars *b)
{
	size_t	 c;
	double	 mid;

	dl_group(ctx->dl, "categories");
	if (!b->horiz)
		catrow_draw(ctx, &b->row, b->plot.x, b->band,
		    b->plot.y + b->plot.h, 0);
	for (c = 0; b->horiz && c < b->d.ncat; c++) {
		mid = b->plot.y + (c + 0.5) * b->band;
		(void)ct_block(ctx, &b->cat[c], b->plot.x - 6,
		    mid - b->cat[c].h / 2, AN_RIGHT, FACE_REGULAR, COL_TEXT);
	}
	dl_endgroup(ctx->dl);
}

/* One bar (or segment) from value a to value b, across [o, o + w]. */
static struct rect
bar_rect(const struct bars *b, double va, double vb, double o, double w)
{
	struct rect	 r;
	double		 p = vpos(b, va), q = vpos(b, vb);

	if (b->horiz) {
		r.x = fmin(p, q);
		r.w = fabs(q - p);
		r.y = o;
		r.h = w;
	} else {
		r.y = fmin(p, q);
		r.h = fabs(q - p);
		r.x = o;
		r.w = w;
	}
	return r;
}

/* A label waiting to be drawn once all are known to fit. */
struct vlabel {
	struct rect	 r;
	char		*s;
	uint32_t	 color;
	enum face	 face;
	int		 must;		/* 1: missing-value codes, always;
					   2: inside segments, where they fit */
};

static void
vlabel_add(struct vlabel **l, size_t *n, size_t *cap, struct rect r,
    const char *s, uint32_t color, int must)
{
	xgrow(l, cap, *n + 1, sizeof(**l));
	(*l)[*n].r = r;
	(*l)[*n].s = xstrdup(s);
	(*l)[*n].color = color;
	(*l)[*n].face = must == 1 ? FACE_ITALIC : FACE_REGULAR;
	(*l)[*n].must = must;
	(*n)++;
}

/* Where the label of a bar end goes: beyond the end, outside the bar. */
static struct rect
end_label(const struct bars *b, double v, double o, double w, double tw)
{
	struct rect	 r;
	double		 p = vpos(b, v), base = vpos(b, fmax(b->d0,
			    fmin(0, b->d1)));
	int		 neg = b->horiz ? p < base : p > base;

	r.w = tw;
	r.h = ct_lineh(FS_LABEL);
	if (b->horiz) {
		r.x = neg ? p - 3 - tw : p + 3;
		r.y = o + w / 2 - r.h / 2;
	} else {
		r.x = o + w / 2 - tw / 2;
		r.y = neg ? p + 2 : p - 2 - r.h;
	}
	return r;
}

/* Draw the bars; collect their labels into l. */
static void
draw_bars(struct cctx *ctx, struct bars *b, struct vlabel **l, size_t *nl,
    size_t *cap)
{
	struct buf	 s = { NULL, 0, 0 };
	const struct cval *v;
	struct rect	 br, lr;
	size_t		 c, sr, ns = b->d.nser;
	double		 o, w, pos, neg, a, base, tw;
	uint32_t	 col;

	base = fmax(b->d0, fmin(0, b->d1));
	dl_group(ctx->dl, "bars");
	for (c = 0; c < b->d.ncat; c++) {
		o = (b->horiz ? b->plot.y : b->plot.x) + c * b->band +
		    b->band * (1 - BAR_FILL) / 2;
		w = b->band * BAR_FILL / (b->stacked ? 1 : (double)ns);
		pos = neg = 0;
		for (sr = 0; sr < ns; sr++) {
			v = &CV(&b->d, c, sr);
			buf_reset(&s);
			value_text(ctx, v, &b->lf, &s);
			tw = ct_width(ctx, FACE_REGULAR, FS_LABEL, s.data);
			if (!cval_usable(v)) {
				if (v->absent)
					continue;
				/* No bar; its code at the baseline. */
				lr = end_label(b, base, b->stacked ? o :
				    o + sr * w, w, tw);
				vlabel_add(l, nl, cap, lr, s.data, COL_FAINT, 1);
				continue;
			}
			a = b->stacked ? (v->v >= 0 ? pos : neg) : base;
			if (b->stacked)
				*(v->v >= 0 ? &pos : &neg) += v->v;
			br = bar_rect(b, a, b->stacked ? a + v->v : v->v,
			    b->stacked ? o : o + sr * w, w);
			col = bar_color(ctx, b, c, sr);
			dl_rect(ctx->dl, br.x, br.y, br.w, br.h);
			dl_fill(ctx->dl, col, v->kind == V_NUM ? 1 : 0.45);
			if (b->stacked && ns > 1) {
				/* A white seam tells segments apart in grey. */
				dl_rect(ctx->dl, br.x, br.y, br.w, br.h);
				dl_stroke(ctx->dl, COL_BG, 1, 0.75, NULL);
			}
			if (!b->stacked) {
				lr = end_label(b, v->v, o + sr * w, w, tw);
				vlabel_add(l, nl, cap, lr, s.data, COL_TEXT, 0);
			} else if ((b->horiz ? br.w : br.h) >=
			    (b->horiz ? tw + 4 : ct_lineh(FS_LABEL) + 2) &&
			    (b->horiz ? br.h : br.w) >= (b->horiz ?
			    ct_lineh(FS_LABEL) : tw + 2)) {
				/* Inside the segment, in a colour that reads. */
				lr.w = tw;
				lr.h = ct_lineh(FS_LABEL);
				lr.x = br.x + br.w / 2 - tw / 2;
				lr.y = br.y + br.h / 2 - lr.h / 2;
				vlabel_add(l, nl, cap, lr, s.data,
				    luminance(col) < 0.3 ? COL_BG : COL_TEXT,
				    2);
			}
		}
		if (b->stacked && !b->percent && ns > 1) {
			buf_reset(&s);
			fmt_num(&s, pos + neg, &b->lf);
			tw = ct_width(ctx, FACE_BOLD, FS_LABEL, s.data);
			lr = end_label(b, pos > 0 || neg == 0 ? pos : neg, o, w,
			    tw);
			vlabel_add(l, nl, cap, lr, s.data, COL_TEXT, 0);
			(*l)[*nl - 1].face = FACE_BOLD;
		}
	}
	dl_endgroup(ctx->dl);
	buf_free(&s);
}

/*
 * Draw the value labels.  Codes of missing values and labels inside
 * stack segments show wherever they fit; end labels show all or
 * none (labels: auto), or wherever they fit (labels: all).
 */
static void
draw_vlabels(struct cctx *ctx, struct bars *b, struct vlabel *l, size_t n)
{
	struct rect	 bounds = b->plot;
	size_t		 i, j;
	int		 all = 1, *ok;

	if (ctx->c->labels == LABELS_NONE)
		return;
	/* End labels may use the head room above or beside the plot. */
	if (b->horiz)
		bounds.w = b->area.x + b->area.w - bounds.x;
	else {
		bounds.y -= ct_lineh(FS_LABEL) + 3;
		bounds.h += ct_lineh(FS_LABEL) + 3;
	}
	ok = xcalloc(n ? n : 1, sizeof(*ok));
	for (i = 0; i < n; i++) {
		ok[i] = rect_inside(l[i].r, bounds) &&
		    !boxes_hit(&ctx->text, l[i].r, 1);
		for (j = 0; ok[i] && j < i; j++)
			if (ok[j] && rect_hit(l[i].r, l[j].r, 1))
				ok[i] = 0;
		if (!ok[i] && !l[i].must)
			all = 0;
	}
	dl_group(ctx->dl, "values");
	for (i = 0; i < n; i++)
		if (ok[i] && (l[i].must || all || !b->axis ||
		    ctx->c->labels == LABELS_ALL))
			ct_text(ctx, l[i].r.x, l[i].r.y + CT_ASC * FS_LABEL,
			    AN_LEFT, l[i].face, FS_LABEL, l[i].color, l[i].s);
	dl_endgroup(ctx->dl);
	free(ok);
}

/*
 * Can horizontal bars carry their values at their ends instead of an
 * axis?  Not if labels are off, if a label is taller than its bar, or
 * if some bar is negative (its label would meet the category labels).
 */
static int
hvalues_fit(struct cctx *ctx, struct bars *b)
{
	double	 lo, hi;

	if (ctx->c->labels == LABELS_NONE)
		return 0;
	bar_extent(b, &lo, &hi);
	if (lo < 0 || (ctx->hasdomain && ctx->dom0 < 0))
		return 0;
	return b->band * BAR_FILL / (b->stacked ? 1 : (double)b->d.nser) >=
	    ct_lineh(FS_LABEL) * 0.9;
}

static void
axis_line(struct cctx *ctx, struct bars *b)
{
	double	 p = vpos(b, fmax(b->d0, fmin(0, b->d1)));

	if (b->horiz) {
		dl_move(ctx->dl, p, b->plot.y);
		dl_line(ctx->dl, p, b->plot.y + b->plot.h);
	} else {
		dl_move(ctx->dl, b->plot.x, p);
		dl_line(ctx->dl, b->plot.x + b->plot.w, p);
	}
	dl_stroke(ctx->dl, COL_AXIS, 1, 0.8, NULL);
}

static void
bars_free(struct bars *b)
{
	free_cats(b);
	catrow_free(&b->row);
	free(b->title);
	cdata_free(&b->d);
}

static int
bar_draw(struct cctx *ctx, const size_t *rows, size_t n, struct rect r)
{
	struct bars	 b;
	struct vlabel	*l = NULL;
	size_t		 nl = 0, cap = 0, i;
	int		 ok = 0;

	memset(&b, 0, sizeof(b));
	if (!bar_data(ctx, rows, n, &b))
		return 0;
	b.title = axis_title(ctx, ctx->col.ny == 1 ? ctx->col.y[0] : -1,
	    ctx->c->opt[ctx->c->kind == CK_HBAR ? O_XTITLE : O_YTITLE].val,
	    b.percent);
	b.area = r;
	if (b.d.ncat == 0) {
		ct_text(ctx, r.x + r.w / 2, r.y + r.h / 2, AN_CENTER,
		    FACE_ITALIC, FS_LABEL, COL_MUTED, ZH(ctx) ? "无数据" :
		    "No data");
		ok = 1;
		goto out;
	}
	if (!b.horiz && !layout_v(ctx, &b, r)) {
		too_dense(ctx, &b, "wider");
		goto out;
	}
	/* Horizontal: value labels beside the bars if they fit, else an axis. */
	if (b.horiz && !(layout_h(ctx, &b, r, 1, values_room(ctx, &b)) &&
	    hvalues_fit(ctx, &b)) && !layout_h(ctx, &b, r, 0, 0)) {
		too_dense(ctx, &b, "taller");
		goto out;
	}
	if (b.horiz && b.axis) {
		hticks_fit(ctx, &b);
		/* The last tick label is centred on the right edge. */
		b.plot.w -= tick_width(ctx, &b) / 2;
		bar_ticks(ctx, &b, b.t.n);
		hticks_fit(ctx, &b);
	}
	if (b.horiz) {
		r.w -= b.plot.x - r.x;
		r.x = b.plot.x;
	}
	draw_title(ctx, &b, r);
	draw_ticks(ctx, &b);
	draw_bars(ctx, &b, &l, &nl, &cap);
	axis_line(ctx, &b);
	draw_cats(ctx, &b);
	draw_vlabels(ctx, &b, l, nl);
	ok = 1;
out:
	for (i = 0; i < nl; i++)
		free(l[i].s);
	free(l);
	bars_free(&b);
	return ok;
}

static int
bar_legend(struct cctx *ctx, const size_t *rows, size_t n, struct legend *lg)
{
	struct bars	 b;
	struct cctx	 tmp = *ctx;
	size_t		 s;

	memset(&b, 0, sizeof(b));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!bar_data(&tmp, rows, n, &b))
		return 0;
	buf_free(&tmp.left);
	if (b.d.nser < 2) {
		bars_free(&b);
		return 0;
	}
	/* The names live as long as the chart drawing: keep them. */
	for (s = 0; s < b.d.nser; s++)
		legend_add(lg, b.d.ser[s], bar_color(ctx, &b, 0, s), 0);
	bars_free(&b);
	return 1;
}

static int
bar_domain(struct cctx *ctx, const size_t *rows, size_t n)
{
	struct bars	 b;
	struct cctx	 tmp = *ctx;

	memset(&b, 0, sizeof(b));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!bar_data(&tmp, rows, n, &b))
		return 0;
	buf_free(&tmp.left);
	bar_extent(&b, &ctx->dom0, &ctx->dom1);
	bars_free(&b);
	return 1;
}

static void
bar_alt(struct cctx *ctx, const size_t *rows, size_t n, struct buf *out)
{
	struct bars	 b;
	struct cctx	 tmp = *ctx;
	char		*what;

	memset(&b, 0, sizeof(b));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!bar_data(&tmp, rows, n, &b))
		return;
	buf_free(&tmp.left);
	b.title = axis_title(ctx, ctx->col.ny == 1 ? ctx->col.y[0] : -1,
	    ctx->c->opt[ctx->c->kind == CK_HBAR ? O_XTITLE : O_YTITLE].val,
	    b.percent);
	if (ZH(ctx))
		what = xasprintf("%s%s", b.percent ? "百分比堆积" :
		    b.stacked ? "堆积" : b.d.nser > 1 ? "分组" : "",
		    ctx->c->kind == CK_HBAR ? "条形图" : "柱状图");
	else
		what = xasprintf("%s%s bar chart", ctx->c->kind == CK_HBAR ?
		    "Horizontal" : "Vertical", b.percent ? " 100% stacked" :
		    b.stacked ? " stacked" : b.d.nser > 1 ? " grouped" : "");
	alt_begin(ctx, what, out);
	free(what);
	if (b.title != NULL)
		buf_printf(out, ZH(ctx) ? "%s，按%s。" : "%s by %s. ",
		    b.title, table_colname(ctx->t, (size_t)ctx->col.x));
	tmp.vfmt = b.lf;
	alt_list(&tmp, &b.d, (size_t)-1, out);
	bars_free(&b);
}

const struct ckind ck_bar = { bar_legend, bar_domain, bar_draw, bar_alt };
