/*
 * tmpl_parse.c: from a template file to our document tree.
 *
 * 1. Check the bytes (UTF-8, no NUL, none of our placeholder
 *    characters) and split off the front matter.
 * 2. Cut every marker out of the Markdown source before cmark sees
 *    it (tmpl_scan.c).
 * 3. Parse with cmark and convert its tree into ours, turning
 *    placeholders in text into value, citation and cross-reference
 *    nodes, and directive blocks into directive records; an include
 *    block parses its partial right there.
 *
 * This is the only file that includes <cmark.h>.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "aux.h"
#include "kv.h"
#include "msg.h"
#include "tmpl_int.h"
#include "utf8.h"

/* One file being converted. */
struct conv {
	struct tmpl	*t;
	const char	*file;		/* as the user sees it (interned) */
	size_t		 mark0;		/* its marks are mark0.. */
	size_t		 mark1;
	struct node	*cur;		/* where nodes go */
	size_t		 bline, bcol;	/* the enclosing block */
	size_t		 depth;
	int		 html_warned;
};

static const char *const dnames[D__MAX] = {
	"chart", "table", "toc", "sources", "include"
};

/* Step 1: the bytes. */

static int
check_bytes(const char *s, size_t len, const char *file)
{
	size_t	 bad, line, col;

	if (!utf8_valid(s, len, &bad)) {
		utf8_linecol(s, bad, &line, &col);
		msg(MSG_ERROR, file, line, col, "invalid UTF-8 (byte 0x%02x);"
		    " templates are UTF-8", (unsigned char)s[bad]);
		return 0;
	}
	for (bad = 0; bad < len; bad++) {
		if (s[bad] != '\0' && !ph_reserved(s + bad, len - bad))
			continue;
		utf8_linecol(s, bad, &line, &col);
		if (s[bad] == '\0')
			msg(MSG_ERROR, file, line, col, "a NUL byte; "
			    "templates are text");
		else
			msg(MSG_ERROR, file, line, col, "U+FDD0..U+FDEF are "
			    "noncharacters that briefgen keeps for itself");
		return 0;
	}
	return 1;
}

