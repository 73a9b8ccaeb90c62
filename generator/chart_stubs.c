/* chart_stubs.c: STUB for the chart kinds not written yet (line, scatter, donut, heatmap, sankey, timeline, facets). */
#include "aux.h"
#include "chart_int.h"
static int d0(struct cctx *c, const size_t *r, size_t n, struct rect x) { (void)c; (void)r; (void)n; (void)x; return 1; }
static void a0(struct cctx *c, const size_t *r, size_t n, struct buf *b) { (void)c; (void)r; (void)n; buf_puts(b, "chart"); }
const struct ckind ck_donut = { NULL, NULL, d0, a0 }, ck_heatmap = { NULL, NULL, d0, a0 }, ck_sankey = { NULL, NULL, d0, a0 }, ck_timeline = { NULL, NULL, d0, a0 };
int facet_draw(struct cctx *c, const struct ckind *k, struct rect r) { (void)c; (void)k; (void)r; return 1; }
