/*
 * tmpl_number.c: the last pass over the expanded tree.
 *
 *	values		the computed text goes into each N_VALUE node
 *	links		{{ }} in URLs filled; schemes other than http,
 *			https and mailto dropped (unless --unsafe)
 *	callouts	> [!NOTE] and friends become N_CALLOUT
 *	headings	{#id} and {-} attributes; numbers (1, 1.1) for the
 *			document's own headings; unique slug ids
 *	figures, tables	numbered in document order
 *	citations	numbered in order of first citation
 *	cross-refs	"Figure 3", "Table 2", "Section 2.1" (图 3, 表 2)
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "msg.h"
#include "tmpl_int.h"

/*
 * Anchor ids, to keep them unique and to find cross-reference targets
 * in constant time: a template may have tens of thousands of headings.
 * Open addressing with linear probing; keys are borrowed from nodes,
 * or owned (for the slug bases, which count their next suffix).
 */
struct hent {
	char		*key;
	struct node	*node;
	int		 next;		/* next suffix for a slug base */
};

struct htab {
	struct hent	*v;
	size_t		 cap, len;
	int		 owned;		/* free the keys */
};

struct ids {
	struct htab	 ids;		/* id -> node */
	struct htab	 bases;		/* slug -> next suffix */
};

static size_t
hash(const char *s)
{
	size_t	 h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* The entry for key: found, or the empty one where it would go. */
static struct hent *
hslot(const struct htab *h, const char *key)
{
	size_t	 i = hash(key) & (h->cap - 1);

	while (h->v[i].key != NULL && strcmp(h->v[i].key, key) != 0)
		i = (i + 1) & (h->cap - 1);
	return &h->v[i];
}

static struct hent *
hget(const struct htab *h, const char *key)
{
	struct hent	*e;

	if (h->cap == 0)
		return NULL;
	e = hslot(h, key);
	return e->key != NULL ? e : NULL;
}

/* Insert key (not yet present) and return its entry. */
static struct hent *
hput(struct htab *h, const char *key)
{
	struct hent	*old = h->v, *e;
	size_t		 oldcap = h->cap, i;

	if (2 * (h->len + 1) > h->cap) {
		h->cap = h->cap ? 2 * h->cap : 64;
		h->v = xcalloc(h->cap, sizeof(*h->v));
		for (i = 0; i < oldcap; i++)
			if (old[i].key != NULL)
				*hslot(h, old[i].key) = old[i];
		free(old);
	}
	e = hslot(h, key);
	e->key = h->owned ? xstrdup(key) : (char *)key;
	h->len++;
	return e;
}

static void
hfree(struct htab *h)
{
	size_t	 i;

	for (i = 0; h->owned && i < h->cap; i++)
		free(h->v[i].key);
	free(h->v);
}

static const char *const callouts[] = {
	"note", "tip", "important", "warning", "caution", "key-findings",
	"summary", NULL
};

static const char *
nfile(const struct tmpl *t, const struct node *n)
{
	return n->file != NULL ? n->file : t->doc->path;
}

/* Next node in document order (pre-order), or NULL. */
static struct node *
next(struct node *n, const struct node *root)
{
	if (n->first != NULL)
		return n->first;
	while (n != root && n->next == NULL)
		n = n->parent;
	return n == root ? NULL : n->next;
}

/* Replace a node by its children. */
static struct node *
unwrap(struct node *n)
{
	struct node	*c, *after = n->prev ? n->prev : n->parent;

	while ((c = n->first) != NULL) {
		node_unlink(c);
		node_insert_before(n, c);
	}
	node_unlink(n);
	node_free(n);
	return after;
}

/* A link target is safe if it has no scheme or http(s), mailto. */
static int
url_safe(const char *u)
{
	char	 scheme[16];
	size_t	 n = 0;

	for (; *u != '\0'; u++) {
		if ((unsigned char)*u <= 0x20)
			continue;	/* browsers ignore these */
		if (*u == ':')
			break;
		if (*u == '/' || *u == '?' || *u == '#')
			return 1;
		if (n + 1 == sizeof(scheme))
			return 1;	/* too long to be a scheme */
		scheme[n++] = *u;
	}
	if (*u == '\0')
		return 1;
	scheme[n] = '\0';
	return strcasecmp(scheme, "http") == 0 ||
	    strcasecmp(scheme, "https") == 0 ||
	    strcasecmp(scheme, "mailto") == 0;
}

static void
fill_field(struct tmpl *t, char **s)
{
	char	*f;

	if (*s == NULL)
		return;
	f = tmpl_fill_str(t, *s);
	free(*s);
	*s = f;
}

/* Values into their nodes; links filled and checked. */
static void
fill_tree(struct tmpl *t)
{
	struct node	*n;
	size_t		 i;

	for (i = 0; i < t->nmarks; i++)
		if (t->marks[i].kind == MK_VALUE && t->marks[i].node != NULL)
			t->marks[i].node->text = xstrdup(t->marks[i].value ?
			    t->marks[i].value : "");
	for (n = t->doc->root; n != NULL; n = next(n, t->doc->root)) {
		if (n->type != N_LINK && n->type != N_IMAGE)
			continue;
		fill_field(t, &n->url);
		fill_field(t, &n->title);
		if (t->opts->unsafe || url_safe(n->url))
			continue;
		msg(MSG_WARNING, nfile(t, n), n->line, n->col, "%s to '%s' "
		    "dropped: only http, https and mailto links are kept "
		    "(--unsafe keeps any)", n->type == N_LINK ? "link" :
		    "image", n->url);
		if (n->type == N_LINK)
			n = unwrap(n);
		else {
			struct node *p = n->prev ? n->prev : n->parent;

			node_unlink(n);
			node_free(n);
			n = p;
		}
	}
}

/* Join neighbouring text nodes (left apart by dropped links and HTML). */
static void
merge_text(struct node *root)
{
	struct node	*n, *nx;
	char		*s;

	for (n = root; n != NULL; n = next(n, root))
		while (n->type == N_TEXT && (nx = n->next) != NULL &&
		    nx->type == N_TEXT) {
			s = xasprintf("%s%s", n->text, nx->text);
			free(n->text);
			n->text = s;
			node_unlink(nx);
			node_free(nx);
		}
}

/* Remove the first line of a paragraph (up to its first break). */
static void
drop_first_line(struct node *p)
{
	struct node	*c;
	int		 br;

	while ((c = p->first) != NULL) {
		br = c->type == N_SOFTBREAK || c->type == N_LINEBREAK;
		node_unlink(c);
		node_free(c);
		if (br)
			break;
	}
	if (p->first == NULL) {
		node_unlink(p);
		node_free(p);
	}
}

/* > [!KIND] Title: a callout of that kind. */
static void
callout(struct tmpl *t, struct node *q)
{
	struct node	*p = q->first, *c, *line;
	const char	*s;
	char		*kind, *title;
	size_t		 n, i;

	if (p == NULL || p->type != N_PARAGRAPH || p->first == NULL ||
	    p->first->type != N_TEXT || strncmp(p->first->text, "[!", 2) != 0)
		return;
	s = p->first->text + 2;
	n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-");
	if (n == 0 || s[n] != ']')
		return;
	kind = xstrndup(s, n);
	for (i = 0; i < n; i++)
		kind[i] = (char)(kind[i] >= 'A' && kind[i] <= 'Z' ?
		    kind[i] + 32 : kind[i]);
	for (i = 0; callouts[i] != NULL; i++)
		if (strcmp(kind, callouts[i]) == 0)
			break;
	if (callouts[i] == NULL) {
		msg(MSG_ERROR, nfile(t, q), q->line, q->col, "unknown callout "
		    "[!%s] (known: note, tip, important, warning, caution, "
		    "key-findings, summary)", kind);
		free(kind);
		return;
	}
	/* The title is the rest of the first line. */
	line = node_new(N_PARAGRAPH, 0, 0);
	for (c = p->first; c != NULL && c->type != N_SOFTBREAK &&
	    c->type != N_LINEBREAK; c = c->next) {
		struct node *cp = node_new(c->type, 0, 0);

		cp->text = c->text ? xstrdup(c->text) : NULL;
		cp->num = c->num;
		node_append(line, cp);
	}
	title = node_plaintext(line);
	node_free(line);
	s = title + n + 3;
	s += strspn(s, " \t");
	q->type = N_CALLOUT;
	q->info = kind;
	q->title = *s != '\0' ? xstrdup(s) : NULL;
	free(title);
	drop_first_line(p);
}

/*
 * Heading attributes at the end of its text: {#id}, {-} or
 * {.unnumbered}.  Return 1 if the heading is unnumbered.
 */
static int
heading_attrs(struct tmpl *t, struct node *h)
{
	struct node	*l = h->last;
	char		*s, *open, *tok, *save = NULL;
	char		*id = NULL;
	size_t		 len;
	int		 unnum = 0, ok = 1;

	if (l == NULL || l->type != N_TEXT || (len = strlen(l->text)) < 3 ||
	    l->text[len - 1] != '}' || (open = strrchr(l->text, '{')) == NULL)
		return 0;
	s = xstrndup(open + 1, (size_t)(l->text + len - 1 - open - 1));
	for (tok = strtok_r(s, " \t", &save); tok != NULL && ok;
	    tok = strtok_r(NULL, " \t", &save))
		if (tok[0] == '#' && tok[1] != '\0' && strchr(tok, '{') == NULL)
			id = tok + 1;
		else if (strcmp(tok, "-") == 0 ||
		    strcmp(tok, ".unnumbered") == 0)
			unnum = 1;
		else
			ok = 0;
	if (ok && (id != NULL || unnum)) {
		if (id != NULL)
			h->id = xstrdup(id);
		while (open > l->text && (open[-1] == ' ' || open[-1] == '\t'))
			open--;
		*open = '\0';
	} else
		unnum = 0;
	free(s);
	(void)t;
	return unnum;
}

char *
tmpl_slug(const char *text)
{
	struct buf	 b = { NULL, 0, 0 };
	const unsigned char *s;
	int		 dash = 0;

	for (s = (const unsigned char *)text; *s != '\0'; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s >= 0x80) {
			if (dash && b.len)
				buf_putc(&b, '-');
			dash = 0;
			buf_putc(&b, *s);
		} else if (*s >= 'A' && *s <= 'Z') {
			if (dash && b.len)
				buf_putc(&b, '-');
			dash = 0;
			buf_putc(&b, *s + 32);
		} else if (*s == ' ' || *s == '-' || *s == '_' || *s == '\t')
			dash = 1;
	}
	if (b.len == 0)
		buf_puts(&b, "section");
	return buf_steal(&b);
}

