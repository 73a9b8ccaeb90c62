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

struct rect
rect_pad(struct rect r, double p)
{
	r.x -= p;
	r.y -= p;
	r.w += 2 * p;
	r.h += 2 * p;
	return r;
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

/* Try to place one label; return 1 if placed (and drawn). */
static int
place(struct cctx *ctx, const struct plabel *all, size_t n, struct plabel *p,
    struct rect bounds, double size)
{
	static const double far[] = { 2.5, 8, 16, 26 };
	struct rect	 r;
	double		 w, h, d, nx, ny;
	size_t		 ring;
	enum face	 f;
	int		 k;

	f = p->bold ? FACE_BOLD : FACE_REGULAR;
	w = ct_width(ctx, f, size, p->text);
	h = ct_lineh(size);
	for (ring = 0; ring < sizeof(far) / sizeof(far[0]); ring++) {
		d = p->r + far[ring];
		for (k = 0; k < 8; k++) {
			r = candidate(p, w, h, d, k);
			if (!rect_inside(r, bounds) ||
			    boxes_hit(&ctx->text, r, 2.5) ||
			    boxes_hit(&ctx->marks, r, 0.5) ||
			    (ring < 2 && ambiguous(all, n, p, r)))
				continue;
			if (ring >= 2) {
				/* Far away: a leader line says whose it is. */
				nearest(r, p->x, p->y, &nx, &ny);
				d = hypot(nx - p->x, ny - p->y);
				if (d > 0) {
					dl_move(ctx->dl, p->x + (nx - p->x) *
					    p->r / d, p->y + (ny - p->y) *
					    p->r / d);
					dl_line(ctx->dl, nx, ny);
					dl_stroke(ctx->dl, COL_FAINT, 1, 0.5,
					    NULL);
				}
			}
			ct_text(ctx, r.x, r.y + CT_ASC * size, AN_LEFT, f,
			    size, p->color, p->text);
			return 1;
		}
	}
	return 0;
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
