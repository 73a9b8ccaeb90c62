/*
 * layout.c: the layout engine.  Walks the document tree and turns
 * each block into items of a vertical list (a line of a paragraph, a
 * table row, a whole figure), each with the space above it and
 * whether a page may break after it.  The paginator then fills pages
 * with items, draws the frames of callouts, quotes and code around
 * the items they hold on each page, repeats table headers, and adds
 * the running header and footer.  The table of contents needs the
 * page numbers of what follows it, so the whole layout runs again
 * with the numbers of the first run until they no longer change.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "doc.h"
#include "dl.h"
#include "font.h"
#include "layout.h"
#include "layout_int.h"
#include "msg.h"
#include "pdf.h"
#include "utf8.h"

#define MAX_PASSES	4

static const struct labels labels[] = {
	{ "en", "Contents", "Figure", "Table", "Source: ", "Sources",
	  { "Page ", " of ", "" }, "Key findings", "Note", "Warning", ". " },
	{ "zh", "目录", "图", "表", "来源：", "资料来源",
	  { "第 ", " 页，共 ", " 页" }, "主要发现", "注", "警告", "  " },
	{ NULL, NULL, NULL, NULL, NULL, NULL, { NULL, NULL, NULL }, NULL,
	  NULL, NULL, NULL }
};

const struct labels *
getlabels(const struct style *st)
{
	size_t	 i;

	for (i = 1; labels[i].lang != NULL; i++)
		if (strncmp(st->lang, labels[i].lang, 2) == 0)
			return &labels[i];
	return &labels[0];
}

static void	 blocks(struct lctx *, const struct node *, double, double);
static double	 body_height(const struct lctx *);

const char *
lstr(struct lctx *ctx, const char *s, size_t len)
{
	return arena_strndup(ctx->lay->arena, s, len);
}

/* A new item of height h, taking the pending space and marker. */
struct vitem *
item_new(struct lctx *ctx, double h)
{
	struct vitem	*it;
	struct tstyle	 st;
	const char	*m;

	xgrow(&ctx->it, &ctx->itcap, ctx->nit + 1, sizeof(*ctx->it));
	it = &ctx->it[ctx->nit++];
	memset(it, 0, sizeof(*it));
	it->h = h;
	it->before = ctx->space + ctx->pad;
	it->before_nf = ctx->has_nf ? ctx->space_nf + ctx->pad_nf :
	    it->before;
	it->newpage = ctx->newpage;
	it->frame = ctx->frame;
	it->repeat = -1;
	it->flend = -1;
	it->anchor = ctx->anchor;
	it->b0 = ctx->nbx;
	ctx->space = ctx->pad = 0;
	ctx->has_nf = 0;
	ctx->space_nf = ctx->pad_nf = 0;
	ctx->fresh = ctx->newpage = 0;
	ctx->anchor = NULL;
	if (ctx->hasmarker) {
		ctx->hasmarker = 0;
		memset(&st, 0, sizeof(st));
		st.face = ctx->marker.face;
		st.size = ctx->marker.size;
		st.color = ctx->marker.color;
		m = ctx->marker.text;
		text_boxes(ctx, &st, m, strlen(m), ctx->marker.x,
		    ctx->marker.y);
	}
	return it;
}

/* A new box in the last item. */
struct box *
item_box(struct lctx *ctx, enum bxtype t)
{
	struct box	*b;

	xgrow(&ctx->bx, &ctx->bxcap, ctx->nbx + 1, sizeof(*ctx->bx));
	b = &ctx->bx[ctx->nbx++];
	memset(b, 0, sizeof(*b));
	b->type = t;
	ctx->it[ctx->nit - 1].nb++;
	return b;
}

/* Ask for at least s points of space before the next item. */
void
vspace(struct lctx *ctx, double s)
{
	if (ctx->fresh)
		return;
	if (s > ctx->space)
		ctx->space = s;
	if (ctx->has_nf && s > ctx->space_nf)
		ctx->space_nf = s;
}

/*
 * The items from first to the last one built are a figure or a table,
 * which the paginator may move to the top of the next page when it
 * does not fit (a float): mark them, with the space that was pending before them (prespace,
 * prepad) and the space they ask below, so that the text that moves up
 * in their place is spaced as if they were not there.  Only units at
 * the top level float (not in lists, quotes or callouts), and only
 * those that fit on one page.
 */
void
float_mark(struct lctx *ctx, size_t first, double prespace, double prepad,
    double after)
{
	struct vitem	*a, *z;
	double		 h = 0;
	size_t		 i;

	if (first >= ctx->nit)
		return;
	a = &ctx->it[first];
	z = &ctx->it[ctx->nit - 1];
	a->flt = 1;
	a->flend = (long)ctx->nit - 1;
	a->flsect = ctx->sect;
	for (i = first; i < ctx->nit; i++)
		h += (i > first ? ctx->it[i].before : 0) + ctx->it[i].h;
	if (!ctx->st->floats || ctx->frame >= 0 || ctx->ldepth > 0 ||
	    h > body_height(ctx))
		return;
	a->flfit = 1;
	z->fllast = 1;
	z->flafter = after;
	ctx->has_nf = 1;
	ctx->space_nf = prespace;
	ctx->pad_nf = prepad;
}

static void
frame_open(struct lctx *ctx, enum frkind k, double x0, double x1,
    double padt, double padb)
{
	struct vframe	*f;

	xgrow(&ctx->fr, &ctx->frcap, ctx->nfr + 1, sizeof(*ctx->fr));
	f = &ctx->fr[ctx->nfr];
	f->kind = k;
	f->parent = ctx->frame;
	f->x0 = x0;
	f->x1 = x1;
	f->padt = padt;
	f->padb = padb;
	ctx->frame = (int)ctx->nfr++;
	/* Space asked for before the frame stays; inside, none until
	 * the first item. */
	ctx->pad += ctx->space + padt;
	ctx->space = 0;
	ctx->pad_nf += ctx->space_nf + padt;
	ctx->space_nf = 0;
	ctx->fresh = 1;
}

static void
frame_close(struct lctx *ctx)
{
	const struct vframe *f = &ctx->fr[ctx->frame];

	ctx->pad += f->padb;
	ctx->space = 0;
	ctx->pad_nf += f->padb;
	ctx->space_nf = 0;
	ctx->fresh = 0;
	ctx->frame = f->parent;
}

static struct tstyle
body_style(const struct lctx *ctx)
{
	struct tstyle	 st;

	memset(&st, 0, sizeof(st));
	st.face = ctx->bface;
	st.size = ctx->st->body;
	st.color = ctx->bcolor;
	return st;
}

static double
body_lh(const struct lctx *ctx)
{
	return ctx->st->body * ctx->st->leading;
}

/* The baseline of a line of height lh in size size, from its top. */
double
baseline(const struct lctx *ctx, double size, double lh)
{
	double	 asc, desc;

	asc = fontset_ascent(ctx->fs, FACE_REGULAR) * size / 1000.0;
	desc = -fontset_descent(ctx->fs, FACE_REGULAR) * size / 1000.0;
	return (lh - asc - desc) / 2 + asc;
}

/*
 * Add the lines of p to the current item from y0 down, each lh high.
 * Return the height used.
 */
