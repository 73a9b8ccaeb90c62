/*
 * query_stream.c: aggregation while reading a file.
 *
 * A query that begins with row operations (filter, derive), a
 * grouping and an aggregation (summarize with sum, mean, min, max,
 * count, first or last; concentration or dependence 'by' a column)
 * does not need the file as a table: each row is read, filtered and
 * added into its group's accumulators, and forgotten.  Memory is the
 * groups, not the rows.  The queries planned on one file (query_plan)
 * share one pass, and csv_scan() reads the file on two threads.
 *
 * The result is the table the same steps would make from the loaded
 * file, byte for byte: the accumulators, names, formats and notes are
 * those of query_run.c (tests/unit/test_query.c compares the two).
 *
 * The hot path: each row's group is found by the raw bytes of its key
 * fields, so that cleaning names ("Japane") and reading numbers is
 * done once per distinct key, not once per row; numbers that are
 * plain decimals are read without a detour.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "aux.h"
#include "data.h"
#include "dataset.h"
#include "fmt.h"
#include "msg.h"
#include "query.h"
#include "query_impl.h"

/* A row operation of a job: a filter, or a derived column. */
struct sop {
	int		 derive;
	struct qexpr	*e;
	size_t		 vcol;		/* derive: the column it fills */
	size_t		*refs;		/* file columns it reads */
	size_t		 nrefs;
	int		 derived;	/* it reads derived columns too */
};


struct sagg {
	enum accop	 op;
	struct qexpr	*arg;		/* NULL for count() */
	long		 fcol;		/* a plain file column, or -1 */
	size_t		*refs;
	size_t		 nrefs;
};

/* One query prefix to compute. */
struct sjob {
	char		*key;
	/* To parse it again when the pass runs. */
	char		*text, *file;
	size_t		 line, col, nsteps;
	struct param	*params;
	size_t		 nparams;
	int		 zh;		/* notes in Chinese */
	/* The result. */
	struct table	*result;
	int		 done, failed;
	struct buf	 log;
	size_t		 count[MSG__MAX];
	/* While the pass runs. */
	struct query	*q;
	struct qenv	 env;
	int		 active;
	int		 sumby;		/* concentration/dependence: sum by */
	struct sop	*ops;
	size_t		 nops;
	long		*keys;		/* columns of the virtual table */
	size_t		 nkeys;
	int		*rawkey;	/* key k is a file column */
	struct sagg	*aggs;
	size_t		 naggs;
	const struct qstep *sum;	/* the summarize step, or NULL */
	long		 xcol;		/* sumby: the column summed */
};

/* All the jobs on one file. */
struct spass {
	pthread_mutex_t	 lock;
	struct sjob	**jobs;
	size_t		 njobs;
	char		*path;
};

/* The pass in progress. */
struct scanctx {
	struct spass	*sp;
	const struct dsdecl *d;
	struct dscol	*cols;
	size_t		 nfile;		/* columns of the file */
	struct table	*vt;		/* columns: the file's, then derived */
	size_t		 nv;
	unsigned char	*want;
	struct sjob   **jobs;		/* active jobs */
	size_t		 njobs;
	void		*global;	/* merged thread state */
	struct buf	 errlog;	/* first deferred error */
	int		 failed;
};

/* A group within a thread. */
struct sgroup {
	struct value	*keys;
	struct acc	*acc;
	size_t		 line;
};

/* A map from key bytes to group index. */
struct sent {
	uint64_t	 h;		/* the key's hash; 0: empty slot */
	char		*k;
	size_t		 klen;
	size_t		 v;
};

struct smap {
	struct sent	*e;
	size_t		 cap, n;
	uint64_t	 lasth;		/* hash of the last key looked up */
};

/*
 * The results of an operation that reads one file column, by the raw
 * bytes of that column: a filter on "mineral" is worked out once per
 * mineral, not once per row.
 */
#define MEMO_MAX	4096

struct memo {
	struct smap	 map;
	struct value	*v;
	size_t		 n, cap;
};

struct sjobts {
	struct sgroup	*g;
	size_t		 ng, gcap;
	struct smap	 raw, clean;
	struct memo	*memo;		/* one per row operation */
};

struct sts {
	struct scanctx	*sc;
	struct value	*vals;
	struct buf	*tmp;		/* per column, for text */
	size_t		*stamp;		/* row at which vals[i] was read */
	size_t		 row;
	const struct csvfield *f;
	struct arena	*arena;
	struct sjobts	*jt;
	struct buf	 key, ckey;
	struct evalctx	 ec;
};


static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, w;
	size_t	 i;

	/* A word-at-a-time multiplicative hash (keys are short). */
	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
	}
	if (i < n) {
		w = 0;
		memcpy(&w, s + i, n - i);
		h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	}
	h ^= h >> 29;
	return h ? h : 1;	/* 0 marks an empty slot */
}

static void
smap_grow(struct smap *m)
{
	struct sent	*old = m->e;
	size_t		 ocap = m->cap, i, j;

	m->cap = ocap ? ocap * 2 : 256;
	m->e = xcalloc(m->cap, sizeof(*m->e));
	for (i = 0; i < ocap; i++) {
		if (old[i].h == 0)
			continue;
		for (j = old[i].h & (m->cap - 1); m->e[j].h != 0;
		    j = (j + 1) & (m->cap - 1))
			continue;
		m->e[j] = old[i];
	}
	free(old);
}

