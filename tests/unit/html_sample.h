/*
 * html_sample.h: documents built by hand for the HTML tests, with
 * every node type of doc.h, hostile values in every place data can
 * reach, and a Chinese one.  Included by test_html*.c only.
 */
#ifndef HTML_SAMPLE_H
#define HTML_SAMPLE_H

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "data.h"
#include "doc.h"
#include "fmt.h"

static char *
sdup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Append a node of type t with text to p; return it. */
static struct node *
add(struct node *p, enum ntype t, const char *text)
{
	struct node	*n;

	n = node_new(t, 1, 1);
	n->text = sdup(text);
	node_append(p, n);
	return n;
}

static struct node *
para(struct node *p, const char *text)
{
	struct node	*n = add(p, N_PARAGRAPH, NULL);

	add(n, N_TEXT, text);
	return n;
}

static struct node *
heading(struct node *p, int level, const char *num, const char *id,
    const char *text)
{
	struct node	*n = add(p, N_HEADING, NULL);

	n->level = level;
	n->number = sdup(num);
	n->id = sdup(id);
	add(n, N_TEXT, text);
	return n;
}

static void
source(struct doc *d, const char *id, const char *text, const char *url)
{
	d->sources = xreallocarray(d->sources, d->nsources + 1,
	    sizeof(*d->sources));
	d->sources[d->nsources].id = sdup(id);
	d->sources[d->nsources].text = sdup(text);
	d->sources[d->nsources].url = sdup(url);
	d->sources[d->nsources].num = (int)d->nsources + 1;
	d->nsources++;
}

/* A producers table: name, tonnes, share; the names given. */
static struct table *
producers(const char *const *names, const double *t, size_t n)
{
	struct table	*tb;
	struct value	 w;
	size_t		 i, r;

	tb = table_new("producers");
	table_addcol(tb, "country", CT_TEXT);
	table_addcol(tb, "tonnes", CT_INT);
	table_addcol(tb, "share", CT_DEC);
	for (i = 0; i < n; i++) {
		r = table_addrow(tb, i + 2);
		table_settext(tb, r, 0, names[i]);
		if (t[i] < 0) {
			memset(&w, 0, sizeof(w));
			w.kind = V_WITHHELD;
			w.str = "W";
			table_set(tb, r, 1, &w);
		} else
			table_setnum(tb, r, 1, t[i]);
		table_setnum(tb, r, 2, t[i] < 0 ? 0 : t[i] / 2e5);
	}
	return tb;
}

static struct node *
figure(struct node *p, int num, const char *id, const char *svg,
    const char *caption, const char *src, const char *alt,
    struct table *data)
{
	struct node	*n = add(p, N_FIGURE, NULL);

	n->num = num;
	n->id = sdup(id);
	n->fig = xcalloc(1, sizeof(*n->fig));
	n->fig->caption = sdup(caption);
	n->fig->source = sdup(src);
	n->fig->alt = sdup(alt);
	n->fig->svg = sdup(svg);
	n->fig->data = data;
	return n;
}

static struct node *
datatable(struct node *p, int num, const char *id, const char *caption,
    const char *src, const char *note, struct table *data,
    const char *const *heads)
{
	struct node	*n = add(p, N_TABLE, NULL);
	struct tab	*t;
	size_t		 c;

	n->num = num;
	n->id = sdup(id);
	n->tab = t = xcalloc(1, sizeof(*t));
	t->data = data;
	t->caption = sdup(caption);
	t->source = sdup(src);
	t->note = sdup(note);
	t->ncols = table_ncols(data);
	t->heads = xcalloc(t->ncols, sizeof(char *));
	t->fmts = xcalloc(t->ncols, sizeof(*t->fmts));
	t->align = xcalloc(t->ncols, sizeof(*t->align));
	for (c = 0; c < t->ncols; c++) {
		t->heads[c] = xstrdup(heads[c]);
		numfmt_defaults(&t->fmts[c]);
		t->align[c] = c == 0 ? TA_LEFT : TA_RIGHT;
	}
	return n;
}

static void
opt(struct doc *d, const char *key, const char *value)
{
	d->opts = xreallocarray(d->opts, d->nopts + 1, sizeof(*d->opts));
	d->opts[d->nopts].key = xstrdup(key);
	d->opts[d->nopts].value = xstrdup(value);
	d->opts[d->nopts].file = xstrdup("sample.md");
	d->opts[d->nopts].line = 3;
	d->opts[d->nopts].col = 3;
	d->nopts++;
}