double
lines_into_item(struct lctx *ctx, const struct para *p, double x, double w,
    enum align al, double lh, double y0)
{
	struct tline	*tl = NULL;
	struct box	*bx = NULL, *b;
	size_t		 nbx = 0, cap = 0, nl, i, k;
	double		 base;

	nl = para_break(ctx, p, w, al, &tl, &bx, &nbx, &cap);
	base = baseline(ctx, p->cur.size, lh);
	for (i = 0; i < nl; i++)
		for (k = tl[i].b0; k < tl[i].b0 + tl[i].nb; k++) {
			b = item_box(ctx, bx[k].type);
			*b = bx[k];
			b->x += x;
			b->y += y0 + base + lh * (double)i;
		}
	free(tl);
	free(bx);
	return lh * (double)nl;
}

static void
set_marker(struct lctx *ctx, const char *text, const struct tstyle *st,
    double x, double lh)
{
	ctx->marker.text = lstr(ctx, text, strlen(text));
	ctx->marker.face = st->face;
	ctx->marker.size = st->size;
	ctx->marker.color = st->color;
	ctx->marker.x = x;
	ctx->marker.y = baseline(ctx, st->size, lh);
	ctx->hasmarker = 1;
}

/* Is the paragraph one image and nothing else? */
static const struct node *
only_image(const struct node *n)
{
	const struct node	*c, *img = NULL;

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type == N_IMAGE && img == NULL)
			img = c;
		else if (c->type == N_SOFTBREAK || c->type == N_LINEBREAK ||
		    (c->type == N_TEXT && c->text != NULL &&
		    strspn(c->text, " \t") == strlen(c->text)))
			continue;
		else
			return NULL;
	}
	return img;
}

/* Width and height in pixels of a PNG file; 0 if it is not one. */
static int
png_size(const char *path, unsigned *w, unsigned *h)
{
	static const unsigned char sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
	};
	unsigned char	 hd[24];
	FILE		*f;
	int		 ok;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	ok = fread(hd, 1, sizeof(hd), f) == sizeof(hd) &&
	    memcmp(hd, sig, 8) == 0 && memcmp(hd + 12, "IHDR", 4) == 0;
	fclose(f);
	if (!ok)
		return 0;
	*w = (unsigned)hd[16] << 24 | (unsigned)hd[17] << 16 |
	    (unsigned)hd[18] << 8 | hd[19];
	*h = (unsigned)hd[20] << 24 | (unsigned)hd[21] << 16 |
	    (unsigned)hd[22] << 8 | hd[23];
	return *w > 0 && *h > 0 && *w < 100000 && *h < 100000;
}

static double
body_height(const struct lctx *ctx)
{
	return ctx->st->page_h - ctx->st->mt - ctx->st->mb;
}

/* A PNG image on its own, at 96 dpi or narrower to fit. */
static void
do_image(struct lctx *ctx, const struct node *n, double x, double w)
{
	struct vitem	*it;
	struct box	*b;
	char		*dir, *path;
	unsigned	 pw, ph;
	double		 iw, ih, s;
	int		 r;

	if (n->url == NULL || strstr(n->url, "://") != NULL) {
		msg(MSG_WARNING, ctx->doc->path, n->line, n->col,
		    "image '%s' is not a local PNG file; its description is "
		    "shown instead", n->url ? n->url : "");
		return;
	}
	dir = path_dir(ctx->doc->path != NULL ? ctx->doc->path : ".");
	path = path_join(dir, n->url);
	free(dir);
	if ((r = png_size(path, &pw, &ph)) <= 0) {
		msg(MSG_ERROR, ctx->doc->path, n->line, n->col, "image %s: %s",
		    n->url, r < 0 ? strerror(errno) : "not a PNG file");
		ctx->err = 1;
		free(path);
		return;
	}
	iw = pw * 0.75;
	ih = ph * 0.75;
	s = iw > w ? w / iw : 1;
	if (ih * s > body_height(ctx) * 0.8)
		s = body_height(ctx) * 0.8 / ih;
	vspace(ctx, ctx->st->parskip);
	it = item_new(ctx, ih * s);
	b = item_box(ctx, BX_IMAGE);
	b->x = x + (w - iw * s) / 2;
	b->w = iw * s;
	b->h = ih * s;
	b->text = lstr(ctx, path, strlen(path));
	b->len = strlen(path);
	(void)it;
	free(path);
	vspace(ctx, ctx->st->parskip);
}

static void
do_para(struct lctx *ctx, const struct node *n, double x, double w)
{
	struct para		 p;
	struct tstyle		 st = body_style(ctx);
	const struct node	*img;

	if ((img = only_image(n)) != NULL) {
		do_image(ctx, img, x, w);
		if (ctx->err || img->url == NULL ||
		    strstr(img->url, "://") == NULL)
			return;
	}
	vspace(ctx, ctx->tight ? ctx->st->body * 0.3 : ctx->st->parskip);
	para_init(&p, &st);
	para_inlines(ctx, &p, n);
	ctx->marker.y = baseline(ctx, st.size, body_lh(ctx));
	para_set(ctx, &p, x, w, ctx->st->justify ? AL_JUSTIFY : AL_LEFT,
	    body_lh(ctx), 0);
	para_free(&p);
}

/* An anchor for the outline when the heading has no id. */
static const char *
heading_id(struct lctx *ctx, const struct node *n)
{
	char	 s[32];

	if (n->id != NULL && *n->id != '\0')
		return lstr(ctx, n->id, strlen(n->id));
	snprintf(s, sizeof(s), "\x01h%zu", ctx->nhead);
	return lstr(ctx, s, strlen(s));
}

static void
outline_add(struct lctx *ctx, int level, const char *title, const char *id)
{
	struct layout	*l = ctx->lay;
	struct outline	*o;

	xgrow(&l->outline, &l->outlinecap, l->noutline + 1, sizeof(*o));
	o = &l->outline[l->noutline++];
	o->level = level;
	o->title = lstr(ctx, title, strlen(title));
	o->id = id;
}

/* A heading's text with its number: "2.1 Supply". */
static char *
heading_text(const struct lctx *ctx, const struct node *n)
{
	char	*t, *s;

	t = node_plaintext(n);
	if (n->number == NULL || !ctx->st->numbers)
		return t;
	s = xasprintf("%s %s", n->number, t);
	free(t);
	return s;
}

static void
heading_lines(struct lctx *ctx, const struct node *n, double x, double w,
    double size, uint32_t color, const char *id)
{
	struct para	 p;
	struct tstyle	 st;
	double		 nw = 0;

	memset(&st, 0, sizeof(st));
	st.face = FACE_BOLD;
	st.size = size;
	st.color = color;
	/* The number hangs: a wrapped title lines up after it. */
	if (n != NULL && n->number != NULL && ctx->st->numbers) {
		nw = text_width(ctx, &st, n->number, strlen(n->number)) +
		    size * 0.55;
		set_marker(ctx, n->number, &st, x, size * 1.4);
	}
	para_init(&p, &st);
	if (n != NULL)
		para_inlines(ctx, &p, n);
	ctx->anchor = id;
	ctx->marker.y = baseline(ctx, size, size * 1.4);
	para_set(ctx, &p, x + nw, w - nw, AL_LEFT, size * 1.4, 1);
	para_free(&p);
}