/* The value of key, or (size_t)-1; *slot for smap_put. */
static size_t
smap_get(struct smap *m, const char *k, size_t n, size_t *slot)
{
	uint64_t h;
	size_t	 i;

	if ((m->n + 1) * 2 > m->cap)
		smap_grow(m);
	h = hash(k, n);
	for (i = h & (m->cap - 1); m->e[i].h != 0; i = (i + 1) & (m->cap - 1))
		if (m->e[i].h == h && m->e[i].klen == n &&
		    memcmp(m->e[i].k, k, n) == 0)
			return m->e[i].v;
	m->lasth = h;
	*slot = i;
	return (size_t)-1;
}

/* Add key at the slot smap_get() gave, right after it. */
static void
smap_put(struct smap *m, size_t slot, const char *k, size_t n, size_t v)
{
	struct sent	*e = &m->e[slot];

	e->h = m->lasth;
	e->k = xmalloc(n ? n : 1);
	memcpy(e->k, k, n);
	e->klen = n;
	e->v = v;
	m->n++;
}

static void
smap_free(struct smap *m)
{
	size_t	 i;

	for (i = 0; i < m->cap; i++)
		free(m->e[i].k);
	free(m->e);
}

/*
 * Planning: which leading steps can stream.
 */
size_t
qstream_prefix(const struct query *q)
{
	const struct qstep *s;
	enum accop	 op;
	size_t		 i, k;

	for (i = 0; i < q->nsteps; i++) {
		s = &q->steps[i];
		switch (s->op) {
		case Q_FILTER:
			if (qexpr_hasagg(s->e))
				return 0;
			continue;
		case Q_DERIVE:
			for (k = 0; k < s->nitems; k++)
				if (qexpr_hasagg(s->items[k].e))
					return 0;
			continue;
		case Q_GROUP:
		case Q_UNGROUP:
			continue;
		case Q_SUMMARIZE:
			for (k = 0; k < s->nitems; k++)
				if (!qexpr_streamagg(s->items[k].e, &op))
					return 0;
			return i + 1;
		case Q_CONC:
		case Q_DEPEND:
			/* The sums by name stream; the rest is small. */
			return s->by != NULL ? i : 0;
		default:
			return 0;
		}
	}
	return 0;
}

int
qstream_wanted(const struct dsdecl *d)
{
	struct stat	 st;

	if (d->opts.stream == 1)
		return 0;
	if (d->opts.stream == 2)
		return 1;
	return stat(d->path, &st) == 0 && (size_t)st.st_size >= DS_STREAM_MIN;
}

static char *
jobkey(const struct query *q, size_t n, const struct qenv *env)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	for (i = 0; i < n; i++) {
		qstep_print(&b, &q->steps[i], env);
		buf_putc(&b, '\n');
	}
	/* A concentration prefix stops before its step: mark which. */
	if (n < q->nsteps && (q->steps[n].op == Q_CONC ||
	    q->steps[n].op == Q_DEPEND)) {
		buf_puts(&b, "sumby ");
		qexpr_print(&b, q->steps[n].e, env);
		buf_putc(&b, ' ');
		qexpr_print(&b, q->steps[n].by, env);
	}
	if (qenv_zh(env))
		buf_puts(&b, "\nzh");
	return buf_steal(&b);
}

static void *
spass_new(void *arg)
{
	struct spass	*sp = xcalloc(1, sizeof(*sp));

	pthread_mutex_init(&sp->lock, NULL);
	sp->path = xstrdup(arg);
	return sp;
}

static void
sjob_free(struct sjob *j)
{
	size_t	 i;

	free(j->key);
	free(j->text);
	free(j->file);
	for (i = 0; i < j->nparams; i++) {
		free(j->params[i].name);
		free(j->params[i].value);
	}
	free(j->params);
	table_free(j->result);
	buf_free(&j->log);
	free(j);
}

static void
spass_free(void *arg)
{
	struct spass	*sp = arg;
	size_t		 i;

	for (i = 0; i < sp->njobs; i++)
		sjob_free(sp->jobs[i]);
	free(sp->jobs);
	free(sp->path);
	pthread_mutex_destroy(&sp->lock);
	free(sp);
}

static struct spass *
spass_of(const struct qenv *env, const struct dsdecl *d)
{
	struct buf	 key = { NULL, 0, 0 };
	struct spass	*sp;
	size_t		 i;

	buf_printf(&key, "stream\x1f%s\x1f%s\x1f%d\x1f%d", d->path,
	    d->opts.encoding ? d->opts.encoding : "utf-8",
	    d->opts.delim ? d->opts.delim : ',', d->opts.clean);
	for (i = 0; i < d->opts.ntypes; i++)
		buf_printf(&key, "\x1f%s=%d", d->opts.types[i].name,
		    d->opts.types[i].type);
	sp = dsreg_memo(env->reg, key.data, spass_new, d->path, spass_free);
	buf_free(&key);
	dsreg_addfile(env->reg, d->path);
	return sp;
}

