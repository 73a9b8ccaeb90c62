/*
 * query.h: the one query language that inline values, tables and
 * charts share (docs/queries.md is the reference):
 *
 *	cobalt | filter Country != "World total (rounded)"
 *	       | top 3 by Reserves_t | share Reserves_t as share
 *
 * Who may include this: the template stage and main.  A query is
 * parsed once (errors point at the template's file:line:col) and run
 * against an environment that resolves dataset names and $params.
 */
#ifndef QUERY_H
#define QUERY_H

#include <stddef.h>

#include "data.h"
#include "dataset.h"

/* A parameter: -D name=value on the command line, or params: in
 * front matter; queries and templates refer to it as $name. */
struct param {
	char	*name;
	char	*value;
};

struct qenv {
	struct dsreg		*reg;		/* loads and caches files */
	const struct dsdecl	*decls;		/* the template's datasets */
	size_t			 ndecls;
	const struct param	*params;
	size_t			 nparams;
	const char		*lang;		/* "en", "zh": number words */
};

struct query;

/*
 * Parse a query written at file:line:col.  Return NULL after
 * reporting the error with msg().
 */
struct query	*query_parse(const char *text, const char *file,
		    size_t line, size_t col);
void		 query_free(struct query *);

/*
 * Announce a query before any is run, so that queries which only
 * aggregate can share one streaming pass over their dataset.
 * Optional; running an unplanned query works too.
 */
void		 query_plan(struct query *, const struct qenv *);

/* Run a query for a table; the caller frees it.  NULL on error. */
struct table	*query_table(const struct query *, const struct qenv *);

/*
 * Run a query for one value, formatted for the page (an inline
 * {{ ... }}); the caller frees the text.  NULL on error.
 */
char		*query_text(const struct query *, const struct qenv *);

#endif /* !QUERY_H */
