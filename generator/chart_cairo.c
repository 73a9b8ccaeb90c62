/*
 * chart_cairo.c: the Cairo device.  Replays a display list to SVG
 * (for inline use in HTML) and to PNG.  This is the only file that
 * includes Cairo.
 *
 * Text is drawn with the very TrueType files the PDF embeds, through
 * cairo-ft on the FT_Face of the font set (no fontconfig), with hint
 * metrics off.  Glyphs are placed with the font set's advances (the
 * widths libharu uses), not Cairo's, so that every glyph sits where
 * the layout measured it and where the PDF puts it.
 *
 * Cairo's SVG numbers its ids per document (glyph0-1, clip1) and its
 * surface ids from a process-wide counter.  Ids are therefore
 * rewritten: prefixed, and numbered in order of appearance, so that
 * many charts can share a page and the bytes do not depend on what
 * the process drew before.
 */
#include <cairo.h>
#include <cairo-ft.h>
#include <cairo-svg.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart_cairo.h"
#include "dl.h"
#include "font.h"
#include "msg.h"
#include "utf8.h"

struct dev {
	cairo_t			*cr;
	const struct fontset	*fs;
	cairo_font_face_t	*face[FACE__MAX];
	cairo_font_options_t	*fo;
};

static void
rgba(cairo_t *cr, uint32_t c, double a)
{
	cairo_set_source_rgba(cr, ((c >> 16) & 0xff) / 255.0,
	    ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0, a);
}

static cairo_font_face_t *
face(struct dev *d, enum face f)
{
	if (f >= FACE__MAX)
		f = FACE_REGULAR;
	if (d->face[f] == NULL)
		d->face[f] = cairo_ft_font_face_create_for_ft_face(
		    (FT_Face)fontset_ftface(d->fs, f), FT_LOAD_NO_HINTING);
	return d->face[f];
}

/*
 * One run of text: glyphs from Cairo (one per code point: the toy
 * mapping, no shaping, as in libharu), positions from our advances.
 */
static void
text(struct dev *d, const struct dl_op *op)
{
	cairo_scaled_font_t	*sf;
	cairo_glyph_t		*g = NULL;
	size_t			 i = 0, len = strlen(op->text);
	int			 n = 0, k;
	int32_t			 cp;
	double			 x = op->p[0];

	cairo_set_font_face(d->cr, face(d, op->face));
	cairo_set_font_size(d->cr, op->size);
	cairo_set_font_options(d->cr, d->fo);
	sf = cairo_get_scaled_font(d->cr);
	if (cairo_scaled_font_text_to_glyphs(sf, op->p[0], op->p[1],
	    op->text, (int)len, &g, &n, NULL, NULL, NULL) !=
	    CAIRO_STATUS_SUCCESS)
		return;
	for (k = 0; k < n && i < len; k++) {
		if ((cp = utf8_next(op->text, len, &i)) < 0)
			cp = 0xFFFD;
		g[k].x = x;
		g[k].y = op->p[1];
		x += fontset_advance(d->fs, op->face, (uint32_t)cp) *
		    op->size / 1000.0;
	}
	rgba(d->cr, op->color, 1);
	if (op->fakebold) {
		/* Emboldened by stroking the outline, as the PDF does. */
		cairo_glyph_path(d->cr, g, n);
		cairo_fill_preserve(d->cr);
		cairo_set_line_width(d->cr, op->size * 0.04);
		cairo_stroke(d->cr);
	} else
		cairo_show_glyphs(d->cr, g, n);
	cairo_glyph_free(g);
}

static void
stroke(cairo_t *cr, const struct dl_op *op)
{
	double	 dash[4];
	int	 n;

	for (n = 0; n < 4 && op->dash[n] != 0; n++)
		dash[n] = op->dash[n];
	rgba(cr, op->color, op->alpha);
	cairo_set_line_width(cr, op->width);
	cairo_set_dash(cr, dash, n, 0);
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
}

