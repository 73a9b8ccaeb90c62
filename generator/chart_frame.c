/*
 * chart_frame.c: what surrounds the plot.  At the top the title and
 * subtitle (framed charts only: in a document the writers print them
 * as the caption) and the legend, when the chart needs one; at the
 * bottom the notes that explain missing values and what was left out,
 * and the source line.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "chart_int.h"
#include "dl.h"

#define SWATCH		9.0	/* legend swatch, points */
#define LINESWATCH	16.0	/* legend line sample */

static double
block(struct cctx *ctx, const char *s, enum face f, double size,
    uint32_t color, struct rect r, size_t maxlines)
{
	struct tfit	 t;
	double		 h;

	(void)ct_fit(ctx, f, size, size, s, r.w, maxlines, &t);
	(void)ct_block(ctx, &t, r.x, r.y, AN_LEFT, f, color);
	h = t.h;
	tfit_free(&t);
	return h;
}

/* Title and subtitle; return the rectangle left below them. */
struct rect
frame_title(struct cctx *ctx, struct rect r)
{
	const char	*title = ctx->c->opt[O_TITLE].val;
	const char	*sub = ctx->c->opt[O_SUBTITLE].val;
	double		 h;

	if (title != NULL) {
		h = block(ctx, title, FACE_BOLD, FS_TITLE, COL_TEXT, r, 3);
		r.y += h + 4;
		r.h -= h + 4;
	}
	if (sub != NULL) {
		h = block(ctx, sub, FACE_REGULAR, FS_SUBTITLE, COL_MUTED, r, 3);
		r.y += h + 4;
		r.h -= h + 4;
	}
	if (title != NULL || sub != NULL) {
		r.y += 6;
		r.h -= 6;
	}
	return r;
}

void
legend_add(struct legend *lg, const char *name, uint32_t color, int line)
{
	if (lg->n >= CHART_MAXSER)
		return;
	lg->name[lg->n] = xstrdup(name);
	lg->color[lg->n] = color;
	lg->line[lg->n] = line;
	lg->n++;
}

void
legend_free(struct legend *lg)
{
	size_t	 i;

	for (i = 0; i < lg->n; i++)
		free(lg->name[i]);
	lg->n = 0;
}

/* Width of one legend entry, its name cut to at most half the width. */
static double
entry_width(const struct cctx *ctx, const struct legend *lg, size_t i,
    double w, struct tfit *t)
{
	double	 sw = lg->line[i] ? LINESWATCH : SWATCH;

	(void)ct_fit(ctx, FACE_REGULAR, FS_LEGEND, FS_LEGEND, lg->name[i],
	    w / 2, 1, t);
	return sw + 4 + t->w;
}

/* Lay out the legend in rows; return its height, draw if asked. */
static double
legend_layout(struct cctx *ctx, const struct legend *lg, struct rect r,
    int draw)
{
	struct tfit	 t;
	double		 x = r.x, y = r.y, rowh, ew, sw, by;
	size_t		 i;
	uint8_t		 dash[3] = { 4, 2, 0 };

	rowh = FS_LEGEND * 1.7;
	for (i = 0; i < lg->n; i++) {
		ew = entry_width(ctx, lg, i, r.w, &t);
		if (x > r.x && x + ew > r.x + r.w) {
			x = r.x;
			y += rowh;
		}
		if (draw) {
			sw = lg->line[i] ? LINESWATCH : SWATCH;
			by = y + FS_LEGEND * CT_ASC;
			if (lg->line[i]) {
				dl_move(ctx->dl, x, by - FS_LEGEND * 0.3);
				dl_line(ctx->dl, x + sw, by - FS_LEGEND * 0.3);
				dl_stroke(ctx->dl, lg->color[i], 1, 2,
				    lg->line[i] == 2 ? dash : NULL);
			} else {
				dl_rect(ctx->dl, x, by - SWATCH + 0.5, SWATCH,
				    SWATCH);
				dl_fill(ctx->dl, lg->color[i], 1);
			}
			(void)ct_block(ctx, &t, x + sw + 4, y, AN_LEFT,
			    FACE_REGULAR, COL_TEXT);
		}
		x += ew + 12;
		tfit_free(&t);
	}
	return lg->n ? y - r.y + ct_lineh(FS_LEGEND) : 0;
}

/* Draw the legend at the top of r; return what is left below it. */
struct rect
legend_draw(struct cctx *ctx, const struct legend *lg, struct rect r)
{
	double	 h;

	dl_group(ctx->dl, "legend");
	h = legend_layout(ctx, lg, r, 1);
	dl_endgroup(ctx->dl);
	r.y += h + 8;
	r.h -= h + 8;
	return r;
}

/*
 * Start a sentence of the note: after a space, but in Chinese not
 * after Chinese text (a sentence there ends in "。").
 */
static void
sentence(const struct cctx *ctx, struct buf *b)
{
	if (b->len == 0 || (ZH(ctx) && (unsigned char)b->data[b->len - 1] >=
	    0x80))
		return;
	buf_putc(b, ' ');
}

