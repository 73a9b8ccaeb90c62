/*
 * html_svg.c: put a chart's SVG into an HTML page.
 *
 * The SVG comes from Cairo (chart_cairo.c), so it should be harmless,
 * but chart labels are data from outside and the page is published to
 * an intranet, so the SVG is re-written through an allow-list rather
 * than pasted: a small XML tokenizer keeps the drawing elements and
 * their geometry and paint attributes, drops everything else with its
 * subtree (script, foreignObject, style, a, animate, image, ...),
 * drops every attribute not listed (event handlers among them), keeps
 * links and url() only when they point inside the drawing, and turns
 * style="" into presentation attributes (inline style is both a CSS
 * injection point and an html-validate error).  Ids get a prefix per
 * figure, so that several charts can share a page.
 *
 * Text is decoded from XML and escaped again for HTML, so a value
 * that Cairo escaped for XML cannot come out as markup.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "html.h"
#include "html_int.h"

#define SVG_MAXDEPTH	64	/* nesting of kept elements */
#define SVG_MAXATTR	48	/* attributes per element */

static const char *const elements[] = {
	"svg", "g", "defs", "symbol", "use", "path", "rect", "circle",
	"ellipse", "line", "polyline", "polygon", "clipPath", "mask",
	"linearGradient", "radialGradient", "stop", "pattern", "title",
	"desc", "text", "tspan", NULL
};

/* Presentation properties: allowed as attributes and in style="". */
static const char *const paints[] = {
	"fill", "fill-rule", "fill-opacity", "stroke", "stroke-width",
	"stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
	"stroke-dasharray", "stroke-dashoffset", "stroke-opacity",
	"opacity", "clip-path", "clip-rule", "mask", "overflow",
	"stop-color", "stop-opacity", "font-family", "font-size",
	"font-weight", "font-style", "text-anchor", "dominant-baseline",
	"letter-spacing", "visibility", "display", "color", NULL
};

/* Geometry and structure attributes. */
static const char *const geometry[] = {
	"id", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx",
	"ry", "fx", "fy", "width", "height", "d", "points", "viewBox",
	"transform", "offset", "gradientUnits", "gradientTransform",
	"spreadMethod", "patternUnits", "patternContentUnits",
	"patternTransform", "clipPathUnits", "maskUnits",
	"maskContentUnits", "preserveAspectRatio", "dx", "dy", NULL
};

struct attr {
	char	*name;
	char	*value;		/* decoded */
};

/*
 * Glyphs shared by the charts of one page.  Cairo draws text as glyph
 * outlines in <symbol>s, and every chart carries its own copy of the
 * glyphs it uses; on a page of many charts most are repeats.  The
 * first chart to use a glyph keeps its symbol under a page-wide id,
 * later charts drop their copy and refer to it (inline SVGs share the
 * page's id space).  Keys are symbols as written, less their id.
 */
struct strmap {
	char		**keys;
	size_t		 *vals;
	size_t		  cap;		/* power of two, or 0 */
	size_t		  n;
};

struct html_svgshare {
	struct strmap	 glyphs;	/* symbol text -> glyph number */
	struct strmap	 ids;		/* "fig2-glyph0-3" -> glyph number */
	size_t		 nglyphs;
};

struct svgw {
	struct buf	*out;
	const char	*prefix;
	const char	*label;
	struct html_svgshare *share;	/* or NULL: no sharing */
	int		 symdepth;	/* depth of an open <symbol>, or 0 */
	size_t		 symmark;	/* where its text starts in out */
	char		*symid;		/* its id, prefixed */
	const char	*stack[SVG_MAXDEPTH];	/* open kept elements */
	int		 depth;
	int		 skip;		/* depth inside a dropped element */
	int		 roots;		/* <svg> roots seen */
	struct attr	 attrs[SVG_MAXATTR];
	size_t		 nattrs;
};

static int
listed(const char *const *list, const char *s, size_t n)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return 1;
	return 0;
}

static const char *
element(const char *s, size_t n)
{
	const char *const *e;

	for (e = elements; *e != NULL; e++)
		if (strlen(*e) == n && memcmp(*e, s, n) == 0)
			return *e;
	return NULL;
}

static int
namechar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == ':' || c == '_' || c == '-' ||
	    c == '.';
}

