/*
 * pdf_ttf.h: a minimal TrueType subsetter for the PDF writer.
 *
 * libharu 2.3.0 embeds a TrueType font with its cmap, hmtx, loca and
 * post tables whole and a /W array for every glyph, about 15 KB per
 * Latin face and 60 KB for the CJK face before a single glyph is
 * drawn; and it fails (HPDF_INVALID_OBJECT) when the font program it
 * rebuilds happens to be a multiple of 4096 bytes long and the font
 * has no 'prep' table, which is true of every prepared font in fonts/.
 * So the writer hands libharu a font that holds only the glyphs the
 * document draws, with a one-instruction 'prep' table.
 *
 * Who may include this: pdf_hpdf.c.  Includes only aux.h.
 */
#ifndef PDF_TTF_H
#define PDF_TTF_H

#include <stddef.h>
#include <stdint.h>

#include "aux.h"

/* A set of BMP code points, one bit each. */
#define TTF_CPSET_BYTES	(0x10000 / 8)

/*
 * Write to out a TrueType font with the glyphs of the font file at
 * path that draw the code points in cps (TTF_CPSET_BYTES bytes),
 * renumbered, with a format 4 cmap.  Return 1, or 0 if the font
 * cannot be subset (not TrueType, composite glyphs, malformed): then
 * embed it whole.
 */
int	 ttf_subset(const char *path, const unsigned char *cps,
	    struct buf *out);

#endif /* !PDF_TTF_H */
