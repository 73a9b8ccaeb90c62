/*
 * layout_text.c: paragraphs and lines.  Inline nodes become one
 * string with a style per span; UAX #14 (brk.c) gives the places a
 * line may end; optional hyphenation adds more inside long words.
 * The text is cut into atoms between those places, and the breaks
 * are chosen for the whole paragraph at once (in the manner of Knuth
 * and Plass: the sum of squared badness is least), so that justified
 * lines stay evenly spaced.  An atom wider than the column is cut
 * between characters as a last resort: no line ever overflows.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "brk.h"
#include "doc.h"
#include "font.h"
#include "layout.h"
#include "layout_int.h"
#include "utf8.h"

#define INF_DEMERITS	1e30
#define PEN_HYPHEN	3000.0
#define PEN_FINALHYPH	5000.0	/* the last line is the end of a word */
#define PEN_EMERGENCY	1e7
#define MIN_HYPH_WORD	6	/* letters */

/* A character of the paragraph, measured. */
struct ch {
	size_t		 off;	/* byte offset */
	uint32_t	 cp;
	double		 w;	/* advance, points */
	size_t		 span;
	enum face	 face;	/* the face that draws it */
	int		 fake;
};

/* A piece of text between two places a line may end. */
struct atom {
	size_t		 c0, c1;	/* characters [c0, c1) */
	double		 w;		/* width, trailing spaces included */
	double		 sw;		/* width of the trailing spaces */
	int		 nsp;		/* trailing spaces that stretch */
	int		 must;		/* the line ends after it */
	int		 hy;		/* ends at a hyphenation point */
	double		 hw;		/* width of the hyphen then shown */
	double		 pen;		/* cost of breaking after it */
	double		 cst;		/* stretch of the gap after it when
					   that gap is between CJK characters */
	double		 psh;		/* CJK punctuation it may give up */
	double		 popen;		/* of which its first character's */
	double		 pclose;	/* of which its last character's */
};

struct setter {
	struct lctx		*ctx;
	const struct para	*p;
	struct ch		*ch;
	size_t			 nch;
	struct atom		*a;
	size_t			 na, acap;
};

void
para_init(struct para *p, const struct tstyle *st)
{
	memset(p, 0, sizeof(*p));
	p->cur = *st;
}

void
para_free(struct para *p)
{
	buf_free(&p->txt);
	free(p->span);
}

static int
samestyle(const struct tstyle *a, const struct tstyle *b)
{
	return a->face == b->face && a->size == b->size &&
	    a->color == b->color && a->rise == b->rise && a->link == b->link &&
	    a->nobreak == b->nobreak;
}

/*
 * Append text in the current style.  Code points libharu cannot draw
 * (outside the BMP) become U+FFFD, control characters spaces, so that
 * what is measured is what is shown.
 */
