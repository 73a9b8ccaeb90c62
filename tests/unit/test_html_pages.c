/*
 * test_html_pages.c: whole pages from hand-built documents.
 *
 *	test_html_pages                 check the pages (run by tests/run)
 *	test_html_pages --write DIR     write them for the golden and
 *	                                browser cases (tests/cases/html*.sh)
 *
 * DIR gets sample.html (every node type), hostile.html (hostile values
 * everywhere), cobalt-zh.html (Chinese, automatic contents), their
 * index.html and feed.atom, and assets/ with the same pages using a
 * shared style sheet.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "aux.h"
#include "doc.h"
#include "html.h"
#include "harness.h"
#include "html_sample.h"
#include "utf8.h"

#define CHART	"tests/html/fixtures/chart.svg"

static char	*page(int, const char *, const char *);
static char	*page_unsafe(const char *);
static int	 write_site(const char *, const char *, const char *);
static void	 check_site(const char *);

static size_t
count(const char *s, const char *sub)
{
	size_t	 n = 0;

	while ((s = strstr(s, sub)) != NULL) {
		n++;
		s += strlen(sub);
	}
	return n;
}

/* The values of every attr="..." in s, newline-separated. */
static char *
values(const char *s, const char *attr)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*p, *q;
	char		*pat;

	pat = xasprintf(" %s=\"", attr);
	buf_put(&b, "\n", 1);
	for (p = s; (p = strstr(p, pat)) != NULL; p = q) {
		p += strlen(pat);
		if ((q = strchr(p, '"')) == NULL)
			break;
		buf_put(&b, p, (size_t)(q - p));
		buf_putc(&b, '\n');
	}
	free(pat);
	return buf_steal(&b);
}

/*
 * Every internal link points at an id on the page, no id is used
 * twice, and every other link is one html_url_safe accepts.
 */
static void
check_links(const char *page, const char *name)
{
	char		*ids, *hrefs, *line, *end, *want;
	int		 dup = 0, dangling = 0, unsafe = 0;

	ids = values(page, "id");
	hrefs = values(page, "href");
	for (line = ids + 1; *line != '\0'; line = end + 1) {
		end = strchr(line, '\n');
		*end = '\0';
		want = xasprintf("\n%s\n", line);
		*end = '\n';
		if (count(ids, want) != 1)
			dup++;
		free(want);
	}
	for (line = hrefs + 1; *line != '\0'; line = end + 1) {
		end = strchr(line, '\n');
		*end = '\0';
		if (line[0] == '#') {
			want = xasprintf("\n%s\n", line + 1);
			if (strstr(ids, want) == NULL) {
				printf("#   dangling %s\n", line);
				dangling++;
			}
			free(want);
		} else if (!html_url_safe(line))
			unsafe++;
		*end = '\n';
	}
	CHECK(dup == 0, "%s: every id is unique", name);
	CHECK(dangling == 0, "%s: every #link has its target", name);
	CHECK(unsafe == 0, "%s: every other link is http(s), mailto or "
	    "relative", name);
	free(ids);
	free(hrefs);
}

/* Nothing on a self-contained page can load anything. */
static void
check_contained(const char *page, const char *name)
{
	CHECK(!attr_has(page, "src") && !attr_has(page, "srcset") &&
	    !attr_has(page, "poster") && !attr_has(page, "background") &&
	    !elem_has(page, "script") && !elem_has(page, "iframe") &&
	    !elem_has(page, "object") && !elem_has(page, "embed") &&
	    !elem_has(page, "image") && strstr(page, "rel=\"stylesheet\"")
	    == NULL && strstr(page, "rel=\"preload\"") == NULL &&
	    strstr(page, "rel=\"icon\"") == NULL,
	    "%s: no element or attribute that loads a resource", name);
	CHECK(count(page, "url(") == count(page, "url(#"),
	    "%s: no url() but references inside the page", name);
	CHECK(strstr(page, "@import") == NULL && strstr(page, "@font-face")
	    == NULL, "%s: no @import, no web fonts", name);
}

