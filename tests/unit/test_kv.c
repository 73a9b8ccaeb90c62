/*
 * test_kv.c: YAML into the positioned key/value tree: positions,
 * errors with their file:line:col, refused anchors, aliases and tags,
 * and the depth and node limits.
 */
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "harness.h"
#include "kv.h"
#include "msg.h"

/* Parse text at line:col of "t.md"; messages go into *out. */
static struct kv *
parse(const char *text, size_t line, size_t col, const struct kvlimits *lim,
    struct buf *out)
{
	struct msgctx	 ctx;
	struct kv	*k;

	memset(&ctx, 0, sizeof(ctx));
	buf_reset(out);
	ctx.sink = out;
	msg_push(&ctx);
	k = kv_parse(text, strlen(text), "t.md", line, col, lim);
	msg_pop();
	if (out->data == NULL)
		buf_puts(out, "");
	return k;
}

/* The first message, without its newline. */
static const char *
first(struct buf *b)
{
	char	*nl;

	if (b->data != NULL && (nl = strchr(b->data, '\n')) != NULL)
		*nl = '\0';
	return b->data ? b->data : "";
}

static void
test_positions(struct buf *m)
{
	struct kv	*k, *e, *c;
	const char	*y =
	    "title: Cobalt\n"
	    "date: '2025-07-25'\n"
	    "datasets:\n"
	    "  cobalt: ../data/co.csv\n"
	    "  nickel: {path: ni.csv, encoding: latin1}\n"
	    "keywords: [a, \"b c\"]\n"
	    "empty:\n";

	/* The front matter starts on line 2 of the template. */
	k = parse(y, 2, 1, NULL, m);
	CHECK(k != NULL && k->type == KV_MAP && k->nkids == 5,
	    "a map of five entries");
	if (k == NULL)
		return;
	e = kv_get(k, "title");
	CHECK(e && e->type == KV_SCALAR && strcmp(e->val, "Cobalt") == 0,
	    "title is the scalar Cobalt");
	CHECK(e && e->kline == 2 && e->kcol == 1 && e->line == 2 &&
	    e->col == 8, "title key at 2:1, value at 2:8");
	e = kv_get(k, "date");
	CHECK(e && e->quoted && e->col == 8,
	    "a quoted value starts inside the quote (2:8, got %zu)",
	    e ? e->col : 0);
	e = kv_get(k, "datasets");
	c = e ? kv_get(e, "nickel") : NULL;
	CHECK(c && c->type == KV_MAP && c->kline == 6 && c->kcol == 3,
	    "nested flow map key at 6:3");
	c = c ? kv_get(c, "encoding") : NULL;
	CHECK(c && strcmp(c->val, "latin1") == 0 && c->line == 6 &&
	    c->col == 36, "flow map value at 6:36 (got %zu:%zu)",
	    c ? c->line : 0, c ? c->col : 0);
	e = kv_get(k, "keywords");
	CHECK(e && e->type == KV_LIST && e->nkids == 2 &&
	    strcmp(e->last->val, "b c") == 0 && e->last->key == NULL,
	    "a flow list of two items");
	e = kv_get(k, "empty");
	CHECK(e && e->type == KV_NULL, "an empty value is null");
	CHECK(kv_get(k, "nope") == NULL, "a missing key is NULL");
	kv_free(k);

	/* A directive body inside a list item: every column shifts by 2. */
	k = parse("type: bar\nx: Country\n", 7, 3, NULL, m);
	e = k ? kv_get(k, "x") : NULL;
	CHECK(e && e->kline == 8 && e->kcol == 3 && e->col == 6,
	    "shifted body: x at 8:3, value at 8:6");
	kv_free(k);

	k = parse("", 4, 1, NULL, m);
	CHECK(k && k->type == KV_NULL, "an empty text is null");
	kv_free(k);
	k = parse("# only a comment\n", 4, 1, NULL, m);
	CHECK(k && k->type == KV_NULL && m->len == 0,
	    "a comment alone is null, silently");
	kv_free(k);
}

static void
test_errors(struct buf *m)
{
	struct kv	*k;

	k = parse("a: 1\na: 2\n", 2, 1, NULL, m);
	CHECK(k == NULL, "duplicate keys fail");
	CHECK_STR(first(m), "t.md:3:1: error: duplicate key 'a' "
	    "(first given at line 2)", "duplicate key message");

	k = parse("a: [1, 2\nb: 3\n", 2, 1, NULL, m);
	CHECK(k == NULL, "an unclosed flow list fails");
	CHECK(strncmp(first(m), "t.md:3:2: error: bad YAML: ", 27) == 0,
	    "bad YAML at the problem's position: %s", first(m));

	k = parse("title: {{ $mineral }} output\n", 2, 1, NULL, m);
	CHECK(k == NULL && strstr(first(m), "in quotes") != NULL,
	    "an unquoted {{ gets a hint: %s", first(m));

	k = parse("a:\n\t- x\n", 2, 1, NULL, m);
	CHECK(k == NULL && strstr(first(m), "t.md:3:") == first(m),
	    "a tab in indentation fails on line 3: %s", first(m));

	k = parse("a: 1\n---\nb: 2\n", 2, 1, NULL, m);
	CHECK(k == NULL, "two documents fail");
	CHECK_STR(first(m), "t.md:3:1: error: only one YAML document is "
	    "allowed here", "two documents message");

	k = parse("{a: 1}: 2\n", 2, 1, NULL, m);
	CHECK(k == NULL && strstr(first(m), "plain text") != NULL,
	    "a mapping as a key fails: %s", first(m));
}