/* Find or add the job for a prefix (lock held). */
static struct sjob *
job_of(struct spass *sp, const struct query *q, size_t n,
    const struct qenv *env)
{
	struct sjob	*j;
	char		*key = jobkey(q, n, env);
	size_t		 i;

	for (i = 0; i < sp->njobs; i++)
		if (strcmp(sp->jobs[i]->key, key) == 0) {
			free(key);
			return sp->jobs[i];
		}
	j = xcalloc(1, sizeof(*j));
	j->key = key;
	j->text = xstrdup(q->text);
	j->file = q->pos.file ? xstrdup(q->pos.file) : NULL;
	/* Parse again from the query's own start. */
	j->line = q->steps ? q->pos.line : 1;
	j->col = q->pos.col;
	j->nsteps = n;
	if (env != NULL && env->nparams > 0) {
		j->params = xcalloc(env->nparams, sizeof(*j->params));
		for (i = 0; i < env->nparams; i++) {
			j->params[i].name = xstrdup(env->params[i].name);
			j->params[i].value = xstrdup(env->params[i].value);
		}
		j->nparams = env->nparams;
	}
	j->zh = qenv_zh(env);
	sp->jobs = xreallocarray(sp->jobs, sp->njobs + 1, sizeof(*sp->jobs));
	sp->jobs[sp->njobs++] = j;
	return j;
}

void
qstream_plan(const struct query *q, size_t n, const struct qenv *env,
    const struct dsdecl *d)
{
	struct spass	*sp = spass_of(env, d);

	pthread_mutex_lock(&sp->lock);
	(void)job_of(sp, q, n, env);
	pthread_mutex_unlock(&sp->lock);
}

/*
 * Compiling a job against the file's columns.
 */
static void
addref(size_t **refs, size_t *n, size_t col)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if ((*refs)[i] == col)
			return;
	*refs = xreallocarray(*refs, *n + 1, sizeof(**refs));
	(*refs)[(*n)++] = col;
}

/* Does e read a derived column? */
static int
readsderived(struct scanctx *sc, const struct qexpr *e)
{
	size_t	 i;

	if (e == NULL)
		return 0;
	if (e->kind == E_COL && e->col >= 0 && (size_t)e->col >= sc->nfile)
		return 1;
	if (readsderived(sc, e->a) || readsderived(sc, e->b))
		return 1;
	for (i = 0; i < e->nargs; i++)
		if (readsderived(sc, e->args[i]))
			return 1;
	return 0;
}

/* The file columns an expression reads (derived ones read theirs). */
static void
collect(struct scanctx *sc, const struct qexpr *e, size_t **refs, size_t *n)
{
	size_t	 i;

	if (e == NULL)
		return;
	if (e->kind == E_COL && e->col >= 0 && (size_t)e->col < sc->nfile)
		addref(refs, n, (size_t)e->col);
	collect(sc, e->a, refs, n);
	collect(sc, e->b, refs, n);
	for (i = 0; i < e->nargs; i++)
		collect(sc, e->args[i], refs, n);
	if (e->kind == E_CALL && qexpr_usesclass(e) &&
	    table_namecol(sc->vt) >= 0)
		addref(refs, n, (size_t)table_namecol(sc->vt));
}

