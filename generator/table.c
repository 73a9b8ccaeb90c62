/*
 * table.c: typed tables.  Storage is by column: each column is an
 * array of struct value, and every string lives in the table's arena,
 * so a table is freed with a handful of free() calls.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "data.h"

struct column {
	char		*name;
	char		*alias;		/* name without unit tokens, or NULL */
	char		*unit;		/* or NULL */
	char		*fmt;		/* display format, or NULL */
	enum ctype	 type;
	enum colsum	 sum;		/* how values combine into one */
	struct value	*v;		/* nrows values */
};

struct table {
	char		*name;
	char		*source;
	struct column	*cols;
	size_t		 ncols;
	size_t		 colcap;
	size_t		*lines;		/* source line of each row */
	size_t		 nrows;
	size_t		 rowcap;
	long		 namecol;	/* column of names, or -1 */
	struct buf	 notes;		/* sentences, space-separated */
	struct arena	*arena;
	/* Strings stored once: a million rows of "China" are one copy. */
	const char	**istr;		/* open addressing, NULL: empty */
	size_t		 icap, in;
};

/* At most this many distinct strings are shared; others are copied. */
#define INTERN_MAX	65536

static const char *const ctypes[CT__MAX] = {
	"text", "integer", "decimal", "year", "date"
};

const char *
ctype_name(enum ctype t)
{
	return t < CT__MAX ? ctypes[t] : "?";
}

int
ctype_parse(const char *s)
{
	int	 i;

	for (i = 0; i < CT__MAX; i++)
		if (strcmp(s, ctypes[i]) == 0)
			return i;
	/* Common aliases. */
	if (strcmp(s, "int") == 0 || strcmp(s, "number") == 0)
		return strcmp(s, "int") == 0 ? CT_INT : CT_DEC;
	if (strcmp(s, "string") == 0)
		return CT_TEXT;
	return -1;
}

struct table *
table_new(const char *name)
{
	struct table	*t;

	t = xcalloc(1, sizeof(*t));
	t->name = xstrdup(name ? name : "");
	t->namecol = -1;
	t->arena = arena_new();
	return t;
}

size_t
table_addcol(struct table *t, const char *name, enum ctype type)
{
	struct column	*c;

	xgrow(&t->cols, &t->colcap, t->ncols + 1, sizeof(*t->cols));
	c = &t->cols[t->ncols];
	memset(c, 0, sizeof(*c));
	c->name = xstrdup(name);
	c->type = type;
	/* Rows may already exist: the new column starts empty (V_NULL). */
	c->v = xcalloc(t->rowcap ? t->rowcap : 1, sizeof(struct value));
	return t->ncols++;
}

size_t
table_addrow(struct table *t, size_t line)
{
	size_t	 oldcap = t->rowcap, i;

	if (t->nrows + 1 > t->rowcap) {
		xgrow(&t->lines, &t->rowcap, t->nrows + 1, sizeof(size_t));
		for (i = 0; i < t->ncols; i++) {
			t->cols[i].v = xreallocarray(t->cols[i].v, t->rowcap,
			    sizeof(struct value));
			memset(t->cols[i].v + oldcap, 0,
			    (t->rowcap - oldcap) * sizeof(struct value));
		}
	}
	t->lines[t->nrows] = line;
	return t->nrows++;
}

static size_t
strhash(const char *s)
{
	size_t	 h = 5381;

	for (; *s != '\0'; s++)
		h = h * 33 + (unsigned char)*s;
	return h ^ (h >> 16);
}

/* The table's copy of s, shared by every cell that holds the same. */
static const char *
intern(struct table *t, const char *s)
{
	const char	**old;
	size_t		 i, j, ocap;

	if (t->in * 2 >= t->icap) {
		if (t->in >= INTERN_MAX)
			return arena_strdup(t->arena, s);
		old = t->istr;
		ocap = t->icap;
		t->icap = ocap ? ocap * 2 : 256;
		t->istr = xcalloc(t->icap, sizeof(*t->istr));
		for (i = 0; i < ocap; i++) {
			if (old[i] == NULL)
				continue;
			for (j = strhash(old[i]) & (t->icap - 1);
			    t->istr[j] != NULL; j = (j + 1) & (t->icap - 1))
				continue;
			t->istr[j] = old[i];
		}
		free(old);
	}
	for (i = strhash(s) & (t->icap - 1); t->istr[i] != NULL;
	    i = (i + 1) & (t->icap - 1))
		if (strcmp(t->istr[i], s) == 0)
			return t->istr[i];
	t->istr[i] = arena_strdup(t->arena, s);
	t->in++;
	return t->istr[i];
}

