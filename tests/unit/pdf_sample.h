/*
 * pdf_sample.h: documents built in C for the PDF tests, independent
 * of the template stage: a briefing of about a dozen pages with every
 * kind of block (sample_doc) and a Chinese one (sample_zh).  The prose
 * is written for these tests.
 */
#ifndef PDF_SAMPLE_H
#define PDF_SAMPLE_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "data.h"
#include "dl.h"
#include "doc.h"
#include "fmt.h"

static struct node *
mk(enum ntype t)
{
	return node_new(t, 1, 1);
}

static struct node *
T(const char *s)
{
	struct node	*n = mk(N_TEXT);

	n->text = xstrdup(s);
	return n;
}

/* An inline or block node of type t holding the given children. */
static struct node *
W(enum ntype t, ...)
{
	struct node	*n = mk(t), *c;
	va_list		 ap;

	va_start(ap, t);
	while ((c = va_arg(ap, struct node *)) != NULL)
		node_append(n, c);
	va_end(ap);
	return n;
}

static struct node *
LINK(const char *url, const char *text)
{
	struct node	*n = W(N_LINK, T(text), NULL);

	n->url = xstrdup(url);
	return n;
}

static struct node *
CODE(const char *s)
{
	struct node	*n = mk(N_CODE);

	n->text = xstrdup(s);
	return n;
}

static struct node *
CITE(int num)
{
	struct node	*n = mk(N_CITE);

	n->num = num;
	return n;
}

static struct node *
XREF(const char *id, const char *text)
{
	struct node	*n = mk(N_XREF);

	n->id = xstrdup(id);
	n->text = xstrdup(text);
	return n;
}

static struct node *
H(struct node *root, int level, const char *number, const char *id,
    const char *title)
{
	struct node	*n = W(N_HEADING, T(title), NULL);

	n->level = level;
	n->number = number ? xstrdup(number) : NULL;
	n->id = id ? xstrdup(id) : NULL;
	node_append(root, n);
	return n;
}

static const char *const prose[] = {
	"Critical minerals are the raw materials of the energy transition: "
	"lithium, cobalt and nickel for batteries, rare earths for the "
	"magnets of wind turbines and electric motors, gallium and germanium "
	"for semiconductors. Their supply is concentrated in a handful of "
	"countries, and in several cases a single country refines most of "
	"what the world uses.",
	"Concentration is measured here in two ways. The share of the three "
	"largest producers (CR3) says how much of the supply depends on a "
	"few decisions; the Herfindahl-Hirschman index, the sum of squared "
	"market shares on a scale from 0 to 10,000, weighs large producers "
	"more heavily and rises steeply as one country comes to dominate.",
	"Trade data tell a second story. Ores and concentrates move from "
	"mining countries to refining countries, and the refined metal moves "
	"again to the manufacturers of cells, magnets and chips. A country "
	"that mines little may still control a market if it refines most of "
	"the world's output, as the cobalt and rare-earth flows show.",
	"Export controls have become a common instrument of industrial "
	"policy. Licensing requirements on gallium and germanium, a ban on "
	"the export of unprocessed ores, and quotas on rare-earth technology "
	"each change the incentives of buyers, who respond with stockpiles, "
	"long-term offtake agreements and investment in new capacity "
	"elsewhere. None of these responses is quick: a new mine typically "
	"takes more than a decade from discovery to production.",
	"Demand projections differ widely between scenarios, but they agree "
	"on direction. In a scenario consistent with the Paris Agreement, "
	"demand for lithium grows roughly tenfold by 2040, for graphite and "
	"nickel about fourfold, and for rare earths about threefold, while "
	"recycling covers only a modest share of needs before the 2030s.",
};

static void
P(struct node *root, int i)
{
	node_append(root, W(N_PARAGRAPH, T(prose[i % 5]), NULL));
}

static struct dl *
sample_chart(void)
{
	static const char *const names[] = { "China", "Indonesia",
	    "Philippines", "Russia", "Canada", "Australia" };
	static const double vals[] = { 68, 48, 33, 22, 18, 16 };
	static const uint8_t dash[] = { 3, 2, 0 };
	struct dl	*d = dl_new(440, 230);
	char		 s[32];
	size_t		 i;
	double		 x;

	dl_text(d, 10, 18, FACE_BOLD, 0, 11, 0x1a1a1a,
	    "Refined output, index", 21);
	dl_move(d, 40, 200);
	dl_line(d, 430, 200);
	dl_stroke(d, 0x555555, 1, 0.8, NULL);
	for (i = 0; i < 6; i++) {
		x = 50 + (double)i * 63;
		dl_rect(d, x, 200 - vals[i] * 2.4, 40, vals[i] * 2.4);
		dl_fill(d, 0x1d6fa5, i == 0 ? 1 : 0.75);
		dl_text(d, x, 214, FACE_REGULAR, 0, 8.5, 0x333333, names[i],
		    strlen(names[i]));
		snprintf(s, sizeof(s), "%.0f", vals[i]);
		dl_text(d, x + 12, 196 - vals[i] * 2.4, FACE_REGULAR, 0, 8.5,
		    0x333333, s, strlen(s));
	}
	dl_move(d, 40, 120);
	dl_curve(d, 150, 60, 300, 160, 430, 90);
	dl_stroke(d, 0xc0392b, 1, 1.5, dash);
	dl_text(d, 300, 40, FACE_CJK, 0, 9, 0xc0392b, "稀土", 6);
	dl_text(d, 318, 40, FACE_REGULAR, 0, 9, 0xc0392b, " (REE)", 6);
	return d;
}