void
para_add(struct para *p, const char *s, size_t len)
{
	struct span	*sp;
	size_t		 i = 0, start = p->txt.len;
	int32_t		 cp;

	while (i < len) {
		cp = utf8_next(s, len, &i);
		if (cp < 0 || cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		else if (cp == '\r' || cp == 0x00AD)
			continue;
		else if (cp < 0x20 && cp != '\n')
			cp = ' ';
		utf8_put(&p->txt, (uint32_t)cp);
	}
	if (p->txt.len == start)
		return;
	sp = p->nspan > 0 ? &p->span[p->nspan - 1] : NULL;
	if (sp != NULL && !p->cur.glue && samestyle(&sp->st, &p->cur) &&
	    sp->off + sp->len == start) {
		sp->len = p->txt.len - sp->off;
		return;
	}
	xgrow(&p->span, &p->spancap, p->nspan + 1, sizeof(*p->span));
	sp = &p->span[p->nspan++];
	sp->off = start;
	sp->len = p->txt.len - start;
	sp->st = p->cur;
	p->cur.glue = 0;
}

static enum face
face_toggle(enum face f, int emph)
{
	if (emph) {
		switch (f) {
		case FACE_REGULAR:
			return FACE_ITALIC;
		case FACE_BOLD:
			return FACE_BOLDITALIC;
		case FACE_ITALIC:
			return FACE_REGULAR;
		case FACE_BOLDITALIC:
			return FACE_BOLD;
		default:
			return f;
		}
	}
	switch (f) {
	case FACE_REGULAR:
		return FACE_BOLD;
	case FACE_ITALIC:
		return FACE_BOLDITALIC;
	default:
		return f;
	}
}

static void
add_cite(struct lctx *ctx, struct para *p, const struct node *n)
{
	char	 s[32], *id;

	snprintf(s, sizeof(s), "[%d]", n->num);
	id = xasprintf("#source-%d", n->num);
	p->cur.link = lstr(ctx, id, strlen(id));
	free(id);
	p->cur.rise = p->cur.size * 0.36;
	p->cur.size *= 0.68;
	p->cur.color = ctx->st->link;
	p->cur.glue = 1;
	para_add(p, s, strlen(s));
}

/* Add the inline children of n to p. */
void
para_inlines(struct lctx *ctx, struct para *p, const struct node *n)
{
	const struct node	*c;
	struct tstyle		 save;
	char			*s;

	for (c = n->first; c != NULL; c = c->next) {
		save = p->cur;
		switch (c->type) {
		case N_TEXT:
		case N_VALUE:
			if (c->text != NULL)
				para_add(p, c->text, strlen(c->text));
			break;
		case N_CODE:
			p->cur.face = FACE_MONO;
			p->cur.size *= 0.9;
			if (c->text != NULL)
				para_add(p, c->text, strlen(c->text));
			break;
		case N_EMPH:
		case N_STRONG:
			p->cur.face = face_toggle(p->cur.face,
			    c->type == N_EMPH);
			para_inlines(ctx, p, c);
			break;
		case N_LINK:
			if (c->url != NULL && *c->url != '\0') {
				p->cur.link = lstr(ctx, c->url, strlen(c->url));
				p->cur.color = ctx->st->link;
			}
			para_inlines(ctx, p, c);
			break;
		case N_IMAGE:
			/* An image inside text shows its description. */
			para_inlines(ctx, p, c);
			break;
		case N_SOFTBREAK:
			para_add(p, " ", 1);
			break;
		case N_LINEBREAK:
			para_add(p, "\n", 1);
			break;
		case N_CITE:
			add_cite(ctx, p, c);
			break;
		case N_XREF:
			/* "Figure 3", "图 4": one word for the breaker. */
			p->cur.nobreak = 1;
			if (c->id != NULL) {
				s = xasprintf("#%s", c->id);
				p->cur.link = lstr(ctx, s, strlen(s));
				p->cur.color = ctx->st->link;
				free(s);
			}
			s = c->text != NULL ? c->text : c->id;
			if (s != NULL)
				para_add(p, s, strlen(s));
			break;
		case N_SUP:
			p->cur.rise = p->cur.size * 0.36;
			p->cur.size *= 0.68;
			p->cur.glue = 1;
			para_inlines(ctx, p, c);
			break;
		case N_HTMLINLINE:
			break;
		default:
			para_inlines(ctx, p, c);
			break;
		}
		save.glue = p->cur.glue && save.glue;
		p->cur = save;
	}
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == 0x3000 || cp == '\n';
}

/* Ideographs, kana, hangul, CJK punctuation and fullwidth forms. */
static int
is_wide(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6);
}

/*
 * Fullwidth punctuation whose glyph fills half its em: opening
 * brackets (1) are blank on the left, closing brackets, commas and
 * full stops (2) on the right.  A justified line that is too long may
 * take back a quarter em of that blank, as CJK typesetting does (JIS
 * X 4051, CLREQ); a quarter, not the half, because fonts do not all
 * keep the ink in one half (WenQuanYi's parentheses reach 0.38 em in).
 */
