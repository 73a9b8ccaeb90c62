/*
 * pdf_hpdf.c: the PDF writer.  Draws the pages of the layout with
 * libharu 2.3.0 and adds what makes a PDF navigable: links, the
 * outline (bookmarks), metadata and the document language.  This is
 * the only file that includes <hpdf.h>.
 *
 * libharu is used for what it does well (placing text and paths,
 * embedding TrueType fonts as Identity-H CID fonts, compression) and
 * for nothing above that: line breaking, justification and fallback
 * are the layout's.  Text goes out as one TextOut per box, so no
 * width is ever computed by libharu.  Its error handler records the
 * first error (errors are sticky in libharu) and the writer checks
 * once at the end.  Nothing here depends on the time of day: dates
 * come from pdf_opts.date, and neither PDF/A nor encryption is used,
 * as both write an /ID made from time().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>

#include "aux.h"
#include "dl.h"
#include "doc.h"
#include "font.h"
#include "layout.h"
#include "msg.h"
#include "pdf.h"
#include "pdf_ttf.h"
#include "utf8.h"

#ifndef VERSION
#define VERSION "0.1.0"
#endif

#define MAX_ALPHAS	64	/* distinct alpha values per document */
#define MAX_IMAGES	256	/* distinct PNG files per document */

struct gsalpha {
	int		 key;		/* alpha * 1000, negative for stroke */
	HPDF_ExtGState	 gs;
};

struct pimage {
	const char	*path;
	HPDF_Image	 img;
};

struct pdfw {
	HPDF_Doc		 pdf;
	HPDF_STATUS		 err, detail;
	const struct fontset	*fs;
	const struct layout	*lay;
	HPDF_Font		 font[FACE__MAX];
	HPDF_Page		*page;
	struct gsalpha		 gs[MAX_ALPHAS];
	size_t			 ngs;
	struct pimage		 img[MAX_IMAGES];
	size_t			 nimg;
	double			 H;		/* page height */
	/* Text state inside BT/ET, to write each operator only once. */
	int			 intext;
	HPDF_Font		 tfont;
	double			 tsize;
	uint32_t		 tcolor;
	int			 tfake;
};

void
pdf_opts_defaults(struct pdf_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->page_w = 595.276;	/* A4 */
	o->page_h = 841.89;
	o->body_size = 10;
	o->justify = 1;
	o->hyphenate = -1;	/* if patterns for the language exist */
	o->cover = 1;
	o->toc = 1;
	o->number_headings = 1;
}

static void
on_error(HPDF_STATUS e, HPDF_STATUS detail, void *arg)
{
	struct pdfw	*w = arg;

	if (w->err == 0) {
		w->err = e;
		w->detail = detail;
	}
}

static double
rgb(uint32_t c, int shift)
{
	return ((c >> shift) & 0xff) / 255.0;
}

/* Is the file a TrueType collection (.ttc)?  Its first font is used. */
static int
is_collection(const char *path)
{
	char	 magic[4];
	FILE	*f;
	int	 yes;

	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	yes = fread(magic, 1, 4, f) == 4 && memcmp(magic, "ttcf", 4) == 0;
	fclose(f);
	return yes;
}

static HPDF_Font
font_get(struct pdfw *w, enum face f)
{
	const char	*path, *name;
	size_t		 i;

	if (f >= FACE__MAX)
		f = FACE_REGULAR;
	if (w->font[f] != NULL)
		return w->font[f];
	path = fontset_path(w->fs, f);
	/* A face that falls back to another file shares its font. */
	for (i = 0; i < FACE__MAX; i++)
		if (w->font[i] != NULL &&
		    strcmp(fontset_path(w->fs, (enum face)i), path) == 0)
			return w->font[f] = w->font[i];
	if ((name = is_collection(path) ? HPDF_LoadTTFontFromFile2(w->pdf,
	    path, 0, HPDF_TRUE) : HPDF_LoadTTFontFromFile(w->pdf, path,
	    HPDF_TRUE)) == NULL)
		return NULL;
	w->font[f] = HPDF_GetFont(w->pdf, name, "UTF-8");
	return w->font[f];
}

static void
cps_add(unsigned char *set, const char *s)
{
	size_t	 i = 0, len = strlen(s);
	int32_t	 cp;

	while (i < len)
		if ((cp = utf8_next(s, len, &i)) >= 0 && cp < 0x10000)
			set[cp >> 3] |= (unsigned char)(1 << (cp & 7));
}

