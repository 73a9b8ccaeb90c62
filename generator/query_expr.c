/*
 * query_expr.c: expressions, on one row (filter, derive) or on the
 * rows of a group (summarize, categorize rules), and the accumulators
 * that sum, average and count the same way on a table and on a
 * stream.
 *
 * Values keep their kind through arithmetic: W + 1 is W, a lower
 * bound plus a number is a lower bound, a number divided by a lower
 * bound is an upper bound.  Comparisons with a missing value are
 * false.  Text and numbers do not mix in arithmetic (an error).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "calc.h"
#include "data.h"
#include "fmt.h"
#include "msg.h"
#include "query.h"
#include "query_impl.h"

enum fnid {
	F_ABS, F_ROUND, F_FLOOR, F_CEIL, F_SQRT, F_LN, F_LOG10, F_EXP,
	F_COALESCE, F_ISMISSING, F_ISTOTAL, F_ISOTHER, F_ISITEM, F_LOWER,
	F_UPPER, F_CONTAINS, F_STARTS, F_ENDS, F_CHANGE, F_MULTIPLE, F_IF,
	F_NUMBER, F_TEXT, F_BAND,
	/* Aggregates from here. */
	F_SUM, F_MEAN, F_MEDIAN, F_MIN, F_MAX, F_COUNT, F_FIRST, F_LAST,
	F_CR, F_HHI, F_LEADER, F_LEADSHARE, F_SHAREOF
};

static const struct {
	const char	*name;
	enum fnid	 id;
	size_t		 min, max;
} fns[] = {
	{ "abs", F_ABS, 1, 1 }, { "round", F_ROUND, 1, 2 },
	{ "floor", F_FLOOR, 1, 1 }, { "ceil", F_CEIL, 1, 1 },
	{ "sqrt", F_SQRT, 1, 1 }, { "ln", F_LN, 1, 1 },
	{ "log10", F_LOG10, 1, 1 }, { "exp", F_EXP, 1, 1 },
	{ "coalesce", F_COALESCE, 1, 16 },
	{ "is_missing", F_ISMISSING, 1, 1 },
	{ "is_total", F_ISTOTAL, 0, 0 }, { "is_other", F_ISOTHER, 0, 0 },
	{ "is_item", F_ISITEM, 0, 0 },
	{ "lower", F_LOWER, 1, 1 }, { "upper", F_UPPER, 1, 1 },
	{ "contains", F_CONTAINS, 2, 2 },
	{ "starts_with", F_STARTS, 2, 2 }, { "ends_with", F_ENDS, 2, 2 },
	{ "change", F_CHANGE, 2, 2 }, { "multiple", F_MULTIPLE, 2, 2 },
	{ "if", F_IF, 3, 3 }, { "number", F_NUMBER, 1, 1 },
	{ "text", F_TEXT, 1, 1 }, { "hhi_band", F_BAND, 1, 1 },
	{ "sum", F_SUM, 1, 1 }, { "mean", F_MEAN, 1, 1 },
	{ "avg", F_MEAN, 1, 1 }, { "median", F_MEDIAN, 1, 1 },
	{ "min", F_MIN, 1, 16 }, { "max", F_MAX, 1, 16 },
	{ "count", F_COUNT, 0, 1 }, { "first", F_FIRST, 1, 1 },
	{ "last", F_LAST, 1, 1 }, { "cr", F_CR, 1, 3 },
	{ "hhi", F_HHI, 1, 2 }, { "leader", F_LEADER, 1, 2 },
	{ "leader_share", F_LEADSHARE, 1, 2 },
	{ "share_of", F_SHAREOF, 2, 3 },
};

#define NFNS	(sizeof(fns) / sizeof(fns[0]))

int
fn_find(const char *name, enum fnclass *cls, size_t *min, size_t *max)
{
	size_t	 i;

	for (i = 0; i < NFNS; i++)
		if (strcasecmp(name, fns[i].name) == 0) {
			*cls = fns[i].id >= F_SUM ? FN_AGG : FN_SCALAR;
			*min = fns[i].min;
			*max = fns[i].max;
			return (int)i;
		}
	return -1;
}

/* min(a, b) and max(a, b) are row functions; min(x) an aggregate. */
static int
isagg(const struct qexpr *e)
{
	enum fnid id;

	if (e->kind != E_CALL || e->fn < 0)
		return 0;
	id = fns[e->fn].id;
	if ((id == F_MIN || id == F_MAX) && e->nargs > 1)
		return 0;
	return id >= F_SUM;
}

int
qexpr_hasagg(const struct qexpr *e)
{
	size_t	 i;

	if (e == NULL)
		return 0;
	if (isagg(e))
		return 1;
	if (qexpr_hasagg(e->a) || qexpr_hasagg(e->b))
		return 1;
	for (i = 0; i < e->nargs; i++)
		if (qexpr_hasagg(e->args[i]))
			return 1;
	return 0;
}

