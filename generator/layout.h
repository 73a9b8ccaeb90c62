/*
 * layout.h: the layout engine, from the document tree to pages of
 * positioned boxes.  layout.c places blocks and paginates,
 * layout_text.c breaks paragraphs into lines, layout_table.c sizes
 * data tables, layout_style.c reads the style settings (front matter
 * and theme files) and layout_hyph.c hyphenates.  pdf_hpdf.c draws
 * the result; pdf_layout_dump() prints it for golden tests.
 *
 * The layout measures text with the font set (font.h), whose widths
 * are libharu's to the unit, so what is measured is what is drawn.
 * Coordinates are points with the origin at the top left of the page
 * and y growing downwards, like the display lists of charts; the PDF
 * writer converts each y.
 *
 * Who may include this: layout*.c and pdf_hpdf.c.
 */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "aux.h"
#include "doc.h"
#include "dl.h"
#include "font.h"
#include "pdf.h"

/* Limits, named in docs/pdf.md. */
#define LAYOUT_MAX_DEPTH	32	/* nested lists, quotes, callouts */
#define LAYOUT_MAX_PAGES	5000
#define LAYOUT_MAX_COLS		64	/* columns of a data table */

/* The style of a document: page, type sizes, colours, switches. */
struct style {
	double		 page_w, page_h;
	double		 mt, mb, ml, mr;	/* margins */
	double		 body;			/* body text size */
	double		 leading;		/* line height / size */
	double		 parskip;		/* space between paragraphs */
	double		 h[4];			/* heading sizes: 1, 2, 3, 4+ */
	double		 small;			/* captions, notes, header */
	double		 code;			/* code blocks and spans */
	double		 tsize;			/* data tables */
	double		 title;			/* cover title */
	int		 justify;
	int		 hyphenate;
	int		 cover;
	int		 toc;
	int		 tocdepth;
	int		 numbers;		/* show heading numbers */
	int		 header, footer;	/* running header and footer */
	int		 widows, orphans;	/* lines kept together */
	uint32_t	 text, heading, accent, link, muted, rule;
	uint32_t	 callout_bg, callout_bar, code_bg, zebra, thead_bg;
	uint32_t	 cover_bg, cover_fg;
	const char	*lang;			/* BCP 47 */
	int		 floats;		/* figures may float */
};

/* Fill st from the options, the theme and the document's settings.
 * Return 1, or 0 after reporting bad settings with msg(). */
int	 style_load(struct style *, const struct doc *,
	    const struct pdf_opts *, const struct fontset *);

enum bxtype {
	BX_TEXT = 0,	/* one run of one face: text at x, y (baseline) */
	BX_RECT,	/* x, y, w, h: filled with color, or stroked if lw */
	BX_LINE,	/* from x, y to x + w, y + h; color, lw */
	BX_DL,		/* a chart: dl at x, y scaled by scale */
	BX_IMAGE,	/* a PNG file (text: path) at x, y, w, h */
	BX_LINK,	/* a link area x, y, w, h: text is a URL or "#id" */
	BX__MAX
};

struct box {
	enum bxtype	 type;
	double		 x, y, w, h;
	enum face	 face;
	int		 fakebold;
	double		 size;		/* font size */
	double		 lw;		/* line width; 0 fills a rect */
	double		 scale;		/* BX_DL */
	uint32_t	 color;
	const char	*text;		/* in the layout's arena */
	size_t		 len;		/* bytes of text */
	const char	*link;		/* BX_TEXT while setting: its link */
	const struct dl	*dl;
};

struct lpage {
	struct box	*box;
	size_t		 n, cap;
};

/* A place that links and the outline point at. */
struct anchor {
	const char	*id;
	size_t		 page;		/* 0-based */
	double		 y;
};

/* One entry of the outline (bookmarks), in document order. */
struct outline {
	int		 level;		/* 1 is top */
	const char	*title;
	const char	*id;		/* the anchor it opens */
};

struct layout {
	struct style	 st;
	struct lpage	*page;
	size_t		 npages;
	struct anchor	*anchor;
	size_t		 nanchors, anchorcap;
	struct outline	*outline;
	size_t		 noutline, outlinecap;
	struct arena	*arena;
};

/*
 * Lay out a document.  Return the pages, or NULL after reporting the
 * problem with msg().
 */
struct layout	*layout_run(const struct doc *, const struct fontset *,
		    const struct pdf_opts *);
void		 layout_free(struct layout *);
void		 layout_dump(const struct layout *, struct buf *);
/* The anchor with id, or NULL. */
const struct anchor *layout_anchor(const struct layout *, const char *id);

/*
 * Hyphenation points of a word, Liang's algorithm (layout_hyph.c).
 * hyph_get() reads a language's patterns once per process and shares
 * them between threads (NULL if the language has none; not to be
 * freed); hyph_load() reads them afresh for the caller to free.
 */
struct hyph;
const struct hyph *hyph_get(const char *lang);
struct hyph	*hyph_load(const char *lang);	/* NULL if no patterns */
void		 hyph_free(struct hyph *);
/* Set ok[i] = 1 where the word may be hyphenated before byte i. */
void		 hyph_word(const struct hyph *, const char *w, size_t len,
		    char *ok);

#endif /* !LAYOUT_H */
