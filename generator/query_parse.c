/*
 * query_parse.c: the query language's syntax (docs/queries.md).
 *
 *	query	:= [source] { "|" step }
 *	step	:= operation words ...		(one per operation)
 *	expr	:= or-expressions of comparisons of sums of products
 *
 * A lexer and a recursive-descent parser.  Every token knows its
 * file, line and column, counting from the place the template gave
 * for the query's first character, so that a message points into the
 * template.  The first error stops the parse; it says what was
 * expected and what was found instead.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "data.h"
#include "fmt.h"
#include "msg.h"
#include "query.h"
#include "query_impl.h"

enum tok {
	T_EOF, T_IDENT, T_QIDENT, T_STR, T_NUM, T_PARAM, T_PIPE, T_COMMA,
	T_LP, T_RP, T_OP
};

struct token {
	enum tok	 t;
	struct qpos	 pos;
	char		*text;		/* identifier, string, operator */
	double		 num;
};

/* The tokens of a query, read up front; the parser walks them. */
struct lex {
	struct token	*tok;
	size_t		 ntok, k;
	int		 err;
	/* The current token, copied out for brevity. */
	enum tok	 t;
	struct qpos	 pos;
	const char	*text;
	double		 num;
};

static void
lexerr(struct lex *l, const struct qpos *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
lexerr(struct lex *l, const struct qpos *p, const char *fmt, ...)
{
	struct buf	 b = { NULL, 0, 0 };
	va_list		 ap;

	if (l->err)
		return;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	msg(MSG_ERROR, p->file, p->line, p->col, "%s", b.data);
	buf_free(&b);
	l->err = 1;
}

static void
settok(struct lex *l)
{
	struct token	*t = &l->tok[l->k < l->ntok ? l->k : l->ntok - 1];

	l->t = t->t;
	l->pos = t->pos;
	l->text = t->text ? t->text : "";
	l->num = t->num;
}

static void
next(struct lex *l)
{
	if (l->k + 1 < l->ntok)
		l->k++;
	settok(l);
}

static int
identch(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '.' || c >= 0x80;
}

/* Move over n bytes of s from *i, keeping the position. */
static void
step(const char *s, size_t len, size_t *i, struct qpos *at, size_t n)
{
	for (; n > 0 && *i < len; n--, (*i)++) {
		if (s[*i] == '\n') {
			at->line++;
			at->col = 1;
		} else if (((unsigned char)s[*i] & 0xC0) != 0x80)
			at->col++;
	}
}

static void
addtok(struct lex *l, enum tok t, const struct qpos *p, const char *text,
    size_t n, double num)
{
	size_t	 cap = l->ntok;

	l->tok = xreallocarray(l->tok, cap + 1, sizeof(*l->tok));
	l->tok[l->ntok].t = t;
	l->tok[l->ntok].pos = *p;
	l->tok[l->ntok].text = text ? xstrndup(text, n) : NULL;
	l->tok[l->ntok].num = num;
	l->ntok++;
}

/* Read the whole text into tokens; 0 after reporting. */
static int
tokenize(struct lex *l, const char *s, const struct qpos *start)
{
	struct qpos	 at = *start, p;
	struct buf	 b = { NULL, 0, 0 };
	struct value	 v;
	size_t		 len = strlen(s), i = 0, j;
	unsigned char	 c, q;
	int		 dec, lead0;
	double		 x;

	while (i < len) {
		c = (unsigned char)s[i];
		if (isspace(c)) {
			step(s, len, &i, &at, 1);
			continue;
		}
		p = at;
		if (c == '|' || c == ',' || c == '(' || c == ')') {
			addtok(l, c == '|' ? T_PIPE : c == ',' ? T_COMMA :
			    c == '(' ? T_LP : T_RP, &p, s + i, 1, 0);
			step(s, len, &i, &at, 1);
		} else if (c == '"' || c == '\'' || c == '`') {
			/* Strings in quotes, names in backticks. */
			q = c;
			buf_reset(&b);
			for (j = i + 1; j < len && (unsigned char)s[j] != q;
			    j++) {
				if (s[j] == '\\' && j + 1 < len &&
				    (s[j + 1] == q || s[j + 1] == '\\'))
					j++;
				buf_putc(&b, s[j]);
			}
			if (j >= len) {
				lexerr(l, &p, "this %s is not closed: expected "
				    "%c before the end of the query",
				    q == '`' ? "name" : "string", q);
				break;
			}
			addtok(l, q == '`' ? T_QIDENT : T_STR, &p,
			    b.data ? b.data : "", b.len, 0);
			step(s, len, &i, &at, j + 1 - i);
		} else if (c == '$') {
			for (j = i + 1; j < len && identch((unsigned char)s[j]);
			    j++)
				continue;
			if (j == i + 1) {
				lexerr(l, &p, "expected a parameter name after "
				    "'$'");
				break;
			}
			addtok(l, T_PARAM, &p, s + i + 1, j - i - 1, 0);
			step(s, len, &i, &at, j - i);
		} else if (isdigit(c) || (c == '.' && i + 1 < len &&
		    isdigit((unsigned char)s[i + 1]))) {
			for (j = i; j < len && (isalnum((unsigned char)s[j]) ||
			    s[j] == '.' || ((s[j] == '-' || s[j] == '+') &&
			    (s[j - 1] == 'e' || s[j - 1] == 'E'))); j++)
				continue;
			if (!cell_number(s + i, j - i, &v, &dec, &lead0) ||
			    v.kind != V_NUM) {
				lexerr(l, &p, "'%.*s' is not a number",
				    (int)(j - i), s + i);
				break;
			}
			x = v.num;
			if (j < len && s[j] == '%') {
				x /= 100;	/* 60% is 0.6 */
				j++;
			}
			addtok(l, T_NUM, &p, s + i, j - i, x);
			step(s, len, &i, &at, j - i);
		} else if (identch(c)) {
			for (j = i; j < len && identch((unsigned char)s[j]);
			    j++)
				continue;
			addtok(l, T_IDENT, &p, s + i, j - i, 0);
			step(s, len, &i, &at, j - i);
		} else if (strchr("=!<>+-*/", c) != NULL) {
			j = i + 1;
			if (j < len && s[j] == '=' && strchr("=!<>", c) != NULL)
				j++;
			if (j == i + 1 && c == '!') {
				lexerr(l, &p, "expected '!=' (or 'not'), found "
				    "'!'");
				break;
			}
			addtok(l, T_OP, &p, s + i, j - i, 0);
			step(s, len, &i, &at, j - i);
		} else {
			for (j = i + 1; j < len &&
			    ((unsigned char)s[j] & 0xC0) == 0x80; j++)
				continue;
			lexerr(l, &p, "unexpected '%.*s'", (int)(j - i), s + i);
			break;
		}
	}
	buf_free(&b);
	addtok(l, T_EOF, &at, NULL, 0, 0);
	l->k = 0;
	settok(l);
	return !l->err;
}

static void
lex_free(struct lex *l)
{
	size_t	 i;

	for (i = 0; i < l->ntok; i++)
		free(l->tok[i].text);
	free(l->tok);
}

/* A description of the current token, for "found ...". */
static const char *
found(struct lex *l, char *buf, size_t sz)
{
	switch (l->t) {
	case T_EOF:
		return "the end of the query";
	case T_STR:
		snprintf(buf, sz, "the string \"%s\"", l->text);
		return buf;
	case T_PARAM:
		snprintf(buf, sz, "'$%s'", l->text);
		return buf;
	default:
		snprintf(buf, sz, "'%s'", l->text);
		return buf;
	}
}

static void
expected(struct lex *l, const char *what)
{
	char	 b[160];

	lexerr(l, &l->pos, "expected %s, found %s", what, found(l, b,
	    sizeof(b)));
}

static int
isword(struct lex *l, const char *w)
{
	return l->t == T_IDENT && strcasecmp(l->text, w) == 0;
}

static int
accept(struct lex *l, const char *w)
{
	if (!isword(l, w))
		return 0;
	next(l);
	return 1;
}

static int
isop(struct lex *l, const char *op)
{
	return l->t == T_OP && strcmp(l->text, op) == 0;
}

/* The token after the current one. */
static const struct token *
peek(struct lex *l)
{
	return &l->tok[l->k + 1 < l->ntok ? l->k + 1 : l->ntok - 1];
}

/* Expressions. */

static struct qexpr *parse_or(struct lex *);

static struct qexpr *
node(enum ekind k, const struct qpos *p)
{
	struct qexpr	*e = xcalloc(1, sizeof(*e));

	e->kind = k;
	e->pos = *p;
	e->col = -1;
	e->fn = -1;
	return e;
}

void
qexpr_free(struct qexpr *e)
{
	size_t	 i;

	if (e == NULL)
		return;
	qexpr_free(e->a);
	qexpr_free(e->b);
	for (i = 0; i < e->nargs; i++)
		qexpr_free(e->args[i]);
	free(e->args);
	free(e->str);
	free(e);
}

struct qexpr *
qexpr_copy(const struct qexpr *e)
{
	struct qexpr	*c;
	size_t		 i;

	if (e == NULL)
		return NULL;
	c = xmalloc(sizeof(*c));
	*c = *e;
	c->str = e->str ? xstrdup(e->str) : NULL;
	c->a = qexpr_copy(e->a);
	c->b = qexpr_copy(e->b);
	c->args = e->nargs ? xcalloc(e->nargs, sizeof(*c->args)) : NULL;
	for (i = 0; i < e->nargs; i++)
		c->args[i] = qexpr_copy(e->args[i]);
	return c;
}

static int
addarg(struct qexpr *call, struct qexpr *a)
{
	call->args = xreallocarray(call->args, call->nargs + 1,
	    sizeof(*call->args));
	call->args[call->nargs++] = a;
	return 1;
}

static struct qexpr *
parse_primary(struct lex *l)
{
	struct qexpr	*e = NULL, *a;
	struct qpos	 p = l->pos;
	enum fnclass	 cls;
	size_t		 mina, maxa;
	char		*name;

	switch (l->t) {
	case T_NUM:
		e = node(E_NUM, &p);
		e->num = l->num;
		next(l);
		return e;
	case T_STR:
		e = node(E_STR, &p);
		e->str = xstrdup(l->text);
		next(l);
		return e;
	case T_PARAM:
		e = node(E_PARAM, &p);
		e->str = xstrdup(l->text);
		next(l);
		return e;
	case T_QIDENT:
		e = node(E_COL, &p);
		e->str = xstrdup(l->text);
		next(l);
		return e;
	case T_LP:
		next(l);
		if ((e = parse_or(l)) == NULL)
			return NULL;
		if (l->t != T_RP) {
			expected(l, "')' to close '('");
			qexpr_free(e);
			return NULL;
		}
		next(l);
		return e;
	case T_IDENT:
		break;
	default:
		expected(l, "a value: a column, a number, a \"string\", a "
		    "$parameter or a function");
		return NULL;
	}
	name = xstrdup(l->text);
	next(l);
	if (strcasecmp(name, "true") == 0 || strcasecmp(name, "false") == 0) {
		e = node(E_NUM, &p);
		e->num = strcasecmp(name, "true") == 0;
		free(name);
		return e;
	}
	if (strcasecmp(name, "null") == 0) {
		free(name);
		return node(E_NULL, &p);
	}
	if (l->t != T_LP) {
		e = node(E_COL, &p);
		e->str = name;
		return e;
	}
	/* A function call. */
	e = node(E_CALL, &p);
	e->str = name;
	if ((e->fn = fn_find(name, &cls, &mina, &maxa)) < 0) {
		lexerr(l, &p, "unknown function '%s'; see the list in "
		    "docs/queries.md", name);
		qexpr_free(e);
		return NULL;
	}
	next(l);
	if (l->t != T_RP)
		for (;;) {
			if ((a = parse_or(l)) == NULL) {
				qexpr_free(e);
				return NULL;
			}
			addarg(e, a);
			if (l->t == T_COMMA) {
				next(l);
				continue;
			}
			if (l->t != T_RP) {
				expected(l, "',' or ')' in the arguments of "
				    "a function");
				qexpr_free(e);
				return NULL;
			}
			break;
		}
	next(l);
	if (e->nargs < mina || e->nargs > maxa) {
		if (mina == maxa)
			lexerr(l, &p, "%s() takes %zu argument%s, not %zu",
			    name, mina, mina == 1 ? "" : "s", e->nargs);
		else
			lexerr(l, &p, "%s() takes %zu to %zu arguments, not "
			    "%zu", name, mina, maxa, e->nargs);
		qexpr_free(e);
		return NULL;
	}
	return e;
}

static struct qexpr *
parse_unary(struct lex *l)
{
	struct qexpr	*e, *a;
	struct qpos	 p = l->pos;

	if (isop(l, "-")) {
		next(l);
		if ((a = parse_unary(l)) == NULL)
			return NULL;
		e = node(E_NEG, &p);
		e->a = a;
		return e;
	}
	return parse_primary(l);
}

static struct qexpr *
binary(enum binop op, struct qexpr *a, struct qexpr *b, const struct qpos *p)
{
	struct qexpr	*e = node(E_BIN, p);

	e->op = op;
	e->a = a;
	e->b = b;
	return e;
}

static struct qexpr *
parse_mul(struct lex *l)
{
	struct qexpr	*a, *b;
	struct qpos	 p;
	enum binop	 op;

	if ((a = parse_unary(l)) == NULL)
		return NULL;
	while (isop(l, "*") || isop(l, "/")) {
		op = isop(l, "*") ? B_MUL : B_DIV;
		p = l->pos;
		next(l);
		if ((b = parse_unary(l)) == NULL) {
			qexpr_free(a);
			return NULL;
		}
		a = binary(op, a, b, &p);
	}
	return a;
}

static struct qexpr *
parse_add(struct lex *l)
{
	struct qexpr	*a, *b;
	struct qpos	 p;
	enum binop	 op;

	if ((a = parse_mul(l)) == NULL)
		return NULL;
	while (isop(l, "+") || isop(l, "-")) {
		op = isop(l, "+") ? B_ADD : B_SUB;
		p = l->pos;
		next(l);
		if ((b = parse_mul(l)) == NULL) {
			qexpr_free(a);
			return NULL;
		}
		a = binary(op, a, b, &p);
	}
	return a;
}

static struct qexpr *
parse_cmp(struct lex *l)
{
	static const struct {
		const char	*op;
		enum binop	 b;
	} ops[] = {
		{ "==", B_EQ }, { "=", B_EQ }, { "!=", B_NE }, { "<", B_LT },
		{ "<=", B_LE }, { ">", B_GT }, { ">=", B_GE },
	};
	struct qexpr	*a, *b, *e;
	struct qpos	 p;
	size_t		 i;
	int		 neg = 0;

	if ((a = parse_add(l)) == NULL)
		return NULL;
	p = l->pos;
	if (isword(l, "not") || isword(l, "in")) {
		neg = accept(l, "not");
		if (!accept(l, "in")) {
			expected(l, "'in' after 'not'");
			qexpr_free(a);
			return NULL;
		}
		if (l->t != T_LP) {
			expected(l, "'(' and a list of values after 'in'");
			qexpr_free(a);
			return NULL;
		}
		next(l);
		e = node(E_IN, &p);
		e->a = a;
		for (;;) {
			if ((b = parse_add(l)) == NULL) {
				qexpr_free(e);
				return NULL;
			}
			addarg(e, b);
			if (l->t == T_COMMA) {
				next(l);
				continue;
			}
			if (l->t != T_RP) {
				expected(l, "',' or ')' in the list after "
				    "'in'");
				qexpr_free(e);
				return NULL;
			}
			next(l);
			break;
		}
		if (neg) {
			b = node(E_NOT, &p);
			b->a = e;
			e = b;
		}
		return e;
	}
	if (l->t != T_OP)
		return a;
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(l->text, ops[i].op) == 0)
			break;
	if (i == sizeof(ops) / sizeof(ops[0]))
		return a;
	next(l);
	if ((b = parse_add(l)) == NULL) {
		qexpr_free(a);
		return NULL;
	}
	return binary(ops[i].b, a, b, &p);
}

