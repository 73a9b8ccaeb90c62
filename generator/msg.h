/*
 * msg.h: positioned diagnostics, in the form compilers and CI
 * annotators understand:
 *
 *	FILE:LINE:COL: error: what is wrong
 *
 * Base layer: may be included by every module; includes only libc.
 * The level of a message decides the exit status (mandoc_msg.c does
 * the same): the worst level seen wins.
 */
#ifndef MSG_H
#define MSG_H

#include <stddef.h>

#include "aux.h"

enum mlevel {
	MSG_NOTE = 0,	/* information; never changes the exit status */
	MSG_WARNING,	/* suspicious input; fails the run with --werror */
	MSG_ERROR,	/* bad input: exit status 1 */
	MSG_SYSERR,	/* I/O or internal failure: exit status 3 */
	MSG__MAX
};

/* Exit statuses, documented in briefgen(1). */
enum {
	EXIT_OK = 0,
	EXIT_INPUT = 1,
	EXIT_USAGE = 2,
	EXIT_IO = 3
};

/*
 * Report a message.  file may be NULL (then "briefgen" is printed);
 * line and col are 1-based, and 0 means unknown (then omitted).
 */
void	 msg(enum mlevel, const char *file, size_t line, size_t col,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/*
 * A message context counts messages and says where they go.  Every
 * thread has a current context; the default one writes straight to
 * stderr.  A batch job pushes a context with a buffer so that its
 * messages come out together and in a stable order.
 */
struct msgctx {
	struct buf	*sink;		/* NULL: write to stderr */
	size_t		 count[MSG__MAX];
	size_t		 limit;		/* stop recording past this; 0: none */
	struct msgctx	*prev;		/* the context pushed over */
};

void	 msg_push(struct msgctx *);	/* make ctx current for this thread */
void	 msg_pop(void);			/* restore the previous context */
struct msgctx *msg_current(void);

/* Count of messages at level in the current context. */
size_t	 msg_count(enum mlevel);

/* Add the counts of one context to the current one. */
void	 msg_merge(const struct msgctx *);

/* Make warnings count as errors for the exit status (--werror). */
void	 msg_set_werror(int);
/* Suppress notes and warnings below this level on output (-q keeps errors). */
void	 msg_set_quiet(int);

/* The exit status the counts of a context call for. */
int	 msg_exit_status(const struct msgctx *);

#endif /* !MSG_H */
