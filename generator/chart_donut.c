/*
 * chart_donut.c: donut charts, parts of a whole.
 *
 * Slices run clockwise from twelve o'clock, largest first unless the
 * chart says how to sort; beyond CHART_MAXSLICE slices (or limit:)
 * the smallest are summed into "Other", drawn in grey.  Each slice is
 * labelled outside with its name and share, the labels of each side
 * spread apart and tied to their slices by leader lines; the total
 * stands in the hole.  Negative and missing values cannot be parts of
 * a whole: they are left out and named in the note.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "chart_int.h"
#include "dl.h"
#include "fmt.h"

#define COL_OTHER	0xa6a6a6
#define HOLE		0.58	/* inner radius, share of the outer */

struct slice {
	char		*name;
	double		 v;
	double		 a0, a1;	/* angles, radians from +x, clockwise */
	uint32_t	 color;
	int		 other;
};

struct donut {
	struct slice	*s;
	size_t		 n;
	double		 total;
};

static int
bysize(const void *a, const void *b)
{
	const struct slice *x = a, *y = b;

	if (x->other != y->other)
		return x->other ? 1 : -1;
	return (x->v < y->v) - (x->v > y->v);
}

static int
isother(const char *s)
{
	return strncasecmp(s, "other", 5) == 0 ||
	    strncmp(s, "其他", 6) == 0;
}

/* Read the slices: usable positive values, the rest noted. */
static int
donut_data(struct cctx *ctx, const size_t *rows, size_t n, struct donut *d)
{
	struct cdata	 cd;
	struct cval	*v;
	size_t		 c, i, keep, max;
	double		 rest = 0, a;

	memset(d, 0, sizeof(*d));
	/* Sorting is done here, on the slices, after "Other". */
	if (!cdata_build(ctx, rows, n, ctx->col.x, -1, ctx->col.y, 1,
	    CHART_MAXSER, &cd))
		return 0;
	if (ctx->c->opt[O_SORT].val != NULL && ctx->c->sort != SORT_DESC)
		cdata_sort(ctx, &cd);
	d->s = xcalloc(cd.ncat + 1, sizeof(*d->s));
	for (c = 0; c < cd.ncat; c++) {
		v = &CV(&cd, c, 0);
		if (!cval_usable(v) || v->v < 0) {
			if (cval_usable(v))
				ctx->notes |= NOTE_NEG;
			note_missing(ctx, v, cd.cat[c]);
			continue;
		}
		d->s[d->n].name = xstrdup(cd.cat[c]);
		d->s[d->n].v = v->v;
		d->s[d->n].other = isother(cd.cat[c]);
		d->n++;
	}
	cdata_free(&cd);
	if (ctx->c->opt[O_SORT].val == NULL || ctx->c->sort == SORT_DESC)
		qsort(d->s, d->n, sizeof(*d->s), bysize);
	/* Too many slices: the smallest go into "Other". */
	max = ctx->c->limit ? ctx->c->limit : CHART_MAXSLICE;
	if (d->n > max) {
		keep = max - 1;
		for (i = keep; i < d->n; i++) {
			rest += d->s[i].v;
			free(d->s[i].name);
		}
		d->s[keep].name = xstrdup(ZH(ctx) ? "其他" : "Other");
		d->s[keep].v = rest;
		d->s[keep].other = 1;
		d->n = keep + 1;
	}
	for (i = 0; i < d->n; i++)
		d->total += d->s[i].v;
	a = -M_PI / 2;
	for (i = 0; i < d->n; i++) {
		d->s[i].a0 = a;
		a += d->total > 0 ? d->s[i].v / d->total * 2 * M_PI : 0;
		d->s[i].a1 = a;
		d->s[i].color = d->s[i].other ? COL_OTHER : palette(i);
	}
	return 1;
}

static void
donut_free(struct donut *d)
{
	size_t	 i;

	for (i = 0; i < d->n; i++)
		free(d->s[i].name);
	free(d->s);
	memset(d, 0, sizeof(*d));
}

