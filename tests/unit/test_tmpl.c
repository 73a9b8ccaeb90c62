/*
 * test_tmpl.c: the template stage's parts: placeholders, front matter
 * splitting, slugs, parameter substitution, and whole builds of small
 * templates checked node by node (positions of values, values kept
 * as text whatever they hold).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aux.h"
#include "doc.h"
#include "harness.h"
#include "msg.h"
#include "tmpl.h"
#include "tmpl_int.h"

static char	 dir[] = "/tmp/test_tmpl.XXXXXX";

static void
test_placeholders(void)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 idx = 99, n;
	const size_t	 cases[] = { 0, 1, 0xabc, 0xffff };
	size_t		 i;

	for (i = 0; i < 4; i++) {
		buf_reset(&b);
		ph_encode(&b, cases[i]);
		n = ph_decode(b.data, b.len, &idx);
		CHECK(b.len == PH_LEN && n == PH_LEN && idx == cases[i],
		    "placeholder %zu round-trips in %zu bytes", cases[i],
		    b.len);
	}
	CHECK(ph_decode(b.data, PH_LEN - 1, &idx) == 0,
	    "a truncated placeholder is not one");
	CHECK(ph_decode("abc", 3, &idx) == 0, "text is not a placeholder");
	/* U+FDD0 then U+FDEF... is one; U+FDD0 then 'a' is not. */
	CHECK(ph_decode("\xef\xb7\x90" "aaaaaaaaaaaa", 15, &idx) == 0,
	    "the lead character alone is not a placeholder");
	buf_free(&b);
}

static void
test_front(void)
{
	size_t	 fo, fl, bo;
	const char *s;
	struct msgctx ctx;
	struct buf log = { NULL, 0, 0 };

	s = "# No front matter\n";
	CHECK(tmpl_split_front(s, strlen(s), &fo, &fl, &bo, "t") == 0,
	    "no front matter");
	s = "---\ntitle: x\n---\nBody\n";
	CHECK(tmpl_split_front(s, strlen(s), &fo, &fl, &bo, "t") == 1 &&
	    fo == 4 && fl == 9 && bo == 17 && strcmp(s + bo, "Body\n") == 0,
	    "front matter at 4 (9 bytes), body at 17");
	s = "--- \r\ntitle: x\r\n...\r\nBody";
	CHECK(tmpl_split_front(s, strlen(s), &fo, &fl, &bo, "t") == 1 &&
	    fo == 6 && fl == 10 && strcmp(s + bo, "Body") == 0,
	    "CRLF and a closing ... line");
	s = "---\ntitle: x\n---";
	CHECK(tmpl_split_front(s, strlen(s), &fo, &fl, &bo, "t") == 1 &&
	    bo == strlen(s), "a closing line at the end of the file");
	s = "----\ntitle: x\n---\n";
	CHECK(tmpl_split_front(s, strlen(s), &fo, &fl, &bo, "t") == 0,
	    "four dashes are a rule, not front matter");
	memset(&ctx, 0, sizeof(ctx));
	ctx.sink = &log;
	msg_push(&ctx);
	s = "---\ntitle: x\n\nBody\n";
	CHECK(tmpl_split_front(s, strlen(s), &fo, &fl, &bo, "t") == -1,
	    "unclosed front matter fails");
	msg_pop();
	CHECK_STR(log.data, "t:1:1: error: the front matter that starts here "
	    "has no closing --- line\n", "unclosed message");
	buf_free(&log);
}

static void
test_slug(void)
{
	const char *const cases[][2] = {
		{ "Cobalt: supply & demand", "cobalt-supply-demand" },
		{ "  Trade -- flows  ", "trade-flows" },
		{ "A_B 2024", "a-b-2024" },
		{ "关键 矿产", "关键-矿产" },
		{ "?!", "section" },
		{ "", "section" }
	};
	char	*s;
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = tmpl_slug(cases[i][0]);
		CHECK_STR(s, cases[i][1], "slug of '%s'", cases[i][0]);
		free(s);
	}
}

static void
test_subst(void)
{
	struct tmpl	 t;
	struct param	 p[2] = { { "mineral", "Cobalt" }, { "y", "2024" } };
	struct msgctx	 ctx;
	struct buf	 log = { NULL, 0, 0 };
	char		*s;

	memset(&t, 0, sizeof(t));
	t.params = p;
	t.nparams = 2;
	s = tmpl_subst_params(&t, "world/{{ $mineral }}-{{$y}}.csv", "t",
	    3, 9);
	CHECK_STR(s, "world/Cobalt-2024.csv", "parameters in a path");
	free(s);
	memset(&ctx, 0, sizeof(ctx));
	ctx.sink = &log;
	msg_push(&ctx);
	s = tmpl_subst_params(&t, "a/{{ $nope }}.csv", "t", 3, 9);
	CHECK(s == NULL, "an unknown parameter fails");
	s = tmpl_subst_params(&t, "a/{{ data | sum x }}.csv", "t", 3, 9);
	CHECK(s == NULL, "a query is not allowed in a path");
	msg_pop();
	CHECK(log.data && strstr(log.data, "t:3:11: error: unknown parameter "
	    "'$nope'") != NULL, "unknown parameter at its column");
	CHECK(log.data && strstr(log.data, "t:3:11: error: only {{ $name }} "
	    "parameters can be used here") != NULL, "query message");
	buf_free(&log);
}