static void
do_heading(struct lctx *ctx, const struct node *n, double x, double w)
{
	int		 lv = n->level < 1 ? 1 : n->level > 4 ? 4 : n->level;
	double		 size = ctx->st->h[lv - 1];
	const char	*id = heading_id(ctx, n);
	char		*t;
	size_t		 first = ctx->nit;

	ctx->nhead++;
	vspace(ctx, size * (lv == 1 ? 1.6 : 1.2));
	t = heading_text(ctx, n);
	outline_add(ctx, n->level, t, id);
	free(t);
	heading_lines(ctx, n, x, w, size, ctx->st->heading, id);
	if (first < ctx->nit)
		ctx->it[first].hlevel = n->level > 0 ? n->level : 1;
	ctx->sect = n->level > 0 ? n->level : 1;
	ctx->space = size * 0.5;
}

/* A plain heading the layout adds itself ("Contents", "Sources"). */
static void
own_heading(struct lctx *ctx, const char *title, const char *id, double x,
    double w)
{
	struct node	 fake;
	struct node	 txt;
	size_t		 first = ctx->nit;

	memset(&fake, 0, sizeof(fake));
	memset(&txt, 0, sizeof(txt));
	fake.type = N_HEADING;
	fake.level = 1;
	txt.type = N_TEXT;
	txt.text = (char *)title;
	fake.first = fake.last = &txt;
	vspace(ctx, ctx->st->h[0] * 1.6);
	outline_add(ctx, 1, title, id);
	heading_lines(ctx, &fake, x, w, ctx->st->h[0], ctx->st->heading, id);
	if (first < ctx->nit)
		ctx->it[first].hlevel = 1;
	ctx->sect = 1;
	ctx->space = ctx->st->h[0] * 0.5;
}

static const char *const bullets[] = { "\xe2\x80\xa2", "\xe2\x80\x93",
	"\xe2\x97\xa6" };

static void
do_list(struct lctx *ctx, const struct node *n, double x, double w)
{
	const struct node	*c;
	struct tstyle		 st = body_style(ctx);
	char			 s[32];
	double			 ind, mw, lh = body_lh(ctx);
	int			 num, tight = ctx->tight;
	size_t			 nitems = 0;

	for (c = n->first; c != NULL; c = c->next)
		nitems++;
	snprintf(s, sizeof(s), "%d.", n->start + (int)nitems);
	ind = n->ordered ? text_width(ctx, &st, s, strlen(s)) +
	    ctx->st->body * 0.6 : ctx->st->body * 1.4;
	if (ind < ctx->st->body * 1.4)
		ind = ctx->st->body * 1.4;
	/* A list that opens an item: the outer marker gets a line. */
	if (ctx->hasmarker)
		item_new(ctx, lh);
	vspace(ctx, ctx->st->parskip);
	ctx->tight = n->tight;
	num = n->start;
	for (c = n->first; c != NULL; c = c->next, num++) {
		if (n->ordered)
			snprintf(s, sizeof(s), "%d.", num);
		else
			snprintf(s, sizeof(s), "%s", bullets[ctx->ldepth % 3]);
		mw = text_width(ctx, &st, s, strlen(s));
		set_marker(ctx, s, &st, n->ordered ? x + ind - mw -
		    ctx->st->body * 0.5 : x + ind * 0.35, lh);
		if (c != n->first)
			vspace(ctx, n->tight ? ctx->st->body * 0.3 :
			    ctx->st->parskip);
		ctx->ldepth++;
		blocks(ctx, c, x + ind, w - ind);
		ctx->ldepth--;
		if (ctx->hasmarker)	/* an empty item */
			item_new(ctx, lh);
	}
	ctx->tight = tight;
	vspace(ctx, ctx->st->parskip);
}

static void
do_quote(struct lctx *ctx, const struct node *n, double x, double w)
{
	enum face	 f = ctx->bface;
	uint32_t	 c = ctx->bcolor;
	double		 in = ctx->st->body * 1.4;

	vspace(ctx, ctx->st->parskip);
	frame_open(ctx, FR_QUOTE, x, x + w, 2, 2);
	ctx->bface = FACE_ITALIC;
	ctx->bcolor = ctx->st->muted;
	blocks(ctx, n, x + in, w - in);
	ctx->bface = f;
	ctx->bcolor = c;
	frame_close(ctx);
	vspace(ctx, ctx->st->parskip);
}

static void
do_callout(struct lctx *ctx, const struct node *n, double x, double w)
{
	const struct labels	*lb = getlabels(ctx->st);
	const char		*title = n->title;
	struct node		 fake, txt;
	double			 pad = ctx->st->body, bar = 3;

	if (title == NULL && n->info != NULL)
		title = strcmp(n->info, "key-findings") == 0 ? lb->findings :
		    strcmp(n->info, "warning") == 0 ? lb->warning :
		    strcmp(n->info, "note") == 0 ? lb->note : NULL;
	vspace(ctx, ctx->st->parskip * 1.5);
	frame_open(ctx, FR_CALLOUT, x, x + w, pad, pad);
	if (title != NULL) {
		memset(&fake, 0, sizeof(fake));
		memset(&txt, 0, sizeof(txt));
		txt.type = N_TEXT;
		txt.text = (char *)title;
		fake.first = fake.last = &txt;
		heading_lines(ctx, &fake, x + pad + bar, w - 2 * pad - bar,
		    ctx->st->h[3] * 1.05, ctx->st->accent, NULL);
		ctx->space = ctx->st->body * 0.2;
	}
	blocks(ctx, n, x + pad + bar, w - 2 * pad - bar);
	frame_close(ctx);
	vspace(ctx, ctx->st->parskip * 1.5);
}

/* Tabs to spaces, trailing newline dropped. */
static char *
code_text(const char *s)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 col = 0;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\t') {
			do
				buf_putc(&b, ' ');
			while (++col % 4 != 0);
			continue;
		}
		buf_putc(&b, *s);
		col = *s == '\n' ? 0 : col + 1;
	}
	while (b.len > 0 && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	return buf_steal(&b);
}

static void
do_code(struct lctx *ctx, const struct node *n, double x, double w)
{
	struct para	 p;
	struct tstyle	 st;
	char		*t;
	double		 pad = ctx->st->body * 0.7;

	memset(&st, 0, sizeof(st));
	st.face = FACE_MONO;
	st.size = ctx->st->code;
	st.color = ctx->st->text;
	t = code_text(n->text);
	vspace(ctx, ctx->st->parskip);
	frame_open(ctx, FR_CODE, x, x + w, pad, pad);
	para_init(&p, &st);
	para_add(&p, t, strlen(t));
	if (p.txt.len == 0)
		para_add(&p, " ", 1);
	ctx->marker.y = baseline(ctx, st.size, st.size * 1.4);
	para_set(ctx, &p, x + pad, w - 2 * pad, AL_LEFT, st.size * 1.4, 0);
	para_free(&p);
	free(t);
	frame_close(ctx);
	vspace(ctx, ctx->st->parskip);
}

static void
do_rule(struct lctx *ctx, double x, double w)
{
	struct box	*b;
	double		 h = ctx->st->parskip * 2;

	vspace(ctx, ctx->st->parskip);
	item_new(ctx, h);
	b = item_box(ctx, BX_LINE);
	b->x = x;
	b->y = h / 2;
	b->w = w;
	b->lw = 0.6;
	b->color = ctx->st->rule;
	vspace(ctx, ctx->st->parskip);
}

