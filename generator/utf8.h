/*
 * utf8.h: UTF-8 decoding, encoding and validation.
 * Base layer: libc only.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "aux.h"

/*
 * Decode the code point at s[*i] (len bytes in all) and advance *i.
 * Return the code point, or -1 for an invalid or truncated sequence
 * (then *i advances by one byte).  Overlong forms and surrogates are
 * invalid.
 */
int32_t	 utf8_next(const char *s, size_t len, size_t *i);

/* Encode cp into out (at least 4 bytes); return the byte count. */
size_t	 utf8_encode(uint32_t cp, char *out);

/* Append cp to b as UTF-8. */
void	 utf8_put(struct buf *b, uint32_t cp);

/*
 * Check that s is valid UTF-8.  Return 1 if so; otherwise return 0
 * and set *bad to the offset of the first invalid byte.
 */
int	 utf8_valid(const char *s, size_t len, size_t *bad);

/* Number of code points in s (invalid bytes count one each). */
size_t	 utf8_len(const char *s, size_t len);

/*
 * Line and column (both 1-based, column counted in code points) of
 * byte offset off in s.
 */
void	 utf8_linecol(const char *s, size_t off, size_t *line, size_t *col);

/* Convert ISO-8859-1 bytes to UTF-8, appending to out. */
void	 utf8_from_latin1(struct buf *out, const char *s, size_t len);

/* Convert Windows-1252 bytes to UTF-8, appending to out. */
void	 utf8_from_cp1252(struct buf *out, const char *s, size_t len);

#endif /* !UTF8_H */