static struct qexpr *
parse_not(struct lex *l)
{
	struct qexpr	*e, *a;
	struct qpos	 p = l->pos;

	if (accept(l, "not")) {
		if ((a = parse_not(l)) == NULL)
			return NULL;
		e = node(E_NOT, &p);
		e->a = a;
		return e;
	}
	return parse_cmp(l);
}

static struct qexpr *
parse_and(struct lex *l)
{
	struct qexpr	*a, *b;
	struct qpos	 p;

	if ((a = parse_not(l)) == NULL)
		return NULL;
	while (isword(l, "and")) {
		p = l->pos;
		next(l);
		if ((b = parse_not(l)) == NULL) {
			qexpr_free(a);
			return NULL;
		}
		a = binary(B_AND, a, b, &p);
	}
	return a;
}

static struct qexpr *
parse_or(struct lex *l)
{
	struct qexpr	*a, *b;
	struct qpos	 p;

	if ((a = parse_and(l)) == NULL)
		return NULL;
	while (isword(l, "or")) {
		p = l->pos;
		next(l);
		if ((b = parse_and(l)) == NULL) {
			qexpr_free(a);
			return NULL;
		}
		a = binary(B_OR, a, b, &p);
	}
	return a;
}

/* Operations. */

static const struct {
	const char	*word;
	enum qop	 op;
} opnames[] = {
	{ "filter", Q_FILTER }, { "where", Q_FILTER },
	{ "select", Q_SELECT },
	{ "derive", Q_DERIVE }, { "mutate", Q_DERIVE },
	{ "group", Q_GROUP },
	{ "ungroup", Q_UNGROUP },
	{ "summarize", Q_SUMMARIZE }, { "summarise", Q_SUMMARIZE },
	{ "aggregate", Q_SUMMARIZE },
	{ "sort", Q_SORT }, { "arrange", Q_SORT },
	{ "top", Q_TOP },
	{ "limit", Q_LIMIT }, { "head", Q_LIMIT },
	{ "share", Q_SHARE },
	{ "rank", Q_RANK },
	{ "join", Q_JOIN }, { "lookup", Q_JOIN },
	{ "append", Q_APPEND },
	{ "pivot", Q_PIVOT },
	{ "unpivot", Q_UNPIVOT },
	{ "change", Q_CHANGE },
	{ "multiple", Q_MULTIPLE },
	{ "concentration", Q_CONC },
	{ "dependence", Q_DEPEND },
	{ "categorize", Q_CATEGORIZE }, { "categorise", Q_CATEGORIZE },
	{ "format", Q_FORMAT },
	{ "note", Q_NOTE },
};

