/*
 * chart_timeline.c: dated events (export controls, agreements) along
 * a time axis.
 *
 * The axis is a band with the years (or months) written in it.
 * Events are dots on its edges, each with a label on a stem, above or
 * below the band: the date in small bold type, then the event,
 * wrapped to a few lines.  Labels are placed latest first, each where
 * it stays nearest the band without touching another label or stem
 * and without its stem crossing a label: above or below, hanging
 * right of its stem or left of it.  An event whose label finds no
 * place keeps its dot; the alt text still lists it.  A series column
 * colours the dots (a legend says which is which).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart_int.h"
#include "dl.h"
#include "fmt.h"

#define TL_MAXW		110.0	/* widest label */
#define TL_DOT		3.5

struct tl {
	struct cpoints	 p;
	double		 x0, x1;
	struct ticks	 t;
	struct numfmt	 f;
	struct rect	 axis;		/* y: the axis line */
	size_t		*order;		/* points by date */
};

struct datekey {
	double	 x;
	size_t	 i;
};

static int
bydate(const void *a, const void *b)
{
	const struct datekey *x = a, *y = b;

	if (x->x != y->x)
		return x->x < y->x ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

static int
tl_data(struct cctx *ctx, const size_t *rows, size_t n, struct tl *t)
{
	struct datekey	*k;
	size_t		 i;
	double		 pad;

	if (!cpoints_build(ctx, rows, n, &t->p))
		return 0;
	k = xcalloc(t->p.n + 1, sizeof(*k));
	for (i = 0; i < t->p.n; i++) {
		k[i].x = t->p.p[i].x.v;
		k[i].i = i;
	}
	qsort(k, t->p.n, sizeof(*k), bydate);
	t->order = xcalloc(t->p.n + 1, sizeof(*t->order));
	for (i = 0; i < t->p.n; i++)
		t->order[i] = k[i].i;
	free(k);
	t->x0 = t->p.n ? t->p.p[t->order[0]].x.v : 0;
	t->x1 = t->p.n ? t->p.p[t->order[t->p.n - 1]].x.v : 1;
	if (ctx->hasdomain) {
		t->x0 = ctx->xdom0;
		t->x1 = ctx->xdom1;
	}
	pad = fmax((t->x1 - t->x0) * 0.03, t->p.xdate ? 15 : 0.5);
	t->x0 = isnan(ctx->c->xmin) ? t->x0 - pad : ctx->c->xmin;
	t->x1 = isnan(ctx->c->xmax) ? t->x1 + pad : ctx->c->xmax;
	return 1;
}

static void
tl_free(struct tl *t)
{
	cpoints_free(&t->p);
	free(t->order);
}

/* "3 Jul 2023" (2023年7月3日) for dates; years and numbers plainly. */
static void
date_text(const struct cctx *ctx, const struct tl *t, double v,
    struct buf *b)
{
	struct numfmt	 f;

	if (t->p.xdate) {
		date_label(b, (long)floor(v), DL_DAY, ZH(ctx));
		return;
	}
	numfmt_defaults(&f);
	f.type = 'f';
	f.prec = v == floor(v) ? 0 : -1;
	f.trim = 1;
	f.group = table_coltype(ctx->t, (size_t)ctx->col.x) != CT_YEAR;
	fmt_num(b, v, &f);
}

static double
xpos(const struct tl *t, double v)
{
	return scale(v, t->x0, t->x1, t->axis.x, t->axis.x + t->axis.w);
}

#define BAND	14.0	/* height of the axis band */

static void
axis(struct cctx *ctx, struct tl *t, struct rect r)
{
	size_t	 maxn, i, k;

	t->axis.x = r.x + 4;
	t->axis.w = r.w - 8;
	t->axis.y = r.y + r.h / 2;
	numfmt_defaults(&t->f);
	t->f.lang = ctx->vfmt.lang;	/* dates */
	t->f.type = 'f';
	t->f.prec = 0;
	t->f.group = 0;
	for (maxn = ticks_fit(ctx, t->axis.w, FS_TICK, 0); ; maxn--) {
		if (t->p.xdate)
			(void)date_ticks(t->x0, t->x1, maxn, &t->t);
		else
			(void)nice_ticks(t->x0, t->x1, maxn, 1, &t->t);
		for (i = k = 0; i < t->t.n; i++)
			if (t->t.v[i] >= t->x0 && t->t.v[i] <= t->x1)
				t->t.v[k++] = t->t.v[i];
		t->t.n = k;
		if (maxn <= 2 || ticks_apart(ctx, &t->t, &t->f, t->axis.w,
		    t->x0, t->x1, 1))
			break;
	}
}

/* The band, ticks as white notches, their labels inside the band. */
static void
draw_axis(struct cctx *ctx, struct tl *t)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;
	double		 x, w, top = t->axis.y - BAND / 2, last = -INFINITY;

	dl_group(ctx->dl, "axis");
	dl_rect(ctx->dl, t->axis.x, top, t->axis.w, BAND);
	dl_fill(ctx->dl, 0xeeeeee, 1);
	for (i = 0; i < t->t.n; i++) {
		x = xpos(t, t->t.v[i]);
		dl_move(ctx->dl, x, top);
		dl_line(ctx->dl, x, top + BAND);
		dl_stroke(ctx->dl, COL_BG, 1, 1, NULL);
		buf_reset(&b);
		tick_label(&t->t, i, &t->f, &b);
		/* The label starts at its tick, inside the period it names. */
		w = ct_width(ctx, FACE_REGULAR, FS_TICK, b.data);
		if (x + 3 + w <= t->axis.x + t->axis.w && x + 3 >= last + 4) {
			ct_text(ctx, x + 3, t->axis.y + 0.35 * FS_TICK, AN_LEFT,
			    FACE_REGULAR, FS_TICK, COL_MUTED, b.data);
			last = x + 3 + w;
		}
	}
	dl_endgroup(ctx->dl);
	buf_free(&b);
}