static int
space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t
strmap_hash(const char *s)
{
	size_t	 h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* The value of key, or (size_t)-1. */
static size_t
strmap_get(const struct strmap *m, const char *key)
{
	size_t	 i;

	if (m->cap == 0)
		return (size_t)-1;
	for (i = strmap_hash(key) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], key) == 0)
			return m->vals[i];
	return (size_t)-1;
}

/* Add key (copied) with its value; the key must not be there yet. */
static void
strmap_put(struct strmap *m, const char *key, size_t val)
{
	struct strmap	 old = *m;
	size_t		 i;

	if ((m->n + 1) * 2 > m->cap) {
		m->cap = old.cap ? old.cap * 2 : 64;
		m->keys = xcalloc(m->cap, sizeof(char *));
		m->vals = xcalloc(m->cap, sizeof(size_t));
		m->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.keys[i] != NULL) {
				strmap_put(m, old.keys[i], old.vals[i]);
				free(old.keys[i]);
			}
		free(old.keys);
		free(old.vals);
	}
	for (i = strmap_hash(key) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		continue;
	m->keys[i] = xstrdup(key);
	m->vals[i] = val;
	m->n++;
}

static void
strmap_free(struct strmap *m)
{
	size_t	 i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
}

struct html_svgshare *
html_svgshare_new(void)
{
	return xcalloc(1, sizeof(struct html_svgshare));
}

void
html_svgshare_free(struct html_svgshare *sh)
{
	if (sh == NULL)
		return;
	strmap_free(&sh->glyphs);
	strmap_free(&sh->ids);
	free(sh);
}

/* The page-wide id of shared glyph k. */
static void
put_glyph_id(struct buf *out, size_t k)
{
	buf_printf(out, "svg-glyph-%zu", k);
}

/* An id as this figure writes it: with the figure's prefix, once. */
static char *
prefixed(const struct svgw *w, const char *id, size_t n)
{
	size_t	 plen = strlen(w->prefix);

	if (n >= plen && memcmp(id, w->prefix, plen) == 0)
		return xstrndup(id, n);
	return xasprintf("%s%.*s", w->prefix, (int)n, id);
}

/*
 * Path data with every number rounded to two decimals (a hundredth of
 * a point, far below what a screen or printer shows): Cairo writes
 * glyph outlines with six, and they are most of a chart's bytes.
 */
static void
put_path(struct buf *out, const char *v)
{
	const char	*p = v;
	char		*end;
	double		 x;
	long long	 c;

	while (*p != '\0') {
		if ((*p >= '0' && *p <= '9') || *p == '.' || ((*p == '-' ||
		    *p == '+') && ((p[1] >= '0' && p[1] <= '9') ||
		    p[1] == '.'))) {
			x = strtod(p, &end);
			if (end == p) {
				buf_putc(out, *p++);
				continue;
			}
			c = llround(x * 100);
			if (c < 0) {
				buf_putc(out, '-');
				c = -c;
			}
			buf_printf(out, "%lld", c / 100);
			if (c % 100 != 0)
				buf_printf(out, c % 10 ? ".%02lld" : ".%lld",
				    c % 10 ? c % 100 : (c % 100) / 10);
			p = end;
			continue;
		}
		if (*p == '<' || *p == '>' || *p == '"' || *p == '&')
			p++;	/* cannot occur in path data; never pass on */
		else
			buf_putc(out, *p++);
	}
}

/* Append an id reference target, prefixed once. */
static void
put_id(struct svgw *w, const char *id, size_t n)
{
	struct buf	 t = { NULL, 0, 0 };
	size_t		 plen = strlen(w->prefix);

	if (n < plen || memcmp(id, w->prefix, plen) != 0)
		buf_puts(&t, w->prefix);
	buf_put(&t, id, n);
	html_esc_id(w->out, t.data);
	buf_free(&t);
}

/*
 * Append a value whose url() references must all be local, url(#id),
 * with the ids prefixed.  Return 0 (and append nothing useful) if one
 * points elsewhere.
 */
static int
put_urls(struct svgw *w, const char *v)
{
	const char	*p, *q;

	while ((p = strstr(v, "url(")) != NULL) {
		html_esc_attr(w->out, v, (size_t)(p - v));
		p += 4;
		if (*p != '#' || (q = strchr(p, ')')) == NULL || q == p + 1)
			return 0;
		buf_puts(w->out, "url(#");
		put_id(w, p + 1, (size_t)(q - p - 1));
		buf_putc(w->out, ')');
		v = q + 1;
	}
	html_esc_attr(w->out, v, strlen(v));
	return 1;
}

