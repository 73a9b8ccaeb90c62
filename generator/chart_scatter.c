/*
 * chart_scatter.c: scatter and bubble charts, with quadrant guides
 * and labelled points: the category map of critical minerals (supply
 * risk against global dominance) is one.
 *
 * Points are circles (bubbles: area proportional to the bubble
 * column, the largest drawn first so that small ones stay visible);
 * a value known only as a bound (>75) is drawn at the bound as an
 * open circle.  Quadrant guides are dashed lines at the thresholds
 * with the quadrant names in the corners, moved along the edges when
 * a point sits there.  Every point gets a label where one fits
 * (chart_label.c), with a leader line when it has to stand off.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart_int.h"
#include "dl.h"
#include "fmt.h"

#define DOT		3.5	/* scatter marker radius */
#define BUBBLE_MAX	0.075	/* largest bubble radius, share of the plot */

struct scat {
	struct cpoints	 p;
	double		 x0, x1, y0, y1;	/* domains */
	struct ticks	 xt, yt;
	struct numfmt	 xf, yf;
	struct rect	 plot, inner;		/* inner: where data maps */
	double		 rmax, zmax;
	char		*xtitle, *ytitle;
};

static double
radius(const struct cctx *ctx, const struct scat *s, const struct cpoint *q)
{
	if (ctx->col.bubble < 0)
		return DOT;
	if (!(s->zmax > 0) || !(q->z.v > 0))
		return 1.5;
	return fmax(1.5, s->rmax * sqrt(q->z.v / s->zmax));
}

static void
extents(const struct scat *s, double *x0, double *x1, double *y0,
    double *y1, double *zmax)
{
	size_t	 i;

	*x0 = *y0 = INFINITY;
	*x1 = *y1 = *zmax = -INFINITY;
	for (i = 0; i < s->p.n; i++) {
		*x0 = fmin(*x0, s->p.p[i].x.v);
		*x1 = fmax(*x1, s->p.p[i].x.v);
		*y0 = fmin(*y0, s->p.p[i].y.v);
		*y1 = fmax(*y1, s->p.p[i].y.v);
		if (cval_usable(&s->p.p[i].z))
			*zmax = fmax(*zmax, s->p.p[i].z.v);
	}
	if (s->p.n == 0) {
		*x0 = *y0 = 0;
		*x1 = *y1 = 1;
	}
}

static int
scat_data(struct cctx *ctx, const size_t *rows, size_t n, struct scat *s)
{
	if (!cpoints_build(ctx, rows, n, &s->p))
		return 0;
	extents(s, &s->x0, &s->x1, &s->y0, &s->y1, &s->zmax);
	if (ctx->hasdomain) {
		s->x0 = ctx->xdom0;
		s->x1 = ctx->xdom1;
		s->y0 = ctx->dom0;
		s->y1 = ctx->dom1;
		s->zmax = ctx->zmax;
	}
	return 1;
}

static void
axis_ticks(struct cctx *ctx, struct ticks *t, struct numfmt *f, double *lo,
    double *hi, double umin, double umax, size_t maxn, long col)
{
	enum ctype ct = table_coltype(ctx->t, (size_t)col);

	value_ticks(*lo, *hi, umin, umax, maxn, ct == CT_YEAR, t, lo, hi);
	tick_format(ctx, t, 0, f);
	if (ct == CT_YEAR)
		f->group = 0;
}

static double
px(const struct scat *s, double v)
{
	return scale(v, s->x0, s->x1, s->inner.x, s->inner.x + s->inner.w);
}

static double
py(const struct scat *s, double v)
{
	return scale(v, s->y0, s->y1, s->inner.y + s->inner.h, s->inner.y);
}

