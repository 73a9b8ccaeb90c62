/*
 * chart.c: the drawing of a chart as a whole.  chart_draw() lays the
 * picture out by peeling the frame (title, legend, notes and source)
 * and hands the rest to the chart type (chart_<type>.c) or to the
 * small multiples (chart_facet.c).  The palette lives here too.
 * The options are read and checked in chart_opt.c.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "chart.h"
#include "chart_int.h"
#include "data.h"
#include "dl.h"
#include "fmt.h"
#include "font.h"
#include "msg.h"

static const struct ckind *const kinds[CK__MAX] = {
	&ck_bar, &ck_bar, &ck_line, &ck_scatter, &ck_scatter, &ck_donut,
	&ck_heatmap, &ck_sankey, &ck_timeline
};

/*
 * The Okabe-Ito palette (Okabe and Ito, "Color Universal Design",
 * 2008), which people with any common colour-vision deficiency can
 * tell apart.  The order alternates dark and light so that
 * neighbouring series also differ in greyscale print: relative
 * luminance 0.15, 0.42, 0.22, 0.41, 0.26, 0.75, 0.30, 0.
 */
static const uint32_t okabe_ito[] = {
	0x0072b2,	/* blue */
	0xe69f00,	/* orange */
	0xd55e00,	/* vermilion */
	0x56b4e9,	/* sky blue */
	0x009e73,	/* bluish green */
	0xf0e442,	/* yellow */
	0xcc79a7,	/* reddish purple */
	0x000000	/* black */
};

uint32_t
palette(size_t i)
{
	return okabe_ito[i % (sizeof(okabe_ito) / sizeof(okabe_ito[0]))];
}

/* Relative luminance (sRGB, gamma 2.2 approximated) of a colour. */
double
luminance(uint32_t c)
{
	double	 r = ((c >> 16) & 0xff) / 255.0, g = ((c >> 8) & 0xff) / 255.0,
		 b = (c & 0xff) / 255.0;

	return 0.2126 * pow(r, 2.2) + 0.7152 * pow(g, 2.2) +
	    0.0722 * pow(b, 2.2);
}

/*
 * A colour for text naming a series: the series colour, darkened
 * until it has a contrast of at least 4.5:1 on white (WCAG 2), which
 * the lighter Okabe-Ito colours (yellow, sky blue, orange) lack.
 */
uint32_t
text_color(uint32_t c)
{
	double	 f = 1;
	uint32_t r, g, b, out = c;

	while (1.05 / (luminance(out) + 0.05) < 4.5 && f > 0.05) {
		f -= 0.05;
		r = (uint32_t)(((c >> 16) & 0xff) * f);
		g = (uint32_t)(((c >> 8) & 0xff) * f);
		b = (uint32_t)((c & 0xff) * f);
		out = r << 16 | g << 8 | b;
	}
	return out;
}

/* Report a chart whose plot does not fit what is left of it. */
void
chart_toosmall(const struct cctx *ctx, struct rect r)
{
	const struct optval *o = &ctx->c->opt[O_TYPE];

	msg(MSG_ERROR, o->file, o->line, o->col, "chart: the %s chart does "
	    "not fit in %.0f x %.0f points; make it larger (size)",
	    chart_kindname(ctx->c->kind), r.w, r.h);
}

/* The largest absolute number in the columns that hold the values. */
static double
value_magnitude(const struct cctx *ctx)
{
	const struct value *v;
	long		 cols[CHART_MAXY + 1];
	size_t		 n = 0, i, r;
	double		 big = 0;

	if (ctx->col.value >= 0)
		cols[n++] = ctx->col.value;
	else
		for (i = 0; i < ctx->col.ny; i++)
			cols[n++] = ctx->col.y[i];
	for (i = 0; i < n; i++)
		for (r = 0; r < table_nrows(ctx->t); r++) {
			v = table_get(ctx->t, r, (size_t)cols[i]);
			if ((v->kind == V_NUM || v->kind == V_LOWER ||
			    v->kind == V_UPPER) && isfinite(v->num))
				big = fmax(big, fabs(v->num));
		}
	return big;
}

/* The format of value labels: the option, the column's, or automatic. */
static void
value_format(struct cctx *ctx)
{
	const char	*spec = NULL;
	char		*err = NULL;
	long		 vc;
	double		 big;

	if (ctx->c->hasfmt) {
		ctx->vfmt = ctx->c->fmt;
		return;
	}
	numfmt_defaults(&ctx->vfmt);
	vc = ctx->col.value >= 0 ? ctx->col.value :
	    ctx->col.ny > 0 ? ctx->col.y[0] : -1;
	if (vc >= 0)
		spec = table_colfmt(ctx->t, (size_t)vc);
	if (spec != NULL && numfmt_parse(spec, &ctx->vfmt, &err))
		return;
	free(err);
	numfmt_defaults(&ctx->vfmt);
	ctx->vfmt.type = 'f';
	ctx->vfmt.group = 1;
	ctx->vfmt.trim = 1;
	/*
	 * As many decimals as the size of the numbers calls for: none
	 * from 100 up (sums of tonnes carry float noise: 1,090,783.651),
	 * one from 1, two below.
	 */
	big = value_magnitude(ctx);
	ctx->vfmt.prec = big >= 100 ? 0 : big >= 1 ? 1 : 2;
}

