/* chart_cairo.c: STUB, to be replaced by the chart work. */
#include "aux.h"
#include "chart_cairo.h"
int cairo_svg(const struct dl *d, const struct fontset *fs, const char *p, const char *t, const char *ds, struct buf *out) { (void)d; (void)fs; (void)p; (void)t; (void)ds; buf_puts(out, "<svg></svg>"); return 1; }
int cairo_png(const struct dl *d, const struct fontset *fs, double s, struct buf *out) { (void)d; (void)fs; (void)s; (void)out; return 0; }
