/*
 * test_chart_label.c: label placement.  Hand-worked cases of the 1-D
 * spreading, then properties over random inputs: spread labels keep
 * their order, never overlap and stay in bounds; point labels never
 * overlap each other, a mark or the bounds; every chart kind, drawn
 * from random data (long names, CJK names, missing values) at random
 * sizes, with or without titles, has no two texts overlapping and none
 * outside the picture.
 * The palette stays apart in greyscale.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "chart_int.h"
#include "msg.h"
#include "test_chart.h"

static uint64_t	 seed = 0x2545f4914f6cdd1dULL;

static double
rnd(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(seed >> 11) / 9007199254740992.0;
}

static size_t
rndn(size_t n)
{
	return (size_t)(rnd() * (double)n) % n;
}

static void
spread_hand(void)
{
	double	 y[3], h[3] = { 4, 4, 4 };

	/* Two labels 4 tall wanting 10 and 11 meet halfway: 8.5, 12.5. */
	y[0] = 10;
	y[1] = 11;
	spread(y, h, 2, 0, 100);
	CHECK_NUM(y[0], 8.5, 1e-9, "two close labels: first moves up");
	CHECK_NUM(y[1], 12.5, 1e-9, "two close labels: second moves down");
	/* Far apart: nobody moves. */
	y[0] = 10;
	y[1] = 50;
	y[2] = 90;
	spread(y, h, 3, 0, 100);
	CHECK(y[0] == 10 && y[1] == 50 && y[2] == 90, "apart: unchanged");
	/* Against the top: packed from 0. */
	y[0] = 0;
	y[1] = 1;
	y[2] = 2;
	spread(y, h, 3, 0, 100);
	CHECK_NUM(y[0], 2, 1e-9, "at the top: first at 2");
	CHECK_NUM(y[2], 10, 1e-9, "at the top: third at 10");
	/* A cluster pushed up by the bottom bound. */
	y[0] = 97;
	y[1] = 98;
	y[2] = 99;
	spread(y, h, 3, 0, 100);
	CHECK_NUM(y[2], 98, 1e-9, "at the bottom: last ends at 100");
}

static void
spread_random(void)
{
	double	 y[40], h[40], want[40], tmp, lo, hi, total;
	size_t	 k, i, j, n, bad = 0, order = 0;

	for (k = 0; k < 5000; k++) {
		n = 1 + rndn(40);
		lo = rnd() * 50;
		hi = lo + 20 + rnd() * 400;
		total = 0;
		for (i = 0; i < n; i++) {
			y[i] = lo - 20 + rnd() * (hi - lo + 40);
			h[i] = 2 + rnd() * 14;
			total += h[i];
		}
		/* Sorted by wanted position, as callers give them. */
		for (i = 1; i < n; i++)
			for (j = i; j > 0 && y[j] < y[j - 1]; j--) {
				tmp = y[j];
				y[j] = y[j - 1];
				y[j - 1] = tmp;
				tmp = h[j];
				h[j] = h[j - 1];
				h[j - 1] = tmp;
			}
		memcpy(want, y, sizeof(y));
		spread(y, h, n, lo, hi);
		for (i = 0; i < n; i++) {
			if (i > 0 && y[i] - h[i] / 2 < y[i - 1] + h[i - 1] / 2 -
			    1e-6)
				bad++;
			if (i > 0 && y[i] < y[i - 1])
				order++;
			/* In bounds whenever they can all fit. */
			if (total <= hi - lo && (y[i] - h[i] / 2 < lo - 1e-6 ||
			    y[i] + h[i] / 2 > hi + 1e-6))
				bad++;
		}
	}
	CHECK(bad == 0, "5000 random sets: spread labels never overlap and "
	    "stay in bounds when they fit (%zu bad)", bad);
	CHECK(order == 0, "spread labels keep their order");
}