void
table_set(struct table *t, size_t row, size_t col, const struct value *v)
{
	struct value	*d;

	if (row >= t->nrows || col >= t->ncols)
		return;
	d = &t->cols[col].v[row];
	*d = *v;
	if (v->str != NULL)
		d->str = intern(t, v->str);
}

void
table_setnum(struct table *t, size_t row, size_t col, double x)
{
	struct value	 v;

	memset(&v, 0, sizeof(v));
	v.kind = V_NUM;
	v.num = x;
	table_set(t, row, col, &v);
}

void
table_settext(struct table *t, size_t row, size_t col, const char *s)
{
	struct value	 v;

	memset(&v, 0, sizeof(v));
	v.kind = s ? V_TEXT : V_NULL;
	v.str = s;
	table_set(t, row, col, &v);
}

void
table_col_settype(struct table *t, size_t col, enum ctype type)
{
	if (col < t->ncols)
		t->cols[col].type = type;
}

static void
setstr(char **p, const char *s)
{
	free(*p);
	*p = s ? xstrdup(s) : NULL;
}

void
table_col_setunit(struct table *t, size_t col, const char *unit)
{
	if (col < t->ncols)
		setstr(&t->cols[col].unit, unit);
}

void
table_col_setfmt(struct table *t, size_t col, const char *fmt)
{
	if (col < t->ncols)
		setstr(&t->cols[col].fmt, fmt);
}

void
table_col_setsum(struct table *t, size_t col, enum colsum sum)
{
	if (col < t->ncols)
		t->cols[col].sum = sum;
}

enum colsum
table_colsum(const struct table *t, size_t col)
{
	const struct column *c;

	if (col >= t->ncols)
		return CS_NONE;
	c = &t->cols[col];
	if (c->sum != CS_AUTO)
		return c->sum;
	if ((c->type != CT_INT && c->type != CT_DEC) || (c->unit != NULL &&
	    strpbrk(c->unit, "%/") != NULL))
		return CS_SAME;
	return CS_ADD;
}

void
table_setsource(struct table *t, const char *file)
{
	setstr(&t->source, file);
}

const char *
table_intern(struct table *t, const char *s)
{
	return s ? arena_strdup(t->arena, s) : NULL;
}

struct arena *
table_arena(struct table *t)
{
	return t->arena;
}

void
table_free(struct table *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++) {
		free(t->cols[i].name);
		free(t->cols[i].alias);
		free(t->cols[i].unit);
		free(t->cols[i].fmt);
		free(t->cols[i].v);
	}
	free(t->cols);
	free(t->lines);
	free(t->name);
	free(t->source);
	buf_free(&t->notes);
	free(t->istr);
	arena_free(t->arena);
	free(t);
}

const char *
table_name(const struct table *t)
{
	return t->name;
}

const char *
table_source(const struct table *t)
{
	return t->source;
}

size_t
table_nrows(const struct table *t)
{
	return t->nrows;
}

size_t
table_ncols(const struct table *t)
{
	return t->ncols;
}

const char *
table_colname(const struct table *t, size_t col)
{
	return col < t->ncols ? t->cols[col].name : NULL;
}

enum ctype
table_coltype(const struct table *t, size_t col)
{
	return col < t->ncols ? t->cols[col].type : CT_TEXT;
}

const char *
table_colunit(const struct table *t, size_t col)
{
	return col < t->ncols ? t->cols[col].unit : NULL;
}

const char *
table_colfmt(const struct table *t, size_t col)
{
	return col < t->ncols ? t->cols[col].fmt : NULL;
}

long
table_colfind(const struct table *t, const char *name)
{
	size_t	 i, j;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return (long)i;
	for (i = 0; i < t->ncols; i++)
		if (strcasecmp(t->cols[i].name, name) == 0)
			return (long)i;
	/* Then by alias ("Reserves" for "Reserves_kt"), if unambiguous. */
	for (i = 0; i < t->ncols; i++) {
		if (t->cols[i].alias == NULL ||
		    strcasecmp(t->cols[i].alias, name) != 0)
			continue;
		for (j = i + 1; j < t->ncols; j++)
			if (t->cols[j].alias != NULL &&
			    strcasecmp(t->cols[j].alias, name) == 0)
				return -1;
		return (long)i;
	}
	return -1;
}

const struct value *
table_get(const struct table *t, size_t row, size_t col)
{
	static const struct value empty;

	if (row >= t->nrows || col >= t->ncols)
		return &empty;
	return &t->cols[col].v[row];
}

size_t
table_rowline(const struct table *t, size_t row)
{
	return row < t->nrows ? t->lines[row] : 0;
}