static void
everr(struct evalctx *c, const struct qexpr *e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
everr(struct evalctx *c, const struct qexpr *e, const char *fmt, ...)
{
	struct buf	 b = { NULL, 0, 0 };
	va_list		 ap;

	if (c->err)
		return;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (c->defer) {
		/* Worker threads do not print: the caller will. */
		c->errpos = e->pos;
		c->errtext = buf_steal(&b);
	} else
		msg(MSG_ERROR, e->pos.file, e->pos.line, e->pos.col, "%s",
		    b.data);
	buf_free(&b);
	c->err = 1;
}

int
qexpr_usesclass(const struct qexpr *e)
{
	size_t	 i;

	if (e == NULL)
		return 0;
	if (e->kind == E_CALL && e->fn >= 0 && (fns[e->fn].id == F_ISTOTAL ||
	    fns[e->fn].id == F_ISOTHER || fns[e->fn].id == F_ISITEM))
		return 1;
	if (qexpr_usesclass(e->a) || qexpr_usesclass(e->b))
		return 1;
	for (i = 0; i < e->nargs; i++)
		if (qexpr_usesclass(e->args[i]))
			return 1;
	return 0;
}

int
qexpr_streamagg(const struct qexpr *e, enum accop *op)
{
	if (!isagg(e) || (e->nargs > 0 && qexpr_hasagg(e->args[0])))
		return 0;
	if (fns[e->fn].id == F_COUNT && e->nargs == 0) {
		*op = A_COUNTALL;
		return 1;
	}
	if (!acc_op(fns[e->fn].name, op))
		return 0;
	if (fns[e->fn].id == F_COUNT)
		*op = A_COUNT;
	return 1;
}

/*
 * The degree of an expression in the quantities of a table, which
 * says how its values combine in an Other row: 1 for a quantity (a
 * column that adds up, a sum or difference of quantities, a quantity
 * times or over a number or a ratio), 0 for a ratio of quantities, a
 * number, an average or anything else that is the same for the whole
 * when it is the same for every part; -1 when neither holds.
 */
static int
degree(const struct qexpr *e, const struct table *t)
{
	size_t	 i;
	int	 a, b, d;

	switch (e->kind) {
	case E_COL:
		if (e->col < 0)
			return -1;
		d = (int)table_colsum(t, (size_t)e->col);
		return d == CS_ADD ? 1 : d == CS_SAME ? 0 : -1;
	case E_NEG:
		return degree(e->a, t);
	case E_BIN:
		if ((a = degree(e->a, t)) < 0 || (b = degree(e->b, t)) < 0)
			return -1;
		if (e->op == B_ADD || e->op == B_SUB)
			return a == b ? a : -1;
		if (e->op == B_MUL)
			return a + b <= 1 ? a + b : -1;
		if (e->op == B_DIV)
			return a >= b ? a - b : -1;
		return a == 0 && b == 0 ? 0 : -1;
	case E_CALL:
		break;
	default:
		/* Numbers, text, parameters; not, in. */
		for (i = 0; i < e->nargs; i++)
			if (degree(e->args[i], t) != 0)
				return -1;
		return e->a == NULL || degree(e->a, t) == 0 ? 0 : -1;
	}
	if (e->fn < 0)
		return -1;
	switch (fns[e->fn].id) {
	case F_SUM:
	case F_COUNT:
		/* Sums of groups add up to the sum of their union. */
		return 1;
	case F_MEAN:
	case F_MEDIAN:
	case F_FIRST:
	case F_LAST:
		return 0;
	case F_MIN:
	case F_MAX:
		if (isagg(e))
			return 0;
		break;
	case F_ROUND:
	case F_FLOOR:
	case F_CEIL:
		return e->nargs < 2 || degree(e->args[1], t) == 0 ?
		    degree(e->args[0], t) : -1;
	case F_COALESCE:
		d = degree(e->args[0], t);
		for (i = 1; i < e->nargs; i++)
			if (degree(e->args[i], t) != d)
				return -1;
		return d;
	case F_IF:
		d = degree(e->args[1], t);
		return degree(e->args[0], t) == 0 &&
		    degree(e->args[2], t) == d ? d : -1;
	case F_CHANGE:
	case F_MULTIPLE:
		d = degree(e->args[0], t);
		return d >= 0 && degree(e->args[1], t) == d ? 0 : -1;
	case F_CR:
	case F_HHI:
	case F_LEADER:
	case F_LEADSHARE:
	case F_SHAREOF:
		return -1;
	default:
		break;
	}
	for (i = 0; i < e->nargs; i++)
		if (degree(e->args[i], t) != 0)
			return -1;
	return 0;
}

enum colsum
qexpr_colsum(const struct qexpr *e, const struct table *t)
{
	int	 d = degree(e, t);

	return d == 1 ? CS_ADD : d == 0 ? CS_SAME : CS_NONE;
}

int
qexpr_resolve(struct qexpr *e, const struct table *t, const char *what)
{
	const char	**names, *sug;
	size_t		 i, n;
	int		 ok = 1;

	if (e == NULL)
		return 1;
	if (e->kind == E_COL) {
		if ((e->col = table_colfind(t, e->str)) < 0) {
			n = table_ncols(t);
			names = xcalloc(2 * n + 1, sizeof(*names));
			for (i = 0; i < n; i++) {
				names[2 * i] = table_colname(t, i);
				names[2 * i + 1] = table_colalias(t, i) ?
				    table_colalias(t, i) : table_colname(t, i);
			}
			sug = str_closest(e->str, names, 2 * n);
			if (sug != NULL)
				msg(MSG_ERROR, e->pos.file, e->pos.line,
				    e->pos.col, "no column '%s' in %s; did you "
				    "mean '%s'?", e->str, what, sug);
			else {
				struct buf b = { NULL, 0, 0 };

				for (i = 0; i < n && i < 12; i++)
					buf_printf(&b, "%s%s", i ? ", " : "",
					    table_colname(t, i));
				if (n > 12)
					buf_puts(&b, ", ...");
				msg(MSG_ERROR, e->pos.file, e->pos.line,
				    e->pos.col, "no column '%s' in %s; its "
				    "columns are %s", e->str, what,
				    b.data ? b.data : "none");
				buf_free(&b);
			}
			free(names);
			return 0;
		}
	}
	ok = qexpr_resolve(e->a, t, what) && qexpr_resolve(e->b, t, what);
	for (i = 0; ok && i < e->nargs; i++)
		ok = qexpr_resolve(e->args[i], t, what);
	return ok;
}

int
value_true(const struct value *v)
{
	if (v->kind == V_NUM)
		return v->num != 0 && !isnan(v->num);
	if (v->kind == V_TEXT)
		return v->str[0] != '\0';
	return 0;
}

static int
isnumk(int k)
{
	return k == V_NUM || k == V_LOWER || k == V_UPPER;
}

static void
setnum(struct value *v, double x)
{
	memset(v, 0, sizeof(*v));
	v->kind = isfinite(x) ? V_NUM : V_NA;
	v->num = isfinite(x) ? x : 0;
}

static void
setmiss(struct value *v, int kind)
{
	memset(v, 0, sizeof(*v));
	v->kind = (unsigned char)kind;
}

static void
settext(struct evalctx *c, struct value *v, const char *s, size_t n)
{
	memset(v, 0, sizeof(*v));
	v->kind = V_TEXT;
	v->str = arena_strndup(c->arena, s, n);
}

/* The kind of a bound after multiplying by a number of sign s. */
static int
flip(int kind, double s)
{
	if (s >= 0 || kind == V_NUM)
		return kind;
	return kind == V_LOWER ? V_UPPER : V_LOWER;
}

/* Text of a value, for comparing a number with text. */
static const char *
astext(struct evalctx *c, const struct value *v)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*s;

	if (v->kind == V_TEXT)
		return v->str;
	fmt_shortest(&b, v->num);
	s = arena_strdup(c->arena, b.data);
	buf_free(&b);
	return s;
}