/* Write a template into the test folder; return its path. */
static char *
write_tmpl(const char *name, const char *text)
{
	char	*path = xasprintf("%s/%s", dir, name);

	if (!file_write_atomic(path, text, strlen(text)))
		printf("# cannot write %s\n", path);
	return path;
}

/* Build a template with -D value=v; messages go into log. */
static struct doc *
build(const char *path, const char *v, struct buf *log)
{
	struct tmpl_opts o;
	struct param	 p = { "value", NULL };
	struct msgctx	 ctx;
	struct doc	*d;

	p.value = (char *)v;
	tmpl_opts_defaults(&o);
	o.params = &p;
	o.nparams = 1;
	o.now = 1753401600;
	memset(&ctx, 0, sizeof(ctx));
	buf_reset(log);
	ctx.sink = log;
	msg_push(&ctx);
	d = tmpl_build(path, &o);
	msg_pop();
	return d;
}

/* The nth node of a type, in document order. */
static const struct node *
find(const struct node *n, enum ntype type, int nth)
{
	const struct node *c = n;

	while (c != NULL) {
		if (c->type == type && nth-- == 0)
			return c;
		if (c->first != NULL)
			c = c->first;
		else {
			while (c != n && c->next == NULL)
				c = c->parent;
			c = c == n ? NULL : c->next;
		}
	}
	return NULL;
}

static size_t
count(const struct node *n, enum ntype type)
{
	const struct node *c;
	size_t		 k = n->type == type;

	for (c = n->first; c != NULL; c = c->next)
		k += count(c, type);
	return k;
}

static void
test_values(void)
{
	static const char *const evil[] = {
		"*emph*", "<script>alert(1)</script>",
		"[x](javascript:alert(1))", "{{ $value }}", "# heading",
		"\xef\xb7\x90\xef\xb7\xa0\xef\xb7\xa0\xef\xb7\xa0\xef\xb7\xa0"
	};
	const struct node *v;
	struct buf	 log = { NULL, 0, 0 };
	struct doc	*d;
	char		*path;
	size_t		 i;

	path = write_tmpl("v.md", "---\nparams: {value: x}\n---\n"
	    "Été — {{ $value }}, and\n\t**{{$value}}**.\n");
	d = build(path, "Cobalt", &log);
	CHECK(d != NULL, "a template with values builds");
	if (d != NULL) {
		v = find(d->root, N_VALUE, 0);
		CHECK(v && strcmp(v->text, "Cobalt") == 0 && v->line == 4 &&
		    v->col == 7, "first value at 4:7 after multibyte text "
		    "(got %zu:%zu)", v ? v->line : 0, v ? v->col : 0);
		v = find(d->root, N_VALUE, 1);
		CHECK(v && v->line == 5 && v->col == 4 &&
		    v->parent->type == N_STRONG,
		    "second value at 5:4 inside strong (got %zu:%zu)",
		    v ? v->line : 0, v ? v->col : 0);
		CHECK(log.len == 0, "no messages");
	}
	doc_free(d);
	for (i = 0; i < sizeof(evil) / sizeof(evil[0]); i++) {
		d = build(path, evil[i], &log);
		CHECK(d != NULL, "builds with the value '%s'", evil[i]);
		if (d == NULL)
			continue;
		v = find(d->root, N_VALUE, 0);
		CHECK(v && strcmp(v->text, evil[i]) == 0 &&
		    count(d->root, N_EMPH) == 0 &&
		    count(d->root, N_LINK) == 0 &&
		    count(d->root, N_HTMLINLINE) == 0 &&
		    count(d->root, N_HEADING) == 0 &&
		    count(d->root, N_VALUE) == 2,
		    "the value '%s' stays text, and only text", evil[i]);
		doc_free(d);
	}
	unlink(path);
	free(path);
	buf_free(&log);
}

static void
test_positions(void)
{
	struct buf	 log = { NULL, 0, 0 };
	struct doc	*d;
	char		*path;

	/* Errors point into the template, past the front matter. */
	path = write_tmpl("e.md", "---\ntitle: T\n---\n\n- item\n\n"
	    "  ```table\n  data: x\n  colour: red\n  ```\n");
	d = build(path, "v", &log);
	CHECK(d == NULL, "an unknown option fails the build");
	CHECK(log.data && strstr(log.data, "e.md:9:3: error: unknown "
	    "option 'colour' for table") != NULL,
	    "the option inside a list item is at 9:3");
	doc_free(d);
	unlink(path);
	free(path);
	buf_free(&log);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL) {
		CHECK(0, "mkdtemp");
		HARNESS_END();
	}
	test_placeholders();
	test_front();
	test_slug();
	test_subst();
	test_values();
	test_positions();
	rmdir(dir);
	HARNESS_END();
}
