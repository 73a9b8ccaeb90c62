/*
 * test_html_esc.c: escaping for text, attributes, URLs and ids, the
 * link scheme check, and the SVG allow-list.  Expected strings are
 * written out by hand from the HTML and URL rules, not copied from
 * output.
 */
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "html.h"
#include "html_int.h"
#include "harness.h"

static char *
text(const char *s, size_t n)
{
	struct buf	 b = { NULL, 0, 0 };

	html_esc_text(&b, s, n);
	buf_put(&b, "", 0);
	return buf_steal(&b);
}

static char *
attr(const char *s)
{
	struct buf	 b = { NULL, 0, 0 };

	html_esc_attr(&b, s, strlen(s));
	buf_put(&b, "", 0);
	return buf_steal(&b);
}

static char *
url(const char *s)
{
	struct buf	 b = { NULL, 0, 0 };

	html_esc_url(&b, s);
	buf_put(&b, "", 0);
	return buf_steal(&b);
}

static char *
id(const char *s)
{
	struct buf	 b = { NULL, 0, 0 };

	html_esc_id(&b, s);
	return buf_steal(&b);
}

static char *
svg(const char *s, int *ok)
{
	struct buf	 b = { NULL, 0, 0 };

	*ok = html_svg_inline(&b, s, strlen(s), "fig1-", "A chart", NULL);
	buf_put(&b, "", 0);
	return buf_steal(&b);
}

#define T(in, want, what) do {						\
	char *g = text(in, sizeof(in) - 1);				\
	CHECK_STR(g, want, "text: %s", what);				\
	free(g);							\
} while (0)

#define A(in, want, what) do {						\
	char *g = attr(in);						\
	CHECK_STR(g, want, "attr: %s", what);				\
	free(g);							\
} while (0)

#define U(in, want) do {						\
	char *g = url(in);						\
	CHECK_STR(g, want, "url: %s", in);				\
	free(g);							\
} while (0)

#define I(in, want) do {						\
	char *g = id(in);						\
	CHECK_STR(g, want, "id: %s", in);				\
	free(g);							\
} while (0)

static void
test_text(void)
{
	T("plain text", "plain text", "plain");
	T("<script>a&b</script>", "&lt;script&gt;a&amp;b&lt;/script&gt;",
	    "markup");
	T("say \"hi\" it's", "say \"hi\" it's", "quotes stay in text");
	T("a\0b", "a\xEF\xBF\xBD" "b", "NUL becomes U+FFFD");
	T("a\x01\x1f\x7f" "b", "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b",
	    "C0 controls and DEL become U+FFFD");
	T("tab\tnl\ncr\r", "tab\tnl\ncr\r", "tab, newline, CR kept");
	T("c1\xC2\x85x", "c1\xEF\xBF\xBDx", "C1 control U+0085");
	T("bad\xC3\x28", "bad\xEF\xBF\xBD(", "invalid UTF-8");
	T("over\xC0\xAF", "over\xEF\xBF\xBD\xEF\xBF\xBD", "overlong '/'");
	T("sur\xED\xA0\x80", "sur\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
	    "UTF-16 surrogate");
	T("cut\xE2\x82", "cut\xEF\xBF\xBD\xEF\xBF\xBD", "truncated sequence");
	T("abc\xE2\x80\xAE" "cba", "abccba", "U+202E RLO dropped");
	T("\xE2\x81\xA6x\xE2\x81\xA9", "x", "U+2066/U+2069 isolates dropped");
	T("\xE2\x80\x8Fx", "\xE2\x80\x8Fx", "U+200F RLM kept");
	T("a\xE2\x80\xA8" "b\xE2\x80\xA9", "a&#x2028;b&#x2029;",
	    "U+2028/U+2029 as references");
	T("n\xEF\xBF\xBE\xEF\xB7\x90", "n\xEF\xBF\xBD\xEF\xBF\xBD",
	    "noncharacters U+FFFE, U+FDD0");
	T("\xF0\x9F\x98\x80 \xE7\xA8\x80", "\xF0\x9F\x98\x80 \xE7\xA8\x80",
	    "emoji and CJK kept");
}

static void
test_attr(void)
{
	A("\" onmouseover=\"x", "&quot; onmouseover=&quot;x", "double quote");
	A("it's", "it&#39;s", "single quote");
	A("a<b>&c", "a&lt;b&gt;&amp;c", "markup");
	A("x\xE2\x80\xAEy", "xy", "bidi override dropped");
}