/* Does the stem at x between y0 and y1 cross any text? */
static int
stem_hits(const struct cctx *ctx, double x, double y0, double y1)
{
	struct rect	 s = { x - 0.5, fmin(y0, y1), 1, fabs(y1 - y0) };

	return boxes_hit(&ctx->text, s, 1);
}

/* An event label waiting for its place. */
struct evlab {
	struct tfit	 f;
	char		*date;
	double		 x;		/* stem */
	double		 w, h;		/* box size */
	uint32_t	 color;
};

/*
 * The place nearest the band for a label on one side, hanging right
 * (or left) of its stem: just off the band, or just beyond a label
 * already placed.  Return its distance from the band, or -1.
 */
static double
find_place(struct cctx *ctx, const struct tl *t, struct rect r,
    const struct evlab *e, int below, int left, struct rect *out)
{
	struct rect	 b;
	double		 edge, cand, d, best = -1;
	size_t		 i;

	edge = below ? t->axis.y + BAND / 2 : t->axis.y - BAND / 2;
	b.x = left ? e->x + 2 - e->w : e->x - 2;
	b.w = e->w;
	b.h = e->h;
	for (i = 0; i <= ctx->text.n; i++) {
		if (i == 0)
			cand = below ? edge + 10 : edge - 10;
		else
			cand = below ? ctx->text.r[i - 1].y +
			    ctx->text.r[i - 1].h + 5 : ctx->text.r[i - 1].y - 5;
		d = fabs(cand - edge);
		if ((below ? cand < edge + 10 : cand > edge - 10) ||
		    (best >= 0 && d >= best))
			continue;
		b.y = below ? cand : cand - e->h;
		if (!rect_inside(b, r) || boxes_hit(&ctx->text, b, 3) ||
		    boxes_hit(&ctx->marks, b, 2) ||
		    stem_hits(ctx, e->x, edge, cand))
			continue;
		best = d;
		*out = b;
	}
	return best;
}

/* Place one label on the best of four sides; 0 if none has room. */
static int
place(struct cctx *ctx, const struct tl *t, const struct evlab *e,
    struct rect r)
{
	struct rect	 box = { 0, 0, 0, 0 }, cand = box, stem;
	double		 d, best = -1, dh = CT_LEADING * (FS_LABEL - 0.5), edge;
	int		 k, below = 0, left = 0;

