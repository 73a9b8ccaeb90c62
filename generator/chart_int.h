/*
 * chart_int.h: what the chart files share (kplot's extern.h).  Not a
 * public header: only generator/chart*.c and the chart unit tests
 * include it.
 *
 * The drawing of a chart goes in stages, each in its own file, each
 * taking what it needs from the rectangle left by the one before
 * (kplot's margin, label, grid, tic order):
 *
 *	chart_opt.c	options and their checks
 *	chart.c		chart_draw(): frame, legend, notes; the palette
 *	chart_data.c	table rows -> categories x series, or points
 *	chart_axis.c	nice ticks, scales, axes and grid lines
 *	chart_text.c	text runs, widths, wrapping, fitting
 *	chart_label.c	text boxes and label placement without overlaps
 *	chart_frame.c	title, subtitle, legend, notes and source note
 *	chart_<type>.c	one file per kind of chart
 *	chart_facet.c	small multiples of any of them
 *	chart_alt.c	alt text derived from the data
 */
#ifndef CHART_INT_H
#define CHART_INT_H

#include <stddef.h>
#include <stdint.h>

#include "aux.h"
#include "data.h"
#include "dl.h"
#include "fmt.h"
#include "font.h"

/*
 * The box of a line of text, in em from its baseline: the ink of
 * Latin letters with accents on lower case, descenders and CJK
 * ideographs (Noto Sans: ô reaches 0.766, g -0.24; WenQuanYi:
 * 0.81 and -0.09).  Label placement keeps these boxes apart, and the
 * tests check the same boxes.  Lines of text are CT_LEADING apart.
 */
#define CT_ASC		0.82
#define CT_DESC		0.24
#define CT_LEADING	1.2

/* Limits, named in docs/charts.md. */
#define CHART_MAXSER	12	/* series, palette colours */
#define CHART_MAXY	12	/* columns in a y list */
#define CHART_MAXCAT	400	/* categories (bars, cells, nodes) */
#define CHART_MAXPTS	5000	/* points of a scatter or line */
#define CHART_MAXPANEL	36	/* small multiples */
#define CHART_MAXSLICE	8	/* donut slices before "Other" */
#define CHART_MAXTICKS	16

/* Colours: text, secondary text, grid, axis, missing data. */
#define COL_TEXT	0x222222
#define COL_MUTED	0x5f5f5f
#define COL_FAINT	0x8a8a8a
#define COL_GRID	0xe3e3e3
#define COL_AXIS	0x6e6e6e
#define COL_MISSING	0xc4c4c4
#define COL_BG		0xffffff

/* Font sizes in points. */
#define FS_TITLE	13.0
#define FS_SUBTITLE	9.5
#define FS_TICK		8.0
#define FS_LABEL	8.0
#define FS_LEGEND	8.0
#define FS_NOTE		7.0
#define FS_MIN		6.5	/* labels never shrink below this */

enum chart_kind {
	CK_BAR = 0,	/* vertical bars (columns) */
	CK_HBAR,	/* horizontal bars */
	CK_LINE,
	CK_SCATTER,
	CK_BUBBLE,
	CK_DONUT,
	CK_HEATMAP,
	CK_SANKEY,
	CK_TIMELINE,
	CK__MAX
};

enum stackmode {
	STACK_NONE = 0,	/* grouped when there are several series */
	STACK_STACKED,
	STACK_PERCENT
};

enum sortmode {
	SORT_NONE = 0,	/* the order of the data */
	SORT_DESC,	/* largest value (or total) first */
	SORT_ASC,
	SORT_LABEL	/* by category label */
};

enum labelmode {
	LABELS_AUTO = 0, /* where they fit */
	LABELS_NONE,
	LABELS_ALL,	/* insist: drop none that can be placed */
	LABELS_COLUMN	/* point labels from a column */
};

enum legendmode {
	LEGEND_AUTO = 0,
	LEGEND_TOP,
	LEGEND_NONE
};

/* Every option a chart block knows; chart.c has their names. */
enum copt {
	O_TYPE = 0, O_DATA, O_X, O_Y, O_SERIES, O_SORT, O_LABELS, O_FORMAT,
	O_TITLE, O_SUBTITLE, O_SOURCE, O_SIZE, O_WIDTH, O_HEIGHT, O_ALT,
	O_STACK, O_LEGEND, O_HIGHLIGHT, O_XTITLE, O_YTITLE, O_YMIN, O_YMAX,
	O_XMIN, O_XMAX, O_PROJECTION, O_DASHED, O_QUADX, O_QUADY,
	O_QUADRANTS, O_BUBBLE, O_VALUE, O_FROM, O_TO, O_FACET, O_COLUMNS,
	O_SCALES, O_COLORSCALE, O_NOTE, O_UNIT, O_LIMIT,
	O__MAX
};

