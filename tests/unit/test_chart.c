/*
 * test_chart.c: chart options and their errors at file:line:col,
 * column checks against the data, alt text, and the Cairo device:
 * SVG ids prefixed and independent of what the process drew before,
 * <title>/<desc>, PNG size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart.h"
#include "chart_cairo.h"
#include "data.h"
#include "dl.h"
#include "font.h"
#include "msg.h"
#include "harness.h"
#include "test_chart.h"

static const char *const cobalt[] = {
	"Country|Reserves_t:integer:t",
	"Congo (Kinshasa)|6000000",
	"Australia|1700000",
	"Indonesia|500000",
	"Cuba|500000",
	"Philippines|260000",
	"Russia|250000",
	"Canada|220000",
	"Madagascar|100000",
	"Turkey|W",
	"Other countries|600000",
	NULL
};

static struct msgctx	 mc;
static struct buf	 errs;

static void
capture(void)
{
	buf_reset(&errs);
	memset(&mc, 0, sizeof(mc));
	mc.sink = &errs;
	msg_push(&mc);
}

static const char *
captured(void)
{
	msg_pop();
	return errs.data ? errs.data : "";
}

static void
options(void)
{
	struct chart	*c = chart_new();

	capture();
	CHECK(!chart_set(c, "titel", "x", "t.md", 7, 3),
	    "an unknown option is refused");
	CHECK_STR(captured(), "t.md:7:3: error: unknown chart option 'titel' "
	    "(did you mean 'title'?)\n", "it is reported at its position "
	    "with a suggestion");
	capture();
	CHECK(!chart_set(c, "type", "pie", "t.md", 8, 1), "type pie is refused");
	CHECK(strstr(captured(), "t.md:8:1: error: chart option type: 'pie' "
	    "is not bar, hbar") != NULL, "and the kinds are listed");
	capture();
	CHECK(!chart_set(c, "size", "50x50", "t.md", 9, 1) &&
	    !chart_set(c, "width", "wide", "t.md", 10, 1) &&
	    !chart_set(c, "columns", "2.5", "t.md", 11, 1) &&
	    !chart_set(c, "stack", "sideways", "t.md", 12, 1) &&
	    !chart_set(c, "quadrants", "a|b|c", "t.md", 13, 1),
	    "bad sizes, numbers, words and quadrant lists are refused");
	CHECK(strstr(captured(), "t.md:13:1: error: chart option quadrants")
	    != NULL, "with their positions");
	capture();
	CHECK(chart_set(c, "title", "Cobalt", "t.md", 2, 1) &&
	    chart_set(c, "size", "600x400", "t.md", 3, 1) &&
	    chart_set(c, "quadrants", "A | B | C | D", "t.md", 4, 1),
	    "good values are taken");
	CHECK(!chart_set(c, "title", "Again", "t.md", 5, 1),
	    "an option given twice is refused");
	CHECK(strstr(captured(), "t.md:5:1: error: chart option 'title' given "
	    "twice (first at line 2)") != NULL, "saying where the first was");
	CHECK_STR(chart_title(c), "Cobalt", "chart_title");
	CHECK(chart_subtitle(c) == NULL && chart_source(c) == NULL,
	    "no subtitle, no source");
	chart_free(c);
	chart_free(NULL);
}

static void
columns(void)
{
	static const char *const nocol[] = { "type: bar", "x: Country",
	    "y: Reserve", NULL };
	static const char *const textcol[] = { "type: bar", "x: Country",
	    "y: Country", NULL };
	static const char *const noy[] = { "type: bar", "x: Country", NULL };
	static const char *const both[] = { "type: bar", "x: Country",
	    "y: Reserves_t, Reserves_t", "series: Country", NULL };
	static const char *const unused[] = { "type: bar", "x: Country",
	    "y: reserves_t", "projection: 2024", NULL };
	struct table	*t = mktable("cobalt", cobalt);
	struct chart	*c;

	capture();
	c = mkchart(nocol);
	CHECK(!chart_check(c, t, "t.md", 1, 1), "a missing column fails");
	CHECK_STR(captured(), "t.md:4:1: error: chart option y: no column "
	    "'Reserve' in the data\n", "at the option's line");
	chart_free(c);
	capture();
	c = mkchart(textcol);
	CHECK(!chart_check(c, t, "t.md", 1, 1), "text for y fails");
	CHECK(strstr(captured(), "column 'Country' holds text, not numbers")
	    != NULL, "saying what the column holds");
	chart_free(c);
	capture();
	c = mkchart(noy);
	CHECK(!chart_check(c, t, "t.md", 1, 1), "a bar chart without y fails");
	CHECK(strstr(captured(), "t.md:2:1: error: a bar chart needs the "
	    "option 'y'") != NULL, "at the type option");
	chart_free(c);
	capture();
	c = mkchart(both);
	CHECK(!chart_check(c, t, "t.md", 1, 1), "series with a y list fails");
	(void)captured();
	chart_free(c);
	capture();
	c = mkchart(unused);
	CHECK(chart_check(c, t, "t.md", 1, 1), "a case-insensitive column "
	    "name and an option for another kind pass");
	CHECK(strstr(captured(), "t.md:5:1: warning: chart option projection "
	    "does nothing for a bar chart") != NULL, "with a warning");
	chart_free(c);
	table_free(t);
}

static void
drawing(const struct fontset *fs)
{
	static const char *const opts[] = { "type: bar", "x: Country",
	    "y: Reserves_t", "sort: desc", "title: Cobalt <reserves> & more",
	    "source: USGS Mineral Commodity Summaries 2024", NULL };
	static const char *const altopt[] = { "type: hbar", "x: Country",
	    "y: Reserves_t", "alt: My own words", NULL };
	struct table	*t = mktable("cobalt", cobalt);
	struct chart	*c = mkchart(opts);
	struct dl	*d, *d2;
	struct buf	 a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	char		*alt = NULL, *alt2 = NULL;

	d = chart_draw(c, t, fs, 1, &alt);
	CHECK(d != NULL, "a bar chart draws");
	if (d == NULL)
		goto out;
	CHECK(dl_width(d) == 456 && dl_height(d) == 300, "default size");
	CHECK(text_problems(d, fs, 1) == 0, "no text overlaps or leaves it");
	CHECK(has_text(d, "Source: USGS Mineral Commodity Summaries 2024"),
	    "the source line is drawn when framed");
	CHECK(has_text(d, "Turkey (W)") && has_text(d, "W: withheld"),
	    "the withheld value is named in the note");
	CHECK(count_ops(d, DL_TEXT, "W") == 1, "and marked W at its place");
	CHECK(alt != NULL && strstr(alt, "Vertical bar chart: Cobalt") == alt &&
	    strstr(alt, "Congo (Kinshasa) 6") != NULL && strstr(alt,
	    "Turkey W") != NULL, "alt text names kind, title and values");
	/* Same chart, same bytes; SVG ids do not depend on the past. */
	d2 = chart_draw(c, t, fs, 1, &alt2);
	dl_dump(d, &a);
	dl_dump(d2, &b);
	CHECK(a.len > 0 && strcmp(a.data, b.data) == 0,
	    "drawing twice gives the same display list");
	buf_reset(&a);
	buf_reset(&b);
	CHECK(cairo_svg(d, fs, "f1-", "T <1>", alt, &a) &&
	    cairo_svg(d2, fs, "f1-", "T <1>", alt, &b) &&
	    strcmp(a.data, b.data) == 0, "two SVGs of it are identical");
	CHECK(strncmp(a.data, "<svg role=\"img\" aria-labelledby=\"f1-title "
	    "f1-desc\"", 49) == 0, "the SVG starts with <svg>, labelled");
	CHECK(strstr(a.data, "<title id=\"f1-title\">T &lt;1&gt;</title>") !=
	    NULL, "the title is escaped");
	CHECK(strstr(a.data, "id=\"glyph") == NULL && strstr(a.data,
	    "id=\"surface") == NULL && strstr(a.data, "href=\"#glyph") ==
	    NULL && strstr(a.data, "id=\"f1-glyph1\"") != NULL &&
	    strstr(a.data, "xlink:href=\"#f1-glyph") != NULL,
	    "every id and reference carries the prefix");
	buf_reset(&a);
	CHECK(cairo_png(d, fs, 2, &a) && a.len > 8 &&
	    memcmp(a.data, "\x89PNG", 4) == 0, "a PNG is written");
	buf_reset(&b);
	CHECK(cairo_png(d, fs, 2, &b) && a.len == b.len &&
	    memcmp(a.data, b.data, a.len) == 0, "the same PNG twice");
	/* Width and height, big-endian, in the IHDR chunk. */
	CHECK(a.len > 24 && ((unsigned char)a.data[18] << 8 |
	    (unsigned char)a.data[19]) == 912 && ((unsigned char)a.data[22] <<
	    8 | (unsigned char)a.data[23]) == 600, "at twice the size");
	dl_free(d2);
	free(alt2);
	alt2 = NULL;
	chart_free(c);
	c = mkchart(altopt);
	dl_free(d);
	d = chart_draw(c, t, fs, 0, &alt2);
	CHECK(d != NULL && alt2 != NULL && strcmp(alt2, "My own words") == 0,
	    "the alt option overrides the derived text");
	CHECK(d != NULL && !has_text(d, "Source:"), "unframed: no source");
