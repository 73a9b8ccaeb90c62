/*
 * chart_line.c: line charts of one or more series over years, dates,
 * numbers or ordered categories.
 *
 * Each series is labelled at its right end in its own colour (direct
 * labels, spread apart so that they never touch); a legend is drawn
 * instead only when the names would take too much of the width.
 * Projections are dashed: with projection: X the segments into x >= X
 * are, and series named in dashed: are dashed throughout.  A missing
 * value breaks the line instead of dropping it to zero; a point left
 * alone between gaps is drawn as a dot so that it is not lost.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart_int.h"
#include "dl.h"
#include "fmt.h"

#define LINE_W		2.0
#define DOT_R		2.6

struct lines {
	struct cdata	 d;
	int		 numeric;	/* x positions from catx */
	int		 integer;	/* whole-number x (years) */
	double		 x0, x1;	/* x domain */
	double		 d0, d1;	/* value domain */
	struct ticks	 xt, yt;
	struct numfmt	 xf, yf;
	struct rect	 plot;
	int		 direct;	/* series names at the line ends */
	char		*title;
};

/* A series' colour; with highlight, the others are grey. */
static uint32_t
line_color(const struct cctx *ctx, const struct lines *l, size_t s)
{
	if (ctx->c->opt[O_HIGHLIGHT].val != NULL &&
	    !chart_highlighted(ctx->c, l->d.ser[s]))
		return 0xb0b0b0;
	return palette(s);
}