static void
points_random(const struct fontset *fs)
{
	static const char *const words[] = { "Gallium", "Rare earths",
	    "Graphite (natural)", "稀土", "Ti", "Zirconium (ores and "
	    "concentrates)", "Ni", "Antimony" };
	struct cctx	 ctx;
	struct chart	*c = chart_new();
	struct plabel	 pl[60];
	struct rect	 bounds = { 20, 20, 300, 200 }, m;
	size_t		 k, i, j, n, placed = 0, total = 0, bad = 0;
	char		 text[60][48];

	for (k = 0; k < 300; k++) {
		memset(&ctx, 0, sizeof(ctx));
		ctx.c = c;
		ctx.fs = fs;
		ctx.dl = dl_new(340, 240);
		n = 1 + rndn(60);
		for (i = 0; i < n; i++) {
			pl[i].x = bounds.x + rnd() * bounds.w;
			pl[i].y = bounds.y + rnd() * bounds.h;
			pl[i].r = 2 + rnd() * 6;
			snprintf(text[i], sizeof(text[i]), "%s",
			    words[rndn(sizeof(words) / sizeof(words[0]))]);
			pl[i].text = text[i];
			pl[i].prio = rnd();
			pl[i].color = 0;
			pl[i].bold = 0;
			m.x = pl[i].x - pl[i].r;
			m.y = pl[i].y - pl[i].r;
			m.w = m.h = 2 * pl[i].r;
			boxes_add(&ctx.marks, m);
		}
		placed += label_points(&ctx, pl, n, bounds, 8);
		total += n;
		/* Every text box: inside, apart from others and from points
		 * (the marks after the first n are leader lines). */
		for (i = 0; i < ctx.text.n; i++) {
			if (!rect_inside(ctx.text.r[i], bounds))
				bad++;
			for (j = 0; j < n; j++)
				if (rect_hit(ctx.text.r[i], ctx.marks.r[j], 0))
					bad++;
		}
		bad += (size_t)text_problems(ctx.dl, fs, 0);
		boxes_free(&ctx.text);
		boxes_free(&ctx.marks);
		dl_free(ctx.dl);
	}
	chart_free(c);
	CHECK(bad == 0, "300 random point sets: labels never overlap each "
	    "other or a point and stay in the plot (%zu bad)", bad);
	CHECK(placed > total / 2, "and most get their label (%zu of %zu)",
	    placed, total);
}

/* A random table for a kind of chart. */
static struct table *
random_table(enum chart_kind k, size_t n)
{
	static const char *const names[] = { "China", "Congo (Kinshasa)",
	    "Democratic Republic of the Congo", "中国", "澳大利亚",
	    "United States", "Papua New Guinea", "Côte d’Ivoire", "Other "
	    "countries", "Madagascar", "Russia", "Rare earths (compounds and "
	    "metals)" };
	struct table	*t = table_new("random");
	size_t		 r, row, nn = sizeof(names) / sizeof(names[0]);
	double		 v;
	char		 nm[80];

	table_addcol(t, "Name", CT_TEXT);
	table_addcol(t, "Other", CT_TEXT);
	table_addcol(t, "A", CT_DEC);
	table_addcol(t, "B", CT_DEC);
	table_addcol(t, "C", CT_DEC);
	table_addcol(t, "Year", CT_YEAR);
	table_addcol(t, "Date", CT_DATE);
	table_addcol(t, "Group", CT_TEXT);
	for (r = 0; r < n; r++) {
		row = table_addrow(t, r + 2);
		snprintf(nm, sizeof(nm), "%s%s", names[r % nn],
		    r >= nn ? " II" : "");
		table_settext(t, row, 0, nm);
		table_settext(t, row, 1, names[rndn(4) + 3]);
		v = pow(10, rnd() * 6);
		if (rnd() < 0.08)
			set_missing(t, row, 2, V_WITHHELD, "W", NAN);
		else if (rnd() < 0.05)
			set_missing(t, row, 2, V_LOWER, ">75", 75);
		else
			table_setnum(t, row, 2, k == CK_SCATTER || k ==
			    CK_BUBBLE ? rnd() * 100 : v);
		if (rnd() < 0.05)
			set_missing(t, row, 3, V_NA, "NA", NAN);
		else
			table_setnum(t, row, 3, rnd() * 100);
		table_setnum(t, row, 4, rnd() * 1000);
		table_setnum(t, row, 5, 2015 + (double)(r % 9));
		{
			struct value dv;

			memset(&dv, 0, sizeof(dv));
			dv.kind = V_NUM;
			dv.num = 18000 + floor(rnd() * 2000);
			dv.str = "2020-01-01";
			table_set(t, row, 6, &dv);
		}
		table_settext(t, row, 7, r % 3 == 0 ? "First" : r % 3 == 1 ?
		    "Second" : "Third");
	}
	return t;
}