static int
ismissing(const struct value *v)
{
	return v->kind != V_NUM && v->kind != V_TEXT && v->kind != V_LOWER &&
	    v->kind != V_UPPER;
}

/* Compare two values: -1, 0, 1; 2 if they do not compare. */
static int
compare(struct evalctx *c, const struct value *a, const struct value *b)
{
	if (ismissing(a) || ismissing(b))
		return 2;
	if (isnumk(a->kind) && isnumk(b->kind))
		return a->num < b->num ? -1 : a->num > b->num;
	return strcmp(astext(c, a), astext(c, b)) < 0 ? -1 :
	    strcmp(astext(c, a), astext(c, b)) > 0;
}

static void
binop(struct evalctx *c, const struct qexpr *e, const struct value *a,
    const struct value *b, struct value *out)
{
	static const char *const names[] = { "+", "-", "*", "/" };
	int	 ka = a->kind, kb = b->kind, r;
	double	 x;

	switch (e->op) {
	case B_AND:
		setnum(out, value_true(a) && value_true(b));
		return;
	case B_OR:
		setnum(out, value_true(a) || value_true(b));
		return;
	case B_EQ:
	case B_NE:
		/* "== null" asks whether a value is missing. */
		if (e->b->kind == E_NULL || e->a->kind == E_NULL) {
			r = ismissing(e->b->kind == E_NULL ? a : b);
			setnum(out, e->op == B_EQ ? r : !r);
			return;
		}
		r = compare(c, a, b);
		setnum(out, r == 2 ? 0 : e->op == B_EQ ? r == 0 : r != 0);
		return;
	case B_LT:
	case B_LE:
	case B_GT:
	case B_GE:
		r = compare(c, a, b);
		setnum(out, r == 2 ? 0 : e->op == B_LT ? r < 0 :
		    e->op == B_LE ? r <= 0 : e->op == B_GT ? r > 0 : r >= 0);
		return;
	default:
		break;
	}
	if (ka == V_TEXT || kb == V_TEXT) {
		everr(c, e, "'%s' needs numbers, not text (\"%s\")",
		    names[e->op], ka == V_TEXT ? a->str : b->str);
		setmiss(out, V_NA);
		return;
	}
	if (!isnumk(ka) || !isnumk(kb)) {
		setmiss(out, !isnumk(ka) ? ka : kb);
		return;
	}
	switch (e->op) {
	case B_ADD:
	case B_SUB:
		if (e->op == B_SUB)
			kb = flip(kb, -1);
		x = e->op == B_ADD ? a->num + b->num : a->num - b->num;
		setnum(out, x);
		if (ka == V_NUM)
			out->kind = (unsigned char)kb;
		else if (kb == V_NUM || kb == ka)
			out->kind = (unsigned char)ka;
		else
			setmiss(out, V_NA);
		break;
	case B_MUL:
		setnum(out, a->num * b->num);
		if (ka != V_NUM && kb != V_NUM)
			out->kind = ka == kb && a->num >= 0 && b->num >= 0 ?
			    (unsigned char)ka : V_NA;
		else if (ka != V_NUM)
			out->kind = (unsigned char)flip(ka, b->num);
		else
			out->kind = (unsigned char)flip(kb, a->num);
		break;
	case B_DIV:
		if (b->num == 0) {
			setmiss(out, V_NA);
			break;
		}
		setnum(out, a->num / b->num);
		/* x / (at least y) is at most x / y, for positives. */
		kb = kb == V_NUM ? V_NUM : kb == V_LOWER ? V_UPPER : V_LOWER;
		if (ka == V_NUM)
			out->kind = (unsigned char)flip(kb, a->num);
		else if (kb == V_NUM)
			out->kind = (unsigned char)flip(ka, b->num);
		else
			out->kind = ka == kb && a->num >= 0 && b->num > 0 ?
			    (unsigned char)ka : V_NA;
		break;
	default:
		break;
	}
}

static void eval(struct evalctx *, const struct qexpr *,
    const struct rowctx *, const struct table *, const size_t *, size_t,
    struct value *);

static const struct value *
rowval(const struct rowctx *r, long col)
{
	static const struct value none;

	if (col < 0)
		return &none;
	if (r->t != NULL)
		return table_get(r->t, r->row, (size_t)col);
	return (size_t)col < r->nvals ? &r->vals[col] : &none;
}

