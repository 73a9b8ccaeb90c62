/*
 * test_layout.c: the layout engine.  Lines never overflow and
 * justified lines fill the column; CJK obeys the kinsoku rules of
 * UAX #14; hyphenation follows the patterns; pages keep widows,
 * orphans and headings; tables repeat their header and align numbers
 * on the decimal point; figures stay whole; links and the contents
 * point where they should; style settings apply.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "doc.h"
#include "font.h"
#include "harness.h"
#include "layout.h"
#include "layout_int.h"
#include "msg.h"
#include "pdf.h"
#include "pdf_sample.h"

#define EPS	0.01

static struct fontset	*fs;

/* A context for calling the line breaker directly. */
struct bench {
	struct lctx	 ctx;
	struct layout	 lay;
	struct style	 st;
	struct doc	*d;
};

static void
bench_init(struct bench *b, const char *lang)
{
	struct pdf_opts	 po;

	memset(b, 0, sizeof(*b));
	pdf_opts_defaults(&po);
	b->d = doc_new("t.md");
	b->d->meta.lang = xstrdup(lang);
	style_load(&b->st, b->d, &po, fs);
	b->lay.arena = arena_new();
	b->ctx.doc = b->d;
	b->ctx.fs = fs;
	b->ctx.st = &b->st;
	b->ctx.lay = &b->lay;
	b->ctx.frame = -1;
}

static void
bench_free(struct bench *b)
{
	arena_free(b->lay.arena);
	doc_free(b->d);
}

struct lines {
	struct tline	*tl;
	struct box	*bx;
	size_t		 n, nbx, cap;
};

static void
set(struct bench *b, const char *text, enum face f, double w, enum align al,
    struct lines *l)
{
	struct para	 p;
	struct tstyle	 st;

	memset(&st, 0, sizeof(st));
	st.face = f;
	st.size = 10;
	para_init(&p, &st);
	para_add(&p, text, strlen(text));
	memset(l, 0, sizeof(*l));
	l->n = para_break(&b->ctx, &p, w, al, &l->tl, &l->bx, &l->nbx,
	    &l->cap);
	para_free(&p);
}

static void
lines_free(struct lines *l)
{
	free(l->tl);
	free(l->bx);
}

/* Rightmost edge of the text boxes of a line. */
static double
line_right(const struct lines *l, size_t i)
{
	size_t	 k;
	double	 r = 0;

	for (k = l->tl[i].b0; k < l->tl[i].b0 + l->tl[i].nb; k++)
		if (l->bx[k].type == BX_TEXT && l->bx[k].x + l->bx[k].w > r)
			r = l->bx[k].x + l->bx[k].w;
	return r;
}

/* The text of line i, boxes joined. */
static char *
line_text(const struct lines *l, size_t i)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 k;

	for (k = l->tl[i].b0; k < l->tl[i].b0 + l->tl[i].nb; k++)
		if (l->bx[k].type == BX_TEXT)
			buf_put(&b, l->bx[k].text, l->bx[k].len);
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_steal(&b);
}

static void
test_breaking(void)
{
	struct bench	 b;
	struct lines	 l;
	size_t		 i, over = 0, short_ = 0;
	char		*t;
	int		 bad;

	bench_init(&b, "en");
	set(&b, prose[0], FACE_REGULAR, 200, AL_JUSTIFY, &l);
	CHECK(l.n >= 4, "a paragraph in 200 pt takes several lines (%zu)",
	    l.n);
	for (i = 0; i + 1 < l.n; i++)
		if (fabs(line_right(&l, i) - 200) > EPS) {
			t = line_text(&l, i);
			printf("# line %zu ends at %.3f: %s\n", i,
			    line_right(&l, i), t);
			free(t);
			short_++;
		}
	CHECK(short_ == 0, "every justified line but the last ends at the "
	    "right edge (%zu do not)", short_);
	CHECK(line_right(&l, l.n - 1) <= 200 + EPS, "the last line fits");
	lines_free(&l);

	set(&b, prose[1], FACE_REGULAR, 150, AL_LEFT, &l);
	for (i = 0; i < l.n; i++)
		if (line_right(&l, i) > 150 + EPS)
			over++;
	CHECK(over == 0 && l.n > 3, "ragged lines never pass the edge");
	lines_free(&l);

	set(&b, "see https://pubs.usgs.gov/periodicals/mcs2024/"
	    "mcs2024-cobalt-and-other-minerals.pdf now", FACE_REGULAR, 80,
	    AL_JUSTIFY, &l);
	for (i = 0, over = 0; i < l.n; i++)
		if (line_right(&l, i) > 80 + EPS)
			over++;
	CHECK(over == 0 && l.n >= 3, "a URL wider than the column is cut "
	    "into %zu lines, none too wide", l.n);
	lines_free(&l);

	set(&b, "first line\nsecond", FACE_REGULAR, 300, AL_JUSTIFY, &l);
	CHECK(l.n == 2, "a line break forces a new line");
	t = line_text(&l, 0);
	CHECK_STR(t, "first line", "and the line before it is ragged, "
	    "not stretched");
	CHECK(line_right(&l, 0) < 100, "(it ends at %.1f)", line_right(&l, 0));
	free(t);
	lines_free(&l);
	bench_free(&b);

	bench_init(&b, "zh");
	set(&b, "关键矿产是能源转型的原材料：锂、钴和镍用于电池，稀土用于风力"
	    "发电机（和电动机）的磁体。镓和锗用于半导体。", FACE_REGULAR, 97,
	    AL_JUSTIFY, &l);
	bad = 0;
	for (i = 0; i < l.n; i++) {
		t = line_text(&l, i);
		if (strncmp(t, "。", 3) == 0 || strncmp(t, "，", 3) == 0 ||
		    strncmp(t, "）", 3) == 0 || strncmp(t, "：", 3) == 0 ||
		    (strlen(t) >= 3 && strcmp(t + strlen(t) - 3, "（") == 0))
			bad++;
		if (line_right(&l, i) > 97 + EPS)
			bad++;
		free(t);
	}
	CHECK(l.n >= 5 && bad == 0, "CJK breaks between characters, never "
	    "before closing or after opening punctuation (%zu lines, %d bad)",
	    l.n, bad);
	for (i = 0, short_ = 0; i + 1 < l.n; i++)
		if (fabs(line_right(&l, i) - 97) > EPS)
			short_++;
	CHECK(short_ == 0, "justified CJK lines fill the column");
	lines_free(&l);
	bench_free(&b);
}