/* The note under the chart: what the missing values are. */
static void
note_text(const struct cctx *ctx, struct buf *b)
{
	char	*t;
	int	 zh = ZH(ctx);

	if (ctx->c->opt[O_NOTE].val != NULL)
		buf_puts(b, ctx->c->opt[O_NOTE].val);
	/* How the figures were made, from the data layer. */
	if (table_note(ctx->t) != NULL) {
		sentence(ctx, b);
		buf_puts(b, table_note(ctx->t));
	}
	if ((ctx->notes & NOTE_BUBBLE) && ctx->col.bubble >= 0) {
		t = axis_title(ctx, ctx->col.bubble, NULL, 0);
		sentence(ctx, b);
		buf_printf(b, zh ? "圆的面积表示%s。" : "Circle area shows "
		    "%s.", t);
		free(t);
	}
	if (ctx->notes & NOTE_W) {
		sentence(ctx, b);
		buf_puts(b, zh ? "W：为避免泄露公司专有数据而不予公布。" :
		    "W: withheld to avoid disclosing company proprietary "
		    "data.");
	}
	if (ctx->notes & NOTE_NA) {
		sentence(ctx, b);
		buf_puts(b, zh ? "NA：无数据。" : "NA: not available.");
	}
	if (ctx->notes & NOTE_XX) {
		sentence(ctx, b);
		buf_puts(b, zh ? "XX：不适用。" : "XX: not applicable.");
	}
	if (ctx->notes & NOTE_BOUND) {
		sentence(ctx, b);
		buf_puts(b, zh ? "仅知上下限的数值（如>75）画在界限处，以空心或"
		    "浅色表示。" : "Values known only as bounds (such as >75) "
		    "are drawn at the bound, open or faded.");
	}
	if (ctx->notes & NOTE_NEG) {
		sentence(ctx, b);
		buf_puts(b, zh ? "负值无法在此图中画出。" : "Negative values "
		    "cannot be drawn here.");
	}
	if (ctx->nleft > 0) {
		sentence(ctx, b);
		buf_printf(b, zh ? "未画出：%s" : "Not shown: %s",
		    ctx->left.data);
		if (ctx->nleft > 12)
			buf_printf(b, zh ? "，另有%zu项" : " and %zu more",
			    ctx->nleft - 12);
		buf_puts(b, zh ? "。" : ".");
	}
	if (ctx->nnolabel > 0) {
		sentence(ctx, b);
		buf_printf(b, zh ? "因空间不足未加标注：%s" : "Not labelled for "
		    "lack of room: %s", ctx->nolabel.data);
		if (ctx->nnolabel > 12)
			buf_printf(b, zh ? "，另有%zu项" : " and %zu more",
			    ctx->nnolabel - 12);
		buf_puts(b, zh ? "。" : ".");
	}
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
}

/*
 * The notes and the source line at the bottom of the frame.  Return
 * the height they take (with the gap above); draw them if asked.
 */
double
frame_bottom(struct cctx *ctx, int draw)
{
	struct buf	 note = { NULL, 0, 0 }, src = { NULL, 0, 0 };
	struct tfit	 tn, ts;
	struct rect	 r = ctx->frame;
	const char	*s = ctx->c->opt[O_SOURCE].val;
	double		 h = 0, y;

	memset(&tn, 0, sizeof(tn));
	memset(&ts, 0, sizeof(ts));
	r.x += 8;
	r.w -= 16;
	note_text(ctx, &note);
	if (note.len > 0) {
		(void)ct_fit(ctx, FACE_REGULAR, FS_NOTE, FS_NOTE, note.data,
		    r.w, 4, &tn);
		h += tn.h + 3;
	}
	if (ctx->framed && s != NULL) {
		/* "Source: " unless the note names itself (or is Chinese). */
		if (ZH(ctx) && strncmp(s, "来源", 6) != 0 &&
		    strncmp(s, "资料来源", 12) != 0)
			buf_puts(&src, "来源：");
		else if (!ZH(ctx) && strncasecmp(s, "source", 6) != 0 &&
		    (unsigned char)s[0] < 0xe2)
			buf_puts(&src, "Source: ");
		buf_puts(&src, s);
		(void)ct_fit(ctx, FACE_REGULAR, FS_NOTE, FS_NOTE, src.data,
		    r.w, 2, &ts);
		h += ts.h + 3;
	}
	if (h > 0)
		h += 6;
	if (draw && h > 0) {
		/* At the bottom: the room kept may be more than needed. */
		y = r.y + r.h - h;
		dl_group(ctx->dl, "notes");
		if (tn.nln > 0) {
			(void)ct_block(ctx, &tn, r.x, y, AN_LEFT,
			    FACE_REGULAR, COL_MUTED);
			y += tn.h + 3;
		}
		if (ts.nln > 0)
			(void)ct_block(ctx, &ts, r.x, y, AN_LEFT,
			    FACE_REGULAR, COL_MUTED);
		dl_endgroup(ctx->dl);
	}
	tfit_free(&tn);
	tfit_free(&ts);
	buf_free(&note);
	buf_free(&src);
	return h;
}
