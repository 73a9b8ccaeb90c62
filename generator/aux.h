/*
 * aux.h: allocation that exits on failure, a growable byte buffer,
 * a bump arena for many small strings, and atomic file output.
 *
 * Base layer: may be included by every module; includes only libc.
 * Running out of memory is not an input error the user can fix, so
 * the x* wrappers print one line and exit with status 3 instead of
 * making every caller carry an error path (as mandoc_aux.c does).
 */
#ifndef AUX_H
#define AUX_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

/* Grow an array *pp of *cap elements of size sz to hold at least n. */
void	 xgrow(void *pp, size_t *cap, size_t n, size_t sz);

/*
 * A growable byte buffer.  The data is always NUL-terminated so it
 * can be used as a C string; len does not count the NUL.
 * A zeroed struct is a valid empty buffer.
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_put(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_reset(struct buf *);
char	*buf_steal(struct buf *);	/* caller frees; buffer is empty after */
void	 buf_free(struct buf *);

/*
 * A bump arena: many small allocations freed at once.  Tables keep
 * their cell strings here, which makes loading a million rows cost a
 * few large allocations instead of millions of small ones.
 */
struct arena;

struct arena	*arena_new(void);
void		*arena_alloc(struct arena *, size_t);
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_strdup(struct arena *, const char *);
size_t		 arena_size(const struct arena *);	/* bytes held */
void		 arena_free(struct arena *);

/*
 * Read a whole file into a NUL-terminated buffer.
 * Return 1 on success, 0 on failure with errno set.
 */
int	 file_read(const char *path, struct buf *out);

/*
 * Write data to path atomically: write a temporary file in the same
 * folder, fsync it, then rename it over path.  An interrupted or
 * failed write leaves the earlier file untouched and no temporary
 * behind.  Return 1 on success, 0 on failure with errno set.
 */
int	 file_write_atomic(const char *path, const void *data, size_t len);

/*
 * The word of words[0..n) closest to w in edit distance (ignoring
 * case), if it is close enough to be a likely misspelling (1 edit for
 * words under 4 letters, 2 under 8, else 3); NULL otherwise.  For
 * "did you mean ...?" in messages.
 */
const char *str_closest(const char *w, const char *const *words, size_t n);

/* Create a folder and its parents (mkdir -p).  Return 1 on success. */
int	 dir_make(const char *path);

/* Join a folder and a relative path; an absolute path is returned as is. */
char	*path_join(const char *dir, const char *rel);
/* The folder part of a path ("." if none); caller frees. */
char	*path_dir(const char *path);
/* The last component without its extension; caller frees. */
char	*path_stem(const char *path);

#endif /* !AUX_H */
