/*
 * kv.h: a small tree of keys and values with source positions, read
 * from YAML.  Front matter, the option bodies of directive blocks and
 * theme files all go through it, so every option can be reported at
 * the file:line:col where it was written.
 *
 * Only the plain core of YAML is accepted: mappings, lists and
 * scalars.  Anchors, aliases and tags are refused (no billion laughs,
 * no surprises), and limits on depth and node count are enforced
 * while parsing.  kv.c is the only file that includes <yaml.h>.
 *
 * Who may include this: the template stage (tmpl*.c).
 */
#ifndef KV_H
#define KV_H

#include <stddef.h>

enum kvtype {
	KV_NULL = 0,	/* empty, "~" or "null" */
	KV_SCALAR,	/* text in val */
	KV_MAP,		/* children are entries with a key */
	KV_LIST		/* children have no key */
};

struct kv {
	enum kvtype	 type;
	char		*key;		/* entries of a map: the key */
	size_t		 kline, kcol;	/* where the key is written */
	char		*val;		/* KV_SCALAR: the text */
	int		 quoted;	/* scalar written in quotes */
	size_t		 line, col;	/* where the value starts; inside
					   the quotes of a quoted scalar */
	struct kv	*parent, *first, *last, *next;
	size_t		 nkids;
};

struct kvlimits {
	size_t		 max_depth;	/* nesting of maps and lists */
	size_t		 max_nodes;	/* keys, values and items in all */
};

/* Default limits: depth 16, 10,000 nodes (docs/templates.md). */
void		 kvlimits_defaults(struct kvlimits *);

/*
 * Parse len bytes of YAML.  The first byte of text is at line:col of
 * file, and col - 1 is added to the column of every line (a directive
 * body inside a list item is indented by the item).  Return the root
 * (KV_NULL for an empty text), or NULL after reporting the problem
 * with msg().  lim may be NULL for the defaults.
 */
struct kv	*kv_parse(const char *text, size_t len, const char *file,
		    size_t line, size_t col, const struct kvlimits *lim);
void		 kv_free(struct kv *);

/* The entry of a map with this key, or NULL. */
struct kv	*kv_get(const struct kv *map, const char *key);
/* "a mapping", "a list", "a value", "nothing": for messages. */
const char	*kv_typename(const struct kv *);
/* Where a node is: its key if it has one, else its value. */
size_t		 kv_line(const struct kv *);
size_t		 kv_col(const struct kv *);

/*
 * Check that node is a map (a null counts as an empty map) whose keys
 * are all in known (NULL-terminated).  Report each unknown key as
 * "unknown option 'x' for what (known: ...)".  Return 1 if all is
 * well.
 */
int		 kv_check_map(const struct kv *, const char *file,
		    const char *what, const char *const known[]);

/*
 * A scalar's text, or NULL after reporting "key: expected a value,
 * not a mapping" (a null gives "" when allow_empty is set).
 */
const char	*kv_want_str(const struct kv *, const char *file,
		    int allow_empty);

/*
 * A yes/no setting: true/false, yes/no, on/off.  Return 1 and set *v,
 * or 0 after reporting.
 */
int		 kv_want_bool(const struct kv *, const char *file, int *v);

/*
 * A whole number within [min, max].  Return 1 and set *v, or 0 after
 * reporting.
 */
int		 kv_want_int(const struct kv *, const char *file, long min,
		    long max, long *v);

/*
 * A scalar as text, or a list of scalars joined with ", ".  Return it
 * (caller frees), or NULL after reporting a value of the wrong kind.
 */
char		*kv_join(const struct kv *, const char *file);

#endif /* !KV_H */
