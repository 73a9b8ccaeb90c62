/*
 * html.c: the HTML writer.  Walks the expanded document (doc.h) and
 * writes one HTML5 page: a header with title and date, a table of
 * contents in <nav>, the body in <main> with one <section> per
 * heading, figures and tables (html_fig.c), and the sources.  The CSS
 * is inline (html_css.c) unless opts->assets names a folder for it;
 * charts are inline SVG, re-written through html_svg.c.  Nothing on
 * the page loads anything, and nothing needs JavaScript.
 *
 * Every string from the tree is escaped for where it goes (html_esc.c):
 * text, attribute, URL, id.  Raw HTML and links of other schemes
 * than http, https and mailto are dropped unless opts->unsafe.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "doc.h"
#include "html.h"
#include "html_int.h"
#include "msg.h"

/* Ids of the page itself, which the document's ids must not take. */
static const char *const reserved[] = {
	"main", "toc", "toc-title", "sources", NULL
};

/*
 * The style settings (docs/pdf.md) the page takes: colours, as CSS
 * custom properties of the light scheme.  The PDF writer checks their
 * values; the page uses a good value and quietly keeps its default
 * for a bad one, so that a mistake is reported once.
 */
static const struct {
	const char	*key;		/* style setting */
	const char	*var;		/* CSS custom property */
} colours[] = {
	{ "text-color", "--text" },
	{ "heading-color", "--heading" },
	{ "accent-color", "--accent" },
	{ "link-color", "--link" },
	{ "muted-color", "--muted" },
	{ "rule-color", "--rule" },
	{ "callout-background", "--callout-bg" },
	{ "callout-bar", "--callout-bar" },
	{ "code-background", "--code-bg" },
	{ "zebra-color", "--zebra" },
	{ "table-header-background", "--thead-bg" },
};

/* Settings for the HTML page alone start with this (docs/html.md). */
#define HTML_KEY	"html-"

void
html_opts_defaults(struct html_opts *o)
{
	memset(o, 0, sizeof(*o));
}

/* FNV-1a, for the set of ids on the page. */
static uint32_t
strhash(const char *s)
{
	uint32_t	 h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static int
used_has(const struct html *h, const char *id)
{
	size_t	 i;

	if (h->usedcap == 0)
		return 0;
	for (i = strhash(id) & (h->usedcap - 1); h->used[i] != NULL;
	    i = (i + 1) & (h->usedcap - 1))
		if (strcmp(h->used[i], id) == 0)
			return 1;
	return 0;
}

/* Add id to the set; the set points at id, which must outlive it. */
static void
used_add(struct html *h, char *id)
{
	char	**old;
	size_t	 oldcap, i, k;

	if ((h->nused + 1) * 2 > h->usedcap) {
		old = h->used;
		oldcap = h->usedcap;
		h->usedcap = oldcap ? oldcap * 2 : 64;
		h->used = xcalloc(h->usedcap, sizeof(char *));
		h->nused = 0;
		for (k = 0; k < oldcap; k++)
			if (old[k] != NULL)
				used_add(h, old[k]);
		free(old);
	}
	for (i = strhash(id) & (h->usedcap - 1); h->used[i] != NULL;
	    i = (i + 1) & (h->usedcap - 1))
		continue;
	h->used[i] = id;
	h->nused++;
}

/* A valid id from orig (or from fallback), unique on the page. */
static char *
id_make(struct html *h, const char *orig, const char *fallback)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 base;
	int		 k;

	html_esc_id(&b, orig != NULL && *orig != '\0' ? orig : fallback);
	base = b.len;
	for (k = 2; used_has(h, b.data); k++) {
		b.len = base;
		buf_printf(&b, "-%d", k);
	}
	return buf_steal(&b);
}

static int
cmp_bynode(const void *a, const void *b)
{
	const struct html_id *x = *(struct html_id *const *)a;
	const struct html_id *y = *(struct html_id *const *)b;

	return x->node < y->node ? -1 : x->node > y->node;
}