#define NOPS	(sizeof(opnames) / sizeof(opnames[0]))

static const char *
op_find(const char *w, enum qop *op)
{
	size_t	 i;

	for (i = 0; i < NOPS; i++)
		if (strcasecmp(w, opnames[i].word) == 0) {
			*op = opnames[i].op;
			return opnames[i].word;
		}
	return NULL;
}

static const char *
opsuggest(const char *w)
{
	const char	*words[NOPS];
	size_t		 i;

	for (i = 0; i < NOPS; i++)
		words[i] = opnames[i].word;
	return str_closest(w, words, NOPS);
}

/* A column name: an identifier or a `quoted name`. */
static struct qexpr *
parse_colref(struct lex *l, const char *what)
{
	struct qexpr	*e;

	if (l->t != T_IDENT && l->t != T_QIDENT) {
		expected(l, what);
		return NULL;
	}
	e = node(E_COL, &l->pos);
	e->str = xstrdup(l->text);
	next(l);
	return e;
}

static char *
parse_name(struct lex *l, const char *what)
{
	char	*s;

	if (l->t != T_IDENT && l->t != T_QIDENT && l->t != T_STR) {
		expected(l, what);
		return NULL;
	}
	s = xstrdup(l->text);
	next(l);
	return s;
}

static int
parse_count(struct lex *l, struct qcount *c, const char *after)
{
	char	 what[96];

	c->pos = l->pos;
	if (l->t == T_PARAM) {
		c->param = xstrdup(l->text);
		next(l);
		return 1;
	}
	if (l->t != T_NUM || l->num != floor(l->num) || l->num < 0 ||
	    l->num > 1e9) {
		snprintf(what, sizeof(what), "a whole number (or a "
		    "$parameter) after '%s'", after);
		expected(l, what);
		return 0;
	}
	c->n = (long)l->num;
	next(l);
	return 1;
}

