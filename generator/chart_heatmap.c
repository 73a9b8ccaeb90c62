/*
 * chart_heatmap.c: a matrix of cells, such as exporters (rows, y) by
 * importers (columns, x), each cell coloured by its value.
 *
 * The colour ramp is ColorBrewer's sequential Blues, which darkens
 * steadily and so reads in greyscale and with any colour vision; with
 * color-scale: log, it spans orders of magnitude (trade flows do).
 * A cell with no data is left blank, a withheld or unavailable value
 * is hatched and carries its code, so that neither passes for a zero.
 * Values are written in the cells where they fit; the ramp is
 * explained by a scale bar under the matrix.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart_int.h"
#include "dl.h"
#include "fmt.h"

#define HM_MAXCOL	60	/* columns of a heatmap */

/* ColorBrewer Blues, 9 classes (Brewer, colorbrewer2.org). */
static const uint32_t blues[] = {
	0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6,
	0x2171b5, 0x08519c, 0x08306b
};

struct heat {
	struct cdata	 d;
	double		 lo, hi;	/* colour domain */
	int		 log;
	struct rect	 grid;
	double		 cw, ch;	/* cell size */
	struct tfit	*row;
	struct catrow	 cols;
};

/* Position of v on the ramp, 0..1. */
static double
ramp_pos(const struct heat *h, double v)
{
	double	 t;

	if (h->log) {
		if (v <= 0)
			return 0;
		t = h->hi > h->lo ? (log10(v) - log10(h->lo)) /
		    (log10(h->hi) - log10(h->lo)) : 1;
	} else
		t = h->hi > h->lo ? (v - h->lo) / (h->hi - h->lo) : 1;
	return t < 0 ? 0 : t > 1 ? 1 : t;
}

static uint32_t
ramp(double t)
{
	double		 f = t * 8;
	size_t		 i = (size_t)floor(f);
	uint32_t	 a, b, out = 0;
	int		 sh;

	if (i >= 8)
		return blues[8];
	f -= (double)i;
	a = blues[i];
	b = blues[i + 1];
	for (sh = 0; sh <= 16; sh += 8)
		out |= (uint32_t)lround(((a >> sh) & 0xff) * (1 - f) +
		    ((b >> sh) & 0xff) * f) << sh;
	return out;
}

struct colkey {
	double	 total;
	size_t	 i;
};