/* Does the line at s (up to end) consist of delim and blanks? */
static int
fence_line(const char *s, const char *end, const char *delim)
{
	size_t	 n = strlen(delim);

	if ((size_t)(end - s) < n || strncmp(s, delim, n) != 0)
		return 0;
	for (s += n; s < end && *s != '\n'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

/*
 * Find the front matter: a first line "---" and a closing "---" or
 * "..." line.  Return 1 with the YAML at fm_off (fm_len bytes) and the
 * body at body_off, 0 if there is none, -1 after reporting.
 */
int
tmpl_split_front(const char *text, size_t len, size_t *fm_off,
    size_t *fm_len, size_t *body_off, const char *file)
{
	const char	*end = text + len, *s, *nl;

	*fm_off = *fm_len = *body_off = 0;
	if (!fence_line(text, end, "---"))
		return 0;
	if ((nl = memchr(text, '\n', len)) == NULL) {
		msg(MSG_ERROR, file, 1, 1, "the front matter that starts "
		    "here has no closing --- line");
		return -1;
	}
	*fm_off = (size_t)(nl + 1 - text);
	for (s = nl + 1; s < end; s = nl + 1) {
		if (fence_line(s, end, "---") || fence_line(s, end, "...")) {
			*fm_len = (size_t)(s - text) - *fm_off;
			nl = memchr(s, '\n', (size_t)(end - s));
			*body_off = nl ? (size_t)(nl + 1 - text) : len;
			return 1;
		}
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			break;
	}
	msg(MSG_ERROR, file, 1, 1, "the front matter that starts here has "
	    "no closing --- line");
	return -1;
}

/* Step 3: cmark's tree into ours. */

static struct node *
add(struct conv *cv, enum ntype type, size_t line, size_t col)
{
	struct node	*n;

	n = node_new(type, line, col);
	if (cv->file != cv->t->doc->path)
		n->file = cv->file;
	node_append(cv->cur, n);
	return n;
}

static void
add_text(struct conv *cv, const char *s, size_t len)
{
	struct node	*l = cv->cur->last;
	char		*joined;

	if (len == 0)
		return;
	if (l != NULL && l->type == N_TEXT) {
		joined = xasprintf("%s%.*s", l->text, (int)len, s);
		free(l->text);
		l->text = joined;
		return;
	}
	add(cv, N_TEXT, cv->bline, cv->bcol)->text = xstrndup(s, len);
}

/* The mark a placeholder names, if it is this file's and unused. */
static struct mark *
take(struct conv *cv, size_t idx)
{
	struct mark	*m;

	if (idx < cv->mark0 || idx >= cv->mark1)
		return NULL;
	m = &cv->t->marks[idx];
	if (m->used)
		return NULL;
	m->used = 1;
	return m;
}

static void
conv_mark(struct conv *cv, struct mark *m)
{
	struct node	*n;

	switch (m->kind) {
	case MK_VALUE:
		n = add(cv, N_VALUE, m->line, m->col);
		m->node = n;
		break;
	case MK_CITE:
	case MK_XREF:
		n = add(cv, m->kind == MK_CITE ? N_CITE : N_XREF, m->line,
		    m->col);
		n->id = xstrdup(m->arg);
		m->node = n;
		break;
	default:
		msg(MSG_ERROR, m->file, m->line, m->col, "%s", m->arg);
		add_text(cv, m->src, strlen(m->src));
		break;
	}
}

/* Text with placeholders: text, value, citation and xref nodes. */
static void
conv_text(struct conv *cv, const char *s)
{
	size_t		 len = strlen(s), i = 0, start = 0, n, idx;
	struct mark	*m;

	while (i < len) {
		if (!ph_reserved(s + i, len - i)) {
			i++;
			continue;
		}
		add_text(cv, s + start, i - start);
		if ((n = ph_decode(s + i, len - i, &idx)) == 0 ||
		    (m = take(cv, idx)) == NULL) {
			msg(MSG_ERROR, cv->file, cv->bline, cv->bcol,
			    "U+FDD0..U+FDEF are noncharacters that briefgen "
			    "keeps for itself");
			i += n ? n : 3;
		} else {
			conv_mark(cv, m);
			i += n;
		}
		start = i;
	}
	add_text(cv, s + start, i - start);
}

/* Damerau-Levenshtein distance of at most 1? */
static int
near(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i = 0;

	while (i < la && i < lb && a[i] == b[i])
		i++;
	if (la == lb)
		return strcmp(a + i + 1, b + i + 1) == 0 ||
		    (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    strcmp(a + i + 2, b + i + 2) == 0);
	if (la == lb + 1)
		return strcmp(a + i + 1, b + i) == 0;
	if (lb == la + 1)
		return strcmp(a + i, b + i + 1) == 0;
	return 0;
}

/*
 * Which directive an info string names: its first word, or {word}.
 * Return the kind, -1 for an ordinary code block, -2 after reporting
 * an unknown directive.
 */
static int
dkind_of(struct conv *cv, const char *info, size_t line, size_t col)
{
	char		 word[64];
	size_t		 n, i;
	int		 braced = info[0] == '{';

	n = strcspn(info + braced, " \t}");
	if (n == 0 || n >= sizeof(word))
		return braced ? -2 : -1;
	memcpy(word, info + braced, n);
	word[n] = '\0';
	for (i = 0; i < D__MAX; i++)
		if (strcmp(word, dnames[i]) == 0)
			return (int)i;
	if (braced) {
		msg(MSG_ERROR, cv->file, line, col, "unknown directive '%s' "
		    "(known: chart, table, include, toc, sources)", word);
		return -2;
	}
	for (i = 0; i < D__MAX; i++)
		if (n >= 4 && near(word, dnames[i])) {
			msg(MSG_ERROR, cv->file, line, col, "unknown directive "
			    "'%s' (did you mean '%s'? for a code block, name "
			    "its language)", word, dnames[i]);
			return -2;
		}
	return -1;
}

static void conv_include(struct conv *, struct kv *, size_t, size_t);

static void
conv_directive(struct conv *cv, int kind, const char *info, const char *body,
    size_t line, size_t col)
{
	static const enum ntype types[D__MAX] = {
		N_FIGURE, N_TABLE, N_TOC, N_SOURCES, N_DOCUMENT
	};
	struct directive *d;
	struct kv	*opts;
	const char	*rest;

	rest = info + strcspn(info, " \t");
	rest += strspn(rest, " \t");
	if (*rest != '\0' && !(info[0] == '{' && strcmp(rest, "}") == 0)) {
		msg(MSG_ERROR, cv->file, line, col, "%s: options go in the "
		    "block as YAML lines (key: value), not after the name",
		    dnames[kind]);
		return;
	}
	if ((opts = kv_parse(body, strlen(body), cv->file, line + 1, col,
	    NULL)) == NULL)
		return;
	if (kind == D_INCLUDE) {
		conv_include(cv, opts, line, col);
		kv_free(opts);
		return;
	}
	d = tmpl_adddir(cv->t, (enum dkind)kind,
	    add(cv, types[kind], line, col), cv->file, line, col);
	if (d == NULL)
		kv_free(opts);
	else
		d->opts = opts;
}

static void
conv_codeblock(struct conv *cv, cmark_node *cn, size_t line, size_t col)
{
	struct node	*n;
	char		*info, *body;
	int		 kind;

	info = tmpl_restore(cv->t, cmark_node_get_fence_info(cn));
	body = tmpl_restore(cv->t, cmark_node_get_literal(cn));
	if ((kind = dkind_of(cv, info, line, col)) >= 0)
		conv_directive(cv, kind, info, body, line, col);
	else if (kind == -1) {
		n = add(cv, N_CODEBLOCK, line, col);
		n->text = body;
		body = NULL;
		if (*info != '\0')
			n->info = xstrdup(info);
	}
	free(info);
	free(body);
}

static void
conv_html(struct conv *cv, cmark_node *cn, enum ntype type)
{
	const char	*lit = cmark_node_get_literal(cn);
	struct node	*n;

	if (!cv->t->opts->unsafe) {
		/* Comments are the author's notes; say nothing of them. */
		if (strncmp(lit, "<!--", 4) != 0 && !cv->html_warned) {
			msg(MSG_WARNING, cv->file, cv->bline, cv->bcol,
			    "raw HTML is dropped (--unsafe keeps it)");
			cv->html_warned = 1;
		}
		return;
	}
	n = add(cv, type, cv->bline, cv->bcol);
	n->text = tmpl_restore(cv->t, lit);
}

/* Values in a string that is filled later (a link's URL or title). */
static void
keep_marks(struct conv *cv, const char *s)
{
	size_t	 len = strlen(s), i, n, idx;

	for (i = 0; i < len; i++)
		if ((n = ph_decode(s + i, len - i, &idx)) != 0 &&
		    idx >= cv->mark0 && idx < cv->mark1) {
			cv->t->marks[idx].instr = 1;
			i += n - 1;
		}
}

static void
conv_link(struct conv *cv, cmark_node *cn, enum ntype type)
{
	struct node	*n;
	const char	*title = cmark_node_get_title(cn);

	n = add(cv, type, cv->bline, cv->bcol);
	n->url = xstrdup(cmark_node_get_url(cn));
	keep_marks(cv, n->url);
	if (title != NULL && *title != '\0') {
		n->title = xstrdup(title);
		keep_marks(cv, n->title);
	}
	cv->cur = n;
}

/* Open a container node of our tree for cmark node cn. */
static void
conv_enter(struct conv *cv, cmark_node *cn)
{
	struct node	*n = NULL;
	size_t		 line, col;

	line = (size_t)cmark_node_get_start_line(cn);
	col = (size_t)cmark_node_get_start_column(cn);
	switch (cmark_node_get_type(cn)) {
	case CMARK_NODE_BLOCK_QUOTE:
		n = add(cv, N_QUOTE, line, col);
		break;
	case CMARK_NODE_LIST:
		n = add(cv, N_LIST, line, col);
		n->ordered = cmark_node_get_list_type(cn) == CMARK_ORDERED_LIST;
		n->start = n->ordered ? cmark_node_get_list_start(cn) : 0;
		n->tight = cmark_node_get_list_tight(cn);
		break;
	case CMARK_NODE_ITEM:
		n = add(cv, N_ITEM, line, col);
		break;
	case CMARK_NODE_PARAGRAPH:
		n = add(cv, N_PARAGRAPH, line, col);
		break;
	case CMARK_NODE_HEADING:
		n = add(cv, N_HEADING, line, col);
		n->level = cmark_node_get_heading_level(cn);
		break;
	case CMARK_NODE_EMPH:
		n = add(cv, N_EMPH, cv->bline, cv->bcol);
		break;
	case CMARK_NODE_STRONG:
		n = add(cv, N_STRONG, cv->bline, cv->bcol);
		break;
	case CMARK_NODE_LINK:
		conv_link(cv, cn, N_LINK);
		return;
	case CMARK_NODE_IMAGE:
		conv_link(cv, cn, N_IMAGE);
		return;
	default:	/* the document, custom blocks: keep the parent */
		n = cv->cur;
		break;
	}
	if (n->type < N_TEXT) {
		cv->bline = line;
		cv->bcol = col;
	}
	cv->cur = n;
}

/* A leaf: no children, entered once. */
static void
conv_leaf(struct conv *cv, cmark_node *cn)
{
	size_t	 line, col;

	line = (size_t)cmark_node_get_start_line(cn);
	col = (size_t)cmark_node_get_start_column(cn);
	switch (cmark_node_get_type(cn)) {
	case CMARK_NODE_TEXT:
		conv_text(cv, cmark_node_get_literal(cn));
		break;
	case CMARK_NODE_CODE:
		add(cv, N_CODE, cv->bline, cv->bcol)->text =
		    tmpl_restore(cv->t, cmark_node_get_literal(cn));
		break;
	case CMARK_NODE_SOFTBREAK:
		add(cv, N_SOFTBREAK, cv->bline, cv->bcol);
		break;
	case CMARK_NODE_LINEBREAK:
		add(cv, N_LINEBREAK, cv->bline, cv->bcol);
		break;
	case CMARK_NODE_HTML_INLINE:
		conv_html(cv, cn, N_HTMLINLINE);
		break;
	case CMARK_NODE_HTML_BLOCK:
		cv->bline = line;
		cv->bcol = col;
		conv_html(cv, cn, N_HTMLBLOCK);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		add(cv, N_HRULE, line, col);
		break;
	case CMARK_NODE_CODE_BLOCK:
		cv->bline = line;
		cv->bcol = col;
		conv_codeblock(cv, cn, line, col);
		break;
	default:
		break;
	}
}

static int
is_leaf(cmark_node_type type)
{
	switch (type) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_CODE_BLOCK:
		return 1;
	default:
		return 0;
	}
}

/* Walk cmark's tree, converting into cv->cur. */
static void
convert(struct conv *cv, cmark_node *root)
{
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*cn;
	struct node	*top = cv->cur;

	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cn = cmark_iter_get_node(it);
		if (is_leaf(cmark_node_get_type(cn))) {
			conv_leaf(cv, cn);
			continue;
		}
		if (ev == CMARK_EVENT_EXIT) {
			if (cn != root && cv->cur != top) {
				cv->cur = cv->cur->parent;
				cv->depth--;
			}
			continue;
		}
		if (cn != root && cv->depth + cv->t->nest >= TMPL_MAX_NEST) {
			msg(MSG_ERROR, cv->file,
			    (size_t)cmark_node_get_start_line(cn),
			    (size_t)cmark_node_get_start_column(cn),
			    "nested more than %d levels deep", TMPL_MAX_NEST);
			cmark_iter_reset(it, cn, CMARK_EVENT_EXIT);
			continue;
		}
		conv_enter(cv, cn);
		if (cn != root)
			cv->depth++;
	}
	cmark_iter_free(it);
	cv->cur = top;
}

