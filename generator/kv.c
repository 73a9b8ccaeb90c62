/*
 * kv.c: YAML into a small positioned tree, with libyaml's event
 * parser.  Working from events rather than yaml_parser_load() means
 * an alias is seen before anything is expanded, so refusing anchors
 * and aliases makes "billion laughs" impossible, and the depth and
 * node limits are checked as the tree grows.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "aux.h"
#include "kv.h"
#include "msg.h"

/* Parser state: the node being filled and where positions start. */
struct kvparse {
	const char		*file;
	size_t			 line0, col0;
	const struct kvlimits	*lim;
	const char		*text;
	size_t			 len;
	struct kv		*root;
	struct kv		*cur;		/* open map or list */
	size_t			 depth;
	size_t			 nodes;
	char			*key;		/* map key awaiting a value */
	size_t			 kline, kcol;
	int			 ndocs;
};

void
kvlimits_defaults(struct kvlimits *l)
{
	l->max_depth = 16;
	l->max_nodes = 10000;
}

void
kv_free(struct kv *k)
{
	struct kv	*c, *next;

	if (k == NULL)
		return;
	for (c = k->first; c != NULL; c = next) {
		next = c->next;
		kv_free(c);
	}
	free(k->key);
	free(k->val);
	free(k);
}

static size_t
pline(const struct kvparse *p, const yaml_mark_t *m)
{
	return p->line0 + m->line;
}

static size_t
pcol(const struct kvparse *p, const yaml_mark_t *m)
{
	return p->col0 + m->column;
}

/*
 * A value that starts with "{{" is a flow mapping to YAML, which is
 * never what the author meant; say so when an error is on such a line.
 */
static const char *
hint(const struct kvparse *p, size_t mline)
{
	const char	*s = p->text, *end = p->text + p->len, *nl;
	size_t		 l = 0;

	while (l < mline && s < end && (nl = memchr(s, '\n',
	    (size_t)(end - s))) != NULL) {
		s = nl + 1;
		l++;
	}
	nl = memchr(s, '\n', (size_t)(end - s));
	if (nl == NULL)
		nl = end;
	while (s + 3 < nl) {
		if ((s[0] == ':' || s[0] == '-') && s[1] == ' ' &&
		    s[2] == '{' && s[3] == '{')
			return " (put a value that starts with {{ in quotes)";
		s++;
	}
	return "";
}

static void
yaml_error(struct kvparse *p, const yaml_parser_t *y)
{
	const yaml_mark_t *m = &y->problem_mark;

	if (y->error == YAML_MEMORY_ERROR) {
		msg(MSG_SYSERR, p->file, 0, 0, "out of memory reading YAML");
		return;
	}
	if (y->context != NULL && y->context_mark.line != m->line)
		msg(MSG_ERROR, p->file, pline(p, m), pcol(p, m),
		    "bad YAML: %s %s (line %zu)%s", y->problem, y->context,
		    pline(p, &y->context_mark), hint(p, m->line));
	else
		msg(MSG_ERROR, p->file, pline(p, m), pcol(p, m),
		    "bad YAML: %s%s%s%s", y->problem ? y->problem : "error",
		    y->context ? " " : "", y->context ? y->context : "",
		    hint(p, m->line));
}

/* Refuse what we do not support: anchors, aliases and tags. */
static int
plain_node(struct kvparse *p, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	const yaml_mark_t *m = &ev->start_mark;

	if (anchor != NULL) {
		msg(MSG_ERROR, p->file, pline(p, m), pcol(p, m),
		    "YAML anchors (&%s) are not allowed", anchor);
		return 0;
	}
	if (tag != NULL) {
		msg(MSG_ERROR, p->file, pline(p, m), pcol(p, m),
		    "YAML tags (%s) are not allowed", tag);
		return 0;
	}
	if (++p->nodes > p->lim->max_nodes) {
		msg(MSG_ERROR, p->file, pline(p, m), pcol(p, m),
		    "too many YAML values (the limit is %zu)",
		    p->lim->max_nodes);
		return 0;
	}
	return 1;
}

/* Add a new node to the open container; return it, or NULL. */
static struct kv *
add(struct kvparse *p, enum kvtype t, const yaml_mark_t *m)
{
	struct kv	*k, *c;

	k = xcalloc(1, sizeof(*k));
	k->type = t;
	k->line = pline(p, m);
	k->col = pcol(p, m);
	if (p->cur == NULL) {
		p->root = k;
		return k;
	}
	if (p->cur->type == KV_MAP) {
		for (c = p->cur->first; c != NULL; c = c->next)
			if (strcmp(c->key, p->key) == 0)
				break;
		if (c != NULL) {
			msg(MSG_ERROR, p->file, p->kline, p->kcol,
			    "duplicate key '%s' (first given at line %zu)",
			    p->key, c->kline);
			free(k);
			return NULL;
		}
		k->key = p->key;
		k->kline = p->kline;
		k->kcol = p->kcol;
		p->key = NULL;
	}
	k->parent = p->cur;
	if (p->cur->last != NULL)
		p->cur->last->next = k;
	else
		p->cur->first = k;
	p->cur->last = k;
	p->cur->nkids++;
	return k;
}

