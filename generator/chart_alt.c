/*
 * chart_alt.c: alt text derived from the data, for <title>/<desc> in
 * the SVG and the figure's alternative text in HTML and PDF.  It says
 * what kind of chart it is, what it shows, and the values themselves
 * (the first ALT_MAXITEMS of them), so that a reader who cannot see
 * the chart loses little.
 */
#include <string.h>

#include "aux.h"
#include "chart_int.h"
#include "fmt.h"

#define ALT_MAXITEMS	24

/* "Bar chart: Title. " (or "Bar chart. " without a title). */
void
alt_begin(struct cctx *ctx, const char *what, struct buf *b)
{
	const char	*title = ctx->c->opt[O_TITLE].val;

	buf_puts(b, what);
	if (title != NULL)
		buf_printf(b, ZH(ctx) ? "：%s" : ": %s", title);
	buf_puts(b, ZH(ctx) ? "。" : ". ");
}

/*
 * The values of one series (ser < nser) or of every series, by
 * category: "Chile 9,300,000; Australia 6,200,000; ..."
 */
void
alt_list(struct cctx *ctx, const struct cdata *d, size_t ser, struct buf *b)
{
	size_t	 c, s, s0, s1;

	s0 = ser < d->nser ? ser : 0;
	s1 = ser < d->nser ? ser + 1 : d->nser;
	for (c = 0; c < d->ncat && c < ALT_MAXITEMS; c++) {
		buf_printf(b, "%s%s", c ? (ZH(ctx) ? "；" : "; ") : "",
		    d->cat[c]);
		for (s = s0; s < s1; s++) {
			if (s1 - s0 > 1 && ZH(ctx))
				buf_printf(b, "%s%s", s == s0 ? "：" : "，",
				    d->ser[s]);
			else if (s1 - s0 > 1)
				buf_printf(b, "%s %s", s == s0 ? ":" : ",",
				    d->ser[s]);
			buf_putc(b, ' ');
			value_text(ctx, &CV(d, c, s), &ctx->vfmt, b);
		}
	}
	if (d->ncat > ALT_MAXITEMS)
		buf_printf(b, ZH(ctx) ? "；另有%zu项" : "; and %zu more",
		    d->ncat - ALT_MAXITEMS);
	if (d->ncat > 0)
		buf_puts(b, ZH(ctx) ? "。" : ".");
}

/* The cells of one category that have data: "Japan 120, Korea 80". */
void
alt_row(struct cctx *ctx, const struct cdata *d, size_t c, struct buf *b)
{
	size_t	 s, k = 0;

	for (s = 0; s < d->nser; s++) {
		if (CV(d, c, s).absent)
			continue;
		buf_printf(b, "%s%s ", k++ ? (ZH(ctx) ? "，" : ", ") : "",
		    d->ser[s]);
		value_text(ctx, &CV(d, c, s), &ctx->vfmt, b);
	}
	if (ZH(ctx))
		buf_puts(b, k ? "。" : "无数据。");
	else
		buf_puts(b, k ? "." : "no data.");
}