static int
optas(struct lex *l, char **s)
{
	if (!accept(l, "as"))
		return 1;
	free(*s);
	return (*s = parse_name(l, "a column name after 'as'")) != NULL;
}

static int
parse_denom(struct lex *l, enum denom *d)
{
	if (!accept(l, "of"))
		return 1;
	if (accept(l, "world"))
		*d = D_WORLD;
	else if (accept(l, "listed") || accept(l, "total"))
		*d = D_LISTED;
	else {
		expected(l, "'world' (the published World total) or 'listed' "
		    "(the sum of the listed rows) after 'of'");
		return 0;
	}
	return 1;
}

static void
additem(struct qstep *s, char *name, struct qexpr *e, int desc,
    const struct qpos *p)
{
	s->items = xreallocarray(s->items, s->nitems + 1, sizeof(*s->items));
	s->items[s->nitems].name = name;
	s->items[s->nitems].e = e;
	s->items[s->nitems].desc = desc;
	s->items[s->nitems].pos = *p;
	s->nitems++;
}

/*
 * "NAME = expr" or "expr [as NAME]"; a bare column keeps its name.
 * need_name: derive wants NAME = expr.
 */
static int
parse_item(struct lex *l, struct qstep *s, int need_name)
{
	struct qexpr	*e;
	struct qpos	 p = l->pos;
	char		*name = NULL;

	if ((l->t == T_IDENT || l->t == T_QIDENT || l->t == T_STR) &&
	    peek(l)->t == T_OP && strcmp(peek(l)->text, "=") == 0) {
		name = xstrdup(l->text);
		next(l);
		next(l);
	} else if (need_name) {
		expected(l, "NAME = expression");
		return 0;
	}
	if ((e = parse_or(l)) == NULL) {
		free(name);
		return 0;
	}
	if (name == NULL && isword(l, "as")) {
		next(l);
		if ((name = parse_name(l, "a column name after 'as'")) ==
		    NULL) {
			qexpr_free(e);
			return 0;
		}
	}
	additem(s, name, e, 0, &p);
	return 1;
}