/* A value from style="" may hold only these characters. */
static int
plainvalue(const char *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!((v[i] >= 'a' && v[i] <= 'z') ||
		    (v[i] >= 'A' && v[i] <= 'Z') ||
		    (v[i] >= '0' && v[i] <= '9') ||
		    (v[i] != '\0' && strchr(" #.,%()'\"-_", v[i]) != NULL)))
			return 0;
	return 1;
}

static void
attr_set(struct svgw *w, const char *name, size_t nlen, const char *val,
    size_t vlen)
{
	struct buf	 v = { NULL, 0, 0 };
	size_t		 i;

	html_unesc(&v, val, vlen);
	if (v.data == NULL)
		buf_put(&v, "", 0);
	for (i = 0; i < w->nattrs; i++)
		if (strlen(w->attrs[i].name) == nlen &&
		    memcmp(w->attrs[i].name, name, nlen) == 0)
			break;
	if (i == w->nattrs) {
		if (w->nattrs == SVG_MAXATTR) {
			buf_free(&v);
			return;
		}
		w->attrs[w->nattrs++].name = xstrndup(name, nlen);
	} else
		free(w->attrs[i].value);
	w->attrs[i].value = buf_steal(&v);
}

/* Split style="a: b; c: d" into presentation attributes. */
static void
style_split(struct svgw *w, const char *s)
{
	const char	*p, *colon, *end, *ne, *vs, *ve;

	for (p = s; *p != '\0'; p = *end != '\0' ? end + 1 : end) {
		if ((end = strchr(p, ';')) == NULL)
			end = p + strlen(p);
		if ((colon = memchr(p, ':', (size_t)(end - p))) == NULL)
			continue;
		while (space(*p))
			p++;
		for (ne = colon; ne > p && space(ne[-1]); ne--)
			continue;
		for (vs = colon + 1; vs < end && space(*vs); vs++)
			continue;
		for (ve = end; ve > vs && space(ve[-1]); ve--)
			continue;
		if (listed(paints, p, (size_t)(ne - p)) &&
		    plainvalue(vs, (size_t)(ve - vs)))
			attr_set(w, p, (size_t)(ne - p), vs, (size_t)(ve - vs));
	}
}

static void
attrs_clear(struct svgw *w)
{
	size_t	 i;

	for (i = 0; i < w->nattrs; i++) {
		free(w->attrs[i].name);
		free(w->attrs[i].value);
	}
	w->nattrs = 0;
}

/* A reference to an id: a shared glyph's page-wide id, if it is one. */
static void
put_ref(struct svgw *w, const char *id)
{
	char	*full;
	size_t	 k = (size_t)-1;

	if (w->share != NULL) {
		full = prefixed(w, id, strlen(id));
		k = strmap_get(&w->share->ids, full);
		free(full);
	}
	if (k != (size_t)-1)
		put_glyph_id(w->out, k);
	else
		put_id(w, id, strlen(id));
}

/* Write the kept attributes of one element. */
static void
attrs_write(struct svgw *w, int root)
{
	struct attr	*a;
	size_t		 i, mark;

	for (i = 0; i < w->nattrs; i++) {
		a = &w->attrs[i];
		mark = w->out->len;
		if (strcmp(a->name, "href") == 0) {
			if (a->value[0] != '#')
				continue;
			buf_puts(w->out, " href=\"#");
			put_ref(w, a->value + 1);
		} else if (strcmp(a->name, "d") == 0) {
			buf_puts(w->out, " d=\"");
			put_path(w->out, a->value);
		} else if (strcmp(a->name, "id") == 0) {
			buf_puts(w->out, " id=\"");
			put_id(w, a->value, strlen(a->value));
		} else {
			buf_printf(w->out, " %s=\"", a->name);
			if (!put_urls(w, a->value)) {
				w->out->len = mark;
				w->out->data[mark] = '\0';
				continue;
			}
		}
		buf_putc(w->out, '"');
	}
	if (root && w->label != NULL) {
		buf_puts(w->out, " role=\"img\" aria-label=\"");
		html_esc_attr(w->out, w->label, strlen(w->label));
		buf_putc(w->out, '"');
	} else if (root)
		buf_puts(w->out, " aria-hidden=\"true\"");
}

/*
 * Read the attributes of a start tag at s[*i], up to '>' or "/>".
 * Keep the listed ones in w->attrs.  Return 1 for a self-closing tag,
 * 0 for an open one, -1 if malformed.
 */
