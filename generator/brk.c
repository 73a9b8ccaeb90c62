/*
 * brk.c: line break opportunities through libunibreak, which
 * implements the Unicode line breaking algorithm (UAX #14): breaks
 * after spaces and hyphens, between CJK ideographs, never before
 * closing punctuation (、。」) or after opening punctuation.  This is
 * the only file that includes <linebreak.h>.
 */
#include <pthread.h>
#include <stddef.h>

#include <linebreak.h>

#include "brk.h"

static pthread_once_t	 brk_once = PTHREAD_ONCE_INIT;

static void
brk_init(void)
{
	init_linebreak();
}

void
brk_find(const char *s, size_t len, const char *lang, char *out)
{
	size_t	 i;

	if (len == 0)
		return;
	pthread_once(&brk_once, brk_init);
	set_linebreaks_utf8((const utf8_t *)s, len, lang, out);
	/* Our values are libunibreak's; say so once, here. */
	for (i = 0; i < len; i++) {
		switch (out[i]) {
		case LINEBREAK_MUSTBREAK:
			out[i] = BRK_MUST;
			break;
		case LINEBREAK_ALLOWBREAK:
			out[i] = BRK_ALLOW;
			break;
		case LINEBREAK_NOBREAK:
			out[i] = BRK_NO;
			break;
		default:
			out[i] = BRK_INSIDE;
			break;
		}
	}
}