static int
job_compile(struct scanctx *sc, struct sjob *j)
{
	const struct qstep *s;
	const struct qstep *grp = NULL;
	struct qexpr	*e;
	struct sop	*op;
	enum accop	 aop;
	size_t		 i, k, n;
	long		 c;
	const char	*what = table_name(sc->vt);

	if ((j->q = query_parse(j->text, j->file, j->line, j->col)) == NULL)
		return 0;
	j->env.params = j->params;
	j->env.nparams = j->nparams;
	j->env.lang = j->zh ? "zh" : "en";
	for (i = 0; i < j->nsteps; i++) {
		s = &j->q->steps[i];
		switch (s->op) {
		case Q_FILTER:
		case Q_DERIVE:
			n = s->op == Q_FILTER ? 1 : s->nitems;
			for (k = 0; k < n; k++) {
				e = qexpr_copy(s->op == Q_FILTER ? s->e :
				    s->items[k].e);
				if (!qexpr_resolve(e, sc->vt, what)) {
					qexpr_free(e);
					return 0;
				}
				j->ops = xreallocarray(j->ops, j->nops + 1,
				    sizeof(*j->ops));
				op = &j->ops[j->nops++];
				memset(op, 0, sizeof(*op));
				op->e = e;
				op->derive = s->op == Q_DERIVE;
				collect(sc, e, &op->refs, &op->nrefs);
				op->derived = readsderived(sc, e);
				if (op->derive) {
					c = table_colfind(sc->vt,
					    s->items[k].name);
					if (c < 0 || strcmp(table_colname(sc->vt,
					    (size_t)c), s->items[k].name) != 0)
						c = (long)table_addcol(sc->vt,
						    s->items[k].name, CT_DEC);
					op->vcol = (size_t)c;
				}
			}
			break;
		case Q_GROUP:
			grp = s;
			break;
		case Q_UNGROUP:
			grp = NULL;
			break;
		default:
			break;
		}
	}
	/* The keys: the grouping (and the 'by' column for sums by name). */
	n = grp ? grp->nitems : 0;
	j->keys = xcalloc(n + 2, sizeof(*j->keys));
	j->rawkey = xcalloc(n + 2, sizeof(*j->rawkey));
	for (k = 0; k < n; k++) {
		e = grp->items[k].e;
		if ((c = table_colfind(sc->vt, e->str)) < 0) {
			struct qexpr	 tmp = *e;

			qexpr_resolve(&tmp, sc->vt, what);
			return 0;
		}
		j->keys[j->nkeys++] = c;
	}
	s = &j->q->steps[j->nsteps < j->q->nsteps ? j->nsteps :
	    j->nsteps - 1];
	if (j->nsteps < j->q->nsteps && (s->op == Q_CONC ||
	    s->op == Q_DEPEND)) {
		j->sumby = 1;
		for (k = 0; k < 2; k++) {
			e = qexpr_copy(k == 0 ? s->by : s->e);
			if (!qexpr_resolve(e, sc->vt, what)) {
				qexpr_free(e);
				return 0;
			}
			if (k == 0)
				j->keys[j->nkeys++] = e->col;
			else {
				j->xcol = e->col;
				j->aggs = xcalloc(1, sizeof(*j->aggs));
				j->aggs[0].op = A_SUM;
				j->aggs[0].arg = e;
				j->naggs = 1;
				e = NULL;
			}
			qexpr_free(e);
		}
	} else {
		j->sum = &j->q->steps[j->nsteps - 1];
		j->aggs = xcalloc(j->sum->nitems + 1, sizeof(*j->aggs));
		for (k = 0; k < j->sum->nitems; k++) {
			e = qexpr_copy(j->sum->items[k].e);
			if (!qexpr_resolve(e, sc->vt, what) ||
			    !qexpr_streamagg(e, &aop)) {
				qexpr_free(e);
				return 0;
			}
			j->aggs[k].op = aop;
			j->aggs[k].arg = e;
			j->naggs++;
		}
	}
	for (k = 0; k < j->naggs; k++) {
		struct sagg *a = &j->aggs[k];
		const struct qexpr *x = a->arg;

		/* sum(x) for the sum by name; f(x) for summarize. */
		if (!j->sumby)
			x = x->nargs > 0 ? x->args[0] : NULL;
		a->fcol = -1;
		if (x != NULL && x->kind == E_COL && (size_t)x->col <
		    sc->nfile)
			a->fcol = x->col;
		collect(sc, x, &a->refs, &a->nrefs);
	}
	for (k = 0; k < j->nkeys; k++)
		j->rawkey[k] = (size_t)j->keys[k] < sc->nfile;
	return 1;
}

static void
job_uncompile(struct sjob *j)
{
	size_t	 i;

	for (i = 0; i < j->nops; i++) {
		qexpr_free(j->ops[i].e);
		free(j->ops[i].refs);
	}
	free(j->ops);
	for (i = 0; i < j->naggs; i++) {
		qexpr_free(j->aggs[i].arg);
		free(j->aggs[i].refs);
	}
	free(j->aggs);
	free(j->keys);
	free(j->rawkey);
	query_free(j->q);
	j->ops = NULL;
	j->aggs = NULL;
	j->keys = NULL;
	j->rawkey = NULL;
	j->q = NULL;
	j->nops = j->naggs = j->nkeys = 0;
}

/*
 * The scan's callbacks.
 */
static int
sc_head(void *arg, const struct csvrecs *r, unsigned char **want,
    size_t *nwant)
{
	struct scanctx	*sc = arg;
	struct msgctx	 cap;
	struct sjob	*j;
	size_t		 i, k, m;
	long		 nc = -1;
	char		*stem;

	if ((sc->nfile = dscols_make(sc->d->path, r, &sc->d->opts,
	    &sc->cols)) == 0) {
		msg(MSG_ERROR, sc->d->path, 1, 1, "empty file: a CSV dataset "
		    "needs a header row");
		return 0;
	}
	stem = path_stem(sc->d->path);
	sc->vt = table_new(stem);
	free(stem);
	table_setsource(sc->vt, sc->d->path);
	for (i = 0; i < sc->nfile; i++) {
		table_addcol(sc->vt, sc->cols[i].name, sc->cols[i].ctype);
		table_col_setunit(sc->vt, i, sc->cols[i].unit);
		table_col_setalias(sc->vt, i, sc->cols[i].alias);
		table_col_setfmt(sc->vt, i, ds_fmt(sc->vt, i));
		if (nc < 0 && sc->cols[i].isname &&
		    sc->cols[i].ctype == CT_TEXT)
			nc = (long)i;
	}
	table_setnamecol(sc->vt, nc);
	*want = xcalloc(sc->nfile + 1, 1);
	*nwant = sc->nfile;
	for (i = 0; i < sc->njobs; i++) {
		j = sc->jobs[i];
		memset(&cap, 0, sizeof(cap));
		cap.sink = &j->log;
		msg_push(&cap);
		j->active = job_compile(sc, j);
		msg_pop();
		for (k = 0; k < MSG__MAX; k++)
			j->count[k] += cap.count[k];
		if (!j->active) {
			j->failed = 1;
			continue;
		}
		for (k = 0; k < j->nops; k++)
			for (m = 0; m < j->ops[k].nrefs; m++)
				(*want)[j->ops[k].refs[m]] = 1;
		for (k = 0; k < j->naggs; k++)
			for (m = 0; m < j->aggs[k].nrefs; m++)
				(*want)[j->aggs[k].refs[m]] = 1;
		for (k = 0; k < j->nkeys; k++)
			if (j->rawkey[k])
				(*want)[j->keys[k]] = 1;
	}
	sc->nv = table_ncols(sc->vt);
	return 1;
}