/* The code points each face draws, text and charts alike. */
static void
collect(const struct layout *l, unsigned char *set[FACE__MAX])
{
	const struct box	*b;
	const struct dl_op	*op;
	size_t			 p, i, k;

	for (p = 0; p < l->npages; p++)
		for (i = 0; i < l->page[p].n; i++) {
			b = &l->page[p].box[i];
			if (b->type == BX_TEXT && b->face < FACE__MAX)
				cps_add(set[b->face], b->text);
			if (b->type != BX_DL)
				continue;
			for (k = 0; (op = dl_get(b->dl, k)) != NULL; k++)
				if (op->type == DL_TEXT && op->text != NULL &&
				    op->face < FACE__MAX)
					cps_add(set[op->face], op->text);
		}
}

/*
 * Load a subset of a face's font: written to a temporary file for
 * libharu, which has no call to load a font from memory, and removed
 * at once (libharu keeps the file open until HPDF_Free).  If the font
 * cannot be subset, the whole file is loaded.
 */
static HPDF_Font
font_subset(struct pdfw *w, const char *path, const unsigned char *set)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*dir, *name = NULL;
	char		*tmp;
	int		 fd;

	if (ttf_subset(path, set, &b)) {
		if ((dir = getenv("TMPDIR")) == NULL || *dir == '\0')
			dir = "/tmp";
		tmp = xasprintf("%s/briefgen-font-XXXXXX", dir);
		if ((fd = mkstemp(tmp)) >= 0) {
			if (write(fd, b.data, b.len) == (ssize_t)b.len &&
			    close(fd) == 0)
				name = HPDF_LoadTTFontFromFile(w->pdf, tmp,
				    HPDF_TRUE);
			else
				close(fd);
			unlink(tmp);
		}
		free(tmp);
	}
	buf_free(&b);
	if (name == NULL && w->err == 0)
		name = is_collection(path) ?
		    HPDF_LoadTTFontFromFile2(w->pdf, path, 0, HPDF_TRUE) :
		    HPDF_LoadTTFontFromFile(w->pdf, path, HPDF_TRUE);
	return name != NULL ? HPDF_GetFont(w->pdf, name, "UTF-8") : NULL;
}

/* Load every face the document draws, each file once, subset. */
static void
fonts_load(struct pdfw *w)
{
	unsigned char	*set[FACE__MAX];
	const char	*pi, *pj;
	size_t		 i, j, k;
	int		 used;

	for (i = 0; i < FACE__MAX; i++)
		set[i] = xcalloc(1, TTF_CPSET_BYTES);
	collect(w->lay, set);
	/* Faces that fall back to the same file share one subset. */
	for (i = 0; i < FACE__MAX; i++) {
		pi = fontset_path(w->fs, (enum face)i);
		for (j = i + 1; j < FACE__MAX; j++) {
			pj = fontset_path(w->fs, (enum face)j);
			if (strcmp(pi, pj) != 0)
				continue;
			for (k = 0; k < TTF_CPSET_BYTES; k++)
				set[i][k] |= set[j][k];
			memset(set[j], 0, TTF_CPSET_BYTES);
		}
	}
	for (i = 0; i < FACE__MAX && w->err == 0; i++) {
		for (k = 0, used = 0; k < TTF_CPSET_BYTES && !used; k++)
			used = set[i][k] != 0;
		if (used)
			w->font[i] = font_subset(w,
			    fontset_path(w->fs, (enum face)i), set[i]);
	}
	for (i = 0; i < FACE__MAX; i++)
		free(set[i]);
}

/* The graphics state for an alpha, one per value (libharu makes a new
 * object each time one is created). */
static HPDF_ExtGState
gstate(struct pdfw *w, double alpha, int stroke)
{
	int		 key = (int)(alpha * 1000 + 0.5);
	size_t		 i;
	HPDF_ExtGState	 gs;

	if (stroke)
		key = -key - 1;
	for (i = 0; i < w->ngs; i++)
		if (w->gs[i].key == key)
			return w->gs[i].gs;
	if (w->ngs == MAX_ALPHAS)
		return w->gs[0].gs;
	gs = HPDF_CreateExtGState(w->pdf);
	if (stroke)
		HPDF_ExtGState_SetAlphaStroke(gs, (HPDF_REAL)alpha);
	else
		HPDF_ExtGState_SetAlphaFill(gs, (HPDF_REAL)alpha);
	w->gs[w->ngs].key = key;
	w->gs[w->ngs++].gs = gs;
	return gs;
}