/* A list of items separated by commas. */
static int
parse_items(struct lex *l, struct qstep *s, int need_name)
{
	do {
		if (!parse_item(l, s, need_name))
			return 0;
	} while (l->t == T_COMMA && (next(l), 1));
	return 1;
}

/* A list of column names ("group Type, Country"). */
static int
parse_cols(struct lex *l, struct qstep *s, const char *what)
{
	struct qexpr	*e;
	struct qpos	 p;

	do {
		p = l->pos;
		if ((e = parse_colref(l, what)) == NULL)
			return 0;
		additem(s, NULL, e, 0, &p);
	} while (l->t == T_COMMA && (next(l), 1));
	return 1;
}

static int
parse_sortkeys(struct lex *l, struct qstep *s)
{
	struct qexpr	*e;
	struct qpos	 p;
	int		 desc;

	do {
		p = l->pos;
		desc = 0;
		if (isop(l, "-")) {
			desc = 1;
			next(l);
		}
		if ((e = parse_colref(l, "a column to sort by")) == NULL)
			return 0;
		if (accept(l, "desc"))
			desc = 1;
		else if (accept(l, "asc"))
			desc = 0;
		additem(s, NULL, e, desc, &p);
	} while (l->t == T_COMMA && (next(l), 1));
	return 1;
}