/* Peel: y title on top; x tick labels and x title below. */
static int
layout(struct cctx *ctx, struct scat *s, struct rect r)
{
	double	 top, bottom, left, pad, lo, hi;
	size_t	 maxn;

	top = r.y + axis_title_draw(ctx, s->ytitle, 0, 0, 0, 0);
	bottom = ct_lineh(FS_TICK) + 5 + (s->xtitle ? ct_lineh(FS_TICK) +
	    4 : 0);
	s->plot.y = top + 0.5 * FS_TICK;
	s->plot.h = r.y + r.h - s->plot.y - bottom;
	if (s->plot.h < 40)
		return 0;
	lo = s->y0;
	hi = s->y1;
	axis_ticks(ctx, &s->yt, &s->yf, &lo, &hi, ctx->c->ymin, ctx->c->ymax,
	    ticks_fit(ctx, s->plot.h, FS_TICK, 1), ctx->col.y[0]);
	s->y0 = lo;
	s->y1 = hi;
	left = ticks_width(ctx, &s->yt, &s->yf) + 5;
	s->plot.x = r.x + left;
	s->plot.w = r.w - left - ct_width(ctx, FACE_REGULAR, FS_TICK,
	    "00000") / 2;
	if (s->plot.w < 40)
		return 0;
	s->rmax = ctx->col.bubble >= 0 ? BUBBLE_MAX * fmin(s->plot.w,
	    s->plot.h) : DOT;
	pad = s->rmax + 1;
	s->inner = s->plot;
	s->inner.x += pad;
	s->inner.w -= 2 * pad;
	s->inner.y += pad;
	s->inner.h -= 2 * pad;
	for (maxn = ticks_fit(ctx, s->plot.w, FS_TICK, 0); ; maxn--) {
		lo = s->x0;
		hi = s->x1;
		axis_ticks(ctx, &s->xt, &s->xf, &lo, &hi, ctx->c->xmin,
		    ctx->c->xmax, maxn, ctx->col.x);
		if (maxn <= 2 || ticks_apart(ctx, &s->xt, &s->xf,
		    s->inner.w, lo, hi, 0))
			break;
	}
	s->x0 = lo;
	s->x1 = hi;
	return 1;
}

static void
grid(struct cctx *ctx, struct scat *s)
{
	size_t	 i;
	double	 v;

	dl_group(ctx->dl, "grid");
	for (i = 0; i < s->yt.n; i++) {
		v = py(s, s->yt.v[i]);
		dl_move(ctx->dl, s->plot.x, v);
		dl_line(ctx->dl, s->plot.x + s->plot.w, v);
		dl_stroke(ctx->dl, COL_GRID, 1, 0.6, NULL);
	}
	for (i = 0; i < s->xt.n; i++) {
		v = px(s, s->xt.v[i]);
		dl_move(ctx->dl, v, s->plot.y);
		dl_line(ctx->dl, v, s->plot.y + s->plot.h);
		dl_stroke(ctx->dl, COL_GRID, 1, 0.6, NULL);
	}
	dl_rect(ctx->dl, s->plot.x, s->plot.y, s->plot.w, s->plot.h);
	dl_stroke(ctx->dl, COL_AXIS, 1, 0.6, NULL);
	dl_endgroup(ctx->dl);
}

static void
ticks(struct cctx *ctx, struct scat *s)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	dl_group(ctx->dl, "ticks");
	for (i = 0; i < s->yt.n; i++) {
		buf_reset(&b);
		tick_label(&s->yt, i, &s->yf, &b);
		ct_text(ctx, s->plot.x - 5, py(s, s->yt.v[i]) + 0.35 * FS_TICK,
		    AN_RIGHT, FACE_REGULAR, FS_TICK, COL_MUTED, b.data);
	}
	for (i = 0; i < s->xt.n; i++) {
		buf_reset(&b);
		tick_label(&s->xt, i, &s->xf, &b);
		ct_text(ctx, px(s, s->xt.v[i]), s->plot.y + s->plot.h + 5 +
		    CT_ASC * FS_TICK, AN_CENTER, FACE_REGULAR, FS_TICK,
		    COL_MUTED, b.data);
	}
	dl_endgroup(ctx->dl);
	buf_free(&b);
}

