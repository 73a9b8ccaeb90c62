/*
 * html_fig.c: figures, data tables and the sources list of an HTML
 * page.  A figure is <figure> with the chart as inline SVG and a
 * <figcaption> ("Figure 3", caption, source note), followed by the
 * numbers it draws in a <details> table for readers who cannot see
 * the chart.  A data table is <table> with <caption>, <thead>, th
 * scope and numbers right-aligned in tabular figures, inside a
 * scrolling region so a wide table never widens a phone's page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "data.h"
#include "doc.h"
#include "fmt.h"
#include "html.h"
#include "html_int.h"
#include "msg.h"

static void
puts_esc(struct html *h, const char *s)
{
	html_esc_text(h->out, s, strlen(s));
}

/* "Source: ..." unless the note says so itself. */
static void
source_note(struct html *h, const char *src)
{
	size_t	 n = strlen(h->words->source);

	while (n > 0 && h->words->source[n - 1] == ' ')
		n--;
	buf_puts(h->out, "<span class=\"source\">");
	if (strncasecmp(src, h->words->source, n) != 0)
		buf_puts(h->out, h->words->source);
	html_text(h, src, strlen(src));
	buf_puts(h->out, "</span>");
}

static int
numeric(enum ctype t)
{
	return t == CT_INT || t == CT_DEC || t == CT_YEAR;
}

/* The class of a column: "num" for right or decimal alignment. */
static const char *
colclass(const struct tab *t, const struct table *d, size_t c)
{
	enum talign	 a;

	if (t != NULL && t->align != NULL)
		a = t->align[c];
	else
		a = numeric(table_coltype(d, c)) ? TA_RIGHT : TA_LEFT;
	switch (a) {
	case TA_RIGHT:
	case TA_DECIMAL:
		return " class=\"num\"";
	case TA_CENTER:
		return " class=\"center\"";
	default:
		return "";
	}
}

/* One cell, formatted as the PDF formats it. */
static void
cell(struct html *h, const struct value *v, const struct numfmt *f)
{
	struct buf	 b = { NULL, 0, 0 };

	fmt_value(&b, v, f);
	if (b.len > 0)
		html_text(h, b.data, b.len);
	buf_free(&b);
}

/*
 * The rows of a table.  The first column is a row header when it is
 * text and more columns follow (the name of a country, a mineral).
 */
static void
rows(struct html *h, const struct tab *t, const struct table *d,
    const struct numfmt *fmts, size_t ncols)
{
	size_t	 r, c, nr = table_nrows(d);
	int	 rowhead;

	rowhead = ncols > 1 && table_coltype(d, 0) == CT_TEXT;
	buf_puts(h->out, "<tbody>\n");
	for (r = 0; r < nr; r++) {
		buf_puts(h->out, "<tr>");
		for (c = 0; c < ncols; c++) {
			if (c == 0 && rowhead)
				buf_printf(h->out, "<th scope=\"row\"%s>",
				    colclass(t, d, c));
			else
				buf_printf(h->out, "<td%s>",
				    colclass(t, d, c));
			cell(h, table_get(d, r, c), &fmts[c]);
			buf_puts(h->out, c == 0 && rowhead ? "</th>" :
			    "</td>");
		}
		buf_puts(h->out, "</tr>\n");
	}
	buf_puts(h->out, "</tbody>\n");
}

static void
head_row(struct html *h, const struct tab *t, const struct table *d,
    size_t ncols)
{
	const char	*name;
	size_t		 c;

	buf_puts(h->out, "<thead>\n<tr>");
	for (c = 0; c < ncols; c++) {
		name = t != NULL && t->heads != NULL && t->heads[c] != NULL ?
		    t->heads[c] : table_colname(d, c);
		buf_printf(h->out, "<th scope=\"col\"%s>", colclass(t, d, c));
		html_text(h, name != NULL ? name : "", name ? strlen(name) : 0);
		buf_puts(h->out, "</th>");
	}
	buf_puts(h->out, "</tr>\n</thead>\n");
}

/* "Table 2" or "Figure 3" in the words of the page. */
static void
label(struct html *h, const char *word, int num)
{
	buf_printf(h->out, "<span class=\"label\">%s%s%d</span>", word,
	    h->words->numsep, num);
}

/* The same words, as plain text for an aria-label. */
static void
label_attr(struct html *h, const char *word, int num, const char *caption)
{
	buf_printf(h->out, "%s%s%d", word, h->words->numsep, num);
	if (caption != NULL && *caption != '\0') {
		buf_puts(h->out, ": ");
		html_esc_attr(h->out, caption, strlen(caption));
	}
}

