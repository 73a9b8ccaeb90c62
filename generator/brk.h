/*
 * brk.h: line break opportunities (Unicode Standard Annex #14), the
 * layout engine's view of libunibreak.  brk.c is the only file that
 * includes <linebreak.h>.
 *
 * Who may include this: layout*.c.  Includes only libc.
 */
#ifndef BRK_H
#define BRK_H

#include <stddef.h>

enum brk {
	BRK_MUST = 0,	/* a line must end after this character */
	BRK_ALLOW,	/* a line may end after this character */
	BRK_NO,		/* no break after this character */
	BRK_INSIDE	/* not the last byte of a UTF-8 sequence */
};

/*
 * Fill out[0..len-1] with the break opportunity after each byte of
 * the UTF-8 string s, for language lang ("en", "zh"; NULL for none).
 * The last byte is always BRK_MUST, as the end of the text ends a
 * line.  Safe to call from several threads.
 */
void	 brk_find(const char *s, size_t len, const char *lang, char *out);

#endif /* !BRK_H */