static struct node *
sample_figure(int num, const char *id)
{
	struct node	*n = mk(N_FIGURE);

	n->fig = xcalloc(1, sizeof(*n->fig));
	n->fig->dl = sample_chart();
	n->fig->caption = xstrdup("Refined nickel output by country, 2023");
	n->fig->source = xstrdup("USGS Mineral Commodity Summaries 2024.");
	n->fig->alt = xstrdup("Bar chart of six countries");
	n->num = num;
	n->id = xstrdup(id);
	return n;
}

static struct node *
sample_table(int num, const char *id, size_t rows)
{
	static const char *const c[] = { "Congo (Kinshasa)", "Indonesia",
	    "Russia", "Australia", "Philippines", "Cuba", "Canada",
	    "Madagascar", "Papua New Guinea", "Turkey", "Morocco", "China",
	    "United States" };
	struct node	*n = mk(N_TABLE);
	struct tab	*t;
	char		*err = NULL;
	size_t		 r;

	t = n->tab = xcalloc(1, sizeof(*t));
	t->data = table_new("cobalt");
	table_addcol(t->data, "country", CT_TEXT);
	table_addcol(t->data, "production", CT_DEC);
	table_addcol(t->data, "share", CT_DEC);
	for (r = 0; r < rows; r++) {
		table_addrow(t->data, r + 2);
		table_settext(t->data, r, 0, c[r % 13]);
		table_setnum(t->data, r, 1, r == 0 ? 170000 :
		    17000.5 / (double)(r + 1));
		table_setnum(t->data, r, 2, r == 0 ? 73.9 : 9.25 /
		    (double)(r + 1));
	}
	t->ncols = 3;
	t->heads = xcalloc(3, sizeof(char *));
	t->heads[0] = xstrdup("Country");
	t->heads[1] = xstrdup("Mine production (t)");
	t->heads[2] = xstrdup("Share of world (%)");
	t->fmts = xcalloc(3, sizeof(*t->fmts));
	numfmt_defaults(&t->fmts[0]);
	if (!numfmt_parse(",.0f", &t->fmts[1], &err) ||
	    !numfmt_parse(".1f", &t->fmts[2], &err))
		free(err);
	t->align = xcalloc(3, sizeof(*t->align));
	t->align[0] = TA_LEFT;
	t->align[1] = t->align[2] = TA_DECIMAL;
	t->caption = xstrdup("Cobalt mine production, 2023");
	t->source = xstrdup("USGS Mineral Commodity Summaries 2024.");
	n->num = num;
	n->id = xstrdup(id);
	return n;
}

static void
sample_meta(struct doc *d, const char *lang)
{
	d->meta.title = xstrdup("Critical Minerals Weekly");
	d->meta.subtitle = xstrdup("Supply concentration, trade and policy");
	d->meta.organisation = xstrdup("Strategic Materials Desk");
	d->meta.date = xstrdup("2025-07-25");
	d->meta.edition = xstrdup("Week 30, 2025");
	d->meta.author = xstrdup("Analysis Team");
	d->meta.lang = xstrdup(lang);
	d->meta.keywords = xstrdup("critical minerals, cobalt, nickel");
	d->meta.subject = xstrdup("Weekly briefing on critical minerals");
	d->meta.summary = xstrdup("Supply of most critical minerals is more "
	    "concentrated than that of oil. This week: cobalt flows from the "
	    "Democratic Republic of the Congo, nickel from Indonesia, and the "
	    "export controls that shape both.");
}

static void
sample_sources(struct doc *d, int n)
{
	int	 i;

	d->sources = xcalloc((size_t)n, sizeof(*d->sources));
	d->nsources = (size_t)n;
	for (i = 0; i < n; i++) {
		d->sources[i].num = i + 1;
		d->sources[i].id = xasprintf("src%d", i + 1);
		d->sources[i].text = xasprintf("U.S. Geological Survey, "
		    "Mineral Commodity Summaries 2024, table %d.", i + 1);
		if (i % 2 == 0)
			d->sources[i].url = xasprintf("https://pubs.usgs.gov/"
			    "periodicals/mcs2024/mcs2024-%d.pdf", i + 1);
	}
}