	for (k = 0; k < 4; k++) {
		if ((k & 2) && e->x + 2 - e->w < r.x)
			continue;
		if (!(k & 2) && e->x - 2 + e->w > r.x + r.w)
			continue;
		d = find_place(ctx, t, r, e, k & 1, (k & 2) != 0, &cand);
		/*
		 * A label hanging left covers the stems of earlier events,
		 * which come later here: take it only if much nearer, and
		 * keep such labels above the band, leaving the side below
		 * to the events they cover.
		 */
		if (d >= 0 && (k & 2))
			d += 1000 + ((k & 1) ? 1000 : 0);
		if (d >= 0 && (best < 0 || d < best)) {
			best = d;
			box = cand;
			below = k & 1;
			left = (k & 2) != 0;
		}
	}
	if (best < 0)
		return 0;
	edge = below ? t->axis.y + BAND / 2 : t->axis.y - BAND / 2;
	dl_arc(ctx->dl, e->x, edge, TL_DOT, 0, 2 * M_PI);
	dl_close(ctx->dl);
	dl_fill(ctx->dl, e->color, 1);
	dl_move(ctx->dl, e->x, edge);
	dl_line(ctx->dl, e->x, below ? box.y - 1 : box.y + box.h + 1);
	dl_stroke(ctx->dl, COL_FAINT, 1, 0.6, NULL);
	stem.x = e->x - 0.5;
	stem.w = 1;
	stem.y = below ? edge : box.y + box.h;
	stem.h = below ? box.y - edge : edge - box.y - box.h;
	boxes_add(&ctx->marks, stem);
	ct_text(ctx, left ? box.x + box.w : box.x, box.y + CT_ASC *
	    (FS_LABEL - 0.5), left ? AN_RIGHT : AN_LEFT, FACE_BOLD,
	    FS_LABEL - 0.5, text_color(e->color), e->date);
	(void)ct_block(ctx, &e->f, left ? box.x + box.w : box.x, box.y + dh,
	    left ? AN_RIGHT : AN_LEFT, FACE_REGULAR, COL_TEXT);
	return 1;
}

/* Draw event i: its label if one fits, else its dot alone. */
static void
event(struct cctx *ctx, struct tl *t, const struct cpoint *q, struct rect r)
{
	struct buf	 b = { NULL, 0, 0 };
	struct evlab	 e;
	double		 x = xpos(t, q->x.v);
	uint32_t	 col = palette(t->p.nser > 1 ? q->ser : 0);

	memset(&e, 0, sizeof(e));
	if (q->label != NULL && *q->label != '\0' &&
	    ctx->c->labels != LABELS_NONE) {
		(void)ct_fit(ctx, FACE_REGULAR, FS_LABEL, FS_MIN, q->label,
		    fmin(TL_MAXW, r.w / 3), 3, &e.f);
		date_text(ctx, t, q->x.v, &b);
		e.date = buf_steal(&b);
		e.x = x;
		e.color = col;
		e.w = fmax(e.f.w, ct_width(ctx, FACE_BOLD, FS_LABEL - 0.5,
		    e.date));
		e.h = e.f.h + CT_LEADING * (FS_LABEL - 0.5);
	}
	if (e.date == NULL || !place(ctx, t, &e, r)) {
		/* No label: the dot sits on the band's edge. */
		if (e.date != NULL) {
			date_text(ctx, t, q->x.v, &b);
			buf_printf(&b, " %s", q->label);
			note_nolabel(ctx, b.data);
		}
		dl_arc(ctx->dl, x, t->axis.y - BAND / 2, TL_DOT, 0, 2 * M_PI);
		dl_close(ctx->dl);
		dl_fill(ctx->dl, col, 1);
	}
	tfit_free(&e.f);
	free(e.date);
	buf_free(&b);
}

/* Would the label of q, hanging right, leave the frame? */
static int
forced_left(const struct cctx *ctx, const struct tl *t,
    const struct cpoint *q, struct rect r)
{
	struct tfit	 f;
	double		 w;

	if (q->label == NULL || *q->label == '\0')
		return 0;
	(void)ct_fit(ctx, FACE_REGULAR, FS_LABEL, FS_MIN, q->label,
	    fmin(TL_MAXW, r.w / 3), 3, &f);
	w = fmax(f.w, ct_width(ctx, FACE_BOLD, FS_LABEL - 0.5, ZH(ctx) ?
	    "0000年00月00日" : "00 Mmm 0000"));
	tfit_free(&f);
	return xpos(t, q->x.v) - 2 + w > r.x + r.w;
}