static void *
sc_tstart(void *arg)
{
	struct scanctx	*sc = arg;
	struct sts	*ts = xcalloc(1, sizeof(*ts));
	size_t		 i;

	ts->sc = sc;
	ts->vals = xcalloc(sc->nv + 1, sizeof(*ts->vals));
	ts->tmp = xcalloc(sc->nv + 1, sizeof(*ts->tmp));
	ts->stamp = xcalloc(sc->nv + 1, sizeof(*ts->stamp));
	ts->arena = arena_new();
	ts->jt = xcalloc(sc->njobs + 1, sizeof(*ts->jt));
	for (i = 0; i < sc->njobs; i++)
		ts->jt[i].memo = xcalloc(sc->jobs[i]->nops + 1,
		    sizeof(*ts->jt[i].memo));
	ts->ec.arena = arena_new();
	ts->ec.defer = 1;
	buf_put(&ts->key, "", 0);
	xgrow(&ts->key.data, &ts->key.cap, 256, 1);
	return ts;
}

/* The value of column c in this row, read on first use. */
static const struct value *
getval(struct sts *ts, size_t c)
{
	struct scanctx	*sc = ts->sc;

	if (c < sc->nfile && ts->stamp[c] != ts->row) {
		ds_cell(sc->cols[c].ctype, sc->cols[c].isname &&
		    sc->d->opts.clean, ts->f[c].s, ts->f[c].len, &ts->vals[c],
		    &ts->tmp[c]);
		ts->stamp[c] = ts->row;
	}
	return &ts->vals[c];
}

static void
readrefs(struct sts *ts, const size_t *refs, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		(void)getval(ts, refs[i]);
}

/*
 * A plain decimal ("195031.88", "-3", "12") read straight; anything
 * else goes through cell_number (the same value either way).
 */
static int
fastnum(const char *s, size_t len, double *x)
{
	static const double p10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
	    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	uint64_t	 m = 0;
	size_t		 i = 0, nd = 0, frac = 0;
	int		 neg = 0, point = 0;

	if (len == 0)
		return 0;
	if (s[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i >= len || s[i] == '0')
		return 0;	/* leading zeros: let cell_number judge */
	for (; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			m = m * 10 + (uint64_t)(s[i] - '0');
			nd++;
			frac += point;
		} else if (s[i] == '.' && !point)
			point = 1;
		else
			return 0;
	}
	if (nd == 0 || nd > 15 || (point && frac == 0))
		return 0;
	/* Trailing zeros of a fraction do not change the value. */
	*x = frac ? (double)m / p10[frac] : (double)m;
	if (neg)
		*x = -*x;
	return 1;
}

static void
value_into(struct arena *a, struct value *dst, const struct value *v)
{
	*dst = *v;
	if (v->str != NULL)
		dst->str = arena_strdup(a, v->str);
}

/* The group of this row for job j (creating it), or -1. */
static size_t
findgroup(struct sts *ts, struct sjob *j, struct sjobts *jt, size_t line)
{
	const struct value *v;
	struct sgroup	*g;
	size_t		 k, slot, gi, cslot;

	ts->key.len = 0;
	for (k = 0; k < j->nkeys; k++) {
		if (j->rawkey[k]) {
			const struct csvfield *f = &ts->f[j->keys[k]];

			if (ts->key.len + f->len + 1 < ts->key.cap) {
				/* Most keys: straight into the buffer. */
				if (f->len > 0)
					memcpy(ts->key.data + ts->key.len,
					    f->s, f->len);
				ts->key.len += f->len;
				ts->key.data[ts->key.len++] = '\x1f';
				continue;
			}
			buf_put(&ts->key, f->s ? f->s : "", f->len);
		} else {
			v = getval(ts, (size_t)j->keys[k]);
			buf_putc(&ts->key, (char)v->kind);
			if (v->kind == V_TEXT)
				buf_puts(&ts->key, v->str);
			else
				buf_put(&ts->key, &v->num, sizeof(v->num));
		}
		buf_putc(&ts->key, '\x1f');
	}
	if (ts->key.data == NULL)
		buf_put(&ts->key, "", 0);
	if ((gi = smap_get(&jt->raw, ts->key.data, ts->key.len, &slot)) !=
	    (size_t)-1)
		return gi;
	/* A new raw key: read the key values, find the clean group. */
	buf_reset(&ts->ckey);
	for (k = 0; k < j->nkeys; k++) {
		v = getval(ts, (size_t)j->keys[k]);
		buf_putc(&ts->ckey, (char)('A' + v->kind));
		if (v->kind == V_TEXT)
			buf_puts(&ts->ckey, v->str);
		else if (v->kind == V_NUM || v->kind == V_LOWER ||
		    v->kind == V_UPPER)
			buf_put(&ts->ckey, &v->num, sizeof(v->num));
		buf_putc(&ts->ckey, '\x1f');
	}
	if (ts->ckey.data == NULL)
		buf_put(&ts->ckey, "", 0);
	if ((gi = smap_get(&jt->clean, ts->ckey.data, ts->ckey.len,
	    &cslot)) == (size_t)-1) {
		xgrow(&jt->g, &jt->gcap, jt->ng + 1, sizeof(*jt->g));
		gi = jt->ng++;
		g = &jt->g[gi];
		g->keys = arena_alloc(ts->arena, (j->nkeys + 1) *
		    sizeof(*g->keys));
		for (k = 0; k < j->nkeys; k++)
			value_into(ts->arena, &g->keys[k], getval(ts,
			    (size_t)j->keys[k]));
		g->acc = xcalloc(j->naggs + 1, sizeof(*g->acc));
		for (k = 0; k < j->naggs; k++)
			acc_init(&g->acc[k], j->aggs[k].op);
		g->line = line;
		smap_put(&jt->clean, cslot, ts->ckey.data, ts->ckey.len, gi);
	}
	/* The clean map may have grown: find the raw slot again. */
	(void)smap_get(&jt->raw, ts->key.data, ts->key.len, &slot);
	smap_put(&jt->raw, slot, ts->key.data, ts->key.len, gi);
	return gi;
}

