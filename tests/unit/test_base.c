/*
 * test_base.c: the base layer: buffers, arenas, atomic file output,
 * paths, UTF-8 and messages.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <dirent.h>

#include "aux.h"
#include "harness.h"
#include "msg.h"
#include "utf8.h"

static void
test_buf(void)
{
	struct buf	 b = { NULL, 0, 0 };
	char		*s;
	int		 i;

	buf_puts(&b, "abc");
	buf_putc(&b, '-');
	buf_printf(&b, "%d%s", 42, "x");
	CHECK_STR(b.data, "abc-42x", "buffer appends");
	CHECK(b.len == 7, "buffer length counts bytes");
	for (i = 0; i < 10000; i++)
		buf_putc(&b, 'z');
	CHECK(b.len == 10007 && b.data[b.len] == '\0', "buffer grows, stays NUL-terminated");
	s = buf_steal(&b);
	CHECK(b.data == NULL && b.len == 0 && strlen(s) == 10007, "steal empties the buffer");
	free(s);
	s = buf_steal(&b);
	CHECK_STR(s, "", "stealing an empty buffer gives an empty string");
	free(s);
	buf_free(NULL);
}

static void
test_arena(void)
{
	struct arena	*a = arena_new();
	char		*p, *q, *big;

	p = arena_strdup(a, "hello");
	big = arena_alloc(a, 100000);
	memset(big, 'x', 100000);
	q = arena_strndup(a, "worldwide", 5);
	CHECK_STR(p, "hello", "arena keeps earlier strings after a large block");
	CHECK_STR(q, "world", "arena strndup");
	CHECK(((uintptr_t)arena_alloc(a, 3) & 15) == 0, "arena allocations are aligned");
	CHECK(arena_size(a) >= 100000, "arena counts what it holds");
	arena_free(a);
	arena_free(NULL);
}

static int
count_entries(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	int		 n = 0;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void
test_atomic(void)
{
	char		 tmpl[] = "/tmp/briefgen-test-XXXXXX", *dir, *path;
	struct buf	 b = { NULL, 0, 0 };
	struct stat	 st;

	dir = mkdtemp(tmpl);
	CHECK(dir != NULL, "scratch folder");
	path = path_join(dir, "out.pdf");
	CHECK(file_write_atomic(path, "first", 5), "atomic write succeeds");
	CHECK(file_read(path, &b) && strcmp(b.data, "first") == 0, "written bytes read back");
	buf_reset(&b);
	CHECK(file_write_atomic(path, "second!", 7), "atomic replace succeeds");
	CHECK(file_read(path, &b) && strcmp(b.data, "second!") == 0, "replaced bytes read back");
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == (0644 & ~umask(022)),
	    "output file mode is 0644 less the umask");
	CHECK(count_entries(dir) == 1, "no temporary file is left behind");
	free(path);
	path = path_join(dir, "missing/out.pdf");
	errno = 0;
	CHECK(!file_write_atomic(path, "x", 1) && errno != 0, "writing into a missing folder fails with errno");
	free(path);
	path = path_join(dir, "a/b/c");
	CHECK(dir_make(path), "dir_make creates parents");
	CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode), "nested folder exists");
	CHECK(dir_make(path), "dir_make on an existing folder succeeds");
	free(path);
	buf_free(&b);
	/* Leave the scratch folder: it is under /tmp and tiny. */
}

static void
test_paths(void)
{
	char	*s;

	s = path_join("a/b", "c.csv");
	CHECK_STR(s, "a/b/c.csv", "path_join");
	free(s);
	s = path_join("a/b/", "/abs");
	CHECK_STR(s, "/abs", "path_join keeps absolute paths");
	free(s);
	s = path_dir("x/y/z.md");
	CHECK_STR(s, "x/y", "path_dir");
	free(s);
	s = path_dir("z.md");
	CHECK_STR(s, ".", "path_dir of a bare name");
	free(s);
	s = path_stem("x/y/weekly.en.md");
	CHECK_STR(s, "weekly.en", "path_stem drops the last extension only");
	free(s);
}

static void
test_utf8(void)
{
	const char	*s = "a\xC3\xA9\xE7\xA8\x80\xF0\x9F\x98\x80";	/* a é 稀 😀 */
	size_t		 i = 0, bad = 99, line, col;
	struct buf	 b = { NULL, 0, 0 };

	CHECK(utf8_next(s, strlen(s), &i) == 'a', "ASCII decodes");
	CHECK(utf8_next(s, strlen(s), &i) == 0xE9, "two-byte sequence decodes");
	CHECK(utf8_next(s, strlen(s), &i) == 0x7A00, "three-byte sequence decodes");
	CHECK(utf8_next(s, strlen(s), &i) == 0x1F600, "four-byte sequence decodes");
	CHECK(utf8_len(s, strlen(s)) == 4, "four code points");
	CHECK(utf8_valid(s, strlen(s), &bad), "valid UTF-8 is valid");
	CHECK(!utf8_valid("ab\xC0\xAF", 4, &bad) && bad == 2, "overlong form is invalid at its offset");
	CHECK(!utf8_valid("\xED\xA0\x80", 3, &bad) && bad == 0, "surrogates are invalid");
	CHECK(!utf8_valid("x\xE7\xA8", 3, &bad) && bad == 1, "truncated sequence is invalid");
	utf8_from_latin1(&b, "C\xF4te", 4);
	CHECK_STR(b.data, "C\xC3\xB4te", "Latin-1 converts to UTF-8");
	buf_reset(&b);
	utf8_from_cp1252(&b, "\x93x\x94 \x80", 5);
	CHECK_STR(b.data, "\xE2\x80\x9Cx\xE2\x80\x9D \xE2\x82\xAC", "Windows-1252 quotes and euro convert");
	buf_free(&b);
	utf8_linecol("ab\n\xE7\xA8\x80z", 6, &line, &col);
	CHECK(line == 2 && col == 2, "line and column count code points (got %zu:%zu)", line, col);
}

static void
test_msg(void)
{
	struct msgctx	 ctx;
	struct buf	 b = { NULL, 0, 0 };

	memset(&ctx, 0, sizeof(ctx));
	ctx.sink = &b;
	msg_push(&ctx);
	msg(MSG_WARNING, "t.md", 3, 7, "odd %s", "thing");
	msg(MSG_ERROR, "t.csv", 12, 0, "bad row");
	msg(MSG_ERROR, NULL, 0, 0, "no file");
	CHECK(msg_count(MSG_ERROR) == 2 && msg_count(MSG_WARNING) == 1, "messages are counted per context");
	msg_pop();
	CHECK_STR(b.data, "t.md:3:7: warning: odd thing\n"
	    "t.csv:12: error: bad row\nbriefgen: error: no file\n",
	    "messages have the compiler form");
	CHECK(msg_exit_status(&ctx) == EXIT_INPUT, "errors give exit status 1");
	ctx.count[MSG_SYSERR] = 1;
	CHECK(msg_exit_status(&ctx) == EXIT_IO, "I/O failures give exit status 3");
	ctx.count[MSG_SYSERR] = ctx.count[MSG_ERROR] = 0;
	CHECK(msg_exit_status(&ctx) == EXIT_OK, "warnings alone give exit status 0");
	msg_set_werror(1);
	CHECK(msg_exit_status(&ctx) == EXIT_INPUT, "--werror makes warnings fail");
	msg_set_werror(0);
	buf_free(&b);
}

int
main(void)
{
	test_buf();
	test_arena();
	test_atomic();
	test_paths();
	test_utf8();
	test_msg();
	HARNESS_END();
}
