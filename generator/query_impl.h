/*
 * query_impl.h: what the query modules share, and nobody else:
 *
 *	query_parse.c	text -> steps and expressions
 *	query_expr.c	expressions on rows and on groups; accumulators
 *	query_run.c	the operations, on tables
 *	query_stream.c	aggregation while reading a file
 *	query.c		query_table(), query_text(), query_plan()
 *
 * Who may include this: query*.c only.
 */
#ifndef QUERY_IMPL_H
#define QUERY_IMPL_H

#include <stddef.h>

#include "data.h"
#include "dataset.h"
#include "query.h"

/* A place in the template, for messages. */
struct qpos {
	const char	*file;
	size_t		 line, col;
};

enum ekind {
	E_NUM,		/* num */
	E_STR,		/* str */
	E_NULL,
	E_COL,		/* str: the column's name; col: resolved index */
	E_PARAM,	/* str: the parameter's name */
	E_NEG,		/* -a */
	E_NOT,		/* not a */
	E_BIN,		/* a op b */
	E_IN,		/* a in (args) */
	E_CALL		/* str(args) */
};

enum binop {
	B_ADD, B_SUB, B_MUL, B_DIV,
	B_EQ, B_NE, B_LT, B_LE, B_GT, B_GE,
	B_AND, B_OR
};

struct qexpr {
	enum ekind	 kind;
	enum binop	 op;
	double		 num;
	char		*str;
	struct qexpr	*a, *b;
	struct qexpr   **args;
	size_t		 nargs;
	long		 col;		/* E_COL, once resolved */
	int		 fn;		/* E_CALL: index in the function table */
	struct qpos	 pos;
};

enum qop {
	Q_FILTER, Q_SELECT, Q_DERIVE, Q_GROUP, Q_UNGROUP, Q_SUMMARIZE,
	Q_SORT, Q_TOP, Q_LIMIT, Q_SHARE, Q_RANK, Q_JOIN, Q_APPEND, Q_PIVOT,
	Q_UNPIVOT, Q_CHANGE, Q_MULTIPLE, Q_CONC, Q_DEPEND, Q_CATEGORIZE,
	Q_FORMAT, Q_NOTE
};

/* Denominators of shares. */
enum denom {
	D_AUTO = 0,	/* the World total if the group has one, else listed */
	D_WORLD,	/* the published total row */
	D_LISTED	/* the sum of the listed rows (items and rests) */
};

/* One item of a list: "NAME = expr", "expr as NAME", "col desc". */
struct qitem {
	char		*name;		/* or NULL */
	struct qexpr	*e;
	int		 desc;		/* sort: descending */
	struct qpos	 pos;
};

/* A count written as a number or as a $parameter. */
struct qcount {
	long		 n;
	char		*param;		/* or NULL */
	struct qpos	 pos;
};

struct qstep {
	enum qop	 op;
	const char	*word;		/* the operation as written */
	struct qpos	 pos;
	struct qitem	*items;		/* select, derive, summarize, sort,
					   group, format, append, unpivot */
	size_t		 nitems;
	struct qexpr	*e;		/* filter; top/share/rank/...: column */
	struct qexpr	*by;		/* top by; concentration/dependence by */
	struct qexpr	*e2;		/* join's right key; change/pivot 2nd */
	struct qcount	 n;		/* top, limit, concentration top */
	char		*s;		/* as NAME; join/categorize dataset;
					   note text; other label */
	char		*s2;		/* dependence on "partner"; unpivot */
	struct qexpr	*partner;	/* dependence on (expression) */
	enum denom	 denom;
	int		 other;		/* top ... with other */
	int		 desc;		/* rank order */
};

struct query {
	char		*source;	/* dataset name, or NULL: the first */
	int		 srcparam;	/* source written as $name */
	struct qpos	 pos;
	struct qstep	*steps;
	size_t		 nsteps;
	char		*text;		/* as written */
};