static void
test_hyphenation(void)
{
	struct hyph	*h;
	struct bench	 b;
	struct lines	 l;
	char		 ok[32];
	size_t		 i, nhy = 0;

	if ((h = hyph_load("en")) == NULL) {
		CHECK(0, "hyphenation patterns for English (hyphen-en-us)");
		return;
	}
	/* TeX's US English patterns: hy-phen-ation, ex-am-ple. */
	hyph_word(h, "hyphenation", 11, ok);
	CHECK(ok[2] && ok[6] && !ok[1] && !ok[3] && !ok[4] && !ok[5] &&
	    !ok[7] && !ok[8] && !ok[9] && !ok[10], "hy-phen-ation");
	hyph_word(h, "Concentration", 13, ok);
	CHECK(ok[3] && ok[6], "con-cen-tra-tion, capitals too");
	hyph_word(h, "cat", 3, ok);
	CHECK(!ok[1] && !ok[2], "no break in a word of three letters");
	hyph_free(h);

	bench_init(&b, "en");
	b.ctx.hy = hyph_get("en");
	set(&b, prose[3], FACE_REGULAR, 120, AL_JUSTIFY, &l);
	for (i = 0; i < l.n; i++)
		if (l.tl[i].nb > 0 && l.bx[l.tl[i].b0 + l.tl[i].nb - 1].len ==
		    1 && l.bx[l.tl[i].b0 + l.tl[i].nb - 1].text[0] == '-')
			nhy++;
	CHECK(nhy > 0, "a narrow column hyphenates (%zu of %zu lines)", nhy,
	    l.n);
	for (i = 0; i + 1 < l.n; i++)
		if (fabs(line_right(&l, i) - 120) > EPS) {
			char *tt = line_text(&l, i);
			free(tt);
			break;
		}
	CHECK(i + 1 >= l.n, "and hyphenated lines still fill the column");
	lines_free(&l);
	bench_free(&b);
}

/* Set the inline children of node n at width w, justified. */
static void
set_node(struct bench *b, const struct node *n, double w, struct lines *l)
{
	struct para	 p;
	struct tstyle	 st;

	memset(&st, 0, sizeof(st));
	st.face = FACE_REGULAR;
	st.size = 10;
	para_init(&p, &st);
	para_inlines(&b->ctx, &p, n);
	memset(l, 0, sizeof(*l));
	l->n = para_break(&b->ctx, &p, w, AL_JUSTIFY, &l->tl, &l->bx, &l->nbx,
	    &l->cap);
	para_free(&p);
}

/*
 * The widest gap between two text boxes of line i beyond what the
 * first box holds (its trailing space included), in ems; and the most
 * two boxes overlap, with whether each overlap follows a closing or
 * precedes an opening CJK punctuation mark.
 */
static double
widest_gap(const struct lines *l, size_t i, double *overlap, int *badover)
{
	const struct box *a, *b;
	double		 g, worst = 0;
	size_t		 k;

	for (k = l->tl[i].b0; k + 1 < l->tl[i].b0 + l->tl[i].nb; k++) {
		a = &l->bx[k];
		b = &l->bx[k + 1];
		if (a->type != BX_TEXT || b->type != BX_TEXT || a->size < 10)
			continue;
		g = b->x - (a->x + a->w);
		if (g / a->size > worst)
			worst = g / a->size;
		if (-g > *overlap)
			*overlap = -g;
		if (g < -EPS && !(a->len >= 3 && (strcmp(a->text + a->len - 3,
		    "）") == 0 || strcmp(a->text + a->len - 3, "；") == 0 ||
		    strcmp(a->text + a->len - 3, "，") == 0 ||
		    strcmp(a->text + a->len - 3, "。") == 0)) &&
		    strncmp(b->text, "（", 3) != 0)
			(*badover)++;
	}
	return worst;
}