/* Give n an id: its own, or a slug of its text made unique. */
static void
unique_id(struct tmpl *t, struct ids *ids, struct node *n)
{
	struct hent	*b;
	char		*base, *id;
	int		 i;

	if (n->id != NULL) {
		if (hget(&ids->ids, n->id) != NULL)
			msg(MSG_ERROR, nfile(t, n), n->line, n->col, "the id "
			    "'%s' is used twice", n->id);
		else
			hput(&ids->ids, n->id)->node = n;
		return;
	}
	id = node_plaintext(n);
	base = tmpl_slug(id);
	free(id);
	if ((b = hget(&ids->bases, base)) == NULL) {
		b = hput(&ids->bases, base);
		b->next = 0;
	}
	/* Try base, base-1, base-2, ... from where this base left off. */
	for (i = b->next; ; i++) {
		id = i == 0 ? xstrdup(base) : xasprintf("%s-%d", base, i);
		if (hget(&ids->ids, id) == NULL)
			break;
		free(id);
	}
	b = hget(&ids->bases, base);
	b->next = i + 1;
	free(base);
	n->id = id;
	hput(&ids->ids, n->id)->node = n;
}

/* Number the document's own headings; give every heading an id. */
static void
headings(struct tmpl *t, struct ids *ids)
{
	struct node	*n;
	int		 base = 7, off = 7, count[7] = { 0 }, rel, i;
	struct buf	 b = { NULL, 0, 0 };

	for (n = t->doc->root; n != NULL; n = next(n, t->doc->root))
		if (n->type == N_HEADING) {
			n->num = heading_attrs(t, n) ? -1 : 0;
			if (n->id != NULL)
				unique_id(t, ids, n);
			if (n->parent == t->doc->root && n->num == 0 &&
			    n->level < base)
				base = n->level;
		}
	for (n = t->doc->root; n != NULL; n = next(n, t->doc->root)) {
		if (n->type != N_HEADING)
			continue;
		if (n->id == NULL)
			unique_id(t, ids, n);
		rel = n->level - base + 1;
		/* Below an unnumbered heading, nothing is numbered. */
		if (n->parent == t->doc->root && n->level <= off)
			off = n->num != 0 ? n->level : 7;
		if (n->parent != t->doc->root || n->num != 0 || rel < 1 ||
		    rel > t->numbering || n->level > off) {
			n->num = 0;
			continue;
		}
		count[rel]++;
		for (i = rel + 1; i < 7; i++)
			count[i] = 0;
		buf_reset(&b);
		for (i = 1; i <= rel; i++)
			buf_printf(&b, "%s%d", i > 1 ? "." : "", count[i]);
		n->number = xstrdup(b.data);
	}
	buf_free(&b);
}