/* An include block: the partial's blocks go where the block was. */
static void
conv_include(struct conv *cv, struct kv *opts, size_t line, size_t col)
{
	static const char *const known[] = { "file", NULL };
	struct tmpl	*t = cv->t;
	struct kv	*f;
	const char	*s;
	char		*rel = NULL, *shown = NULL, *real = NULL;
	struct buf	 chain = { NULL, 0, 0 };
	size_t		 i;

	if (!kv_check_map(opts, cv->file, "include", known))
		return;
	if ((f = kv_get(opts, "file")) == NULL) {
		msg(MSG_ERROR, cv->file, line, col, "include: the file: option "
		    "is required");
		return;
	}
	if ((s = kv_want_str(f, cv->file, 0)) == NULL ||
	    (rel = tmpl_subst_params(t, s, cv->file, f->line, f->col)) == NULL)
		goto out;
	if ((shown = tmpl_resolve(t, cv->file, rel, cv->file, f->line, f->col,
	    "include", &real)) == NULL)
		goto out;
	for (i = 0; i < t->depth; i++)
		if (strcmp(t->stack[i].real, real) == 0)
			break;
	if (i < t->depth) {
		for (; i < t->depth; i++)
			buf_printf(&chain, "%s -> ", t->stack[i].shown);
		msg(MSG_ERROR, cv->file, f->line, f->col, "include cycle: "
		    "%s%s", chain.data, shown);
		goto out;
	}
	if (t->depth > TMPL_MAX_DEPTH) {
		msg(MSG_ERROR, cv->file, f->line, f->col, "includes nested "
		    "more than %d deep", TMPL_MAX_DEPTH);
		goto out;
	}
	if (++t->nincludes > TMPL_MAX_INCLUDES) {
		msg(MSG_ERROR, cv->file, f->line, f->col, "more than %d "
		    "include blocks", TMPL_MAX_INCLUDES);
		goto out;
	}
	t->nest += cv->depth;
	tmpl_parse_file(t, shown, real, cv->cur, 0);
	t->nest -= cv->depth;
out:
	buf_free(&chain);
	free(rel);
	free(shown);
	free(real);
}

