/*
 * tmpl_scan.c: markers and placeholders.  Before cmark sees a file,
 * every {{ query }}, [@id] and @fig:id is cut out of the Markdown
 * source, remembered with its exact line and column, and replaced by
 * a placeholder of Unicode noncharacters (tmpl_int.h says why).  The
 * same scan finds {{ }} in the strings of front matter and directive
 * options; fill() puts the computed values (or, in code, the text as
 * written) back where the placeholders are.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "msg.h"
#include "tmpl_int.h"
#include "utf8.h"

/* Append the placeholder of mark idx. */
void
ph_encode(struct buf *b, size_t idx)
{
	int	 i;

	utf8_put(b, 0xFDD0);
	for (i = 3; i >= 0; i--)
		utf8_put(b, 0xFDE0 + ((idx >> (4 * i)) & 0xf));
}

/* Bytes of the placeholder at s (and its index), or 0 if none. */
size_t
ph_decode(const char *s, size_t len, size_t *idx)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t	 i, v = 0;

	if (len < PH_LEN || u[0] != 0xEF || u[1] != 0xB7 || u[2] != 0x90)
		return 0;
	for (i = 3; i < PH_LEN; i += 3) {
		if (u[i] != 0xEF || u[i + 1] != 0xB7 || u[i + 2] < 0xA0 ||
		    u[i + 2] > 0xAF)
			return 0;
		v = v * 16 + (u[i + 2] - 0xA0);
	}
	*idx = v;
	return PH_LEN;
}

/* Is s at a character of our range U+FDD0..U+FDEF? */
int
ph_reserved(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	return len >= 3 && u[0] == 0xEF && u[1] == 0xB7 &&
	    u[2] >= 0x90 && u[2] <= 0xAF;
}

/* A new mark, or NULL once there are too many (reported once). */
struct mark *
tmpl_addmark(struct tmpl *t, enum mkind k, const char *file, size_t line,
    size_t col)
{
	struct mark	*m;

	if (t->nmarks == TMPL_MAX_MARKS) {
		if (!t->marks_full)
			msg(MSG_ERROR, file, line, col, "more than %d values, "
			    "citations and cross-references", TMPL_MAX_MARKS);
		t->marks_full = 1;
		return NULL;
	}
	xgrow(&t->marks, &t->marks_cap, t->nmarks + 1, sizeof(*t->marks));
	m = &t->marks[t->nmarks++];
	memset(m, 0, sizeof(*m));
	m->kind = k;
	m->file = file;
	m->line = m->aline = line;
	m->col = m->acol = col;
	return m;
}

static int
is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

static int
is_punct(int c)
{
	return c > 0x20 && c < 0x7f && !is_alnum(c);
}

/* A letter or digit of an id beyond ASCII (not CJK or other punctuation). */
static int
id_wide(int32_t cp)
{
	return cp >= 0xA0 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
	    !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFE10 &&
	    cp <= 0xFE6F) && !(cp >= 0xFF00 && cp <= 0xFF20) &&
	    !(cp >= 0xFF3B && cp <= 0xFF40) && !(cp >= 0xFF5B &&
	    cp <= 0xFF65);
}

/* Bytes of an id character at s, or 0. */
static size_t
id_char(const char *s)
{
	size_t	 i = 0;
	int32_t	 cp;

	if (is_alnum(*s) || *s == '_')
		return 1;
	if ((unsigned char)*s < 0x80)
		return 0;
	cp = utf8_next(s, strnlen(s, 4), &i);
	return cp > 0 && id_wide(cp) ? i : 0;
}

/*
 * Length of a source or target id at s: letters, digits and _, with
 * . : - / inside.
 */
static size_t
id_len(const char *s)
{
	size_t	 n = 0, k;

	for (;;) {
		if ((k = id_char(s + n)) > 0)
			n += k;
		else if (n > 0 && (s[n] == '.' || s[n] == ':' ||
		    s[n] == '-' || s[n] == '/') && id_char(s + n + 1) > 0)
			n++;
		else
			return n;
	}
}

static int
is_xref(const char *id)
{
	return strncmp(id, "fig:", 4) == 0 || strncmp(id, "tbl:", 4) == 0 ||
	    strncmp(id, "sec:", 4) == 0;
}

