/* chart.c: STUB, to be replaced by the chart work. */
#include <stdlib.h>
#include "aux.h"
#include "chart.h"
#include "msg.h"
struct chart { int dummy; };
struct chart *chart_new(void) { return xcalloc(1, sizeof(struct chart)); }
void chart_free(struct chart *c) { free(c); }
int chart_set(struct chart *c, const char *k, const char *v, const char *f, size_t l, size_t col) { (void)c; (void)k; (void)v; (void)f; (void)l; (void)col; return 1; }
int chart_check(const struct chart *c, const struct table *t, const char *f, size_t l, size_t col) { (void)c; (void)t; (void)f; (void)l; (void)col; return 1; }
const char *chart_title(const struct chart *c) { (void)c; return NULL; }
const char *chart_subtitle(const struct chart *c) { (void)c; return NULL; }
const char *chart_source(const struct chart *c) { (void)c; return NULL; }
struct dl *chart_draw(const struct chart *c, const struct table *t, const struct fontset *fs, int framed, char **alt) { (void)c; (void)t; (void)fs; (void)framed; *alt = NULL; return dl_new(400, 240); }
