/* dataset.c: STUB, to be replaced by the data work. */
#include <stdlib.h>
#include "aux.h"
#include "dataset.h"
struct dsreg { int dummy; };
void dsdecl_free(struct dsdecl *d) { (void)d; }
struct dsreg *dsreg_new(void) { return xcalloc(1, sizeof(struct dsreg)); }
const struct table *dsreg_get(struct dsreg *r, const struct dsdecl *d) { (void)r; (void)d; return NULL; }
size_t dsreg_nfiles(const struct dsreg *r) { (void)r; return 0; }
const char *dsreg_file(const struct dsreg *r, size_t i) { (void)r; (void)i; return NULL; }
void dsreg_free(struct dsreg *r) { free(r); }