/* Where "}}" closes the {{ at s, on the same line, or NULL. */
static const char *
value_end(const char *s, const char *end)
{
	char	 q = 0;

	for (s += 2; s + 1 < end && *s != '\n'; s++) {
		if (q) {
			if (*s == '\\' && s + 1 < end && s[1] != '\n')
				s++;
			else if (*s == q)
				q = 0;
		} else if (*s == '"' || *s == '\'')
			q = *s;
		else if (s[0] == '}' && s[1] == '}')
			return s;
	}
	return NULL;
}

/* Code points from s to e, for columns. */
static size_t
ncp(const char *s, const char *e)
{
	return utf8_len(s, (size_t)(e - s));
}

/*
 * A {{ at s (line:col): add the mark and its placeholder to out.
 * Return the bytes consumed.
 */
static size_t
scan_value(struct tmpl *t, const char *s, const char *end, const char *file,
    size_t line, size_t col, struct buf *out)
{
	struct mark	*m;
	const char	*e, *a, *b;

	if ((e = value_end(s, end)) == NULL) {
		if ((m = tmpl_addmark(t, MK_OPEN, file, line, col)) == NULL)
			return 2;
		m->src = xstrdup("{{");
		m->arg = xstrdup("'{{' without a closing '}}' on the same "
		    "line (write \\{{ for literal braces)");
		ph_encode(out, (size_t)(m - t->marks));
		return 2;
	}
	for (a = s + 2; a < e && (*a == ' ' || *a == '\t'); a++)
		continue;
	for (b = e; b > a && (b[-1] == ' ' || b[-1] == '\t'); b--)
		continue;
	if ((m = tmpl_addmark(t, MK_VALUE, file, line, col)) == NULL)
		return (size_t)(e + 2 - s);
	m->src = xstrndup(s, (size_t)(e + 2 - s));
	m->arg = xstrndup(a, (size_t)(b - a));
	m->acol = col + ncp(s, a);
	if (b == a) {
		m->kind = MK_OPEN;
		free(m->arg);
		m->arg = xstrdup("empty {{ }}: write a query between the "
		    "braces");
	} else if ((size_t)(b - a) > TMPL_MAX_QUERY) {
		m->kind = MK_OPEN;
		free(m->arg);
		m->arg = xasprintf("a query of more than %d bytes",
		    TMPL_MAX_QUERY);
	}
	ph_encode(out, (size_t)(m - t->marks));
	return (size_t)(e + 2 - s);
}

/*
 * A [@ at s: a citation [@id] or [@a; @b] (ids starting fig:, tbl:
 * or sec: are cross-references).  Return the bytes consumed, or 0 if
 * this is not one (then it stays text).
 */
static size_t
scan_cite(struct tmpl *t, const char *s, const char *end, const char *file,
    size_t line, size_t col, struct buf *out)
{
	struct mark	*m;
	const char	*p = s + 1, *ids[32];
	size_t		 lens[32], n = 0, i;

	for (;;) {
		if (p >= end || *p != '@' || n == 32)
			return 0;
		ids[n] = p + 1;
		if ((lens[n] = id_len(p + 1)) == 0)
			return 0;
		p += lens[n++] + 1;
		while (p < end && *p == ' ')
			p++;
		if (p < end && *p == ']')
			break;
		if (p >= end || *p != ';')
			return 0;
		for (p++; p < end && *p == ' '; p++)
			continue;
	}
	if (p + 1 < end && (p[1] == '(' || p[1] == '['))
		return 0;	/* a link whose text starts with @ */
	for (i = 0; i < n; i++) {
		m = tmpl_addmark(t, MK_CITE, file, line,
		    col + ncp(s, ids[i] - 1));
		if (m == NULL)
			break;
		m->arg = xstrndup(ids[i], lens[i]);
		if (is_xref(m->arg))
			m->kind = MK_XREF;
		m->src = i == 0 && n == 1 ? xstrndup(s, (size_t)(p + 1 - s)) :
		    xasprintf("@%s", m->arg);
		ph_encode(out, (size_t)(m - t->marks));
	}
	return (size_t)(p + 1 - s);
}