static void
check_sample(const char *svg)
{
	char	*p, *q, *u;

	p = page(0, svg, NULL);
	q = page(0, svg, NULL);
	CHECK(strcmp(p, q) == 0, "sample: same document, same bytes");
	CHECK(strncmp(p, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">", 61) == 0, "sample: doctype, lang, "
	    "charset first");
	CHECK(strstr(p, "<title>Cobalt: supply concentration in 2023</title>")
	    != NULL, "sample: title");
	CHECK(strstr(p, "<a class=\"skip\" href=\"#main\">") != NULL &&
	    strstr(p, "<main id=\"main\">") != NULL, "sample: skip link to "
	    "main");
	CHECK(strstr(p, "<time datetime=\"2025-07-25\">25 July 2025</time>")
	    != NULL, "sample: date in words with a machine-readable time");
	CHECK(count(p, "<h1>") == 1 && count(p, "<h2 id=") == 4 + 1 &&
	    count(p, "<h3 id=") == 1, "sample: one h1, body ## as h2 (and "
	    "Contents), ### as h3");
	CHECK(count(p, "<section>") == 5 && count(p, "</section>") ==
	    count(p, "<section") , "sample: one section per heading, all "
	    "closed");
	CHECK(strstr(p, "<nav class=\"toc\" id=\"toc\" aria-labelledby=\""
	    "toc-title\">\n<h2 id=\"toc-title\">In this briefing</h2>") !=
	    NULL && strstr(p,
	    "<li><a href=\"#table\"><span class=\"num\">2.1</span> The "
	    "numbers</a></li>") != NULL, "sample: nav contents with "
	    "numbered entries");
	CHECK(strstr(p, "<figure class=\"chart\" id=\"fig-producers\">") !=
	    NULL && strstr(p, "<figcaption><span class=\"label\">Figure 1"
	    "</span> Cobalt mine production, 2023 <span class=\"source\">"
	    "Source: USGS Mineral Commodity Summaries 2024</span>"
	    "</figcaption>") != NULL, "sample: figure with number, caption "
	    "and source");
	CHECK(strstr(p, "<svg width=\"480pt\" height=\"240pt\" viewBox=\"0 "
	    "0 480 240\" role=\"img\" aria-label=\"Bar chart: Congo") != NULL,
	    "sample: chart inline as SVG with its alt text");
	CHECK(strstr(p, "<caption><span class=\"label\">Table 1</span> Mine "
	    "production by country, 2023</caption>") != NULL,
	    "sample: table caption with number");
	CHECK(strstr(p, "<th scope=\"col\" class=\"num\">Mine production "
	    "(t)</th>") != NULL && strstr(p, "<tr><th scope=\"row\">Canada"
	    "</th><td class=\"num\">W</td>") != NULL, "sample: th scope, "
	    "row headers, numbers right-aligned, W for withheld");
	CHECK(strstr(p, "<a class=\"xref\" href=\"#fig-producers\">Figure 1"
	    "</a>") != NULL && strstr(p, "<a class=\"cite\" href=\"#src-1\">"
	    "[1]</a>") != NULL && strstr(p, "<li id=\"src-1\" value=\"1\">")
	    != NULL, "sample: cross-reference and citation links");
	CHECK(strstr(p, "<div class=\"callout callout-key-findings\" "
	    "role=\"note\">\n<p class=\"callout-title\">In brief</p>") !=
	    NULL, "sample: call-out");
	CHECK(strstr(p, "<ul>\n<li>Congo (Kinshasa) leads.</li>") != NULL &&
	    strstr(p, "<ol start=\"3\">") != NULL && strstr(p,
	    "<li><p>A loose item.</p>") != NULL, "sample: tight, loose and "
	    "numbered lists");
	CHECK(strstr(p, "country&#32;&#32;\ntop: 3</code></pre>") != NULL,
	    "sample: code block keeps its spaces, no trailing white space");
	CHECK(strstr(p, "CO<sup>2</sup>\nand the <code>cobalt.csv</code>")
	    != NULL && strstr(p, "<br>\n") != NULL,
	    "sample: sup, soft and hard breaks, code");
	CHECK(strstr(p, "raw block") == NULL, "sample: raw HTML dropped");
	CHECK(strstr(p, "<a class=\"image\" href=\"map.png\">a map of the "
	    "mines</a>") != NULL, "sample: an image becomes a link, loads "
	    "nothing");
	CHECK(strstr(p, "--accent: #7a1f3d;") != NULL, "sample: accent-color "
	    "setting reaches the CSS");
	CHECK(strstr(p, " \n") == NULL && strstr(p, "\t\n") == NULL,
	    "sample: no line ends in white space");
	check_links(p, "sample");
	check_contained(p, "sample");
	free(q);
	u = page_unsafe(svg);
	CHECK(strstr(u, "<div class=\"raw\">raw block</div>") != NULL &&
	    strstr(u, "<img src=\"map.png\" alt=\"a map of the mines\">")
	    != NULL, "sample --unsafe: raw HTML and images kept");
	free(u);
	free(p);
}