struct optval {
	char		*val;		/* NULL: not given */
	char		*file;
	size_t		 line, col;
};

struct chart {
	struct optval	 opt[O__MAX];
	enum chart_kind	 kind;
	enum stackmode	 stack;
	enum sortmode	 sort;
	enum labelmode	 labels;
	enum legendmode	 legend;
	double		 width, height;	/* points */
	struct numfmt	 fmt;		/* value format, if hasfmt */
	int		 hasfmt;
	double		 ymin, ymax;	/* NAN: from the data */
	double		 xmin, xmax;
	double		 projection;	/* NAN: none */
	double		 quadx, quady;	/* NAN: middle of the axis */
	int		 quadrants;	/* draw quadrant guides */
	char		*quadname[4];	/* top left, top right, bottom
					   left, bottom right */
	int		 columns;	/* facet columns; 0: automatic */
	int		 freescales;	/* facets: each its own scale */
	int		 logcolor;	/* heatmap: log colour scale */
	size_t		 limit;		/* sankey/donut: keep the largest
					   N, the rest becomes "Other" */
	int		 zh;		/* words in Chinese (chart_lang) */
};

/* The chart's own words: English, or Chinese (chart_lang()). */
#define ZH(ctx)		((ctx)->c->zh)

/* A rectangle, y down. */
struct rect {
	double	 x, y, w, h;
};

/* Columns resolved against the table; -1 where not given. */
struct cols {
	long	 x, series, labels, bubble, value, from, to, facet;
	long	 y[CHART_MAXY];
	size_t	 ny;
};

/* One value as charted: a number, or what stands in for a missing one. */
struct cval {
	double		 v;
	unsigned char	 kind;		/* enum vkind; V_NULL with absent
					   set: no row at all */
	unsigned char	 absent;
	const char	*str;		/* the cell as written */
};

/* Rows cross-tabulated: categories x series. */
struct cdata {
	size_t		  ncat, nser;
	char		**cat;		/* category labels */
	double		 *catx;		/* numeric x (years, dates, numbers) */
	int		  catnum;	/* catx is meaningful */
	int		  catdate;	/* catx holds days since 1970 */
	char		**ser;		/* series names */
	struct cval	 *v;		/* v[cat * nser + ser] */
};

#define CV(d, c, s)	((d)->v[(c) * (d)->nser + (s)])

/* A point of a scatter, bubble or timeline. */
struct cpoint {
	struct cval	 x, y, z;	/* z: bubble size */
	const char	*label;		/* or NULL */
	size_t		 ser;		/* series index (colour) */
	size_t		 row;
};

struct cpoints {
	struct cpoint	*p;
	size_t		 n;
	char		**ser;		/* series names (colour groups) */
	size_t		 nser;
	int		  xdate;	/* x holds days since 1970 */
	struct arena	 *arena;	/* the labels */
};

/* A set of boxes that must not overlap. */
struct boxes {
	struct rect	*r;
	size_t		 n, cap;
};

/* What the notes under a chart must explain. */
#define NOTE_W		0x01	/* withheld values left out */
#define NOTE_NA		0x02	/* not available */
#define NOTE_XX		0x04	/* not applicable */
#define NOTE_EMPTY	0x08	/* empty cells */
#define NOTE_BOUND	0x10	/* ">N"/"<N": drawn at the bound */
#define NOTE_OTHER	0x20	/* other words in a number column */
#define NOTE_NEG	0x40	/* negative values left out (donut, sankey) */
#define NOTE_BUBBLE	0x80	/* say what circle areas show */