static enum rowclass
rowclass(const struct rowctx *r)
{
	const struct value *v;

	if (r == NULL)
		return RC_ITEM;
	if (r->t != NULL)
		return table_rowclass(r->t, r->row);
	if (r->namecol < 0 || (size_t)r->namecol >= r->nvals)
		return RC_ITEM;
	v = &r->vals[r->namecol];
	return v->kind == V_TEXT ? name_class(v->str) : RC_ITEM;
}

static void
scalar(struct evalctx *c, const struct qexpr *e, const struct value *av,
    size_t n, const struct rowctx *r, struct value *out)
{
	const struct value *a = n > 0 ? &av[0] : NULL;
	enum fnid	 id = fns[e->fn].id;
	struct value	 t;
	struct buf	 b = { NULL, 0, 0 };
	const char	*s1, *s2;
	double		 x, p;
	size_t		 i, l1, l2;
	int		 dec, lead0;

	if (a == NULL && fns[e->fn].min > 0) {
		setmiss(out, V_NA);	/* the parser counted: not reached */
		return;
	}
	switch (id) {
	case F_ISMISSING:
		setnum(out, ismissing(a));
		return;
	case F_ISTOTAL:
		setnum(out, rowclass(r) == RC_TOTAL);
		return;
	case F_ISOTHER:
		setnum(out, rowclass(r) == RC_OTHER);
		return;
	case F_ISITEM:
		setnum(out, rowclass(r) == RC_ITEM);
		return;
	case F_COALESCE:
		for (i = 0; i < n; i++)
			if (!ismissing(&av[i])) {
				*out = av[i];
				return;
			}
		*out = av[n - 1];
		return;
	case F_IF:
		*out = value_true(&av[0]) ? av[1] : av[2];
		return;
	case F_TEXT:
		if (a->kind == V_TEXT)
			*out = *a;
		else if (ismissing(a))
			*out = *a;
		else {
			s1 = astext(c, a);
			settext(c, out, s1, strlen(s1));
		}
		return;
	case F_NUMBER:
		if (a->kind == V_TEXT) {
			if (cell_number(a->str, strlen(a->str), &t, &dec,
			    &lead0)) {
				*out = t;
				out->str = NULL;
			} else
				setmiss(out, V_NOTE);
		} else
			*out = *a;
		return;
	case F_LOWER:
	case F_UPPER:
	case F_CONTAINS:
	case F_STARTS:
	case F_ENDS:
		for (i = 0; i < n; i++)
			if (av[i].kind != V_TEXT) {
				if (ismissing(&av[i])) {
					setmiss(out, id == F_LOWER ||
					    id == F_UPPER ? av[i].kind : V_NUM);
					out->num = 0;
					return;
				}
				everr(c, e, "%s() needs text", fns[e->fn].name);
				setmiss(out, V_NA);
				return;
			}
		if (id == F_LOWER || id == F_UPPER) {
			for (s1 = a->str; *s1 != '\0'; s1++)
				buf_putc(&b, id == F_LOWER ?
				    tolower((unsigned char)*s1) :
				    toupper((unsigned char)*s1));
			settext(c, out, b.data ? b.data : "", b.len);
			buf_free(&b);
			return;
		}
		s1 = av[0].str;
		s2 = av[1].str;
		l1 = strlen(s1);
		l2 = strlen(s2);
		setnum(out, id == F_CONTAINS ? strstr(s1, s2) != NULL :
		    id == F_STARTS ? strncmp(s1, s2, l2) == 0 :
		    l1 >= l2 && strcmp(s1 + l1 - l2, s2) == 0);
		return;
	case F_BAND:
		if (a->kind != V_NUM) {
			*out = *a;
			return;
		}
		s1 = calc_hhi_band(a->num);
		settext(c, out, s1, strlen(s1));
		return;
	default:
		break;
	}
	/* Numeric functions. */
	for (i = 0; i < n; i++) {
		if (av[i].kind == V_TEXT) {
			everr(c, e, "%s() needs numbers, not text (\"%s\")",
			    fns[e->fn].name, av[i].str);
			setmiss(out, V_NA);
			return;
		}
		if (!isnumk(av[i].kind)) {
			setmiss(out, av[i].kind);
			return;
		}
	}
	x = a->num;
	switch (id) {
	case F_ABS:	setnum(out, fabs(x)); break;
	case F_FLOOR:	setnum(out, floor(x)); break;
	case F_CEIL:	setnum(out, ceil(x)); break;
	case F_SQRT:	setnum(out, sqrt(x)); break;
	case F_LN:	setnum(out, log(x)); break;
	case F_LOG10:	setnum(out, log10(x)); break;
	case F_EXP:	setnum(out, exp(x)); break;
	case F_ROUND:
		p = n > 1 ? pow(10, av[1].num) : 1;
		setnum(out, round(x * p) / p);
		break;
	case F_CHANGE:
		setnum(out, calc_change(av[0].num, av[1].num));
		break;
	case F_MULTIPLE:
		setnum(out, calc_multiple(av[0].num, av[1].num));
		break;
	case F_MIN:
	case F_MAX:
		*out = av[0];
		for (i = 1; i < n; i++)
			if (id == F_MIN ? av[i].num < out->num :
			    av[i].num > out->num)
				*out = av[i];
		return;
	default:
		setmiss(out, V_NA);
		return;
	}
	if (out->kind == V_NUM && a->kind != V_NUM && id != F_CHANGE &&
	    id != F_MULTIPLE)
		out->kind = a->kind;
}