/* Every node type, with ordinary values. */
static struct doc *
sample_doc(const char *svg)
{
	static const char *const names[] = {
		"Congo (Kinshasa)", "Indonesia", "Russia", "Australia",
		"Canada"
	};
	static const double tonnes[] = { 170000, 17000, 8800, 4600, -1 };
	static const char *const heads[] = {
		"Country", "Mine production (t)", "Share"
	};
	struct doc	*d;
	struct node	*r, *p, *n, *l, *i, *c;

	d = doc_new("examples/sample.md");
	d->meta.title = xstrdup("Cobalt: supply concentration in 2023");
	d->meta.subtitle = xstrdup("Who mines the world's cobalt");
	d->meta.date = xstrdup("2025-07-25");
	d->meta.author = xstrdup("Critical Minerals Desk");
	d->meta.organisation = xstrdup("Strategic Metals Observatory");
	d->meta.edition = xstrdup("Week 30, 2025");
	d->meta.lang = xstrdup("en");
	d->meta.summary = xstrdup("Congo (Kinshasa) mined 74% of the "
	    "world's cobalt in 2023.");
	d->meta.keywords = xstrdup("cobalt, supply, concentration");
	opt(d, "accent-color", "#7a1f3d");
	r = d->root;
	n = add(r, N_TOC, NULL);
	n->title = xstrdup("In this briefing");
	heading(r, 2, "1", "key-findings", "Key findings");
	c = add(r, N_CALLOUT, NULL);
	c->info = xstrdup("key-findings");
	c->title = xstrdup("In brief");
	p = add(c, N_PARAGRAPH, NULL);
	add(p, N_TEXT, "Three producers mined ");
	add(p, N_VALUE, "87.2%");
	add(p, N_TEXT, " of the world's cobalt ");
	n = add(p, N_CITE, NULL);
	n->num = 1;
	n->id = xstrdup("usgs");
	add(p, N_TEXT, ".");
	p = add(r, N_PARAGRAPH, NULL);
	add(p, N_TEXT, "See ");
	n = add(p, N_XREF, "Figure 1");
	n->id = xstrdup("fig-producers");
	add(p, N_TEXT, " and ");
	n = add(p, N_XREF, "Table 1");
	n->id = xstrdup("tab-producers");
	add(p, N_TEXT, "; values in ");
	add(n = add(p, N_EMPH, NULL), N_TEXT, "tonnes");
	add(p, N_TEXT, ", ");
	add(add(p, N_STRONG, NULL), N_TEXT, "mine production");
	add(p, N_TEXT, ", CO");
	add(add(p, N_SUP, NULL), N_TEXT, "2");
	add(p, N_SOFTBREAK, NULL);
	add(p, N_TEXT, "and the ");
	add(p, N_CODE, "cobalt.csv");
	add(p, N_TEXT, " file.");
	add(p, N_LINEBREAK, NULL);
	n = add(p, N_LINK, NULL);
	n->url = xstrdup("https://www.usgs.gov/centers/national-minerals-"
	    "information-center/cobalt-statistics-and-information");
	n->title = xstrdup("USGS cobalt");
	add(n, N_TEXT, "USGS cobalt page");
	add(p, N_TEXT, ", ");
	n = add(p, N_LINK, NULL);
	n->url = xstrdup("#method");
	add(n, N_TEXT, "the method");
	add(p, N_TEXT, " and ");
	n = add(p, N_IMAGE, NULL);
	n->url = xstrdup("map.png");
	add(n, N_TEXT, "a map of the mines");
	add(p, N_TEXT, ".");
	heading(r, 2, "2", "producers", "Producers");
	figure(r, 1, "fig-producers", svg, "Cobalt mine production, 2023",
	    "Source: USGS Mineral Commodity Summaries 2024", "Bar chart: "
	    "Congo (Kinshasa) 170,000 t, far ahead of Indonesia 17,000 t.",
	    producers(names, tonnes, 5));
	heading(r, 3, "2.1", "table", "The numbers");
	datatable(r, 1, "tab-producers", "Mine production by country, "
	    "2023", "USGS Mineral Commodity Summaries 2024",
	    "W: withheld to avoid disclosing company data.",
	    producers(names, tonnes, 5), heads);
	l = add(r, N_LIST, NULL);
	l->tight = 1;
	i = add(l, N_ITEM, NULL);
	para(i, "Congo (Kinshasa) leads.");
	i = add(l, N_ITEM, NULL);
	para(i, "Indonesia grows fast.");
	n = add(i, N_LIST, NULL);
	n->ordered = 1;
	n->start = 3;
	n->tight = 1;
	para(add(n, N_ITEM, NULL), "Third, nested.");
	heading(r, 2, "3", "method", "Method");
	para(add(r, N_QUOTE, NULL), "Data are estimates.");
	n = add(r, N_CODEBLOCK, "query: sum(tonnes) by country  \n"
	    "top: 3\n");
	n->info = xstrdup("yaml extra");
	add(r, N_HRULE, NULL);
	add(r, N_HTMLBLOCK, "<div class=\"raw\">raw block</div>");
	l = add(r, N_LIST, NULL);
	l->tight = 0;
	para(add(l, N_ITEM, NULL), "A loose item.");
	para(add(l, N_ITEM, NULL), "Another one.");
	heading(r, 2, NULL, "sources-h", "Sources");
	add(r, N_SOURCES, NULL);
	source(d, "usgs", "U.S. Geological Survey, Mineral Commodity "
	    "Summaries 2024.", "https://pubs.usgs.gov/periodicals/mcs2024/"
	    "mcs2024.pdf");
	d->nfigures = 1;
	d->ntables = 1;
	return d;
}