static void
test_refused(struct buf *m)
{
	struct kv	*k;
	struct kvlimits	 lim;
	struct buf	 big = { NULL, 0, 0 };
	size_t		 i;

	k = parse("a: &x [1, 2]\nb: *x\n", 2, 1, NULL, m);
	CHECK(k == NULL, "anchors fail");
	CHECK_STR(first(m), "t.md:2:4: error: YAML anchors (&x) are not "
	    "allowed", "anchor message");

	k = parse("b: *x\n", 2, 1, NULL, m);
	CHECK(k == NULL && strstr(first(m), "t.md:2:4:") == first(m),
	    "an alias fails where it is: %s", first(m));

	k = parse("a: !!binary aGVsbG8=\n", 2, 1, NULL, m);
	CHECK(k == NULL && strstr(first(m), "YAML tags") != NULL,
	    "tags fail: %s", first(m));

	/* Billion laughs: refused at the first anchor, nothing expands. */
	k = parse("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
	    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n", 2, 1, NULL, m);
	CHECK(k == NULL && strstr(first(m), "anchors") != NULL,
	    "billion laughs is refused");

	kvlimits_defaults(&lim);
	lim.max_depth = 3;
	k = parse("a: {b: {c: 1}}\n", 2, 1, &lim, m);
	CHECK(k != NULL, "depth 3 is within a limit of 3");
	kv_free(k);
	k = parse("a: {b: {c: [1]}}\n", 2, 1, &lim, m);
	CHECK(k == NULL, "depth 4 exceeds a limit of 3");
	CHECK_STR(first(m), "t.md:2:12: error: YAML nested too deeply "
	    "(the limit is 3 levels)", "depth message");

	kvlimits_defaults(&lim);
	for (i = 0; i < 20000; i++)
		buf_puts(&big, "[");
	k = parse(big.data, 1, 1, &lim, m);
	CHECK(k == NULL && strstr(first(m), "too deeply") != NULL,
	    "20,000 nested lists stop at the depth limit");
	buf_reset(&big);
	buf_puts(&big, "a: [");
	for (i = 0; i < 10001; i++)
		buf_puts(&big, "1,");
	buf_puts(&big, "1]\n");
	k = parse(big.data, 1, 1, &lim, m);
	CHECK(k == NULL && strstr(first(m), "too many YAML values") != NULL,
	    "10,002 values exceed the node limit: %s", first(m));
	buf_free(&big);
}

static void
test_helpers(struct buf *m)
{
	static const char *const known[] = { "type", "x", "y", "stack", "width",
	    NULL };
	struct kv	*k;
	struct msgctx	 ctx;
	long		 n = 0;
	int		 b = -1;

	k = parse("type: bar\nsize: 3\nstack: yes\nwidth: 12\nz: [1]\n",
	    5, 1, NULL, m);
	CHECK(k != NULL, "options parse");
	if (k == NULL)
		return;
	memset(&ctx, 0, sizeof(ctx));
	buf_reset(m);
	ctx.sink = m;
	msg_push(&ctx);
	CHECK(!kv_check_map(k, "t.md", "chart", known),
	    "unknown options are reported");
	CHECK(kv_want_bool(kv_get(k, "stack"), "t.md", &b) && b == 1,
	    "yes is true");
	CHECK(kv_want_int(kv_get(k, "width"), "t.md", 1, 100, &n) &&
	    n == 12, "width is 12");
	CHECK(!kv_want_int(kv_get(k, "width"), "t.md", 1, 10, &n),
	    "12 is out of 1..10");
	CHECK(kv_want_str(kv_get(k, "z"), "t.md", 0) == NULL,
	    "a list is not a value");
	msg_pop();
	CHECK(m->data && strstr(m->data, "t.md:6:1: error: unknown option "
	    "'size' for chart (known: type, x, y, stack, width)\n") != NULL,
	    "unknown option message names the known ones");
	CHECK(m->data && strstr(m->data, "t.md:8:8: error: width: expected "
	    "a whole number from 1 to 10, not '12'\n") != NULL,
	    "range message");
	CHECK(m->data && strstr(m->data, "t.md:9:4: error: z: expected a "
	    "value, not a list\n") != NULL, "type message");
	CHECK(ctx.count[MSG_ERROR] == 4, "four errors (got %zu)",
	    ctx.count[MSG_ERROR]);
	kv_free(k);
}

int
main(void)
{
	struct buf	 m = { NULL, 0, 0 };

	test_positions(&m);
	test_errors(&m);
	test_refused(&m);
	test_helpers(&m);
	buf_free(&m);
	HARNESS_END();
}
