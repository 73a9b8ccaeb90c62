/*
 * chart_sankey.c: flow diagrams, such as exporters (left) to
 * importers (right), each link as wide as its flow.
 *
 * Nodes are sorted by size with "Other" last; beyond limit: (or
 * SANKEY_MAXNODE) nodes a side, the smallest merge into "Other".
 * Links leave each source in the order of their targets and arrive
 * in the order of their sources, which keeps crossings few; they take
 * the colour of their source.  Node labels sit outside the nodes,
 * spread apart where nodes are thin.  Missing and negative flows
 * cannot be drawn as widths: they are left out and noted.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "chart_int.h"
#include "dl.h"
#include "fmt.h"

#define SANKEY_MAXNODE	12	/* nodes a side before "Other" */
#define SANKEY_MAXIN	200	/* distinct names read per side */
#define NODE_W		9.0
#define COL_NODE	0x6e6e6e

struct node {
	char		*name;
	double		 v;		/* total flow */
	double		 y, h;		/* placed */
	double		 at;		/* next free offset for links */
	int		 other;
	size_t		 idx;		/* colour */
};

struct flows {
	struct node	*src, *dst;
	size_t		 ns, nd;
	double		*f;		/* f[s * nd + d] */
	double		 total;
};

static int
isother(const char *s)
{
	return strncasecmp(s, "other", 5) == 0 ||
	    strncmp(s, "其他", 6) == 0;
}

static int
bysize(const void *a, const void *b)
{
	const struct node *x = a, *y = b;

	if (x->other != y->other)
		return x->other ? 1 : -1;
	if (x->v != y->v)
		return x->v > y->v ? -1 : 1;
	return strcmp(x->name, y->name);
}

/*
 * Keep the max largest nodes, the rest merged into one named other;
 * map[i] gives each old node's new index.
 */
static size_t
merge_small(struct node *n, size_t cnt, size_t max, size_t *map,
    const char *other)
{
	size_t	 i, keep;

	for (i = 0; i < cnt; i++)
		n[i].idx = i;
	qsort(n, cnt, sizeof(*n), bysize);
	keep = cnt > max ? max - 1 : cnt;
	for (i = 0; i < cnt; i++)
		map[n[i].idx] = i < keep ? i : keep;
	if (cnt > max) {
		for (i = keep + 1; i < cnt; i++) {
			n[keep].v += n[i].v;
			free(n[i].name);
		}
		free(n[keep].name);
		n[keep].name = xstrdup(other);
		n[keep].other = 1;
		cnt = keep + 1;
	}
	for (i = 0; i < cnt; i++)
		n[i].idx = i;
	return cnt;
}

static int
sankey_data(struct cctx *ctx, const size_t *rows, size_t n, struct flows *fl)
{
	struct cdata	 cd;
	struct cval	*v;
	struct buf	 w = { NULL, 0, 0 };
	size_t		*ms, *md, s, d, max;
	double		*f;
	long		 val = ctx->col.value;

	memset(fl, 0, sizeof(*fl));
	if (!cdata_build(ctx, rows, n, ctx->col.from, ctx->col.to, &val, 1,
	    SANKEY_MAXIN, &cd))
		return 0;
	fl->src = xcalloc(cd.ncat + 1, sizeof(*fl->src));
	fl->dst = xcalloc(cd.nser + 1, sizeof(*fl->dst));
	f = xcalloc(cd.ncat * cd.nser + 1, sizeof(*f));
	for (s = 0; s < cd.ncat; s++)
		fl->src[s].name = xstrdup(cd.cat[s]);
	for (d = 0; d < cd.nser; d++)
		fl->dst[d].name = xstrdup(cd.ser[d]);
	for (s = 0; s < cd.ncat; s++)
		for (d = 0; d < cd.nser; d++) {
			v = &CV(&cd, s, d);
			if (v->absent)
				continue;
			if (!cval_usable(v) || v->v < 0) {
				if (cval_usable(v))
					ctx->notes |= NOTE_NEG;
				buf_reset(&w);
				buf_printf(&w, ZH(ctx) ? "%s→%s" : "%s to %s",
				    cd.cat[s], cd.ser[d]);
				note_missing(ctx, v, w.data);
				continue;
			}
			f[s * cd.nser + d] = v->v;
			fl->src[s].v += v->v;
			fl->dst[d].v += v->v;
			fl->src[s].other = isother(cd.cat[s]);
			fl->dst[d].other = isother(cd.ser[d]);
		}
	max = ctx->c->limit ? ctx->c->limit : SANKEY_MAXNODE;
	ms = xcalloc(cd.ncat + 1, sizeof(*ms));
	md = xcalloc(cd.nser + 1, sizeof(*md));
	fl->ns = merge_small(fl->src, cd.ncat, max, ms, ZH(ctx) ? "其他" :
	    "Other");
	fl->nd = merge_small(fl->dst, cd.nser, max, md, ZH(ctx) ? "其他" :
	    "Other");
	fl->f = xcalloc(fl->ns * fl->nd + 1, sizeof(*fl->f));
	for (s = 0; s < cd.ncat; s++)
		for (d = 0; d < cd.nser; d++)
			fl->f[ms[s] * fl->nd + md[d]] += f[s * cd.nser + d];
	for (s = 0; s < fl->ns; s++)
		fl->total += fl->src[s].v;
	free(ms);
	free(md);
	free(f);
	buf_free(&w);
	cdata_free(&cd);
	return 1;
}

