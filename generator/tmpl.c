/* tmpl.c: STUB, to be replaced by the template work. */
#include <string.h>
#include "aux.h"
#include "msg.h"
#include "tmpl.h"
void tmpl_opts_defaults(struct tmpl_opts *o) { memset(o, 0, sizeof(*o)); }
struct doc *tmpl_build(const char *path, const struct tmpl_opts *o) { (void)o; msg(MSG_ERROR, path, 0, 0, "templates are not built yet"); return NULL; }