/* Quadrant guides and names; names dodge the points. */
static void
quadrants(struct cctx *ctx, struct scat *s)
{
	static const uint8_t dash[] = { 3, 3, 0 };
	const struct chart *c = ctx->c;
	struct rect	 q[4], box;
	double		 qx, qy, w, h = ct_lineh(FS_LABEL), x, y;
	size_t		 i, k;
	int		 placed;

	qx = isnan(c->quadx) ? (s->x0 + s->x1) / 2 : c->quadx;
	qy = isnan(c->quady) ? (s->y0 + s->y1) / 2 : c->quady;
	if (qx < s->x0 || qx > s->x1 || qy < s->y0 || qy > s->y1)
		return;
	x = px(s, qx);
	y = py(s, qy);
	dl_group(ctx->dl, "quadrants");
	dl_move(ctx->dl, x, s->plot.y);
	dl_line(ctx->dl, x, s->plot.y + s->plot.h);
	dl_move(ctx->dl, s->plot.x, y);
	dl_line(ctx->dl, s->plot.x + s->plot.w, y);
	dl_stroke(ctx->dl, COL_AXIS, 1, 0.9, dash);
	/* Labels keep off the guides. */
	boxes_add(&ctx->marks, (struct rect){ x - 0.5, s->plot.y, 1,
	    s->plot.h });
	boxes_add(&ctx->marks, (struct rect){ s->plot.x, y - 0.5, s->plot.w,
	    1 });
	/* Top left, top right, bottom left, bottom right. */
	q[0] = (struct rect){ s->plot.x, s->plot.y, x - s->plot.x,
	    y - s->plot.y };
	q[1] = (struct rect){ x, s->plot.y, s->plot.x + s->plot.w - x,
	    y - s->plot.y };
	q[2] = (struct rect){ s->plot.x, y, x - s->plot.x,
	    s->plot.y + s->plot.h - y };
	q[3] = (struct rect){ x, y, s->plot.x + s->plot.w - x,
	    s->plot.y + s->plot.h - y };
	for (i = 0; i < 4; i++) {
		w = ct_width(ctx, FACE_BOLD, FS_LABEL, c->quadname[i]);
		if (w + 8 > q[i].w || h + 6 > q[i].h)
			continue;
		/* The outer corner first, then the other corners. */
		for (k = 0, placed = 0; k < 4 && !placed; k++) {
			box.w = w;
			box.h = h;
			box.x = ((i & 1) ^ (k & 1)) ? q[i].x + q[i].w - w - 4 :
			    q[i].x + 4;
			box.y = ((i >> 1) ^ (k >> 1)) ? q[i].y + q[i].h - h - 3 :
			    q[i].y + 3;
			if (boxes_hit(&ctx->marks, box, 1) ||
			    boxes_hit(&ctx->text, box, 1))
				continue;
			ct_text(ctx, box.x, box.y + CT_ASC * FS_LABEL, AN_LEFT,
			    FACE_BOLD, FS_LABEL, COL_FAINT, c->quadname[i]);
			placed = 1;
		}
	}
	dl_endgroup(ctx->dl);
}

static int
bybigger(const void *a, const void *b)
{
	const struct cpoint *const *x = a, *const *y = b;
	double	 zx = (*x)->z.v, zy = (*y)->z.v;

	if (zx != zy && !isnan(zx) && !isnan(zy))
		return zx > zy ? -1 : 1;
	return (*x)->row < (*y)->row ? -1 : (*x)->row > (*y)->row;
}

static int
bound(const struct cpoint *q)
{
	return q->x.kind != V_NUM || q->y.kind != V_NUM;
}