size_t
table_memsize(const struct table *t)
{
	return sizeof(*t) + t->colcap * sizeof(struct column) +
	    t->rowcap * (sizeof(size_t) + t->ncols * sizeof(struct value)) +
	    t->icap * sizeof(*t->istr) + arena_size(t->arena);
}

void
table_col_setalias(struct table *t, size_t col, const char *alias)
{
	if (col < t->ncols)
		setstr(&t->cols[col].alias, alias && *alias ? alias : NULL);
}

const char *
table_colalias(const struct table *t, size_t col)
{
	return col < t->ncols ? t->cols[col].alias : NULL;
}

void
table_setnamecol(struct table *t, long col)
{
	t->namecol = col >= 0 && (size_t)col < t->ncols ? col : -1;
}

long
table_namecol(const struct table *t)
{
	return t->namecol;
}

/*
 * Sentences end in '.' before a space or the end, or in the Chinese
 * full stop, which needs no space after it.
 */
#define FULLSTOP	"\xe3\x80\x82"	/* U+3002 */

static int
after_stop(const char *s, const char *p)
{
	return p - s >= 3 && memcmp(p - 3, FULLSTOP, 3) == 0;
}

void
table_addnote(struct table *t, const char *s)
{
	const char	*p, *d = t->notes.data;
	size_t		 n;

	if (s == NULL || *s == '\0')
		return;
	n = strlen(s);
	/* Ignore a sentence already there (as a whole sentence). */
	for (p = d; p != NULL && (p = strstr(p, s)) != NULL; p += n)
		if ((p == d || p[-1] == ' ' || after_stop(d, p)) &&
		    (p[n] == '\0' || p[n] == ' ' || after_stop(p, p + n)))
			return;
	if (t->notes.len && !after_stop(d, d + t->notes.len))
		buf_putc(&t->notes, ' ');
	buf_puts(&t->notes, s);
}

const char *
table_note(const struct table *t)
{
	return t->notes.len ? t->notes.data : NULL;
}

void
table_copynotes(struct table *t, const struct table *from)
{
	const char	*s, *e;
	char		*one;

	if ((s = table_note(from)) == NULL)
		return;
	if (t->notes.len == 0) {
		buf_puts(&t->notes, s);
		return;
	}
	while (*s != '\0') {
		for (e = s; *e != '\0' && !after_stop(s, e); e++)
			if (e[0] == '.' && (e[1] == ' ' || e[1] == '\0')) {
				e++;
				break;
			}
		one = xstrndup(s, (size_t)(e - s));
		table_addnote(t, one);
		free(one);
		s = *e == ' ' ? e + 1 : e;
	}
}

enum rowclass
table_rowclass(const struct table *t, size_t row)
{
	const struct value *v;

	if (t->namecol < 0)
		return RC_ITEM;
	v = table_get(t, row, (size_t)t->namecol);
	return v->kind == V_TEXT ? name_class(v->str) : RC_ITEM;
}

static int
kindrank(int k)
{
	/* Numbers, then bounds, then text, then the missing kinds. */
	switch (k) {
	case V_NUM:
	case V_LOWER:
	case V_UPPER:
		return 0;
	case V_TEXT:
		return 1;
	default:
		return 2;
	}
}

int
value_cmp(const struct value *a, const struct value *b)
{
	int	 ra = kindrank(a->kind), rb = kindrank(b->kind);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (ra == 0)
		return a->num < b->num ? -1 : a->num > b->num;
	if (ra == 1)
		return strcmp(a->str, b->str);
	return 0;
}

size_t
table_addcolfrom(struct table *t, const struct table *src, size_t col,
    const char *name)
{
	size_t	 j;

	j = table_addcol(t, name ? name : table_colname(src, col),
	    table_coltype(src, col));
	table_col_setunit(t, j, table_colunit(src, col));
	table_col_setfmt(t, j, table_colfmt(src, col));
	table_col_setsum(t, j, src->cols[col].sum);
	if (name == NULL)
		table_col_setalias(t, j, table_colalias(src, col));
	return j;
}

struct table *
table_newlike(const struct table *src, const char *name)
{
	struct table	*t;
	size_t		 j;

	t = table_new(name ? name : src->name);
	for (j = 0; j < src->ncols; j++)
		table_addcolfrom(t, src, j, NULL);
	t->namecol = src->namecol;
	setstr(&t->source, src->source);
	table_copynotes(t, src);
	return t;
}

size_t
table_copyrow(struct table *t, const struct table *src, size_t r)
{
	size_t	 row, j;

	row = table_addrow(t, table_rowline(src, r));
	for (j = 0; j < t->ncols && j < src->ncols; j++)
		table_set(t, row, j, table_get(src, r, j));
	return row;
}
