/* csv_read.c: STUB, to be replaced by the data work. */
#include <string.h>
#include "aux.h"
#include "dataset.h"
#include "msg.h"
void dsopts_defaults(struct dsopts *o) { memset(o, 0, sizeof(*o)); o->encoding = "utf-8"; o->delim = ','; o->clean = 1; }
struct table *csv_load(const char *path, const struct dsopts *o) { (void)o; msg(MSG_ERROR, path, 0, 0, "CSV reading is not built yet"); return NULL; }
void data_schema(const struct table *t, struct buf *b) { (void)t; (void)b; }
void data_json(const struct table *t, struct buf *b) { (void)t; (void)b; }