static int
bycatx(const void *a, const void *b)
{
	const double	*x = a, *y = b;

	if (x[0] != y[0])
		return (x[0] > y[0]) - (x[0] < y[0]);
	return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Sort categories by numeric x (stable for equal x). */
static void
sort_x(struct lines *l)
{
	struct cval	*v;
	double		*key;
	char		**cat;
	size_t		 i, j, s, n = l->d.ncat, ns = l->d.nser;

	key = xcalloc(n ? n * 2 : 2, sizeof(*key));
	for (i = 0; i < n; i++) {
		key[2 * i] = isfinite(l->d.catx[i]) ? l->d.catx[i] : INFINITY;
		key[2 * i + 1] = (double)i;
	}
	qsort(key, n, 2 * sizeof(*key), bycatx);
	cat = xcalloc(n ? n : 1, sizeof(*cat));
	v = xcalloc(n * ns + 1, sizeof(*v));
	for (i = 0; i < n; i++) {
		j = (size_t)key[2 * i + 1];
		cat[i] = l->d.cat[j];
		for (s = 0; s < ns; s++)
			v[i * ns + s] = CV(&l->d, j, s);
		key[2 * i + 1] = l->d.catx[j];
	}
	for (i = 0; i < n; i++)
		l->d.catx[i] = key[2 * i + 1];
	free(l->d.cat);
	free(l->d.v);
	l->d.cat = cat;
	l->d.v = v;
	free(key);
}

static int
line_data(struct cctx *ctx, const size_t *rows, size_t n, struct lines *l)
{
	struct buf	 w = { NULL, 0, 0 };
	enum ctype	 t;
	size_t		 c, s;

	if (!cdata_build(ctx, rows, n, ctx->col.x, ctx->col.series,
	    ctx->col.y, ctx->col.ny, CHART_MAXSER, &l->d))
		return 0;
	t = table_coltype(ctx->t, (size_t)ctx->col.x);
	l->numeric = l->d.catnum;
	l->integer = t == CT_YEAR || t == CT_INT;
	if (l->numeric)
		sort_x(l);
	else
		cdata_sort(ctx, &l->d);
	for (c = 0; c < l->d.ncat; c++)
		for (s = 0; s < l->d.nser; s++) {
			buf_reset(&w);
			buf_printf(&w, "%s%s%s", l->d.nser > 1 ? l->d.ser[s] :
			    "", l->d.nser > 1 ? " " : "", l->d.cat[c]);
			note_missing(ctx, &CV(&l->d, c, s), w.data);
		}
	buf_free(&w);
	return 1;
}

static double
xval(const struct lines *l, size_t c)
{
	return l->numeric ? l->d.catx[c] : (double)c;
}

static void
extent(const struct lines *l, double *lo, double *hi)
{
	size_t	 c, s;
	double	 v;

	*lo = INFINITY;
	*hi = -INFINITY;
	for (c = 0; c < l->d.ncat; c++)
		for (s = 0; s < l->d.nser; s++)
			if (cval_usable(&CV(&l->d, c, s))) {
				v = CV(&l->d, c, s).v;
				*lo = fmin(*lo, v);
				*hi = fmax(*hi, v);
			}
	if (*lo > *hi)
		*lo = *hi = 0;
	/* Values of one sign start from zero: no exaggerated slopes. */
	if (*lo > 0)
		*lo = 0;
	if (*hi < 0)
		*hi = 0;
}

static void
xextent(const struct lines *l, double *lo, double *hi)
{
	size_t	 c;

	*lo = INFINITY;
	*hi = -INFINITY;
	for (c = 0; c < l->d.ncat; c++)
		if (isfinite(xval(l, c))) {
			*lo = fmin(*lo, xval(l, c));
			*hi = fmax(*hi, xval(l, c));
		}
	if (*lo > *hi)
		*lo = *hi = 0;
}

static void
yticks(struct cctx *ctx, struct lines *l, size_t maxn)
{
	double	 lo, hi;

	if (ctx->hasdomain) {
		lo = ctx->dom0;
		hi = ctx->dom1;
	} else
		extent(l, &lo, &hi);
	value_ticks(lo, hi, ctx->c->ymin, ctx->c->ymax, maxn, 0, &l->yt,
	    &l->d0, &l->d1);
	tick_format(ctx, &l->yt, 0, &l->yf);
}

/* X ticks inside the data's extent (lines start at the first point). */
static void
xticks(struct cctx *ctx, struct lines *l, size_t maxn)
{
	size_t	 i, k;

	if (ctx->hasdomain && l->numeric) {
		l->x0 = ctx->xdom0;
		l->x1 = ctx->xdom1;
	} else
		xextent(l, &l->x0, &l->x1);
	if (!isnan(ctx->c->xmin))
		l->x0 = ctx->c->xmin;
	if (!isnan(ctx->c->xmax))
		l->x1 = ctx->c->xmax;
	if (l->x1 == l->x0) {
		l->x0 -= 1;
		l->x1 += 1;
	}
	if (l->d.catdate)
		(void)date_ticks(l->x0, l->x1, maxn, &l->xt);
	else
		(void)nice_ticks(l->x0, l->x1, maxn, l->integer, &l->xt);
	for (i = k = 0; i < l->xt.n; i++)
		if (l->xt.v[i] >= l->x0 - 1e-9 && l->xt.v[i] <= l->x1 + 1e-9)
			l->xt.v[k++] = l->xt.v[i];
	l->xt.n = k;
	numfmt_defaults(&l->xf);
	l->xf.lang = ctx->vfmt.lang;	/* dates */
	l->xf.type = 'f';
	l->xf.prec = l->integer ? 0 : -1;
	l->xf.trim = 1;
	l->xf.group = !(table_coltype(ctx->t, (size_t)ctx->col.x) == CT_YEAR);
}

/* Direct labels, or a legend: names may take a quarter of the width. */
static int
use_direct(const struct cctx *ctx, const struct lines *l)
{
	size_t	 s;
	double	 w = 0;

	if (l->d.nser < 2)
		return 0;
	for (s = 0; s < l->d.nser; s++)
		w = fmax(w, ct_width(ctx, FACE_BOLD, FS_LABEL, l->d.ser[s]));
	return l->d.nser <= 8 && w <= (ctx->frame.w - 16) * 0.25;
}

/* Text categories: a point per category, in the middle of its band. */
static double
xpos(const struct lines *l, size_t c)
{
	if (!l->numeric)
		return l->plot.x + ((double)c + 0.5) * l->plot.w /
		    (double)l->d.ncat;
	return scale(l->d.catx[c], l->x0, l->x1, l->plot.x,
	    l->plot.x + l->plot.w);
}

static double
ypos(const struct lines *l, double v)
{
	return scale(v, l->d0, l->d1, l->plot.y + l->plot.h, l->plot.y);
}

static double
name_width(const struct cctx *ctx, const struct lines *l)
{
	size_t	 s;
	double	 w = 0;

	for (s = 0; l->direct && s < l->d.nser; s++)
		w = fmax(w, ct_width(ctx, FACE_BOLD, FS_LABEL, l->d.ser[s]));
	return l->direct ? w + 8 : 0;
}

/* Peel the rectangle: title, x labels, y labels, direct labels. */
static int
layout(struct cctx *ctx, struct lines *l, struct rect r)
{
	double	 top, left, right, bottom, half;
	size_t	 maxn, iter;

	top = r.y + axis_title_draw(ctx, l->title, 0, 0, 0, 0);
	bottom = ct_lineh(FS_TICK) + 5;
	right = name_width(ctx, l);
	l->plot.y = top + 0.5 * FS_TICK;
	l->plot.h = r.y + r.h - l->plot.y - bottom;
	if (l->plot.h < 20)
		return 0;
	yticks(ctx, l, ticks_fit(ctx, l->plot.h, FS_TICK, 1));
	left = ticks_width(ctx, &l->yt, &l->yf) + 5;
	for (iter = 0; iter < 2; iter++) {
		l->plot.x = r.x + left;
		l->plot.w = r.w - left - right;
		if (l->plot.w < 30)
			return 0;
		if (!l->numeric)
			break;
		maxn = ticks_fit(ctx, l->plot.w, FS_TICK, 0);
		for (;;) {
			xticks(ctx, l, maxn);
			if (maxn <= 2 || ticks_apart(ctx, &l->xt, &l->xf,
			    l->plot.w, l->x0, l->x1, 0))
				break;
			maxn--;
		}
		/* The last x label may be centred on the right edge. */
		half = l->xt.n ? ticks_width(ctx, &l->xt, &l->xf) / 2 + 1 : 0;
		if (right >= half)
			break;
		right = half;
	}
	return 1;
}

/* Is the segment from category a to b a projection? */
static int
projected(const struct cctx *ctx, const struct lines *l, size_t s, size_t b)
{
	if (chart_dashed(ctx->c, l->d.ser[s]))
		return 1;
	return !isnan(ctx->c->projection) && l->numeric &&
	    l->d.catx[b] >= ctx->c->projection;
}

static void
dot(struct cctx *ctx, double x, double y, uint32_t col, int hollow)
{
	dl_arc(ctx->dl, x, y, DOT_R, 0, 2 * M_PI);
	dl_close(ctx->dl);
	dl_fill(ctx->dl, hollow ? COL_BG : col, 1);
	dl_arc(ctx->dl, x, y, DOT_R, 0, 2 * M_PI);
	dl_close(ctx->dl);
	dl_stroke(ctx->dl, col, 1, 1.2, NULL);
}

/* One series: runs of usable points, dashed where projected. */
static void
draw_series(struct cctx *ctx, struct lines *l, size_t s)
{
	static const uint8_t dash[] = { 5, 3, 0 };
	const struct cval *v, *pv;
	size_t		 c, prev = (size_t)-1;
	uint32_t	 col = line_color(ctx, l, s);
	int		 dots = l->d.ncat <= 12, alone;

	for (c = 0; c < l->d.ncat; c++) {
		v = &CV(&l->d, c, s);
		if (!cval_usable(v) || !isfinite(xpos(l, c))) {
			prev = (size_t)-1;
			continue;
		}
		if (prev != (size_t)-1) {
			pv = &CV(&l->d, prev, s);
			dl_move(ctx->dl, xpos(l, prev), ypos(l, pv->v));
			dl_line(ctx->dl, xpos(l, c), ypos(l, v->v));
			dl_stroke(ctx->dl, col, 1, LINE_W,
			    projected(ctx, l, s, c) ? dash : NULL);
		}
		prev = c;
	}
	/* Dots: all when few, else only points with no neighbour. */
	for (c = 0; c < l->d.ncat; c++) {
		v = &CV(&l->d, c, s);
		if (!cval_usable(v) || !isfinite(xpos(l, c)))
			continue;
		alone = (c == 0 || !cval_usable(&CV(&l->d, c - 1, s))) &&
		    (c + 1 == l->d.ncat || !cval_usable(&CV(&l->d, c + 1, s)));
		if (dots || alone || v->kind != V_NUM)
			dot(ctx, xpos(l, c), ypos(l, v->v), col,
			    v->kind != V_NUM);
	}
}

/* Series names at the right of their last points, spread apart. */
static void
draw_names(struct cctx *ctx, struct lines *l)
{
	double	 y[CHART_MAXSER], h[CHART_MAXSER], tmp;
	size_t	 idx[CHART_MAXSER], n = 0, s, c, i, j;

	for (s = 0; s < l->d.nser; s++)
		for (c = l->d.ncat; c-- > 0;)
			if (cval_usable(&CV(&l->d, c, s))) {
				idx[n] = s;
				y[n] = ypos(l, CV(&l->d, c, s).v);
				h[n] = CT_LEADING * FS_LABEL;
				n++;
				break;
			}
	/* Sort by position, then spread. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && y[j] < y[j - 1]; j--) {
			tmp = y[j];
			y[j] = y[j - 1];
			y[j - 1] = tmp;
			s = idx[j];
			idx[j] = idx[j - 1];
			idx[j - 1] = s;
		}
	spread(y, h, n, l->plot.y - 0.5 * FS_TICK,
	    l->plot.y + l->plot.h + 0.4 * FS_LABEL);
	dl_group(ctx->dl, "names");
	for (i = 0; i < n; i++)
		ct_text(ctx, l->plot.x + l->plot.w + 6, y[i] + 0.35 * FS_LABEL,
		    AN_LEFT, FACE_BOLD, FS_LABEL,
		    text_color(line_color(ctx, l, idx[i])), l->d.ser[idx[i]]);
	dl_endgroup(ctx->dl);
}

/* Labels of text categories under the axis, fitted to their band. */
static void
draw_xcats(struct cctx *ctx, struct lines *l)
{
	struct tfit	 t;
	size_t		 c;
	double		 band = l->plot.w / (double)l->d.ncat;

	dl_group(ctx->dl, "ticks");
	for (c = 0; c < l->d.ncat; c++) {
		(void)ct_fit(ctx, FACE_REGULAR, FS_TICK, FS_MIN, l->d.cat[c],
		    band - 3, 1, &t);
		(void)ct_block(ctx, &t, xpos(l, c), l->plot.y + l->plot.h + 5,
		    AN_CENTER, FACE_REGULAR, COL_MUTED);
		tfit_free(&t);
	}
	dl_endgroup(ctx->dl);
}

static void
lines_free(struct lines *l)
{
	cdata_free(&l->d);
	free(l->title);
}

static int
line_draw(struct cctx *ctx, const size_t *rows, size_t n, struct rect r)
{
	struct lines	 l;
	size_t		 s;
	int		 ok = 0;

	memset(&l, 0, sizeof(l));
	if (!line_data(ctx, rows, n, &l))
		return 0;
	l.title = axis_title(ctx, ctx->col.ny == 1 ? ctx->col.y[0] : -1,
	    ctx->c->opt[O_YTITLE].val, 0);
	l.direct = use_direct(ctx, &l) && ctx->c->legend != LEGEND_TOP;
	if (!layout(ctx, &l, r)) {
		chart_toosmall(ctx, r);
		goto out;
	}
	(void)axis_title_draw(ctx, l.title, r.x, r.y, r.w, 1);
	grid_h(ctx, &l.yt, l.plot, l.d0, l.d1);
	axis_left(ctx, &l.yt, &l.yf, l.plot, l.d0, l.d1);
	if (l.numeric)
		axis_bottom(ctx, &l.xt, &l.xf, l.plot, l.x0, l.x1);
	else
		draw_xcats(ctx, &l);
	if (!isnan(ctx->c->projection) && l.numeric &&
	    ctx->c->projection > l.x0 && ctx->c->projection <= l.x1) {
		/* A faint band behind the projected part. */
		dl_rect(ctx->dl, scale(ctx->c->projection, l.x0, l.x1,
		    l.plot.x, l.plot.x + l.plot.w), l.plot.y,
		    l.plot.x + l.plot.w - scale(ctx->c->projection, l.x0,
		    l.x1, l.plot.x, l.plot.x + l.plot.w), l.plot.h);
		dl_fill(ctx->dl, 0x000000, 0.04);
	}
	dl_group(ctx->dl, "lines");
	for (s = 0; s < l.d.nser; s++)
		draw_series(ctx, &l, s);
	dl_endgroup(ctx->dl);
	if (l.direct)
		draw_names(ctx, &l);
	ok = 1;
out:
	lines_free(&l);
	return ok;
}

static int
line_legend(struct cctx *ctx, const size_t *rows, size_t n,
    struct legend *lg)
{
	struct lines	 l;
	struct cctx	 tmp = *ctx;
	size_t		 s;
	int		 any = 0;

	memset(&l, 0, sizeof(l));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!line_data(&tmp, rows, n, &l))
		return 0;
	buf_free(&tmp.left);
	if (l.d.nser > 1 && (!use_direct(ctx, &l) ||
	    ctx->c->legend == LEGEND_TOP)) {
		for (s = 0; s < l.d.nser; s++)
			legend_add(lg, l.d.ser[s], line_color(ctx, &l, s),
			    chart_dashed(ctx->c, l.d.ser[s]) ? 2 : 1);
		any = 1;
	}
	lines_free(&l);
	return any;
}

static int
line_domain(struct cctx *ctx, const size_t *rows, size_t n)
{
	struct lines	 l;
	struct cctx	 tmp = *ctx;

	memset(&l, 0, sizeof(l));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!line_data(&tmp, rows, n, &l))
		return 0;
	buf_free(&tmp.left);
	extent(&l, &ctx->dom0, &ctx->dom1);
	xextent(&l, &ctx->xdom0, &ctx->xdom1);
	lines_free(&l);
	return 1;
}

static void
line_alt(struct cctx *ctx, const size_t *rows, size_t n, struct buf *out)
{
	struct lines	 l;
	struct cctx	 tmp = *ctx;
	size_t		 s;

	memset(&l, 0, sizeof(l));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!line_data(&tmp, rows, n, &l))
		return;
	buf_free(&tmp.left);
	if (ZH(ctx))
		alt_begin(ctx, l.d.nser > 1 ? "多系列折线图" : "折线图", out);
	else
		alt_begin(ctx, l.d.nser > 1 ? "Line chart of several series" :
		    "Line chart", out);
	for (s = 0; s < l.d.nser; s++) {
		if (l.d.nser > 1 && ZH(ctx))
			buf_printf(out, "%s：", l.d.ser[s]);
		else if (l.d.nser > 1)
			buf_printf(out, "%s%s: ", s ? " " : "", l.d.ser[s]);
		alt_list(ctx, &l.d, s, out);
	}
	if (!isnan(ctx->c->projection))
		buf_printf(out, ZH(ctx) ? "%g及以后的数值为预测值。" :
		    " Values from %g on are projections.",
		    ctx->c->projection);
	lines_free(&l);
}

const struct ckind ck_line = { line_legend, line_domain, line_draw,
	line_alt };
