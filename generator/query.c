/*
 * query.c: running queries (query.h).  A query's leading steps that
 * only aggregate a large file are done while streaming it
 * (query_stream.c); the rest runs on tables (query_run.c).
 */
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "data.h"
#include "dataset.h"
#include "fmt.h"
#include "msg.h"
#include "query.h"
#include "query_impl.h"

static const struct dsdecl *
source_decl(const struct query *q, const struct qenv *env)
{
	const char	*name = q->source;

	if (q->srcparam && (name = param_get(env, q->source)) == NULL) {
		msg(MSG_ERROR, q->pos.file, q->pos.line, q->pos.col, "no "
		    "parameter $%s (it names the dataset)", q->source);
		return NULL;
	}
	return qenv_decl(env, name, &q->pos);
}

void
query_plan(struct query *q, const struct qenv *env)
{
	const struct dsdecl *d;
	struct msgctx	 quiet;
	size_t		 n;

	if ((n = qstream_prefix(q)) == 0)
		return;
	/* Problems are reported when the query runs. */
	memset(&quiet, 0, sizeof(quiet));
	quiet.sink = &(struct buf){ NULL, 0, 0 };
	msg_push(&quiet);
	d = source_decl(q, env);
	msg_pop();
	buf_free(quiet.sink);
	if (d != NULL && qstream_wanted(d))
		qstream_plan(q, n, env, d);
}

/* The grouping in force after the first n steps. */
static void
groups_after(struct qrun *r, const struct query *q, size_t n)
{
	size_t	 i, k;

	for (i = n; i > 0; i--) {
		const struct qstep *s = &q->steps[i - 1];

		if (s->op == Q_SUMMARIZE || s->op == Q_UNGROUP)
			return;
		if (s->op != Q_GROUP)
			continue;
		r->groups = xcalloc(s->nitems, sizeof(*r->groups));
		for (k = 0; k < s->nitems; k++)
			r->groups[k] = xstrdup(s->items[k].e->str);
		r->ngroups = s->nitems;
		return;
	}
}

struct table *
query_table(const struct query *q, const struct qenv *env)
{
	const struct dsdecl *d;
	const struct table *t;
	struct qrun	 r;
	struct table	*out = NULL;
	size_t		 i, start = 0;

	if ((d = source_decl(q, env)) == NULL)
		return NULL;
	memset(&r, 0, sizeof(r));
	r.env = env;
	r.q = q;
	if ((start = qstream_prefix(q)) > 0 && qstream_wanted(d)) {
		if ((t = qstream_run(q, start, env, d)) == NULL)
			return NULL;
		groups_after(&r, q, start);
	} else {
		start = 0;
		if ((t = dsreg_get(env->reg, d)) == NULL)
			return NULL;
	}
	qrun_settable(&r, (struct table *)t, 0);
	for (i = start; i < q->nsteps; i++)
		if (!qrun_step(&r, &q->steps[i]))
			goto out;
	if (r.owned) {
		out = r.t;
		r.t = NULL;
	} else {
		out = table_newlike(r.t, NULL);
		for (i = 0; i < table_nrows(r.t); i++)
			table_copyrow(out, r.t, i);
	}
out:
	qrun_settable(&r, NULL, 0);
	for (i = 0; i < r.ngroups; i++)
		free(r.groups[i]);
	free(r.groups);
	return out;
}

char *
query_text(const struct query *q, const struct qenv *env)
{
	struct table	*t;
	struct numfmt	 f;
	struct buf	 b = { NULL, 0, 0 };
	const char	*spec;
	char		*err = NULL;

	if ((t = query_table(q, env)) == NULL)
		return NULL;
	if (table_nrows(t) != 1 || table_ncols(t) != 1) {
		msg(MSG_ERROR, q->pos.file, q->pos.line, q->pos.col, "an "
		    "inline value needs one value, and this query gives %zu "
		    "row%s and %zu column%s (narrow it with filter, select or "
		    "summarize)", table_nrows(t), table_nrows(t) == 1 ? "" :
		    "s", table_ncols(t), table_ncols(t) == 1 ? "" : "s");
		table_free(t);
		return NULL;
	}
	numfmt_defaults(&f);
	if ((spec = table_colfmt(t, 0)) != NULL && !numfmt_parse(spec, &f,
	    &err)) {
		free(err);
		numfmt_defaults(&f);
	}
	if (env != NULL && env->lang != NULL)
		f.lang = env->lang;
	fmt_value(&b, table_get(t, 0, 0), &f);
	table_free(t);
	return b.data ? buf_steal(&b) : xstrdup("");
}