/*
 * Labels near the right edge must hang left: they go first, earliest
 * first, so that each climbs over the one before.  The others follow,
 * latest first, hanging right over the places of later events.
 */
static void
events(struct cctx *ctx, struct tl *t, struct rect r)
{
	const struct cpoint *q;
	size_t		 i;
	int		*left;

	left = xcalloc(t->p.n + 1, sizeof(*left));
	dl_group(ctx->dl, "events");
	for (i = 0; i < t->p.n; i++) {
		q = &t->p.p[t->order[i]];
		if ((left[i] = forced_left(ctx, t, q, r)))
			event(ctx, t, q, r);
	}
	for (i = t->p.n; i-- > 0;)
		if (!left[i])
			event(ctx, t, &t->p.p[t->order[i]], r);
	dl_endgroup(ctx->dl);
	free(left);
}

static int
tl_draw(struct cctx *ctx, const size_t *rows, size_t n, struct rect r)
{
	struct tl	 t;

	memset(&t, 0, sizeof(t));
	if (!tl_data(ctx, rows, n, &t))
		return 0;
	if (r.w < 100 || r.h < 60) {
		chart_toosmall(ctx, r);
		tl_free(&t);
		return 0;
	}
	axis(ctx, &t, r);
	draw_axis(ctx, &t);
	events(ctx, &t, r);
	tl_free(&t);
	return 1;
}

static int
tl_legend(struct cctx *ctx, const size_t *rows, size_t n, struct legend *lg)
{
	struct tl	 t;
	struct cctx	 tmp = *ctx;
	size_t		 i;

	memset(&t, 0, sizeof(t));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!tl_data(&tmp, rows, n, &t))
		return 0;
	buf_free(&tmp.left);
	for (i = 0; t.p.nser > 1 && i < t.p.nser; i++)
		legend_add(lg, t.p.ser[i], palette(i), 0);
	tl_free(&t);
	return lg->n > 0;
}

static int
tl_domain(struct cctx *ctx, const size_t *rows, size_t n)
{
	struct tl	 t;
	struct cctx	 tmp = *ctx;
	size_t		 i;

	memset(&t, 0, sizeof(t));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	tmp.hasdomain = 0;
	if (!cpoints_build(&tmp, rows, n, &t.p))
		return 0;
	buf_free(&tmp.left);
	for (i = 0; i < t.p.n; i++) {
		ctx->xdom0 = fmin(ctx->xdom0, t.p.p[i].x.v);
		ctx->xdom1 = fmax(ctx->xdom1, t.p.p[i].x.v);
	}
	tl_free(&t);
	return 1;
}

static void
tl_alt(struct cctx *ctx, const size_t *rows, size_t n, struct buf *out)
{
	struct tl	 t;
	struct cctx	 tmp = *ctx;
	const struct cpoint *q;
	size_t		 i;

	memset(&t, 0, sizeof(t));
	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!tl_data(&tmp, rows, n, &t))
		return;
	buf_free(&tmp.left);
	alt_begin(ctx, ZH(ctx) ? "时间线" : "Timeline", out);
	buf_printf(out, ZH(ctx) ? "%zu个事件" : "%zu events", t.p.n);
	for (i = 0; i < t.p.n && i < 40; i++) {
		q = &t.p.p[t.order[i]];
		buf_puts(out, i ? (ZH(ctx) ? "；" : "; ") : (ZH(ctx) ? "：" :
		    ": "));
		date_text(ctx, &t, q->x.v, out);
		buf_printf(out, ZH(ctx) ? "，%s" : ", %s", q->label ?
		    q->label : "");
		if (t.p.nser > 1)
			buf_printf(out, ZH(ctx) ? "（%s）" : " (%s)",
			    t.p.ser[q->ser]);
	}
	buf_puts(out, ZH(ctx) ? "。" : ".");
	tl_free(&t);
}

const struct ckind ck_timeline = { tl_legend, tl_domain, tl_draw, tl_alt };