static void
replay(struct dev *d, const struct dl *dl)
{
	const struct dl_op	*op;
	cairo_t			*cr = d->cr;
	size_t			 i;

	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
	for (i = 0; i < dl_len(dl); i++) {
		op = dl_get(dl, i);
		switch (op->type) {
		case DL_MOVE:
			cairo_move_to(cr, op->p[0], op->p[1]);
			break;
		case DL_LINE:
			cairo_line_to(cr, op->p[0], op->p[1]);
			break;
		case DL_CURVE:
			cairo_curve_to(cr, op->p[0], op->p[1], op->p[2],
			    op->p[3], op->p[4], op->p[5]);
			break;
		case DL_CLOSE:
			cairo_close_path(cr);
			break;
		case DL_FILL:
			rgba(cr, op->color, op->alpha);
			cairo_fill(cr);
			break;
		case DL_STROKE:
			stroke(cr, op);
			break;
		case DL_TEXT:
			cairo_new_path(cr);
			text(d, op);
			break;
		case DL_CLIP:
			cairo_clip(cr);
			break;
		case DL_SAVE:
			cairo_save(cr);
			break;
		case DL_RESTORE:
			cairo_restore(cr);
			break;
		default:
			/* Groups mean nothing to Cairo. */
			break;
		}
	}
}