static void
text_end(struct pdfw *w, HPDF_Page pg)
{
	if (!w->intext)
		return;
	/* The rendering mode is graphics state: it outlives ET. */
	if (w->tfake)
		HPDF_Page_SetTextRenderingMode(pg, HPDF_FILL);
	w->tfake = 0;
	HPDF_Page_EndText(pg);
	w->intext = 0;
}

/* One run of text; x, y is the baseline start in PDF coordinates. */
static void
text_out(struct pdfw *w, HPDF_Page pg, enum face f, int fake, double size,
    uint32_t color, double x, double y, const char *s)
{
	HPDF_Font	 font;

	if ((font = font_get(w, f)) == NULL)
		return;
	if (!w->intext) {
		HPDF_Page_BeginText(pg);
		w->intext = 1;
		w->tfont = NULL;
		w->tcolor = 0xffffffff;
		w->tfake = 0;
	}
	if (font != w->tfont || size != w->tsize) {
		HPDF_Page_SetFontAndSize(pg, font, (HPDF_REAL)size);
		w->tfont = font;
		w->tsize = size;
	}
	if (color != w->tcolor) {
		HPDF_Page_SetRGBFill(pg, rgb(color, 16), rgb(color, 8),
		    rgb(color, 0));
		if (fake)
			HPDF_Page_SetRGBStroke(pg, rgb(color, 16),
			    rgb(color, 8), rgb(color, 0));
		w->tcolor = color;
	}
	if (fake != w->tfake) {
		/* Fake bold: fill and stroke the outlines. */
		if (fake) {
			HPDF_Page_SetRGBStroke(pg, rgb(color, 16),
			    rgb(color, 8), rgb(color, 0));
			HPDF_Page_SetLineWidth(pg, (HPDF_REAL)(size * 0.04));
		}
		HPDF_Page_SetTextRenderingMode(pg, fake ?
		    HPDF_FILL_THEN_STROKE : HPDF_FILL);
		w->tfake = fake;
	}
	HPDF_Page_TextOut(pg, (HPDF_REAL)x, (HPDF_REAL)y, s);
}

/* The paint op that ends the path starting at op i. */
static const struct dl_op *
path_paint(const struct dl *d, size_t i)
{
	const struct dl_op	*op;

	for (; (op = dl_get(d, i)) != NULL; i++)
		if (op->type == DL_FILL || op->type == DL_STROKE ||
		    op->type == DL_CLIP)
			return op;
		else if (op->type != DL_MOVE && op->type != DL_LINE &&
		    op->type != DL_CURVE && op->type != DL_CLOSE)
			return NULL;
	return NULL;
}

/* Colour, alpha, width and dash must be set before a path starts. */
static void
paint_state(struct pdfw *w, HPDF_Page pg, const struct dl_op *op, double s)
{
	HPDF_UINT16	 dash[4];
	HPDF_UINT	 n;

	if (op->type == DL_FILL) {
		HPDF_Page_SetExtGState(pg, gstate(w, op->alpha, 0));
		HPDF_Page_SetRGBFill(pg, rgb(op->color, 16),
		    rgb(op->color, 8), rgb(op->color, 0));
	} else if (op->type == DL_STROKE) {
		HPDF_Page_SetExtGState(pg, gstate(w, op->alpha, 1));
		HPDF_Page_SetRGBStroke(pg, rgb(op->color, 16),
		    rgb(op->color, 8), rgb(op->color, 0));
		HPDF_Page_SetLineWidth(pg, (HPDF_REAL)(op->width * s));
		/* libharu 2.3.0 takes whole points for dashes. */
		for (n = 0; n < 4 && op->dash[n] != 0; n++) {
			dash[n] = (HPDF_UINT16)(op->dash[n] * s + 0.5);
			if (dash[n] == 0)
				dash[n] = 1;
		}
		HPDF_Page_SetDash(pg, n ? dash : NULL, n, 0);
	}
}

