/*
 * layout_table.c: data tables.  Column widths come from the content,
 * in the manner of the HTML automatic table layout (and mandoc's
 * tblcalc): each column's narrowest width without overflow and its
 * width on one line, then the text width is shared between them.
 * Numbers line up on the decimal point; the header row is an item
 * that the paginator repeats atop every page the table continues on;
 * rows alternate in colour.
 */
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "data.h"
#include "doc.h"
#include "fmt.h"
#include "layout.h"
#include "layout_int.h"
#include "msg.h"

struct tcol {
	double		 min, max;	/* content widths */
	double		 ipart, fpart;	/* decimal: widest parts */
	double		 x, w;		/* placed: content box */
	int		 dec;		/* align on the decimal point */
	enum align	 al;
};

struct tbl {
	struct lctx		*ctx;
	const struct tab	*tab;
	size_t			 nc, nr;
	char		       **cell;	/* (nr + 1) * nc: header first */
	struct tcol		*col;
	struct tstyle		 head, body;
	double			 padx, pady, lh;
};

static char *
cell_text(const struct tab *t, size_t r, size_t c)
{
	struct buf	 b = { NULL, 0, 0 };
	const struct value *v;

	v = table_get(t->data, r, c);
	if (v != NULL)
		fmt_value(&b, v, &t->fmts[c]);
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_steal(&b);
}

/*
 * Where a number's decimal point goes: the byte after the last digit
 * of its whole part ("1,234.5" -> 5, "12%" -> 2).  Text without digits
 * is all whole part.
 */
static size_t
dec_split(const char *s)
{
	size_t	 i, last = strlen(s);
	int	 digits = 0;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			digits = 1;
			last = i + 1;
		} else if (s[i] == '.' && digits && s[i + 1] >= '0' &&
		    s[i + 1] <= '9')
			return i;
		else if (digits && s[i] != ',' && s[i] != ' ')
			break;
	}
	return last;
}

static void
measure_cell(struct tbl *t, size_t r, size_t c)
{
	struct tcol	*col = &t->col[c];
	struct para	 p;
	const char	*s = t->cell[r * t->nc + c];
	double		 mn, mx, ip, fp;
	size_t		 k;

	if (r > 0 && col->dec) {
		k = dec_split(s);
		ip = text_width(t->ctx, &t->body, s, k);
		fp = text_width(t->ctx, &t->body, s + k, strlen(s + k));
		col->ipart = ip > col->ipart ? ip : col->ipart;
		col->fpart = fp > col->fpart ? fp : col->fpart;
		return;
	}
	para_init(&p, r == 0 ? &t->head : &t->body);
	para_add(&p, s, strlen(s));
	para_minmax(t->ctx, &p, &mn, &mx);
	para_free(&p);
	col->min = mn > col->min ? mn : col->min;
	col->max = mx > col->max ? mx : col->max;
}

/* Share the width w among the columns. */
static void
widths(struct tbl *t, double x, double w)
{
	double	 smin = 0, smax = 0, avail, f;
	size_t	 c;

	for (c = 0; c < t->nc; c++) {
		if (t->col[c].dec && t->col[c].ipart + t->col[c].fpart >
		    t->col[c].min) {
			t->col[c].min = t->col[c].ipart + t->col[c].fpart;
			if (t->col[c].min > t->col[c].max)
				t->col[c].max = t->col[c].min;
		}
		smin += t->col[c].min;
		smax += t->col[c].max;
	}
	avail = w - 2 * t->padx * (double)t->nc;
	for (c = 0; c < t->nc; c++) {
		if (smax <= avail)
			f = t->col[c].max + (smax > 0 ? (avail - smax) *
			    t->col[c].max / smax : avail / (double)t->nc);
		else if (smin >= avail)
			f = smin > 0 ? avail * t->col[c].min / smin : 0;
		else
			f = t->col[c].min + (t->col[c].max - t->col[c].min) *
			    (avail - smin) / (smax - smin);
		t->col[c].w = f;
		t->col[c].x = x + t->padx;
		x += f + 2 * t->padx;
	}
}

/* The cells of row r (0: header) into the current item; its height. */
static double
row_cells(struct tbl *t, size_t r)
{
	const struct tstyle	*st = r == 0 ? &t->head : &t->body;
	struct tcol		*col;
	struct para		 p;
	const char		*s;
	double			 h, hmax = t->lh, dx;
	size_t			 c, k;

	for (c = 0; c < t->nc; c++) {
		col = &t->col[c];
		s = t->cell[r * t->nc + c];
		if (r > 0 && col->dec) {
			k = dec_split(s);
			dx = col->w - col->fpart - text_width(t->ctx, st, s, k);
			text_boxes(t->ctx, st, s, strlen(s), col->x + dx,
			    t->pady + baseline(t->ctx, st->size, t->lh));
			continue;
		}
		para_init(&p, st);
		para_add(&p, s, strlen(s));
		h = lines_into_item(t->ctx, &p, col->x, col->w,
		    r == 0 && col->dec ? AL_RIGHT : col->al, t->lh, t->pady);
		para_free(&p);
		hmax = h > hmax ? h : hmax;
	}
	return hmax + 2 * t->pady;
}