/* The value of a row operation, from its memo when it can be. */
static void
opval(struct sts *ts, struct sjob *j, const struct sop *op, struct memo *m,
    const struct rowctx *rc, struct value *v)
{
	const struct csvfield *f;
	size_t		 slot, i;

	ts->ec.env = &j->env;
	if (op->nrefs != 1 || op->derived) {
		readrefs(ts, op->refs, op->nrefs);
		qexpr_eval(&ts->ec, op->e, rc, v);
		return;
	}
	f = &ts->f[op->refs[0]];
	if ((i = smap_get(&m->map, f->s ? f->s : "", f->len, &slot)) !=
	    (size_t)-1) {
		*v = m->v[i];
		return;
	}
	readrefs(ts, op->refs, op->nrefs);
	qexpr_eval(&ts->ec, op->e, rc, v);
	if (m->n >= MEMO_MAX || ts->ec.err)
		return;
	xgrow(&m->v, &m->cap, m->n + 1, sizeof(*m->v));
	value_into(ts->arena, &m->v[m->n], v);
	smap_put(&m->map, slot, f->s ? f->s : "", f->len, m->n);
	m->n++;
}

static void
sc_row(void *arg, const struct csvfield *f, size_t line)
{
	struct sts	*ts = arg;
	struct scanctx	*sc = ts->sc;
	struct sjob	*j;
	struct sjobts	*jt;
	struct sgroup	*g;
	struct rowctx	 rc;
	struct value	 v, *out;
	const struct value *pv;
	size_t		 i, k, gi;
	int		 keep;
	double		 x;

	ts->row++;
	ts->f = f;
	memset(&rc, 0, sizeof(rc));
	rc.vals = ts->vals;
	rc.nvals = sc->nv;
	rc.namecol = table_namecol(sc->vt);
	for (i = 0; i < sc->njobs; i++) {
		j = sc->jobs[i];
		if (!j->active || ts->ec.err)
			continue;
		jt = &ts->jt[i];
		keep = 1;
		for (k = 0; k < j->nops && keep; k++) {
			opval(ts, j, &j->ops[k], &jt->memo[k], &rc, &v);
			if (j->ops[k].derive) {
				out = &ts->vals[j->ops[k].vcol];
				*out = v;
				ts->stamp[j->ops[k].vcol] = ts->row;
			} else
				keep = value_true(&v);
		}
		if (!keep || ts->ec.err)
			continue;
		gi = findgroup(ts, j, jt, line);
		g = &jt->g[gi];
		for (k = 0; k < j->naggs; k++) {
			struct sagg *a = &j->aggs[k];

			if (a->op == A_COUNTALL) {
				g->acc[k].rows++;
				continue;
			}
			/* The common case: sum of a column of plain numbers. */
			if (a->fcol >= 0 && (sc->cols[a->fcol].ctype ==
			    CT_INT || sc->cols[a->fcol].ctype == CT_DEC) &&
			    f[a->fcol].s != NULL && ts->stamp[a->fcol] !=
			    ts->row && a->op != A_FIRST && a->op != A_LAST &&
			    fastnum(f[a->fcol].s, f[a->fcol].len, &x)) {
				acc_addnum(&g->acc[k], x);
				continue;
			}
			readrefs(ts, a->refs, a->nrefs);
			if (j->sumby)
				pv = getval(ts, (size_t)j->xcol);
			else if (a->arg->nargs == 0)
				pv = NULL;
			else {
				ts->ec.env = &j->env;
				qexpr_eval(&ts->ec, a->arg->args[0], &rc, &v);
				pv = &v;
			}
			if (pv != NULL)
				acc_add(&g->acc[k], pv);
		}
	}
	/* Text made by expressions: drop it now and then. */
	if ((ts->row & 4095) == 0 && arena_size(ts->ec.arena) > (1 << 20)) {
		arena_free(ts->ec.arena);
		ts->ec.arena = arena_new();
	}
}