/* query_parse.c */
struct qexpr	*qexpr_parse(const char *text, const char *file,
		    size_t line, size_t col);
void		 qexpr_free(struct qexpr *);
struct qexpr	*qexpr_copy(const struct qexpr *);
/* Write a step or expression back as text (keys of shared passes). */
void		 qstep_print(struct buf *, const struct qstep *,
		    const struct qenv *);
void		 qexpr_print(struct buf *, const struct qexpr *,
		    const struct qenv *);
const char	*param_get(const struct qenv *, const char *);
/* Closest word in a list, for "did you mean" (NULL if none is close). */

/* Aggregates that can be computed while reading a file. */
enum accop {
	A_SUM, A_MEAN, A_MIN, A_MAX, A_COUNT, A_COUNTALL, A_FIRST, A_LAST
};

/* query_expr.c: the functions. */
enum fnclass {
	FN_SCALAR,
	FN_AGG		/* over the rows of a group */
};

int		 fn_find(const char *name, enum fnclass *, size_t *minargs,
		    size_t *maxargs);
int		 qexpr_hasagg(const struct qexpr *);
/* Does e ask for row classes (is_total() and the like)? */
int		 qexpr_usesclass(const struct qexpr *);
/* Is e a call of an aggregate that streams (sum, mean, ...)? */
int		 qexpr_streamagg(const struct qexpr *, enum accop *);
/*
 * How the values of e, resolved against t, combine in an Other row:
 * CS_ADD for quantities (Reserves, Imports - Exports, sum(x),
 * count()), CS_SAME for ratios, averages and constants, CS_NONE for
 * the rest (x * x, hhi(x)).
 */
enum colsum	 qexpr_colsum(const struct qexpr *, const struct table *);

/* Where expressions get the values of a row. */
struct rowctx {
	const struct table *t;
	size_t		 row;
	/* Or, when streaming: values by column. */
	const struct value *vals;
	size_t		 nvals;
	long		 namecol;	/* of vals, or -1 */
};

/* Evaluation: text results live in arena. */
struct evalctx {
	const struct qenv *env;
	struct arena	*arena;
	int		 err;		/* an error was reported */
	char	       **gcols;		/* the grouping, for World rows */
	size_t		 ngcols;	/* kept outside a group */
	struct table	*notes;		/* where aggregates add notes */
	const char	*what;		/* the dataset, for messages */
	int		 defer;		/* on a worker thread: keep the
					   first error in errpos, errtext */
	struct qpos	 errpos;
	char		*errtext;
};

/* Resolve column names against a table; 0 after reporting. */
int		 qexpr_resolve(struct qexpr *, const struct table *,
		    const char *what);
void		 qexpr_eval(struct evalctx *, const struct qexpr *,
		    const struct rowctx *, struct value *);
/* Aggregate context: the rows of one group. */
void		 qexpr_evalagg(struct evalctx *, const struct qexpr *,
		    const struct table *, const size_t *rows, size_t nrows,
		    struct value *);
int		 value_true(const struct value *);

/*
 * Accumulators for aggregates that can be computed while reading a
 * file (sum, mean, min, max, count, first, last), shared by the table
 * and streaming paths so that both give the same bytes.
 */

struct acc {
	enum accop	 op;
	double		 sum, comp;	/* Neumaier-compensated sum */
	double		 best;		/* min or max */
	size_t		 n;		/* numbers seen */
	size_t		 rows;		/* rows seen */
	size_t		 miss[V_NOTE + 1];	/* missing kinds seen */
	int		 lower, upper;	/* bounds added in */
	struct value	 v;		/* first or last */
	char		*vstr;		/* its text (owned) */
	int		 has;
};

int		 acc_op(const char *fname, enum accop *);
void		 acc_init(struct acc *, enum accop);
void		 acc_add(struct acc *, const struct value *);
void		 acc_merge(struct acc *, const struct acc *);
void		 acc_result(const struct acc *, struct value *);
void		 acc_free(struct acc *);
/* acc_add() of a plain number, inline for the streaming hot path
 * (not for first and last). */