/* Evaluate the argument x on each row of a group. */
static struct value *
groupvals(struct evalctx *c, const struct qexpr *x, const struct table *t,
    const size_t *rows, size_t n)
{
	struct value	*v = arena_alloc(c->arena, (n ? n : 1) * sizeof(*v));
	struct rowctx	 r;
	size_t		 i;

	memset(&r, 0, sizeof(r));
	r.t = t;
	for (i = 0; i < n; i++) {
		r.row = rows[i];
		eval(c, x, &r, NULL, NULL, 0, &v[i]);
	}
	return v;
}

/* Does row w's group key match row r's, "World " aside? */
static int
samegroup(const struct table *t, size_t r, size_t w, char *const *gcols,
    size_t ng)
{
	const struct value *a, *b;
	const char	*sa, *sb;
	size_t		 i;
	long		 col;

	for (i = 0; i < ng; i++) {
		if ((col = table_colfind(t, gcols[i])) < 0)
			continue;
		a = table_get(t, r, (size_t)col);
		b = table_get(t, w, (size_t)col);
		if (a->kind != V_TEXT || b->kind != V_TEXT) {
			if (value_cmp(a, b) != 0)
				return 0;
			continue;
		}
		sa = a->str;
		sb = b->str;
		if (strncasecmp(sb, "world ", 6) == 0)
			sb += 6;
		if (strncasecmp(sa, "world ", 6) == 0)
			sa += 6;
		if (strcasecmp(sa, sb) != 0)
			return 0;
	}
	return 1;
}

int
group_denom(struct evalctx *c, const struct qexpr *x, const struct table *t,
    const size_t *rows, size_t n, enum denom d, struct value *out,
    int *world)
{
	struct value	*v, w;
	size_t		*tot = NULL, nt = 0, i, r;
	double		*xs;
	size_t		 nx = 0;
	int		 lower = 0, ok = 0;

	*world = 0;
	setmiss(out, V_NA);
	if (n == 0)
		return 0;
	if (d != D_LISTED) {
		tot = xcalloc(table_nrows(t) + 1, sizeof(*tot));
		for (i = 0; i < n; i++)
			if (table_rowclass(t, rows[i]) == RC_TOTAL)
				tot[nt++] = rows[i];
		/* PGM: the World rows are in a Type of their own. */
		for (r = 0; nt == 0 && c->ngcols > 0 && r < table_nrows(t);
		    r++)
			if (table_rowclass(t, r) == RC_TOTAL &&
			    samegroup(t, rows[0], r, c->gcols, c->ngcols))
				tot[nt++] = r;
		if (nt > 0) {
			v = groupvals(c, x, t, tot, nt);
			xs = xcalloc(nt, sizeof(*xs));
			for (i = 0; i < nt; i++)
				if (isnumk(v[i].kind)) {
					xs[nx++] = v[i].num;
					lower |= v[i].kind == V_LOWER;
				}
			if (nx > 0) {
				setnum(out, calc_sum(xs, nx));
				if (lower)
					out->kind = V_LOWER;
				*world = 1;
				ok = 1;
			}
			free(xs);
		}
		free(tot);
		/*
		 * A World total that is a lower bound (niobium reserves,
		 * >17,000,000) is at least the sum of the listed rows:
		 * without this, shares of it could exceed 100%.
		 */
		if (ok && out->kind == V_LOWER) {
			v = groupvals(c, x, t, rows, n);
			for (i = 0, w.num = 0; i < n; i++)
				if (table_rowclass(t, rows[i]) != RC_TOTAL &&
				    isnumk(v[i].kind))
					w.num += v[i].num;
			if (w.num > out->num) {
				out->num = w.num;
				if (c->notes != NULL)
					table_addnote(c->notes,
					    qenv_zh(c->env) ? "公布的世界合计"
					    "为下限，且小于所列各行之和，故以"
					    "该和为下限。" : "The World total "
					    "is a lower bound below the sum of "
					    "the listed rows, so that sum is "
					    "the bound.");
			}
		}
		if (ok || d == D_WORLD)
			return ok;
	}
	/* The sum of the listed rows: items and rests. */
	v = groupvals(c, x, t, rows, n);
	xs = xcalloc(n, sizeof(*xs));
	for (i = 0; i < n; i++)
		if (table_rowclass(t, rows[i]) != RC_TOTAL &&
		    isnumk(v[i].kind)) {
			xs[nx++] = v[i].num;
			lower |= v[i].kind == V_LOWER;
		}
	if (nx > 0) {
		setnum(&w, calc_sum(xs, nx));
		if (lower)
			w.kind = V_LOWER;
		*out = w;
		ok = 1;
	}
	free(xs);
	return ok;
}

/* The denominator named by an optional string argument. */
static int
denom_arg(struct evalctx *c, const struct qexpr *e, size_t i, enum denom *d)
{
	const struct qexpr *a;

	*d = D_AUTO;
	if (i >= e->nargs)
		return 1;
	a = e->args[i];
	if (a->kind == E_STR && strcasecmp(a->str, "world") == 0)
		*d = D_WORLD;
	else if (a->kind == E_STR && (strcasecmp(a->str, "listed") == 0 ||
	    strcasecmp(a->str, "total") == 0))
		*d = D_LISTED;
	else {
		everr(c, a, "expected \"world\" or \"listed\" as the "
		    "denominator of %s()", fns[e->fn].name);
		return 0;
	}
	return 1;
}