/* A caption "Figure 3. Title" (bold label) into the current item. */
double
caption_into_item(struct lctx *ctx, const char *label, int num,
    const char *caption, double x, double w, double y, enum align al)
{
	const struct labels	*lb = getlabels(ctx->st);
	struct para		 p;
	struct tstyle		 st;
	char			 s[64];
	double			 h;

	memset(&st, 0, sizeof(st));
	st.face = FACE_BOLD;
	st.size = ctx->st->body * 0.9;
	st.color = ctx->st->text;
	para_init(&p, &st);
	if (num > 0) {
		snprintf(s, sizeof(s), "%s %d%s", label, num,
		    caption != NULL ? lb->figsep : "");
		para_add(&p, s, strlen(s));
	}
	p.cur.face = FACE_REGULAR;
	if (caption != NULL)
		para_add(&p, caption, strlen(caption));
	h = lines_into_item(ctx, &p, x, w, al, st.size * 1.4, y);
	para_free(&p);
	return h;
}

/* A small muted note ("Source: ...") into the current item. */
double
note_into_item(struct lctx *ctx, const char *prefix, const char *text,
    double x, double w, double y)
{
	struct para	 p;
	struct tstyle	 st;
	double		 h;

	memset(&st, 0, sizeof(st));
	st.face = FACE_REGULAR;
	st.size = ctx->st->small;
	st.color = ctx->st->muted;
	para_init(&p, &st);
	if (prefix != NULL)
		para_add(&p, prefix, strlen(prefix));
	para_add(&p, text, strlen(text));
	h = lines_into_item(ctx, &p, x, w, AL_LEFT, st.size * 1.4, y);
	para_free(&p);
	return h;
}

/* A chart: drawing, caption and source note, never split. */
static void
do_figure(struct lctx *ctx, const struct node *n, double x, double w)
{
	const struct labels	*lb = getlabels(ctx->st);
	const struct figure	*fig = n->fig;
	struct vitem		*it;
	struct box		*b;
	double			 dw, dh, s, y, pre = ctx->space, prepad = ctx->pad;

	if (fig == NULL || fig->dl == NULL)
		return;
	dw = dl_width(fig->dl);
	dh = dl_height(fig->dl);
	if (dw <= 0 || dh <= 0)
		return;
	s = dw > w ? w / dw : 1;
	if (dh * s > body_height(ctx) * 0.7)
		s = body_height(ctx) * 0.7 / dh;
	vspace(ctx, ctx->st->parskip * 1.8);
	ctx->anchor = n->id != NULL ? lstr(ctx, n->id, strlen(n->id)) : NULL;
	item_new(ctx, 0);
	b = item_box(ctx, BX_DL);
	b->x = x + (w - dw * s) / 2;
	b->w = dw * s;
	b->h = dh * s;
	b->scale = s;
	b->dl = fig->dl;
	y = dh * s + ctx->st->body * 0.5;
	y += caption_into_item(ctx, lb->figure, n->num, fig->caption, x, w, y,
	    AL_LEFT);
	if (fig->source != NULL)
		y += ctx->st->body * 0.2 + note_into_item(ctx, lb->source,
		    fig->source, x, w, y + ctx->st->body * 0.2);
	it = &ctx->it[ctx->nit - 1];
	it->h = y;
	vspace(ctx, ctx->st->parskip * 1.8);
	float_mark(ctx, ctx->nit - 1, pre, prepad, ctx->st->parskip * 1.8);
}

/* The first node of type t in n's subtree, or NULL. */
static const struct node *
find_type(const struct node *n, enum ntype t)
{
	const struct node	*c, *f;

	if (n->type == t)
		return n;
	for (c = n->first; c != NULL; c = c->next)
		if ((f = find_type(c, t)) != NULL)
			return f;
	return NULL;
}

static int
has_type(const struct node *n, enum ntype t)
{
	return find_type(n, t) != NULL;
}

/* Page number of an anchor in the previous pass, or 0. */
static int
prev_page(const struct lctx *ctx, const char *id)
{
	const struct anchor	*a;

	if (ctx->prev == NULL || id == NULL ||
	    (a = layout_anchor(ctx->prev, id)) == NULL)
		return 0;
	return (int)a->page + 1;
}

/* One entry of the table of contents, a link to its heading. */
static void
toc_entry(struct lctx *ctx, const struct node *h, const char *href, double x,
    double w)
{
	struct para	 p;
	struct tstyle	 st = body_style(ctx);
	struct box	*b;
	struct vitem	*it;
	char		 num[32];
	double		 ind, nw, lh = body_lh(ctx), hgt, numw;

	st.face = h->level == 1 ? FACE_BOLD : FACE_REGULAR;
	st.color = ctx->st->text;
	ind = (h->level - 1) * ctx->st->body * 1.5;
	nw = ctx->st->body * 2.6;	/* room for "2.10" */
	numw = ctx->st->body * 3;	/* room for the page number */
	vspace(ctx, h->level == 1 ? ctx->st->body * 0.5 : 0);
	item_new(ctx, 0);
	if (h->number != NULL && ctx->st->numbers)
		text_boxes(ctx, &st, h->number, strlen(h->number), x + ind,
		    baseline(ctx, st.size, lh));
	else
		nw = 0;
	para_init(&p, &st);
	para_inlines(ctx, &p, h);
	hgt = lines_into_item(ctx, &p, x + ind + nw, w - ind - nw - numw,
	    AL_LEFT, lh, 0);
	para_free(&p);
	snprintf(num, sizeof(num), "%d", prev_page(ctx, href + 1));
	text_boxes(ctx, &st, num, strlen(num), x + w - text_width(ctx, &st,
	    num, strlen(num)), hgt - lh + baseline(ctx, st.size, lh));
	b = item_box(ctx, BX_LINK);
	b->x = x + ind;
	b->w = w - ind;
	b->h = hgt;
	b->text = href;
	b->len = strlen(href);
	it = &ctx->it[ctx->nit - 1];
	it->h = hgt;
}

/* Every heading of the document, in order, with its anchor id. */
static void
toc_walk(struct lctx *ctx, const struct node *n, double x, double w,
    size_t *count)
{
	const struct node	*c;
	char			 s[32], *id;

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type == N_HEADING) {
			if (c->level <= ctx->tocdepth) {
				if (c->id != NULL && *c->id != '\0')
					id = xasprintf("#%s", c->id);
				else {
					snprintf(s, sizeof(s), "#\x01h%zu",
					    *count);
					id = xstrdup(s);
				}
				toc_entry(ctx, c, lstr(ctx, id, strlen(id)),
				    x, w);
				free(id);
			}
			(*count)++;
		} else if (c->first != NULL && c->type != N_PARAGRAPH)
			toc_walk(ctx, c, x, w, count);
	}
}