static void
row_item(struct tbl *t, size_t r, double x, double w, long head)
{
	const struct style	*st = t->ctx->st;
	struct vitem		*it;
	struct box		*bg, *b;
	size_t			 i;

	it = item_new(t->ctx, 0);
	it->repeat = head;
	bg = NULL;
	i = t->ctx->nbx;
	if (r == 0 || r % 2 == 0) {
		bg = item_box(t->ctx, BX_RECT);
		bg->x = x;
		bg->w = w;
		bg->color = r == 0 ? st->thead_bg : st->zebra;
	}
	it = &t->ctx->it[t->ctx->nit - 1];
	it->h = row_cells(t, r);
	if (bg != NULL)
		t->ctx->bx[i].h = it->h;
	if (r == 0) {
		b = item_box(t->ctx, BX_LINE);
		b->x = x;
		b->y = t->ctx->it[t->ctx->nit - 1].h;
		b->w = w;
		b->lw = 0.8;
		b->color = st->heading;
	}
}

static void
tbl_free(struct tbl *t)
{
	size_t	 i;

	for (i = 0; t->cell != NULL && i < (t->nr + 1) * t->nc; i++)
		free(t->cell[i]);
	free(t->cell);
	free(t->col);
}

static void
tbl_init(struct tbl *t, struct lctx *ctx, const struct tab *tab)
{
	size_t	 r, c;

	memset(t, 0, sizeof(*t));
	t->ctx = ctx;
	t->tab = tab;
	t->nc = tab->ncols;
	t->nr = table_nrows(tab->data);
	t->head.face = FACE_BOLD;
	t->head.size = ctx->st->tsize;
	t->head.color = ctx->st->heading;
	t->body.face = FACE_REGULAR;
	t->body.size = ctx->st->tsize;
	t->body.color = ctx->st->text;
	t->padx = ctx->st->tsize * 0.45;
	t->pady = ctx->st->tsize * 0.3;
	t->lh = ctx->st->tsize * 1.4;
	t->cell = xcalloc((t->nr + 1) * t->nc, sizeof(char *));
	t->col = xcalloc(t->nc, sizeof(*t->col));
	for (c = 0; c < t->nc; c++) {
		t->cell[c] = xstrdup(tab->heads != NULL &&
		    tab->heads[c] != NULL ? tab->heads[c] :
		    table_colname(tab->data, c));
		t->col[c].dec = tab->align != NULL &&
		    (tab->align[c] == TA_DECIMAL || tab->align[c] == TA_RIGHT);
		t->col[c].al = tab->align == NULL ? AL_LEFT :
		    tab->align[c] == TA_CENTER ? AL_CENTER : AL_LEFT;
	}
	for (r = 0; r < t->nr; r++)
		for (c = 0; c < t->nc; c++)
			t->cell[(r + 1) * t->nc + c] = cell_text(tab, r, c);
}

void
layout_table(struct lctx *ctx, const struct node *n, double x, double w)
{
	const struct labels	*lb = getlabels(ctx->st);
	const struct tab	*tab = n->tab;
	struct tbl		 t;
	struct vitem		*it;
	size_t			 r, c, head, first;
	double			 h, pre = ctx->space, prepad = ctx->pad;

	if (tab == NULL || tab->data == NULL || tab->ncols == 0)
		return;
	if (tab->ncols > LAYOUT_MAX_COLS ||
	    tab->ncols > table_ncols(tab->data)) {
		msg(MSG_ERROR, ctx->doc->path, n->line, n->col, "table with "
		    "%zu columns: at most %d fit a page", tab->ncols,
		    LAYOUT_MAX_COLS);
		ctx->err = 1;
		return;
	}
	tbl_init(&t, ctx, tab);
	for (r = 0; r <= t.nr; r++)
		for (c = 0; c < t.nc; c++)
			measure_cell(&t, r, c);
	widths(&t, x, w);
	vspace(ctx, ctx->st->parskip * 1.8);
	first = ctx->nit;
	ctx->anchor = n->id != NULL ? lstr(ctx, n->id, strlen(n->id)) : NULL;
	if (n->num > 0 || tab->caption != NULL) {
		item_new(ctx, 0);
		h = caption_into_item(ctx, lb->table, n->num, tab->caption, x,
		    w, 0, AL_LEFT);
		it = &ctx->it[ctx->nit - 1];
		it->h = h + ctx->st->body * 0.4;
		it->keep = 1;
	}
	head = ctx->nit;
	row_item(&t, 0, x, w, -1);
	ctx->it[head].keep = 1;
	for (r = 1; r <= t.nr; r++) {
		row_item(&t, r, x, w, (long)head);
		/* Two rows at least under the header, and no lone last row. */
		ctx->it[ctx->nit - 1].keep = r == 1 || r + 1 == t.nr;
	}
	if (tab->source != NULL || tab->note != NULL) {
		ctx->it[ctx->nit - 1].keep = 1;
		item_new(ctx, 0);
		h = ctx->st->body * 0.4;
		if (tab->note != NULL)
			h += note_into_item(ctx, NULL, tab->note, x, w, h);
		if (tab->source != NULL)
			h += note_into_item(ctx, lb->source, tab->source, x, w,
			    h);
		ctx->it[ctx->nit - 1].h = h;
	}
	tbl_free(&t);
	vspace(ctx, ctx->st->parskip * 1.8);
	float_mark(ctx, first, pre, prepad, ctx->st->parskip * 1.8);
}