static void
flows_free(struct flows *fl)
{
	size_t	 i;

	for (i = 0; i < fl->ns; i++)
		free(fl->src[i].name);
	for (i = 0; i < fl->nd; i++)
		free(fl->dst[i].name);
	free(fl->src);
	free(fl->dst);
	free(fl->f);
	memset(fl, 0, sizeof(*fl));
}

/* Stack the nodes of a side from the top, gap apart. */
static void
stack(struct node *n, size_t cnt, double top, double k, double gap)
{
	size_t	 i;
	double	 y = top;

	for (i = 0; i < cnt; i++) {
		n[i].y = y;
		n[i].h = n[i].v * k;
		n[i].at = y;
		y += n[i].h + gap;
	}
}

static uint32_t
src_color(const struct flows *fl, size_t s)
{
	return fl->src[s].other ? 0xa6a6a6 : palette(s);
}

static void
link(struct cctx *ctx, double x0, double y0, double x1, double y1,
    double h, uint32_t col)
{
	double	 mx = (x0 + x1) / 2;

	dl_move(ctx->dl, x0, y0);
	dl_curve(ctx->dl, mx, y0, mx, y1, x1, y1);
	dl_line(ctx->dl, x1, y1 + h);
	dl_curve(ctx->dl, mx, y1 + h, mx, y0 + h, x0, y0 + h);
	dl_close(ctx->dl);
	dl_fill(ctx->dl, col, 0.45);
}

/* The label of a node: its name and its flow. */
static void
node_label(const struct cctx *ctx, const struct node *n, struct buf *b)
{
	buf_printf(b, "%s ", n->name);
	fmt_num(b, n->v, &ctx->vfmt);
}

/* Labels of one side, spread apart, with a tick where moved far. */
static void
side_labels(struct cctx *ctx, struct node *n, size_t cnt, double x,
    int right, double maxw, struct rect r)
{
	struct buf	 b = { NULL, 0, 0 };
	struct tfit	*t;
	double		*y, *h;
	size_t		 i;

	t = xcalloc(cnt + 1, sizeof(*t));
	y = xcalloc(cnt + 1, sizeof(*y));
	h = xcalloc(cnt + 1, sizeof(*h));
	for (i = 0; i < cnt; i++) {
		buf_reset(&b);
		node_label(ctx, &n[i], &b);
		(void)ct_fit(ctx, FACE_REGULAR, FS_LABEL, FS_MIN, b.data, maxw, 2,
		    &t[i]);
		y[i] = n[i].y + n[i].h / 2;
		h[i] = t[i].h + 2;
	}
	spread(y, h, cnt, r.y, r.y + r.h);
	for (i = 0; i < cnt; i++) {
		if (y[i] + h[i] / 2 > r.y + r.h + 0.01) {
			note_nolabel(ctx, n[i].name);
			continue;
		}
		if (fabs(y[i] - (n[i].y + n[i].h / 2)) > n[i].h / 2 + 1) {
			dl_move(ctx->dl, x, n[i].y + n[i].h / 2);
			dl_line(ctx->dl, x + (right ? 3 : -3), y[i]);
			dl_stroke(ctx->dl, COL_FAINT, 1, 0.5, NULL);
		}
		(void)ct_block(ctx, &t[i], x + (right ? 4 : -4),
		    y[i] - t[i].h / 2, right ? AN_LEFT : AN_RIGHT,
		    FACE_REGULAR, COL_TEXT);
	}
	for (i = 0; i < cnt; i++)
		tfit_free(&t[i]);
	free(t);
	free(y);
	free(h);
	buf_free(&b);
}

static double
widest(const struct cctx *ctx, const struct node *n, size_t cnt)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;
	double		 w = 0;

	for (i = 0; i < cnt; i++) {
		buf_reset(&b);
		node_label(ctx, &n[i], &b);
		w = fmax(w, ct_width(ctx, FACE_REGULAR, FS_LABEL, b.data));
	}
	buf_free(&b);
	return w;
}