/* The contents, where n (a marker, or NULL) says, with its title. */
static void
do_toc(struct lctx *ctx, const struct node *n, double x, double w)
{
	const struct labels	*lb = getlabels(ctx->st);
	const struct node	*src;
	struct node		 fake, txt;
	size_t			 count;

	ctx->tocdepth = n != NULL && n->level > 0 ? n->level :
	    ctx->st->tocdepth;
	own_heading(ctx, n != NULL && n->title != NULL && *n->title != '\0' ?
	    n->title : lb->contents, lstr(ctx, "\x01toc", 4), x, w);
	/* Headings before the contents count too (outline numbering). */
	count = 0;
	toc_walk(ctx, ctx->doc->root, x, w, &count);
	/* The sources, under the title of their marker or the default. */
	if (ctx->doc->nsources > 0) {
		memset(&fake, 0, sizeof(fake));
		memset(&txt, 0, sizeof(txt));
		fake.type = N_HEADING;
		fake.level = 1;
		txt.type = N_TEXT;
		src = find_type(ctx->doc->root, N_SOURCES);
		txt.text = (char *)(src != NULL && src->title != NULL &&
		    *src->title != '\0' ? src->title : lb->sources);
		fake.first = fake.last = &txt;
		toc_entry(ctx, &fake, lstr(ctx, "#\x01sources", 9), x, w);
	}
	vspace(ctx, ctx->st->parskip * 2);
}

static void
do_sources(struct lctx *ctx, double x, double w)
{
	const struct source	*src;
	struct para		 p;
	struct tstyle		 st = body_style(ctx);
	struct tstyle		 lk;
	char			 s[32], *id;
	double			 ind, lh;
	size_t			 i;

	st.size = ctx->st->body * 0.9;
	st.face = FACE_REGULAR;
	st.color = ctx->st->text;
	lh = st.size * ctx->st->leading;
	snprintf(s, sizeof(s), "[%zu]", ctx->doc->nsources);
	ind = text_width(ctx, &st, s, strlen(s)) + ctx->st->body * 0.6;
	for (i = 0; i < ctx->doc->nsources; i++) {
		src = &ctx->doc->sources[i];
		snprintf(s, sizeof(s), "[%d]", src->num);
		set_marker(ctx, s, &st, x + ind - ctx->st->body * 0.6 -
		    text_width(ctx, &st, s, strlen(s)), lh);
		id = xasprintf("source-%d", src->num);
		ctx->anchor = lstr(ctx, id, strlen(id));
		free(id);
		vspace(ctx, ctx->st->body * 0.35);
		para_init(&p, &st);
		if (src->text != NULL)
			para_add(&p, src->text, strlen(src->text));
		if (src->url != NULL) {
			lk = st;
			lk.color = ctx->st->link;
			lk.link = lstr(ctx, src->url, strlen(src->url));
			para_add(&p, " ", 1);
			p.cur = lk;
			para_add(&p, src->url, strlen(src->url));
		}
		ctx->marker.y = baseline(ctx, st.size, lh);
		para_set(ctx, &p, x + ind, w - ind, AL_LEFT, lh, 0);
		para_free(&p);
	}
}

static void
block(struct lctx *ctx, const struct node *n, double x, double w)
{
	if (ctx->depth >= LAYOUT_MAX_DEPTH) {
		msg(MSG_ERROR, ctx->doc->path, n->line, n->col, "blocks "
		    "nested deeper than %d", LAYOUT_MAX_DEPTH);
		ctx->err = 1;
		return;
	}
	switch (n->type) {
	case N_PARAGRAPH:
		do_para(ctx, n, x, w);
		break;
	case N_HEADING:
		do_heading(ctx, n, x, w);
		break;
	case N_LIST:
		ctx->depth++;
		do_list(ctx, n, x, w);
		ctx->depth--;
		break;
	case N_ITEM:
	case N_DOCUMENT:
		blocks(ctx, n, x, w);
		break;
	case N_QUOTE:
		ctx->depth++;
		do_quote(ctx, n, x, w);
		ctx->depth--;
		break;
	case N_CALLOUT:
		ctx->depth++;
		do_callout(ctx, n, x, w);
		ctx->depth--;
		break;
	case N_CODEBLOCK:
		do_code(ctx, n, x, w);
		break;
	case N_HRULE:
		do_rule(ctx, x, w);
		break;
	case N_FIGURE:
		do_figure(ctx, n, x, w);
		break;
	case N_TABLE:
		layout_table(ctx, n, x, w);
		break;
	case N_TOC:
		do_toc(ctx, n, x, w);
		break;
	case N_SOURCES:
		if (ctx->doc->nsources == 0)
			break;
		own_heading(ctx, n->title != NULL && *n->title != '\0' ?
		    n->title : getlabels(ctx->st)->sources,
		    lstr(ctx, "\x01sources", 8), x, w);
		do_sources(ctx, x, w);
		break;
	default:
		/* Raw HTML has no place in a PDF; inlines are not blocks. */
		break;
	}
}

static void
blocks(struct lctx *ctx, const struct node *n, double x, double w)
{
	const struct node	*c;

	for (c = n->first; c != NULL; c = c->next)
		block(ctx, c, x, w);
}


static size_t
count_type(const struct node *n, enum ntype t)
{
	const struct node	*c;
	size_t			 k = n->type == t;

	for (c = n->first; c != NULL; c = c->next)
		k += count_type(c, t);
	return k;
}

/* Cover text: one paragraph of a style into the cover item. */
static double
cover_text(struct lctx *ctx, const char *s, enum face f, double size,
    uint32_t color, double y, double lh)
{
	struct para	 p;
	struct tstyle	 st;
	double		 h;

	if (s == NULL || *s == '\0')
		return 0;
	memset(&st, 0, sizeof(st));
	st.face = f;
	st.size = size;
	st.color = color;
	para_init(&p, &st);
	para_add(&p, s, strlen(s));
	h = lines_into_item(ctx, &p, ctx->st->ml, ctx->st->page_w -
	    ctx->st->ml - ctx->st->mr, AL_LEFT, size * lh, y);
	para_free(&p);
	return h;
}

/*
 * The cover: a band of colour with organisation, title and subtitle,
 * then edition, date and author, and the summary.  One item exactly
 * the height of the text area; its boxes reach into the margins.
 */
static void
do_cover(struct lctx *ctx)
{
	const struct meta	*m = &ctx->doc->meta;
	const struct style	*st = ctx->st;
	struct vitem		*it;
	struct box		*b;
	double			 y, band = st->page_h * 0.42 - st->mt;
	char			*t;

	it = item_new(ctx, body_height(ctx));
	it->anchor = lstr(ctx, "\x01" "cover", 6);
	b = item_box(ctx, BX_RECT);
	b->x = 0;
	b->y = -st->mt;
	b->w = st->page_w;
	b->h = band + st->mt;
	b->color = st->cover_bg;
	b = item_box(ctx, BX_RECT);
	b->x = st->ml;
	b->y = band - 4;
	b->w = st->page_w * 0.25;
	b->h = 4;
	b->color = st->accent;
	cover_text(ctx, m->organisation, FACE_BOLD, st->body * 1.1,
	    st->cover_fg, 0, 1.3);
	/* The title sits in the lower part of the band. */
	y = band * 0.38;
	y += cover_text(ctx, m->title, FACE_BOLD, st->title, st->cover_fg,
	    y, 1.2);
	y += st->body * 0.6;
	cover_text(ctx, m->subtitle, FACE_REGULAR, st->title * 0.5,
	    st->cover_fg, y, 1.3);
	y = band + st->body * 2.5;
	y += cover_text(ctx, m->edition, FACE_BOLD, st->body * 1.3,
	    st->heading, y, 1.4);
	if (m->date != NULL || m->author != NULL) {
		t = xasprintf("%s%s%s", m->date ? m->date : "",
		    m->date && m->author ? "  \xc2\xb7  " : "",
		    m->author ? m->author : "");
		y += cover_text(ctx, t, FACE_REGULAR, st->body * 1.1,
		    st->muted, y, 1.4);
		free(t);
	}
	y += st->body * 2;
	if (m->summary != NULL) {
		b = item_box(ctx, BX_LINE);
		b->x = st->ml;
		b->y = y;
		b->w = st->page_w - st->ml - st->mr;
		b->lw = 0.6;
		b->color = st->rule;
		y += st->body * 1.5;
		cover_text(ctx, m->summary, FACE_REGULAR, st->body * 1.1,
		    st->text, y, st->leading);
	}
	ctx->it[ctx->nit - 1].newpage = 0;
	ctx->newpage = 1;
}