/*
 * Read and convert one file into the node into.  The main template
 * (front set) may have front matter; real is NULL for it.  Return 0
 * if the file could not be read at all.
 */
int
tmpl_parse_file(struct tmpl *t, const char *shown, const char *real,
    struct node *into, int front)
{
	struct buf	 raw = { NULL, 0, 0 }, md = { NULL, 0, 0 };
	struct conv	 cv;
	cmark_node	*root;
	char		*myreal = NULL;
	const char	*text, *file;
	size_t		 len, fm_off, fm_len, body_off, i, line;
	int		 fm, ok = 0;

	if (real == NULL) {
		if ((myreal = tmpl_resolve_main(t, shown)) == NULL)
			return 0;
		real = myreal;
	}
	file = tmpl_intern(t, shown);
	if (!tmpl_read(t, real, file, t->opts->max_bytes ?
	    t->opts->max_bytes : TMPL_MAX_BYTES, &raw, NULL, 0, 0))
		goto out;
	text = raw.data;
	len = raw.len;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!check_bytes(text, len, file))
		goto out;
	fm = front ? tmpl_split_front(text, len, &fm_off, &fm_len, &body_off,
	    file) : 0;
	if (fm < 0)
		goto out;
	if (front)
		tmpl_front(t, fm ? text + fm_off : "", fm ? fm_len : 0, 2);
	if (fm == 0)
		body_off = 0;
	/* Blank lines keep cmark's line numbers those of the file. */
	for (line = 1, i = 0; i < body_off; i++)
		if (text[i] == '\n') {
			buf_putc(&md, '\n');
			line++;
		}
	t->stack[t->depth].real = real;
	t->stack[t->depth].shown = file;
	t->depth++;
	memset(&cv, 0, sizeof(cv));
	cv.t = t;
	cv.file = file;
	cv.cur = into;
	cv.mark0 = t->nmarks;
	tmpl_scan_markdown(t, text + body_off, len - body_off, file, line, &md);
	cv.mark1 = t->nmarks;
	root = cmark_parse_document(md.data ? md.data : "", md.len,
	    CMARK_OPT_SOURCEPOS | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8);
	convert(&cv, root);
	cmark_node_free(root);
	t->depth--;
	ok = 1;
out:
	buf_free(&raw);
	buf_free(&md);
	free(myreal);
	return ok;
}