static int
cmp_byorig(const void *a, const void *b)
{
	const struct html_id *x = *(struct html_id *const *)a;
	const struct html_id *y = *(struct html_id *const *)b;
	int	 c;

	if ((c = strcmp(x->orig, y->orig)) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Collect headings, figures and tables, and the markers, in order. */
static void
scan(struct html *h, const struct node *n, size_t *cap)
{
	const struct node *c;

	switch (n->type) {
	case N_TOC:
		h->has_toc = 1;
		break;
	case N_SOURCES:
		h->has_sources = 1;
		break;
	case N_HEADING:
		if (n->parent != NULL && n->parent->type == N_DOCUMENT &&
		    (h->minlevel == 0 || n->level < h->minlevel))
			h->minlevel = n->level;
		/* FALLTHROUGH */
	case N_FIGURE:
	case N_TABLE:
		xgrow(&h->ids, cap, h->nids + 1, sizeof(*h->ids));
		h->ids[h->nids].node = n;
		h->ids[h->nids].orig = n->id != NULL ? n->id : "";
		h->ids[h->nids].order = h->nids;
		h->nids++;
		break;
	default:
		break;
	}
	for (c = n->first; c != NULL; c = c->next)
		scan(h, c, cap);
}

/* Give every id-bearing node its page id; build the lookups. */
static void
ids_init(struct html *h)
{
	struct html_id	*e;
	char		 fb[32];
	size_t		 i, cap = 0, nsec = 0;

	for (i = 0; reserved[i] != NULL; i++)
		used_add(h, (char *)reserved[i]);
	scan(h, h->doc->root, &cap);
	h->srcids = xcalloc(h->doc->nsources + 1, sizeof(char *));
	for (i = 0; i < h->doc->nsources; i++) {
		snprintf(fb, sizeof(fb), "src-%d", h->doc->sources[i].num);
		if (!used_has(h, fb))
			used_add(h, h->srcids[i] = xstrdup(fb));
	}
	h->bynode = xcalloc(h->nids + 1, sizeof(*h->bynode));
	h->byorig = xcalloc(h->nids + 1, sizeof(*h->byorig));
	for (i = 0; i < h->nids; i++) {
		e = &h->ids[i];
		if (e->node->type == N_HEADING)
			snprintf(fb, sizeof(fb), "sec-%zu", ++nsec);
		else
			snprintf(fb, sizeof(fb), "%s-%d",
			    e->node->type == N_FIGURE ? "figure" : "table",
			    e->node->num);
		e->id = id_make(h, e->orig, fb);
		used_add(h, e->id);
		h->bynode[i] = h->byorig[i] = e;
	}
	qsort(h->bynode, h->nids, sizeof(*h->bynode), cmp_bynode);
	qsort(h->byorig, h->nids, sizeof(*h->byorig), cmp_byorig);
}

static void
ids_free(struct html *h)
{
	size_t	 i;

	for (i = 0; i < h->nids; i++)
		free(h->ids[i].id);
	for (i = 0; i < h->doc->nsources; i++)
		free(h->srcids[i]);
	free(h->srcids);
	free(h->used);
	free(h->ids);
	free(h->bynode);
	free(h->byorig);
}

const char *
html_node_id(const struct html *h, const struct node *n)
{
	struct html_id	 key, *kp = &key, **r;

	key.node = n;
	r = bsearch(&kp, h->bynode, h->nids, sizeof(*h->bynode), cmp_bynode);
	return r != NULL ? (*r)->id : NULL;
}

/* The first node in document order whose tree id is orig. */
const char *
html_ref_id(const struct html *h, const char *orig)
{
	size_t	 lo = 0, hi = h->nids, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(h->byorig[mid]->orig, orig) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < h->nids && *orig != '\0' &&
	    strcmp(h->byorig[lo]->orig, orig) == 0)
		return h->byorig[lo]->id;
	return NULL;
}

static void
puts_esc(struct html *h, const char *s)
{
	html_esc_text(h->out, s, strlen(s));
}

static void
attr(struct html *h, const char *name, const char *val)
{
	buf_printf(h->out, " %s=\"", name);
	html_esc_attr(h->out, val, strlen(val));
	buf_putc(h->out, '"');
}

/*
 * Text, with the spaces that end a line written as references, so
 * that no line of the file ends in white space (html-validate).
 */
void
html_text(struct html *h, const char *s, size_t len)
{
	size_t	 a = 0, e, t;

	while (a < len) {
		for (e = a; e < len && s[e] != '\n'; e++)
			continue;
		if (e == len) {
			html_esc_text(h->out, s + a, e - a);
			break;
		}
		for (t = e; t > a && (s[t - 1] == ' ' || s[t - 1] == '\t');)
			t--;
		html_esc_text(h->out, s + a, t - a);
		for (; t < e; t++)
			buf_puts(h->out, s[t] == ' ' ? "&#32;" : "&#9;");
		buf_putc(h->out, '\n');
		a = e + 1;
	}
}

/* Drop the spaces at the end of the output before a newline. */
static void
newline(struct html *h)
{
	struct buf	*b = h->out;

	while (b->len > 0 && (b->data[b->len - 1] == ' ' ||
	    b->data[b->len - 1] == '\t'))
		b->data[--b->len] = '\0';
	buf_putc(b, '\n');
}

/* An href for url, or nothing if it is unsafe; return 1 if written. */
static int
href(struct html *h, const char *url)
{
	const char	*id;

	if (url == NULL)
		return 0;
	if (url[0] == '#' && url[1] != '\0') {
		buf_puts(h->out, " href=\"#");
		if ((id = html_ref_id(h, url + 1)) != NULL)
			buf_puts(h->out, id);
		else
			html_esc_id(h->out, url + 1);
		buf_putc(h->out, '"');
		return 1;
	}
	if (!h->opts->unsafe && !html_url_safe(url))
		return 0;
	buf_puts(h->out, " href=\"");
	html_esc_url(h->out, url);
	buf_putc(h->out, '"');
	return 1;
}

static void
inl_link(struct html *h, const struct node *n)
{
	size_t	 mark = h->out->len;

	if (h->inlink) {
		html_inlines(h, n);
		return;
	}
	buf_puts(h->out, "<a");
	if (!href(h, n->url)) {
		h->out->len = mark;
		h->out->data[mark] = '\0';
		html_inlines(h, n);
		return;
	}
	if (n->title != NULL && *n->title != '\0')
		attr(h, "title", n->title);
	buf_putc(h->out, '>');
	h->inlink++;
	html_inlines(h, n);
	h->inlink--;
	buf_puts(h->out, "</a>");
}

/*
 * An image loads nothing unless opts->unsafe: it becomes a link to
 * the image with the alt text, so the page stays self-contained.
 */
static void
inl_image(struct html *h, const struct node *n)
{
	char	*alt;

	alt = node_plaintext(n);
	if (h->opts->unsafe && n->url != NULL) {
		buf_puts(h->out, "<img src=\"");
		html_esc_url(h->out, n->url);
		buf_putc(h->out, '"');
		attr(h, "alt", alt);
		buf_putc(h->out, '>');
	} else if (!h->inlink && n->url != NULL && html_url_safe(n->url)) {
		buf_puts(h->out, "<a class=\"image\" href=\"");
		html_esc_url(h->out, n->url);
		buf_puts(h->out, "\">");
		puts_esc(h, *alt != '\0' ? alt : n->url);
		buf_puts(h->out, "</a>");
	} else
		puts_esc(h, alt);
	free(alt);
}

static void
inl_cite(struct html *h, const struct node *n)
{
	char	 id[32];

	snprintf(id, sizeof(id), "src-%d", n->num);
	if (h->inlink || n->num < 1 || (size_t)n->num > h->doc->nsources) {
		buf_printf(h->out, "[%d]", n->num);
		return;
	}
	buf_printf(h->out, "<a class=\"cite\" href=\"#%s\">[%d]</a>", id,
	    n->num);
}

static void
inl_xref(struct html *h, const struct node *n)
{
	const char	*id;

	id = n->id != NULL ? html_ref_id(h, n->id) : NULL;
	if (h->inlink || id == NULL) {
		puts_esc(h, n->text != NULL ? n->text : "");
		return;
	}
	buf_printf(h->out, "<a class=\"xref\" href=\"#%s\">", id);
	puts_esc(h, n->text != NULL ? n->text : "");
	buf_puts(h->out, "</a>");
}

/* Wrap the children of n in <tag>. */
static void
inl_wrap(struct html *h, const struct node *n, const char *tag)
{
	buf_printf(h->out, "<%s>", tag);
	html_inlines(h, n);
	buf_printf(h->out, "</%s>", tag);
}

static void
inl(struct html *h, const struct node *n)
{
	const char	*t = n->text != NULL ? n->text : "";

	switch (n->type) {
	case N_TEXT:
	case N_VALUE:
		html_text(h, t, strlen(t));
		break;
	case N_CODE:
		buf_puts(h->out, "<code>");
		html_text(h, t, strlen(t));
		buf_puts(h->out, "</code>");
		break;
	case N_EMPH:
		inl_wrap(h, n, "em");
		break;
	case N_STRONG:
		inl_wrap(h, n, "strong");
		break;
	case N_SUP:
		inl_wrap(h, n, "sup");
		break;
	case N_LINK:
		inl_link(h, n);
		break;
	case N_IMAGE:
		inl_image(h, n);
		break;
	case N_SOFTBREAK:
		newline(h);
		break;
	case N_LINEBREAK:
		buf_puts(h->out, "<br>");
		newline(h);
		break;
	case N_HTMLINLINE:
		if (h->opts->unsafe)
			buf_puts(h->out, t);
		break;
	case N_CITE:
		inl_cite(h, n);
		break;
	case N_XREF:
		inl_xref(h, n);
		break;
	default:
		html_inlines(h, n);
		break;
	}
}

void
html_inlines(struct html *h, const struct node *n)
{
	const struct node *c;

	for (c = n->first; c != NULL; c = c->next)
		inl(h, c);
}

static void	 blocks(struct html *, const struct node *);

/*
 * The h level for a body heading: the template's top level is hbase,
 * and a level the template skips (# then ###) is not skipped on the
 * page, so the outline a screen reader shows has no holes.
 */
static int
hlevel(struct html *h, int level)
{
	int	 l = level - h->minlevel + h->hbase;

	if (l > h->lasth + 1)
		l = h->lasth + 1;
	l = l < 1 ? 1 : l > 6 ? 6 : l;
	h->lasth = l;
	return l;
}

static void
sections_close(struct html *h, int level)
{
	while (h->nsections > 0 &&
	    h->sections[h->nsections - 1] >= level) {
		buf_puts(h->out, "</section>\n");
		h->nsections--;
	}
}

static void
blk_heading(struct html *h, const struct node *n)
{
	const char	*id;
	char		*plain;
	int		 l;

	if (n->parent != NULL && n->parent->type == N_DOCUMENT) {
		sections_close(h, n->level);
		if (h->nsections < (int)(sizeof(h->sections) /
		    sizeof(h->sections[0]))) {
			buf_puts(h->out, "<section>\n");
			h->sections[h->nsections++] = n->level;
		}
	}
	l = hlevel(h, n->level);
	id = html_node_id(h, n);
	buf_printf(h->out, "<h%d id=\"%s\">", l, id);
	if (n->number != NULL && *n->number != '\0') {
		buf_puts(h->out, "<span class=\"num\">");
		puts_esc(h, n->number);
		buf_puts(h->out, "</span> ");
	}
	html_inlines(h, n);
	plain = node_plaintext(n);
	buf_printf(h->out, " <a class=\"anchor\" href=\"#%s\"", id);
	buf_printf(h->out, " aria-label=\"%s: ", h->words->anchor);
	html_esc_attr(h->out, plain, strlen(plain));
	buf_printf(h->out, "\">#</a></h%d>\n", l);
	free(plain);
}

static void
blk_list(struct html *h, const struct node *n)
{
	const struct node *c;
	const char	*tag = n->ordered ? "ol" : "ul";

	buf_printf(h->out, "<%s", tag);
	if (n->ordered && n->start != 1)
		buf_printf(h->out, " start=\"%d\"", n->start);
	buf_puts(h->out, ">\n");
	for (c = n->first; c != NULL; c = c->next) {
		buf_puts(h->out, "<li>");
		blocks(h, c);
		buf_puts(h->out, "</li>\n");
	}
	buf_printf(h->out, "</%s>\n", tag);
}

static void
blk_paragraph(struct html *h, const struct node *n)
{
	const struct node *item = n->parent;

	/* Tight list items hold their text without <p>. */
	if (item != NULL && item->type == N_ITEM && item->parent != NULL &&
	    item->parent->tight) {
		html_inlines(h, n);
		if (n->next != NULL)
			newline(h);
		return;
	}
	buf_puts(h->out, "<p>");
	html_inlines(h, n);
	buf_puts(h->out, "</p>\n");
}

static void
blk_callout(struct html *h, const struct node *n)
{
	buf_puts(h->out, "<div class=\"callout");
	if (n->info != NULL && *n->info != '\0') {
		buf_puts(h->out, " callout-");
		html_esc_class(h->out, n->info);
	}
	buf_puts(h->out, "\" role=\"note\">\n");
	if (n->title != NULL && *n->title != '\0') {
		buf_puts(h->out, "<p class=\"callout-title\">");
		html_text(h, n->title, strlen(n->title));
		buf_puts(h->out, "</p>\n");
	}
	blocks(h, n);
	buf_puts(h->out, "</div>\n");
}

static void
blk_code(struct html *h, const struct node *n)
{
	const char	*t = n->text != NULL ? n->text : "";
	size_t		 len = strlen(t), w;

	buf_puts(h->out, "<pre><code");
	if (n->info != NULL && (w = strcspn(n->info, " \t")) > 0) {
		char *lang = xstrndup(n->info, w);

		buf_puts(h->out, " class=\"language-");
		html_esc_class(h->out, lang);
		buf_putc(h->out, '"');
		free(lang);
	}
	buf_putc(h->out, '>');
	/* The last newline of the block is not part of the code. */
	if (len > 0 && t[len - 1] == '\n')
		len--;
	html_text(h, t, len);
	buf_puts(h->out, "</code></pre>\n");
}

/* Return 1 for a setting that says no. */
static int
off(const char *v)
{
	return v != NULL && (strcmp(v, "false") == 0 || strcmp(v, "no") == 0
	    || strcmp(v, "off") == 0 || strcmp(v, "0") == 0);
}

/* The value of a style setting, or NULL. */
static const char *
setting(const struct html *h, const char *key)
{
	const char	*v = NULL;
	size_t		 i;

	for (i = 0; i < h->doc->nopts; i++)
		if (strcmp(h->doc->opts[i].key, key) == 0)
			v = h->doc->opts[i].value;
	return v;
}

/*
 * The table of contents: the body headings down to the depth asked
 * for (the marker's, else the toc-depth setting, else 2), as nested
 * lists of links.  A level skipped is not opened empty.
 */
static void
toc(struct html *h, const struct node *marker)
{
	const struct node *n;
	const char	*v, *title;
	char		*plain;
	int		 maxd = 2, depth = 0, want;

	if (marker != NULL && marker->level > 0)
		maxd = marker->level;
	else if ((v = setting(h, "toc-depth")) != NULL && *v >= '1' &&
	    *v <= '6' && v[1] == '\0')
		maxd = *v - '0';
	title = marker != NULL && marker->title != NULL &&
	    *marker->title != '\0' ? marker->title : h->words->contents;
	for (n = h->doc->root->first; n != NULL; n = n->next) {
		if (n->type != N_HEADING || n->level - h->minlevel >= maxd)
			continue;
		if (depth == 0) {
			buf_puts(h->out, "<nav class=\"toc\" id=\"toc\" "
			    "aria-labelledby=\"toc-title\">\n");
			buf_printf(h->out, "<h%d id=\"toc-title\">", h->hbase);
			puts_esc(h, title);
			buf_printf(h->out, "</h%d>\n", h->hbase);
		}
		want = n->level - h->minlevel + 1;
		if (want > depth) {
			buf_puts(h->out, depth > 0 ? "\n<ol>\n" : "<ol>\n");
			depth++;
		} else {
			buf_puts(h->out, "</li>\n");
			for (; depth > want; depth--)
				buf_puts(h->out, "</ol></li>\n");
		}
		buf_printf(h->out, "<li><a href=\"#%s\">", html_node_id(h, n));
		if (n->number != NULL && *n->number != '\0') {
			buf_puts(h->out, "<span class=\"num\">");
			puts_esc(h, n->number);
			buf_puts(h->out, "</span> ");
		}
		plain = node_plaintext(n);
		puts_esc(h, plain);
		free(plain);
		buf_puts(h->out, "</a>");
	}
	if (depth == 0)
		return;
	buf_puts(h->out, "</li>\n");
	for (; depth > 1; depth--)
		buf_puts(h->out, "</ol></li>\n");
	buf_puts(h->out, "</ol>\n</nav>\n");
}

static void
blk(struct html *h, const struct node *n)
{
	switch (n->type) {
	case N_HEADING:
		blk_heading(h, n);
		break;
	case N_PARAGRAPH:
		blk_paragraph(h, n);
		break;
	case N_LIST:
		blk_list(h, n);
		break;
	case N_ITEM:
		blocks(h, n);
		break;
	case N_QUOTE:
		buf_puts(h->out, "<blockquote>\n");
		blocks(h, n);
		buf_puts(h->out, "</blockquote>\n");
		break;
	case N_CALLOUT:
		blk_callout(h, n);
		break;
	case N_CODEBLOCK:
		blk_code(h, n);
		break;
	case N_HRULE:
		buf_puts(h->out, "<hr>\n");
		break;
	case N_HTMLBLOCK:
		if (h->opts->unsafe && n->text != NULL) {
			buf_puts(h->out, n->text);
			newline(h);
		}
		break;
	case N_FIGURE:
		html_figure(h, n);
		break;
	case N_TABLE:
		html_table(h, n);
		break;
	case N_TOC:
		toc(h, n);
		break;
	case N_SOURCES:
		/* With a title, the list is a top-level section. */
		if (n->title != NULL && n->parent == h->doc->root)
			sections_close(h, 0);
		html_sources(h, n->title);
		break;
	default:
		/* Inlines where a block belongs: keep them in a paragraph. */
		buf_puts(h->out, "<p>");
		inl(h, n);
		buf_puts(h->out, "</p>\n");
		break;
	}
}

static void
blocks(struct html *h, const struct node *n)
{
	const struct node *c;

	for (c = n->first; c != NULL; c = c->next)
		blk(h, c);
}

/* Return 1 if s is a CSS colour we pass on: #rgb or #rrggbb. */
static int
hexcolour(const char *s)
{
	size_t	 n;

	if (s == NULL || s[0] != '#')
		return 0;
	n = strspn(s + 1, "0123456789abcdefABCDEF");
	return s[1 + n] == '\0' && (n == 3 || n == 6);
}

/*
 * The colour settings, for the light scheme (and print) only, since
 * the dark scheme needs its own.  An html- setting the page does not
 * know is reported (there are none yet; the prefix is kept for them).
 */
static void
head_colours(struct html *h)
{
	const struct docopt *o;
	size_t		 i, k;
	int		 open = 0;

	for (i = 0; i < h->doc->nopts; i++) {
		o = &h->doc->opts[i];
		if (strncmp(o->key, HTML_KEY, strlen(HTML_KEY)) == 0) {
			msg(MSG_WARNING, o->file, o->line, o->col, "unknown "
			    "HTML setting '%s'", o->key);
			continue;
		}
		for (k = 0; k < sizeof(colours) / sizeof(colours[0]); k++)
			if (strcmp(o->key, colours[k].key) == 0)
				break;
		if (k == sizeof(colours) / sizeof(colours[0]) ||
		    !hexcolour(o->value))
			continue;
		if (!open)
			buf_puts(h->out, "@media print, (prefers-color-scheme:"
			    " light) {\n:root {");
		open = 1;
		buf_printf(h->out, " %s: %s;", colours[k].var, o->value);
	}
	if (open)
		buf_puts(h->out, " }\n}\n");
}

void
html_css_write(const struct html_opts *o, struct buf *out)
{
	(void)o;
	buf_put(out, html_css, html_css_len);
}

static void
meta_tag(struct html *h, const char *name, const char *content)
{
	if (content == NULL || *content == '\0')
		return;
	buf_printf(h->out, "<meta name=\"%s\"", name);
	attr(h, "content", content);
	buf_puts(h->out, ">\n");
}

static void
head(struct html *h)
{
	const struct meta *m = &h->doc->meta;
	struct buf	*out = h->out, css = { NULL, 0, 0 };
	const char	*title;

	title = m->title != NULL && *m->title != '\0' ? m->title :
	    h->doc->name;
	buf_puts(h->out, "<!DOCTYPE html>\n<html");
	attr(h, "lang", html_lang(m->lang));
	buf_puts(h->out, ">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta name=\"color-scheme\" content=\"light dark\">\n"
	    "<title>");
	puts_esc(h, title);
	buf_puts(h->out, "</title>\n");
	meta_tag(h, "description", m->summary);
	meta_tag(h, "author", m->author);
	meta_tag(h, "keywords", m->keywords);
	if (html_isodate(m->date))
		meta_tag(h, "dcterms.date", m->date);
	meta_tag(h, "dcterms.publisher", m->organisation);
	meta_tag(h, "briefgen-edition", m->edition);
	meta_tag(h, "generator", "briefgen");
	if (h->opts->assets != NULL) {
		buf_puts(h->out, "<link rel=\"stylesheet\" href=\"./");
		html_esc_url(h->out, h->opts->assets);
		buf_puts(h->out, "/" HTML_CSS_FILE "\">\n");
	} else
		html_esc_css(&css, html_css, html_css_len);
	h->out = &css;
	head_colours(h);
	h->out = out;
	if (h->opts->css != NULL)
		html_esc_css(&css, h->opts->css, strlen(h->opts->css));
	if (css.len > 0) {
		buf_puts(out, "<style>\n");
		buf_put(out, css.data, css.len);
		newline(h);
		buf_puts(out, "</style>\n");
	}
	buf_free(&css);
	buf_puts(h->out, "</head>\n");
}

static void
masthead(struct html *h)
{
	const struct meta *m = &h->doc->meta;
	int		 sep = 0;

	buf_puts(h->out, "<header class=\"masthead\">\n");
	if (m->organisation != NULL && *m->organisation != '\0') {
		buf_puts(h->out, "<p class=\"org\">");
		puts_esc(h, m->organisation);
		buf_puts(h->out, "</p>\n");
	}
	buf_puts(h->out, "<h1>");
	puts_esc(h, m->title != NULL && *m->title != '\0' ? m->title :
	    h->doc->name);
	buf_puts(h->out, "</h1>\n");
	if (m->subtitle != NULL && *m->subtitle != '\0') {
		buf_puts(h->out, "<p class=\"subtitle\">");
		puts_esc(h, m->subtitle);
		buf_puts(h->out, "</p>\n");
	}
	if (m->date == NULL && m->edition == NULL && m->author == NULL) {
		buf_puts(h->out, "</header>\n");
		return;
	}
	buf_puts(h->out, "<p class=\"byline\">");
	if (html_isodate(m->date)) {
		buf_printf(h->out, "<time datetime=\"%s\">", m->date);
		html_date(h->out, m->date, h->words);
		buf_puts(h->out, "</time>");
		sep = 1;
	} else if (m->date != NULL) {
		puts_esc(h, m->date);
		sep = 1;
	}
	if (m->edition != NULL) {
		buf_puts(h->out, sep ? " <span class=\"sep\">·</span> " : "");
		puts_esc(h, m->edition);
		sep = 1;
	}
	if (m->author != NULL) {
		buf_puts(h->out, sep ? " <span class=\"sep\">·</span> " : "");
		puts_esc(h, m->author);
	}
	buf_puts(h->out, "</p>\n");
	buf_puts(h->out, "</header>\n");
}

int
html_write(const struct doc *d, const struct html_opts *o,
    struct buf *out)
{
	struct html	 h;

	memset(&h, 0, sizeof(h));
	h.doc = d;
	h.opts = o;
	h.out = out;
	h.ok = 1;
	h.glyphs = html_svgshare_new();
	h.words = html_words(d->meta.lang);
	ids_init(&h);
	if (h.minlevel == 0)
		h.minlevel = 1;
	h.hbase = d->meta.title != NULL && *d->meta.title != '\0' ? 2 : 1;
	h.lasth = h.hbase - 1;
	head(&h);
	buf_puts(out, "<body>\n");
	buf_printf(out, "<a class=\"skip\" href=\"#main\">%s</a>\n",
	    h.words->skip);
	masthead(&h);
	if (!h.has_toc && !off(setting(&h, "toc")))
		toc(&h, NULL);
	buf_puts(out, "<main id=\"main\">\n");
	blocks(&h, d->root);
	sections_close(&h, 0);
	if (!h.has_sources && d->nsources > 0)
		html_sources(&h, h.words->sources);
	buf_puts(out, "</main>\n</body>\n</html>\n");
	ids_free(&h);
	html_svgshare_free(h.glyphs);
	return h.ok;
}
