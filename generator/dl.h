/*
 * dl.h: a display list, the drawing of one chart recorded once and
 * replayed by every device: Cairo (SVG, PNG) in chart_cairo.c and
 * libharu (vector PDF) in pdf_hpdf.c.
 *
 * Coordinates are points, origin top left, y down.  Text ops carry
 * one face each (the chart splits strings into runs with
 * fontset_runs()) and a baseline origin, so devices never measure
 * or fall back themselves.  Arcs are recorded as Béziers because the
 * devices disagree on arcs.
 *
 * Who may include this: charts, devices, layout, tree, main.
 */
#ifndef DL_H
#define DL_H

#include <stddef.h>
#include <stdint.h>

#include "aux.h"
#include "font.h"

enum dl_optype {
	DL_MOVE = 0,	/* p[0..1] */
	DL_LINE,	/* p[0..1] */
	DL_CURVE,	/* p[0..5]: two control points and the end */
	DL_CLOSE,
	DL_FILL,	/* fill and clear the path: color, alpha */
	DL_STROKE,	/* stroke and clear the path: color, alpha, width, dash */
	DL_TEXT,	/* text at p[0..1] (baseline start): face, size, color */
	DL_CLIP,	/* clip to the current path (until DL_RESTORE) */
	DL_SAVE,
	DL_RESTORE,
	DL_GROUP,	/* start a labelled group (text: a label for SVG) */
	DL_ENDGROUP,
	DL__MAX
};

struct dl_op {
	enum dl_optype	 type;
	double		 p[6];
	uint32_t	 color;		/* 0xRRGGBB */
	float		 alpha;		/* 0..1 */
	float		 width;		/* stroke width, points */
	uint8_t		 dash[4];	/* dash pattern in points; 0 ends it */
	enum face	 face;
	int		 fakebold;
	double		 size;		/* font size, points */
	char		*text;		/* UTF-8, owned */
};

struct dl;

struct dl	*dl_new(double width, double height);
void		 dl_free(struct dl *);
double		 dl_width(const struct dl *);
double		 dl_height(const struct dl *);
size_t		 dl_len(const struct dl *);
const struct dl_op *dl_get(const struct dl *, size_t);

/* Path construction. */
void	 dl_move(struct dl *, double x, double y);
void	 dl_line(struct dl *, double x, double y);
void	 dl_curve(struct dl *, double x1, double y1, double x2, double y2,
	    double x3, double y3);
void	 dl_close(struct dl *);
void	 dl_rect(struct dl *, double x, double y, double w, double h);
/* An arc of a circle, centre (cx, cy), angles in radians from +x,
 * clockwise on the page (y down), as Bézier segments. */
void	 dl_arc(struct dl *, double cx, double cy, double r, double a0,
	    double a1);

/* Painting; each clears the current path. */
void	 dl_fill(struct dl *, uint32_t color, double alpha);
void	 dl_stroke(struct dl *, uint32_t color, double alpha, double width,
	    const uint8_t *dash);	/* dash: NULL or 0-terminated, max 4 */
void	 dl_clip(struct dl *);
void	 dl_save(struct dl *);
void	 dl_restore(struct dl *);
void	 dl_group(struct dl *, const char *label);
void	 dl_endgroup(struct dl *);

/* One run of text in one face; x, y is the start of the baseline. */
void	 dl_text(struct dl *, double x, double y, enum face, int fakebold,
	    double size, uint32_t color, const char *s, size_t len);

/* A stable text dump, one op per line, for golden tests. */
void	 dl_dump(const struct dl *, struct buf *);

#endif /* !DL_H */