/* The same shape, with hostile values wherever data can go. */
#define EVIL_SCRIPT	"<script>alert('x')</script>"
#define EVIL_IMG	"<img src=x onerror=alert(1)>"
#define EVIL_ATTR	"\" onmouseover=\"alert(1)"
#define EVIL_BIDI	"abc\xE2\x80\xAE" "cba"	/* U+202E RLO */
#define EVIL_LS		"line\xE2\x80\xA8sep"	/* U+2028 */
#define EVIL_BAD	"bad\xC3\x28utf8\xC0\xAF\x7F\xC2\x85"
#define EVIL_NONCHAR	"x\xEF\xBF\xBEy"		/* U+FFFE */
#define EVIL_SVG	"<svg onload=alert(1)><script>alert(2)</script></svg>"

static struct doc *
hostile_doc(const char *svg)
{
	static const char *const names[] = {
		EVIL_SCRIPT, EVIL_IMG, EVIL_ATTR, EVIL_BIDI, EVIL_LS,
		EVIL_BAD, EVIL_NONCHAR, EVIL_SVG, "nul\x01" "ctl"
	};
	static const double tonnes[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	static const char *const heads[] = {
		EVIL_SCRIPT, EVIL_ATTR, EVIL_BIDI
	};
	struct doc	*d;
	struct node	*r, *p, *n;

	d = doc_new("hostile.md");
	d->meta.title = xstrdup("Hostile " EVIL_SCRIPT);
	d->meta.date = xstrdup("2025-07-18\"><script>");
	d->meta.author = xstrdup(EVIL_ATTR);
	d->meta.organisation = xstrdup(EVIL_IMG);
	d->meta.edition = xstrdup(EVIL_BIDI);
	d->meta.lang = xstrdup("en\" onload=\"x");
	d->meta.summary = xstrdup(EVIL_SCRIPT EVIL_LS);
	d->meta.keywords = xstrdup(EVIL_ATTR);
	opt(d, "accent-color", "red;} body{display:none");
	opt(d, "link-color", "#123");
	r = d->root;
	heading(r, 2, "1<b>", "x\" onclick=\"y", EVIL_SCRIPT);
	p = para(r, EVIL_SCRIPT " " EVIL_IMG " " EVIL_BIDI " " EVIL_LS
	    " " EVIL_BAD " " EVIL_NONCHAR);
	add(p, N_VALUE, EVIL_SVG);
	add(p, N_HTMLINLINE, "<b onclick=alert(1)>raw</b>");
	n = add(p, N_LINK, NULL);
	n->url = xstrdup("javascript:alert(1)");
	add(n, N_TEXT, "js link");
	n = add(p, N_LINK, NULL);
	n->url = xstrdup(" JaVa\tScRiPt:alert(1)");
	add(n, N_TEXT, "js link 2");
	n = add(p, N_LINK, NULL);
	n->url = xstrdup("data:text/html;base64,PHNjcmlwdD4=");
	add(n, N_TEXT, "data link");
	n = add(p, N_LINK, NULL);
	n->url = xstrdup("vbscript:msgbox(1)");
	add(n, N_TEXT, "vbs link");
	n = add(p, N_LINK, NULL);
	n->url = xstrdup("file:///etc/passwd");
	add(n, N_TEXT, "file link");
	n = add(p, N_LINK, NULL);
	n->url = xstrdup("https://example.org/a b\"c<d>'e");
	n->title = xstrdup(EVIL_ATTR);
	add(n, N_TEXT, "odd link");
	n = add(p, N_IMAGE, NULL);
	n->url = xstrdup("javascript:alert(1)");
	add(n, N_TEXT, EVIL_ATTR);
	n = add(p, N_XREF, EVIL_SCRIPT);
	n->id = xstrdup("x\" onclick=\"y");
	n = add(p, N_CODE, EVIL_SCRIPT);
	add(r, N_HTMLBLOCK, "<script>alert(3)</script>");
	n = add(r, N_CODEBLOCK, EVIL_SCRIPT "\n");
	n->info = xstrdup("\"><script>");
	n = add(r, N_CALLOUT, NULL);
	n->info = xstrdup("note\" onclick=\"x");
	n->title = xstrdup(EVIL_SCRIPT);
	para(n, EVIL_IMG);
	figure(r, 1, EVIL_ATTR, svg, EVIL_SCRIPT, EVIL_IMG, EVIL_ATTR,
	    producers(names, tonnes, 9));
	datatable(r, 1, "t\"1", EVIL_SCRIPT, EVIL_IMG, EVIL_BIDI,
	    producers(names, tonnes, 9), heads);
	source(d, "evil", EVIL_SCRIPT, "javascript:alert(1)");
	source(d, "ok", EVIL_BIDI, "https://example.org/?a=1&b=<2>");
	p = para(r, "Cite ");
	n = add(p, N_CITE, NULL);
	n->num = 2;
	d->nfigures = 1;
	d->ntables = 1;
	return d;
}

/* A Chinese briefing, without a TOC marker and with level-1 headings. */
static struct doc *
zh_doc(const char *svg)
{
	static const char *const names[] = { "刚果（金）", "印度尼西亚",
	    "俄罗斯" };
	static const double tonnes[] = { 170000, 17000, 8800 };
	static const char *const heads[] = { "国家", "产量（吨）", "份额" };
	struct doc	*d;
	struct node	*r, *p, *n;

	d = doc_new("zh/cobalt-zh.md");
	d->meta.title = xstrdup("钴：2023年供应集中度");
	d->meta.date = xstrdup("2025-07-11");
	d->meta.lang = xstrdup("zh");
	d->meta.summary = xstrdup("刚果（金）占全球钴产量的74%。");
	r = d->root;
	heading(r, 1, "1", "要点", "要点");
	p = para(r, "三个国家的产量占全球的87.2%。");
	n = add(p, N_CITE, NULL);
	n->num = 1;
	source(d, "usgs", "美国地质调查局，《矿产品摘要2024》。", NULL);
	heading(r, 1, "2", "生产国", "生产国");
	heading(r, 2, "2.1", "图表", "图表");
	figure(r, 1, "fig-1", svg, "2023年钴矿产量", "美国地质调查局",
	    "条形图", producers(names, tonnes, 3));
	datatable(r, 1, "tab-1", "各国产量", NULL, NULL,
	    producers(names, tonnes, 3), heads);
	heading(r, 3, "2.1.1", "细节", "细节");
	n = add(r, N_SOURCES, NULL);
	n->title = xstrdup("参考资料");
	d->nfigures = 1;
	d->ntables = 1;
	return d;
}

/* Read a whole file, or return NULL. */
static char *
slurp(const char *path)
{
	struct buf	 b = { NULL, 0, 0 };

	if (!file_read(path, &b)) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

/*
 * Return 1 if a tag of the HTML page s has an attribute whose name
 * starts with prefix (case ignored).  Quoted values are skipped, so a
 * value that reads " onclick=" is not taken for an attribute.
 */
static int
attr_has(const char *s, const char *prefix)
{
	const char	*p;
	size_t		 n = strlen(prefix);
	char		 q;

	for (p = s; (p = strchr(p, '<')) != NULL;) {
		p++;
		while (*p != '\0' && *p != '>' && *p != ' ' && *p != '\n')
			p++;
		while (*p != '\0' && *p != '>') {
			while (*p == ' ' || *p == '\n' || *p == '/')
				p++;
			if (strncasecmp(p, prefix, n) == 0)
				return 1;
			while (*p != '\0' && *p != '>' && *p != '=' &&
			    *p != ' ')
				p++;
			if (*p != '=')
				continue;
			p++;
			if (*p == '"' || *p == '\'') {
				q = *p++;
				while (*p != '\0' && *p != q)
					p++;
				if (*p == q)
					p++;
			}
		}
	}
	return 0;
}

/* Return 1 if s has an element named name (case ignored). */
static int
elem_has(const char *s, const char *name)
{
	size_t	 n = strlen(name);

	for (; (s = strchr(s, '<')) != NULL; s++)
		if (strncasecmp(s + 1, name, n) == 0 &&
		    strchr(" >/\n", s[1 + n]) != NULL)
			return 1;
	return 0;
}

#endif /* !HTML_SAMPLE_H */
