/*
 * tree.c: dump the expanded document, one node per line, indented by
 * depth.  The format is stable: tests compare it with golden files.
 */
#include <stdio.h>
#include <string.h>

#include "aux.h"
#include "data.h"
#include "dl.h"
#include "doc.h"
#include "fmt.h"
#include "tree.h"

/* A string, quoted with C-like escapes, on one line. */
static void
quote(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; s && *s; s++) {
		switch (*s) {
		case '"':
			buf_puts(b, "\\\"");
			break;
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		default:
			if ((unsigned char)*s < 0x20)
				buf_printf(b, "\\x%02x", (unsigned char)*s);
			else
				buf_putc(b, *s);
		}
	}
	buf_putc(b, '"');
}

static void
attr(struct buf *b, const char *name, const char *val)
{
	if (val == NULL)
		return;
	buf_printf(b, " %s=", name);
	quote(b, val);
}

static void
indent(struct buf *b, int depth)
{
	int	 i;

	for (i = 0; i < depth; i++)
		buf_puts(b, "  ");
}

static void
dump_table(struct buf *b, const struct tab *t, int depth)
{
	const struct table *d = t->data;
	size_t	 r, c, nr;

	nr = d ? table_nrows(d) : 0;
	indent(b, depth);
	buf_puts(b, "|");
	for (c = 0; c < t->ncols; c++) {
		buf_putc(b, ' ');
		buf_puts(b, t->heads[c]);
		buf_puts(b, c + 1 < t->ncols ? " |" : " |\n");
	}
	for (r = 0; r < nr; r++) {
		indent(b, depth);
		buf_puts(b, "|");
		for (c = 0; c < t->ncols && c < table_ncols(d); c++) {
			buf_putc(b, ' ');
			fmt_value(b, table_get(d, r, c), &t->fmts[c]);
			buf_puts(b, " |");
		}
		buf_putc(b, '\n');
	}
}

static void
dump_node(struct buf *b, const struct node *n, int depth)
{
	const struct node *c;
	size_t		 i;

	indent(b, depth);
	buf_puts(b, ntype_name(n->type));
	switch (n->type) {
	case N_HEADING:
		buf_printf(b, " level=%d", n->level);
		break;
	case N_LIST:
		buf_printf(b, " ordered=%d start=%d tight=%d",
		    n->ordered, n->start, n->tight);
		break;
	case N_FIGURE:
	case N_TABLE:
	case N_CITE:
		buf_printf(b, " num=%d", n->num);
		break;
	default:
		break;
	}
	attr(b, "number", n->number);
	attr(b, "id", n->id);
	attr(b, "url", n->url);
	attr(b, "title", n->title);
	attr(b, "info", n->info);
	if (n->text != NULL) {
		buf_putc(b, ' ');
		quote(b, n->text);
	}
	if (n->fig != NULL) {
		attr(b, "caption", n->fig->caption);
		attr(b, "source", n->fig->source);
		attr(b, "alt", n->fig->alt);
		if (n->fig->dl != NULL)
			buf_printf(b, " size=%.1fx%.1f ops=%zu",
			    dl_width(n->fig->dl), dl_height(n->fig->dl),
			    dl_len(n->fig->dl));
	}
	if (n->tab != NULL) {
		attr(b, "caption", n->tab->caption);
		attr(b, "source", n->tab->source);
		attr(b, "note", n->tab->note);
		buf_puts(b, " align=");
		for (i = 0; i < n->tab->ncols; i++)
			buf_putc(b, "lrcd"[n->tab->align[i] & 3]);
	}
	if (n->type == N_TOC)
		buf_printf(b, " depth=%d", n->level);
	if (n->line && (n->type < N_TEXT || n->type == N_VALUE ||
	    n->type == N_CITE || n->type == N_XREF))
		buf_printf(b, " @%s%s%zu:%zu", n->file ? n->file : "",
		    n->file ? ":" : "", n->line, n->col);
	buf_putc(b, '\n');
	if (n->tab != NULL)
		dump_table(b, n->tab, depth + 1);
	for (c = n->first; c != NULL; c = c->next)
		dump_node(b, c, depth + 1);
}

void
tree_dump(const struct doc *d, struct buf *b)
{
	const struct meta *m = &d->meta;
	size_t	 i;

	buf_puts(b, "meta");
	attr(b, "title", m->title);
	attr(b, "subtitle", m->subtitle);
	attr(b, "date", m->date);
	attr(b, "author", m->author);
	attr(b, "organisation", m->organisation);
	attr(b, "edition", m->edition);
	attr(b, "lang", m->lang);
	buf_putc(b, '\n');
	if (m->summary || m->keywords || m->subject) {
		buf_puts(b, "meta");
		attr(b, "summary", m->summary);
		attr(b, "keywords", m->keywords);
		attr(b, "subject", m->subject);
		buf_putc(b, '\n');
	}
	for (i = 0; i < d->nopts; i++) {
		buf_printf(b, "style %s=", d->opts[i].key);
		quote(b, d->opts[i].value);
		buf_printf(b, " @%s:%zu:%zu\n", d->opts[i].file,
		    d->opts[i].line, d->opts[i].col);
	}
	dump_node(b, d->root, 0);
	for (i = 0; i < d->nsources; i++) {
		buf_printf(b, "source num=%d", d->sources[i].num);
		attr(b, "id", d->sources[i].id);
		attr(b, "url", d->sources[i].url);
		buf_putc(b, ' ');
		quote(b, d->sources[i].text);
		buf_putc(b, '\n');
	}
}
