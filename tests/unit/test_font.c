/*
 * test_font.c: the font set loads fonts/, measures like libharu and
 * falls back per code point.
 */
#include <stdlib.h>

#include "aux.h"
#include "font.h"
#include "harness.h"

int
main(void)
{
	struct fontset	*fs;
	struct frun	*runs = NULL;
	size_t		 n;
	const char	*mixed = "Rare earths 稀土 ↑";

	fs = fontset_load("fonts");
	CHECK(fs != NULL, "fonts/fonts.conf loads");
	if (fs == NULL)
		HARNESS_END();
	/* Noto Sans: 'H' advances 741 units of 1000 (fontTools hmtx). */
	CHECK(fontset_advance(fs, FACE_REGULAR, 'H') == 741,
	    "advance of H in regular is 741/1000 em (got %d)",
	    fontset_advance(fs, FACE_REGULAR, 'H'));
	CHECK(fontset_has(fs, FACE_CJK, 0x7A00), "CJK face has 稀");
	CHECK(!fontset_has(fs, FACE_REGULAR, 0x7A00), "regular lacks 稀");
	CHECK(fontset_pick(fs, FACE_BOLD, 0x7A00) == FACE_CJK,
	    "bold falls back to CJK for 稀");
	n = fontset_runs(fs, FACE_BOLD, mixed, strlen(mixed), &runs);
	CHECK(n >= 3, "runs for Latin, CJK and the arrow (got %zu)", n);
	if (n >= 3) {
		CHECK(runs[0].face == FACE_BOLD && runs[1].face == FACE_CJK &&
		    runs[1].fakebold, "bold, then CJK with fake bold");
		CHECK(fontset_has(fs, runs[n - 1].face, 0x2191),
		    "the arrow is drawn by a face that has it (%s)",
		    face_name(runs[n - 1].face));
	}
	free(runs);
	CHECK_NUM(fontset_width(fs, FACE_REGULAR, 10, "HH", 2), 14.82, 1e-9,
	    "width of HH at 10 pt");
	fontset_free(fs);
	CHECK(fontset_load("tests") == NULL, "a folder without fonts.conf fails");
	HARNESS_END();
}