/* Build the vertical list of the whole document. */
static void
build(struct lctx *ctx)
{
	const struct style	*st = ctx->st;
	const struct labels	*lb = getlabels(st);
	double			 x = st->ml, w = st->page_w - st->ml - st->mr;

	ctx->frame = -1;
	ctx->bface = FACE_REGULAR;
	ctx->bcolor = st->text;
	if (st->cover && ctx->doc->meta.title != NULL)
		do_cover(ctx);
	if (st->toc && !has_type(ctx->doc->root, N_TOC) &&
	    count_type(ctx->doc->root, N_HEADING) >= 2) {
		do_toc(ctx, NULL, x, w);
		ctx->newpage = 1;
	}
	blocks(ctx, ctx->doc->root, x, w);
	if (ctx->doc->nsources > 0 && !has_type(ctx->doc->root, N_SOURCES)) {
		own_heading(ctx, lb->sources, lstr(ctx, "\x01sources", 8),
		    x, w);
		do_sources(ctx, x, w);
	}
}

/* Padding of frame f and its ancestors, above or below. */
static double
padchain(const struct lctx *ctx, int f, int below)
{
	double	 s = 0;

	for (; f >= 0; f = ctx->fr[f].parent)
		s += below ? ctx->fr[f].padb : ctx->fr[f].padt;
	return s;
}

static struct box *
page_box(struct lpage *pg, enum bxtype t)
{
	struct box	*b;

	xgrow(&pg->box, &pg->cap, pg->n + 1, sizeof(*pg->box));
	b = &pg->box[pg->n++];
	memset(b, 0, sizeof(*b));
	b->type = t;
	return b;
}

static void
anchor_add(struct layout *l, const char *id, size_t page, double y)
{
	struct anchor	*a;

	xgrow(&l->anchor, &l->anchorcap, l->nanchors + 1, sizeof(*a));
	a = &l->anchor[l->nanchors++];
	a->id = id;
	a->page = page;
	a->y = y;
}

static void
place_item(struct lctx *ctx, struct lpage *pg, size_t i, double y)
{
	const struct vitem	*it = &ctx->it[i];
	struct box		*b;
	size_t			 k;

	for (k = it->b0; k < it->b0 + it->nb; k++) {
		b = page_box(pg, ctx->bx[k].type);
		*b = ctx->bx[k];
		b->y += y;
	}
}

/* Draw the frames around the n items seq placed at ys on a page. */
static void
frames(struct lctx *ctx, struct lpage *pg, const size_t *seq, size_t n,
    const double *ys)
{
	const struct style	*st = ctx->st;
	double			*top, *bot, pt, pb;
	struct box		*b;
	size_t			 i;
	int			 f;

	if (ctx->nfr == 0)
		return;
	top = xcalloc(ctx->nfr, sizeof(double));
	bot = xcalloc(ctx->nfr, sizeof(double));
	for (i = 0; i < n; i++) {
		pt = pb = 0;
		for (f = ctx->it[seq[i]].frame; f >= 0;
		    f = ctx->fr[f].parent) {
			pt += ctx->fr[f].padt;
			pb += ctx->fr[f].padb;
			if (top[f] == 0)
				top[f] = ys[i] - pt;
			bot[f] = ys[i] + ctx->it[seq[i]].h + pb;
		}
	}
	for (i = 0; i < ctx->nfr; i++) {
		if (top[i] == 0)
			continue;
		b = page_box(pg, BX_RECT);
		b->x = ctx->fr[i].x0;
		b->y = top[i];
		b->h = bot[i] - top[i];
		switch (ctx->fr[i].kind) {
		case FR_CALLOUT:
			b->w = ctx->fr[i].x1 - ctx->fr[i].x0;
			b->color = st->callout_bg;
			b = page_box(pg, BX_RECT);
			*b = pg->box[pg->n - 2];
			b->w = 3;
			b->color = st->callout_bar;
			break;
		case FR_CODE:
			b->w = ctx->fr[i].x1 - ctx->fr[i].x0;
			b->color = st->code_bg;
			break;
		case FR_QUOTE:
			b->w = 2.5;
			b->color = st->rule;
			break;
		}
	}
	free(top);
	free(bot);
}

static struct lpage *
page_new(struct layout *l, size_t *cap)
{
	xgrow(&l->page, cap, l->npages + 1, sizeof(*l->page));
	memset(&l->page[l->npages], 0, sizeof(*l->page));
	return &l->page[l->npages++];
}

/*
 * The space above item k when item p comes before it on the page.
 * Items keep the space they were built with, except around a float
 * that moved: the text that moved up in its place (k came right after
 * the float, p before it) is spaced as if the float were not there,
 * and what follows the float at its new place gets the float's space.
 */
static double
space_above(const struct lctx *ctx, size_t p, size_t k)
{
	const struct vitem	*it = ctx->it;

	if (p + 1 == k)
		return it[k].before;
	if (k > 0 && it[k - 1].fllast)
		return it[k].before_nf;
	if (it[p].fllast && it[p].flafter > it[k].before)
		return it[p].flafter;
	return it[k].before;
}

/*
 * How many of the n items seq go on a page whose first item is at y:
 * up to the last that fits after which a break is allowed, else all
 * that fit (one at least).  A break is allowed after the last of seq
 * if endfree says so.
 */
static size_t
page_end(const struct lctx *ctx, const size_t *seq, size_t n, int endfree,
    double y, double bottom)
{
	const struct vitem	*it = ctx->it;
	size_t			 j, last = 0, fit = 1;
	double			 pos = y, bot;

	for (j = 0; j < n; j++) {
		if (j > 0 && it[seq[j]].newpage)
			break;
		bot = pos + (j > 0 ? space_above(ctx, seq[j - 1], seq[j]) :
		    0) + it[seq[j]].h;
		if (j > 0 && bot + padchain(ctx, it[seq[j]].frame, 1) >
		    bottom + 0.001)
			break;
		pos = bot;
		fit = j + 1;
		if (!it[seq[j]].keep || (j + 1 == n && endfree) ||
		    (j + 1 < n && it[seq[j + 1]].newpage))
			last = j + 1;
	}
	return last > 0 ? last : fit;
}

