/*
 * msg.c: diagnostics with file, line, column and severity.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "aux.h"
#include "msg.h"

static const char *const levelnames[MSG__MAX] = {
	"note", "warning", "error", "error"
};

static struct msgctx	 rootctx;
static __thread struct msgctx *cur;
static int		 werror;
static int		 quiet;
static pthread_mutex_t	 outlock = PTHREAD_MUTEX_INITIALIZER;

struct msgctx *
msg_current(void)
{
	return cur ? cur : &rootctx;
}

void
msg_push(struct msgctx *c)
{
	c->prev = msg_current();
	cur = c;
}

void
msg_pop(void)
{
	struct msgctx	*c = msg_current();

	if (c != &rootctx)
		cur = c->prev;
}

void
msg_set_werror(int on)
{
	werror = on;
}

void
msg_set_quiet(int on)
{
	quiet = on;
}

void
msg(enum mlevel lvl, const char *file, size_t line, size_t col,
    const char *fmt, ...)
{
	struct msgctx	*c = msg_current();
	struct buf	 b = { NULL, 0, 0 };
	va_list		 ap;

	c->count[lvl]++;
	if (quiet && lvl < MSG_ERROR)
		return;
	if (c->limit && c->count[lvl] > c->limit)
		return;
	buf_puts(&b, file ? file : "briefgen");
	if (line) {
		buf_printf(&b, ":%zu", line);
		if (col)
			buf_printf(&b, ":%zu", col);
	}
	buf_printf(&b, ": %s: ", lvl == MSG_WARNING && werror ?
	    "error" : levelnames[lvl]);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	buf_putc(&b, '\n');
	if (c->sink != NULL)
		buf_put(c->sink, b.data, b.len);
	else {
		pthread_mutex_lock(&outlock);
		fputs(b.data, stderr);
		pthread_mutex_unlock(&outlock);
	}
	buf_free(&b);
}

size_t
msg_count(enum mlevel lvl)
{
	return msg_current()->count[lvl];
}

void
msg_merge(const struct msgctx *from)
{
	struct msgctx	*c = msg_current();
	int		 i;

	for (i = 0; i < MSG__MAX; i++)
		c->count[i] += from->count[i];
}

int
msg_exit_status(const struct msgctx *c)
{
	if (c == NULL)
		c = msg_current();
	if (c->count[MSG_SYSERR])
		return EXIT_IO;
	if (c->count[MSG_ERROR])
		return EXIT_INPUT;
	if (werror && c->count[MSG_WARNING])
		return EXIT_INPUT;
	return EXIT_OK;
}