static void
share(struct buf *b, double part, double total)
{
	struct numfmt	 f;

	numfmt_defaults(&f);
	f.type = '%';
	f.prec = total > 0 && part / total < 0.01 ? 1 : 0;
	fmt_num(b, total > 0 ? part / total : 0, &f);
}

/* A label beside the ring. */
struct dlab {
	struct tfit	 t;
	size_t		 i;		/* slice */
	double		 y, h;		/* centre wanted, height */
	double		 ax, ay;	/* anchor on the ring */
};

static int
bylaby(const void *a, const void *b)
{
	const struct dlab *x = a, *y = b;

	return (x->y > y->y) - (x->y < y->y);
}

/* Spread one side's labels and draw them with leader lines. */
static void
side(struct cctx *ctx, const struct donut *d, struct dlab *l, size_t n,
    int right, double cx, double R, struct rect r)
{
	double	*y, *h, lx, ex;
	size_t	 i;

	if (n == 0)
		return;
	qsort(l, n, sizeof(*l), bylaby);
	y = xcalloc(n, sizeof(*y));
	h = xcalloc(n, sizeof(*h));
	for (i = 0; i < n; i++) {
		y[i] = l[i].y;
		h[i] = l[i].t.h + 3;
	}
	spread(y, h, n, r.y, r.y + r.h);
	lx = right ? cx + R + 16 : cx - R - 16;
	for (i = 0; i < n; i++) {
		if (y[i] - h[i] / 2 < r.y - 0.01 ||
		    y[i] + h[i] / 2 > r.y + r.h + 0.01) {
			note_nolabel(ctx, d->s[l[i].i].name);
			continue;
		}
		ex = right ? lx - 3 : lx + 3;
		dl_move(ctx->dl, l[i].ax, l[i].ay);
		dl_line(ctx->dl, ex - (right ? 6 : -6), y[i]);
		dl_line(ctx->dl, ex, y[i]);
		dl_stroke(ctx->dl, COL_FAINT, 1, 0.6, NULL);
		(void)ct_block(ctx, &l[i].t, lx, y[i] - l[i].t.h / 2,
		    right ? AN_LEFT : AN_RIGHT, FACE_REGULAR, COL_TEXT);
	}
	free(y);
	free(h);
}

static void
ring(struct cctx *ctx, const struct donut *d, double cx, double cy,
    double R)
{
	size_t	 i;

	dl_group(ctx->dl, "slices");
	for (i = 0; i < d->n; i++) {
		if (d->s[i].a1 - d->s[i].a0 <= 0)
			continue;
		dl_arc(ctx->dl, cx, cy, R, d->s[i].a0, d->s[i].a1);
		dl_arc(ctx->dl, cx, cy, R * HOLE, d->s[i].a1, d->s[i].a0);
		dl_close(ctx->dl);
		dl_fill(ctx->dl, d->s[i].color, 1);
		/* White seams keep neighbours apart in greyscale. */
		if (d->n > 1) {
			dl_move(ctx->dl, cx + R * HOLE * cos(d->s[i].a0),
			    cy + R * HOLE * sin(d->s[i].a0));
			dl_line(ctx->dl, cx + R * cos(d->s[i].a0),
			    cy + R * sin(d->s[i].a0));
			dl_stroke(ctx->dl, COL_BG, 1, 1.2, NULL);
		}
	}
	dl_endgroup(ctx->dl);
}

