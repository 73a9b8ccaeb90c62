/*
 * aux.c: allocation wrappers, buffers, arenas and file helpers.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aux.h"

static void
oom(void)
{
	/* Nothing the user can fix; status 3 is "I/O or internal failure". */
	fputs("briefgen: error: out of memory\n", stderr);
	exit(3);
}

void *
xmalloc(size_t sz)
{
	void	*p;

	if ((p = malloc(sz ? sz : 1)) == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p;

	if ((p = calloc(n ? n : 1, sz ? sz : 1)) == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t sz)
{
	if ((p = realloc(p, sz ? sz : 1)) == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t sz)
{
	if (sz && n > SIZE_MAX / sz)
		oom();
	return xrealloc(p, n * sz);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf	 b = { NULL, 0, 0 };
	va_list		 ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_steal(&b);
}

void
xgrow(void *pp, size_t *cap, size_t n, size_t sz)
{
	void	**p = pp;
	size_t	  nc;

	if (n <= *cap)
		return;
	nc = *cap ? *cap : 8;
	while (nc < n) {
		if (nc > SIZE_MAX / 2)
			oom();
		nc *= 2;
	}
	*p = xreallocarray(*p, nc, sz);
	*cap = nc;
}

static void
buf_reserve(struct buf *b, size_t extra)
{
	size_t	 need;

	if (extra > SIZE_MAX - b->len - 1)
		oom();
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	xgrow(&b->data, &b->cap, need, 1);
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char	 ch = (char)c;

	buf_put(b, &ch, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *
buf_steal(struct buf *b)
{
	char	*p;

	p = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void
buf_free(struct buf *b)
{
	if (b == NULL)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* Arena blocks; large requests get a block of their own. */
#define ARENA_BLOCK	(64 * 1024)

struct ablock {
	struct ablock	*next;
	size_t		 used;
	size_t		 size;
	max_align_t	 data[];	/* aligned start of the payload */
};

struct arena {
	struct ablock	*head;
	size_t		 total;
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void *
arena_alloc(struct arena *a, size_t sz)
{
	struct ablock	*b;
	size_t		 bsz;
	char		*p;

	sz = (sz + 15) & ~(size_t)15;
	b = a->head;
	if (b == NULL || b->size - b->used < sz) {
		bsz = sz > ARENA_BLOCK / 4 ? sz : ARENA_BLOCK;
		b = xmalloc(sizeof(*b) + bsz);
		b->used = 0;
		b->size = bsz;
		if (sz > ARENA_BLOCK / 4 && a->head != NULL) {
			/* Keep the current block for small allocations. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
		a->total += bsz;
	}
	p = (char *)b->data + b->used;
	b->used += sz;
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

size_t
arena_size(const struct arena *a)
{
	return a ? a->total : 0;
}

void
arena_free(struct arena *a)
{
	struct ablock	*b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

int
file_read(const char *path, struct buf *out)
{
	char	 chunk[65536];
	FILE	*f;
	size_t	 n;
	int	 rc = 0;

	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(out, chunk, n);
	if (ferror(f))
		goto out;
	if (out->data == NULL)
		buf_put(out, "", 0);
	rc = 1;
out:
	if (fclose(f) == EOF)
		rc = 0;
	return rc;
}

static int
write_all(int fd, const void *data, size_t len)
{
	const char	*p = data;
	ssize_t		 n;

	while (len > 0) {
		if ((n = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			return 0;
		}
		p += n;
		len -= (size_t)n;
	}
	return 1;
}

/*
 * Prefer an unnamed O_TMPFILE so that a process killed mid-write
 * leaves nothing at all; the file gets a name only once complete.
 * Fall back to mkstemp where the file system lacks O_TMPFILE.
 */
int
file_write_atomic(const char *path, const void *data, size_t len)
{
	char	*dir, *tmp = NULL, procpath[64];
	int	 fd = -1, rc = 0, saved, named = 0;

	dir = path_dir(path);
	tmp = xasprintf("%s/.%s.tmp.%ld", dir, strrchr(path, '/') ?
	    strrchr(path, '/') + 1 : path, (long)getpid());
	fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
	if (fd < 0) {
		free(tmp);
		tmp = xasprintf("%s/.briefgen.XXXXXX", dir);
		if ((fd = mkstemp(tmp)) < 0)
			goto out;
		named = 1;
	}
	if (!write_all(fd, data, len) || fsync(fd) != 0)
		goto out;
	if (!named) {
		snprintf(procpath, sizeof(procpath), "/proc/self/fd/%d", fd);
		unlink(tmp);
		if (linkat(AT_FDCWD, procpath, AT_FDCWD, tmp,
		    AT_SYMLINK_FOLLOW) != 0)
			goto out;
		named = 1;
	} else if (fchmod(fd, 0644) != 0)
		goto out;
	if (close(fd) != 0) {
		fd = -1;
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto out;
	named = 0;
	rc = 1;
out:
	saved = errno;
	if (fd >= 0)
		close(fd);
	if (named)
		unlink(tmp);
	free(tmp);
	free(dir);
	errno = saved;
	return rc;
}

/* Levenshtein distance ignoring case; 99 for words over 62 bytes. */
static size_t
editdist(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, d[64], prev, t;

	if (lb >= 63 || la >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		d[j] = j;
	for (i = 1; i <= la; i++) {
		prev = d[0];
		d[0] = i;
		for (j = 1; j <= lb; j++) {
			t = d[j];
			d[j] = tolower((unsigned char)a[i - 1]) ==
			    tolower((unsigned char)b[j - 1]) ? prev :
			    1 + (prev < d[j] ? (prev < d[j - 1] ? prev :
			    d[j - 1]) : (d[j] < d[j - 1] ? d[j] : d[j - 1]));
			prev = t;
		}
	}
	return d[lb];
}

const char *
str_closest(const char *w, const char *const *words, size_t n)
{
	size_t		 i, d, best = 99, max;
	const char	*b = NULL;

	max = strlen(w) < 4 ? 1 : strlen(w) < 8 ? 2 : 3;
	for (i = 0; i < n; i++)
		if ((d = editdist(w, words[i])) < best) {
			best = d;
			b = words[i];
		}
	return best <= max ? b : NULL;
}

int
dir_make(const char *path)
{
	char	*p, *s;
	int	 rc = 1;

	p = xstrdup(path);
	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		if (s[-1] != '/') {
			char c = *s;
			*s = '\0';
			if (mkdir(p, 0755) != 0 && errno != EEXIST)
				rc = 0;
			*s = c;
		}
		if (*s == '\0' || rc == 0)
			break;
	}
	free(p);
	return rc;
}

char *
path_join(const char *dir, const char *rel)
{
	if (rel[0] == '/' || dir == NULL || dir[0] == '\0' ||
	    strcmp(dir, ".") == 0)
		return xstrdup(rel);
	return xasprintf("%s%s%s", dir,
	    dir[strlen(dir) - 1] == '/' ? "" : "/", rel);
}

char *
path_dir(const char *path)
{
	const char	*s;

	if ((s = strrchr(path, '/')) == NULL)
		return xstrdup(".");
	if (s == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(s - path));
}

char *
path_stem(const char *path)
{
	const char	*b, *e;

	b = strrchr(path, '/');
	b = b ? b + 1 : path;
	e = strrchr(b, '.');
	if (e == NULL || e == b)
		e = b + strlen(b);
	return xstrndup(b, (size_t)(e - b));
}