/* Figures and tables: numbers in document order, and ids. */
static void
figures(struct tmpl *t, struct ids *ids)
{
	struct node	*n;
	char		*id;

	for (n = t->doc->root; n != NULL; n = next(n, t->doc->root)) {
		if (n->type == N_FIGURE)
			n->num = ++t->doc->nfigures;
		else if (n->type == N_TABLE)
			n->num = ++t->doc->ntables;
		else
			continue;
		if (n->id != NULL) {
			unique_id(t, ids, n);
			continue;
		}
		id = xasprintf("%s-%d", n->type == N_FIGURE ? "fig" : "tbl",
		    n->num);
		if (hget(&ids->ids, id) == NULL) {
			n->id = id;
			hput(&ids->ids, n->id)->node = n;
		} else
			free(id);
	}
}

static struct node *
find_id(const struct ids *ids, enum ntype type, const char *id)
{
	struct hent	*e;

	if ((e = hget(&ids->ids, id)) == NULL || e->node->type != type)
		return NULL;
	return e->node;
}

static void
xref(struct tmpl *t, const struct ids *ids, struct node *x)
{
	static const char *const words[2][3][2] = {
		{ { "Figure ", "" }, { "Table ", "" }, { "Section ", "" } },
		{ { "图 ", "" }, { "表 ", "" }, { "第 ", " 节" } }
	};
	static const char *const what[3] = { "figure", "table", "section" };
	const char	*id = x->id;
	struct node	*n;
	int		 k, zh = tmpl_is_zh(t);

	k = strncmp(id, "fig:", 4) == 0 ? 0 : strncmp(id, "tbl:", 4) == 0 ?
	    1 : 2;
	n = find_id(ids, k == 0 ? N_FIGURE : k == 1 ? N_TABLE : N_HEADING,
	    k == 2 ? id + 4 : id);
	if (n == NULL) {
		msg(MSG_ERROR, nfile(t, x), x->line, x->col, "@%s: no %s has "
		    "the id '%s'", id, what[k], id + 4);
		return;
	}
	if (k == 2) {
		free(x->id);
		x->id = xstrdup(n->id);
		x->text = n->number != NULL ? xasprintf("%s%s%s",
		    words[zh][2][0], n->number, words[zh][2][1]) :
		    node_plaintext(n);
	} else
		x->text = xasprintf("%s%d%s", words[zh][k][0], n->num,
		    words[zh][k][1]);
}