static void
marks(struct cctx *ctx, struct scat *s)
{
	const struct cpoint **order;
	struct rect	 m;
	size_t		 i;
	double		 r, x, y;
	uint32_t	 col;

	order = xcalloc(s->p.n + 1, sizeof(*order));
	for (i = 0; i < s->p.n; i++)
		order[i] = &s->p.p[i];
	if (ctx->col.bubble >= 0)
		qsort(order, s->p.n, sizeof(*order), bybigger);
	dl_group(ctx->dl, "points");
	for (i = 0; i < s->p.n; i++) {
		r = radius(ctx, s, order[i]);
		x = px(s, order[i]->x.v);
		y = py(s, order[i]->y.v);
		col = palette(s->p.nser > 1 ? order[i]->ser : 0);
		if (ctx->c->opt[O_HIGHLIGHT].val != NULL && s->p.nser < 2)
			col = chart_highlighted(ctx->c, order[i]->label) ?
			    palette(2) : palette(0);
		dl_arc(ctx->dl, x, y, r, 0, 2 * M_PI);
		dl_close(ctx->dl);
		if (bound(order[i]))
			dl_fill(ctx->dl, COL_BG, 1);
		else
			dl_fill(ctx->dl, col, ctx->col.bubble >= 0 ? 0.7 : 1);
		dl_arc(ctx->dl, x, y, r, 0, 2 * M_PI);
		dl_close(ctx->dl);
		dl_stroke(ctx->dl, bound(order[i]) ? col : COL_BG, 1,
		    bound(order[i]) ? 1.4 : 0.8, NULL);
		m.x = x - r;
		m.y = y - r;
		m.w = m.h = 2 * r;
		boxes_add(&ctx->marks, m);
	}
	dl_endgroup(ctx->dl);
	free(order);
}

/* Points in crowded places are labelled first; bubbles by size. */
static void
labels(struct cctx *ctx, struct scat *s)
{
	struct plabel	*pl;
	size_t		 i, j;
	double		 dx, dy;

	if (ctx->col.labels < 0 || ctx->c->labels == LABELS_NONE)
		return;
	pl = xcalloc(s->p.n + 1, sizeof(*pl));
	for (i = 0; i < s->p.n; i++) {
		pl[i].x = px(s, s->p.p[i].x.v);
		pl[i].y = py(s, s->p.p[i].y.v);
		pl[i].r = radius(ctx, s, &s->p.p[i]);
		pl[i].text = s->p.p[i].label;
		pl[i].color = COL_TEXT;
		pl[i].bold = chart_highlighted(ctx->c, pl[i].text);
	}
	for (i = 0; i < s->p.n; i++) {
		if (ctx->col.bubble >= 0) {
			pl[i].prio = pl[i].r;
			continue;
		}
		for (j = 0; j < s->p.n; j++) {
			dx = pl[i].x - pl[j].x;
			dy = pl[i].y - pl[j].y;
			if (j != i && dx * dx + dy * dy < 40 * 40)
				pl[i].prio += 1;
		}
	}
	dl_group(ctx->dl, "labels");
	(void)label_points(ctx, pl, s->p.n, s->plot, FS_LABEL);
	dl_endgroup(ctx->dl);
	for (i = 0; i < s->p.n; i++)
		if (!pl[i].placed)
			note_nolabel(ctx, pl[i].text);
	free(pl);
}

static void
scat_free(struct scat *s)
{
	cpoints_free(&s->p);
	free(s->xtitle);
	free(s->ytitle);
}

static int
scat_draw(struct cctx *ctx, const size_t *rows, size_t n, struct rect r)
{
	struct scat	 s;
	int		 ok = 0;

	memset(&s, 0, sizeof(s));
	if (!scat_data(ctx, rows, n, &s))
		return 0;
	s.ytitle = axis_title(ctx, ctx->col.y[0], ctx->c->opt[O_YTITLE].val,
	    0);
	s.xtitle = axis_title(ctx, ctx->col.x, ctx->c->opt[O_XTITLE].val, 0);
	if (ctx->col.bubble >= 0)
		ctx->notes |= NOTE_BUBBLE;
	if (!layout(ctx, &s, r)) {
		chart_toosmall(ctx, r);
		goto out;
	}
	(void)axis_title_draw(ctx, s.ytitle, r.x, r.y, r.w, 1);
	if (s.xtitle != NULL)
		ct_text(ctx, s.plot.x + s.plot.w, r.y + r.h - CT_DESC * FS_TICK,
		    AN_RIGHT, FACE_REGULAR, FS_TICK, COL_MUTED, s.xtitle);
	grid(ctx, &s);
	ticks(ctx, &s);
	marks(ctx, &s);
	if (ctx->c->quadrants)
		quadrants(ctx, &s);
	labels(ctx, &s);
	ok = 1;
out:
	scat_free(&s);
	return ok;
}