static int
sankey_draw(struct cctx *ctx, const size_t *rows, size_t n, struct rect r)
{
	struct flows	 fl;
	double		 lw, rw, x0, x1, k, gap = 6, avail, h;
	size_t		 s, d;

	if (!sankey_data(ctx, rows, n, &fl))
		return 0;
	if (fl.total <= 0) {
		ct_text(ctx, r.x + r.w / 2, r.y + r.h / 2, AN_CENTER,
		    FACE_ITALIC, FS_LABEL, COL_MUTED, ZH(ctx) ? "无流量" :
		    "No flows");
		flows_free(&fl);
		return 1;
	}
	lw = fmin(widest(ctx, fl.src, fl.ns), r.w * 0.22) + 6;
	rw = fmin(widest(ctx, fl.dst, fl.nd), r.w * 0.22) + 6;
	x0 = r.x + lw;
	x1 = r.x + r.w - rw - NODE_W;
	avail = r.h - gap * (double)((fl.ns > fl.nd ? fl.ns : fl.nd) - 1);
	if (x1 - x0 < 60 || avail < 20) {
		chart_toosmall(ctx, r);
		flows_free(&fl);
		return 0;
	}
	k = avail / fl.total;
	/* Centre the shorter side. */
	h = fl.total * k + gap * (double)(fl.ns - 1);
	stack(fl.src, fl.ns, r.y + (r.h - h) / 2, k, gap);
	h = fl.total * k + gap * (double)(fl.nd - 1);
	stack(fl.dst, fl.nd, r.y + (r.h - h) / 2, k, gap);
	dl_group(ctx->dl, "links");
	for (s = 0; s < fl.ns; s++)
		for (d = 0; d < fl.nd; d++) {
			h = fl.f[s * fl.nd + d] * k;
			if (h <= 0)
				continue;
			link(ctx, x0 + NODE_W, fl.src[s].at, x1, fl.dst[d].at, h,
			    src_color(&fl, s));
			fl.src[s].at += h;
			fl.dst[d].at += h;
		}
	dl_endgroup(ctx->dl);
	dl_group(ctx->dl, "nodes");
	for (s = 0; s < fl.ns; s++) {
		dl_rect(ctx->dl, x0, fl.src[s].y, NODE_W, fmax(fl.src[s].h, 0.5));
		dl_fill(ctx->dl, src_color(&fl, s), 1);
	}
	for (d = 0; d < fl.nd; d++) {
		dl_rect(ctx->dl, x1, fl.dst[d].y, NODE_W, fmax(fl.dst[d].h, 0.5));
		dl_fill(ctx->dl, COL_NODE, 1);
	}
	dl_endgroup(ctx->dl);
	dl_group(ctx->dl, "labels");
	side_labels(ctx, fl.src, fl.ns, x0, 0, lw - 6, r);
	side_labels(ctx, fl.dst, fl.nd, x1 + NODE_W, 1, rw - 6, r);
	dl_endgroup(ctx->dl);
	flows_free(&fl);
	return 1;
}

static void
sankey_alt(struct cctx *ctx, const size_t *rows, size_t n, struct buf *out)
{
	struct flows	 fl;
	struct cctx	 tmp = *ctx;
	size_t		 s, d, k = 0;

	memset(&tmp.left, 0, sizeof(tmp.left));
	tmp.quiet = 1;
	if (!sankey_data(&tmp, rows, n, &fl))
		return;
	buf_free(&tmp.left);
	alt_begin(ctx, ZH(ctx) ? "流向图" : "Flow diagram", out);
	buf_printf(out, ZH(ctx) ? "从%zu个%s流向%zu个%s，合计" :
	    "Flows from %zu %s to %zu %s, total ", fl.ns,
	    table_colname(ctx->t, (size_t)ctx->col.from), fl.nd,
	    table_colname(ctx->t, (size_t)ctx->col.to));
	fmt_num(out, fl.total, &ctx->vfmt);
	buf_puts(out, ZH(ctx) ? "。" : ".");
	for (s = 0; s < fl.ns; s++)
		for (d = 0; d < fl.nd && k < 30; d++) {
			if (fl.f[s * fl.nd + d] <= 0)
				continue;
			buf_printf(out, ZH(ctx) ? "%s→%s：" : " %s to %s: ",
			    fl.src[s].name, fl.dst[d].name);
			fmt_num(out, fl.f[s * fl.nd + d], &ctx->vfmt);
			buf_puts(out, ZH(ctx) ? "。" : ".");
			k++;
		}
	flows_free(&fl);
}

const struct ckind ck_sankey = { NULL, NULL, sankey_draw, sankey_alt };