static int
is_null(const yaml_event_t *ev)
{
	const char	*v = (const char *)ev->data.scalar.value;

	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE &&
	    ev->data.scalar.style != YAML_ANY_SCALAR_STYLE)
		return 0;
	return *v == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	    strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

static int
on_scalar(struct kvparse *p, const yaml_event_t *ev)
{
	const yaml_mark_t *m = &ev->start_mark;
	struct kv	*k;
	int		 quoted;

	if (!plain_node(p, ev, ev->data.scalar.anchor, ev->data.scalar.tag))
		return 0;
	if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length)) {
		msg(MSG_ERROR, p->file, pline(p, m), pcol(p, m),
		    "a NUL character is not allowed in a value");
		return 0;
	}
	if (p->cur != NULL && p->cur->type == KV_MAP && p->key == NULL) {
		p->key = xstrdup((const char *)ev->data.scalar.value);
		p->kline = pline(p, m);
		p->kcol = pcol(p, m);
		return 1;
	}
	if ((k = add(p, is_null(ev) ? KV_NULL : KV_SCALAR, m)) == NULL)
		return 0;
	quoted = ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	    ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if (k->type == KV_SCALAR) {
		k->val = xstrdup((const char *)ev->data.scalar.value);
		k->quoted = quoted;
		if (quoted)
			k->col++;
	}
	return 1;
}

static int
on_start(struct kvparse *p, const yaml_event_t *ev, enum kvtype t)
{
	const yaml_mark_t *m = &ev->start_mark;
	const yaml_char_t *anchor, *tag;
	struct kv	*k;

	if (t == KV_MAP) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	} else {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	}
	if (!plain_node(p, ev, anchor, tag))
		return 0;
	if (p->cur != NULL && p->cur->type == KV_MAP && p->key == NULL) {
		msg(MSG_ERROR, p->file, pline(p, m), pcol(p, m),
		    "a key must be plain text, not %s%s",
		    t == KV_MAP ? "a mapping" : "a list", hint(p, m->line));
		return 0;
	}
	if (++p->depth > p->lim->max_depth) {
		msg(MSG_ERROR, p->file, pline(p, m), pcol(p, m),
		    "YAML nested too deeply (the limit is %zu levels)",
		    p->lim->max_depth);
		return 0;
	}
	if ((k = add(p, t, m)) == NULL)
		return 0;
	p->cur = k;
	return 1;
}

/* Handle one event; return 1 to go on, 0 on error. */
static int
on_event(struct kvparse *p, const yaml_event_t *ev)
{
	const yaml_mark_t *m = &ev->start_mark;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (p->ndocs++ > 0) {
			msg(MSG_ERROR, p->file, pline(p, m), pcol(p, m),
			    "only one YAML document is allowed here");
			return 0;
		}
		return 1;
	case YAML_ALIAS_EVENT:
		msg(MSG_ERROR, p->file, pline(p, m), pcol(p, m),
		    "YAML aliases (*%s) are not allowed",
		    ev->data.alias.anchor);
		return 0;
	case YAML_SCALAR_EVENT:
		return on_scalar(p, ev);
	case YAML_MAPPING_START_EVENT:
		return on_start(p, ev, KV_MAP);
	case YAML_SEQUENCE_START_EVENT:
		return on_start(p, ev, KV_LIST);
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		p->depth--;
		if (p->cur != NULL && p->cur->parent != NULL)
			p->cur = p->cur->parent;
		return 1;
	default:
		return 1;
	}
}