static int
scat_legend(struct cctx *ctx, const size_t *rows, size_t n,
    struct legend *lg)
{
	struct scat	 s;
	struct cctx	 tmp = *ctx;
	size_t		 i;

	memset(&s, 0, sizeof(s));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!cpoints_build(&tmp, rows, n, &s.p))
		return 0;
	buf_free(&tmp.left);
	for (i = 0; s.p.nser > 1 && i < s.p.nser; i++)
		legend_add(lg, s.p.ser[i], palette(i), 0);
	scat_free(&s);
	return lg->n > 0;
}

static int
scat_domain(struct cctx *ctx, const size_t *rows, size_t n)
{
	struct scat	 s;
	struct cctx	 tmp = *ctx;

	memset(&s, 0, sizeof(s));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	tmp.hasdomain = 0;
	if (!cpoints_build(&tmp, rows, n, &s.p))
		return 0;
	buf_free(&tmp.left);
	extents(&s, &ctx->xdom0, &ctx->xdom1, &ctx->dom0, &ctx->dom1,
	    &ctx->zmax);
	scat_free(&s);
	return 1;
}

static void
scat_alt(struct cctx *ctx, const size_t *rows, size_t n, struct buf *out)
{
	struct scat	 s;
	struct cctx	 tmp = *ctx;
	const struct cpoint *q;
	char		*xt, *yt;
	size_t		 i;

	memset(&s, 0, sizeof(s));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!cpoints_build(&tmp, rows, n, &s.p))
		return;
	buf_free(&tmp.left);
	if (ZH(ctx))
		alt_begin(ctx, ctx->col.bubble >= 0 ? "气泡图" : "散点图",
		    out);
	else
		alt_begin(ctx, ctx->col.bubble >= 0 ? "Bubble chart" :
		    "Scatter chart", out);
	xt = axis_title(ctx, ctx->col.x, ctx->c->opt[O_XTITLE].val, 0);
	yt = axis_title(ctx, ctx->col.y[0], ctx->c->opt[O_YTITLE].val, 0);
	buf_printf(out, ZH(ctx) ? "%s对%s" : "%s against %s", yt, xt);
	if (ctx->col.bubble >= 0)
		buf_printf(out, ZH(ctx) ? "，圆的面积表示%s" :
		    ", circle area %s",
		    table_colname(ctx->t, (size_t)ctx->col.bubble));
	buf_printf(out, ZH(ctx) ? "，%zu个点" : ", %zu points", s.p.n);
	for (i = 0; i < s.p.n && i < 40; i++) {
		q = &s.p.p[i];
		buf_printf(out, ZH(ctx) ? "%s%s（" : "%s%s (", i ?
		    (ZH(ctx) ? "；" : "; ") : (ZH(ctx) ? "：" : ": "),
		    q->label ? q->label : ZH(ctx) ? "点" : "point");
		value_text(ctx, &q->x, &ctx->vfmt, out);
		buf_puts(out, ZH(ctx) ? "，" : ", ");
		value_text(ctx, &q->y, &ctx->vfmt, out);
		if (ctx->col.bubble >= 0) {
			buf_puts(out, ZH(ctx) ? "，" : ", ");
			value_text(ctx, &q->z, &ctx->vfmt, out);
		}
		buf_puts(out, ZH(ctx) ? "）" : ")");
	}
	if (s.p.n > 40)
		buf_printf(out, ZH(ctx) ? "；另有%zu个" : "; and %zu more",
		    s.p.n - 40);
	buf_puts(out, ZH(ctx) ? "。" : ".");
	free(xt);
	free(yt);
	scat_free(&s);
}

const struct ckind ck_scatter = { scat_legend, scat_domain, scat_draw,
	scat_alt };