/* An @ at s: a cross-reference @fig:id?  Bytes consumed, or 0. */
static size_t
scan_xref(struct tmpl *t, const char *s, const char *file, size_t line,
    size_t col, struct buf *out)
{
	struct mark	*m;
	size_t		 n;

	if (!is_xref(s + 1) || (n = id_len(s + 5)) == 0)
		return 0;
	if ((m = tmpl_addmark(t, MK_XREF, file, line, col)) == NULL)
		return n + 5;
	m->arg = xstrndup(s + 1, n + 4);
	m->src = xstrndup(s, n + 5);
	ph_encode(out, (size_t)(m - t->marks));
	return n + 5;
}

/*
 * Copy the Markdown source s (starting at line:1) to out with every
 * marker replaced by a placeholder.
 */
void
tmpl_scan_markdown(struct tmpl *t, const char *s, size_t len,
    const char *file, size_t line, struct buf *out)
{
	const char	*p = s, *end = s + len;
	size_t		 col = 1, n;

	while (p < end) {
		n = 0;
		if (*p == '\\' && p + 1 < end && is_punct(p[1])) {
			buf_put(out, p, 2);
			p += 2;
			col += 2;
			continue;
		}
		if (p[0] == '{' && p + 1 < end && p[1] == '{')
			n = scan_value(t, p, end, file, line, col, out);
		else if (p[0] == '[' && p + 1 < end && p[1] == '@')
			n = scan_cite(t, p, end, file, line, col, out);
		else if (*p == '@' && (p == s || (!is_alnum(p[-1]) &&
		    p[-1] != '_')))
			n = scan_xref(t, p, file, line, col, out);
		if (n > 0) {
			col += ncp(p, p + n);
			p += n;
			continue;
		}
		if (*p == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80)
			col++;
		buf_putc(out, *p++);
	}
}

/*
 * Scan a string from front matter or a directive option, written at
 * line:col, for {{ }} values.  Return it with placeholders, or NULL
 * after reporting an unclosed {{.
 */
char *
tmpl_scan_str(struct tmpl *t, const char *s, const char *file, size_t line,
    size_t col)
{
	struct buf	 out = { NULL, 0, 0 };
	const char	*p = s, *end = s + strlen(s);
	struct mark	*m;
	size_t		 n, first = t->nmarks;

	while (p < end) {
		if (p[0] == '{' && p[1] == '{') {
			n = scan_value(t, p, end, file, line, col, &out);
			m = t->nmarks ? &t->marks[t->nmarks - 1] : NULL;
			if (m != NULL && m->kind == MK_OPEN &&
			    m->line == line && m->col == col) {
				msg(MSG_ERROR, file, line, col, "%s", m->arg);
				m->used = 1;
				buf_free(&out);
				return NULL;
			}
			col += ncp(p, p + n);
			p += n;
			continue;
		}
		if (*p == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80)
			col++;
		buf_putc(&out, *p++);
	}
	for (n = first; n < t->nmarks; n++)
		t->marks[n].instr = 1;
	if (out.data == NULL)
		buf_puts(&out, "");
	return buf_steal(&out);
}

/*
 * Replace each placeholder in s: a value by its text (in a string
 * the value is only text), anything else by the text as written.
 */
static char *
fill(struct tmpl *t, const char *s, int values)
{
	struct buf	 out = { NULL, 0, 0 };
	size_t		 len = strlen(s), i = 0, n, idx;
	struct mark	*m;

	while (i < len) {
		if ((n = ph_decode(s + i, len - i, &idx)) == 0 ||
		    idx >= t->nmarks) {
			buf_putc(&out, s[i++]);
			continue;
		}
		m = &t->marks[idx];
		m->used = 1;
		if (values && m->kind == MK_VALUE)
			buf_puts(&out, m->value ? m->value : "");
		else
			buf_puts(&out, m->src);
		i += n;
	}
	if (out.data == NULL)
		buf_puts(&out, "");
	return buf_steal(&out);
}

char *
tmpl_fill_str(struct tmpl *t, const char *s)
{
	return fill(t, s, 1);
}

char *
tmpl_restore(struct tmpl *t, const char *s)
{
	return fill(t, s, 0);
}