/* Replay a chart's display list at x, y (top left, y down) scaled. */
static void
draw_dl(struct pdfw *w, HPDF_Page pg, const struct box *b)
{
	const struct dl		*d = b->dl;
	const struct dl_op	*op, *paint;
	double			 s = b->scale, X = b->x, Y = w->H - b->y;
	size_t			 i;
	int			 inpath = 0;

#define PX(v)	((HPDF_REAL)(X + (v) * s))
#define PY(v)	((HPDF_REAL)(Y - (v) * s))
	HPDF_Page_GSave(pg);
	for (i = 0; (op = dl_get(d, i)) != NULL; i++) {
		if (!inpath && (op->type == DL_MOVE || op->type == DL_LINE ||
		    op->type == DL_CURVE)) {
			if ((paint = path_paint(d, i)) != NULL)
				paint_state(w, pg, paint, s);
			inpath = 1;
			if (op->type != DL_MOVE)
				HPDF_Page_MoveTo(pg, PX(op->p[0]), PY(op->p[1]));
		}
		switch (op->type) {
		case DL_MOVE:
			HPDF_Page_MoveTo(pg, PX(op->p[0]), PY(op->p[1]));
			break;
		case DL_LINE:
			HPDF_Page_LineTo(pg, PX(op->p[0]), PY(op->p[1]));
			break;
		case DL_CURVE:
			HPDF_Page_CurveTo(pg, PX(op->p[0]), PY(op->p[1]),
			    PX(op->p[2]), PY(op->p[3]), PX(op->p[4]),
			    PY(op->p[5]));
			break;
		case DL_CLOSE:
			if (inpath)
				HPDF_Page_ClosePath(pg);
			break;
		case DL_FILL:
			if (inpath)
				HPDF_Page_Fill(pg);
			inpath = 0;
			break;
		case DL_STROKE:
			if (inpath)
				HPDF_Page_Stroke(pg);
			inpath = 0;
			break;
		case DL_CLIP:
			if (inpath) {
				HPDF_Page_Clip(pg);
				HPDF_Page_EndPath(pg);
			}
			inpath = 0;
			break;
		case DL_SAVE:
			HPDF_Page_GSave(pg);
			break;
		case DL_RESTORE:
			HPDF_Page_GRestore(pg);
			break;
		case DL_TEXT:
			if (op->text == NULL || *op->text == '\0')
				break;
			HPDF_Page_SetExtGState(pg, gstate(w, op->alpha, 0));
			text_out(w, pg, op->face, op->fakebold, op->size * s,
			    op->color, PX(op->p[0]), PY(op->p[1]), op->text);
			text_end(w, pg);
			break;
		default:
			break;
		}
	}
	if (inpath)
		HPDF_Page_EndPath(pg);
	HPDF_Page_GRestore(pg);
#undef PX
#undef PY
}

static HPDF_Image
image_get(struct pdfw *w, const char *path)
{
	size_t	 i;

	for (i = 0; i < w->nimg; i++)
		if (strcmp(w->img[i].path, path) == 0)
			return w->img[i].img;
	if (w->nimg == MAX_IMAGES)
		return NULL;
	w->img[w->nimg].path = path;
	w->img[w->nimg].img = HPDF_LoadPngImageFromFile(w->pdf, path);
	return w->img[w->nimg++].img;
}

/*
 * A destination at y on page p that keeps the reader's zoom:
 * [page /XYZ null top null].  libharu's SetXYZ rejects a zoom of 0,
 * so the array is written here.
 */
static HPDF_Destination
dest(struct pdfw *w, size_t p, double y)
{
	HPDF_Destination	 d;
	double			 top = w->H - y + 4;

	if (p >= w->lay->npages)
		p = 0;
	d = HPDF_Page_CreateDestination(w->page[p]);
	if (d == NULL)
		return NULL;
	HPDF_Array_Clear(d);
	HPDF_Array_Add(d, w->page[p]);
	HPDF_Array_AddName(d, "XYZ");
	HPDF_Array_Add(d, HPDF_Null_New(w->pdf->mmgr));
	HPDF_Array_AddReal(d, (HPDF_REAL)(top > w->H ? w->H : top));
	HPDF_Array_Add(d, HPDF_Null_New(w->pdf->mmgr));
	return d;
}