static void
centre(struct cctx *ctx, const struct donut *d, double cx, double cy,
    double R)
{
	struct buf	 b = { NULL, 0, 0 };
	double		 w, room = 2 * R * HOLE * 0.8;
	const char	*total = ZH(ctx) ? "合计" : "Total";

	fmt_num(&b, d->total, &ctx->vfmt);
	w = ct_width(ctx, FACE_BOLD, FS_TITLE, b.data);
	if (w <= room && ct_width(ctx, FACE_REGULAR, FS_LABEL, total) <=
	    room && R * HOLE > FS_TITLE * 1.4) {
		ct_text(ctx, cx, cy + 0.2 * FS_TITLE, AN_CENTER, FACE_BOLD,
		    FS_TITLE, COL_TEXT, b.data);
		ct_text(ctx, cx, cy + 0.2 * FS_TITLE + CT_LEADING * FS_LABEL +
		    2, AN_CENTER, FACE_REGULAR, FS_LABEL, COL_MUTED, total);
	}
	buf_free(&b);
}

static int
donut_draw(struct cctx *ctx, const size_t *rows, size_t n, struct rect r)
{
	struct donut	 d;
	struct dlab	*l, *x;
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i, nl = 0, nr = 0;
	double		 cx, cy, R, mid, labw;

	if (!donut_data(ctx, rows, n, &d))
		return 0;
	/* Room for labels either side: up to a quarter of the width. */
	labw = fmin(r.w * 0.27, 150);
	R = fmin(r.h / 2 - 4, (r.w - 2 * labw - 2 * 16) / 2);
	if (R < 24) {
		chart_toosmall(ctx, r);
		donut_free(&d);
		return 0;
	}
	cx = r.x + r.w / 2;
	cy = r.y + r.h / 2;
	ring(ctx, &d, cx, cy, R);
	centre(ctx, &d, cx, cy, R);
	l = xcalloc(d.n + 1, sizeof(*l));
	for (i = 0; i < d.n; i++) {
		buf_reset(&b);
		buf_printf(&b, "%s ", d.s[i].name);
		share(&b, d.s[i].v, d.total);
		mid = (d.s[i].a0 + d.s[i].a1) / 2;
		/* Right half: labels right; left half: left. */
		x = cos(mid) >= 0 ? &l[nr++] : &l[d.n - 1 - nl++];
		(void)ct_fit(ctx, FACE_REGULAR, FS_LABEL, FS_MIN, b.data,
		    r.x + r.w / 2 - R - 16 - r.x - 2, 2, &x->t);
		x->i = i;
		x->ax = cx + (R + 2) * cos(mid);
		x->ay = cy + (R + 2) * sin(mid);
		x->y = cy + (R + 10) * sin(mid);
	}
	dl_group(ctx->dl, "labels");
	side(ctx, &d, l, nr, 1, cx, R, r);
	side(ctx, &d, l + d.n - nl, nl, 0, cx, R, r);
	dl_endgroup(ctx->dl);
	for (i = 0; i < d.n; i++)
		tfit_free(&l[i].t);
	free(l);
	buf_free(&b);
	donut_free(&d);
	return 1;
}

static void
donut_alt(struct cctx *ctx, const size_t *rows, size_t n, struct buf *out)
{
	struct donut	 d;
	struct cctx	 tmp = *ctx;
	size_t		 i;

	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!donut_data(&tmp, rows, n, &d))
		return;
	buf_free(&tmp.left);
	alt_begin(ctx, ZH(ctx) ? "环形图" : "Donut chart", out);
	buf_puts(out, ZH(ctx) ? "合计 " : "Total ");
	fmt_num(out, d.total, &ctx->vfmt);
	for (i = 0; i < d.n; i++) {
		buf_printf(out, "%s%s ", i ? (ZH(ctx) ? "；" : "; ") :
		    (ZH(ctx) ? "：" : ": "), d.s[i].name);
		fmt_num(out, d.s[i].v, &ctx->vfmt);
		buf_puts(out, ZH(ctx) ? "（" : " (");
		share(out, d.s[i].v, d.total);
		buf_puts(out, ZH(ctx) ? "）" : ")");
	}
	buf_puts(out, ZH(ctx) ? "。" : ".");
	donut_free(&d);
}

const struct ckind ck_donut = { NULL, NULL, donut_draw, donut_alt };
