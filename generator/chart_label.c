/*
 * chart_label.c: keeping texts apart.  Every text drawn is a box in
 * ctx->text and every mark a label must not cover (points, bubbles)
 * a box in ctx->marks.  Labels near points try candidate positions
 * around their point, most important label first, and take the first
 * that stays inside the plot and touches no box; labels along one
 * edge (line ends, Sankey nodes, donut sides) are spread apart in one
 * dimension.  A label that finds no place is left out rather than
 * drawn over another; the alt text still names it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart_int.h"
#include "dl.h"

void
boxes_add(struct boxes *b, struct rect r)
{
	xgrow(&b->r, &b->cap, b->n + 1, sizeof(*b->r));
	b->r[b->n++] = r;
}

void
boxes_free(struct boxes *b)
{
	free(b->r);
	memset(b, 0, sizeof(*b));
}

/* Do a and b overlap, with pad points of clearance?  Touching is fine. */
int
rect_hit(struct rect a, struct rect b, double pad)
{
	return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad &&
	    a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

int
boxes_hit(const struct boxes *b, struct rect r, double pad)
{
	size_t	 i;

	for (i = 0; i < b->n; i++)
		if (rect_hit(b->r[i], r, pad))
			return 1;
	return 0;
}

int
rect_inside(struct rect in, struct rect out)
{
	return in.x >= out.x - 1e-9 && in.y >= out.y - 1e-9 &&
	    in.x + in.w <= out.x + out.w + 1e-9 &&
	    in.y + in.h <= out.y + out.h + 1e-9;
}

/*
 * Spread n items along one axis: item i wants its centre at y[i]
 * (sorted ascending) and is h[i] tall.  Move them as little as
 * possible so that none overlaps the next and all lie within
 * [lo, hi].  Clusters of touching items move as one, centred on the
 * mean of what they want.  If they cannot all fit, they are packed
 * from lo and overflow hi; the caller checks.
 */
void
spread(double *y, const double *h, size_t n, double lo, double hi)
{
	size_t	*first, *cnt, nc = 0, i, j, k;
	double	*top, *ht, *sum, at;

	if (n == 0)
		return;
	first = xreallocarray(NULL, n + 1, sizeof(*first));
	cnt = xreallocarray(NULL, n, sizeof(*cnt));
	top = xreallocarray(NULL, n, sizeof(*top));
	ht = xreallocarray(NULL, n, sizeof(*ht));
	sum = xreallocarray(NULL, n, sizeof(*sum));
	for (i = 0; i < n; i++) {
		/*
		 * A new cluster of one.  sum is the sum over members of
		 * the cluster top each would like: its own wanted top
		 * less the height of the members above it.
		 */
		k = nc++;
		first[k] = i;
		cnt[k] = 1;
		ht[k] = h[i];
		sum[k] = y[i] - h[i] / 2;
		for (;;) {
			top[k] = sum[k] / (double)cnt[k];
			if (top[k] + ht[k] > hi)
				top[k] = hi - ht[k];
			if (top[k] < lo)
				top[k] = lo;
			if (k == 0 || top[k - 1] + ht[k - 1] <= top[k])
				break;
			/* Overlaps the cluster above: merge into it. */
			sum[k - 1] += sum[k] - (double)cnt[k] * ht[k - 1];
			cnt[k - 1] += cnt[k];
			ht[k - 1] += ht[k];
			nc--;
			k--;
		}
	}
	first[nc] = n;
	for (k = 0; k < nc; k++) {
		at = top[k];
		for (j = first[k]; j < first[k + 1]; j++) {
			y[j] = at + h[j] / 2;
			at += h[j];
		}
	}
	free(first);
	free(cnt);
	free(top);
	free(ht);
	free(sum);
}

static int
byprio(const void *a, const void *b)
{
	const struct plabel *const *x = a, *const *y = b;

	if ((*x)->prio != (*y)->prio)
		return (*x)->prio > (*y)->prio ? -1 : 1;
	/* Stable: earlier first. */
	return *x < *y ? -1 : *x > *y;
}

/*
 * Candidate positions around a point at distance d, as the offset of
 * the label box's left top from the point: right, left, above, below,
 * then the four diagonals.
 */
static struct rect
candidate(const struct plabel *p, double w, double h, double d, int k)
{
	struct rect	 r;
	double		 dd = d * 0.7071;

	r.w = w;
	r.h = h;
	switch (k) {
	case 0:
		r.x = p->x + d;
		r.y = p->y - h / 2;
		break;
	case 1:
		r.x = p->x - d - w;
		r.y = p->y - h / 2;
		break;
	case 2:
		r.x = p->x - w / 2;
		r.y = p->y - d - h;
		break;
	case 3:
		r.x = p->x - w / 2;
		r.y = p->y + d;
		break;
	case 4:
		r.x = p->x + dd;
		r.y = p->y - dd - h;
		break;
	case 5:
		r.x = p->x + dd;
		r.y = p->y + dd;
		break;
	case 6:
		r.x = p->x - dd - w;
		r.y = p->y - dd - h;
		break;
	default:
		r.x = p->x - dd - w;
		r.y = p->y + dd;
		break;
	}
	return r;
}

/* The point on the edge of r nearest to (x, y), for a leader line. */
static void
nearest(struct rect r, double x, double y, double *nx, double *ny)
{
	*nx = x < r.x ? r.x : x > r.x + r.w ? r.x + r.w : x;
	*ny = y < r.y ? r.y : y > r.y + r.h ? r.y + r.h : y;
}

/* Distance from a point to a rectangle (0 inside). */
static double
rdist(struct rect r, double x, double y)
{
	double	 nx, ny;

	nx = x < r.x ? r.x : x > r.x + r.w ? r.x + r.w : x;
	ny = y < r.y ? r.y : y > r.y + r.h ? r.y + r.h : y;
	return hypot(nx - x, ny - y);
}

/*
 * A label next to its point must be nearer to it than to any other
 * point of the set, or a reader would give it to the wrong one.
 */
static int
ambiguous(const struct plabel *all, size_t n, const struct plabel *p,
    struct rect r)
{
	size_t	 i;
	double	 own = rdist(r, p->x, p->y) - p->r;

	for (i = 0; i < n; i++)
		if (&all[i] != p && rdist(r, all[i].x, all[i].y) - all[i].r <
		    own - 0.5)
			return 1;
	return 0;
}

/* Does the segment from (x0, y0) to (x1, y1) cross a box? */
static int
seg_hits(const struct boxes *b, double x0, double y0, double x1, double y1)
{
	struct rect	 pt;
	double		 len = hypot(x1 - x0, y1 - y0), t;
	size_t		 i, n = (size_t)ceil(len);

	/* A point every point of the way. */
	for (i = 0; i <= n; i++) {
		t = n ? (double)i / (double)n : 0;
		pt.x = x0 + (x1 - x0) * t - 0.25;
		pt.y = y0 + (y1 - y0) * t - 0.25;
		pt.w = pt.h = 0.5;
		if (boxes_hit(b, pt, 0.5))
			return 1;
	}
	return 0;
}

/* Later labels keep off a leader line: mark it, 2 points at a time. */
static void
mark_segment(struct cctx *ctx, double x0, double y0, double x1, double y1)
{
	struct rect	 m;
	double		 len = hypot(x1 - x0, y1 - y0), xa, ya, xb, yb;
	size_t		 i, n = (size_t)ceil(len / 2);

	for (i = 0; i < n; i++) {
		xa = x0 + (x1 - x0) * (double)i / (double)n;
		ya = y0 + (y1 - y0) * (double)i / (double)n;
		xb = x0 + (x1 - x0) * (double)(i + 1) / (double)n;
		yb = y0 + (y1 - y0) * (double)(i + 1) / (double)n;
		m.x = fmin(xa, xb) - 0.25;
		m.y = fmin(ya, yb) - 0.25;
		m.w = fabs(xb - xa) + 0.5;
		m.h = fabs(yb - ya) + 0.5;
		boxes_add(&ctx->marks, m);
	}
}

/* Would the leader line to a label at r cross another text? */
static int
leader_hits(const struct cctx *ctx, const struct plabel *p, struct rect r)
{
	double	 nx, ny;

	nearest(r, p->x, p->y, &nx, &ny);
	return seg_hits(&ctx->text, p->x, p->y, nx, ny);
}

/* Draw a placed label: a leader line if far, then the text. */
static void
draw_label(struct cctx *ctx, const struct plabel *p, const struct tfit *t,
    struct rect r, int k, int far, enum face f)
{
	double	 nx, ny, d;
	int	 an;

	if (far) {
		/* Far away: a leader line says whose it is. */
		nearest(r, p->x, p->y, &nx, &ny);
		d = hypot(nx - p->x, ny - p->y);
		if (d > 0) {
			dl_move(ctx->dl, p->x + (nx - p->x) * p->r / d,
			    p->y + (ny - p->y) * p->r / d);
			dl_line(ctx->dl, nx, ny);
			dl_stroke(ctx->dl, COL_FAINT, 1, 0.5, NULL);
			mark_segment(ctx, p->x, p->y, nx, ny);
		}
	}
	/* Lines of a wrapped label lean towards their point. */
	an = k == 1 || k == 6 || k == 7 ? AN_RIGHT : k == 2 || k == 3 ?
	    AN_CENTER : AN_LEFT;
	(void)ct_block(ctx, t, an == AN_LEFT ? r.x : an == AN_CENTER ?
	    r.x + r.w / 2 : r.x + r.w, r.y, an, f, p->color);
}

/*
 * Try to place one label; return 1 if placed (and drawn).  A long
 * label is wrapped to two lines, which fit between points more often.
 */
static int
place(struct cctx *ctx, const struct plabel *all, size_t n, struct plabel *p,
    struct rect bounds, double size)
{
	static const double far[] = { 2.5, 8, 16, 26, 38 };
	struct tfit	 t;
	struct rect	 r;
	double		 w, d;
	size_t		 ring;
	enum face	 f;
	int		 k, ok = 0;

	f = p->bold ? FACE_BOLD : FACE_REGULAR;
	w = ct_width(ctx, f, size, p->text);
	(void)ct_fit(ctx, f, size, size, p->text, w > 100 ? fmax(70,
	    w * 0.55) : w + 1, 3, &t);
	for (ring = 0; ring < sizeof(far) / sizeof(far[0]) && !ok; ring++) {
		d = p->r + far[ring];
		for (k = 0; k < 8; k++) {
			r = candidate(p, t.w, t.h, d, k);
			if (!rect_inside(r, bounds) ||
			    boxes_hit(&ctx->text, r, 2.5) ||
			    boxes_hit(&ctx->marks, r, 0.5) ||
			    (ring < 2 && ambiguous(all, n, p, r)) ||
			    (ring >= 2 && leader_hits(ctx, p, r)))
				continue;
			draw_label(ctx, p, &t, r, k, ring >= 2, f);
			ok = 1;
			break;
		}
	}
	tfit_free(&t);
	return ok;
}

/*
 * Label points, most important first, without overlapping any text
 * or mark; return how many were placed.  Marks must already be in
 * ctx->marks.
 */
size_t
label_points(struct cctx *ctx, struct plabel *pl, size_t n,
    struct rect bounds, double size)
{
	struct plabel	**order;
	size_t		  i, placed = 0;

	order = xreallocarray(NULL, n ? n : 1, sizeof(*order));
	for (i = 0; i < n; i++)
		order[i] = &pl[i];
	qsort(order, n, sizeof(*order), byprio);
	for (i = 0; i < n; i++) {
		order[i]->placed = order[i]->text != NULL &&
		    *order[i]->text != '\0' &&
		    place(ctx, pl, n, order[i], bounds, size);
		placed += order[i]->placed;
	}
	free(order);
	return placed;
}

/*
 * Width for label i of n: its slot, or nearly two when staggered, but
 * at the ends no more than the room beyond the row allows.
 */
static double
slot_width(int stagger, double band, size_t i, size_t n, double lroom,
    double rroom)
{
	double	 w = stagger ? 2 * band - 6 : band - 3;

	if (i == 0)
		w = fmin(w, band - 3 + 2 * lroom);
	if (i + 1 == n)
		w = fmin(w, band - 3 + 2 * rroom);
	return w;
}

/*
 * Category labels in a row of n slots band wide: all at one size
 * (the largest at which every one fits), wrapped to maxlines.  When
 * some would still be cut, they go in two staggered rows, each label
 * then having nearly two slots of width.  Return the row's height.
 */
double
catrow_fit(const struct cctx *ctx, char *const *s, size_t n, double band,
    size_t maxlines, double lroom, double rroom, struct catrow *cr)
{
	size_t	 i, pass;
	double	 w, size;
	int	 cut;

	memset(cr, 0, sizeof(*cr));
	cr->n = n;
	cr->t = xcalloc(n + 1, sizeof(*cr->t));
	for (pass = 0; pass < 2; pass++) {
		cr->stagger = pass == 1;
		size = FS_TICK;
		cut = 0;
		for (i = 0; i < n; i++) {
			w = slot_width(cr->stagger, band, i, n, lroom, rroom);
			tfit_free(&cr->t[i]);
			(void)ct_fit(ctx, FACE_REGULAR, FS_TICK, FS_MIN, s[i], w,
			    cr->stagger ? 2 : maxlines, &cr->t[i]);
			size = fmin(size, cr->t[i].size);
		}
		for (i = 0; i < n; i++) {
			w = slot_width(cr->stagger, band, i, n, lroom, rroom);
			tfit_free(&cr->t[i]);
			if (!ct_fit(ctx, FACE_REGULAR, size, size, s[i], w,
			    cr->stagger ? 2 : maxlines, &cr->t[i]))
				cut = 1;
		}
		if (!cut || n < 2 || cr->stagger)
			break;
	}
	cr->h1 = cr->h2 = 0;
	for (i = 0; i < n; i++)
		if (cr->stagger && (i & 1))
			cr->h2 = fmax(cr->h2, cr->t[i].h);
		else
			cr->h1 = fmax(cr->h1, cr->t[i].h);
	cr->h = cr->stagger ? cr->h1 + 3 + cr->h2 : cr->h1;
	return cr->h;
}

/*
 * Draw the row along an axis at y, below it (or above it, up), the
 * slots starting at x0.  Labels of the second staggered row get a
 * tick from the axis.
 */
void
catrow_draw(struct cctx *ctx, const struct catrow *cr, double x0,
    double band, double y, int up)
{
	size_t	 i;
	double	 mid, top, off;

	for (i = 0; i < cr->n; i++) {
		mid = x0 + ((double)i + 0.5) * band;
		off = cr->stagger && (i & 1) ? cr->h1 + 3 : 0;
		/* Below an axis: clear of the lowest tick label at its left. */
		top = up ? y - 5 - off - cr->t[i].h : y + 5 + off;
		if (off > 0) {
			dl_move(ctx->dl, mid, y);
			dl_line(ctx->dl, mid, up ? top + cr->t[i].h + 1 :
			    top - 1);
			dl_stroke(ctx->dl, COL_GRID, 1, 0.6, NULL);
		}
		(void)ct_block(ctx, &cr->t[i], mid, top, AN_CENTER,
		    FACE_REGULAR, up ? COL_TEXT : COL_TEXT);
	}
}

void
catrow_free(struct catrow *cr)
{
	size_t	 i;

	for (i = 0; cr->t != NULL && i < cr->n; i++)
		tfit_free(&cr->t[i]);
	free(cr->t);
	memset(cr, 0, sizeof(*cr));
}
