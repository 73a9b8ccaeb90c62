/*
 * layout_int.h: what the files of the layout engine share while
 * building: the vertical list of items the paginator cuts into pages,
 * the frames (callouts, quotes, code) drawn around runs of items, and
 * paragraphs of styled text for the line breaker.
 *
 * Who may include this: layout*.c only.
 */
#ifndef LAYOUT_INT_H
#define LAYOUT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "aux.h"
#include "doc.h"
#include "font.h"
#include "layout.h"

/*
 * An item of the vertical list: a line of text, a table row, a
 * figure.  Pages break only between items; boxes are relative to the
 * item's top left corner of the page's text column.
 */
struct vitem {
	double		 h;		/* height */
	double		 before;	/* space above; dropped atop a page */
	int		 keep;		/* no page break after this item */
	int		 newpage;	/* start a new page before it */
	size_t		 b0, nb;	/* its boxes in lctx.bx */
	int		 frame;		/* innermost frame, or -1 */
	long		 repeat;	/* item shown again atop a page that
					   this item continues, or -1 */
	const char	*anchor;	/* id recorded at its top, or NULL */
	double		 before_nf;	/* space above when the float unit
					   just before it has moved away */
	int		 hlevel;	/* first line of a heading: level */
	int		 flt;		/* first item of a figure or table */
	long		 flend;		/* flt: its last item */
	int		 flfit;		/* flt: the unit may float */
	int		 flsect;	/* flt: level of its section, or 0 */
	int		 fllast;	/* last item of a unit that may float */
	double		 flafter;	/* fllast: space it asks below it */
};

enum frkind { FR_QUOTE = 0, FR_CALLOUT, FR_CODE };

/* A frame around a run of items, drawn once per page it spans. */
struct vframe {
	enum frkind	 kind;
	int		 parent;	/* enclosing frame, or -1 */
	double		 x0, x1;	/* left and right edges */
	double		 padt, padb;	/* inner space above and below */
};

/* Horizontal alignment of lines. */
enum align { AL_LEFT = 0, AL_JUSTIFY, AL_RIGHT, AL_CENTER };

/* A text style. */
struct tstyle {
	enum face	 face;
	double		 size;
	uint32_t	 color;
	double		 rise;		/* baseline shift (superscript) */
	const char	*link;		/* URL or "#id", or NULL */
	int		 glue;		/* no line break just before it */
	int		 nobreak;	/* no line break inside it */
};

struct span {
	size_t		 off, len;
	struct tstyle	 st;
};

/* A paragraph to set: UTF-8 text with a style per span of bytes. */
struct para {
	struct buf	 txt;
	struct span	*span;
	size_t		 nspan, spancap;
	struct tstyle	 cur;		/* style of text added next */
};

/* A line as set by para_break: boxes relative to its baseline. */
struct tline {
	size_t		 b0, nb;	/* boxes in the caller's array */
	double		 w;		/* width used */
	double		 asc, desc;	/* extent above and below baseline */
};

struct lctx {
	const struct doc	*doc;
	const struct fontset	*fs;
	const struct style	*st;
	struct layout		*lay;	/* being built: arena, outline */
	const struct layout	*prev;	/* previous pass (page numbers) */
	const struct hyph	*hy;
	struct vitem		*it;
	size_t			 nit, itcap;
	struct box		*bx;
	size_t			 nbx, bxcap;
	struct vframe		*fr;
	size_t			 nfr, frcap;
	int			 frame;		/* current frame or -1 */
	double			 space;		/* pending space (collapses) */
	double			 pad;		/* pending frame padding (adds) */
	int			 fresh;		/* at the top of a frame */
	int			 newpage;	/* next item starts a page */
	const char		*anchor;	/* for the next item */
	struct box		 marker;	/* list marker for the next line */
	int			 hasmarker;
	int			 depth;
	int			 ldepth;	/* list nesting */
	int			 tight;		/* in a tight list */
	size_t			 nhead;		/* headings laid out so far */
	int			 tocdepth;	/* of the contents being set */
	int			 err;		/* a problem was reported */
	enum face		 bface;		/* body face (quotes: italic) */
	uint32_t		 bcolor;
	int			 sect;		/* level of the last heading */
	int			 has_nf;	/* a float unit was just set: */
	double			 space_nf;	/* the space and padding the */
	double			 pad_nf;	/* next item gets without it */
};

/* Words the layout adds to the page, by language. */
struct labels {
	const char	*lang;
	const char	*contents, *figure, *table, *source, *sources;
	const char	*page[3];	/* "Page ", N, " of ", M, "" */
	const char	*findings, *note, *warning;
	const char	*figsep;	/* between "Figure 3" and the caption */
};

/* layout.c */
const struct labels *getlabels(const struct style *);
double		 baseline(const struct lctx *, double size, double lh);
double		 lines_into_item(struct lctx *, const struct para *, double x,
		    double w, enum align, double lh, double y0);
double		 caption_into_item(struct lctx *, const char *label, int num,
		    const char *caption, double x, double w, double y,
		    enum align);
double		 note_into_item(struct lctx *, const char *prefix,
		    const char *text, double x, double w, double y);
struct vitem	*item_new(struct lctx *, double h);
struct box	*item_box(struct lctx *, enum bxtype);
void		 vspace(struct lctx *, double);
void		 float_mark(struct lctx *, size_t first, double prespace,
		    double prepad, double after);
const char	*lstr(struct lctx *, const char *, size_t);
void		 layout_table(struct lctx *, const struct node *, double x,
		    double w);

/* layout_text.c */
void		 para_init(struct para *, const struct tstyle *);
void		 para_free(struct para *);
void		 para_add(struct para *, const char *, size_t);
void		 para_inlines(struct lctx *, struct para *, const struct node *);
/* Break into lines of width w; boxes go to *bx (grown as needed). */
size_t		 para_break(struct lctx *, const struct para *, double w,
		    enum align, struct tline **, struct box **bx, size_t *nbx,
		    size_t *bxcap);
/* Narrowest width without overflow and width on one line. */
void		 para_minmax(struct lctx *, const struct para *, double *min,
		    double *max);
/* Set a paragraph as items, one per line, at x in width w. */
void		 para_set(struct lctx *, const struct para *, double x,
		    double w, enum align, double lh, int keeplast);
double		 text_width(struct lctx *, const struct tstyle *, const char *,
		    size_t);
/* Boxes for a string on one line, baseline at (x, y); returns width. */
double		 text_boxes(struct lctx *, const struct tstyle *, const char *,
		    size_t, double x, double y);
double		 face_asc(struct lctx *, const struct tstyle *);

#endif /* !LAYOUT_INT_H */