/* The drawing context of one chart. */
struct cctx {
	const struct chart	*c;
	const struct table	*t;
	const struct fontset	*fs;
	struct dl		*dl;
	struct cols		 col;
	struct boxes		 text;		/* every text box drawn */
	struct boxes		 marks;		/* marks labels must avoid */
	struct rect		 frame;		/* the whole picture */
	struct numfmt		 vfmt;		/* value labels */
	unsigned		 notes;		/* NOTE_* */
	struct buf		 left;		/* items left out, "A (W), B (NA)" */
	size_t			 nleft;
	struct buf		 nolabel;	/* drawn, but no room for a label */
	size_t			 nnolabel;
	int			 framed;
	int			 panel;		/* drawing a small multiple */
	int			 quiet;		/* reading data again: no notes */
	const char		*panelname;	/* facet value, for notes */
	/* Shared by the panels of small multiples. */
	int			 hasdomain;
	double			 dom0, dom1;	/* value domain */
	double			 xdom0, xdom1;	/* x domain (line, scatter) */
	double			 zmax;		/* bubble size, heatmap colour */
	const struct cdata	*order;		/* category and series order */
	const struct cpoints	*porder;	/* series of points */
};

/* chart_opt.c */
const char	*chart_kindname(enum chart_kind);
int		 chart_resolve(const struct chart *, const struct table *,
		    struct cols *, const char *file, size_t line, size_t col);

/* chart.c */
uint32_t	 palette(size_t);
int		 chart_highlighted(const struct chart *, const char *label);
int		 chart_dashed(const struct chart *, const char *series);
void		 chart_toosmall(const struct cctx *, struct rect);

/* chart_text.c */
struct tline {
	size_t	 off, len;	/* bytes of the source string */
	double	 w;		/* width in points */
};

/* A label fitted into a width: wrapped, maybe shrunk, maybe cut. */
struct tfit {
	char		*s;		/* the text (may end in "…") */
	struct tline	*ln;
	size_t		 nln;
	double		 size;
	double		 w, h;		/* box of the block */
};

double	 ct_width(const struct cctx *, enum face, double size, const char *);
void	 ct_run(struct cctx *, double x, double y, enum face, double size,
	    uint32_t color, const char *, size_t);
struct rect ct_box(double x, double y, double w, double size);
struct rect ct_text(struct cctx *, double x, double y, int anchor,
	    enum face, double size, uint32_t color, const char *);
size_t	 ct_wrap(const struct cctx *, enum face, double size, const char *,
	    double maxw, struct tline **);
int	 ct_fit(const struct cctx *, enum face, double size, double minsize,
	    const char *, double maxw, size_t maxlines, struct tfit *);
void	 tfit_free(struct tfit *);
struct rect ct_block(struct cctx *, const struct tfit *, double x, double y,
	    int anchor, enum face, uint32_t color);
double	 ct_lineh(double size);

/* Anchors of ct_text and ct_block: horizontal part. */
#define AN_LEFT		0
#define AN_CENTER	1
#define AN_RIGHT	2

/* chart_label.c */
void	 boxes_add(struct boxes *, struct rect);
void	 boxes_free(struct boxes *);
int	 boxes_hit(const struct boxes *, struct rect, double pad);
int	 rect_hit(struct rect, struct rect, double pad);
int	 rect_inside(struct rect in, struct rect out);
void	 spread(double *y, const double *h, size_t n, double lo, double hi);

/* A label to place near a point. */
struct plabel {
	double		 x, y, r;	/* the point and its radius */
	const char	*text;
	double		 prio;		/* larger first */
	uint32_t	 color;
	int		 bold;
	int		 placed;	/* out */
};

size_t	 label_points(struct cctx *, struct plabel *, size_t,
	    struct rect bounds, double size);

/* A row of category labels under (or over) an axis. */
struct catrow {
	struct tfit	*t;
	size_t		 n;
	int		 stagger;	/* two rows, alternating */
	double		 h1, h2, h;	/* row heights, total */
};

double	 catrow_fit(const struct cctx *, char *const *, size_t n,
	    double band, size_t maxlines, double lroom, double rroom,
	    struct catrow *);
void	 catrow_draw(struct cctx *, const struct catrow *, double x0,
	    double band, double y, int up);
void	 catrow_free(struct catrow *);

/* chart_axis.c */
struct ticks {
	double		 v[CHART_MAXTICKS];
	size_t		 n;
	double		 step;
	double		 lo, hi;	/* the range they span */
	int		 date;		/* v are days since 1970 */
	int		 months;	/* date ticks: step in months */
};

int	 nice_ticks(double lo, double hi, size_t maxn, int integer,
	    struct ticks *);
void	 value_ticks(double lo, double hi, double umin, double umax,
	    size_t maxn, int integer, struct ticks *, double *d0, double *d1);