static void
opt(struct doc *d, const char *k, const char *v)
{
	d->opts = xreallocarray(d->opts, d->nopts + 1, sizeof(*d->opts));
	d->opts[d->nopts].key = xstrdup(k);
	d->opts[d->nopts].value = xstrdup(v);
	d->opts[d->nopts].file = xstrdup(d->path);
	d->opts[d->nopts].line = d->nopts + 2;
	d->opts[d->nopts].col = 3;
	d->nopts++;
}

/* The English briefing: every block type, about a dozen pages. */
static struct doc *
sample_doc(void)
{
	struct doc	*d = doc_new("tests/sample.md");
	struct node	*r = d->root, *l, *l2, *it, *q, *c, *cb;
	char		 num[32], id[32];
	int		 i, s;

	sample_meta(d, "en");
	sample_sources(d, 8);
	H(r, 1, "1", "supply", "Supply concentration");
	node_append(r, W(N_PARAGRAPH, T("This briefing follows "),
	    W(N_STRONG, T("cobalt"), NULL), T(" and "),
	    W(N_EMPH, T("nickel"), NULL), T(" through the supply chain. The "
	    "query behind each number is shown as "), CODE("share(top 3)"),
	    T(", and every figure links to its source"), CITE(1), CITE(2),
	    T(". See "), XREF("fig-nickel", "Figure 1"), T(" and "),
	    XREF("tab-cobalt", "Table 1"), T(", or the "),
	    LINK("https://www.usgs.gov/centers/national-minerals-information-"
	    "center", "USGS minerals centre"), T(" for the data."), NULL));
	c = W(N_CALLOUT, W(N_LIST,
	    W(N_ITEM, W(N_PARAGRAPH, T("The Democratic Republic of the Congo "
	    "mined 74% of the world's cobalt in 2023."), NULL), NULL),
	    W(N_ITEM, W(N_PARAGRAPH, T("Indonesia's share of nickel mine "
	    "output passed 50% for the first time."), NULL), NULL),
	    W(N_ITEM, W(N_PARAGRAPH, T("China refines most of both."), NULL),
	    NULL), NULL), NULL);
	c->info = xstrdup("key-findings");
	c->first->tight = 1;
	node_append(r, c);
	for (i = 0; i < 3; i++)
		P(r, i);
	H(r, 2, "1.1", "cobalt", "Cobalt");
	P(r, 3);
	node_append(r, sample_table(1, "tab-cobalt", 13));
	P(r, 4);
	H(r, 2, "1.2", "nickel", "Nickel");
	P(r, 1);
	node_append(r, sample_figure(1, "fig-nickel"));
	P(r, 2);
	H(r, 1, "2", "lists", "Lists, quotes and code");
	l = W(N_LIST, NULL);
	l->ordered = 1;
	l->start = 1;
	for (i = 0; i < 11; i++) {
		it = W(N_ITEM, W(N_PARAGRAPH, T(i == 2 ? prose[3] :
		    "An ordered item, numbered by the list."), NULL), NULL);
		if (i == 1) {
			l2 = W(N_LIST, W(N_ITEM, W(N_PARAGRAPH,
			    T("A nested bullet."), NULL), NULL),
			    W(N_ITEM, W(N_PARAGRAPH, T("Another nested bullet "
			    "with a longer text that wraps onto a second line "
			    "of the column."), NULL), NULL), NULL);
			l2->tight = 1;
			node_append(it, l2);
		}
		node_append(l, it);
	}
	l->tight = 1;
	node_append(r, l);
	q = W(N_QUOTE, W(N_PARAGRAPH, T("Whoever controls the refineries "
	    "controls the market, whatever the map of the mines says."),
	    NULL), NULL);
	node_append(r, q);
	cb = mk(N_CODEBLOCK);
	cb->text = xstrdup("```table\nquery: top 5 country by production\n"
	    "\tfrom: usgs-cobalt\nformat: production \",.0f\"\n"
	    "a_very_long_line_without_any_spaces_that_must_still_fit_the_"
	    "column_by_breaking_between_characters_somewhere\n```\n");
	node_append(r, cb);
	node_append(r, W(N_PARAGRAPH, T("Every glyph from its face, with "
	    "fallback: São Tomé, Curaçao, Łódź, Ё Ấ ệ ḉ Ǖ; ≥ 3 € → ↑ ✓ ★ ⚠; "
	    "关键矿产 稀土 镓; "), W(N_STRONG, T("bold 稀土 ✓"), NULL),
	    T("; "), W(N_EMPH, T("italic São Tomé"), NULL), T("."), NULL));
	node_append(r, mk(N_HRULE));
	for (s = 3; s <= 7; s++) {
		snprintf(num, sizeof(num), "%d", s);
		snprintf(id, sizeof(id), "sec%d", s);
		H(r, 1, num, id, s % 2 ? "Trade relationships and "
		    "dependence on a single supplier" : "Demand outlook");
		for (i = 0; i < 4; i++)
			P(r, s + i);
		snprintf(num, sizeof(num), "%d.1", s);
		snprintf(id, sizeof(id), "sec%d-1", s);
		H(r, 2, num, id, "Detail");
		node_append(r, W(N_PARAGRAPH, T("Numbers in text: "),
		    W(N_STRONG, T("170,000 t"), NULL), T(" of cobalt, a share "
		    "of 73.9%, and a reference"), CITE(s), T("."), NULL));
		if (s == 5)
			node_append(r, sample_table(2, "tab-long", 40));
		for (i = 0; i < 2; i++)
			P(r, s * 3 + i);
	}
	return d;
}

