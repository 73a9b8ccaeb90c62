/*
 * chart_facet.c: small multiples.  With facet: COLUMN, the rows are
 * split by the values of the column (in order of first appearance,
 * or sorted by label with sort: label) and each part is drawn as a
 * panel of the chart's kind, in a grid.  Panels share their value
 * scales unless scales: free, so that their sizes compare honestly,
 * and they share one legend and one set of colours.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart_int.h"
#include "dl.h"
#include "msg.h"

#define PANEL_GAP	14.0
#define PANEL_MINW	150.0

struct panel {
	char		*name;
	size_t		*rows;
	size_t		 n, cap;
};

static void
panels_free(struct panel *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(p[i].name);
		free(p[i].rows);
	}
	free(p);
}

/* Split the rows by the facet column; 0 after reporting too many. */
static int
split(struct cctx *ctx, struct panel **out, size_t *np)
{
	struct buf	 b = { NULL, 0, 0 };
	struct panel	*p = NULL;
	size_t		 r, i, n = 0;

	for (r = 0; r < table_nrows(ctx->t); r++) {
		buf_reset(&b);
		cell_label(ctx->t, r, ctx->col.facet, &b);
		for (i = 0; i < n; i++)
			if (strcmp(p[i].name, b.data ? b.data : "") == 0)
				break;
		if (i == n) {
			if (n == CHART_MAXPANEL) {
				msg(MSG_ERROR, ctx->c->opt[O_FACET].file,
				    ctx->c->opt[O_FACET].line,
				    ctx->c->opt[O_FACET].col, "chart option "
				    "facet: more than %d panels; filter the "
				    "data first", CHART_MAXPANEL);
				buf_free(&b);
				panels_free(p, n);
				return 0;
			}
			p = xreallocarray(p, n + 1, sizeof(*p));
			memset(&p[n], 0, sizeof(*p));
			p[n].name = xstrdup(b.data ? b.data : "");
			n++;
		}
		xgrow(&p[i].rows, &p[i].cap, p[i].n + 1, sizeof(size_t));
		p[i].rows[p[i].n++] = r;
	}
	buf_free(&b);
	*out = p;
	*np = n;
	return 1;
}

static int
byname(const void *a, const void *b)
{
	const struct panel *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* Series in a fixed order for every panel, so colours agree. */
static void
shared_order(struct cctx *ctx, struct cdata *d, struct cpoints *p)
{
	size_t	*rows, n = table_nrows(ctx->t), i;
	struct cctx tmp = *ctx;

	memset(d, 0, sizeof(*d));
	memset(p, 0, sizeof(*p));
	rows = xcalloc(n + 1, sizeof(*rows));
	for (i = 0; i < n; i++)
		rows[i] = i;
	tmp.quiet = 1;
	memset(&tmp.left, 0, sizeof(tmp.left));
	if (ctx->col.series >= 0 && (ctx->c->kind == CK_BAR ||
	    ctx->c->kind == CK_HBAR || ctx->c->kind == CK_LINE) &&
	    cdata_build(&tmp, rows, n, ctx->col.x, ctx->col.series,
	    ctx->col.y, ctx->col.ny, CHART_MAXSER, d)) {
		/* Only the series order is shared: categories vary. */
		for (i = 0; i < d->ncat; i++)
			free(d->cat[i]);
		d->ncat = 0;
		ctx->order = d;
	}
	if (ctx->col.series >= 0 && (ctx->c->kind == CK_SCATTER ||
	    ctx->c->kind == CK_BUBBLE || ctx->c->kind == CK_TIMELINE) &&
	    cpoints_build(&tmp, rows, n, p))
		ctx->porder = p;
	buf_free(&tmp.left);
	free(rows);
}

/*
 * The union of the panels' domains, so that every panel draws to the
 * same scale.  Return 0 after an error.
 */
static int
shared(struct cctx *ctx, const struct ckind *k, const struct panel *p,
    size_t np)
{
	double	 d0 = INFINITY, d1 = -INFINITY, x0 = INFINITY, x1 = -INFINITY;
	double	 z = -INFINITY;
	size_t	 i;

	for (i = 0; i < np; i++) {
		ctx->dom0 = ctx->xdom0 = INFINITY;
		ctx->dom1 = ctx->xdom1 = ctx->zmax = -INFINITY;
		if (!k->domain(ctx, p[i].rows, p[i].n))
			return 0;
		d0 = fmin(d0, ctx->dom0);
		d1 = fmax(d1, ctx->dom1);
		x0 = fmin(x0, ctx->xdom0);
		x1 = fmax(x1, ctx->xdom1);
		z = fmax(z, ctx->zmax);
	}
	ctx->dom0 = d0;
	ctx->dom1 = d1;
	ctx->xdom0 = x0;
	ctx->xdom1 = x1;
	ctx->zmax = z;
	ctx->hasdomain = 1;
	return 1;
}

int
facet_draw(struct cctx *ctx, const struct ckind *k, struct rect r)
{
	struct panel	*p = NULL;
	struct cdata	 order;
	struct cpoints	 porder;
	struct rect	 pr;
	struct tfit	 t;
	size_t		 np = 0, i, cols, rows;
	double		 pw, ph;
	int		 ok = 0;

	if (!split(ctx, &p, &np))
		return 0;
	if (ctx->c->sort == SORT_LABEL && np > 1)
		qsort(p, np, sizeof(*p), byname);
	shared_order(ctx, &order, &porder);
	if (!ctx->c->freescales && k->domain != NULL && !shared(ctx, k, p, np))
		goto out;
	cols = ctx->c->columns ? (size_t)ctx->c->columns :
	    (size_t)ceil(sqrt((double)np));
	while (cols > 1 && (r.w - PANEL_GAP * (double)(cols - 1)) /
	    (double)cols < PANEL_MINW && ctx->c->columns == 0)
		cols--;
	if (cols > np)
		cols = np ? np : 1;
	rows = np ? (np + cols - 1) / cols : 1;
	pw = (r.w - PANEL_GAP * (double)(cols - 1)) / (double)cols;
	ph = (r.h - PANEL_GAP * (double)(rows - 1)) / (double)rows;
	ctx->panel = 1;
	for (i = 0; i < np; i++) {
		pr.x = r.x + (double)(i % cols) * (pw + PANEL_GAP);
		pr.y = r.y + (double)(i / cols) * (ph + PANEL_GAP);
		pr.w = pw;
		pr.h = ph;
		(void)ct_fit(ctx, FACE_BOLD, FS_LABEL + 1, FS_MIN, p[i].name,
		    pr.w, 1, &t);
		(void)ct_block(ctx, &t, pr.x, pr.y, AN_LEFT, FACE_BOLD,
		    COL_TEXT);
		pr.y += t.h + 5;
		pr.h -= t.h + 5;
		tfit_free(&t);
		ctx->panelname = p[i].name;
		dl_group(ctx->dl, p[i].name);
		if (!k->draw(ctx, p[i].rows, p[i].n, pr)) {
			dl_endgroup(ctx->dl);
			goto out;
		}
		dl_endgroup(ctx->dl);
	}
	ok = 1;
out:
	ctx->panel = 0;
	ctx->panelname = NULL;
	ctx->hasdomain = 0;
	ctx->order = NULL;
	ctx->porder = NULL;
	cdata_free(&order);
	cpoints_free(&porder);
	panels_free(p, np);
	return ok;
}