static int
parse_format(struct lex *l, struct qstep *s)
{
	struct numfmt	 f;
	struct qexpr	*e = NULL;
	struct qpos	 p;
	char		*err = NULL;

	do {
		p = l->pos;
		e = NULL;
		if (l->t == T_IDENT || l->t == T_QIDENT) {
			if ((e = parse_colref(l, "a column")) == NULL)
				return 0;
		}
		if (l->t != T_STR) {
			qexpr_free(e);
			expected(l, e ? "a format in quotes after the column, "
			    "like \",.1f\"" : "a format in quotes, like "
			    "\",.0f\" or \".1%\"");
			return 0;
		}
		if (!numfmt_parse(l->text, &f, &err)) {
			lexerr(l, &l->pos, "%s", err);
			free(err);
			qexpr_free(e);
			return 0;
		}
		additem(s, xstrdup(l->text), e, 0, &p);
		next(l);
	} while (l->t == T_COMMA && (next(l), 1));
	return 1;
}

static void
step_clear(struct qstep *s)
{
	size_t	 i;

	for (i = 0; i < s->nitems; i++) {
		free(s->items[i].name);
		qexpr_free(s->items[i].e);
	}
	free(s->items);
	qexpr_free(s->e);
	qexpr_free(s->by);
	qexpr_free(s->e2);
	qexpr_free(s->partner);
	free(s->n.param);
	free(s->s);
	free(s->s2);
}