/* Shares of the item rows of a group: values, names, denominator. */
size_t
group_items(struct evalctx *c, const struct qexpr *e, const struct qexpr *x,
    enum denom d, const struct table *t, const size_t *rows, size_t n,
    double **xs, size_t **which, struct value *den)
{
	struct value	*v;
	size_t		 i, k = 0;
	int		 world;

	*xs = xcalloc(n ? n : 1, sizeof(**xs));
	*which = xcalloc(n ? n : 1, sizeof(**which));
	if (!group_denom(c, x, t, rows, n, d, den, &world)) {
		setmiss(den, V_NA);
		return 0;
	}
	if (c->notes != NULL)
		table_addnote(c->notes, qenv_zh(c->env) ? (world ?
		    QZH_WORLD : QZH_LISTED) : world ? "Shares are of the "
		    "World total as published." : "Shares are of the sum of "
		    "the listed rows.");
	v = groupvals(c, x, t, rows, n);
	for (i = 0; i < n; i++)
		if (table_rowclass(t, rows[i]) == RC_ITEM &&
		    isnumk(v[i].kind)) {
			(*which)[k] = rows[i];
			(*xs)[k++] = v[i].num;
		}
	(void)e;
	return k;
}

static const char *
rowname(const struct table *t, size_t row)
{
	long	 nc = table_namecol(t);

	if (nc < 0 || table_get(t, row, (size_t)nc)->kind != V_TEXT)
		return NULL;
	return table_get(t, row, (size_t)nc)->str;
}

/* A share computed against a denominator that may be a bound. */
static void
sharev(struct value *out, double x, const struct value *den)
{
	setnum(out, den->num != 0 ? x / den->num : NAN);
	if (out->kind == V_NUM && den->kind == V_LOWER)
		out->kind = V_UPPER;
}

static void
aggregate(struct evalctx *c, const struct qexpr *e, const struct table *t,
    const size_t *rows, size_t n, struct value *out)
{
	enum fnid	 id = fns[e->fn].id;
	struct value	*v, den;
	struct acc	 a;
	enum accop	 op;
	enum denom	 d;
	double		*xs, k;
	size_t		*which, m, i, lead;
	const char	*name;

	if (t == NULL) {
		everr(c, e, "%s() works on the rows of a group: use it in "
		    "summarize, not in %s", fns[e->fn].name, "a row "
		    "operation such as filter or derive");
		setmiss(out, V_NA);
		return;
	}
	if (id == F_COUNT && e->nargs == 0) {
		setnum(out, (double)n);
		return;
	}
	if (acc_op(fns[e->fn].name, &op)) {
		acc_init(&a, id == F_COUNT ? A_COUNT : op);
		v = groupvals(c, e->args[0], t, rows, n);
		for (i = 0; i < n; i++)
			acc_add(&a, &v[i]);
		acc_result(&a, out);
		if (out->kind == V_TEXT)
			out->str = arena_strdup(c->arena, out->str);
		if (c->notes != NULL) {
			char	*s = acc_note(&a, e->str,
			    e->args[0]->kind == E_COL ? e->args[0]->str :
			    NULL, c->env);

			table_addnote(c->notes, s);
			free(s);
		}
		acc_free(&a);
		return;
	}
	if (id == F_MEDIAN) {
		v = groupvals(c, e->args[0], t, rows, n);
		xs = xcalloc(n ? n : 1, sizeof(*xs));
		for (m = 0, i = 0; i < n; i++)
			if (v[i].kind == V_NUM)
				xs[m++] = v[i].num;
		setnum(out, calc_median(xs, m));
		free(xs);
		return;
	}
	/* The analytics: shares of the item rows. */
	switch (id) {
	case F_CR:
		k = 3;
		if (e->nargs > 1) {
			struct value kv;

			eval(c, e->args[1], NULL, t, rows, n, &kv);
			if (kv.kind != V_NUM || kv.num < 1) {
				everr(c, e->args[1], "cr() counts the largest "
				    "1, 2, 3... rows: expected a whole number");
				setmiss(out, V_NA);
				return;
			}
			k = kv.num;
		}
		if (!denom_arg(c, e, 2, &d))
			return;
		m = group_items(c, e, e->args[0], d, t, rows, n, &xs, &which, &den);
		if (den.kind == V_NA)
			setmiss(out, V_NA);
		else	/* the sum of the k largest, as a share */
			sharev(out, calc_cr(xs, m, (size_t)k, 1), &den);
		break;
	case F_HHI:
		if (!denom_arg(c, e, 1, &d))
			return;
		m = group_items(c, e, e->args[0], d, t, rows, n, &xs, &which, &den);
		if (den.kind == V_NA)
			setmiss(out, V_NA);
		else {
			setnum(out, calc_hhi(xs, m, den.num));
			if (den.kind == V_LOWER)
				out->kind = V_UPPER;
		}
		break;
	case F_LEADER:
	case F_LEADSHARE:
		if (!denom_arg(c, e, 1, &d))
			return;
		m = group_items(c, e, e->args[0], d, t, rows, n, &xs, &which, &den);
		if (m == 0) {
			setmiss(out, V_NA);
			break;
		}
		lead = calc_leader(xs, m);
		if (id == F_LEADSHARE) {
			if (den.kind == V_NA)
				setmiss(out, V_NA);
			else
				sharev(out, xs[lead], &den);
		} else if ((name = rowname(t, which[lead])) == NULL) {
			everr(c, e, "leader() names the row with the largest "
			    "value, but %s has no column of names", c->what);
			setmiss(out, V_NA);
		} else
			settext(c, out, name, strlen(name));
		break;
	case F_SHAREOF: {
		struct value	 nv;

		eval(c, e->args[0], NULL, t, rows, n, &nv);
		if (nv.kind != V_TEXT) {
			everr(c, e->args[0], "share_of() wants a name first, "
			    "like share_of(\"China\", Reserves)");
			setmiss(out, V_NA);
			return;
		}
		if (!denom_arg(c, e, 2, &d))
			return;
		m = group_items(c, e, e->args[1], d, t, rows, n, &xs, &which, &den);
		if (den.kind == V_NA) {
			setmiss(out, V_NA);
			break;
		}
		/* A name not listed has no share of its own: 0. */
		setnum(out, 0);
		for (i = 0; i < m; i++)
			if ((name = rowname(t, which[i])) != NULL &&
			    strcasecmp(name, nv.str) == 0) {
				sharev(out, xs[i], &den);
				break;
			}
		break;
	}
	default:
		setmiss(out, V_NA);
		return;
	}
	free(xs);
	free(which);
}

