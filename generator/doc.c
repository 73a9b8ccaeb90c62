/*
 * doc.c: the document tree: nodes, figures, tables and the document.
 */
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "data.h"
#include "dl.h"
#include "doc.h"

static const char *const ntypes[N__MAX] = {
	"document", "heading", "paragraph", "list", "item", "quote",
	"callout", "codeblock", "hrule", "htmlblock", "figure", "table",
	"toc", "sources", "text", "code", "emph", "strong", "link",
	"image", "softbreak", "linebreak", "htmlinline", "value", "cite",
	"xref", "sup"
};

const char *
ntype_name(enum ntype t)
{
	return t < N__MAX ? ntypes[t] : "?";
}

struct node *
node_new(enum ntype t, size_t line, size_t col)
{
	struct node	*n;

	n = xcalloc(1, sizeof(*n));
	n->type = t;
	n->line = line;
	n->col = col;
	return n;
}

void
node_append(struct node *p, struct node *c)
{
	c->parent = p;
	c->next = NULL;
	c->prev = p->last;
	if (p->last)
		p->last->next = c;
	else
		p->first = c;
	p->last = c;
}

void
node_insert_before(struct node *sib, struct node *n)
{
	n->parent = sib->parent;
	n->next = sib;
	n->prev = sib->prev;
	if (sib->prev)
		sib->prev->next = n;
	else if (sib->parent)
		sib->parent->first = n;
	sib->prev = n;
}

void
node_unlink(struct node *n)
{
	if (n->prev)
		n->prev->next = n->next;
	else if (n->parent)
		n->parent->first = n->next;
	if (n->next)
		n->next->prev = n->prev;
	else if (n->parent)
		n->parent->last = n->prev;
	n->parent = n->prev = n->next = NULL;
}

void
figure_free(struct figure *f)
{
	if (f == NULL)
		return;
	dl_free(f->dl);
	free(f->caption);
	free(f->source);
	free(f->alt);
	free(f->desc);
	free(f->svg);
	table_free(f->data);
	free(f);
}

void
tab_free(struct tab *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++)
		free(t->heads ? t->heads[i] : NULL);
	free(t->heads);
	free(t->fmts);
	free(t->align);
	free(t->caption);
	free(t->source);
	free(t->note);
	table_free(t->data);
	free(t);
}

void
node_free(struct node *n)
{
	struct node	*c, *next;

	if (n == NULL)
		return;
	for (c = n->first; c != NULL; c = next) {
		next = c->next;
		node_free(c);
	}
	free(n->text);
	free(n->url);
	free(n->title);
	free(n->info);
	free(n->id);
	free(n->number);
	figure_free(n->fig);
	tab_free(n->tab);
	free(n);
}

static void
plaintext(const struct node *n, struct buf *b)
{
	const struct node *c;

	switch (n->type) {
	case N_TEXT:
	case N_CODE:
	case N_VALUE:
	case N_XREF:
		if (n->text)
			buf_puts(b, n->text);
		return;
	case N_SOFTBREAK:
	case N_LINEBREAK:
		buf_putc(b, ' ');
		return;
	case N_CITE:
		buf_printf(b, "[%d]", n->num);
		return;
	default:
		break;
	}
	for (c = n->first; c != NULL; c = c->next)
		plaintext(c, b);
}

char *
node_plaintext(const struct node *n)
{
	struct buf	 b = { NULL, 0, 0 };

	plaintext(n, &b);
	return buf_steal(&b);
}

struct doc *
doc_new(const char *path)
{
	struct doc	*d;

	d = xcalloc(1, sizeof(*d));
	d->path = xstrdup(path);
	d->name = path_stem(path);
	d->root = node_new(N_DOCUMENT, 1, 1);
	return d;
}

void
doc_adddep(struct doc *d, const char *file)
{
	size_t	 i;

	for (i = 0; i < d->ndeps; i++)
		if (strcmp(d->deps[i], file) == 0)
			return;
	d->deps = xreallocarray(d->deps, d->ndeps + 1, sizeof(char *));
	d->deps[d->ndeps++] = xstrdup(file);
}

static void
meta_free(struct meta *m)
{
	free(m->title);
	free(m->subtitle);
	free(m->date);
	free(m->author);
	free(m->organisation);
	free(m->edition);
	free(m->lang);
	free(m->summary);
	free(m->keywords);
	free(m->subject);
}

void
doc_free(struct doc *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	node_free(d->root);
	meta_free(&d->meta);
	for (i = 0; i < d->nsources; i++) {
		free(d->sources[i].id);
		free(d->sources[i].text);
		free(d->sources[i].url);
	}
	free(d->sources);
	for (i = 0; i < d->nopts; i++) {
		free(d->opts[i].key);
		free(d->opts[i].value);
		free(d->opts[i].file);
	}
	free(d->opts);
	for (i = 0; i < d->ndeps; i++)
		free(d->deps[i]);
	free(d->deps);
	free(d->path);
	free(d->name);
	free(d);
}