static void
test_urls(void)
{
	static const struct { const char *url; int safe; } cases[] = {
		{ "https://example.org/", 1 },
		{ "HTTP://EXAMPLE.ORG", 1 },
		{ "mailto:desk@example.org", 1 },
		{ "#section-2", 1 },
		{ "report.pdf", 1 },
		{ "../other/page.html", 1 },
		{ "/abs/path", 1 },
		{ "?q=1", 1 },
		{ "a/b:c", 1 },
		{ "javascript:alert(1)", 0 },
		{ "JavaScript:alert(1)", 0 },
		{ " \x01javascript:alert(1)", 0 },
		{ "java\tscript:alert(1)", 0 },
		{ "java\nscript:alert(1)", 0 },
		{ "vbscript:msgbox(1)", 0 },
		{ "data:text/html;base64,PHNjcmlwdD4=", 0 },
		{ "data:image/png;base64,AAAA", 0 },
		{ "file:///etc/passwd", 0 },
		{ "ftp://example.org/", 0 },
		{ "x:y", 0 },
		{ "", 0 },
		{ "   ", 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK(html_url_safe(cases[i].url) == cases[i].safe,
		    "html_url_safe case %zu is %d", i, cases[i].safe);
	CHECK(html_url_safe(NULL) == 0, "html_url_safe(NULL) is 0");
	U("https://example.org/a b", "https://example.org/a%20b");
	U("https://x.org/?a=1&b=2", "https://x.org/?a=1&amp;b=2");
	U("https://x.org/\"><script>", "https://x.org/%22%3E%3Cscript%3E");
	U("https://x.org/it's", "https://x.org/it&#39;s");
	U("https://x.org/caf\xC3\xA9", "https://x.org/caf%C3%A9");
	U("https://x.org/%41", "https://x.org/%41");
	U("a\\b`c{d}", "a%5Cb%60c%7Bd%7D");
}

static void
test_ids(void)
{
	I("key-findings", "key-findings");
	I("fig_2", "fig_2");
	I("2-method", "x2-method");
	I("a b", "a_20b");
	I("x\" onclick=\"y", "x_22_20onclick_3d_22y");
	I("\xE8\xA6\x81\xE7\x82\xB9", "x_8981_70b9");
	I("", "x");
}

static void
test_css(void)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*css = "a{} </style><script>x</script>";

	html_esc_css(&b, css, strlen(css));
	CHECK_STR(b.data, "a{} <\\/style><script>x<\\/script>",
	    "style text cannot close <style>");
	buf_free(&b);
}

static void
test_unesc(void)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*s = "&lt;a&gt; &amp;amp; &quot;&apos; &#65;&#x42; "
	    "&#0; &nope; &#xD800; &";

	html_unesc(&b, s, strlen(s));
	CHECK_STR(b.data, "<a> &amp; \"' AB \xEF\xBF\xBD &nope; "
	    "\xEF\xBF\xBD &", "XML references decoded once");
	buf_free(&b);
}

/* Return 1 if s contains sub, ignoring ASCII case. */
static int
has(const char *s, const char *sub)
{
	return strcasestr(s, sub) != NULL;
}

/* Return 1 if sub occurs inside a tag (between '<' and '>') of s. */
static int
tag_has(const char *s, const char *sub)
{
	const char	*p, *e;
	size_t		 n = strlen(sub);

	for (p = s; (p = strchr(p, '<')) != NULL; p = e) {
		if ((e = strchr(p, '>')) == NULL)
			return 1;
		for (; p + n <= e; p++)
			if (strncasecmp(p, sub, n) == 0)
				return 1;
	}
	return 0;
}