static int
tag_attrs(struct svgw *w, const char *s, size_t len, size_t *i)
{
	size_t		 p = *i, ns, nl, vs;
	char		 q;
	char		*style = NULL;
	int		 rc = -1;

	for (;;) {
		while (p < len && space(s[p]))
			p++;
		if (p >= len)
			goto out;
		if (s[p] == '>' || (s[p] == '/' && p + 1 < len &&
		    s[p + 1] == '>'))
			break;
		for (ns = p; p < len && namechar(s[p]); p++)
			continue;
		if ((nl = p - ns) == 0)
			goto out;
		while (p < len && space(s[p]))
			p++;
		if (p >= len || s[p++] != '=')
			goto out;
		while (p < len && space(s[p]))
			p++;
		if (p >= len || (s[p] != '"' && s[p] != '\''))
			goto out;
		q = s[p++];
		for (vs = p; p < len && s[p] != q; p++)
			if (s[p] == '<')
				goto out;
		if (p >= len)
			goto out;
		p++;
		if (w->skip)
			continue;
		if (nl == 5 && memcmp(s + ns, "style", 5) == 0) {
			free(style);
			style = xstrndup(s + vs, p - 1 - vs);
		} else if (nl == 10 && memcmp(s + ns, "xlink:href", 10) == 0)
			attr_set(w, "href", 4, s + vs, p - 1 - vs);
		else if (listed(geometry, s + ns, nl) ||
		    listed(paints, s + ns, nl) ||
		    (nl == 4 && memcmp(s + ns, "href", 4) == 0))
			attr_set(w, s + ns, nl, s + vs, p - 1 - vs);
	}
	if (style != NULL) {
		struct buf d = { NULL, 0, 0 };

		html_unesc(&d, style, strlen(style));
		if (d.data != NULL)
			style_split(w, d.data);
		buf_free(&d);
	}
	rc = s[p] == '/';
	*i = p + (rc ? 2 : 1);
out:
	free(style);
	return rc;
}

/* A <symbol> starts: remember where, and its id. */
static void
symbol_open(struct svgw *w)
{
	size_t	 i;

	w->symdepth = w->depth + 1;
	w->symmark = w->out->len;
	free(w->symid);
	w->symid = NULL;
	for (i = 0; i < w->nattrs; i++)
		if (strcmp(w->attrs[i].name, "id") == 0)
			w->symid = prefixed(w, w->attrs[i].value,
			    strlen(w->attrs[i].value));
}

/*
 * The <symbol> is complete in out: keep it under a page-wide id if it
 * is a glyph not seen yet on the page, else drop it; either way, its
 * own id now stands for the shared glyph.
 */
static void
symbol_close(struct svgw *w)
{
	struct buf	 key = { NULL, 0, 0 };
	const char	*t = w->out->data + w->symmark, *id, *q;
	size_t		 k;

	w->symdepth = 0;
	if (w->symid == NULL)
		return;
	/* The key is the symbol's text without its id="..." attribute. */
	if ((id = strstr(t, " id=\"")) == NULL ||
	    (q = strchr(id + 5, '"')) == NULL)
		goto out;
	buf_put(&key, t, (size_t)(id - t));
	buf_puts(&key, q + 1);
	if ((k = strmap_get(&w->share->glyphs, key.data)) == (size_t)-1) {
		k = w->share->nglyphs++;
		strmap_put(&w->share->glyphs, key.data, k);
		w->out->len = w->symmark;
		buf_put(w->out, key.data, (size_t)(id - t));
		buf_puts(w->out, " id=\"");
		put_glyph_id(w->out, k);
		buf_putc(w->out, '"');
		buf_puts(w->out, key.data + (id - t));
	} else {
		w->out->len = w->symmark;
		w->out->data[w->out->len] = '\0';
	}
	if (strmap_get(&w->share->ids, w->symid) == (size_t)-1)
		strmap_put(&w->share->ids, w->symid, k);
out:
	buf_free(&key);
	free(w->symid);
	w->symid = NULL;
}