/* Parse one operation and its words into s. */
static int
parse_step(struct lex *l, struct qstep *s)
{
	const char	*sug;

	memset(s, 0, sizeof(*s));
	s->pos = l->pos;
	if (l->t != T_IDENT) {
		expected(l, "an operation (filter, select, derive, group, "
		    "summarize, sort, top, share, ...)");
		return 0;
	}
	if ((s->word = op_find(l->text, &s->op)) == NULL) {
		if ((sug = opsuggest(l->text)) != NULL)
			lexerr(l, &l->pos, "unknown operation '%s'; did you "
			    "mean '%s'?", l->text, sug);
		else
			lexerr(l, &l->pos, "unknown operation '%s'; expected "
			    "filter, select, derive, group, summarize, sort, "
			    "top, limit, share, rank, join, append, pivot, "
			    "unpivot, change, multiple, concentration, "
			    "dependence, categorize, format or note",
			    l->text);
		return 0;
	}
	next(l);
	switch (s->op) {
	case Q_FILTER:
		return (s->e = parse_or(l)) != NULL;
	case Q_SELECT:
		return parse_items(l, s, 0);
	case Q_DERIVE:
		return parse_items(l, s, 1);
	case Q_GROUP:
		accept(l, "by");
		return parse_cols(l, s, "a column to group by");
	case Q_UNGROUP:
		return 1;
	case Q_SUMMARIZE:
		return parse_items(l, s, 0);
	case Q_SORT:
		return parse_sortkeys(l, s);
	case Q_TOP:
		if (!parse_count(l, &s->n, "top"))
			return 0;
		if (accept(l, "by") && (s->by = parse_colref(l,
		    "a column to rank by after 'by'")) == NULL)
			return 0;
		if (accept(l, "with")) {
			if (!accept(l, "other")) {
				expected(l, "'other' after 'with'");
				return 0;
			}
			s->other = 1;
			if (accept(l, "as") && (s->s = parse_name(l,
			    "a label in quotes after 'as', like \"Other\"")) ==
			    NULL)
				return 0;
		}
		return 1;
	case Q_LIMIT:
		return parse_count(l, &s->n, "limit");
	case Q_SHARE:
		if ((s->e = parse_colref(l, "a column after 'share'")) == NULL)
			return 0;
		return parse_denom(l, &s->denom) && optas(l, &s->s);
	case Q_RANK:
		if ((s->e = parse_colref(l, "a column after 'rank'")) == NULL)
			return 0;
		s->desc = 1;
		if (accept(l, "asc"))
			s->desc = 0;
		else
			accept(l, "desc");
		return optas(l, &s->s);
	case Q_JOIN:
		if ((s->s = parse_name(l, "a dataset name after 'join'")) ==
		    NULL)
			return 0;
		if (!accept(l, "on")) {
			expected(l, "'on' and the column to match");
			return 0;
		}
		if ((s->e = parse_colref(l, "a column after 'on'")) == NULL)
			return 0;
		if ((isop(l, "=") || isop(l, "==")) && (next(l), 1) &&
		    (s->e2 = parse_colref(l, "a column of the other dataset "
		    "after '='")) == NULL)
			return 0;
		if (accept(l, "select"))
			return parse_cols(l, s, "a column of the other dataset");
		return 1;
	case Q_APPEND:
		return parse_cols(l, s, "a dataset name");
	case Q_PIVOT:
		if ((s->e = parse_colref(l, "the column whose values become "
		    "columns")) == NULL)
			return 0;
		if (!accept(l, "values")) {
			expected(l, "'values' and the column to spread");
			return 0;
		}
		return (s->e2 = parse_colref(l, "the column of values after "
		    "'values'")) != NULL;
	case Q_UNPIVOT:
		if (!parse_cols(l, s, "a column to unpivot"))
			return 0;
		if (!accept(l, "into")) {
			expected(l, "',' or 'into' and the names of the two new "
			    "columns");
			return 0;
		}
		if ((s->s = parse_name(l, "the name column's name after "
		    "'into'")) == NULL)
			return 0;
		if (l->t != T_COMMA) {
			expected(l, "',' and the value column's name");
			return 0;
		}
		next(l);
		return (s->s2 = parse_name(l, "the value column's name")) !=
		    NULL;
	case Q_CHANGE:
	case Q_MULTIPLE:
		if ((s->e = parse_colref(l, "the column of the earlier "
		    "value")) == NULL)
			return 0;
		if (!accept(l, "to")) {
			expected(l, "'to' and the column of the later value");
			return 0;
		}
		if ((s->e2 = parse_colref(l, "the column of the later value "
		    "after 'to'")) == NULL)
			return 0;
		return optas(l, &s->s);
	case Q_CONC:
		if ((s->e = parse_colref(l, "the column of values after "
		    "'concentration'")) == NULL)
			return 0;
		if (accept(l, "by") && (s->by = parse_colref(l, "the column "
		    "of names after 'by'")) == NULL)
			return 0;
		if (!parse_denom(l, &s->denom))
			return 0;
		s->n.n = 3;
		if (accept(l, "top"))
			return parse_count(l, &s->n, "top");
		return 1;
	case Q_DEPEND:
		if ((s->e = parse_colref(l, "the column of values after "
		    "'dependence'")) == NULL)
			return 0;
		if (!accept(l, "by")) {
			expected(l, "'by' and the column of partners");
			return 0;
		}
		if ((s->by = parse_colref(l, "the column of partners after "
		    "'by'")) == NULL)
			return 0;
		if (accept(l, "on") && (s->partner = parse_primary(l)) == NULL)
			return 0;
		return 1;
	case Q_CATEGORIZE:
		accept(l, "using");
		if ((s->s = parse_name(l, "the dataset of rules")) == NULL)
			return 0;
		return optas(l, &s->s2);
	case Q_FORMAT:
		return parse_format(l, s);
	case Q_NOTE:
		if (l->t != T_STR) {
			expected(l, "a sentence in quotes after 'note'");
			return 0;
		}
		s->s = xstrdup(l->text);
		next(l);
		return 1;
	}
	return 0;
}

void
query_free(struct query *q)
{
	size_t	 i;

	if (q == NULL)
		return;
	for (i = 0; i < q->nsteps; i++)
		step_clear(&q->steps[i]);
	free(q->steps);
	free(q->source);
	free(q->text);
	free(q);
}

struct query *
query_parse(const char *text, const char *file, size_t line, size_t col)
{
	struct lex	 l;
	struct query	*q;
	struct qpos	 start;
	enum qop	 op;
	const char	*sug;

	memset(&l, 0, sizeof(l));
	start.file = file;
	start.line = line ? line : 1;
	start.col = col ? col : 1;
	q = xcalloc(1, sizeof(*q));
	q->text = xstrdup(text);
	q->pos = start;
	if (!tokenize(&l, text, &start))
		goto fail;
	if (l.t == T_EOF) {
		lexerr(&l, &l.pos, "empty query: expected a dataset name "
		    "and operations, like 'cobalt | top 3 by Reserves'");
		goto fail;
	}
	/* The source: a dataset, or nothing before the first operation. */
	q->pos = l.pos;
	if (l.t == T_PARAM) {
		q->source = xstrdup(l.text);
		q->srcparam = 1;
		next(&l);
	} else if ((l.t == T_IDENT || l.t == T_QIDENT) &&
	    !(l.t == T_IDENT && op_find(l.text, &op) != NULL &&
	    peek(&l)->t != T_PIPE)) {
		q->source = xstrdup(l.text);
		next(&l);
	} else if (l.t != T_IDENT) {
		expected(&l, "a dataset name");
		goto fail;
	}
	if (q->source != NULL && l.t != T_EOF && l.t != T_PIPE) {
		/* "fliter Country == 1": a misspelt operation, not a source. */
		if (!q->srcparam && (sug = opsuggest(q->source)) != NULL)
			lexerr(&l, &q->pos, "unknown operation '%s'; did you "
			    "mean '%s'?", q->source, sug);
		else
			expected(&l, "'|' and an operation after the dataset");
		goto fail;
	}
	while (l.t != T_EOF) {
		if (q->source != NULL || q->nsteps > 0) {
			if (l.t != T_PIPE) {
				expected(&l, "'|' before the next operation, "
				    "or the end of the query");
				goto fail;
			}
			next(&l);
		}
		q->steps = xreallocarray(q->steps, q->nsteps + 1,
		    sizeof(*q->steps));
		if (!parse_step(&l, &q->steps[q->nsteps])) {
			step_clear(&q->steps[q->nsteps]);
			goto fail;
		}
		q->nsteps++;
	}
	lex_free(&l);
	return q;
fail:
	lex_free(&l);
	query_free(q);
	return NULL;
}