static void
test_svg(void)
{
	char	*g;
	int	 ok;

	g = svg("<?xml version=\"1.0\"?>\n<!-- c -->\n<svg xmlns=\""
	    "http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/"
	    "1999/xlink\" width=\"10pt\" height=\"5pt\" viewBox=\"0 0 10 5\" "
	    "version=\"1.1\"><defs><clipPath id=\"clip1\"><path d=\"M 0 0 "
	    "L 1 1 Z\"/></clipPath><symbol overflow=\"visible\" id=\"glyph0-1\">"
	    "<path style=\"stroke:none;\" d=\"M 0 0\"/></symbol></defs>"
	    "<g clip-path=\"url(#clip1)\" style=\"fill:rgb(10%,20%,30%);"
	    "fill-opacity:1;\"><use xlink:href=\"#glyph0-1\" x=\"1\" y=\"2\"/>"
	    "</g></svg>\n", &ok);
	CHECK(ok, "Cairo-style SVG accepted");
	CHECK_STR(g, "<svg width=\"10pt\" height=\"5pt\" viewBox=\"0 0 10 5\" "
	    "role=\"img\" aria-label=\"A chart\"><defs><clipPath "
	    "id=\"fig1-clip1\"><path d=\"M 0 0 L 1 1 Z\"/></clipPath>"
	    "<symbol overflow=\"visible\" id=\"fig1-glyph0-1\"><path "
	    "d=\"M 0 0\" stroke=\"none\"/></symbol></defs><g "
	    "clip-path=\"url(#fig1-clip1)\" fill=\"rgb(10%,20%,30%)\" "
	    "fill-opacity=\"1\"><use href=\"#fig1-glyph0-1\" x=\"1\" y=\"2\"/>"
	    "</g></svg>", "SVG re-written: prefix, presentation attributes, "
	    "no XML declaration, comment or namespaces");
	free(g);

	g = svg("<svg id=\"fig1-x\"><use href=\"#fig1-x\"/></svg>", &ok);
	CHECK(ok && strstr(g, "id=\"fig1-x\"") != NULL &&
	    strstr(g, "href=\"#fig1-x\"") != NULL,
	    "ids already prefixed are kept as they are");
	free(g);

	g = svg("<svg onload=\"alert(1)\"><script>alert(2)</script>"
	    "<script><![CDATA[ alert(3) ]]></script>"
	    "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<img src=\"x\" onerror=\"alert(4)\"/></div></foreignObject>"
	    "<a xlink:href=\"javascript:alert(5)\"><rect width=\"1\"/></a>"
	    "<use xlink:href=\"http://evil.example/x.svg#a\"/>"
	    "<use href=\"data:image/svg+xml,&lt;svg onload=alert(6)&gt;\"/>"
	    "<rect fill=\"url(http://evil.example/p)\" onclick=\"alert(7)\" "
	    "style=\"fill:url('http://evil.example/q');stroke:red;"
	    "behavior:url(x.htc);-moz-binding:url(x.xml#b)\"/>"
	    "<image href=\"https://evil.example/i.png\"/>"
	    "<style>@import url(https://evil.example/s.css);</style>"
	    "<animate attributeName=\"href\" to=\"javascript:alert(8)\"/>"
	    "<set attributeName=\"onmouseover\" to=\"alert(9)\"/>"
	    "<title>&lt;script&gt;alert(10)&lt;/script&gt;</title>"
	    "<desc><![CDATA[<img src=x onerror=alert(11)>]]></desc>"
	    "</svg>", &ok);
	CHECK(ok, "hostile SVG is well-formed, so accepted");
	CHECK(!has(g, "<script") && !has(g, "alert(1)") && !has(g, "alert(2)")
	    && !has(g, "alert(3)"), "scripts and handlers removed");
	CHECK(!has(g, "foreignObject") && !has(g, "<img") && !has(g, "<a "),
	    "foreignObject and links removed");
	CHECK(!has(g, "evil.example") && !has(g, "javascript") &&
	    !has(g, "data:"), "nothing points outside the drawing");
	CHECK(!tag_has(g, " on") && !has(g, "behavior") && !has(g, "binding"),
	    "no event attributes, no style bindings");
	CHECK(!has(g, "<image") && !has(g, "<style") && !has(g, "<animate")
	    && !has(g, "<set"), "image, style, animate, set removed");
	CHECK(strstr(g, "<rect stroke=\"red\"/>") != NULL,
	    "harmless paint kept from style");
	CHECK(strstr(g, "<title>&lt;script&gt;alert(10)&lt;/script&gt;"
	    "</title>") != NULL, "title text stays text");
	CHECK(strstr(g, "<desc>&lt;img src=x onerror=alert(11)&gt;</desc>")
	    != NULL, "CDATA text is escaped");
	free(g);

	g = svg("<svg><g></svg>", &ok);
	CHECK(!ok, "mismatched end tag rejected");
	free(g);
	g = svg("<svg><path d=\"M 0 0", &ok);
	CHECK(!ok, "unterminated tag rejected");
	free(g);
	g = svg("<svg></svg><svg></svg>", &ok);
	CHECK(!ok, "two roots rejected");
	free(g);
	g = svg("<html><svg></svg></html>", &ok);
	CHECK(!ok && !has(g, "<svg"), "a root other than <svg> rejected");
	free(g);
	g = svg("<svg><path d=unquoted/></svg>", &ok);
	CHECK(!ok, "unquoted attribute rejected");
	free(g);
	g = svg("<!DOCTYPE svg [ <!ENTITY a \"aaaa\"> ]><svg>&a;</svg>", &ok);
	CHECK(ok && strstr(g, "<svg aria-hidden") == NULL &&
	    strstr(g, "&amp;a;") != NULL,
	    "DOCTYPE subset skipped, entities not expanded");
	free(g);
}