static inline void
acc_addnum(struct acc *a, double x)
{
	double	 t = a->sum + x;

	a->rows++;
	if (a->n == 0 || (a->op == A_MIN ? x < a->best : x > a->best))
		a->best = x;
	a->n++;
	if ((a->sum < 0 ? -a->sum : a->sum) >= (x < 0 ? -x : x))
		a->comp += (a->sum - t) + x;
	else
		a->comp += (x - t) + a->sum;
	a->sum = t;
}

/*
 * A sentence on the values an aggregate of col (NULL: of an
 * expression) left out, or NULL; in the language of the qenv.
 */
char		*acc_note(const struct acc *, const char *fname,
		    const char *col, const struct qenv *);

/* query_run.c */
/* Are notes written in Chinese (lang "zh", "zh-CN", ...)? */
int		 qenv_zh(const struct qenv *);
/* The notes on denominators, in Chinese (both query_run.c and
 * query_expr.c write them). */
#define QZH_WORLD	"份额以公布的世界合计为分母。"
#define QZH_LISTED	"份额以所列各行之和为分母。"

struct qrun {
	const struct qenv *env;
	const struct query *q;
	struct table	*t;		/* current table */
	int		 owned;		/* t is ours to free */
	char	       **groups;	/* group column names */
	size_t		 ngroups;
};

int		 qrun_step(struct qrun *, const struct qstep *);
/* What summarize calls an item, and the format and unit it gives it. */
char		*qitem_name(const struct qitem *);
const char	*qagg_fmt(const struct qexpr *, const struct table *);
const char	*qagg_unit(const struct qexpr *, const struct table *);
void		 qtable_fixtypes(struct table *, size_t from);
void		 qrun_settable(struct qrun *, struct table *, int owned);
/* Rows of a table in groups, in order of first appearance. */
struct grouping {
	size_t		*rows;		/* all rows, group after group */
	size_t		*start;		/* ngroups + 1 */
	size_t		 ngroups;
};

int		 grouping_make(const struct table *, char *const *names,
		    size_t n, const struct qpos *, struct grouping *);
void		 grouping_free(struct grouping *);
const struct dsdecl *qenv_decl(const struct qenv *, const char *name,
		    const struct qpos *);
const struct table *qenv_table(const struct qenv *, const char *name,
		    const struct qpos *);
/*
 * The denominator of shares of x in a group: the World total row(s)
 * (in the group, or outside it with the same keys, as PGM's " World
 * mine production: Platinum"), or the sum of the listed rows.  Sets
 * *world when the World total was used.  Return 0 if there is none.
 */
int		 group_denom(struct evalctx *, const struct qexpr *x,
		    const struct table *, const size_t *rows, size_t n,
		    enum denom, struct value *out, int *world);

/*
 * The item rows of a group with a number in x: their values (*xs) and
 * rows (*which), both to be freed, and the denominator of their shares
 * (den; V_NA if there is none).  Adds a note on the denominator.
 */
size_t		 group_items(struct evalctx *, const struct qexpr *call,
		    const struct qexpr *x, enum denom, const struct table *,
		    const size_t *rows, size_t n, double **xs, size_t **which,
		    struct value *den);

/* query_stream.c */
/* Number of leading steps that a streaming pass can do; 0 if none. */
size_t		 qstream_prefix(const struct query *);
/*
 * Run the prefix on the file, sharing one pass with the queries
 * planned on it.  The table belongs to the registry.
 */
const struct table *qstream_run(const struct query *, size_t nsteps,
		    const struct qenv *, const struct dsdecl *);
void		 qstream_plan(const struct query *, size_t nsteps,
		    const struct qenv *, const struct dsdecl *);
int		 qstream_wanted(const struct dsdecl *);

#endif /* !QUERY_IMPL_H */
