/* fmt.c: STUB, to be replaced by the data/analytics work. */
#include <stdio.h>
#include <string.h>
#include "aux.h"
#include "data.h"
#include "fmt.h"
void numfmt_defaults(struct numfmt *f) { memset(f, 0, sizeof(*f)); f->type = 'g'; f->prec = -1; f->lang = "en"; }
int numfmt_parse(const char *spec, struct numfmt *f, char **err) { numfmt_defaults(f); (void)spec; (void)err; return 1; }
void fmt_num(struct buf *b, double x, const struct numfmt *f) { (void)f; buf_printf(b, "%g", x); }
void fmt_value(struct buf *b, const struct value *v, const struct numfmt *f) { if (v->kind == V_NUM) fmt_num(b, v->num, f); else if (v->str) buf_puts(b, v->str); }