static void
sts_free(struct sts *ts)
{
	struct scanctx	*sc = ts->sc;
	size_t		 i, k, a;

	for (i = 0; i < sc->njobs; i++) {
		struct sjobts *jt = &ts->jt[i];

		for (k = 0; k < jt->ng; k++) {
			for (a = 0; a < sc->jobs[i]->naggs; a++)
				acc_free(&jt->g[k].acc[a]);
			free(jt->g[k].acc);
		}
		free(jt->g);
		smap_free(&jt->raw);
		smap_free(&jt->clean);
		for (k = 0; k < sc->jobs[i]->nops; k++) {
			smap_free(&jt->memo[k].map);
			free(jt->memo[k].v);
		}
		free(jt->memo);
	}
	for (i = 0; i < sc->nv; i++)
		buf_free(&ts->tmp[i]);
	free(ts->tmp);
	free(ts->vals);
	free(ts->stamp);
	free(ts->jt);
	buf_free(&ts->key);
	buf_free(&ts->ckey);
	arena_free(ts->arena);
	arena_free(ts->ec.arena);
	free(ts->ec.errtext);
	free(ts);
}

/* Merge a later thread's groups into the global state, in order. */
static void
sc_tend(void *arg, void *tsv, int keep, size_t linebase)
{
	struct scanctx	*sc = arg;
	struct sts	*ts = tsv, *gl = sc->global;
	struct sjobts	*a, *b;
	struct sgroup	*g, *h;
	size_t		 i, k, m, gi, slot;

	if (ts->ec.err && keep && sc->errlog.len == 0) {
		/* The first deferred error, printed on this thread. */
		msg(MSG_ERROR, ts->ec.errpos.file, ts->ec.errpos.line,
		    ts->ec.errpos.col, "%s", ts->ec.errtext);
		sc->failed = 1;
		buf_puts(&sc->errlog, "x");
	}
	if (!keep) {
		if (ts != gl)
			sts_free(ts);
		return;
	}
	for (i = 0; i < sc->njobs; i++)
		for (k = 0; k < ts->jt[i].ng; k++)
			ts->jt[i].g[k].line += linebase;
	if (gl == NULL) {
		sc->global = ts;
		return;
	}
	for (i = 0; i < sc->njobs; i++) {
		a = &gl->jt[i];
		b = &ts->jt[i];
		for (k = 0; k < b->ng; k++) {
			h = &b->g[k];
			buf_reset(&gl->ckey);
			for (m = 0; m < sc->jobs[i]->nkeys; m++) {
				buf_putc(&gl->ckey, (char)('A' + h->keys[m].kind));
				if (h->keys[m].kind == V_TEXT)
					buf_puts(&gl->ckey, h->keys[m].str);
				else if (h->keys[m].kind == V_NUM ||
				    h->keys[m].kind == V_LOWER ||
				    h->keys[m].kind == V_UPPER)
					buf_put(&gl->ckey, &h->keys[m].num,
					    sizeof(double));
				buf_putc(&gl->ckey, '\x1f');
			}
			if (gl->ckey.data == NULL)
				buf_put(&gl->ckey, "", 0);
			gi = smap_get(&a->clean, gl->ckey.data, gl->ckey.len,
			    &slot);
			if (gi == (size_t)-1) {
				xgrow(&a->g, &a->gcap, a->ng + 1,
				    sizeof(*a->g));
				gi = a->ng++;
				g = &a->g[gi];
				g->keys = arena_alloc(gl->arena,
				    (sc->jobs[i]->nkeys + 1) * sizeof(*g->keys));
				for (m = 0; m < sc->jobs[i]->nkeys; m++)
					value_into(gl->arena, &g->keys[m],
					    &h->keys[m]);
				g->acc = xcalloc(sc->jobs[i]->naggs + 1,
				    sizeof(*g->acc));
				for (m = 0; m < sc->jobs[i]->naggs; m++)
					acc_init(&g->acc[m],
					    sc->jobs[i]->aggs[m].op);
				g->line = h->line;
				smap_put(&a->clean, slot, gl->ckey.data,
				    gl->ckey.len, gi);
			}
			g = &a->g[gi];
			for (m = 0; m < sc->jobs[i]->naggs; m++)
				acc_merge(&g->acc[m], &h->acc[m]);
		}
	}
	sts_free(ts);
}