static void
check_hostile(const char *svg)
{
	char	*p;
	size_t	 bad;

	p = page(1, svg, NULL);
	CHECK(!elem_has(p, "script") && strstr(p, "<script") == NULL,
	    "hostile: no script element anywhere");
	CHECK(!attr_has(p, "on"), "hostile: no event handler attribute");
	CHECK(strstr(p, "<img") == NULL && strstr(p, "<svg onload") == NULL &&
	    strstr(p, "<b onclick") == NULL, "hostile: no element from data");
	CHECK(strstr(p, "href=\"javascript") == NULL &&
	    strstr(p, "href=\"vbscript") == NULL && strstr(p, "href=\"data:")
	    == NULL && strstr(p, "href=\"file:") == NULL,
	    "hostile: javascript:, vbscript:, data:, file: links dropped");
	CHECK(strstr(p, "js link") != NULL, "hostile: a dropped link keeps "
	    "its text");
	CHECK(strstr(p, "\xE2\x80\xAE") == NULL && strstr(p,
	    "\xE2\x80\xA8") == NULL, "hostile: no raw U+202E or U+2028");
	CHECK(utf8_valid(p, strlen(p), &bad), "hostile: page is valid UTF-8");
	CHECK(strstr(p, "\x01") == NULL && strstr(p, "\x7f") == NULL,
	    "hostile: no control characters");
	CHECK(strstr(p, "display:none") == NULL && strstr(p,
	    "--link: #123;") != NULL, "hostile: a colour setting that is "
	    "not a colour is refused, a good one kept");
	CHECK(strstr(p, "<html lang=\"en\">") != NULL,
	    "hostile: a bad language tag falls back to en");
	CHECK(strstr(p, "<th scope=\"row\">&lt;script&gt;alert('x')&lt;/"
	    "script&gt;</th>") != NULL, "hostile: a script in a cell is text");
	CHECK(strstr(p, "<a href=\"https://example.org/a%20b%22c%3Cd%3E&#39;e\""
	    " title=\"&quot; onmouseover=&quot;alert(1)\">") != NULL,
	    "hostile: URL and title escaped");
	check_links(p, "hostile");
	check_contained(p, "hostile");
	free(p);
}