static void
ctx_free(struct cctx *ctx)
{
	boxes_free(&ctx->text);
	boxes_free(&ctx->marks);
	buf_free(&ctx->left);
	buf_free(&ctx->nolabel);
}

/*
 * One pass of drawing: peel the frame, then draw the chart into what
 * is left.  bottom is the room kept for notes and the source line.
 */
static int
draw_pass(struct cctx *ctx, const struct ckind *k, const size_t *rows,
    size_t n, double bottom)
{
	struct legend	 lg;
	struct rect	 r;

	r = ctx->frame;
	r.x += 8;
	r.w -= 16;
	r.y += 6;
	r.h -= 12 + bottom;
	if (ctx->framed)
		r = frame_title(ctx, r);
	memset(&lg, 0, sizeof(lg));
	if (ctx->c->legend != LEGEND_NONE && k->legend != NULL &&
	    k->legend(ctx, rows, n, &lg) && lg.n > 0)
		r = legend_draw(ctx, &lg, r);
	legend_free(&lg);
	if (r.w < 40 || r.h < 40) {
		msg(MSG_ERROR, ctx->c->opt[O_TYPE].file,
		    ctx->c->opt[O_TYPE].line, ctx->c->opt[O_TYPE].col,
		    "chart is too small for its titles and legend "
		    "(%.0f x %.0f points left)", r.w, r.h);
		return 0;
	}
	if (ctx->col.facet >= 0)
		return facet_draw(ctx, k, r);
	return k->draw(ctx, rows, n, r);
}

struct dl *
chart_draw(const struct chart *c, const struct table *t,
    const struct fontset *fs, int framed, char **alt)
{
	struct cctx	 ctx;
	const struct ckind *k = kinds[c->kind];
	struct buf	 ab = { NULL, 0, 0 };
	size_t		*rows = NULL, n, i;
	struct dl	*dl = NULL;
	double		 bottom, need;
	int		 pass;

	*alt = NULL;
	memset(&ctx, 0, sizeof(ctx));
	ctx.c = c;
	ctx.t = t;
	ctx.fs = fs;
	ctx.framed = framed;
	ctx.frame.w = c->width;
	ctx.frame.h = c->height;
	if (!chart_resolve(c, t, &ctx.col, c->opt[O_TYPE].file,
	    c->opt[O_TYPE].line, c->opt[O_TYPE].col))
		return NULL;
	value_format(&ctx);
	/* 's' numbers in 万 and 亿, dates in Chinese (tick_label). */
	ctx.vfmt.lang = c->zh ? "zh" : "en";
	n = table_nrows(t);
	rows = xreallocarray(NULL, n ? n : 1, sizeof(*rows));
	for (i = 0; i < n; i++)
		rows[i] = i;
	/*
	 * The notes under the chart are known only once the chart is
	 * drawn (some depend on the room labels found).  Draw, measure
	 * the notes, and draw again with more room kept until they fit.
	 * The room only grows and the notes are at most six lines, so
	 * this ends.
	 */
	bottom = 0;
	for (pass = 0; ; pass++) {
		dl_free(dl);
		ctx_free(&ctx);
		memset(&ctx.text, 0, sizeof(ctx.text));
		memset(&ctx.marks, 0, sizeof(ctx.marks));
		memset(&ctx.left, 0, sizeof(ctx.left));
		memset(&ctx.nolabel, 0, sizeof(ctx.nolabel));
		ctx.nleft = ctx.nnolabel = 0;
		ctx.notes = 0;
		ctx.dl = dl = dl_new(c->width, c->height);
		dl_rect(dl, 0, 0, c->width, c->height);
		dl_fill(dl, COL_BG, 1);
		if (!draw_pass(&ctx, k, rows, n, bottom)) {
			dl_free(dl);
			dl = NULL;
			goto out;
		}
		if ((need = frame_bottom(&ctx, 0)) <= bottom)
			break;
		bottom = need;
	}
	(void)frame_bottom(&ctx, 1);
	if (c->opt[O_ALT].val != NULL)
		buf_puts(&ab, c->opt[O_ALT].val);
	else
		k->alt(&ctx, rows, n, &ab);
	*alt = buf_steal(&ab);
out:
	ctx_free(&ctx);
	free(rows);
	return dl;
}