struct kv *
kv_parse(const char *text, size_t len, const char *file, size_t line,
    size_t col, const struct kvlimits *lim)
{
	struct kvparse	 p;
	struct kvlimits	 deflim;
	yaml_parser_t	 y;
	yaml_event_t	 ev;
	int		 done = 0, ok = 1;

	if (lim == NULL) {
		kvlimits_defaults(&deflim);
		lim = &deflim;
	}
	memset(&p, 0, sizeof(p));
	p.file = file;
	p.line0 = line;
	p.col0 = col;
	p.lim = lim;
	p.text = text;
	p.len = len;
	if (!yaml_parser_initialize(&y)) {
		msg(MSG_SYSERR, file, 0, 0, "cannot start the YAML parser");
		return NULL;
	}
	yaml_parser_set_input_string(&y, (const unsigned char *)text, len);
	while (ok && !done) {
		if (!yaml_parser_parse(&y, &ev)) {
			yaml_error(&p, &y);
			ok = 0;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		ok = on_event(&p, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&y);
	free(p.key);
	if (!ok) {
		kv_free(p.root);
		return NULL;
	}
	if (p.root == NULL) {
		p.root = xcalloc(1, sizeof(*p.root));
		p.root->line = line;
		p.root->col = col;
	}
	return p.root;
}

struct kv *
kv_get(const struct kv *map, const char *key)
{
	struct kv	*c;

	if (map == NULL || map->type != KV_MAP)
		return NULL;
	for (c = map->first; c != NULL; c = c->next)
		if (strcmp(c->key, key) == 0)
			return c;
	return NULL;
}

const char *
kv_typename(const struct kv *k)
{
	switch (k->type) {
	case KV_MAP:
		return "a mapping";
	case KV_LIST:
		return "a list";
	case KV_SCALAR:
		return "a value";
	default:
		return "nothing";
	}
}

size_t
kv_line(const struct kv *k)
{
	return k->key != NULL ? k->kline : k->line;
}

size_t
kv_col(const struct kv *k)
{
	return k->key != NULL ? k->kcol : k->col;
}

int
kv_check_map(const struct kv *k, const char *file, const char *what,
    const char *const known[])
{
	const struct kv	*c;
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;
	int		 ok = 1;

	if (k->type == KV_NULL)
		return 1;
	if (k->type != KV_MAP) {
		msg(MSG_ERROR, file, k->line, k->col, "%s: expected "
		    "key: value lines, not %s", what, kv_typename(k));
		return 0;
	}
	for (c = k->first; c != NULL; c = c->next) {
		for (i = 0; known[i] != NULL; i++)
			if (strcmp(c->key, known[i]) == 0)
				break;
		if (known[i] != NULL)
			continue;
		if (b.len == 0)
			for (i = 0; known[i] != NULL; i++)
				buf_printf(&b, "%s%s", i ? ", " : "",
				    known[i]);
		msg(MSG_ERROR, file, c->kline, c->kcol,
		    "unknown option '%s' for %s (known: %s)", c->key, what,
		    b.data);
		ok = 0;
	}
	buf_free(&b);
	return ok;
}

const char *
kv_want_str(const struct kv *k, const char *file, int allow_empty)
{
	if (k->type == KV_SCALAR)
		return k->val;
	if (k->type == KV_NULL && allow_empty)
		return "";
	if (k->key != NULL)
		msg(MSG_ERROR, file, k->line, k->col,
		    "%s: expected a value, not %s", k->key, kv_typename(k));
	else
		msg(MSG_ERROR, file, k->line, k->col,
		    "expected a value, not %s", kv_typename(k));
	return NULL;
}

int
kv_want_bool(const struct kv *k, const char *file, int *v)
{
	static const char *const yes[] = { "true", "yes", "on", NULL };
	static const char *const no[] = { "false", "no", "off", NULL };
	const char	*s;
	size_t		 i;

	if ((s = kv_want_str(k, file, 0)) == NULL)
		return 0;
	for (i = 0; yes[i] != NULL; i++)
		if (strcasecmp(s, yes[i]) == 0) {
			*v = 1;
			return 1;
		}
	for (i = 0; no[i] != NULL; i++)
		if (strcasecmp(s, no[i]) == 0) {
			*v = 0;
			return 1;
		}
	msg(MSG_ERROR, file, k->line, k->col,
	    "%s: expected true or false, not '%s'", k->key ? k->key : "value",
	    s);
	return 0;
}

int
kv_want_int(const struct kv *k, const char *file, long min, long max,
    long *v)
{
	const char	*s;
	char		*end;
	long		 n;

	if ((s = kv_want_str(k, file, 0)) == NULL)
		return 0;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n < min || n > max) {
		msg(MSG_ERROR, file, k->line, k->col,
		    "%s: expected a whole number from %ld to %ld, not '%s'",
		    k->key ? k->key : "value", min, max, s);
		return 0;
	}
	*v = n;
	return 1;
}

/*
 * A scalar as text, or a list of scalars joined with ", " (options
 * such as `keywords: [a, b]`).  Return it (caller frees), or NULL
 * after reporting a value of the wrong kind.
 */
char *
kv_join(const struct kv *k, const char *file)
{
	struct buf	 b = { NULL, 0, 0 };
	const struct kv	*c;
	const char	*s;

	if (k->type != KV_LIST) {
		s = kv_want_str(k, file, 1);
		return s ? xstrdup(s) : NULL;
	}
	for (c = k->first; c != NULL; c = c->next) {
		if ((s = kv_want_str(c, file, 0)) == NULL) {
			buf_free(&b);
			return NULL;
		}
		buf_printf(&b, "%s%s", b.len ? ", " : "", s);
	}
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_steal(&b);
}
