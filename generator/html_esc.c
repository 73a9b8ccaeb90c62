/*
 * html_esc.c: escaping for the HTML writer, one function per context
 * (text, attribute, URL, id, class, style sheet), in the manner of
 * lowdown's html_escape.c and cmark's houdini.
 *
 * Text and attribute values go through one code point filter, because
 * the data come from outside: invalid UTF-8, NUL and the other
 * control characters the HTML parser calls errors, and noncharacters
 * become U+FFFD; the bidirectional embedding, override and isolate
 * controls (U+202A-U+202E, U+2066-U+2069) are dropped, so that a
 * value cannot reorder the text around it ("Trojan Source"); U+2028
 * and U+2029 are written as character references, so the file never
 * holds a raw line separator that breaks tools reading it as
 * JavaScript or JSON.  Everything else is copied as UTF-8.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "aux.h"
#include "doc.h"
#include "html.h"
#include "html_int.h"
#include "utf8.h"

#define ESC_ATTR	0x01	/* also quotes */

static const char hexdig[] = "0123456789ABCDEF";

/* Return 1 if cp is a noncharacter (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF). */
static int
nonchar(int32_t cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/* Return 1 if cp is a bidi embedding, override or isolate control. */
static int
bidictl(int32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

/* Escape one code point that is not plain ASCII (or is a control). */
static void
esc_cp(struct buf *b, int32_t cp, const char *raw, size_t rawlen)
{
	if (cp < 0 || nonchar(cp) ||
	    (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
	    (cp >= 0x7F && cp <= 0x9F))
		buf_puts(b, "\xEF\xBF\xBD");	/* U+FFFD */
	else if (bidictl(cp))
		return;
	else if (cp == 0x2028 || cp == 0x2029)
		buf_printf(b, "&#x%X;", (unsigned)cp);
	else
		buf_put(b, raw, rawlen);
}

static void
esc(struct buf *b, const char *s, size_t len, int flags)
{
	size_t		 i = 0, start;
	unsigned char	 c;
	int32_t		 cp;

	while (i < len) {
		/* Copy the run of characters that need nothing. */
		start = i;
		while (i < len && (c = (unsigned char)s[i]) >= 0x20 &&
		    c < 0x7F && c != '&' && c != '<' && c != '>' &&
		    c != '"' && c != '\'')
			i++;
		if (i > start)
			buf_put(b, s + start, i - start);
		if (i >= len)
			break;
		switch (s[i]) {
		case '&':
			buf_puts(b, "&amp;");
			i++;
			continue;
		case '<':
			buf_puts(b, "&lt;");
			i++;
			continue;
		case '>':
			buf_puts(b, "&gt;");
			i++;
			continue;
		case '"':
			buf_puts(b, (flags & ESC_ATTR) ? "&quot;" : "\"");
			i++;
			continue;
		case '\'':
			buf_puts(b, (flags & ESC_ATTR) ? "&#39;" : "'");
			i++;
			continue;
		default:
			break;
		}
		start = i;
		cp = utf8_next(s, len, &i);
		esc_cp(b, cp, s + start, i - start);
	}
}

void
html_esc_text(struct buf *b, const char *s, size_t len)
{
	esc(b, s, len, 0);
}

void
html_esc_attr(struct buf *b, const char *s, size_t len)
{
	esc(b, s, len, ESC_ATTR);
}

/*
 * A link is safe if it has no scheme (relative, or a fragment) or
 * its scheme is http, https or mailto.  The scheme is read the way
 * browsers read it: leading spaces and control characters skipped,
 * tabs and newlines anywhere ignored, case ignored, so that
 * " JaVa\tScRiPt:" is caught.  Anything with a colon before the
 * first '/', '?' or '#' counts as having a scheme.
 */
int
html_url_safe(const char *url)
{
	static const char *const ok[] = { "http", "https", "mailto" };
	char		 scheme[8];
	size_t		 n = 0, i;
	const char	*p;

	if (url == NULL)
		return 0;
	while (*url != '\0' && (unsigned char)*url <= 0x20)
		url++;
	if (*url == '\0')
		return 0;
	for (p = url; *p != '\0'; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (*p == '/' || *p == '?' || *p == '#')
			return 1;
		if (*p == ':')
			break;
		if (n < sizeof(scheme) - 1)
			scheme[n] = (*p >= 'A' && *p <= 'Z') ?
			    (char)(*p - 'A' + 'a') : *p;
		n++;
	}
	if (*p == '\0')
		return 1;
	if (n >= sizeof(scheme))
		return 0;
	scheme[n] = '\0';
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (strcmp(scheme, ok[i]) == 0)
			return 1;
	return 0;
}

/*
 * Bytes kept as they are in a URL: unreserved and reserved characters
 * of RFC 3986 and '%' (taken to start an escape already made).
 */
static int
urlbyte(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return 1;
	return c != '\0' && strchr("-_.~!*'();:@&=+$,/?#[]%", c) != NULL;
}

void
html_esc_url(struct buf *b, const char *url)
{
	const unsigned char *s = (const unsigned char *)url;

	for (; *s != '\0'; s++) {
		if (*s == '&')
			buf_puts(b, "&amp;");
		else if (*s == '\'')
			buf_puts(b, "&#39;");
		else if (urlbyte(*s))
			buf_putc(b, *s);
		else {
			buf_putc(b, '%');
			buf_putc(b, hexdig[*s >> 4]);
			buf_putc(b, hexdig[*s & 15]);
		}
	}
}

static int
idchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

void
html_esc_id(struct buf *b, const char *s)
{
	size_t	 i = 0, len;
	int32_t	 cp;

	len = strlen(s);
	if (len == 0 || !((s[0] >= 'a' && s[0] <= 'z') ||
	    (s[0] >= 'A' && s[0] <= 'Z')))
		buf_putc(b, 'x');
	while (i < len) {
		if (idchar((unsigned char)s[i])) {
			buf_putc(b, s[i++]);
			continue;
		}
		cp = utf8_next(s, len, &i);
		buf_printf(b, "_%x", cp < 0 ? 0xFFFDu : (unsigned)cp);
	}
}

void
html_esc_class(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-')
			buf_putc(b, *s);
		else if (*s >= 'A' && *s <= 'Z')
			buf_putc(b, *s - 'A' + 'a');
	}
}

void
html_esc_css(struct buf *b, const char *css, size_t len)
{
	size_t	 i, start = 0;

	for (i = 0; i + 1 < len; i++) {
		if (css[i] == '<' && css[i + 1] == '/') {
			buf_put(b, css + start, i + 1 - start);
			buf_putc(b, '\\');
			start = i + 1;
		}
	}
	buf_put(b, css + start, len - start);
}

/* Decode one reference at s (after '&'); return its length or 0. */
static size_t
unesc_ref(struct buf *out, const char *s, size_t len)
{
	static const struct { const char *name; char c; } named[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' },
		{ "quot;", '"' }, { "apos;", '\'' }
	};
	unsigned long	 cp = 0;
	size_t		 i, k, n;
	int		 hex;

	for (k = 0; k < sizeof(named) / sizeof(named[0]); k++) {
		n = strlen(named[k].name);
		if (len >= n && memcmp(s, named[k].name, n) == 0) {
			buf_putc(out, named[k].c);
			return n;
		}
	}
	if (len < 3 || s[0] != '#')
		return 0;
	hex = s[1] == 'x' || s[1] == 'X';
	for (i = hex ? 2 : 1; i < len && i < 12 && s[i] != ';'; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			cp = cp * (hex ? 16 : 10) + (unsigned long)(s[i] - '0');
		else if (hex && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f'))
			cp = cp * 16 + (unsigned long)((s[i] | 0x20) - 'a' + 10);
		else
			return 0;
	}
	if (i >= len || s[i] != ';' || i == (hex ? 2u : 1u))
		return 0;
	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	utf8_put(out, (uint32_t)cp);
	return i + 1;
}

void
html_unesc(struct buf *out, const char *s, size_t len)
{
	size_t	 i = 0, start, n;

	while (i < len) {
		start = i;
		while (i < len && s[i] != '&')
			i++;
		buf_put(out, s + start, i - start);
		if (i >= len)
			break;
		i++;
		if ((n = unesc_ref(out, s + i, len - i)) > 0)
			i += n;
		else
			buf_putc(out, '&');
	}
}