int	 date_ticks(double lo, double hi, size_t maxn, struct ticks *);
void	 tick_format(const struct cctx *, const struct ticks *, int percent,
	    struct numfmt *);
void	 tick_label(const struct ticks *, size_t, const struct numfmt *,
	    struct buf *);
double	 scale(double v, double d0, double d1, double r0, double r1);
void	 days_to_ymd(long days, int *y, int *m, int *d);
long	 ymd_to_days(int y, int m, int d);
const char *month_abbr(int m);
void	 date_label(struct buf *, long days, int what, int zh);
#define DL_DAY		0	/* "3 Jul 2023" */
#define DL_MONTHYEAR	1	/* "Jul 2023" */
#define DL_MONTH	2	/* "Jul" */
char	*axis_title(const struct cctx *, long col, const char *given,
	    int percent);
void	 grid_h(struct cctx *, const struct ticks *, struct rect plot,
	    double d0, double d1);
void	 grid_v(struct cctx *, const struct ticks *, struct rect plot,
	    double d0, double d1);
size_t	 ticks_fit(const struct cctx *, double len, double size, int vert);
double	 ticks_width(const struct cctx *, const struct ticks *,
	    const struct numfmt *);
void	 axis_left(struct cctx *, const struct ticks *, const struct numfmt *,
	    struct rect plot, double d0, double d1);
void	 axis_bottom(struct cctx *, const struct ticks *,
	    const struct numfmt *, struct rect plot, double d0, double d1);
int	 ticks_apart(const struct cctx *, const struct ticks *,
	    const struct numfmt *, double len, double d0, double d1, int left);
double	 axis_title_draw(struct cctx *, const char *, double x, double y,
	    double w, int draw);
uint32_t text_color(uint32_t);
double	 luminance(uint32_t);

/* chart_data.c */
int	 cdata_build(struct cctx *, const size_t *rows, size_t nrows,
	    long catcol, long sercol, const long *ycols, size_t ny,
	    size_t maxser, struct cdata *);
void	 cdata_free(struct cdata *);
void	 cdata_sort(struct cctx *, struct cdata *);
double	 cdata_total(const struct cdata *, size_t cat);
int	 cpoints_build(struct cctx *, const size_t *rows, size_t nrows,
	    struct cpoints *);
void	 cpoints_free(struct cpoints *);
void	 cell_label(const struct table *, size_t row, long col,
	    struct buf *);
void	 note_missing(struct cctx *, const struct cval *, const char *what);
void	 note_nolabel(struct cctx *, const char *what);
int	 cval_usable(const struct cval *);
void	 value_text(const struct cctx *, const struct cval *,
	    const struct numfmt *, struct buf *);

/* chart_frame.c */
struct legend {
	char		*name[CHART_MAXSER];	/* owned */
	uint32_t	 color[CHART_MAXSER];
	int		 line[CHART_MAXSER];	/* a line swatch, dashed if 2 */
	size_t		 n;
};

struct rect frame_title(struct cctx *, struct rect);
double	 frame_bottom(struct cctx *, int draw);
void	 legend_add(struct legend *, const char *, uint32_t, int line);
void	 legend_free(struct legend *);
struct rect legend_draw(struct cctx *, const struct legend *, struct rect);

/* One chart type: plan what the frame needs, then draw into a rect. */
struct ckind {
	/* Fill the legend, if the type needs one; return 1 if so. */
	int	(*legend)(struct cctx *, const size_t *, size_t,
		    struct legend *);
	/* Compute shared domains for small multiples (may be NULL). */
	int	(*domain)(struct cctx *, const size_t *, size_t);
	/* Draw rows into rect; return 0 after reporting an error. */
	int	(*draw)(struct cctx *, const size_t *, size_t, struct rect);
	/* Alt text for rows. */
	void	(*alt)(struct cctx *, const size_t *, size_t, struct buf *);
};

extern const struct ckind ck_bar, ck_line, ck_scatter, ck_donut,
	    ck_heatmap, ck_sankey, ck_timeline;

/* chart_facet.c */
int	 facet_draw(struct cctx *, const struct ckind *, struct rect);

/* chart_alt.c */
void	 alt_begin(struct cctx *, const char *what, struct buf *);
void	 alt_list(struct cctx *, const struct cdata *, size_t ser,
	    struct buf *);
void	 alt_row(struct cctx *, const struct cdata *, size_t cat,
	    struct buf *);

#endif /* !CHART_INT_H */
