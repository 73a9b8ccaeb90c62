/*
 * chart_text.c: text in charts.  Strings are split into runs of one
 * face each (fontset_runs(): the CJK and symbol faces stand in for
 * what the Latin faces lack) and measured with the widths libharu
 * uses, so a label measured here is exactly as wide in the PDF, the
 * SVG and the PNG.  Every text drawn is recorded as a box in
 * ctx->text, which is what label placement avoids and what the tests
 * check for overlaps.
 */
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart_int.h"
#include "dl.h"
#include "font.h"
#include "utf8.h"

#define ELLIPSIS	"\xe2\x80\xa6"

double
ct_width(const struct cctx *ctx, enum face f, double size, const char *s)
{
	return fontset_width(ctx->fs, f, size, s, strlen(s));
}

double
ct_lineh(double size)
{
	return (CT_ASC + CT_DESC) * size;
}

/* Draw s[0..len) with its baseline starting at x, y: one op per run. */
void
ct_run(struct cctx *ctx, double x, double y, enum face f, double size,
    uint32_t color, const char *s, size_t len)
{
	struct frun	*runs = NULL;
	size_t		 n, i;

	n = fontset_runs(ctx->fs, f, s, len, &runs);
	for (i = 0; i < n; i++) {
		dl_text(ctx->dl, x, y, runs[i].face, runs[i].fakebold, size,
		    color, s + runs[i].off, runs[i].len);
		x += fontset_width(ctx->fs, runs[i].face, size,
		    s + runs[i].off, runs[i].len);
	}
	free(runs);
}

struct rect
ct_box(double x, double y, double w, double size)
{
	struct rect	 r;

	r.x = x;
	r.y = y - CT_ASC * size;
	r.w = w;
	r.h = (CT_ASC + CT_DESC) * size;
	return r;
}

/*
 * Draw one line of text at baseline y, anchored left, centre or
 * right at x.  Return its box (also recorded in ctx->text).
 */
struct rect
ct_text(struct cctx *ctx, double x, double y, int anchor, enum face f,
    double size, uint32_t color, const char *s)
{
	struct rect	 r;
	double		 w;

	w = ct_width(ctx, f, size, s);
	if (anchor == AN_CENTER)
		x -= w / 2;
	else if (anchor == AN_RIGHT)
		x -= w;
	ct_run(ctx, x, y, f, size, color, s, strlen(s));
	r = ct_box(x, y, w, size);
	boxes_add(&ctx->text, r);
	return r;
}

/* Ideographs and kana may break anywhere; spaces break too. */
static int
cjk(int32_t cp)
{
	return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 &&
	    cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 &&
	    cp <= 0x2ffff);
}

/*
 * Chinese punctuation that does not begin a line (closing brackets,
 * commas, full stops) or end one (opening brackets): "刚果（金）"
 * breaks before "（", not before "）".
 */
static int
closing(int32_t cp)
{
	static const int32_t cl[] = { 0x3001, 0x3002, 0x3009, 0x300b,
	    0x300d, 0x300f, 0x3011, 0x201d, 0x2019, 0xff01, 0xff09, 0xff0c,
	    0xff1a, 0xff1b, 0xff1f };
	size_t	 i;

	for (i = 0; i < sizeof(cl) / sizeof(cl[0]); i++)
		if (cp == cl[i])
			return 1;
	return 0;
}

static int
opening(int32_t cp)
{
	return cp == 0x3008 || cp == 0x300a || cp == 0x300c ||
	    cp == 0x300e || cp == 0x3010 || cp == 0x201c || cp == 0x2018 ||
	    cp == 0xff08;
}

/* Is there a break opportunity before byte p of s? */
static int
breakable(const char *s, size_t len, size_t p, int32_t prev)
{
	size_t	 i = p;
	int32_t	 cp;

	if (p >= len)
		return 1;
	if (s[p] == ' ')
		return 1;
	if (prev == '-' || prev == '/')
		return 1;
	cp = utf8_next(s, len, &i);
	if (closing(cp) || opening(prev))
		return 0;
	return cjk(cp) || cjk(prev);
}

static double
span_width(const struct cctx *ctx, enum face f, double size, const char *s,
    size_t a, size_t b)
{
	while (b > a && s[b - 1] == ' ')
		b--;
	return fontset_width(ctx->fs, f, size, s + a, b - a);
}

static void
add_line(struct tline **ln, size_t *n, size_t *cap, const char *s,
    size_t a, size_t b, double w)
{
	while (b > a && s[b - 1] == ' ')
		b--;
	xgrow(ln, cap, *n + 1, sizeof(**ln));
	(*ln)[*n].off = a;
	(*ln)[*n].len = b - a;
	(*ln)[*n].w = w;
	(*n)++;
}

/*
 * Break s into lines no wider than maxw where it can (a word wider
 * than maxw gets a line of its own).  Return the number of lines;
 * *out is allocated.
 */
