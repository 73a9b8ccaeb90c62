/*
 * test_brk.c: line break opportunities (UAX #14) as the layout sees
 * them.  Expected values are from the rules of the annex, worked out
 * by hand: breaks after spaces, between ideographs, never before
 * closing punctuation or after opening punctuation.
 */
#include <string.h>

#include "brk.h"
#include "harness.h"

/* Is a line break allowed (or required) after the first n bytes? */
static int
can_break(const char *s, const char *lang, size_t n)
{
	char	 out[256];

	brk_find(s, strlen(s), lang, out);
	return out[n - 1] == BRK_ALLOW || out[n - 1] == BRK_MUST;
}

int
main(void)
{
	const char	*cjk = "关键矿产。（稀土）镓";
	char		 out[64];
	size_t		 i;

	CHECK(can_break("Hello world", "en", 6), "break after a space");
	CHECK(!can_break("Hello world", "en", 3), "no break inside a word");
	CHECK(!can_break("Hello world", "en", 5), "no break before a space");
	CHECK(can_break("self-contained", "en", 5), "break after a hyphen");
	CHECK(!can_break("3.14 t", "en", 2), "no break inside a number");
	CHECK(can_break("a\nb", "en", 2), "a newline ends a line");
	brk_find("a\nb", 3, "en", out);
	CHECK(out[1] == BRK_MUST, "and it must");
	/* 关 键 矿 产 are 3 bytes each. */
	CHECK(can_break(cjk, "zh", 3), "break between two ideographs");
	CHECK(can_break(cjk, "zh", 6), "and the next two");
	CHECK(!can_break(cjk, "zh", 12), "no break before 。");
	CHECK(can_break(cjk, "zh", 15), "break after 。");
	CHECK(!can_break(cjk, "zh", 18), "no break after （");
	CHECK(!can_break(cjk, "zh", 24), "no break before ）");
	brk_find(cjk, strlen(cjk), "zh", out);
	for (i = 0; i < strlen(cjk); i++)
		if (i % 3 != 2 && out[i] != BRK_INSIDE)
			break;
	CHECK(i == strlen(cjk), "inside a UTF-8 sequence is marked");
	CHECK(out[strlen(cjk) - 1] == BRK_MUST, "the end of text ends a line");
	CHECK(!can_break("word[6]", "en", 4), "no break before [ after a word");
	HARNESS_END();
}
