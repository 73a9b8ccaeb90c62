/*
 * font.h: the font layer.  One set of TrueType files from fonts/
 * serves every output, so text measures the same for the layout, the
 * charts, the PDF and the SVG.
 *
 * font.c is the only file that includes FreeType.  Widths are in
 * 1/1000 em, truncated per glyph exactly as libharu computes them
 * (advance * 1000 / units_per_em), so our line breaks agree with what
 * the PDF viewer draws.  Fallback is ours: a code point the wanted
 * face lacks is drawn with the first fallback face that has it (the
 * CJK face, then the symbol face).
 *
 * Who may include this: layout, charts, devices (chart_cairo,
 * pdf_hpdf), main.  After fontset_load() a fontset is read-only and
 * may be shared between threads.
 */
#ifndef FONT_H
#define FONT_H

#include <stddef.h>
#include <stdint.h>

enum face {
	FACE_REGULAR = 0,
	FACE_BOLD,
	FACE_ITALIC,
	FACE_BOLDITALIC,
	FACE_MONO,
	FACE_CJK,	/* CJK ideographs, kana, hangul, fullwidth forms */
	FACE_SYMBOL,	/* last resort for symbols and arrows */
	FACE__MAX
};

/* A run of text in one face, as produced by fontset_runs(). */
struct frun {
	size_t		 off;	/* byte offset into the string */
	size_t		 len;	/* bytes */
	enum face	 face;	/* face that draws it */
	int		 fakebold; /* bold was asked for, face has none */
};

struct fontset;

/*
 * Load the faces from dir (fonts/fonts.conf names the file of each
 * face).  Return NULL after reporting the problem with msg().
 */
struct fontset	*fontset_load(const char *dir);
void		 fontset_free(struct fontset *);

/* The TrueType file of a face (for devices that embed it). */
const char	*fontset_path(const struct fontset *, enum face);
const char	*face_name(enum face);

/* Does face draw cp? */
int		 fontset_has(const struct fontset *, enum face, uint32_t cp);
/* The face that draws cp when want is asked for (fallback). */
enum face	 fontset_pick(const struct fontset *, enum face want,
		    uint32_t cp);
/* Advance of cp in face, in 1/1000 em (as libharu has it). */
int		 fontset_advance(const struct fontset *, enum face, uint32_t cp);

/*
 * Split a UTF-8 string into runs of one face each, starting from the
 * wanted face and falling back per code point.  Return the number of
 * runs; *runs is allocated (caller frees).
 */
size_t		 fontset_runs(const struct fontset *, enum face want,
		    const char *s, size_t len, struct frun **runs);

/* Width in points of a UTF-8 string at size pt, with fallback. */
double		 fontset_width(const struct fontset *, enum face want,
		    double size, const char *s, size_t len);

/* Vertical metrics in 1/1000 em (ascender positive, descender negative). */
int		 fontset_ascent(const struct fontset *, enum face);
int		 fontset_descent(const struct fontset *, enum face);
int		 fontset_capheight(const struct fontset *, enum face);

/*
 * The FreeType face behind a face, as an opaque pointer, for the
 * Cairo device alone (cairo_ft_font_face_create_for_ft_face).  Do not
 * change its size or load glyphs through it.
 */
void		*fontset_ftface(const struct fontset *, enum face);

/* Code points asked for that no face draws, for one warning each. */
size_t		 fontset_nmissing(const struct fontset *);

#endif /* !FONT_H */