static int
punct_side(uint32_t cp)
{
	switch (cp) {
	case 0x3008: case 0x300A: case 0x300C: case 0x300E: case 0x3010:
	case 0x3014: case 0x3016: case 0xFF08: case 0xFF3B: case 0xFF5B:
		return 1;
	case 0x3001: case 0x3002: case 0x3009: case 0x300B: case 0x300D:
	case 0x300F: case 0x3011: case 0x3015: case 0x3017: case 0xFF09:
	case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B: case 0xFF3D:
	case 0xFF5D:
		return 2;
	default:
		return 0;
	}
}

/* Measure every character with the face that will draw it. */
static void
measure(struct setter *s)
{
	const struct para	*p = s->p;
	const struct fontset	*fs = s->ctx->fs;
	const struct tstyle	*st;
	size_t			 i = 0, at, sp = 0;
	int32_t			 cp;
	enum face		 f;

	s->ch = xreallocarray(NULL, p->txt.len + 1, sizeof(*s->ch));
	s->nch = 0;
	while (i < p->txt.len) {
		at = i;
		cp = utf8_next(p->txt.data, p->txt.len, &i);
		while (sp + 1 < p->nspan && p->span[sp + 1].off <= at)
			sp++;
		st = &p->span[sp].st;
		f = fontset_pick(fs, st->face, (uint32_t)cp);
		s->ch[s->nch].off = at;
		s->ch[s->nch].cp = (uint32_t)cp;
		s->ch[s->nch].span = sp;
		s->ch[s->nch].face = f;
		s->ch[s->nch].fake = f == FACE_CJK &&
		    (st->face == FACE_BOLD || st->face == FACE_BOLDITALIC);
		s->ch[s->nch].w = cp == '\n' ? 0 :
		    fontset_advance(fs, f, (uint32_t)cp) * st->size / 1000.0;
		s->nch++;
	}
}

static double
ch_size(const struct setter *s, size_t c)
{
	return s->p->span[s->ch[c].span].st.size;
}

/* What character c may give up of its width: see punct_side(). */
static double
squeeze(const struct setter *s, size_t c)
{
	double	 size = ch_size(s, c);

	return punct_side(s->ch[c].cp) != 0 && s->ch[c].w >= size * 0.9 ?
	    size / 4 : 0;
}

static struct atom *
atom_new(struct setter *s, size_t c0, size_t c1)
{
	struct atom	*a;
	size_t		 i;

	xgrow(&s->a, &s->acap, s->na + 1, sizeof(*s->a));
	a = &s->a[s->na++];
	memset(a, 0, sizeof(*a));
	a->c0 = c0;
	a->c1 = c1;
	for (i = c0; i < c1; i++) {
		a->w += s->ch[i].w;
		a->psh += squeeze(s, i);
	}
	for (i = c1; i > c0 && is_space(s->ch[i - 1].cp); i--) {
		a->sw += s->ch[i - 1].w;
		if (s->ch[i - 1].cp == ' ')
			a->nsp++;
	}
	if (i > c0 && punct_side(s->ch[i - 1].cp) == 2)
		a->pclose = squeeze(s, i - 1);
	if (c1 > c0 && punct_side(s->ch[c0].cp) == 1)
		a->popen = squeeze(s, c0);
	return a;
}

static double
hyphen_width(struct setter *s, size_t c)
{
	const struct tstyle *st = &s->p->span[s->ch[c].span].st;

	return fontset_advance(s->ctx->fs, s->ch[c].face, '-') * st->size /
	    1000.0;
}

static int
is_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

/*
 * Split the atom [c0, c1) at its hyphenation points: the letters of
 * one word in one span, not code, not a link.
 */
