/*
 * batch.c: job lists, parameter files, name patterns, shards, and the
 * thread pool that runs the jobs.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aux.h"
#include "batch.h"
#include "data.h"
#include "dataset.h"
#include "msg.h"
#include "query.h"

/* More jobs than this in one run is surely a mistake in the file. */
#define BATCH_MAX_JOBS	100000

void
batch_opts_defaults(struct batch_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->progress = 1;
}

int
batch_parse_shard(const char *s, unsigned *k, unsigned *n)
{
	char		*end;
	unsigned long	 a, b;

	errno = 0;
	a = strtoul(s, &end, 10);
	if (errno || end == s || *end != '/')
		return 0;
	s = end + 1;
	b = strtoul(s, &end, 10);
	if (errno || end == s || *end != '\0' || b == 0 || b > 100000 ||
	    a == 0 || a > b)
		return 0;
	*k = (unsigned)a;
	*n = (unsigned)b;
	return 1;
}

static void
param_set(struct param **pp, size_t *n, const char *name, const char *value)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (strcmp((*pp)[i].name, name) == 0) {
			free((*pp)[i].value);
			(*pp)[i].value = xstrdup(value);
			return;
		}
	*pp = xreallocarray(*pp, *n + 1, sizeof(**pp));
	(*pp)[*n].name = xstrdup(name);
	(*pp)[*n].value = xstrdup(value);
	(*n)++;
}

static const char *
param_get(const struct param *p, size_t n, const char *name)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(p[i].name, name) == 0)
			return p[i].value;
	return NULL;
}

/* A parameter value as text: the cell as written, or the number. */
static char *
cell_text(const struct value *v)
{
	if (v->str != NULL)
		return xstrdup(v->str);
	if (v->kind == V_NUM)
		return xasprintf("%.15g", v->num);
	return xstrdup("");
}

/*
 * Expand "{name}" in the pattern with parameter values made safe for
 * a file name: letters, digits, '.', '_' and '-' stay, anything else
 * becomes '-'.  "{template}" is the template's base name.
 */