/*
 * Evaluate e on a row (r != NULL) or on the rows of a group (t and
 * rows; r NULL).  In a group, a column outside an aggregate takes its
 * value in the group's first row.
 */
static void
eval(struct evalctx *c, const struct qexpr *e, const struct rowctx *r,
    const struct table *t, const size_t *rows, size_t n, struct value *out)
{
	struct value	 a, b, *av;
	struct rowctx	 first;
	const char	*pv;
	size_t		 i;
	int		 dec, lead0;

	memset(out, 0, sizeof(*out));
	if (r == NULL && t != NULL && (e->kind == E_COL ||
	    (e->kind == E_CALL && !isagg(e) && (fns[e->fn].id == F_ISTOTAL ||
	    fns[e->fn].id == F_ISOTHER || fns[e->fn].id == F_ISITEM)))) {
		if (n == 0) {
			setmiss(out, V_NULL);
			return;
		}
		memset(&first, 0, sizeof(first));
		first.t = t;
		first.row = rows[0];
		eval(c, e, &first, NULL, NULL, 0, out);
		return;
	}
	switch (e->kind) {
	case E_NUM:
		setnum(out, e->num);
		return;
	case E_STR:
		out->kind = V_TEXT;
		out->str = e->str;
		return;
	case E_NULL:
		setmiss(out, V_NULL);
		return;
	case E_COL:
		*out = *rowval(r, e->col);
		return;
	case E_PARAM:
		if ((pv = param_get(c->env, e->str)) == NULL) {
			everr(c, e, "no parameter $%s (set it with -D %s=... "
			    "or under params: in the front matter)", e->str,
			    e->str);
			setmiss(out, V_NA);
			return;
		}
		if (cell_number(pv, strlen(pv), out, &dec, &lead0) &&
		    out->kind == V_NUM && !lead0)
			return;
		memset(out, 0, sizeof(*out));
		out->kind = V_TEXT;
		out->str = pv;
		return;
	case E_NEG:
		eval(c, e->a, r, t, rows, n, &a);
		if (a.kind == V_TEXT) {
			everr(c, e, "'-' needs a number, not text (\"%s\")",
			    a.str);
			setmiss(out, V_NA);
			return;
		}
		*out = a;
		if (isnumk(a.kind)) {
			out->num = -a.num;
			out->kind = (unsigned char)flip(a.kind, -1);
		}
		return;
	case E_NOT:
		eval(c, e->a, r, t, rows, n, &a);
		setnum(out, !value_true(&a));
		return;
	case E_BIN:
		eval(c, e->a, r, t, rows, n, &a);
		/* Short circuits. */
		if (e->op == B_AND && !value_true(&a)) {
			setnum(out, 0);
			return;
		}
		if (e->op == B_OR && value_true(&a)) {
			setnum(out, 1);
			return;
		}
		eval(c, e->b, r, t, rows, n, &b);
		binop(c, e, &a, &b, out);
		return;
	case E_IN:
		eval(c, e->a, r, t, rows, n, &a);
		for (i = 0; i < e->nargs; i++) {
			eval(c, e->args[i], r, t, rows, n, &b);
			if (compare(c, &a, &b) == 0) {
				setnum(out, 1);
				return;
			}
		}
		setnum(out, 0);
		return;
	case E_CALL:
		if (isagg(e)) {
			aggregate(c, e, r == NULL ? t : NULL, rows, n, out);
			return;
		}
		av = arena_alloc(c->arena, (e->nargs + 1) * sizeof(*av));
		for (i = 0; i < e->nargs; i++)
			eval(c, e->args[i], r, t, rows, n, &av[i]);
		if (r == NULL && t != NULL && n > 0) {
			memset(&first, 0, sizeof(first));
			first.t = t;
			first.row = rows[0];
			scalar(c, e, av, e->nargs, &first, out);
		} else
			scalar(c, e, av, e->nargs, r, out);
		return;
	}
}

void
qexpr_eval(struct evalctx *c, const struct qexpr *e, const struct rowctx *r,
    struct value *out)
{
	eval(c, e, r, NULL, NULL, 0, out);
}

void
qexpr_evalagg(struct evalctx *c, const struct qexpr *e,
    const struct table *t, const size_t *rows, size_t n, struct value *out)
{
	eval(c, e, NULL, t, rows, n, out);
}

/*
 * Accumulators.
 */
int
acc_op(const char *f, enum accop *op)
{
	if (strcasecmp(f, "sum") == 0)
		*op = A_SUM;
	else if (strcasecmp(f, "mean") == 0 || strcasecmp(f, "avg") == 0)
		*op = A_MEAN;
	else if (strcasecmp(f, "min") == 0)
		*op = A_MIN;
	else if (strcasecmp(f, "max") == 0)
		*op = A_MAX;
	else if (strcasecmp(f, "count") == 0)
		*op = A_COUNT;
	else if (strcasecmp(f, "first") == 0)
		*op = A_FIRST;
	else if (strcasecmp(f, "last") == 0)
		*op = A_LAST;
	else
		return 0;
	return 1;
}

void
acc_init(struct acc *a, enum accop op)
{
	memset(a, 0, sizeof(*a));
	a->op = op;
}