/*
 * Floats.  The page at ord[pos] holds n items and ends before a
 * figure or table (the float) that does not fit.  Rather than leave
 * the rest of the page blank, try the page without the float: the
 * text after it moves up to fill the page, and the float goes to the
 * top of the next page.  The text that may move up stops before the
 * next heading of the float's level or above (or any heading if the
 * float is in no section), the next figure or table (so that they
 * keep their order) and a forced page break, and pages still break
 * only where widows, orphans and keeps allow.  If no text moves up,
 * the page stays as it was.  On success ord is reordered (text, then
 * the float) and the new count is returned.
 */
static size_t
float_page(const struct lctx *ctx, size_t *ord, size_t pos, size_t n,
    double y, double bottom)
{
	const struct vitem	*it = ctx->it;
	size_t			*seq, q, r, m, k, nn, len, before, nfill;
	double			 h = 0, room = bottom - y;
	int			 lim;

	/* The first figure or table not on the page, if it is near. */
	for (q = pos + n; q < ctx->nit && !it[ord[q]].flt; q++) {
		if (it[ord[q]].newpage)
			return n;
		if ((h += it[ord[q]].before + it[ord[q]].h) > room)
			return n;
	}
	if (q >= ctx->nit || !it[ord[q]].flfit)
		return n;
	m = (size_t)it[ord[q]].flend - ord[q] + 1;
	for (k = 0; k < m; k++)
		if (q + k >= ctx->nit || ord[q + k] != ord[q] + k)
			return n;
	/* What may fill the page in its place. */
	lim = it[ord[q]].flsect;
	for (r = q + m; r < ctx->nit; r++) {
		k = ord[r];
		if (it[k].newpage || it[k].flt || (it[k].hlevel > 0 &&
		    (lim == 0 || it[k].hlevel <= lim)))
			break;
	}
	if (r == q + m)
		return n;
	before = q - pos;
	len = before + (r - q - m);
	seq = xreallocarray(NULL, len, sizeof(*seq));
	memcpy(seq, ord + pos, before * sizeof(*seq));
	memcpy(seq + before, ord + q + m, (len - before) * sizeof(*seq));
	nn = page_end(ctx, seq, len, r == ctx->nit, y, bottom);
	if (nn > before) {
		/* ord[q..]: the text that moved up, then the float. */
		nfill = nn - before;
		for (k = 0; k < m; k++)
			seq[k] = ord[q + k];
		memmove(ord + q, ord + q + m, nfill * sizeof(*ord));
		memcpy(ord + q + nfill, seq, m * sizeof(*ord));
		n = nn;
	}
	free(seq);
	return n;
}

/* Cut the vertical list into pages. */
static int
paginate(struct lctx *ctx, int **plainp)
{
	struct layout	*l = ctx->lay;
	const struct style *st = ctx->st;
	struct lpage	*pg;
	double		*ys = NULL, y, bottom = st->page_h - st->mb;
	size_t		*ord, pos = 0, n, k, cap = 0, ycap = 0, pcap = 0;
	long		 rep;
	int		*plain = NULL, ok = 1;

	/* Items in page order: the order they were built in, but for
	 * floats. */
	ord = xreallocarray(NULL, ctx->nit + 1, sizeof(*ord));
	for (k = 0; k < ctx->nit; k++)
		ord[k] = k;
	while (pos < ctx->nit) {
		if (l->npages >= LAYOUT_MAX_PAGES) {
			msg(MSG_ERROR, ctx->doc->path, 0, 0, "more than %d "
			    "pages", LAYOUT_MAX_PAGES);
			ok = 0;
			goto out;
		}
		pg = page_new(l, &cap);
		xgrow(&plain, &pcap, l->npages, sizeof(int));
		plain[l->npages - 1] = pos == 0 && st->cover &&
		    ctx->doc->meta.title != NULL;
		y = st->mt + padchain(ctx, ctx->it[ord[pos]].frame, 0);
		rep = ctx->it[ord[pos]].repeat;
		if (rep >= 0 && (size_t)rep != ord[pos])
			y += ctx->it[rep].h;
		n = page_end(ctx, ord + pos, ctx->nit - pos, 1, y, bottom);
		if (st->floats)
			n = float_page(ctx, ord, pos, n, y, bottom);
		xgrow(&ys, &ycap, n, sizeof(double));
		for (k = 0; k < n; k++) {
			if (k > 0)
				y += space_above(ctx, ord[pos + k - 1],
				    ord[pos + k]);
			ys[k] = y;
			y += ctx->it[ord[pos + k]].h;
		}
		frames(ctx, pg, ord + pos, n, ys);
		if (rep >= 0 && (size_t)rep != ord[pos])
			place_item(ctx, pg, (size_t)rep, ys[0] -
			    ctx->it[rep].h);
		for (k = 0; k < n; k++) {
			place_item(ctx, pg, ord[pos + k], ys[k]);
			if (ctx->it[ord[pos + k]].anchor != NULL)
				anchor_add(l, ctx->it[ord[pos + k]].anchor,
				    l->npages - 1, ys[k]);
		}
		pos += n;
	}
	if (l->npages == 0) {	/* nothing to show: one blank page */
		page_new(l, &cap);
		plain = xcalloc(1, sizeof(int));
	}
out:
	free(ord);
	free(ys);
	if (!ok) {
		free(plain);
		plain = NULL;
	}
	*plainp = plain;
	return ok;
}

/* A string cut with an ellipsis to fit w. */
static char *
fit_text(struct lctx *ctx, const struct tstyle *st, const char *s, double w)
{
	size_t	 i = 0, last = 0, len = strlen(s);
	char	*t;

	if (text_width(ctx, st, s, len) <= w)
		return xstrdup(s);
	while (i < len) {
		utf8_next(s, len, &i);
		if (text_width(ctx, st, s, i) + text_width(ctx, st,
		    "\xe2\x80\xa6", 3) > w)
			break;
		last = i;
	}
	t = xmalloc(last + 4);
	memcpy(t, s, last);
	memcpy(t + last, "\xe2\x80\xa6", 4);
	return t;
}

/* Text boxes on a page (header, footer), via a scratch item. */
static void
page_text(struct lctx *ctx, struct lpage *pg, const struct tstyle *st,
    const char *s, double x, double y, int right)
{
	size_t	 nbx = ctx->nbx, k;
	double	 w;

	item_new(ctx, 0);
	w = text_width(ctx, st, s, strlen(s));
	text_boxes(ctx, st, s, strlen(s), right ? x - w : x, y);
	for (k = nbx; k < ctx->nbx; k++)
		*page_box(pg, BX_TEXT) = ctx->bx[k];
	ctx->nbx = nbx;
	ctx->nit--;
}