void
html_table(struct html *h, const struct node *n)
{
	const struct tab *t = n->tab;
	struct numfmt	*fmts;
	size_t		 ncols, c;

	if (t == NULL || t->data == NULL)
		return;
	ncols = t->ncols < table_ncols(t->data) ? t->ncols :
	    table_ncols(t->data);
	fmts = xcalloc(ncols + 1, sizeof(*fmts));
	for (c = 0; c < ncols; c++)
		if (t->fmts != NULL)
			fmts[c] = t->fmts[c];
		else
			numfmt_defaults(&fmts[c]);
	buf_printf(h->out, "<div class=\"table\" id=\"%s\">\n",
	    html_node_id(h, n));
	buf_puts(h->out, "<section class=\"scroll\" tabindex=\"0\" "
	    "aria-label=\"");
	label_attr(h, h->words->table, n->num, t->caption);
	buf_puts(h->out, "\">\n<table>\n<caption>");
	label(h, h->words->table, n->num);
	if (t->caption != NULL && *t->caption != '\0') {
		buf_putc(h->out, ' ');
		html_text(h, t->caption, strlen(t->caption));
	}
	buf_puts(h->out, "</caption>\n");
	head_row(h, t, t->data, ncols);
	rows(h, t, t->data, fmts, ncols);
	buf_puts(h->out, "</table>\n</section>\n");
	if (t->note != NULL && *t->note != '\0') {
		buf_puts(h->out, "<p class=\"note\">");
		html_text(h, t->note, strlen(t->note));
		buf_puts(h->out, "</p>\n");
	}
	if (t->source != NULL && *t->source != '\0') {
		buf_puts(h->out, "<p class=\"note\">");
		source_note(h, t->source);
		buf_puts(h->out, "</p>\n");
	}
	buf_puts(h->out, "</div>\n");
	free(fmts);
}

/* The numbers a chart draws, as a table behind a disclosure. */
static void
figure_data(struct html *h, const struct node *n)
{
	const struct table *d = n->fig->data;
	struct numfmt	*fmts;
	const char	*spec;
	char		*err = NULL;
	size_t		 c, ncols;

	if (d == NULL || table_ncols(d) == 0 || table_nrows(d) == 0)
		return;
	ncols = table_ncols(d);
	fmts = xcalloc(ncols, sizeof(*fmts));
	for (c = 0; c < ncols; c++) {
		spec = table_colfmt(d, c);
		if (spec == NULL || !numfmt_parse(spec, &fmts[c], &err))
			numfmt_defaults(&fmts[c]);
		free(err);
		err = NULL;
	}
	buf_printf(h->out, "<details class=\"data\">\n<summary>%s</summary>\n",
	    h->words->data);
	if (n->fig->desc != NULL && *n->fig->desc != '\0') {
		buf_puts(h->out, "<p>");
		html_text(h, n->fig->desc, strlen(n->fig->desc));
		buf_puts(h->out, "</p>\n");
	}
	buf_puts(h->out, "<section class=\"scroll\" tabindex=\"0\" "
	    "aria-label=\"");
	label_attr(h, h->words->figure, n->num, h->words->data);
	buf_puts(h->out, "\">\n<table>\n");
	head_row(h, NULL, d, ncols);
	rows(h, NULL, d, fmts, ncols);
	buf_puts(h->out, "</table>\n</section>\n</details>\n");
	free(fmts);
}

void
html_figure(struct html *h, const struct node *n)
{
	const struct figure *f = n->fig;
	const char	*alt;
	char		 prefix[32];

	if (f == NULL)
		return;
	alt = f->alt != NULL && *f->alt != '\0' ? f->alt : f->caption;
	buf_printf(h->out, "<figure class=\"chart\" id=\"%s\">\n",
	    html_node_id(h, n));
	if (f->svg != NULL) {
		snprintf(prefix, sizeof(prefix), "fig%d-", n->num);
		buf_puts(h->out, "<div class=\"plot\">");
		if (!html_svg_inline(h->out, f->svg, strlen(f->svg), prefix,
		    alt, h->glyphs)) {
			msg(MSG_SYSERR, h->doc->path, n->line, n->col,
			    "figure %d: the chart's SVG is not well-formed",
			    n->num);
			h->ok = 0;
		}
		buf_puts(h->out, "</div>\n");
	} else if (alt != NULL) {
		buf_puts(h->out, "<p class=\"plot-alt\">");
		puts_esc(h, alt);
		buf_puts(h->out, "</p>\n");
	}
	buf_puts(h->out, "<figcaption>");
	label(h, h->words->figure, n->num);
	if (f->caption != NULL && *f->caption != '\0') {
		buf_putc(h->out, ' ');
		html_text(h, f->caption, strlen(f->caption));
	}
	if (f->source != NULL && *f->source != '\0') {
		buf_putc(h->out, ' ');
		source_note(h, f->source);
	}
	buf_puts(h->out, "</figcaption>\n</figure>\n");
	figure_data(h, n);
}

/* The numbered sources; with a heading, as a section of its own. */
void
html_sources(struct html *h, const char *heading)
{
	const struct source *s;
	size_t		 i;

	if (h->doc->nsources == 0)
		return;
	if (heading != NULL) {
		buf_printf(h->out, "<section class=\"sources\">\n"
		    "<h%d id=\"sources\">", h->hbase);
		puts_esc(h, heading);
		buf_printf(h->out, "</h%d>\n", h->hbase);
	}
	buf_puts(h->out, "<ol class=\"sources\">\n");
	for (i = 0; i < h->doc->nsources; i++) {
		s = &h->doc->sources[i];
		buf_puts(h->out, "<li");
		if (h->srcids[i] != NULL)
			buf_printf(h->out, " id=\"%s\"", h->srcids[i]);
		buf_printf(h->out, " value=\"%d\">", s->num);
		html_text(h, s->text != NULL ? s->text : "",
		    s->text != NULL ? strlen(s->text) : 0);
		if (s->url != NULL && html_url_safe(s->url)) {
			buf_puts(h->out, " <a href=\"");
			html_esc_url(h->out, s->url);
			buf_puts(h->out, "\">");
			puts_esc(h, s->url);
			buf_puts(h->out, "</a>");
		}
		buf_puts(h->out, "</li>\n");
	}
	buf_puts(h->out, "</ol>\n");
	if (heading != NULL)
		buf_puts(h->out, "</section>\n");
}