static int
bytotal(const void *a, const void *b)
{
	const struct colkey *x = a, *y = b;

	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* Columns in order of their totals, largest first (sort: desc/asc). */
static void
sort_columns(struct heat *h, int asc)
{
	struct colkey	*k;
	struct cval	*v;
	char		**ser;
	size_t		 r, c, n = h->d.nser;

	k = xcalloc(n + 1, sizeof(*k));
	for (c = 0; c < n; c++) {
		k[c].i = c;
		for (r = 0; r < h->d.ncat; r++)
			if (cval_usable(&CV(&h->d, r, c)))
				k[c].total += CV(&h->d, r, c).v;
		if (asc)
			k[c].total = -k[c].total;
	}
	qsort(k, n, sizeof(*k), bytotal);
	ser = xcalloc(n + 1, sizeof(*ser));
	v = xcalloc(h->d.ncat * n + 1, sizeof(*v));
	for (c = 0; c < n; c++) {
		ser[c] = h->d.ser[k[c].i];
		for (r = 0; r < h->d.ncat; r++)
			v[r * n + c] = CV(&h->d, r, k[c].i);
	}
	free(h->d.ser);
	free(h->d.v);
	h->d.ser = ser;
	h->d.v = v;
	free(k);
}

static int
heat_data(struct cctx *ctx, const size_t *rows, size_t n, struct heat *h)
{
	struct buf	 w = { NULL, 0, 0 };
	const struct cval *v;
	size_t		 r, c;
	long		 val = ctx->col.value;

	if (!cdata_build(ctx, rows, n, ctx->col.y[0], ctx->col.x, &val, 1,
	    HM_MAXCOL, &h->d))
		return 0;
	cdata_sort(ctx, &h->d);
	if (ctx->c->sort == SORT_DESC || ctx->c->sort == SORT_ASC)
		sort_columns(h, ctx->c->sort == SORT_ASC);
	h->log = ctx->c->logcolor;
	h->lo = INFINITY;
	h->hi = -INFINITY;
	for (r = 0; r < h->d.ncat; r++)
		for (c = 0; c < h->d.nser; c++) {
			v = &CV(&h->d, r, c);
			if (cval_usable(v) && (!h->log || v->v > 0)) {
				h->lo = fmin(h->lo, v->v);
				h->hi = fmax(h->hi, v->v);
			}
			buf_reset(&w);
			buf_printf(&w, ZH(ctx) ? "%s→%s" : "%s to %s",
			    h->d.cat[r], h->d.ser[c]);
			note_missing(ctx, v, w.data);
		}
	if (h->lo > h->hi)
		h->lo = h->hi = 0;
	if (!h->log && h->lo > 0)
		h->lo = 0;
	if (ctx->hasdomain) {
		h->lo = ctx->dom0;
		h->hi = ctx->dom1;
	}
	buf_free(&w);
	return 1;
}

static void
heat_free(struct heat *h)
{
	size_t	 i;

	catrow_free(&h->cols);
	for (i = 0; h->row != NULL && i < h->d.ncat; i++)
		tfit_free(&h->row[i]);
	free(h->row);
	cdata_free(&h->d);
}

/* Fit labels at one size, the largest at which all of them fit. */
static double
fit_all(const struct cctx *ctx, char **s, size_t n, double maxw,
    size_t lines, struct tfit *t, int wide, double start)
{
	size_t	 i;
	double	 size = start, max = 0;

	for (i = 0; i < n; i++) {
		(void)ct_fit(ctx, FACE_REGULAR, start, FS_MIN, s[i], maxw,
		    lines, &t[i]);
		size = fmin(size, t[i].size);
	}
	for (i = 0; i < n; i++) {
		if (t[i].size > size) {
			tfit_free(&t[i]);
			(void)ct_fit(ctx, FACE_REGULAR, size, size, s[i], maxw,
			    lines, &t[i]);
		}
		max = fmax(max, wide ? t[i].w : t[i].h);
	}
	return max;
}

static double
legend_h(void)
{
	return 8 + ct_lineh(FS_TICK) + 10;
}

static int
layout(struct cctx *ctx, struct heat *h, struct rect r)
{
	double	 left, top;
	size_t	 i;

	h->row = xcalloc(h->d.ncat + 1, sizeof(*h->row));
	left = fit_all(ctx, h->d.cat, h->d.ncat, r.w * 0.28, 1, h->row, 1,
	    FS_TICK) + 6;
	h->cw = (r.w - left) / (double)h->d.nser;
	if (h->cw < 10)
		return 0;
	top = catrow_fit(ctx, h->d.ser, h->d.nser, h->cw, 3, 0, 0, &h->cols) +
	    5;
	h->grid.x = r.x + left;
	h->grid.y = r.y + top;
	h->grid.w = h->cw * (double)h->d.nser;
	h->grid.h = r.h - top - legend_h();
	h->ch = fmin(h->grid.h / (double)h->d.ncat, 28);
	h->grid.h = h->ch * (double)h->d.ncat;
	if (h->ch < ct_lineh(FS_MIN))
		return 0;
	/* Rows thinner than a line of labels: smaller labels. */
	if (h->ch < ct_lineh(FS_TICK)) {
		for (i = 0; i < h->d.ncat; i++)
			tfit_free(&h->row[i]);
		(void)fit_all(ctx, h->d.cat, h->d.ncat, r.w * 0.28, 1, h->row,
		    1, floor(h->ch / (CT_ASC + CT_DESC) * 2) / 2);
	}
	return 1;
}

/* Hatching for a missing value: the cell says it is not a zero. */
static void
hatch(struct cctx *ctx, struct rect c)
{
	double	 k;
	int	 i, n;

	dl_rect(ctx->dl, c.x, c.y, c.w, c.h);
	dl_fill(ctx->dl, 0xf0f0f0, 1);
	dl_save(ctx->dl);
	dl_rect(ctx->dl, c.x, c.y, c.w, c.h);
	dl_clip(ctx->dl);
	/* Diagonals 4 points apart across the cell. */
	n = (int)ceil((c.w + c.h) / 4);
	for (i = 0; i < n; i++) {
		k = -c.h + 4 * i;
		dl_move(ctx->dl, c.x + k, c.y + c.h);
		dl_line(ctx->dl, c.x + k + c.h, c.y);
	}
	dl_stroke(ctx->dl, COL_MISSING, 1, 0.6, NULL);
	dl_restore(ctx->dl);
}

static void
cells(struct cctx *ctx, struct heat *h)
{
	struct buf	 b = { NULL, 0, 0 };
	struct numfmt	 f = ctx->vfmt;
	const struct cval *v;
	struct rect	 c;
	size_t		 r, s;
	uint32_t	 col;
	double		 tw;

	if (!ctx->c->hasfmt && h->hi >= 1e4) {
		f.type = 's';
		f.prec = 2;
		f.trim = 1;
		f.unit[0] = '\0';
	}
	dl_group(ctx->dl, "cells");
	for (r = 0; r < h->d.ncat; r++)
		for (s = 0; s < h->d.nser; s++) {
			v = &CV(&h->d, r, s);
			c.x = h->grid.x + (double)s * h->cw;
			c.y = h->grid.y + (double)r * h->ch;
			c.w = h->cw;
			c.h = h->ch;
			if (v->absent)
				continue;
			buf_reset(&b);
			if (!cval_usable(v)) {
				hatch(ctx, c);
				col = 0xf0f0f0;
			} else {
				col = ramp(ramp_pos(h, v->v));
				dl_rect(ctx->dl, c.x, c.y, c.w, c.h);
				dl_fill(ctx->dl, col, 1);
			}
			if (ctx->c->labels == LABELS_NONE)
				continue;
			value_text(ctx, v, &f, &b);
			tw = ct_width(ctx, FACE_REGULAR, FS_MIN + 0.5, b.data);
			if (tw + 3 <= c.w && ct_lineh(FS_MIN + 0.5) + 2 <= c.h)
				ct_text(ctx, c.x + c.w / 2, c.y + c.h / 2 + 0.35 *
				    (FS_MIN + 0.5), AN_CENTER, FACE_REGULAR,
				    FS_MIN + 0.5, luminance(col) < 0.3 ? COL_BG :
				    COL_TEXT, b.data);
		}
	/* White lines between cells. */
	for (s = 1; s < h->d.nser; s++) {
		dl_move(ctx->dl, h->grid.x + (double)s * h->cw, h->grid.y);
		dl_line(ctx->dl, h->grid.x + (double)s * h->cw,
		    h->grid.y + h->grid.h);
	}
	for (r = 1; r < h->d.ncat; r++) {
		dl_move(ctx->dl, h->grid.x, h->grid.y + (double)r * h->ch);
		dl_line(ctx->dl, h->grid.x + h->grid.w,
		    h->grid.y + (double)r * h->ch);
	}
	dl_stroke(ctx->dl, COL_BG, 1, 1, NULL);
	dl_rect(ctx->dl, h->grid.x, h->grid.y, h->grid.w, h->grid.h);
	dl_stroke(ctx->dl, COL_GRID, 1, 0.6, NULL);
	dl_endgroup(ctx->dl);
	buf_free(&b);
}

static void
labels(struct cctx *ctx, struct heat *h)
{
	size_t	 i;

	dl_group(ctx->dl, "labels");
	catrow_draw(ctx, &h->cols, h->grid.x, h->cw, h->grid.y, 1);
	for (i = 0; i < h->d.ncat; i++)
		(void)ct_block(ctx, &h->row[i], h->grid.x - 6, h->grid.y +
		    ((double)i + 0.5) * h->ch - h->row[i].h / 2, AN_RIGHT,
		    FACE_REGULAR, COL_TEXT);
	dl_endgroup(ctx->dl);
}

/* The scale bar: the ramp in steps, its ends labelled. */
static void
scalebar(struct cctx *ctx, struct heat *h, struct rect r)
{
	struct buf	 b = { NULL, 0, 0 };
	double		 x, y, w = fmin(160, h->grid.w), sw, lw;
	size_t		 i, steps = 40;

	x = h->grid.x;
	y = h->grid.y + h->grid.h + 8;
	if (y + legend_h() - 8 > r.y + r.h + 0.01)
		return;
	sw = w / (double)steps;
	dl_group(ctx->dl, "scale");
	for (i = 0; i < steps; i++) {
		dl_rect(ctx->dl, x + (double)i * sw, y, sw + 0.3, 7);
		dl_fill(ctx->dl, ramp(((double)i + 0.5) / (double)steps), 1);
	}
	fmt_num(&b, h->lo, &ctx->vfmt);
	ct_text(ctx, x, y + 9 + CT_ASC * FS_TICK, AN_LEFT, FACE_REGULAR,
	    FS_TICK, COL_MUTED, b.data);
	lw = ct_width(ctx, FACE_REGULAR, FS_TICK, b.data);
	buf_reset(&b);
	fmt_num(&b, h->hi, &ctx->vfmt);
	if (lw + 8 + ct_width(ctx, FACE_REGULAR, FS_TICK, b.data) <= w)
		ct_text(ctx, x + w, y + 9 + CT_ASC * FS_TICK, AN_RIGHT,
		    FACE_REGULAR, FS_TICK, COL_MUTED, b.data);
	buf_reset(&b);
	buf_puts(&b, !h->log ? "" : ZH(ctx) ? "对数刻度" : "log scale");
	if (b.len > 0 && x + w + 8 + ct_width(ctx, FACE_ITALIC, FS_TICK,
	    b.data) <= r.x + r.w)
		ct_text(ctx, x + w + 8, y + 7, AN_LEFT, FACE_ITALIC, FS_TICK,
		    COL_MUTED, b.data);
	dl_endgroup(ctx->dl);
	buf_free(&b);
}

static int
heat_draw(struct cctx *ctx, const size_t *rows, size_t n, struct rect r)
{
	struct heat	 h;
	int		 ok = 0;

	memset(&h, 0, sizeof(h));
	if (!heat_data(ctx, rows, n, &h))
		return 0;
	if (h.d.ncat == 0 || h.d.nser == 0) {
		ct_text(ctx, r.x + r.w / 2, r.y + r.h / 2, AN_CENTER,
		    FACE_ITALIC, FS_LABEL, COL_MUTED, ZH(ctx) ? "无数据" :
		    "No data");
		ok = 1;
		goto out;
	}
	if (!layout(ctx, &h, r)) {
		chart_toosmall(ctx, r);
		goto out;
	}
	cells(ctx, &h);
	labels(ctx, &h);
	scalebar(ctx, &h, r);
	ok = 1;
out:
	heat_free(&h);
	return ok;
}

static int
heat_domain(struct cctx *ctx, const size_t *rows, size_t n)
{
	struct heat	 h;
	struct cctx	 tmp = *ctx;

	memset(&h, 0, sizeof(h));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	tmp.hasdomain = 0;
	if (!heat_data(&tmp, rows, n, &h))
		return 0;
	buf_free(&tmp.left);
	ctx->dom0 = h.lo;
	ctx->dom1 = h.hi;
	heat_free(&h);
	return 1;
}

static void
heat_alt(struct cctx *ctx, const size_t *rows, size_t n, struct buf *out)
{
	struct heat	 h;
	struct cctx	 tmp = *ctx;
	size_t		 r;

	memset(&h, 0, sizeof(h));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!heat_data(&tmp, rows, n, &h))
		return;
	buf_free(&tmp.left);
	alt_begin(ctx, ZH(ctx) ? "热力图" : "Heatmap", out);
	buf_printf(out, ZH(ctx) ? "%zu行（%s）×%zu列（%s）。" :
	    "%zu rows (%s) by %zu columns (%s). ", h.d.ncat,
	    table_colname(ctx->t, (size_t)ctx->col.y[0]), h.d.nser,
	    table_colname(ctx->t, (size_t)ctx->col.x));
	for (r = 0; r < h.d.ncat && r < 12; r++) {
		if (ZH(ctx))
			buf_printf(out, "%s：", h.d.cat[r]);
		else
			buf_printf(out, "%s%s: ", r ? " " : "", h.d.cat[r]);
		alt_row(ctx, &h.d, r, out);
	}
	if (h.d.ncat > 12)
		buf_printf(out, ZH(ctx) ? "另有%zu行。" :
		    " And %zu more rows.", h.d.ncat - 12);
	heat_free(&h);
}

const struct ckind ck_heatmap = { NULL, heat_domain, heat_draw, heat_alt };
