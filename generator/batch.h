/*
 * batch.h: many briefings in one run.  A job is one template with one
 * set of parameters and an output name; a parameter file (CSV, one
 * row per briefing) multiplies the templates by its rows, a name
 * pattern such as "profile-{mineral}" names each output, and --shard
 * K/N keeps every N-th job so that N machines (or CI matrix legs)
 * share a batch.  Jobs run on a pool of threads; each job's messages
 * are collected and printed together, in job order, so the output of
 * a parallel run reads like that of a serial one.
 *
 * Who may include this: main.
 */
#ifndef BATCH_H
#define BATCH_H

#include <stddef.h>

#include "msg.h"
#include "query.h"

struct job {
	size_t		 index;		/* position in the batch, 0-based */
	const char	*tmpl;		/* template path */
	struct param	*params;	/* -D values, then the row's */
	size_t		 nparams;
	char		*name;		/* output base name, or NULL: stem */
	struct msgctx	 ctx;		/* this job's messages */
	struct buf	 log;		/* their text */
	int		 status;	/* exit status of the job */
	void		*result;	/* what the job function keeps */
};

struct batch_opts {
	const char	*paramfile;	/* CSV file, one row per briefing */
	const char	*pattern;	/* output name pattern, or NULL */
	unsigned	 shard_k;	/* keep jobs with index % n == k - 1 */
	unsigned	 shard_n;	/* 0: no sharding */
	unsigned	 jobs;		/* threads; 0: one per core */
	int		 progress;	/* show a progress line on a terminal */
};

void	 batch_opts_defaults(struct batch_opts *);

/* Parse "K/N" for --shard; return 1, or 0 if malformed. */
int	 batch_parse_shard(const char *, unsigned *k, unsigned *n);

/*
 * Make the job list: every template times every row of the parameter
 * file (or once, without one), named by the pattern, then sharded.
 * Return 1, or 0 after reporting a bad parameter file or pattern.
 */
int	 batch_make(const struct batch_opts *, char **tmpls, size_t ntmpls,
	    const struct param *defs, size_t ndefs,
	    struct job **jobs, size_t *njobs);

/*
 * Run fn on every job, on opts->jobs threads.  Each job's messages
 * go to its own context and are printed in job order.
 */
void	 batch_run(const struct batch_opts *, struct job *jobs, size_t n,
	    void (*fn)(struct job *, void *), void *arg);

void	 batch_free(struct job *, size_t);

#endif /* !BATCH_H */