static void
check_zh(const char *svg)
{
	char	*p;

	p = page(2, svg, NULL);
	CHECK(strstr(p, "<html lang=\"zh\">") != NULL, "zh: lang");
	CHECK(strstr(p, "2025年7月11日") != NULL, "zh: date in Chinese");
	CHECK(strstr(p, "<span class=\"label\">图1</span>") != NULL &&
	    strstr(p, "<span class=\"label\">表1</span>") != NULL,
	    "zh: figure and table labels");
	CHECK(strstr(p, "</header>\n<nav class=\"toc\"") != NULL,
	    "zh: no marker, so the contents come before main");
	CHECK(strstr(p, "<h2 id=\"x_8981_70b9\">") != NULL &&
	    strstr(p, "<h3 id=") != NULL, "zh: # headings as h2 under the "
	    "title, ids made valid");
	CHECK(strstr(p, "</section>\n</section>\n</section>\n<section class="
	    "\"sources\">\n<h2 id=\"sources\">参考资料</h2>\n<ol class=\""
	    "sources\">\n<li id=\"src-1\" value=\"1\">") != NULL,
	    "zh: a titled sources marker closes the sections and opens its "
	    "own");
	CHECK(strstr(p, "细节") != NULL && strstr(p, "<a href=\"#x_7ec6_8282"
	    "\">") == NULL, "zh: contents stop at depth 2");
	check_links(p, "zh");
	free(p);
}

static struct doc *
make(int which, const char *svg)
{
	switch (which) {
	case 0:
		return sample_doc(svg);
	case 1:
		return hostile_doc(svg);
	default:
		return zh_doc(svg);
	}
}

static char *
page(int which, const char *svg, const char *assets)
{
	struct html_opts o;
	struct doc	*d;
	struct buf	 b = { NULL, 0, 0 };

	html_opts_defaults(&o);
	o.assets = assets;
	d = make(which, svg);
	if (!html_write(d, &o, &b))
		printf("not ok - html_write %s\n", d->name);
	doc_free(d);
	return buf_steal(&b);
}

static char *
page_unsafe(const char *svg)
{
	struct html_opts o;
	struct doc	*d;
	struct buf	 b = { NULL, 0, 0 };

	html_opts_defaults(&o);
	o.unsafe = 1;
	d = sample_doc(svg);
	html_write(d, &o, &b);
	doc_free(d);
	return buf_steal(&b);
}

static int
save(const char *dir, const char *file, const char *data)
{
	char	*path;
	int	 ok;

	path = path_join(dir, file);
	ok = file_write_atomic(path, data, strlen(data));
	if (!ok)
		fprintf(stderr, "cannot write %s\n", path);
	free(path);
	return ok;
}

/* Write the pages of one folder, then its index and feed. */
static int
write_site(const char *dir, const char *svg, const char *assets)
{
	struct html_opts o;
	struct html_entry e[3];
	struct doc	*d;
	struct buf	 css = { NULL, 0, 0 };
	char		*p, *sub, *file;
	int		 i, ok = 1;

	if (!dir_make(dir))
		return 0;
	for (i = 0; i < 3; i++) {
		p = page(i, svg, assets);
		d = make(i, svg);
		file = xasprintf("%s.html", d->name);
		ok = save(dir, file, p) && ok;
		free(file);
		free(p);
		html_entry_set(&e[i], d);
		doc_free(d);
	}
	html_opts_defaults(&o);
	o.assets = assets;
	o.now = 1753401600;
	/* Two built now, one found in the folder. */
	ok = html_site(dir, e, 2, &o) && ok;
	if (assets != NULL) {
		sub = path_join(dir, assets);
		ok = dir_make(sub) && ok;
		html_css_write(&o, &css);
		ok = save(sub, HTML_CSS_FILE, css.data) && ok;
		buf_free(&css);
		free(sub);
	}
	for (i = 0; i < 3; i++)
		html_entry_free(&e[i]);
	return ok;
}