static void
neumaier(struct acc *a, double x)
{
	double	 t = a->sum + x;

	if (fabs(a->sum) >= fabs(x))
		a->comp += (a->sum - t) + x;
	else
		a->comp += (x - t) + a->sum;
	a->sum = t;
}

static void
keep(struct acc *a, const struct value *v)
{
	free(a->vstr);
	a->v = *v;
	a->vstr = v->str ? xstrdup(v->str) : NULL;
	a->v.str = a->vstr;
	a->has = 1;
}

void
acc_add(struct acc *a, const struct value *v)
{
	a->rows++;
	if (a->op == A_FIRST) {
		if (!a->has)
			keep(a, v);
		return;
	}
	if (a->op == A_LAST) {
		keep(a, v);
		return;
	}
	if (!isnumk(v->kind)) {
		if (v->kind == V_TEXT) {
			if (a->op == A_COUNT)
				a->n++;
			else
				a->miss[V_NOTE]++;
		} else
			a->miss[v->kind <= V_NOTE ? v->kind : V_NOTE]++;
		return;
	}
	a->lower |= v->kind == V_LOWER;
	a->upper |= v->kind == V_UPPER;
	if (a->n == 0 || (a->op == A_MIN ? v->num < a->best :
	    v->num > a->best))
		a->best = v->num;
	a->n++;
	neumaier(a, v->num);
}

void
acc_merge(struct acc *a, const struct acc *b)
{
	size_t	 i;

	if (a->op == A_FIRST) {
		if (!a->has && b->has)
			keep(a, &b->v);
		a->rows += b->rows;
		return;
	}
	if (a->op == A_LAST) {
		if (b->has)
			keep(a, &b->v);
		a->rows += b->rows;
		return;
	}
	if (b->n > 0 && (a->n == 0 || (a->op == A_MIN ? b->best < a->best :
	    b->best > a->best)))
		a->best = b->best;
	a->n += b->n;
	a->rows += b->rows;
	neumaier(a, b->sum);
	neumaier(a, b->comp);
	a->lower |= b->lower;
	a->upper |= b->upper;
	for (i = 0; i <= V_NOTE; i++)
		a->miss[i] += b->miss[i];
}

void
acc_result(const struct acc *a, struct value *v)
{
	size_t	 i, k = 0, nmiss = 0;

	memset(v, 0, sizeof(*v));
	if (a->op == A_FIRST || a->op == A_LAST) {
		if (a->has)
			*v = a->v;
		else
			v->kind = V_NULL;
		return;
	}
	if (a->op == A_COUNT) {
		setnum(v, (double)a->n);
		return;
	}
	if (a->op == A_COUNTALL) {
		setnum(v, (double)a->rows);
		return;
	}
	if (a->n == 0) {
		/* Only missing values: keep their kind if there is one. */
		for (i = 0; i <= V_NOTE; i++)
			if (a->miss[i]) {
				nmiss++;
				k = i;
			}
		if (a->op == A_SUM && a->rows == 0)
			setnum(v, 0);
		else
			setmiss(v, nmiss == 1 ? (int)k : V_NA);
		return;
	}
	switch (a->op) {
	case A_SUM:
		setnum(v, a->sum + a->comp);
		break;
	case A_MEAN:
		setnum(v, (a->sum + a->comp) / (double)a->n);
		break;
	default:
		setnum(v, a->best);
		break;
	}
	if (a->lower && a->upper)
		setmiss(v, V_NA);
	else if (a->lower && a->op != A_MIN)
		v->kind = V_LOWER;
	else if (a->upper && a->op != A_MAX)
		v->kind = V_UPPER;
}

void
acc_free(struct acc *a)
{
	free(a->vstr);
	a->vstr = NULL;
}

char *
acc_note(const struct acc *a, const char *fname, const char *col,
    const struct qenv *env)
{
	static const char *const kn[] = { "empty", "", "", "NA", "W", "XX",
	    "", "", "a note" };
	static const char *const knzh[] = { "空值", "", "", "NA", "W", "XX",
	    "", "", "注释" };
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i, total = 0;
	int		 first = 1, zh = qenv_zh(env);

	if (a->op == A_FIRST || a->op == A_LAST || a->op == A_COUNT ||
	    a->op == A_COUNTALL || a->n == 0)
		return NULL;
	/* In Chinese the aggregate is named, not spelt as written. */
	if (zh)
		fname = a->op == A_SUM ? "合计" : a->op == A_MEAN ?
		    "平均值" : a->op == A_MIN ? "最小值" : "最大值";
	if (col == NULL)
		col = zh ? "各值" : "the values";
	for (i = 0; i <= V_NOTE; i++)
		total += a->miss[i];
	if (total > 0) {
		if (zh)
			buf_printf(&b, "%s的%s未计入%zu个值（", col, fname,
			    total);
		else
			buf_printf(&b, "The %s of %s leaves out %zu value%s (",
			    fname, col, total, total > 1 ? "s" : "");
		for (i = 0; i <= V_NOTE; i++) {
			if (a->miss[i] == 0 || kn[i][0] == '\0')
				continue;
			if (zh)
				buf_printf(&b, "%s%zu个%s", first ? "" : "、",
				    a->miss[i], knzh[i]);
			else
				buf_printf(&b, "%s%zu %s", first ? "" : ", ",
				    a->miss[i], kn[i]);
			first = 0;
		}
		buf_puts(&b, zh ? "）。" : ").");
	}
	if (a->lower && !a->upper && a->op != A_MIN) {
		if (zh)
			buf_printf(&b, "%s的%s计入了下限值。", col, fname);
		else {
			if (b.len)
				buf_putc(&b, ' ');
			buf_printf(&b, "The %s of %s includes lower bounds.",
			    fname, col);
		}
	}
	return buf_steal(&b);
}