static void
atoms_hyph(struct setter *s, size_t c0, size_t c1, char must)
{
	const struct para	*p = s->p;
	const struct tstyle	*st;
	size_t			 w0, w1, i, prev, b0, b1;
	char			*ok;
	struct atom		*a;

	for (w0 = c0; w0 < c1 && !is_letter(s->ch[w0].cp); w0++)
		;
	for (w1 = w0; w1 < c1 && is_letter(s->ch[w1].cp) &&
	    s->ch[w1].span == s->ch[w0].span; w1++)
		;
	st = &p->span[s->ch[w0 < c1 ? w0 : c0].span].st;
	if (s->ctx->hy == NULL || w1 - w0 < MIN_HYPH_WORD ||
	    st->face == FACE_MONO || st->link != NULL) {
		a = atom_new(s, c0, c1);
		a->must = must;
		return;
	}
	b0 = s->ch[w0].off;
	b1 = w1 < s->nch ? s->ch[w1].off : p->txt.len;
	ok = xcalloc(1, b1 - b0 + 1);
	hyph_word(s->ctx->hy, p->txt.data + b0, b1 - b0, ok);
	prev = c0;
	for (i = w0 + 1; i < w1; i++) {
		if (!ok[s->ch[i].off - b0])
			continue;
		a = atom_new(s, prev, i);
		a->hy = 1;
		a->hw = hyphen_width(s, i - 1);
		a->pen = PEN_HYPHEN;
		prev = i;
	}
	a = atom_new(s, prev, c1);
	a->must = must;
	free(ok);
}

/* Cut atoms wider than w between characters, as a last resort. */
static void
atoms_emergency(struct setter *s, double w)
{
	struct atom	*old = s->a, *a;
	size_t		 n = s->na, i, c, start;
	double		 x;

	s->a = NULL;
	s->na = s->acap = 0;
	for (i = 0; i < n; i++) {
		if (old[i].w - old[i].sw <= w) {
			xgrow(&s->a, &s->acap, s->na + 1, sizeof(*s->a));
			s->a[s->na++] = old[i];
			continue;
		}
		start = old[i].c0;
		x = 0;
		for (c = old[i].c0; c < old[i].c1; c++) {
			if (c > start && x + s->ch[c].w > w &&
			    !is_space(s->ch[c].cp)) {
				a = atom_new(s, start, c);
				a->pen = PEN_EMERGENCY;
				start = c;
				x = 0;
			}
			x += s->ch[c].w;
		}
		a = atom_new(s, start, old[i].c1);
		a->must = old[i].must;
		a->hy = old[i].hy;
		a->hw = old[i].hw;
		a->pen = old[i].pen;
	}
	free(old);
}

/* Cut the paragraph into atoms at its break opportunities. */
static void
atoms(struct setter *s, double w)
{
	const struct para	*p = s->p;
	char			*br;
	size_t			 i, b, c, start = 0, end;

	br = xmalloc(p->txt.len + 1);
	brk_find(p->txt.data, p->txt.len, s->ctx->st->lang, br);
	/* No break just before glued spans (reference markers), nor
	 * inside unbreakable ones (cross-references). */
	for (i = 0; i < p->nspan; i++) {
		if (i > 0 && p->span[i].st.glue &&
		    br[p->span[i].off - 1] == BRK_ALLOW)
			br[p->span[i].off - 1] = BRK_NO;
		if (!p->span[i].st.nobreak)
			continue;
		for (b = p->span[i].off; b + 1 < p->span[i].off +
		    p->span[i].len; b++)
			if (br[b] == BRK_ALLOW)
				br[b] = BRK_NO;
	}
	for (c = 0; c < s->nch; c++) {
		end = c + 1 < s->nch ? s->ch[c + 1].off : p->txt.len;
		if (br[end - 1] != BRK_MUST && br[end - 1] != BRK_ALLOW)
			continue;
		/* The end of the text is not a forced break of its own. */
		atoms_hyph(s, start, c + 1, br[end - 1] == BRK_MUST &&
		    s->ch[c].cp == '\n');
		start = c + 1;
	}
	if (start < s->nch)
		atoms_hyph(s, start, s->nch, 0);
	free(br);
	atoms_emergency(s, w);
	/* Gaps between CJK characters stretch a quarter em. */
	for (i = 0; i + 1 < s->na; i++) {
		c = s->a[i].c1 - 1;
		if (s->a[i].nsp == 0 && !s->a[i].hy && !s->a[i].must &&
		    !is_space(s->ch[c].cp) && (is_wide(s->ch[c].cp) ||
		    is_wide(s->ch[s->a[i + 1].c0].cp)))
			s->a[i].cst = ch_size(s, c) / 4;
	}
}