struct qexpr *
qexpr_parse(const char *text, const char *file, size_t line, size_t col)
{
	struct lex	 l;
	struct qexpr	*e = NULL;
	struct qpos	 start;

	memset(&l, 0, sizeof(l));
	start.file = file;
	start.line = line ? line : 1;
	start.col = col ? col : 1;
	if (!tokenize(&l, text, &start))
		goto out;
	if ((e = parse_or(&l)) != NULL && l.t != T_EOF) {
		expected(&l, "the end of the rule");
		qexpr_free(e);
		e = NULL;
	}
out:
	lex_free(&l);
	return e;
}

const char *
param_get(const struct qenv *env, const char *name)
{
	size_t	 i;

	for (i = env ? env->nparams : 0; i > 0; i--)
		if (strcmp(env->params[i - 1].name, name) == 0)
			return env->params[i - 1].value;
	return NULL;
}

/*
 * Printing, for the keys of shared streaming passes: two prefixes with
 * the same text (parameters replaced by their values) do the same.
 */
void
qexpr_print(struct buf *b, const struct qexpr *e, const struct qenv *env)
{
	static const char *const ops[] = { "+", "-", "*", "/", "==", "!=",
	    "<", "<=", ">", ">=", "and", "or" };
	const char	*v;
	size_t		 i;

	if (e == NULL)
		return;
	switch (e->kind) {
	case E_NUM:
		fmt_shortest(b, e->num);
		break;
	case E_STR:
		json_string(b, e->str);
		break;
	case E_NULL:
		buf_puts(b, "null");
		break;
	case E_COL:
		buf_printf(b, "`%s`", e->str);
		break;
	case E_PARAM:
		v = param_get(env, e->str);
		if (v != NULL)
			json_string(b, v);
		else
			buf_printf(b, "$%s", e->str);
		break;
	case E_NEG:
		buf_puts(b, "(-");
		qexpr_print(b, e->a, env);
		buf_putc(b, ')');
		break;
	case E_NOT:
		buf_puts(b, "(not ");
		qexpr_print(b, e->a, env);
		buf_putc(b, ')');
		break;
	case E_BIN:
		buf_putc(b, '(');
		qexpr_print(b, e->a, env);
		buf_printf(b, " %s ", ops[e->op]);
		qexpr_print(b, e->b, env);
		buf_putc(b, ')');
		break;
	case E_IN:
	case E_CALL:
		if (e->kind == E_IN) {
			qexpr_print(b, e->a, env);
			buf_puts(b, " in ");
		} else
			buf_puts(b, e->str);
		buf_putc(b, '(');
		for (i = 0; i < e->nargs; i++) {
			if (i)
				buf_puts(b, ", ");
			qexpr_print(b, e->args[i], env);
		}
		buf_putc(b, ')');
		break;
	}
}

void
qstep_print(struct buf *b, const struct qstep *s, const struct qenv *env)
{
	size_t	 i;

	buf_printf(b, "%d:", (int)s->op);
	for (i = 0; i < s->nitems; i++) {
		buf_printf(b, "%s[%s=", i ? "," : "", s->items[i].name ?
		    s->items[i].name : "");
		qexpr_print(b, s->items[i].e, env);
		buf_printf(b, "%s]", s->items[i].desc ? " desc" : "");
	}
	buf_putc(b, ';');
	qexpr_print(b, s->e, env);
	buf_putc(b, ';');
	qexpr_print(b, s->by, env);
	buf_putc(b, ';');
	qexpr_print(b, s->e2, env);
	buf_printf(b, ";%ld;%s;%s;%s;%d;%d;%d", s->n.n, s->n.param ?
	    s->n.param : "", s->s ? s->s : "", s->s2 ? s->s2 : "",
	    (int)s->denom, s->other, s->desc);
}