static void
draw_link(struct pdfw *w, HPDF_Page pg, const struct box *b)
{
	const struct anchor	*a;
	HPDF_Rect		 r;
	HPDF_Annotation		 an;
	HPDF_Destination	 d;

	r.left = (HPDF_REAL)b->x;
	r.right = (HPDF_REAL)(b->x + b->w);
	r.top = (HPDF_REAL)(w->H - b->y);
	r.bottom = (HPDF_REAL)(w->H - b->y - b->h);
	if (b->text[0] == '#') {
		if ((a = layout_anchor(w->lay, b->text + 1)) == NULL)
			return;	/* the template stage reports bad targets */
		if ((d = dest(w, a->page, a->y)) == NULL)
			return;
		an = HPDF_Page_CreateLinkAnnot(pg, r, d);
	} else
		an = HPDF_Page_CreateURILinkAnnot(pg, r, b->text);
	if (an != NULL)
		HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
}

static void
draw_box(struct pdfw *w, HPDF_Page pg, const struct box *b)
{
	HPDF_Image	 img;

	if (b->type != BX_TEXT)
		text_end(w, pg);
	switch (b->type) {
	case BX_TEXT:
		text_out(w, pg, b->face, b->fakebold, b->size, b->color, b->x,
		    w->H - b->y, b->text);
		break;
	case BX_RECT:
		HPDF_Page_SetRGBFill(pg, rgb(b->color, 16), rgb(b->color, 8),
		    rgb(b->color, 0));
		HPDF_Page_Rectangle(pg, (HPDF_REAL)b->x,
		    (HPDF_REAL)(w->H - b->y - b->h), (HPDF_REAL)b->w,
		    (HPDF_REAL)b->h);
		HPDF_Page_Fill(pg);
		break;
	case BX_LINE:
		HPDF_Page_SetRGBStroke(pg, rgb(b->color, 16),
		    rgb(b->color, 8), rgb(b->color, 0));
		HPDF_Page_SetLineWidth(pg, (HPDF_REAL)b->lw);
		HPDF_Page_MoveTo(pg, (HPDF_REAL)b->x, (HPDF_REAL)(w->H - b->y));
		HPDF_Page_LineTo(pg, (HPDF_REAL)(b->x + b->w),
		    (HPDF_REAL)(w->H - b->y - b->h));
		HPDF_Page_Stroke(pg);
		break;
	case BX_DL:
		draw_dl(w, pg, b);
		break;
	case BX_IMAGE:
		if ((img = image_get(w, b->text)) != NULL)
			HPDF_Page_DrawImage(pg, img, (HPDF_REAL)b->x,
			    (HPDF_REAL)(w->H - b->y - b->h), (HPDF_REAL)b->w,
			    (HPDF_REAL)b->h);
		break;
	case BX_LINK:
		draw_link(w, pg, b);
		break;
	default:
		break;
	}
}

/* Bookmarks, nested by heading level. */
static void
outline(struct pdfw *w)
{
	const struct layout	*l = w->lay;
	const struct anchor	*a;
	HPDF_Outline		 stack[8], o;
	int			 lv[8], n = 0, level;
	HPDF_Encoder		 enc;
	size_t			 i;

	if (l->noutline == 0)
		return;
	enc = HPDF_GetEncoder(w->pdf, "UTF-8");
	for (i = 0; i < l->noutline; i++) {
		level = l->outline[i].level;
		while (n > 0 && lv[n - 1] >= level)
			n--;
		o = HPDF_CreateOutline(w->pdf, n > 0 ? stack[n - 1] : NULL,
		    l->outline[i].title, enc);
		if (o == NULL)
			return;
		if ((a = layout_anchor(l, l->outline[i].id)) != NULL)
			HPDF_Outline_SetDestination(o, dest(w, a->page, a->y));
		HPDF_Outline_SetOpened(o, level <= 1 ? HPDF_TRUE : HPDF_FALSE);
		if (n < 8) {
			stack[n] = o;
			lv[n++] = level;
		}
	}
	HPDF_SetPageMode(w->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

static void
info(struct pdfw *w, const struct doc *d, const struct pdf_opts *o)
{
	const struct meta	*m = &d->meta;
	struct tm		 tm;
	HPDF_Date		 dt;
	time_t			 t = o->date;

	if (m->title != NULL)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_TITLE, m->title);
	if (m->author != NULL || m->organisation != NULL)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_AUTHOR, m->author != NULL ?
		    m->author : m->organisation);
	if (m->subject != NULL || m->subtitle != NULL)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_SUBJECT, m->subject != NULL ?
		    m->subject : m->subtitle);
	if (m->keywords != NULL)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_KEYWORDS, m->keywords);
	HPDF_SetInfoAttr(w->pdf, HPDF_INFO_CREATOR, "briefgen " VERSION);
	if (gmtime_r(&t, &tm) != NULL) {
		memset(&dt, 0, sizeof(dt));
		dt.year = tm.tm_year + 1900;
		dt.month = tm.tm_mon + 1;
		dt.day = tm.tm_mday;
		dt.hour = tm.tm_hour;
		dt.minutes = tm.tm_min;
		dt.seconds = tm.tm_sec;
		dt.ind = 'Z';
		HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_CREATION_DATE, dt);
		HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_MOD_DATE, dt);
	}
	/* libharu 2.3.0 has no call for the catalog's /Lang. */
	HPDF_Dict_Add(w->pdf->catalog, "Lang", HPDF_String_New(w->pdf->mmgr,
	    w->lay->st.lang, NULL));
}