static char *
expand_pattern(const char *pat, const char *tmpl, const struct param *p,
    size_t np, const char *where)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*s, *e, *v;
	char		*key, *stem = path_stem(tmpl);
	int		 ok = 1;

	for (s = pat; *s != '\0'; s++) {
		if (*s != '{') {
			buf_putc(&b, *s);
			continue;
		}
		if ((e = strchr(s, '}')) == NULL) {
			msg(MSG_ERROR, where, 0, 0, "name pattern '%s': "
			    "'{' without '}'", pat);
			ok = 0;
			break;
		}
		key = xstrndup(s + 1, (size_t)(e - s - 1));
		v = strcmp(key, "template") == 0 ? stem :
		    param_get(p, np, key);
		if (v == NULL) {
			msg(MSG_ERROR, where, 0, 0, "name pattern '%s': no "
			    "parameter '%s'", pat, key);
			ok = 0;
		}
		for (; ok && *v != '\0'; v++)
			buf_putc(&b, (*v >= 'a' && *v <= 'z') ||
			    (*v >= 'A' && *v <= 'Z') ||
			    (*v >= '0' && *v <= '9') || *v == '.' ||
			    *v == '_' || *v == '-' ? *v : '-');
		free(key);
		if (!ok)
			break;
		s = e;
	}
	free(stem);
	if (!ok || b.len == 0 || strcmp(b.data, ".") == 0 ||
	    strcmp(b.data, "..") == 0) {
		if (ok)
			msg(MSG_ERROR, where, 0, 0, "name pattern '%s' gives "
			    "an empty or unusable name", pat);
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

static struct job *
add_job(struct job **jobs, size_t *n, size_t *cap, const char *tmpl,
    const struct param *defs, size_t ndefs)
{
	struct job	*j;
	size_t		 i;

	xgrow(jobs, cap, *n + 1, sizeof(**jobs));
	j = &(*jobs)[(*n)++];
	memset(j, 0, sizeof(*j));
	j->tmpl = tmpl;
	for (i = 0; i < ndefs; i++)
		param_set(&j->params, &j->nparams, defs[i].name,
		    defs[i].value);
	return j;
}

/* Check that no two jobs write the same output. */
static int
unique_names(struct job *jobs, size_t n)
{
	size_t	 i, k;
	char	*a, *b;
	int	 ok = 1;

	for (i = 0; i < n && ok; i++)
		for (k = i + 1; k < n && ok; k++) {
			a = jobs[i].name ? xstrdup(jobs[i].name) :
			    path_stem(jobs[i].tmpl);
			b = jobs[k].name ? xstrdup(jobs[k].name) :
			    path_stem(jobs[k].tmpl);
			if (strcmp(a, b) == 0) {
				msg(MSG_ERROR, jobs[k].tmpl, 0, 0, "two "
				    "briefings would both be named '%s'; use "
				    "a name pattern such as --name "
				    "'{template}-{param}'", a);
				ok = 0;
			}
			free(a);
			free(b);
		}
	return ok;
}

static void	 job_clear(struct job *);

/* Keep the jobs of one shard, renumbering nothing: indexes stay global. */
static void
shard(const struct batch_opts *o, struct job *jobs, size_t *n)
{
	size_t	 i, k = 0;

	if (o->shard_n == 0)
		return;
	for (i = 0; i < *n; i++) {
		if (i % o->shard_n == o->shard_k - 1)
			jobs[k++] = jobs[i];
		else
			job_clear(&jobs[i]);
	}
	*n = k;
}

int
batch_make(const struct batch_opts *o, char **tmpls, size_t ntmpls,
    const struct param *defs, size_t ndefs, struct job **jobs, size_t *njobs)
{
	struct dsopts	 dso;
	struct table	*t = NULL;
	struct job	*j;
	size_t		 cap = 0, i, r, c, nrows = 1;
	char		*v;
	int		 ok = 1;

	*jobs = NULL;
	*njobs = 0;
	if (o->paramfile != NULL) {
		dsopts_defaults(&dso);
		dso.clean = 0;	/* parameter values are taken as written */
		if ((t = csv_load(o->paramfile, &dso)) == NULL)
			return 0;
		nrows = table_nrows(t);
		if (nrows * ntmpls > BATCH_MAX_JOBS) {
			msg(MSG_ERROR, o->paramfile, 0, 0, "%zu briefings; "
			    "the limit is %d per run (split the file, or use "
			    "--shard)", nrows * ntmpls, BATCH_MAX_JOBS);
			ok = 0;
			goto out;
		}
	}
	for (i = 0; i < ntmpls; i++)
		for (r = 0; r < nrows; r++) {
			j = add_job(jobs, njobs, &cap, tmpls[i], defs, ndefs);
			j->index = *njobs - 1;
			for (c = 0; t != NULL && c < table_ncols(t); c++) {
				v = cell_text(table_get(t, r, c));
				param_set(&j->params, &j->nparams,
				    table_colname(t, c), v);
				free(v);
			}
			if (o->pattern != NULL && (j->name = expand_pattern(
			    o->pattern, tmpls[i], j->params, j->nparams,
			    t ? o->paramfile : NULL)) == NULL)
				ok = 0;
		}
	if (ok)
		ok = unique_names(*jobs, *njobs);
	if (ok)
		shard(o, *jobs, njobs);
out:
	table_free(t);
	if (!ok) {
		batch_free(*jobs, *njobs);
		*jobs = NULL;
		*njobs = 0;
	}
	return ok;
}

/* The shared state of a run. */
struct pool {
	struct job	*jobs;
	size_t		 n;
	atomic_size_t	 next;		/* next job to start */
	size_t		 printed;	/* jobs whose messages are out */
	unsigned char	*done;
	size_t		 ndone;
	pthread_mutex_t	 lock;
	void		(*fn)(struct job *, void *);
	void		*arg;
	int		 progress;
};

static void
progress_line(struct pool *p, const struct job *j)
{
	char	*name;

	if (!p->progress)
		return;
	name = j->name ? xstrdup(j->name) : path_stem(j->tmpl);
	fprintf(stderr, "\r\033[K[%zu/%zu] %s", p->ndone, p->n, name);
	fflush(stderr);
	free(name);
}

/* Print the messages of finished jobs, in job order. */
static void
flush_logs(struct pool *p)
{
	struct job	*j;

	while (p->printed < p->n && p->done[p->printed]) {
		j = &p->jobs[p->printed++];
		if (j->log.len == 0)
			continue;
		if (p->progress)
			fputs("\r\033[K", stderr);
		fwrite(j->log.data, 1, j->log.len, stderr);
	}
}

/*
 * In a batch, a job's messages say which briefing they belong to, the
 * way a compiler says "In file included from": a dataset warning names
 * the dataset's file, and several briefings may read it.
 */
static void
label_log(struct job *j)
{
	struct buf	 b = { NULL, 0, 0 };
	char		*name;

	name = j->name ? xstrdup(j->name) : path_stem(j->tmpl);
	buf_printf(&b, "%s: note: in briefing '%s':\n", j->tmpl, name);
	buf_put(&b, j->log.data, j->log.len);
	buf_free(&j->log);
	j->log = b;
	free(name);
}

static void
run_one(struct pool *p, struct job *j)
{
	j->ctx.sink = &j->log;
	msg_push(&j->ctx);
	p->fn(j, p->arg);
	msg_pop();
	if (p->n > 1 && j->log.len > 0)
		label_log(j);
	j->status = msg_exit_status(&j->ctx);
	pthread_mutex_lock(&p->lock);
	p->done[j - p->jobs] = 1;
	p->ndone++;
	flush_logs(p);
	progress_line(p, j);
	pthread_mutex_unlock(&p->lock);
}

static void *
worker(void *arg)
{
	struct pool	*p = arg;
	size_t		 i;

	while ((i = atomic_fetch_add(&p->next, 1)) < p->n)
		run_one(p, &p->jobs[i]);
	return NULL;
}

void
batch_run(const struct batch_opts *o, struct job *jobs, size_t n,
    void (*fn)(struct job *, void *), void *arg)
{
	struct pool	 p;
	pthread_t	*th;
	unsigned	 nth, i, started = 0;
	long		 cores;

	memset(&p, 0, sizeof(p));
	p.jobs = jobs;
	p.n = n;
	p.fn = fn;
	p.arg = arg;
	p.done = xcalloc(n ? n : 1, 1);
	p.progress = o->progress && n > 1 && isatty(STDERR_FILENO);
	pthread_mutex_init(&p.lock, NULL);
	atomic_init(&p.next, 0);
	cores = sysconf(_SC_NPROCESSORS_ONLN);
	nth = o->jobs ? o->jobs : (unsigned)(cores > 0 ? cores : 1);
	if (nth > n)
		nth = (unsigned)n;
	th = xcalloc(nth ? nth : 1, sizeof(*th));
	/* The calling thread works too; start nth - 1 more. */
	for (i = 1; i < nth; i++)
		if (pthread_create(&th[i], NULL, worker, &p) == 0)
			started++;
		else
			break;
	worker(&p);
	for (i = 1; i <= started; i++)
		pthread_join(th[i], NULL);
	if (p.progress)
		fputs("\r\033[K", stderr);
	pthread_mutex_destroy(&p.lock);
	free(th);
	free(p.done);
}

static void
job_clear(struct job *j)
{
	size_t	 k;

	for (k = 0; k < j->nparams; k++) {
		free(j->params[k].name);
		free(j->params[k].value);
	}
	free(j->params);
	free(j->name);
	buf_free(&j->log);
}

void
batch_free(struct job *jobs, size_t n)
{
	size_t	 i;

	for (i = 0; jobs != NULL && i < n; i++)
		job_clear(&jobs[i]);
	free(jobs);
}
