/*
 * chart_cairo.h: the Cairo device, which replays a display list to
 * SVG (inline in the HTML) and PNG.  chart_cairo.c is the only file
 * that includes Cairo.
 *
 * Who may include this: main (and the gallery/bench tools).
 */
#ifndef CHART_CAIRO_H
#define CHART_CAIRO_H

#include "aux.h"
#include "dl.h"
#include "font.h"

/*
 * Render to SVG.  Every id in the output starts with idprefix, so
 * that many charts can share one HTML page, and ids are numbered in
 * drawing order so the same chart gives the same bytes in any
 * process.  title and desc (may be NULL) become <title> and <desc>.
 * Return 1, or 0 after reporting a Cairo failure.
 */
int	 cairo_svg(const struct dl *, const struct fontset *,
	    const char *idprefix, const char *title, const char *desc,
	    struct buf *out);

/* Render to PNG at scale pixels per point (2 for high-DPI). */
int	 cairo_png(const struct dl *, const struct fontset *, double scale,
	    struct buf *out);

#endif /* !CHART_CAIRO_H */