/* Demerits of a line of atoms [j, k) in width w; INF if it cannot be. */
static double
demerits(const struct setter *s, const double *pre, size_t j, size_t k,
    double w, enum align al, double em)
{
	const struct atom	*last = &s->a[k - 1];
	double			 width, slack, sp = 0, cst = 0, psh, r, bad;
	double			 stretch, shrink, pen;
	size_t			 i;
	int			 isend, nsp = 0, ncjk = 0;

	width = pre[k] - pre[j] - last->sw + (last->hy ? last->hw : 0);
	psh = last->psh - s->a[j].popen - last->pclose;
	for (i = j; i + 1 < k; i++) {
		sp += s->a[i].sw;
		nsp += s->a[i].nsp;
		cst += s->a[i].cst;
		ncjk += s->a[i].cst > 0;
		psh += s->a[i].psh;
	}
	isend = k == s->na || last->must;
	slack = w - width;
	/* As TeX's \finalhyphendemerits: a paragraph does not end with
	 * the tail of a hyphenated word alone on its line. */
	pen = last->pen + (isend && j > 0 && s->a[j - 1].hy ?
	    PEN_FINALHYPH : 0);
	if (al != AL_JUSTIFY) {
		if (slack < -0.001 && k - j > 1)
			return INF_DEMERITS;
		bad = isend ? 0 : (slack / em) * (slack / em) * 10;
		return bad + pen;
	}
	/*
	 * Spaces stretch by half their width and shrink by a fifth; gaps
	 * between CJK characters stretch by a quarter em, unless spaces
	 * outnumber them (a Chinese name in an English line is not
	 * letter-spaced); CJK punctuation gives up a quarter em of its
	 * blank half (not at the edges of the line, where it would move
	 * the edge).
	 */
	stretch = sp / 2 + (ncjk >= nsp ? cst : 0);
	shrink = sp / 5 + (psh > 0 ? psh : 0);
	if (slack < 0) {
		if (k - j > 1 && -slack > shrink + 0.001)
			return INF_DEMERITS;
		r = shrink > 0 ? -slack / shrink : 0;
	} else if (isend)
		r = 0;
	else if (stretch > 0)
		r = slack / stretch;
	else	/* letter spacing between atoms; alone: as bad as it gets */
		r = slack / ((double)(k - j > 1 ? k - j - 1 : 1) * em / 4);
	/* Not capped at 10000 as in TeX: in a narrow column every line
	 * may be bad, and then the less bad should still win. */
	bad = 100 * r * r * r;
	return (10 + bad) * (10 + bad) + pen;
}

/* Choose the breaks; return the number of lines, breaks in *brk. */
static size_t
choose(struct setter *s, double w, enum align al, size_t **brk)
{
	double		*best, *pre, d, em = s->ctx->st->body;
	size_t		*from, k, j, n = s->na, nl, i;

	best = xreallocarray(NULL, n + 1, sizeof(double));
	pre = xreallocarray(NULL, n + 1, sizeof(double));
	from = xreallocarray(NULL, n + 1, sizeof(size_t));
	pre[0] = 0;
	for (k = 0; k < n; k++)
		pre[k + 1] = pre[k] + s->a[k].w;
	best[0] = 0;
	for (k = 1; k <= n; k++) {
		best[k] = INF_DEMERITS * 10;
		from[k] = k - 1;
		for (j = k; j-- > 0;) {
			if (j < k - 1 && s->a[j].must)
				break;
			if (j < k - 1 &&
			    pre[k] - pre[j] - s->a[k - 1].sw > w * 1.25)
				break;
			d = demerits(s, pre, j, k, w, al, em);
			if (d >= INF_DEMERITS)
				continue;
			if (best[j] + d < best[k]) {
				best[k] = best[j] + d;
				from[k] = j;
			}
		}
	}
	for (nl = 0, k = n; k > 0; k = from[k])
		nl++;
	*brk = xreallocarray(NULL, nl + 1, sizeof(size_t));
	for (i = nl, k = n; k > 0; k = from[k])
		(*brk)[i--] = k;
	(*brk)[0] = 0;
	free(best);
	free(pre);
	free(from);
	return nl;
}

