#!/bin/sh
# css2c.sh: make generator/html_css.c from the style sheets given, in
# order, so that the CSS is compiled into briefgen (self-contained
# pages, nothing to find at run time).  Run by make; the output is
# committed so that a build needs no more than a C compiler.
set -eu
printf '/* html_css.c: made by templates/html/css2c.sh from %s; do not edit. */\n' "$*"
printf '#include <stddef.h>\n\n#include "html_int.h"\n\nconst char html_css[] =\n'
for f in "$@"; do
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$/\\n"/' "$f"
done
printf '    ;\nconst size_t html_css_len = sizeof(html_css) - 1;\n'
