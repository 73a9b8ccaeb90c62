/* query.c: STUB, to be replaced by the query work. */
#include "aux.h"
#include "msg.h"
#include "query.h"
struct query *query_parse(const char *t, const char *f, size_t l, size_t c) { (void)t; msg(MSG_ERROR, f, l, c, "queries are not built yet"); return NULL; }
void query_free(struct query *q) { (void)q; }
void query_plan(struct query *q, const struct qenv *e) { (void)q; (void)e; }
struct table *query_table(const struct query *q, const struct qenv *e) { (void)q; (void)e; return NULL; }
char *query_text(const struct query *q, const struct qenv *e) { (void)q; (void)e; return NULL; }