/* Running header (title, edition) and footer (organisation, page). */
static void
header_footer(struct lctx *ctx, const int *plain)
{
	const struct style	*st = ctx->st;
	const struct meta	*m = &ctx->doc->meta;
	const struct labels	*lb = getlabels(st);
	struct layout		*l = ctx->lay;
	struct tstyle		 ts;
	struct box		*b;
	double			 w = st->page_w - st->ml - st->mr;
	char			*t, s[96];
	size_t			 p;

	memset(&ts, 0, sizeof(ts));
	ts.face = FACE_REGULAR;
	ts.size = st->small;
	ts.color = st->muted;
	for (p = 0; p < l->npages; p++) {
		if (plain != NULL && plain[p])
			continue;
		if (st->header && m->title != NULL) {
			t = fit_text(ctx, &ts, m->title, w * 0.62);
			page_text(ctx, &l->page[p], &ts, t, st->ml,
			    st->mt - 20, 0);
			free(t);
			t = m->edition != NULL ? m->edition : m->date;
			if (t != NULL) {
				t = fit_text(ctx, &ts, t, w * 0.34);
				page_text(ctx, &l->page[p], &ts, t,
				    st->page_w - st->mr, st->mt - 20, 1);
				free(t);
			}
			b = page_box(&l->page[p], BX_LINE);
			b->x = st->ml;
			b->y = st->mt - 13;
			b->w = w;
			b->lw = 0.5;
			b->color = st->rule;
		}
		if (!st->footer)
			continue;
		snprintf(s, sizeof(s), "%s%zu%s%zu%s", lb->page[0], p + 1,
		    lb->page[1], l->npages, lb->page[2]);
		page_text(ctx, &l->page[p], &ts, s, st->page_w - st->mr,
		    st->page_h - st->mb + 28, 1);
		if (m->organisation != NULL) {
			t = fit_text(ctx, &ts, m->organisation, w * 0.6);
			page_text(ctx, &l->page[p], &ts, t, st->ml,
			    st->page_h - st->mb + 28, 0);
			free(t);
		}
	}
}

const struct anchor *
layout_anchor(const struct layout *l, const char *id)
{
	size_t	 i;

	for (i = 0; i < l->nanchors; i++)
		if (strcmp(l->anchor[i].id, id) == 0)
			return &l->anchor[i];
	return NULL;
}

void
layout_free(struct layout *l)
{
	size_t	 i;

	if (l == NULL)
		return;
	for (i = 0; i < l->npages; i++)
		free(l->page[i].box);
	free(l->page);
	free(l->anchor);
	free(l->outline);
	arena_free(l->arena);
	free(l);
}

/* One pass: build and paginate, with page numbers from prev. */
static struct layout *
layout_pass(const struct doc *d, const struct fontset *fs,
    const struct style *st, const struct hyph *hy, const struct layout *prev)
{
	struct lctx	 ctx;
	struct layout	*l;
	int		*plain = NULL, ok;

	l = xcalloc(1, sizeof(*l));
	l->st = *st;
	l->arena = arena_new();
	memset(&ctx, 0, sizeof(ctx));
	ctx.doc = d;
	ctx.fs = fs;
	ctx.st = &l->st;
	ctx.lay = l;
	ctx.prev = prev;
	ctx.hy = hy;
	build(&ctx);
	ok = !ctx.err && paginate(&ctx, &plain);
	if (ok)
		header_footer(&ctx, plain);
	free(plain);
	free(ctx.it);
	free(ctx.bx);
	free(ctx.fr);
	if (!ok) {
		layout_free(l);
		return NULL;
	}
	return l;
}

/* Do two passes agree on every anchor's page? */
static int
same_pages(const struct layout *a, const struct layout *b)
{
	size_t	 i;

	if (a->nanchors != b->nanchors || a->npages != b->npages)
		return 0;
	for (i = 0; i < a->nanchors; i++)
		if (a->anchor[i].page != b->anchor[i].page)
			return 0;
	return 1;
}

struct layout *
layout_run(const struct doc *d, const struct fontset *fs,
    const struct pdf_opts *po)
{
	struct style	 st;
	struct layout	*l = NULL, *prev = NULL;
	const struct hyph *hy = NULL;
	int		 pass;

	if (!style_load(&st, d, po, fs))
		return NULL;
	/* -1: hyphenate if the language has patterns; 1: asked for. */
	if (st.hyphenate != 0 && (hy = hyph_get(st.lang)) == NULL &&
	    st.hyphenate == 1)
		msg(MSG_WARNING, d->path, 0, 0, "no hyphenation patterns for "
		    "language '%s'; words are not hyphenated", st.lang);
	for (pass = 0; pass < MAX_PASSES; pass++) {
		if ((l = layout_pass(d, fs, &st, hy, prev)) == NULL)
			break;
		if (prev != NULL && same_pages(prev, l))
			break;
		layout_free(prev);
		prev = l;
		l = NULL;
		if (!st.toc && !has_type(d->root, N_TOC))
			break;
	}
	if (l == NULL && prev != NULL) {
		l = prev;
		prev = NULL;
	}
	layout_free(prev);
	return l;
}

static const char *
color_str(uint32_t c, char *s)
{
	snprintf(s, 8, "#%06x", (unsigned)c & 0xffffff);
	return s;
}

static void
dump_str(struct buf *b, const char *s, size_t len)
{
	size_t	 i;

	buf_putc(b, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"' || s[i] == '\\')
			buf_putc(b, '\\');
		if ((unsigned char)s[i] < 0x20)
			buf_printf(b, "\\x%02x", (unsigned char)s[i]);
		else
			buf_putc(b, s[i]);
	}
	buf_putc(b, '"');
}

/* A stable text form of the pages, for golden tests. */
void
layout_dump(const struct layout *l, struct buf *b)
{
	const struct box	*x;
	size_t			 p, i;
	char			 c[8];

	buf_printf(b, "layout %zu pages %.2fx%.2f\n", l->npages,
	    l->st.page_w, l->st.page_h);
	for (p = 0; p < l->npages; p++) {
		buf_printf(b, "page %zu\n", p + 1);
		for (i = 0; i < l->page[p].n; i++) {
			x = &l->page[p].box[i];
			switch (x->type) {
			case BX_TEXT:
				buf_printf(b, "  text %.2f %.2f %s%s %.2f %s ",
				    x->x, x->y, face_name(x->face),
				    x->fakebold ? "+fakebold" : "", x->size,
				    color_str(x->color, c));
				dump_str(b, x->text, x->len);
				break;
			case BX_RECT:
				buf_printf(b, "  rect %.2f %.2f %.2f %.2f %s",
				    x->x, x->y, x->w, x->h,
				    color_str(x->color, c));
				break;
			case BX_LINE:
				buf_printf(b, "  line %.2f %.2f %.2f %.2f %.2f %s",
				    x->x, x->y, x->w, x->h, x->lw,
				    color_str(x->color, c));
				break;
			case BX_DL:
				buf_printf(b, "  chart %.2f %.2f %.2f %.2f "
				    "scale %.3f ops %zu", x->x, x->y, x->w,
				    x->h, x->scale, dl_len(x->dl));
				break;
			case BX_IMAGE:
				buf_printf(b, "  image %.2f %.2f %.2f %.2f",
				    x->x, x->y, x->w, x->h);
				break;
			case BX_LINK:
				buf_printf(b, "  link %.2f %.2f %.2f %.2f ",
				    x->x, x->y, x->w, x->h);
				dump_str(b, x->text, x->len);
				break;
			default:
				break;
			}
			buf_putc(b, '\n');
		}
	}
	for (i = 0; i < l->nanchors; i++) {
		buf_puts(b, "anchor ");
		dump_str(b, l->anchor[i].id, strlen(l->anchor[i].id));
		buf_printf(b, " page %zu y %.2f\n", l->anchor[i].page + 1,
		    l->anchor[i].y);
	}
	for (i = 0; i < l->noutline; i++) {
		buf_printf(b, "outline %d ", l->outline[i].level);
		dump_str(b, l->outline[i].title, strlen(l->outline[i].title));
		buf_putc(b, '\n');
	}
}