static void
charts_random(const struct fontset *fs)
{
	static const char *const k0[] = { "type: bar", "x: Name", "y: A",
	    NULL };
	static const char *const k1[] = { "type: hbar", "x: Name", "y: A, B",
	    NULL };
	static const char *const k2[] = { "type: bar", "x: Name", "y: B, C",
	    "stack: stacked", NULL };
	static const char *const k3[] = { "type: hbar", "x: Name", "y: B, C",
	    "stack: percent", NULL };
	static const char *const k4[] = { "type: line", "x: Year", "y: B",
	    "series: Group", "projection: 2020", NULL };
	static const char *const k5[] = { "type: scatter", "x: A", "y: B",
	    "labels: Name", "quadrants: yes", NULL };
	static const char *const k6[] = { "type: bubble", "x: A", "y: B",
	    "bubble: C", "labels: Name", NULL };
	static const char *const k7[] = { "type: donut", "x: Name", "y: C",
	    NULL };
	static const char *const k8[] = { "type: heatmap", "x: Other",
	    "y: Name", "value: A", "color-scale: log", NULL };
	static const char *const k9[] = { "type: sankey", "from: Name",
	    "to: Other", "value: C", NULL };
	static const char *const k10[] = { "type: timeline", "x: Date",
	    "labels: Name", "series: Group", NULL };
	static const char *const k11[] = { "type: line", "x: Year", "y: B",
	    "facet: Group", NULL };
	static const char *const k12[] = { "type: hbar", "x: Name", "y: C",
	    "facet: Group", NULL };
	static const char *const *const kinds[] = { k0, k1, k2, k3, k4, k5,
	    k6, k7, k8, k9, k10, k11, k12 };
	struct chart	*c;
	struct table	*t;
	struct dl	*d;
	struct msgctx	 mc;
	struct buf	 sink = { NULL, 0, 0 };
	char		*alt, size[32];
	size_t		 i, k, drawn = 0, refused = 0, bad = 0, badk = 0;
	int		 p;

	for (i = 0; i < 2000; i++) {
		k = i % (sizeof(kinds) / sizeof(kinds[0]));
		t = random_table(CK__MAX, 2 + rndn(k == 0 || k == 7 ? 14 : 24));
		c = mkchart(kinds[k]);
		snprintf(size, sizeof(size), "%dx%d", 240 + (int)rndn(400),
		    200 + (int)rndn(300));
		(void)chart_set(c, "size", size, "t.md", 1, 1);
		if (rnd() < 0.5) {
			(void)chart_set(c, "title", "A title that is long "
			    "enough to wrap onto a second line somewhere",
			    "t.md", 1, 1);
			(void)chart_set(c, "source", "USGS", "t.md", 1, 1);
		}
		memset(&mc, 0, sizeof(mc));
		buf_reset(&sink);
		mc.sink = &sink;
		msg_push(&mc);
		d = chart_draw(c, t, fs, 1, &alt);
		msg_pop();
		if (d == NULL) {
			/* Too small or too dense: refused with a message. */
			refused++;
			if (sink.len == 0)
				bad++;
		} else {
			drawn++;
			if ((p = text_problems(d, fs, bad < 40)) > 0) {
				printf("# kind %zu size %s\n", k, size);
				if (getenv("CHART_DUMP") != NULL) {
					struct buf db = { NULL, 0, 0 };
					dl_dump(d, &db);
					file_write_atomic(getenv("CHART_DUMP"),
					    db.data, db.len);
					buf_free(&db);
				}
				bad += (size_t)p;
				badk = k;
			}
		}
		free(alt);
		dl_free(d);
		chart_free(c);
		table_free(t);
	}
	buf_free(&sink);
	CHECK(bad == 0, "2000 random charts of every kind: no text overlaps "
	    "another or leaves the picture (%zu problems, last in kind %zu)",
	    bad, badk);
	CHECK(drawn > refused * 3, "most draw (%zu drawn, %zu refused with a "
	    "message)", drawn, refused);
}

static void
greyscale(void)
{
	size_t	 i;
	double	 a, b, min = 1;

	for (i = 0; i + 1 < 8; i++) {
		a = luminance(palette(i));
		b = luminance(palette(i + 1));
		min = fmin(min, fabs(a - b));
	}
	/* Each colour differs from the next by at least 0.1 in luminance. */
	CHECK(min >= 0.1, "neighbouring palette colours differ in greyscale "
	    "(least difference %.3f)", min);
	CHECK(1.05 / (luminance(text_color(palette(5))) + 0.05) >= 4.5,
	    "text in the yellow series colour is darkened to 4.5:1 contrast");
}

int
main(void)
{
	struct fontset	*fs;

	spread_hand();
	spread_random();
	greyscale();
	if ((fs = fontset_load("fonts")) == NULL) {
		CHECK(0, "fonts load");
		HARNESS_END();
	}
	points_random(fs);
	charts_random(fs);
	fontset_free(fs);
	HARNESS_END();
}