/*
 * Two charts of one page that draw the same glyph: the second refers
 * to the first's copy; a glyph only the second draws is kept; path
 * numbers are rounded to hundredths.
 */
static void
test_svg_share(void)
{
	static const char one[] = "<svg><defs><g>"
	    "<symbol overflow=\"visible\" id=\"glyph0-1\"><path d=\"M 0.75 0 "
	    "L 4.046875 -5.71875 Z\"/></symbol></g></defs>"
	    "<use href=\"#glyph0-1\" x=\"1\" y=\"2\"/></svg>";
	static const char two[] = "<svg><defs><g>"
	    "<symbol overflow=\"visible\" id=\"glyph0-1\"><path d=\"M 1 1 "
	    "Z\"/></symbol>"
	    "<symbol overflow=\"visible\" id=\"glyph0-2\"><path d=\"M 0.75 0 "
	    "L 4.046875 -5.71875 Z\"/></symbol></g></defs>"
	    "<use href=\"#glyph0-2\" x=\"3\" y=\"4\"/>"
	    "<use href=\"#glyph0-1\" x=\"5\" y=\"6\"/></svg>";
	struct html_svgshare *sh = html_svgshare_new();
	struct buf	 a = { NULL, 0, 0 }, b = { NULL, 0, 0 };

	CHECK(html_svg_inline(&a, one, sizeof(one) - 1, "fig1-", NULL, sh) &&
	    html_svg_inline(&b, two, sizeof(two) - 1, "fig2-", NULL, sh),
	    "two charts share a glyph table");
	CHECK(a.data && strstr(a.data, "<symbol overflow=\"visible\" "
	    "id=\"svg-glyph-0\"><path d=\"M 0.75 0 L 4.05 -5.72 Z\"") != NULL,
	    "the first chart keeps its glyph under a page-wide id, rounded");
	CHECK(a.data && strstr(a.data, "<use href=\"#svg-glyph-0\"") != NULL,
	    "and uses it by that id");
	CHECK(b.data && strstr(b.data, "id=\"svg-glyph-1\"><path d=\"M 1 1 "
	    "Z\"") != NULL, "a glyph new to the page is kept");
	CHECK(b.data && strstr(b.data, "4.05 -5.72") == NULL,
	    "a glyph the page has is not repeated");
	CHECK(b.data && strstr(b.data, "<use href=\"#svg-glyph-0\" x=\"3\"")
	    != NULL && strstr(b.data, "<use href=\"#svg-glyph-1\" x=\"5\"")
	    != NULL, "the second chart's uses point at the shared glyphs");
	buf_free(&a);
	buf_free(&b);
	html_svgshare_free(sh);
}

static void
test_svg_deep(void)
{
	struct buf	 in = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	int		 i;

	buf_puts(&in, "<svg>");
	for (i = 0; i < 100; i++)
		buf_puts(&in, "<g>");
	for (i = 0; i < 100; i++)
		buf_puts(&in, "</g>");
	buf_puts(&in, "</svg>");
	CHECK(!html_svg_inline(&out, in.data, in.len, "p-", NULL, NULL),
	    "nesting deeper than 64 rejected");
	buf_free(&in);
	buf_free(&out);
}

int
main(void)
{
	test_text();
	test_attr();
	test_urls();
	test_ids();
	test_css();
	test_unesc();
	test_svg();
	test_svg_deep();
	test_svg_share();
	HARNESS_END();
}
