/* pdf_hpdf.c: STUB, to be replaced by the PDF work. */
#include <string.h>
#include "aux.h"
#include "msg.h"
#include "pdf.h"
void pdf_opts_defaults(struct pdf_opts *o) { memset(o, 0, sizeof(*o)); o->page_w = 595.276; o->page_h = 841.89; }
int pdf_write(const struct doc *d, const struct fontset *fs, const struct pdf_opts *o, struct buf *out) { (void)d; (void)fs; (void)o; (void)out; msg(MSG_SYSERR, NULL, 0, 0, "PDF output is not built yet"); return 0; }
int pdf_layout_dump(const struct doc *d, const struct fontset *fs, const struct pdf_opts *o, struct buf *out) { (void)d; (void)fs; (void)o; (void)out; return 0; }