/*
 * Line breaking in the weeklies: a cross-reference is one word
 * ("Figure 12", "图 4"); Chinese lines with a space share the stretch
 * with the gaps between characters instead of piling it into the
 * space; a line too long by a little takes back the blank half of
 * its CJK punctuation (the line before "（金）" that was stretched by
 * 0.16 em per gap); a paragraph does not end with the tail of a
 * hyphenated word.
 */
static void
test_lines(void)
{
	struct bench	 b;
	struct lines	 l;
	struct node	*n;
	double		 w, g, worst, over;
	size_t		 i, splits, lines;
	int		 badover, tails;
	char		*t;

	bench_init(&b, "en");
	n = W(N_PARAGRAPH, T("The category map in "), XREF("f", "Figure 12"),
	    T(" measures both axes, and "), XREF("t", "Table 3"),
	    T(" gives the result."), NULL);
	for (w = 60, splits = lines = 0; w <= 300; w += 1) {
		set_node(&b, n, w, &l);
		for (i = 0; i < l.n; i++, lines++) {
			t = line_text(&l, i);
			if ((strlen(t) >= 6 && (strcmp(t + strlen(t) - 6,
			    "Figure") == 0 || strcmp(t + strlen(t) - 7,
			    "Figure ") == 0)) || strncmp(t, "12", 2) == 0 ||
			    strncmp(t, "3 ", 2) == 0)
				splits++;
			free(t);
		}
		lines_free(&l);
	}
	CHECK(splits == 0 && lines > 500, "'Figure 12' and 'Table 3' never "
	    "split across lines (%zu of %zu lines, widths 60 to 300)", splits,
	    lines);
	node_free(n);
	bench_free(&b);

	bench_init(&b, "zh");
	n = W(N_PARAGRAPH, T("白皮书预计，2020年至2040年锂需求将增长40倍以上，"
	    "石墨和镍将增长20至25倍（"), XREF("f", "图 5"), T("）。这些倍数与"
	    "国际能源署可持续发展情景一致，该情景是符合《巴黎协定》目标的路"
	    "径，而非预测。按 BACI 的重量计，挪威占美国钴进口的20.1%。"), NULL);
	for (w = 150, worst = 0, splits = 0; w <= 460; w += 1) {
		set_node(&b, n, w, &l);
		for (i = 0; i + 1 < l.n; i++) {
			over = 0;
			badover = 0;
			if ((g = widest_gap(&l, i, &over, &badover)) > worst)
				worst = g;
			t = line_text(&l, i);
			if (strlen(t) >= 3 && strcmp(t + strlen(t) - 3, "图") ==
			    0)
				splits++;
			free(t);
		}
		lines_free(&l);
	}
	CHECK(splits == 0, "'图 5' is not split either (%zu)", splits);
	CHECK(worst < 0.3, "justified Chinese with spaces: no gap wider "
	    "than 0.3 em at widths 150 to 460 (widest %.2f em)", worst);
	node_free(n);

	n = W(N_PARAGRAPH, T("2018—2020年刚果（金）出口的钴产品中68%运往中国，"
	    "我国钴进口的95%来自刚果（金）"), CITE(3), T("；刚果（金）自2月22"
	    "日起暂停钴出口四个月，影响几乎全部落在这一条通道上。"), NULL);
	set_node(&b, n, 422.28, &l);
	over = 0;
	badover = 0;
	g = widest_gap(&l, 0, &over, &badover);
	t = line_text(&l, 0);
	CHECK(l.n == 2 && strlen(t) >= 3 && strcmp(t + strlen(t) - 3, "；")
	    == 0, "the line before '（金）' takes '（金）[3]；' in (%s)", t);
	CHECK(g < 0.05 && fabs(line_right(&l, 0) - 422.28) < EPS,
	    "and is not stretched (widest gap %.3f em), ending at the edge", g);
	CHECK(over > 0 && over <= 2.5 + EPS && badover == 0, "by taking back "
	    "at most a quarter em after closing and before opening "
	    "punctuation (%.2f pt, %d elsewhere)", over, badover);
	free(t);
	lines_free(&l);
	for (w = 150, over = 0, badover = 0; w <= 460; w += 1) {
		set_node(&b, n, w, &l);
		for (i = 0; i < l.n; i++) {
			(void)widest_gap(&l, i, &over, &badover);
			if (line_right(&l, i) > w + EPS)
				badover++;
		}
		lines_free(&l);
	}
	CHECK(over <= 2.5 + EPS && badover == 0, "at every width from 150 "
	    "to 460 (%.2f pt at most, %d bad)", over, badover);
	node_free(n);
	bench_free(&b);

	/* The Key findings item of the weekly, 422.28 pt wide, ended
	 * "... and mine 99.7% of out-" / "put." */
	bench_init(&b, "en");
	b.ctx.hy = hyph_get("en");
	set(&b, "The white paper\xe2\x80\x99s rare-earth figure holds: the "
	    "three largest holders have 79.1% of world reserves. Its 94% for "
	    "gallium cannot be a reserves figure, since USGS publishes no "
	    "gallium reserves; the three largest countries hold 93.3% of "
	    "primary capacity and mine 99.7% of output.", FACE_REGULAR,
	    422.28, AL_JUSTIFY, &l);
	t = l.n > 0 ? line_text(&l, l.n - 1) : xstrdup("");
	tails = l.n >= 2 && l.tl[l.n - 2].nb > 0 && l.bx[l.tl[l.n - 2].b0 +
	    l.tl[l.n - 2].nb - 1].len == 1 && l.bx[l.tl[l.n - 2].b0 +
	    l.tl[l.n - 2].nb - 1].text[0] == '-';
	CHECK(!tails && l.n == 4, "a paragraph does not end with the tail of "
	    "a hyphenated word (last line: %s)", t);
	free(t);
	lines_free(&l);
	bench_free(&b);
}