/* Draw dl on a surface; return 1, or 0 after reporting a failure. */
static int
render(cairo_surface_t *s, const struct dl *dl, const struct fontset *fs,
    double scale, int opaque)
{
	struct dev	 d;
	cairo_status_t	 st;
	size_t		 i;

	memset(&d, 0, sizeof(d));
	d.fs = fs;
	d.cr = cairo_create(s);
	d.fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(d.fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(d.fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(d.fo, CAIRO_ANTIALIAS_GRAY);
	cairo_scale(d.cr, scale, scale);
	if (opaque) {
		cairo_set_source_rgb(d.cr, 1, 1, 1);
		cairo_paint(d.cr);
	}
	replay(&d, dl);
	st = cairo_status(d.cr);
	cairo_destroy(d.cr);
	for (i = 0; i < FACE__MAX; i++)
		if (d.face[i] != NULL)
			cairo_font_face_destroy(d.face[i]);
	cairo_font_options_destroy(d.fo);
	if (opaque)
		cairo_surface_flush(s);
	else
		cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	if (st != CAIRO_STATUS_SUCCESS) {
		msg(MSG_SYSERR, NULL, 0, 0, "cairo: %s",
		    cairo_status_to_string(st));
		return 0;
	}
	return 1;
}

static cairo_status_t
sink(void *arg, const unsigned char *data, unsigned int len)
{
	buf_put(arg, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* XML text or attribute escaping. */
static void
xml_esc(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		default:
			buf_putc(b, *s);
		}
}

/* The ids of a Cairo SVG, in order of appearance, and their new names. */
struct idmap {
	char	**old;
	char	**new;
	size_t	  n, cap;
};

static const char *
idmap_get(const struct idmap *m, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < m->n; i++)
		if (strlen(m->old[i]) == len && memcmp(m->old[i], s, len) == 0)
			return m->new[i];
	return NULL;
}

/* Name id number n after the letters its old name starts with. */
static void
idmap_add(struct idmap *m, const char *s, size_t len, const char *prefix)
{
	size_t	 k = 0;

	if (idmap_get(m, s, len) != NULL)
		return;
	while (k < len && ((s[k] >= 'a' && s[k] <= 'z') ||
	    (s[k] >= 'A' && s[k] <= 'Z')))
		k++;
	if (m->n + 1 > m->cap) {
		m->cap = m->cap ? m->cap * 2 : 32;
		m->old = xreallocarray(m->old, m->cap, sizeof(char *));
		m->new = xreallocarray(m->new, m->cap, sizeof(char *));
	}
	m->old[m->n] = xstrndup(s, len);
	m->new[m->n] = xasprintf("%s%.*s%zu", prefix, (int)k, s, m->n + 1);
	m->n++;
}

static void
idmap_free(struct idmap *m)
{
	size_t	 i;

	for (i = 0; i < m->n; i++) {
		free(m->old[i]);
		free(m->new[i]);
	}
	free(m->old);
	free(m->new);
}

/*
 * Rewrite Cairo's SVG: drop the XML declaration (the SVG goes inline
 * into HTML), rename every id and every reference to one, and put
 * <title> and <desc> first, named by aria-labelledby.
 */
static void
svg_fix(const char *in, size_t len, const char *prefix, const char *title,
    const char *desc, struct buf *out)
{
	static const char *const refs[] = { "id=\"", "href=\"#", "url(#" };
	struct idmap	 m;
	const char	*p, *end = in + len, *q, *e, *nm;
	size_t		 k, kl;
	int		 hit;

	memset(&m, 0, sizeof(m));
	for (p = in; (p = strstr(p, "id=\"")) != NULL; p = e) {
		p += 4;
		e = p + strcspn(p, "\"");
		if (p[-5] == ' ' || p[-5] == '\n')
			idmap_add(&m, p, (size_t)(e - p), prefix);
	}
	p = in;
	if (strncmp(p, "<?xml", 5) == 0 && (q = strstr(p, "?>")) != NULL)
		p = q + 2 + (q[2] == '\n');
	/* The <svg> start tag, then title and desc. */
	if ((q = strstr(p, "<svg")) != NULL && (e = strchr(q, '>')) != NULL) {
		buf_put(out, p, (size_t)(q - p));
		buf_printf(out, "<svg role=\"img\" aria-labelledby=\"%stitle",
		    prefix);
		if (desc != NULL)
			buf_printf(out, " %sdesc", prefix);
		buf_putc(out, '"');
		buf_put(out, q + 4, (size_t)(e + 1 - (q + 4)));
		buf_printf(out, "\n<title id=\"%stitle\">", prefix);
		xml_esc(out, title ? title : "Chart");
		buf_puts(out, "</title>");
		if (desc != NULL) {
			buf_printf(out, "\n<desc id=\"%sdesc\">", prefix);
			xml_esc(out, desc);
			buf_puts(out, "</desc>");
		}
		p = e + 1;
	}
	while (p < end) {
		hit = 0;
		for (k = 0; k < 3 && !hit; k++) {
			kl = strlen(refs[k]);
			if ((size_t)(end - p) < kl || memcmp(p, refs[k], kl))
				continue;
			q = p + kl;
			e = q + strcspn(q, k == 2 ? ")" : "\"");
			if ((nm = idmap_get(&m, q, (size_t)(e - q))) == NULL)
				continue;
			buf_put(out, p, kl);
			buf_puts(out, nm);
			p = e;
			hit = 1;
		}
		if (!hit)
			buf_putc(out, *p++);
	}
	idmap_free(&m);
}

int
cairo_svg(const struct dl *dl, const struct fontset *fs, const char *prefix,
    const char *title, const char *desc, struct buf *out)
{
	cairo_surface_t	*s;
	struct buf	 raw = { NULL, 0, 0 };
	int		 ok;

	s = cairo_svg_surface_create_for_stream(sink, &raw, dl_width(dl),
	    dl_height(dl));
	cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
	ok = render(s, dl, fs, 1, 0);
	cairo_surface_destroy(s);
	if (ok)
		svg_fix(raw.data ? raw.data : "", raw.len, prefix ? prefix : "",
		    title, desc, out);
	buf_free(&raw);
	return ok;
}

int
cairo_png(const struct dl *dl, const struct fontset *fs, double scale,
    struct buf *out)
{
	cairo_surface_t	*s;
	cairo_status_t	 st;
	int		 ok;

	if (!(scale > 0 && scale <= 16))
		scale = 2;
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)ceil(dl_width(dl) * scale), (int)ceil(dl_height(dl) * scale));
	if ((ok = render(s, dl, fs, scale, 1)) &&
	    (st = cairo_surface_write_to_png_stream(s, sink, out)) !=
	    CAIRO_STATUS_SUCCESS) {
		msg(MSG_SYSERR, NULL, 0, 0, "cairo: %s",
		    cairo_status_to_string(st));
		ok = 0;
	}
	cairo_surface_destroy(s);
	return ok;
}