/* The table the job's steps would have made from the whole file. */
static struct table *
job_table(struct scanctx *sc, struct sjob *j, struct sjobts *jt)
{
	struct table	*out;
	struct value	 v;
	size_t		 k, a, row, nk = j->nkeys;
	long		 nc = -1;
	char		*name, *note;
	struct sgroup	 empty;

	out = table_new(table_name(sc->vt));
	table_setsource(out, table_source(sc->vt));
	for (k = 0; k < nk; k++) {
		table_addcolfrom(out, sc->vt, (size_t)j->keys[k], NULL);
		if (j->keys[k] == table_namecol(sc->vt))
			nc = (long)k;
	}
	if (j->sumby) {
		table_addcolfrom(out, sc->vt, (size_t)j->xcol, NULL);
		nc = (long)nk - 1;
	} else
		for (a = 0; a < j->naggs; a++) {
			name = qitem_name(&j->sum->items[a]);
			table_addcol(out, name, CT_DEC);
			table_col_setfmt(out, nk + a, qagg_fmt(j->aggs[a].arg,
			    sc->vt));
			table_col_setunit(out, nk + a, qagg_unit(
			    j->aggs[a].arg, sc->vt));
			free(name);
			/* How they combine in an Other row, as in
			   op_summarize(). */
			table_col_setsum(out, nk + a, qexpr_colsum(
			    j->aggs[a].arg, sc->vt));
		}
	table_setnamecol(out, nc);
	/* No rows and no grouping: one row, as summarize gives. */
	if (jt->ng == 0 && nk == 0 && !j->sumby) {
		memset(&empty, 0, sizeof(empty));
		empty.acc = xcalloc(j->naggs + 1, sizeof(*empty.acc));
		for (a = 0; a < j->naggs; a++)
			acc_init(&empty.acc[a], j->aggs[a].op);
		jt->g = xmalloc(sizeof(*jt->g));
		jt->g[0] = empty;
		jt->ng = 1;
		jt->gcap = 1;
	}
	for (k = 0; k < jt->ng; k++) {
		struct sgroup *g = &jt->g[k];

		row = table_addrow(out, g->line);
		for (a = 0; a < nk; a++)
			table_set(out, row, a, &g->keys[a]);
		for (a = 0; a < j->naggs; a++) {
			acc_result(&g->acc[a], &v);
			table_set(out, row, nk + a, &v);
			if (j->sumby)
				continue;
			note = acc_note(&g->acc[a], j->sum->items[a].e->str,
			    j->aggs[a].arg->nargs > 0 &&
			    j->aggs[a].arg->args[0]->kind == E_COL ?
			    j->aggs[a].arg->args[0]->str : NULL, &j->env);
			table_addnote(out, note);
			free(note);
		}
	}
	if (!j->sumby)
		qtable_fixtypes(out, nk);
	return out;
}

/* Run every pending job of a file in one pass (lock held). */
static void
pass_run(struct spass *sp, const struct qenv *env, const struct dsdecl *d)
{
	struct scanctx	 sc;
	struct csvscan	 cs;
	struct msgctx	 cap;
	struct buf	 log = { NULL, 0, 0 };
	size_t		 i, k;
	int		 ok;

	memset(&sc, 0, sizeof(sc));
	sc.sp = sp;
	sc.d = d;
	sc.jobs = xcalloc(sp->njobs + 1, sizeof(*sc.jobs));
	for (i = 0; i < sp->njobs; i++)
		if (!sp->jobs[i]->done)
			sc.jobs[sc.njobs++] = sp->jobs[i];
	memset(&cs, 0, sizeof(cs));
	cs.arg = &sc;
	cs.head = sc_head;
	cs.tstart = sc_tstart;
	cs.row = sc_row;
	cs.tend = sc_tend;
	memset(&cap, 0, sizeof(cap));
	cap.sink = &log;
	msg_push(&cap);
	ok = csv_scan(d->path, &d->opts, &cs) && !sc.failed;
	msg_pop();
	(void)env;
	for (i = 0; i < sc.njobs; i++) {
		struct sjob *j = sc.jobs[i];

		/* The file's messages go to every job. */
		buf_put(&j->log, log.data ? log.data : "", log.len);
		for (k = 0; k < MSG__MAX; k++)
			j->count[k] += cap.count[k];
		if (ok && j->active && sc.global != NULL)
			j->result = job_table(&sc, j,
			    &((struct sts *)sc.global)->jt[i]);
		j->failed = j->result == NULL;
		j->done = 1;
	}
	/* The thread state needs the jobs' aggregates to be freed. */
	if (sc.global != NULL)
		sts_free(sc.global);
	for (i = 0; i < sc.njobs; i++)
		job_uncompile(sc.jobs[i]);
	dscols_free(sc.cols, sc.nfile);
	table_free(sc.vt);
	free(sc.jobs);
	buf_free(&sc.errlog);
	buf_free(&log);
}

const struct table *
qstream_run(const struct query *q, size_t n, const struct qenv *env,
    const struct dsdecl *d)
{
	struct spass	*sp = spass_of(env, d);
	struct sjob	*j;
	struct msgctx	 add, *c;

	pthread_mutex_lock(&sp->lock);
	j = job_of(sp, q, n, env);
	if (!j->done)
		pass_run(sp, env, d);
	pthread_mutex_unlock(&sp->lock);
	/* This job's messages, for every query that asks. */
	c = msg_current();
	if (j->log.len) {
		if (c->sink != NULL)
			buf_put(c->sink, j->log.data, j->log.len);
		else
			fputs(j->log.data, stderr);
	}
	memset(&add, 0, sizeof(add));
	memcpy(add.count, j->count, sizeof(add.count));
	msg_merge(&add);
	return j->failed ? NULL : j->result;
}