static struct box *
push_box(struct box **bx, size_t *n, size_t *cap)
{
	struct box	*b;

	xgrow(bx, cap, *n + 1, sizeof(**bx));
	b = &(*bx)[(*n)++];
	memset(b, 0, sizeof(*b));
	return b;
}

/* Link areas over the runs of one link on a line. */
static void
line_links(const struct tline *tl, struct box **bx, size_t *n, size_t *cap)
{
	size_t		 i, end = tl->b0 + tl->nb;
	struct box	*b, *t, *l = NULL;

	for (i = tl->b0; i < end; i++) {
		t = &(*bx)[i];
		if (t->type != BX_TEXT || t->link == NULL) {
			l = NULL;
			continue;
		}
		if (l != NULL && l->text == t->link) {
			l->w = t->x + t->w - l->x;
			continue;
		}
		b = push_box(bx, n, cap);
		t = &(*bx)[i];
		b->type = BX_LINK;
		b->x = t->x;
		b->w = t->w;
		b->y = -tl->asc;
		b->h = tl->asc + tl->desc;
		b->text = t->link;
		b->len = strlen(t->link);
		l = b;
	}
}

/* Lay out atoms [j, k) as boxes of one line. */
static void
emit_line(struct setter *s, size_t j, size_t k, double w, enum align al,
    struct tline *tl, struct box **bx, size_t *n, size_t *cap)
{
	const struct atom	*last = &s->a[k - 1];
	const struct tstyle	*st;
	struct box		*b = NULL;
	double			 width = 0, x, extra = 0, asc, desc;
	double			 stretch = 0, shrink = 0, e = 0, q = 0, d;
	double			 cst = 0;
	size_t			 i, c, c0 = s->a[j].c0, cend, nb = 0, run = 0;
	int			 gapatoms = 0, isend, cut, side, nsp = 0, ncjk = 0;