static void
cite(struct tmpl *t, struct node *c, int *count)
{
	struct srcdecl	*s = NULL;
	size_t		 i;

	for (i = 0; i < t->nsrcs; i++)
		if (strcmp(t->srcs[i].id, c->id) == 0)
			s = &t->srcs[i];
	if (s == NULL) {
		msg(MSG_ERROR, nfile(t, c), c->line, c->col, "[@%s]: no source "
		    "with this id under sources: in the front matter", c->id);
		return;
	}
	if (s->num == 0)
		s->num = ++*count;
	c->num = s->num;
}

/* The cited sources, in the order of their numbers. */
static void
sources(struct tmpl *t, int count)
{
	struct source	*d;
	size_t		 i;

	t->doc->sources = xcalloc(count ? (size_t)count : 1, sizeof(*d));
	t->doc->nsources = (size_t)count;
	for (i = 0; i < t->nsrcs; i++) {
		if (t->srcs[i].num == 0) {
			msg(MSG_WARNING, t->doc->path, t->srcs[i].line,
			    t->srcs[i].col, "source '%s' is never cited",
			    t->srcs[i].id);
			continue;
		}
		d = &t->doc->sources[t->srcs[i].num - 1];
		d->id = xstrdup(t->srcs[i].id);
		d->text = xstrdup(t->srcs[i].text);
		d->url = t->srcs[i].url ? xstrdup(t->srcs[i].url) : NULL;
		d->num = t->srcs[i].num;
	}
}

/* The last pass; return 1, or 0 after reporting. */
int
tmpl_finish(struct tmpl *t)
{
	struct ids	 ids;
	struct node	*n;
	size_t		 errs = tmpl_nerrors();
	int		 count = 0;

	memset(&ids, 0, sizeof(ids));
	ids.bases.owned = 1;
	fill_tree(t);
	merge_text(t->doc->root);
	for (n = t->doc->root; n != NULL; n = next(n, t->doc->root))
		if (n->type == N_QUOTE)
			callout(t, n);
	figures(t, &ids);
	headings(t, &ids);
	for (n = t->doc->root; n != NULL; n = next(n, t->doc->root))
		if (n->type == N_CITE)
			cite(t, n, &count);
		else if (n->type == N_XREF)
			xref(t, &ids, n);
	sources(t, count);
	tmpl_fill_meta(t);
	hfree(&ids.ids);
	hfree(&ids.bases);
	return tmpl_nerrors() == errs;
}