static struct node *
IMG(const char *url, const char *alt)
{
	struct node	*n = W(N_IMAGE, T(alt), NULL);

	n->url = xstrdup(url);
	return n;
}

/*
 * Two pages with one of each block, for the golden layout dump; the
 * image pic.png must exist next to path.
 */
static struct doc *
sample_blocks(const char *path)
{
	struct doc	*d = doc_new(path);
	struct node	*r = d->root, *l, *c, *cb;

	sample_meta(d, "en");
	sample_sources(d, 3);
	opt(d, "toc", "false");
	H(r, 1, "1", "one", "Blocks");
	node_append(r, W(N_PARAGRAPH, T("Inline "), W(N_STRONG, T("bold"),
	    NULL), T(", "), W(N_EMPH, T("italic"), NULL), T(", "),
	    CODE("code"), T(", a "), LINK("https://example.org/", "link"),
	    T(", a reference"), CITE(2), T(", a superscript x"),
	    W(N_SUP, T("2"), NULL), T(" and a cross-reference to "),
	    XREF("fig-1", "Figure 1"), T("."), NULL));
	l = W(N_LIST, W(N_ITEM, W(N_PARAGRAPH, T("First"), NULL),
	    W(N_LIST, W(N_ITEM, W(N_PARAGRAPH, T("Nested"), NULL), NULL),
	    NULL), NULL), W(N_ITEM, W(N_PARAGRAPH, T("Second"), NULL), NULL),
	    NULL);
	l->ordered = 1;
	l->start = 3;
	l->tight = 1;
	node_append(r, l);
	node_append(r, W(N_QUOTE, W(N_PARAGRAPH, T(prose[2]), NULL), NULL));
	c = W(N_CALLOUT, W(N_PARAGRAPH, T(prose[1]), NULL), NULL);
	c->info = xstrdup("note");
	c->title = xstrdup("A note with a title");
	node_append(r, c);
	cb = mk(N_CODEBLOCK);
	cb->text = xstrdup("int\nmain(void)\n{\n\treturn 0;\n}\n");
	node_append(r, cb);
	node_append(r, mk(N_HRULE));
	node_append(r, W(N_PARAGRAPH, IMG("pic.png", "A picture"), NULL));
	H(r, 2, "1.1", "two", "Data");
	node_append(r, sample_table(1, "tab-1", 5));
	node_append(r, sample_figure(1, "fig-1"));
	P(r, 4);
	return d;
}

/* A Chinese briefing, for CJK line breaking and fake bold. */
static struct doc *
sample_zh(void)
{
	struct doc	*d = doc_new("tests/sample-zh.md");
	struct node	*r = d->root;
	int		 i;

	sample_meta(d, "zh");
	free(d->meta.title);
	d->meta.title = xstrdup("关键矿产周报");
	sample_sources(d, 2);
	H(r, 1, "1", "gaiyao", "供应集中度");
	for (i = 0; i < 6; i++)
		node_append(r, W(N_PARAGRAPH, T("关键矿产是能源转型的原材料："
		    "锂、钴和镍用于电池，稀土用于风力发电机和电动机的磁体，"
		    "镓和锗用于半导体。"), W(N_STRONG, T("其供应集中在少数国家"),
		    NULL), T("，在某些情况下，一个国家精炼了世界所用的大部分"
		    "产品（例如钴和稀土）。Cobalt 与 nickel 的贸易数据说明了"
		    "第二个问题。"), CITE(1), NULL));
	H(r, 2, "1.1", "gang", "钴");
	node_append(r, sample_table(1, "tab-zh", 6));
	return d;
}

#endif /* !PDF_SAMPLE_H */