	cend = last->c1;
	while (cend > last->c0 && is_space(s->ch[cend - 1].cp))
		cend--;
	for (i = j; i < k; i++)
		width += s->a[i].w;
	/* What the line may give and take, as in demerits(): every
	 * space inside it (glued ones too), the gaps between CJK atoms,
	 * the blank of CJK punctuation but at the line's edges. */
	for (c = c0; c < cend; c++) {
		if (s->ch[c].cp == ' ') {
			stretch += s->ch[c].w / 2;
			shrink += s->ch[c].w / 5;
			nsp++;
		}
		side = punct_side(s->ch[c].cp);
		if ((side == 1 && c > c0) || (side == 2 && c + 1 < cend))
			shrink += squeeze(s, c);
	}
	for (i = j; i + 1 < k; i++) {
		cst += s->a[i].cst;
		ncjk += s->a[i].cst > 0;
	}
	if (ncjk < nsp)
		cst = 0;
	stretch += cst;
	width -= last->sw;
	if (last->hy)
		width += last->hw;
	isend = k == s->na || last->must;
	x = 0;
	if (al == AL_RIGHT)
		x = w - width;
	else if (al == AL_CENTER)
		x = (w - width) / 2;
	else if (al == AL_JUSTIFY && (!isend || width > w)) {
		if (width > w && shrink > 0)
			q = (width - w) / shrink;
		else if (width <= w && stretch > 0)
			e = (w - width) / stretch;
		else if (k - j > 1 && w - width < (k - j - 1) * s->ctx->st->body)
			gapatoms = 1, extra = (w - width) / (k - j - 1);
	}
	tl->b0 = *n;
	tl->asc = tl->desc = 0;
	for (i = j; i < k; i++) {
		for (c = s->a[i].c0; c < s->a[i].c1 && c < cend; c++) {
			if (s->ch[c].cp == '\n')
				continue;
			side = q > 0 ? punct_side(s->ch[c].cp) : 0;
			if (side == 1 && c > c0 && (d = squeeze(s, c)) > 0) {
				x -= q * d;
				b = NULL;
			}
			st = &s->p->span[s->ch[c].span].st;
			cut = b == NULL || s->ch[c].span != s->ch[run].span ||
			    s->ch[c].face != b->face ||
			    s->ch[c].fake != b->fakebold;
			if (cut) {
				b = push_box(bx, n, cap);
				b->type = BX_TEXT;
				b->x = x;
				b->y = -st->rise;
				b->face = s->ch[c].face;
				b->fakebold = s->ch[c].fake;
				b->size = st->size;
				b->color = st->color;
				b->text = s->p->txt.data + s->ch[c].off;
				b->link = st->link;
				run = c;
				nb++;
				asc = fontset_ascent(s->ctx->fs, b->face) *
				    st->size / 1000.0 + st->rise;
				desc = -fontset_descent(s->ctx->fs, b->face) *
				    st->size / 1000.0 - st->rise;
				tl->asc = asc > tl->asc ? asc : tl->asc;
				tl->desc = desc > tl->desc ? desc : tl->desc;
			}
			b->len = (c + 1 < s->nch ? s->ch[c + 1].off :
			    s->p->txt.len) - (size_t)(b->text - s->p->txt.data);
			b->w += s->ch[c].w;
			x += s->ch[c].w;
			d = 0;
			if (s->ch[c].cp == ' ')
				d = e * s->ch[c].w / 2 - q * s->ch[c].w / 5;
			else if (side == 2 && c + 1 < cend)
				d = -q * squeeze(s, c);
			if (c + 1 == s->a[i].c1 && i + 1 < k)
				d += gapatoms ? extra : cst > 0 ? e * s->a[i].cst :
				    0;
			if (d != 0) {
				x += d;
				b = NULL;
			}
		}
	}
	if (last->hy && nb > 0) {
		c = cend > 0 ? cend - 1 : 0;
		st = &s->p->span[s->ch[c].span].st;
		b = push_box(bx, n, cap);
		b->type = BX_TEXT;
		b->x = x;
		b->y = -st->rise;
		b->face = s->ch[c].face;
		b->fakebold = s->ch[c].fake;
		b->size = st->size;
		b->color = st->color;
		b->text = "-";
		b->len = 1;
		b->w = last->hw;
		x += last->hw;
	}
	tl->nb = *n - tl->b0;
	tl->w = x;
	line_links(tl, bx, n, cap);
	tl->nb = *n - tl->b0;
}

/* Copy the text of each box into the arena, NUL-terminated. */
static void
own_text(struct lctx *ctx, struct box *bx, size_t b0, size_t n)
{
	size_t	 i;

	for (i = b0; i < n; i++)
		if (bx[i].type == BX_TEXT)
			bx[i].text = lstr(ctx, bx[i].text, bx[i].len);
}

size_t
para_break(struct lctx *ctx, const struct para *p, double w, enum align al,
    struct tline **lines, struct box **bx, size_t *nbx, size_t *bxcap)
{
	struct setter	 s;
	size_t		*brk, nl, i, b0 = *nbx;