size_t
ct_wrap(const struct cctx *ctx, enum face f, double size, const char *s,
    double maxw, struct tline **out)
{
	size_t	 len = strlen(s), start = 0, p, best, n = 0, cap = 0;
	int32_t	 prev;
	double	 w, bestw;

	*out = NULL;
	while (start < len) {
		while (start < len && s[start] == ' ')
			start++;
		if (start == len)
			break;
		best = 0;
		bestw = 0;
		p = start;
		for (;;) {
			prev = utf8_next(s, len, &p);
			if (!breakable(s, len, p, prev))
				continue;
			w = span_width(ctx, f, size, s, start, p);
			if (w > maxw && best != 0)
				break;
			best = p;
			bestw = w;
			if (w > maxw || p >= len)
				break;
		}
		add_line(out, &n, &cap, s, start, best, bestw);
		start = best;
	}
	return n;
}

void
tfit_free(struct tfit *t)
{
	if (t == NULL)
		return;
	free(t->s);
	free(t->ln);
	memset(t, 0, sizeof(*t));
}

/* Cut line ln of t so that it fits maxw with an ellipsis. */
static void
ellipsize(const struct cctx *ctx, enum face f, struct tfit *t, size_t ln,
    double maxw)
{
	struct buf	 b = { NULL, 0, 0 };
	struct tline	*l = &t->ln[ln];
	size_t		 i, keep = 0;
	double		 ew;

	ew = ct_width(ctx, f, t->size, ELLIPSIS);
	for (i = 0; i < l->len;) {
		(void)utf8_next(t->s + l->off, l->len, &i);
		if (span_width(ctx, f, t->size, t->s, l->off, l->off + i) +
		    ew > maxw)
			break;
		keep = i;
	}
	/* Rebuild the text: lines before, this one cut, none after. */
	buf_put(&b, t->s, l->off + keep);
	while (b.len > l->off && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	buf_puts(&b, ELLIPSIS);
	l->len = b.len - l->off;
	l->w = ct_width(ctx, f, t->size, b.data + l->off);
	free(t->s);
	t->s = buf_steal(&b);
	t->nln = ln + 1;
}

static void
fit_box(struct tfit *t)
{
	size_t	 i;

	t->w = 0;
	for (i = 0; i < t->nln; i++)
		if (t->ln[i].w > t->w)
			t->w = t->ln[i].w;
	t->h = t->nln ? (t->nln - 1) * CT_LEADING * t->size +
	    ct_lineh(t->size) : 0;
}

/*
 * Fit a label into maxw and at most maxlines: wrap it, then shrink
 * the size in half points down to minsize, then cut it with an
 * ellipsis.  Return 1 if it fits whole, 0 if it had to be cut.
 */
int
ct_fit(const struct cctx *ctx, enum face f, double size, double minsize,
    const char *s, double maxw, size_t maxlines, struct tfit *t)
{
	size_t	 i;
	int	 fits = 0;

	memset(t, 0, sizeof(*t));
	t->s = xstrdup(s);
	for (t->size = size; ; t->size -= 0.5) {
		free(t->ln);
		t->nln = ct_wrap(ctx, f, t->size, t->s, maxw, &t->ln);
		fits = t->nln <= maxlines;
		for (i = 0; fits && i < t->nln; i++)
			fits = t->ln[i].w <= maxw;
		if (fits || t->size - 0.5 < minsize)
			break;
	}
	if (!fits) {
		for (i = 0; i < t->nln && i < maxlines; i++)
			if (t->ln[i].w > maxw || (i + 1 == maxlines &&
			    t->nln > maxlines)) {
				ellipsize(ctx, f, t, i, maxw);
				break;
			}
		if (t->nln > maxlines)
			t->nln = maxlines;
	}
	fit_box(t);
	return fits;
}

/*
 * Draw a fitted block with its top at y; each line anchored at x.
 * Return the block's box.
 */
struct rect
ct_block(struct cctx *ctx, const struct tfit *t, double x, double y,
    int anchor, enum face f, uint32_t color)
{
	struct rect	 r, lr;
	size_t		 i;
	double		 lx, by;

	r.x = anchor == AN_LEFT ? x : anchor == AN_CENTER ? x - t->w / 2 :
	    x - t->w;
	r.y = y;
	r.w = t->w;
	r.h = t->h;
	for (i = 0; i < t->nln; i++) {
		by = y + CT_ASC * t->size + i * CT_LEADING * t->size;
		lx = anchor == AN_LEFT ? x : anchor == AN_CENTER ?
		    x - t->ln[i].w / 2 : x - t->ln[i].w;
		ct_run(ctx, lx, by, f, t->size, color, t->s + t->ln[i].off,
		    t->ln[i].len);
		lr = ct_box(lx, by, t->ln[i].w, t->size);
		boxes_add(&ctx->text, lr);
	}
	return r;
}