/* The index and feed of a folder, and pages read back. */
static void
check_site(const char *svg)
{
	struct html_entry e;
	char		 tmpl[] = "/tmp/test_html_pages.XXXXXX";
	char		*dir, *path, *idx, *feed, *a, *b, *c;

	if ((dir = mkdtemp(tmpl)) == NULL || !write_site(dir, svg, NULL)) {
		CHECK(0, "site written");
		return;
	}
	path = path_join(dir, "hostile.html");
	CHECK(html_entry_read(path, &e), "hostile page read back");
	CHECK_STR(e.title, "Hostile " EVIL_SCRIPT, "hostile: title read "
	    "back decoded");
	CHECK_STR(e.summary, EVIL_SCRIPT "line\xE2\x80\xA8sep",
	    "hostile: summary read back decoded");
	CHECK(e.date == NULL, "hostile: a date that is not a date is none");
	html_entry_free(&e);
	free(path);
	path = path_join(dir, "index.html");
	idx = slurp(path);
	free(path);
	path = path_join(dir, "feed.atom");
	feed = slurp(path);
	free(path);
	CHECK(idx != NULL && feed != NULL, "index.html and feed.atom written");
	if (idx == NULL || feed == NULL)
		goto out;
	a = strstr(idx, "href=\"./sample.html\"");
	b = strstr(idx, "href=\"./cobalt-zh.html\"");
	c = strstr(idx, "href=\"./hostile.html\"");
	CHECK(a != NULL && b != NULL && c != NULL && a < b && b < c,
	    "index: newest first (07-25, 07-11), undated last; "
	    "relative links");
	CHECK(strstr(idx, "<li class=\"entry\" lang=\"zh\">") != NULL,
	    "index: an entry in another language says so");
	CHECK(strstr(idx, "<time datetime=\"2025-07-25\">25 July 2025</time>")
	    != NULL && strstr(idx, "<p>Congo (Kinshasa) mined 74% of the "
	    "world's cobalt in 2023.</p>") != NULL, "index: date and summary");
	CHECK(strstr(idx, "<li class=\"entry\">\n<h2><a href=\"./hostile."
	    "html\">Hostile &lt;script&gt;") != NULL, "index: titles read "
	    "back are escaped again");
	check_links(idx, "index");
	check_contained(idx, "index");
	CHECK(strncmp(feed, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\"", 78) == 0,
	    "feed: Atom");
	CHECK(strstr(feed, "<updated>2025-07-25T00:00:00Z</updated>\n"
	    "<author>") != NULL, "feed: updated is the newest date");
	CHECK(strstr(feed, "<id>tag:briefgen,2025-07-25:sample</id>") != NULL &&
	    strstr(feed, "<link rel=\"alternate\" type=\"text/html\" "
	    "href=\"./sample.html\"/>") != NULL, "feed: entry id and "
	    "relative link");
	/* The undated entry is dated by SOURCE_DATE_EPOCH (2025-07-25). */
	CHECK(strstr(feed, "<id>tag:briefgen,2025-07-25:hostile</id>") != NULL,
	    "feed: an undated entry takes the build date");
	CHECK(count(feed, "<entry>") == 3, "feed: three entries");
out:
	free(idx);
	free(feed);
	path = xasprintf("rm -rf '%s'", dir);
	if (system(path) != 0)
		printf("# could not remove %s\n", dir);
	free(path);
}

int
main(int argc, char *argv[])
{
	char	*svg, *sub;

	if ((svg = slurp(CHART)) == NULL) {
		printf("not ok - read %s\n", CHART);
		return 1;
	}
	if (argc >= 3 && strcmp(argv[1], "--write") == 0) {
		if (argc == 4) {
			free(svg);
			if ((svg = slurp(argv[3])) == NULL)
				return 1;
		}
		sub = path_join(argv[2], "shared");
		if (!write_site(argv[2], svg, NULL) ||
		    !write_site(sub, svg, "assets"))
			return 1;
		free(sub);
		free(svg);
		return 0;
	}
	check_sample(svg);
	check_hostile(svg);
	check_zh(svg);
	check_site(svg);
	free(svg);
	HARNESS_END();
}