	*lines = NULL;
	if (p->txt.len == 0 || p->nspan == 0)
		return 0;
	memset(&s, 0, sizeof(s));
	s.ctx = ctx;
	s.p = p;
	measure(&s);
	atoms(&s, w);
	nl = choose(&s, w, al, &brk);
	*lines = xcalloc(nl, sizeof(**lines));
	for (i = 0; i < nl; i++)
		emit_line(&s, brk[i], brk[i + 1], w, al, &(*lines)[i], bx,
		    nbx, bxcap);
	own_text(ctx, *bx, b0, *nbx);
	free(brk);
	free(s.ch);
	free(s.a);
	return nl;
}

void
para_minmax(struct lctx *ctx, const struct para *p, double *min, double *max)
{
	struct setter	 s;
	double		 line = 0, core;
	size_t		 i;

	*min = *max = 0;
	if (p->txt.len == 0 || p->nspan == 0)
		return;
	memset(&s, 0, sizeof(s));
	s.ctx = ctx;
	s.p = p;
	measure(&s);
	atoms(&s, 1e9);
	for (i = 0; i < s.na; i++) {
		core = s.a[i].w - s.a[i].sw;
		if (core > *min)
			*min = core;
		if (line + core > *max)
			*max = line + core;
		line += s.a[i].w;
		if (s.a[i].must)
			line = 0;
	}
	free(s.ch);
	free(s.a);
}

double
face_asc(struct lctx *ctx, const struct tstyle *st)
{
	return fontset_ascent(ctx->fs, st->face) * st->size / 1000.0;
}

/*
 * Set a paragraph as one item per line.  Widows and orphans: a page
 * may break after line i only if at least st->orphans lines stay
 * above and st->widows lines go below.
 */
void
para_set(struct lctx *ctx, const struct para *p, double x, double w,
    enum align al, double lh, int keeplast)
{
	struct tline	*tl = NULL;
	struct box	*bx = NULL, *b;
	struct vitem	*it;
	size_t		 nbx = 0, cap = 0, nl, i, k;
	double		 base, asc, desc;
	const struct tstyle *st = &p->cur;

	nl = para_break(ctx, p, w, al, &tl, &bx, &nbx, &cap);
	asc = fontset_ascent(ctx->fs, FACE_REGULAR) * st->size / 1000.0;
	desc = -fontset_descent(ctx->fs, FACE_REGULAR) * st->size / 1000.0;
	base = (lh - asc - desc) / 2 + asc;
	for (i = 0; i < nl; i++) {
		it = item_new(ctx, lh);
		if (i + 1 < nl)
			it->keep = (int)i + 1 < ctx->st->orphans ||
			    (int)(nl - 1 - i) < ctx->st->widows;
		else
			it->keep = keeplast;
		for (k = tl[i].b0; k < tl[i].b0 + tl[i].nb; k++) {
			b = item_box(ctx, bx[k].type);
			*b = bx[k];
			b->x += x;
			b->y += base;
		}
	}
	free(tl);
	free(bx);
}

double
text_width(struct lctx *ctx, const struct tstyle *st, const char *s,
    size_t len)
{
	return fontset_width(ctx->fs, st->face, st->size, s, len);
}

/* Boxes of a one-line string at (x, y baseline) in the current item. */
double
text_boxes(struct lctx *ctx, const struct tstyle *st, const char *s,
    size_t len, double x, double y)
{
	struct frun	*r = NULL;
	struct box	*b;
	size_t		 n, i;
	double		 x0 = x;

	n = fontset_runs(ctx->fs, st->face, s, len, &r);
	for (i = 0; i < n; i++) {
		b = item_box(ctx, BX_TEXT);
		b->x = x;
		b->y = y - st->rise;
		b->face = r[i].face;
		b->fakebold = r[i].fakebold;
		b->size = st->size;
		b->color = st->color;
		b->text = lstr(ctx, s + r[i].off, r[i].len);
		b->len = r[i].len;
		b->w = fontset_width(ctx->fs, r[i].face, st->size,
		    s + r[i].off, r[i].len);
		x += b->w;
	}
	free(r);
	return x - x0;
}
