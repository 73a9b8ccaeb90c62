/*
 * utf8.c: UTF-8 helpers.
 */
#include <stddef.h>
#include <stdint.h>

#include "aux.h"
#include "utf8.h"

int32_t
utf8_next(const char *str, size_t len, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t	 p = *i, n, k;
	uint32_t cp, min;

	if (p >= len)
		return -1;
	if (s[p] < 0x80) {
		*i = p + 1;
		return s[p];
	}
	if ((s[p] & 0xE0) == 0xC0) {
		n = 1; cp = s[p] & 0x1F; min = 0x80;
	} else if ((s[p] & 0xF0) == 0xE0) {
		n = 2; cp = s[p] & 0x0F; min = 0x800;
	} else if ((s[p] & 0xF8) == 0xF0) {
		n = 3; cp = s[p] & 0x07; min = 0x10000;
	} else {
		*i = p + 1;
		return -1;
	}
	if (len - p <= n) {
		*i = p + 1;
		return -1;
	}
	for (k = 1; k <= n; k++) {
		if ((s[p + k] & 0xC0) != 0x80) {
			*i = p + 1;
			return -1;
		}
		cp = (cp << 6) | (s[p + k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*i = p + 1;
		return -1;
	}
	*i = p + n + 1;
	return (int32_t)cp;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

void
utf8_put(struct buf *b, uint32_t cp)
{
	char	 tmp[4];

	buf_put(b, tmp, utf8_encode(cp, tmp));
}

int
utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t	 i = 0, at;

	while (i < len) {
		/* ASCII fast path. */
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		at = i;
		if (utf8_next(s, len, &i) < 0) {
			if (bad)
				*bad = at;
			return 0;
		}
	}
	return 1;
}

size_t
utf8_len(const char *s, size_t len)
{
	size_t	 i = 0, n = 0;

	while (i < len) {
		utf8_next(s, len, &i);
		n++;
	}
	return n;
}

void
utf8_linecol(const char *s, size_t off, size_t *line, size_t *col)
{
	size_t	 i = 0, l = 1, c = 1;

	while (i < off) {
		if (s[i] == '\n') {
			l++;
			c = 1;
			i++;
			continue;
		}
		utf8_next(s, off, &i);
		c++;
	}
	*line = l;
	*col = c;
}

void
utf8_from_latin1(struct buf *out, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		utf8_put(out, (unsigned char)s[i]);
}

/* Windows-1252 differs from Latin-1 only in 0x80-0x9F. */
static const uint16_t cp1252_hi[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
};

void
utf8_from_cp1252(struct buf *out, const char *s, size_t len)
{
	size_t		 i;
	unsigned char	 c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		utf8_put(out, c >= 0x80 && c < 0xA0 ? cp1252_hi[c - 0x80] : c);
	}
}