out:
	buf_free(&a);
	buf_free(&b);
	dl_free(d);
	free(alt);
	free(alt2);
	chart_free(c);
	table_free(t);
}

/* Every kind draws an empty table and a table of missing values. */
static void
degenerate(const struct fontset *fs)
{
	static const char *const empty[] = { "Name|Other|A:decimal|B:decimal|"
	    "D:date", NULL };
	static const char *const missing[] = { "Name|Other|A:decimal|"
	    "B:decimal|D:date", "x|y|W|NA|", "z|y|NA|W|", NULL };
	static const char *const kinds[][6] = {
		{ "type: bar", "x: Name", "y: A", NULL },
		{ "type: hbar", "x: Name", "y: A, B", "stack: stacked", NULL },
		{ "type: line", "x: Name", "y: A", NULL },
		{ "type: scatter", "x: A", "y: B", "labels: Name", NULL },
		{ "type: bubble", "x: A", "y: B", "bubble: A", NULL },
		{ "type: donut", "x: Name", "y: A", NULL },
		{ "type: heatmap", "x: Other", "y: Name", "value: A", NULL },
		{ "type: sankey", "from: Name", "to: Other", "value: A", NULL },
		{ "type: timeline", "x: D", "labels: Name", NULL },
		{ "type: bar", "x: Name", "y: A", "facet: Other", NULL },
	};
	const char *const *data[] = { empty, missing };
	struct table	*t;
	struct chart	*c;
	struct dl	*d;
	char		*alt;
	size_t		 k, j, bad = 0;

	for (j = 0; j < 2; j++)
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			t = mktable("t", data[j]);
			c = mkchart(kinds[k]);
			alt = NULL;
			d = chart_draw(c, t, fs, 1, &alt);
			if (d == NULL || alt == NULL || text_problems(d, fs, 1)) {
				printf("# %s data, %s\n", j ? "missing" :
				    "empty", kinds[k][0]);
				bad++;
			}
			if (d != NULL && j == 1 && k == 0 &&
			    !has_text(d, "Not shown: x (W), z (NA)"))
				bad++;
			free(alt);
			dl_free(d);
			chart_free(c);
			table_free(t);
		}
	CHECK(bad == 0, "every kind draws an empty table and one of missing "
	    "values, and says what is not shown");
}

int
main(void)
{
	struct fontset	*fs;

	options();
	columns();
	if ((fs = fontset_load("fonts")) == NULL) {
		CHECK(0, "fonts load");
		HARNESS_END();
	}
	drawing(fs);
	degenerate(fs);
	fontset_free(fs);
	buf_free(&errs);
	HARNESS_END();
}