/* A start tag at s[*i] (just after '<').  Return 0 if malformed. */
static int
start_tag(struct svgw *w, const char *s, size_t len, size_t *i)
{
	const char	*name;
	size_t		 ns = *i, p = *i;
	int		 closed, root;

	while (p < len && namechar(s[p]))
		p++;
	if (p == ns)
		return 0;
	name = w->skip ? NULL : element(s + ns, p - ns);
	if (name != NULL && w->depth == 0 && strcmp(name, "svg") != 0)
		name = NULL;	/* the root must be <svg> */
	if (name != NULL && w->depth == SVG_MAXDEPTH)
		return 0;
	if (!w->skip && name == NULL)
		w->skip = 1;
	else if (w->skip)
		w->skip++;
	*i = p;
	if ((closed = tag_attrs(w, s, len, i)) < 0)
		return 0;
	if (w->skip) {
		if (closed)
			w->skip--;
		return 1;
	}
	root = w->depth == 0;
	if (root && w->roots++ > 0)
		return 0;
	if (w->share != NULL && !closed && w->symdepth == 0 &&
	    strcmp(name, "symbol") == 0)
		symbol_open(w);
	buf_printf(w->out, "<%s", name);
	attrs_write(w, root);
	attrs_clear(w);
	if (closed)
		buf_puts(w->out, "/>");
	else {
		buf_putc(w->out, '>');
		w->stack[w->depth++] = name;
	}
	return 1;
}

static int
end_tag(struct svgw *w, const char *s, size_t len, size_t *i)
{
	size_t	 ns = *i, p = *i;

	while (p < len && namechar(s[p]))
		p++;
	while (p < len && space(s[p]))
		p++;
	if (p >= len || s[p] != '>')
		return 0;
	*i = p + 1;
	if (w->skip) {
		w->skip--;
		return 1;
	}
	while (ns < p && space(s[p - 1]))
		p--;
	if (w->depth == 0 || strlen(w->stack[w->depth - 1]) != p - ns ||
	    memcmp(w->stack[w->depth - 1], s + ns, p - ns) != 0)
		return 0;
	buf_printf(w->out, "</%s>", w->stack[--w->depth]);
	if (w->symdepth != 0 && w->depth == w->symdepth - 1)
		symbol_close(w);
	return 1;
}

/* Skip from s[*i] past the string end; return 0 if it is missing. */
static int
skip_past(const char *s, size_t len, size_t *i, const char *end)
{
	const char	*p;

	if ((p = memmem(s + *i, len - *i, end, strlen(end))) == NULL)
		return 0;
	*i = (size_t)(p - s) + strlen(end);
	return 1;
}

/* Where a <!...> declaration ends: "]>" if it has an internal subset. */
static const char *
doctype_end(const char *p, size_t n)
{
	const char	*gt, *br;

	gt = memchr(p, '>', n);
	br = memchr(p, '[', n);
	return br != NULL && (gt == NULL || br < gt) ? "]>" : ">";
}

static void
text(struct svgw *w, const char *s, size_t n)
{
	struct buf	 t = { NULL, 0, 0 };

	if (w->skip || w->depth == 0 || n == 0)
		return;
	html_unesc(&t, s, n);
	html_esc_text(w->out, t.data, t.len);
	buf_free(&t);
}

int
html_svg_inline(struct buf *out, const char *s, size_t len,
    const char *prefix, const char *label, struct html_svgshare *share)
{
	struct svgw	 w;
	size_t		 i = 0, start;
	const char	*p;
	int		 ok = 0;

	memset(&w, 0, sizeof(w));
	w.out = out;
	w.prefix = prefix;
	w.label = label;
	w.share = share;
	while (i < len) {
		start = i;
		while (i < len && s[i] != '<')
			i++;
		text(&w, s + start, i - start);
		if (i >= len)
			break;
		p = s + i;
		if (len - i >= 4 && memcmp(p, "<!--", 4) == 0) {
			if (!skip_past(s, len, &i, "-->"))
				goto out;
		} else if (len - i >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
			start = i + 9;
			if (!skip_past(s, len, &i, "]]>"))
				goto out;
			if (!w.skip && w.depth > 0)
				html_esc_text(out, s + start, i - 3 - start);
		} else if (len - i >= 2 && p[1] == '?') {
			if (!skip_past(s, len, &i, "?>"))
				goto out;
		} else if (len - i >= 2 && p[1] == '!') {
			/* A DOCTYPE, with any internal subset. */
			if (!skip_past(s, len, &i, doctype_end(p, len - i)))
				goto out;
		} else if (len - i >= 2 && p[1] == '/') {
			i += 2;
			if (!end_tag(&w, s, len, &i))
				goto out;
		} else {
			i++;
			if (!start_tag(&w, s, len, &i))
				goto out;
		}
	}
	ok = w.depth == 0 && w.skip == 0 && w.roots == 1;
out:
	attrs_clear(&w);
	free(w.symid);
	return ok;
}