/* Copy libharu's in-memory output into out. */
static int
save(struct pdfw *w, struct buf *out)
{
	HPDF_BYTE	 chunk[16384];
	HPDF_UINT32	 n;
	HPDF_STATUS	 st;

	if (HPDF_SaveToStream(w->pdf) != HPDF_OK)
		return 0;
	HPDF_ResetStream(w->pdf);
	for (;;) {
		n = sizeof(chunk);
		st = HPDF_ReadFromStream(w->pdf, chunk, &n);
		buf_put(out, chunk, n);
		if (st == HPDF_STREAM_EOF)
			break;
		if (st != HPDF_OK)
			return 0;
	}
	return 1;
}

int
pdf_write(const struct doc *d, const struct fontset *fs,
    const struct pdf_opts *o, struct buf *out)
{
	struct layout	*l;
	struct pdfw	 w;
	size_t		 p, i;
	int		 ok = 0;

	if ((l = layout_run(d, fs, o)) == NULL)
		return 0;
	memset(&w, 0, sizeof(w));
	w.fs = fs;
	w.lay = l;
	w.H = l->st.page_h;
	if ((w.pdf = HPDF_New(on_error, &w)) == NULL) {
		msg(MSG_SYSERR, d->path, 0, 0, "cannot start libharu");
		goto out;
	}
	HPDF_UseUTFEncodings(w.pdf);
	HPDF_SetCurrentEncoder(w.pdf, "UTF-8");
	HPDF_SetCompressionMode(w.pdf, HPDF_COMP_ALL);
	fonts_load(&w);
	w.page = xcalloc(l->npages, sizeof(*w.page));
	for (p = 0; p < l->npages && w.err == 0; p++) {
		w.page[p] = HPDF_AddPage(w.pdf);
		HPDF_Page_SetWidth(w.page[p], (HPDF_REAL)l->st.page_w);
		HPDF_Page_SetHeight(w.page[p], (HPDF_REAL)l->st.page_h);
	}
	for (p = 0; p < l->npages && w.err == 0; p++) {
		for (i = 0; i < l->page[p].n; i++)
			draw_box(&w, w.page[p], &l->page[p].box[i]);
		text_end(&w, w.page[p]);
	}
	if (w.err == 0)
		outline(&w);
	if (w.err == 0)
		info(&w, d, o);
	if (w.err == 0 && !save(&w, out) && w.err == 0)
		w.err = HPDF_FILE_IO_ERROR;
	if (w.err != 0) {
		msg(MSG_SYSERR, d->path, 0, 0, "libharu error 0x%04x (detail "
		    "%u) while writing the PDF", (unsigned)w.err,
		    (unsigned)w.detail);
		goto out;
	}
	ok = 1;
out:
	if (w.pdf != NULL)
		HPDF_Free(w.pdf);
	free(w.page);
	layout_free(l);
	return ok;
}

int
pdf_layout_dump(const struct doc *d, const struct fontset *fs,
    const struct pdf_opts *o, struct buf *out)
{
	struct layout	*l;

	if ((l = layout_run(d, fs, o)) == NULL)
		return 0;
	layout_dump(l, out);
	layout_free(l);
	return 1;
}