static void *
hyph_thread(void *arg)
{
	const struct hyph	**got = arg;

	got[0] = hyph_get("en");
	got[1] = hyph_get("en-US");
	return NULL;
}

/*
 * The patterns are read once per process and shared: documents built
 * on several threads at once all get the same object, whatever tag
 * names the file (hyph_en.dic is a link to hyph_en_US.dic).
 */
static void
test_hyph_shared(void)
{
	const struct hyph	*got[4][2], *en;
	pthread_t		 th[4];
	int			 i, started = 0, same = 0;

	for (i = 0; i < 4; i++)
		if (pthread_create(&th[i], NULL, hyph_thread, got[i]) == 0)
			started++;
	for (i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	en = hyph_get("en");
	for (i = 0; i < started; i++)
		if (got[i][0] == en && got[i][1] == en)
			same++;
	CHECK(started == 4 && en != NULL && same == 4, "four threads get the "
	    "same patterns for en and en-US (%d of %d)", same, started);
	CHECK(hyph_get("en_US") == en && hyph_get("en-GB") == en,
	    "en_US, and en-GB through the en fallback, share them");
	CHECK(hyph_get("xx") == NULL && hyph_get("../en") == NULL &&
	    hyph_get("") == NULL, "no patterns for xx, ../en or the empty "
	    "tag");
}

struct tline_p {
	size_t	 page;
	double	 y;
};

/* Page and baseline of the first text box containing s, or page -1. */
static struct tline_p
find(const struct layout *l, const char *s, size_t from)
{
	struct tline_p	 r = { (size_t)-1, 0 };
	size_t		 p, i;

	for (p = from; p < l->npages; p++)
		for (i = 0; i < l->page[p].n; i++)
			if (l->page[p].box[i].type == BX_TEXT &&
			    strstr(l->page[p].box[i].text, s) != NULL) {
				r.page = p;
				r.y = l->page[p].box[i].y;
				return r;
			}
	return r;
}

/* Distinct body baselines on page p between y0 and y1 inclusive. */
static size_t
count_lines(const struct layout *l, size_t p, double y0, double y1)
{
	double	 ys[512];
	size_t	 n = 0, i, k;
	const struct box *b;

	for (i = 0; i < l->page[p].n; i++) {
		b = &l->page[p].box[i];
		if (b->type != BX_TEXT || b->y < y0 - EPS || b->y > y1 + EPS ||
		    b->y < l->st.mt || b->y > l->st.page_h - l->st.mb)
			continue;
		for (k = 0; k < n; k++)
			if (fabs(ys[k] - b->y) < 1)
				break;
		if (k == n && n < 512)
			ys[n++] = b->y;
	}
	return n;
}

static struct layout *
run(struct doc *d)
{
	struct pdf_opts	 po;

	pdf_opts_defaults(&po);
	return layout_run(d, fs, &po);
}

/*
 * Push a heading and a five-line paragraph down the page one line at
 * a time: wherever the page breaks, two lines at least stay on each
 * side, and the heading is never last on its page.
 */
static void
test_keep(void)
{
	struct doc	*d;
	struct layout	*l;
	struct node	*r;
	struct tline_p	 a, z, hd;
	int		 k, i, orphans = 0, widows = 0, lone = 0, splits = 0;
	char		 text[1024];

	for (k = 0; k < 60; k++) {
		d = doc_new("keep.md");
		r = d->root;
		for (i = 0; i < k; i++)
			node_append(r, W(N_PARAGRAPH, T("One line."), NULL));
		H(r, 2, "1", "h", "HEADING");
		snprintf(text, sizeof(text), "START %s FINISH", prose[3]);
		node_append(r, W(N_PARAGRAPH, T(text), NULL));
		P(r, 2);
		l = run(d);
		a = find(l, "START", 0);
		z = find(l, "FINISH", 0);
		hd = find(l, "HEADING", 0);
		if (a.page != z.page) {
			splits++;
			if (count_lines(l, a.page, a.y, 1e9) < 2)
				orphans++;
			if (count_lines(l, z.page, 0, z.y) < 2)
				widows++;
		}
		if (count_lines(l, hd.page, hd.y + 1, 1e9) == 0)
			lone++;
		layout_free(l);
		doc_free(d);
	}
	CHECK(splits > 0, "the paragraph was split across pages (%d times)",
	    splits);
	CHECK(orphans == 0, "no orphan line (%d)", orphans);
	CHECK(widows == 0, "no widow line (%d)", widows);
	CHECK(lone == 0, "no heading alone at the bottom of a page (%d)",
	    lone);
}

/* Where the first text box containing s is, as one number to order. */
static double
at(const struct layout *l, const char *s)
{
	struct tline_p	 p = find(l, s, 0);

	return p.page == (size_t)-1 ? -1 : (double)p.page * 10000 + p.y;
}

/* Distinct baselines of body text (regular, 10 pt) on page p in [y0, y1]. */
static size_t
body_lines(const struct layout *l, size_t p, double y0, double y1)
{
	double	 ys[512];
	size_t	 n = 0, i, k;
	const struct box *b;

	for (i = 0; i < l->page[p].n; i++) {
		b = &l->page[p].box[i];
		if (b->type != BX_TEXT || b->face != FACE_REGULAR ||
		    fabs(b->size - 10) > EPS || b->y < y0 - EPS ||
		    b->y > y1 + EPS)
			continue;
		for (k = 0; k < n; k++)
			if (fabs(ys[k] - b->y) < 1)
				break;
		if (k == n && n < 512)
			ys[n++] = b->y;
	}
	return n;
}

/* The space left under the lowest box of the text area of page p. */
static double
foot_space(const struct layout *l, size_t p)
{
	const struct box *b;
	double		 low = l->st.mt, y, bottom = l->st.page_h - l->st.mb;
	size_t		 i;

	for (i = 0; i < l->page[p].n; i++) {
		b = &l->page[p].box[i];
		y = b->type == BX_TEXT ? b->y + b->size * 0.25 : b->y + b->h;
		if (b->y > l->st.mt && y <= bottom + 1 && y > low)
			low = y;
	}
	return bottom - low;
}

/* The nth chart (BX_DL) in page order: its page, or -1. */
static long
chart_at(const struct layout *l, size_t nth, const struct box **bp)
{
	size_t	 p, i;

	for (p = 0; p < l->npages; p++)
		for (i = 0; i < l->page[p].n; i++)
			if (l->page[p].box[i].type == BX_DL && nth-- == 0) {
				*bp = &l->page[p].box[i];
				return (long)p;
			}
	return -1;
}

/*
 * A section with a figure that k one-line paragraphs push down the
 * page, text after it, a lower heading, a second figure, and the next
 * section with a short table between two paragraphs.
 */
static struct doc *
float_doc(int k, int floats)
{
	struct doc	*d = doc_new("float.md");
	struct node	*r = d->root;
	char		 text[1024];
	int		 i;

	opt(d, "toc", "false");
	if (!floats)
		opt(d, "float-figures", "false");
	H(r, 1, "1", "s1", "FIRST");
	for (i = 0; i < k; i++)
		node_append(r, W(N_PARAGRAPH, T("One line."), NULL));
	node_append(r, W(N_PARAGRAPH, T("BEFORE the figure."), NULL));
	node_append(r, sample_figure(1, "fa"));
	snprintf(text, sizeof(text), "AFTER %s ENDA", prose[3]);
	node_append(r, W(N_PARAGRAPH, T(text), NULL));
	H(r, 2, "1.1", "s11", "LOWER");
	P(r, 4);
	node_append(r, sample_figure(2, "fb"));
	P(r, 0);
	H(r, 1, "2", "s2", "NEXT");
	P(r, 1);
	node_append(r, W(N_PARAGRAPH, T("TBEFORE the table."), NULL));
	node_append(r, sample_table(1, "ta", 5));
	snprintf(text, sizeof(text), "TAFTER %s TEND", prose[2]);
	node_append(r, W(N_PARAGRAPH, T(text), NULL));
	H(r, 1, "3", "s3", "LAST");
	P(r, 2);
	return d;
}

/*
 * Floats: push a figure down the page one line at a time.  Where it
 * does not fit, the text after it fills the page and the figure opens
 * the next one, but never past the next heading of its level, never
 * after the next figure, never more than a page from the text before
 * it, and widows, orphans and headings are kept as without floats.
 * The same for a short table.  With float-figures: false, nothing
 * moves and the page is left blank instead.
 */
static void
test_float(void)
{
	struct doc		*d;
	struct layout		*l;
	const struct box	*ca, *cb, *b;
	const struct anchor	*an;
	struct tline_p		 bf, af, ea, lo, ta, te;
	size_t			 p, i;
	double			 fa, fb, blank, maxblank = 0, offblank = 0;
	int			 k, floats, moved = 0, tmoved = 0, order = 0;
	int			 away = 0, top = 0, orphans = 0, widows = 0;
	int			 lone = 0, overlap = 0, badblank = 0, tsplit = 0;
	int			 offmoved = 0, anchors = 0, tfar = 0;

	for (floats = 1; floats >= 0; floats--)
	for (k = 0; k < 45; k++) {
		d = float_doc(k, floats);
		l = run(d);
		bf = find(l, "BEFORE", 0);
		af = find(l, "AFTER", 0);
		ea = find(l, "ENDA", 0);
		lo = find(l, "LOWER", 0);
		fa = at(l, "Figure 1.");
		fb = at(l, "Figure 2.");
		if (chart_at(l, 0, &ca) < 0 || chart_at(l, 1, &cb) < 0) {
			CHECK(0, "two charts at %d", k);
			goto next;
		}
		/* Reading order: what may not be passed. */
		if (!(at(l, "BEFORE") < fa && fa < fb && fb < at(l, "NEXT") &&
		    at(l, "TBEFORE") < at(l, "Table 1.") &&
		    at(l, "Table 1.") < at(l, "LAST")))
			order++;
		if (!floats) {
			if (at(l, "AFTER") < fa || at(l, "TAFTER") <
			    at(l, "Table 1."))
				offmoved++;
			if (find(l, "Figure 1.", 0).page > bf.page &&
			    (blank = foot_space(l, bf.page)) > offblank)
				offblank = blank;
			goto next;
		}
		p = (size_t)chart_at(l, 0, &ca);
		if (p > bf.page + 1)
			away++;
		if (af.page < p) {
			moved++;
			/* It opens its page. */
			if (ca->y > l->st.mt + 1)
				top++;
		}
		/* Where the figure left its page, that page is full but
		 * for less than the next piece of text needs (at most a
		 * heading of level 2 with two lines under it: 15.6 + 18.2
		 * + 6.5 + 2 x 14.5 = 69.3 pt), unless all the text up to
		 * the next figure moved up ("2030s" ends it). */
		if (p > bf.page && find(l, "2030s", 0).page > bf.page) {
			blank = foot_space(l, bf.page);
			if (blank > maxblank)
				maxblank = blank;
			if (blank > 70)
				badblank++;
		}
		if (af.page != ea.page) {
			if (body_lines(l, af.page, af.y, 1e9) < 2)
				orphans++;
			if (body_lines(l, ea.page, 0, ea.y) < 2)
				widows++;
		}
		if (body_lines(l, lo.page, lo.y + 1, 1e9) == 0)
			lone++;
		an = layout_anchor(l, "fa");
		if (an == NULL || an->page != p)
			anchors++;
		/* No text inside a chart. */
		for (p = 0; p < l->npages; p++)
			for (i = 0; i < l->page[p].n; i++) {
				b = &l->page[p].box[i];
				if (b->type == BX_TEXT && ((chart_at(l, 0, &ca) ==
				    (long)p && b->y > ca->y && b->y < ca->y +
				    ca->h) || (chart_at(l, 1, &cb) == (long)p &&
				    b->y > cb->y && b->y < cb->y + cb->h)))
					overlap++;
			}
		/* The table: caption, header and first row together. */
		ta = find(l, "Table 1.", 0);
		te = find(l, "TBEFORE", 0);
		if (find(l, "Country", 0).page != ta.page ||
		    find(l, "Congo (Kinshasa)", 0).page != ta.page)
			tsplit++;
		if (find(l, "TAFTER", 0).page < ta.page)
			tmoved++;
		if (ta.page > te.page + 1)
			tfar++;
next:
		layout_free(l);
		doc_free(d);
	}
	CHECK(moved > 0, "a figure that does not fit floats to the next page "
	    "while the text after it fills the page (%d of 45 positions)",
	    moved);
	CHECK(top == 0, "a floated figure opens its page (%d do not)", top);
	CHECK(badblank == 0 && maxblank > 0, "the page it leaves is full "
	    "but for what the next text cannot use (%d are not; most space "
	    "left %.1f pt)", badblank, maxblank);
	CHECK(away == 0 && tfar == 0, "a float moves one page at most (%d, "
	    "%d do not)", away, tfar);
	CHECK(order == 0, "floats pass no heading of their level, no later "
	    "figure or table, and no text before them (%d out of order)",
	    order);
	CHECK(orphans == 0 && widows == 0, "no orphan or widow in the text "
	    "that fills the page (%d, %d)", orphans, widows);
	CHECK(lone == 0, "no heading alone at the foot of a page (%d)", lone);
	CHECK(overlap == 0, "no text inside a chart (%d boxes)", overlap);
	CHECK(anchors == 0, "links to a floated figure open its page (%d do "
	    "not)", anchors);
	CHECK(tmoved > 0 && tsplit == 0, "a short table floats too (%d "
	    "positions), never split from its header (%d)", tmoved, tsplit);
	CHECK(offmoved == 0 && offblank > 150, "float-figures: false keeps "
	    "the order and leaves the page blank (%d moved, up to %.0f pt "
	    "blank)", offmoved, offblank);
}

static int
has_text(const struct layout *l, size_t p, const char *s)
{
	size_t	 i;

	for (i = 0; i < l->page[p].n; i++)
		if (l->page[p].box[i].type == BX_TEXT &&
		    strcmp(l->page[p].box[i].text, s) == 0)
			return 1;
	return 0;
}

static void
test_table(void)
{
	struct doc	*d = doc_new("table.md");
	struct layout	*l;
	const struct box *b, *num = NULL, *big = NULL;
	size_t		 p, i, withrows = 0, withhead = 0;
	double		 dot1, dot2;

	node_append(d->root, sample_table(1, "t", 90));
	l = run(d);
	for (p = 0; p < l->npages; p++) {
		if (has_text(l, p, "Cuba"))
			withrows++;
		if (has_text(l, p, "Country"))
			withhead++;
	}
	CHECK(withrows >= 2, "a table of 90 rows spans %zu pages", withrows);
	CHECK(withhead == withrows, "its header is on each of them (%zu)",
	    withhead);
	for (i = 0; i < l->page[0].n; i++) {
		b = &l->page[0].box[i];
		if (b->type == BX_TEXT && strcmp(b->text, "4.6") == 0)
			num = b;
		if (b->type == BX_TEXT && strcmp(b->text, "73.9") == 0)
			big = b;
	}
	CHECK(num != NULL && big != NULL, "the cells are there (share "
	    "formatted .1f: 73.9, 9.25 / 2 = 4.6)");
	if (num != NULL && big != NULL) {
		dot1 = num->x + fontset_width(fs, FACE_REGULAR, num->size,
		    "4", 1);
		dot2 = big->x + fontset_width(fs, FACE_REGULAR, big->size,
		    "73", 2);
		CHECK_NUM(dot1, dot2, EPS, "4.6 and 73.9 line up on the "
		    "decimal point");
	}
	num = big = NULL;
	for (i = 0; i < l->page[0].n; i++) {
		b = &l->page[0].box[i];
		if (b->type == BX_TEXT && strcmp(b->text, "8,500") == 0)
			num = b;
		if (b->type == BX_TEXT && strcmp(b->text, "170,000") == 0)
			big = b;
	}
	CHECK(num != NULL && big != NULL && fabs(num->x + num->w - big->x -
	    big->w) < EPS, "whole numbers (,.0f) end at one x");
	layout_free(l);
	doc_free(d);
}

/* Checks over the whole sample briefing. */
static void
test_sample(void)
{
	struct doc		*d = sample_doc();
	struct layout		*l;
	const struct box	*b, *t;
	const struct anchor	*a;
	const struct style	*st;
	struct buf		 d1 = { NULL, 0, 0 }, d2 = { NULL, 0, 0 };
	size_t			 p, i, k, out = 0, badlink = 0, links = 0;
	size_t			 figs = 0, figok = 0, tocok = 0, tocn = 0;
	char			 s[64];

	l = run(d);
	st = &l->st;
	CHECK(l->npages >= 9 && l->npages <= 14, "the sample fills about a "
	    "dozen pages (%zu)", l->npages);
	for (p = 1; p < l->npages; p++)
		for (i = 0; i < l->page[p].n; i++) {
			b = &l->page[p].box[i];
			if (b->type == BX_TEXT && (b->x < st->ml - EPS ||
			    b->x + b->w > st->page_w - st->mr + EPS))
				out++;
		}
	CHECK(out == 0, "no text passes the side margins (%zu boxes do)",
	    out);
	for (p = 1, out = 0; p < l->npages; p++) {
		snprintf(s, sizeof(s), "Page %zu of %zu", p + 1, l->npages);
		if (!has_text(l, p, s))
			out++;
	}
	CHECK(out == 0, "every page but the cover says 'Page N of M'");
	CHECK(!has_text(l, 0, "Page 1 of 10") && find(l, "Page 1 of", 0).page
	    == (size_t)-1, "the cover does not");
	for (p = 0; p < l->npages; p++)
		for (i = 0; i < l->page[p].n; i++) {
			b = &l->page[p].box[i];
			if (b->type == BX_LINK && b->text[0] == '#') {
				links++;
				if (layout_anchor(l, b->text + 1) == NULL)
					badlink++;
			}
			if (b->type != BX_DL)
				continue;
			figs++;
			for (k = 0; k < l->page[p].n; k++) {
				t = &l->page[p].box[k];
				if (t->type == BX_TEXT && strncmp(t->text,
				    "Figure 1", 8) == 0 && t->y > b->y + b->h)
					figok++;
			}
		}
	CHECK(links > 20 && badlink == 0, "all %zu internal links have a "
	    "target", links);
	CHECK(figs == 1 && figok == 1, "the figure and its caption are on "
	    "one page");
	/* The contents (page 2): each entry's number is its target's page. */
	for (i = 0; i < l->page[1].n; i++) {
		b = &l->page[1].box[i];
		if (b->type != BX_LINK || b->text[0] != '#')
			continue;
		tocn++;
		a = layout_anchor(l, b->text + 1);
		snprintf(s, sizeof(s), "%zu", a != NULL ? a->page + 1 : 0);
		for (k = 0; k < l->page[1].n; k++) {
			t = &l->page[1].box[k];
			if (t->type == BX_TEXT && t->y > b->y && t->y < b->y +
			    b->h && fabs(t->x + t->w - (st->page_w - st->mr))
			    < EPS && strcmp(t->text, s) == 0)
				tocok++;
		}
	}
	CHECK(tocn == 15 && tocok == tocn, "the contents list %zu entries "
	    "(14 headings and the sources), "
	    "%zu with the right page", tocn, tocok);
	CHECK(l->noutline == 16 && l->outline[0].level == 1 &&
	    strcmp(l->outline[2].title, "1.1 Cobalt") == 0,
	    "the outline has the headings, contents and sources (%zu)",
	    l->noutline);
	layout_dump(l, &d1);
	layout_free(l);
	l = run(d);
	layout_dump(l, &d2);
	CHECK(d1.len > 0 && d1.len == d2.len &&
	    memcmp(d1.data, d2.data, d1.len) == 0, "the layout is the same "
	    "every time");
	buf_free(&d1);
	buf_free(&d2);
	layout_free(l);
	doc_free(d);
}

/* Bold CJK has no face of its own: it is drawn with a stroke. */
static void
test_cjk(void)
{
	struct doc	*d = sample_zh();
	struct layout	*l;
	size_t		 p, i, fake = 0, latin = 0;
	const struct box *b;

	l = run(d);
	for (p = 0; p < l->npages; p++)
		for (i = 0; i < l->page[p].n; i++) {
			b = &l->page[p].box[i];
			if (b->type != BX_TEXT)
				continue;
			if (b->fakebold && b->face == FACE_CJK &&
			    strstr(b->text, "集中") != NULL)
				fake++;
			if (b->face == FACE_REGULAR &&
			    strstr(b->text, "Cobalt") != NULL)
				latin++;
		}
	CHECK(fake > 0, "bold Chinese is CJK with fake bold");
	CHECK(latin > 0, "Latin words in Chinese text use the Latin face");
	layout_free(l);
	doc_free(d);
}

static void
test_style(void)
{
	struct doc	*d = doc_new("style.md");
	struct layout	*l;
	struct msgctx	 mc;
	struct buf	 err = { NULL, 0, 0 };
	struct pdf_opts	 po;
	struct style	 st;

	opt(d, "page-size", "Letter");
	opt(d, "margin", "1in");
	opt(d, "justify", "no");
	opt(d, "heading-color", "#a00");
	node_append(d->root, W(N_PARAGRAPH, T(prose[0]), NULL));
	l = run(d);
	CHECK(l != NULL && l->st.page_w == 612 && l->st.page_h == 792,
	    "page-size: Letter");
	CHECK(l != NULL && fabs(l->st.ml - 72) < EPS && fabs(l->st.mb - 72) <
	    EPS, "margin: 1in");
	CHECK(l != NULL && !l->st.justify && l->st.heading == 0xaa0000,
	    "justify: no; heading-color: #a00");
	layout_free(l);
	doc_free(d);

	d = doc_new("style.md");
	opt(d, "page-size", "A4");
	opt(d, "colour", "red");
	opt(d, "margin", "2 furlongs");
	memset(&mc, 0, sizeof(mc));
	mc.sink = &err;
	msg_push(&mc);
	pdf_opts_defaults(&po);
	CHECK(!style_load(&st, d, &po, fs), "bad settings fail");
	msg_pop();
	CHECK(err.data != NULL && strstr(err.data, "style.md:3:3: error: "
	    "unknown style setting 'colour'") != NULL, "an unknown key is "
	    "reported at its place");
	CHECK(err.data != NULL && strstr(err.data, "style.md:4:3: error: bad "
	    "value '2 furlongs' for 'margin'") != NULL, "so is a bad value");
	buf_free(&err);
	doc_free(d);

}

static void
test_limits(void)
{
	struct doc	*d = doc_new("deep.md");
	struct node	*n = d->root, *q;
	struct msgctx	 mc;
	struct buf	 err = { NULL, 0, 0 };
	struct layout	*l;
	int		 i;

	for (i = 0; i < LAYOUT_MAX_DEPTH + 2; i++) {
		q = mk(N_QUOTE);
		node_append(n, q);
		n = q;
	}
	node_append(n, W(N_PARAGRAPH, T("deep"), NULL));
	memset(&mc, 0, sizeof(mc));
	mc.sink = &err;
	msg_push(&mc);
	CHECK(run(d) == NULL, "blocks nested too deep fail");
	msg_pop();
	CHECK(err.data != NULL && strstr(err.data, "nested deeper than 32"),
	    "with a message naming the limit");
	buf_free(&err);
	memset(&err, 0, sizeof(err));
	doc_free(d);

	d = sample_blocks("tests/nowhere/blocks.md");
	memset(&mc, 0, sizeof(mc));
	mc.sink = &err;
	msg_push(&mc);
	CHECK(run(d) == NULL, "a missing image fails");
	msg_pop();
	CHECK(err.data != NULL && strstr(err.data, "tests/nowhere/blocks.md:1:1: "
	    "error: image pic.png: No such file or directory"), "naming it");
	buf_free(&err);
	doc_free(d);

	d = doc_new("empty.md");
	l = run(d);
	CHECK(l != NULL && l->npages == 1, "an empty document is one empty "
	    "page (%zu)", l ? l->npages : 0);
	layout_free(l);
	doc_free(d);
}

int
main(void)
{
	if ((fs = fontset_load("fonts")) == NULL)
		return 1;
	test_breaking();
	test_lines();
	test_hyphenation();
	test_hyph_shared();
	test_keep();
	test_float();
	test_table();
	test_sample();
	test_cjk();
	test_style();
	test_limits();
	fontset_free(fs);
	HARNESS_END();
}
