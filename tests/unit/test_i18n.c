/*
 * test_i18n.c: the words briefgen writes itself, in a Chinese
 * briefing (lang "zh"): the notes of queries and the words of charts
 * (notes, "Other", dates, alt text).  The expected Chinese is written
 * here by hand, not copied from the output; the English forms are
 * checked by the golden files.  Also the Other row of "top N with
 * other": which columns add up (figures typed off the file, summed by
 * hand).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart.h"
#include "chart_int.h"
#include "data.h"
#include "dataset.h"
#include "dl.h"
#include "font.h"
#include "harness.h"
#include "msg.h"
#include "query.h"
#include "test_chart.h"

#define WORLD	"datasets/usgs-mcs2024/world/"
#define FLOWS	"datasets/baci-cobalt-nickel/cobalt_nickel_flows_2018_2020.csv"

struct env {
	struct dsdecl	 d[8];
	struct qenv	 e;
};

/* Datasets by name; stream: 0 automatic, 1 never, 2 always. */
static void
env_init(struct env *v, const char *lang, int stream)
{
	static const char *const ds[][2] = {
		{ "ree", WORLD "mcs2024-raree_world.csv" },
		{ "moly", WORLD "mcs2024-molyb_world.csv" },
		{ "nickel", WORLD "mcs2024-nicke_world.csv" },
		{ "niobium", WORLD "mcs2024-niobi_world.csv" },
		{ "cobalt", WORLD "mcs2024-cobal_world.csv" },
		{ "flows", FLOWS },
		{ "categories", "datasets/briefgen/categories.csv" }
	};
	size_t	 i;

	memset(v, 0, sizeof(*v));
	v->e.reg = dsreg_new();
	v->e.decls = v->d;
	v->e.lang = lang;
	for (i = 0; i < sizeof(ds) / sizeof(ds[0]); i++) {
		v->d[i].name = xstrdup(ds[i][0]);
		v->d[i].path = xstrdup(ds[i][1]);
		dsopts_defaults(&v->d[i].opts);
		v->d[i].opts.stream = stream;
	}
	v->e.ndecls = i;
}

static void
env_free(struct env *v)
{
	size_t	 i;

	for (i = 0; i < v->e.ndecls; i++)
		dsdecl_free(&v->d[i]);
	dsreg_free(v->e.reg);
}

/* Run a query on env e; messages are dropped. */
static struct table *
run(const struct qenv *e, const char *text)
{
	struct msgctx	 c;
	struct buf	 sink = { NULL, 0, 0 };
	struct query	*q;
	struct table	*t = NULL;

	memset(&c, 0, sizeof(c));
	c.sink = &sink;
	msg_push(&c);
	if ((q = query_parse(text, "t.md", 1, 1)) != NULL)
		t = query_table(q, e);
	query_free(q);
	msg_pop();
	buf_free(&sink);
	return t;
}

/* The note of a query's table, compared with what it should be. */
static void
note_is(const struct qenv *e, const char *q, const char *want)
{
	struct table	*t = run(e, q);

	CHECK_STR(t ? table_note(t) : NULL, want, "%s note: %s", e->lang, q);
	table_free(t);
}

static void
test_notes(void)
{
	struct env	 v, s;
	const char	*hhi = "HHI为各国百分比份额的平方和（0至10,000）：低于"
	    "1,500为非集中，1,500至2,500为中度集中，高于2,500为高度集中。";
	char		*want;
	struct table	*t;

	env_init(&v, "zh", 1);
	env_init(&s, "zh-CN", 2);
	note_is(&v.e, "ree | share Reserves of world | top 3 by Reserves with "
	    "other", "份额以公布的世界合计为分母。“Other”为前3名以外各行之和。");
	note_is(&v.e, "ree | filter not is_total() | share Reserves",
	    "份额以所列各行之和为分母。");
	note_is(&v.e, "ree | filter not is_total() | append moly | "
	    "group dataset | share Reserves", "份额以公布的世界合计为分母；"
	    "没有世界合计的，以所列各行之和为分母。");
	want = xasprintf("份额以公布的世界合计为分母。%s", hhi);
	note_is(&v.e, "ree | concentration Reserves", want);
	free(want);
	/* Niobium: the World total, >17,000,000, is below the listed sum. */
	want = xasprintf("公布的世界合计为下限，且小于所列各行之和，故以该和为"
	    "下限。份额以公布的世界合计为分母。%s", hhi);
	note_is(&v.e, "niobium | concentration Reserves", want);
	free(want);
	/* Burma, Madagascar and Malaysia: NA; the same read as a stream. */
	note_is(&v.e, "ree | summarize s = sum(Reserves), m = mean(Reserves)",
	    "Reserves的合计未计入3个值（3个NA）。Reserves的平均值未计入3个值"
	    "（3个NA）。");
	note_is(&s.e, "ree | summarize s = sum(Reserves), m = mean(Reserves)",
	    "Reserves的合计未计入3个值（3个NA）。Reserves的平均值未计入3个值"
	    "（3个NA）。");
	note_is(&v.e, "ree | summarize s = max(Reserves * 2)",
	    "各值的最大值未计入3个值（3个NA）。");
	/* Nickel reserves of Indonesia and the World total: ">". */
	note_is(&v.e, "nickel | group Type | summarize s = sum(Reserves)",
	    "Reserves的合计计入了下限值。");
	note_is(&s.e, "nickel | group Type | summarize s = sum(Reserves)",
	    "Reserves的合计计入了下限值。");
	note_is(&v.e, "flows | filter k == 260500 | group targets | dependence "
	    "q_total by sources on \"Zambia\"",
	    "依赖度指来自Zambia的q_total占所有伙伴合计的份额。");
	note_is(&v.e, "flows | filter k == 260500 | group targets | dependence "
	    "q_total by sources", "依赖度指来自最大伙伴的q_total占所有伙伴合计的"
	    "份额。");
	t = run(&v.e, "ree | append cobalt | group dataset | categorize using "
	    "categories");
	CHECK(t != NULL && table_note(t) != NULL && strstr(table_note(t),
	    "类别按datasets/briefgen/categories.csv中的规则依次判定，取第一条"
	    "成立的规则。") != NULL, "zh note: categorize");
	CHECK(t != NULL && table_note(t) != NULL && strstr(table_note(t),
	    "Categories") == NULL && strstr(table_note(t), "Shares") == NULL,
	    "zh note of categorize: no English sentence");
	table_free(t);
	note_is(&v.e, "ree | top 3 by Reserves | note \"Reserves as of 2023.\"",
	    "Reserves as of 2023.");
	env_free(&v);
	env_free(&s);
	/* A language that merely starts with "zh" is not Chinese. */
	env_init(&v, "zha", 1);
	note_is(&v.e, "ree | filter not is_total() | share Reserves",
	    "Shares are of the sum of the listed rows.");
	env_free(&v);
}

/*
 * Two editions in one run share the registry and its streaming
 * passes: the English and the Chinese notes must not be mixed up.
 */
static void
test_shared_pass(void)
{
	struct env	 v;
	struct qenv	 en;
	struct query	*q;
	struct table	*a, *b;
	const char	*text = "ree | summarize s = sum(Reserves)";

	env_init(&v, "zh", 2);
	en = v.e;
	en.lang = "en";
	q = query_parse(text, "t.md", 1, 1);
	query_plan(q, &en);
	query_plan(q, &v.e);
	a = query_table(q, &en);
	b = query_table(q, &v.e);
	CHECK_STR(a ? table_note(a) : NULL, "The sum of Reserves leaves out 3 "
	    "values (3 NA).", "shared pass: the English edition's note");
	CHECK_STR(b ? table_note(b) : NULL, "Reserves的合计未计入3个值（3个"
	    "NA）。", "shared pass: the Chinese edition's note");
	table_free(a);
	table_free(b);
	query_free(q);
	env_free(&v);
}

/* Chinese sentences join without a space, and repeat only once. */
static void
test_addnote(void)
{
	struct table	*t = table_new("t"), *u = table_new("u");

	table_addnote(t, "甲。");
	table_addnote(t, "乙。");
	table_addnote(t, "甲。");
	CHECK_STR(table_note(t), "甲。乙。", "Chinese notes join, once each");
	table_addnote(u, "A.");
	table_addnote(u, "乙。");
	table_copynotes(u, t);
	CHECK_STR(table_note(u), "A. 乙。甲。", "copied Chinese notes: one "
	    "sentence at a time, repeats left out");
	table_addnote(u, "B.");
	CHECK_STR(table_note(u), "A. 乙。甲。B.", "no space after a full stop "
	    "(。)");
	table_free(t);
	table_free(u);
}

/* The value of a cell, or NAN; *kind receives its kind. */
static double
cell(const struct table *t, size_t row, const char *col, int *kind)
{
	long	 c = t ? table_colfind(t, col) : -1;

	*kind = -1;
	if (c < 0 || row >= table_nrows(t))
		return NAN;
	*kind = table_get(t, row, (size_t)c)->kind;
	return table_get(t, row, (size_t)c)->num;
}

/*
 * The Other row.  Rare-earth reserves (mcs2024-raree_world.csv): the
 * top three are China 44,000,000, Vietnam 22,000,000 and Brazil
 * 21,000,000; below them Russia 10,000,000, India 6,900,000,
 * Australia 5,700,000, the United States 1,800,000, Greenland
 * 1,500,000, Tanzania 890,000, Canada 830,000, South Africa 790,000
 * and Thailand 4,500 sum to 28,414,500 (Burma, Madagascar and
 * Malaysia: NA).  Their production: 85,640 t in 2022 and 112,640 t in
 * 2023, a change of 112,640 / 85,640 - 1 = 31.527%.
 */
static void
test_other(void)
{
	struct env	 v, a, b;
	struct table	*t, *x, *y;
	size_t		 o, r;
	double		 n;
	int		 k, same;

	env_init(&v, "en", 1);
	t = run(&v.e, "ree | rank Reserves | derive ratio = Prod_2023 / "
	    "Prod_2022, kt = Reserves / 1000, net = Prod_2023 - Prod_2022, "
	    "sq = Reserves * Reserves, one = 1, pct = 100 * Prod_2023 / "
	    "Prod_2022 | share Reserves of listed | change Prod_2022 to "
	    "Prod_2023 as early | top 3 by Reserves with other | change "
	    "Prod_2022 to Prod_2023 as late");
	o = t ? table_nrows(t) - 1 : 0;
	CHECK(t != NULL && table_nrows(t) == 4, "top 3 with other: 4 rows");
	CHECK_NUM(cell(t, o, "Reserves", &k), 28414500, 0, "Other: the "
	    "reserves add up");
	CHECK_NUM(cell(t, o, "Prod_2022", &k), 85640, 0, "Other: production "
	    "2022 adds up");
	CHECK_NUM(cell(t, o, "kt", &k), 28414.5, 1e-9, "Other: reserves / 1000 "
	    "adds up (a quantity over a number)");
	CHECK_NUM(cell(t, o, "net", &k), 112640 - 85640, 1e-9, "Other: a "
	    "difference of quantities adds up");
	(void)cell(t, o, "rank", &k);
	CHECK(k == V_NULL, "Other: no rank (rests get none)");
	(void)cell(t, o, "ratio", &k);
	CHECK(k == V_NULL, "Other: a ratio that differs row to row is left "
	    "empty");
	(void)cell(t, o, "pct", &k);
	CHECK(k == V_NULL, "Other: a percentage of a ratio is left empty");
	(void)cell(t, o, "sq", &k);
	CHECK(k == V_NULL, "Other: a square of a quantity is left empty");
	(void)cell(t, o, "early", &k);
	CHECK(k == V_NULL, "Other: a change computed before top is left "
	    "empty");
	CHECK_NUM(cell(t, o, "late", &k), 112640.0 / 85640 - 1, 1e-12,
	    "Other: a change computed after top, from the sums");
	CHECK_NUM(cell(t, o, "one", &k), 1, 0, "Other: a value every row "
	    "shares is kept");
	CHECK_NUM(cell(t, o, "share", &k), 28414500.0 / (44000000 + 22000000 +
	    21000000 + 28414500), 1e-12, "Other: shares of one total add up");
	table_free(t);
	/* Madagascar (960 t, 960 t) and Malaysia (80 t, 80 t) are left:
	   their ratio, 1, is shared, and so the Other row's. */
	t = run(&v.e, "ree | rank Reserves | derive ratio = Prod_2023 / "
	    "Prod_2022 | top 13 by Reserves with other");
	o = t ? table_nrows(t) - 1 : 0;
	CHECK_NUM(cell(t, o, "ratio", &k), 1, 0, "Other of two rows of ratio 1: "
	    "ratio 1");
	CHECK_NUM(cell(t, o, "Prod_2023", &k), 1040, 0, "Other of two rows: "
	    "960 + 80 t");
	table_free(t);
	/* Concentration per importer: counts and totals add up, the rest
	   is the group's own. */
	t = run(&v.e, "flows | group targets | concentration q_total by "
	    "sources | top 2 by total with other");
	o = t ? table_nrows(t) - 1 : 0;
	(void)cell(t, o, "hhi", &k);
	same = k == V_NULL;
	(void)cell(t, o, "cr3", &k);
	same = same && k == V_NULL;
	(void)cell(t, o, "leader", &k);
	CHECK(same && k == V_NULL, "Other of concentration: no HHI, CR3 or "
	    "leader");
	x = run(&v.e, "flows | group targets | concentration q_total by "
	    "sources");
	for (r = 0, n = 0; x != NULL && r < table_nrows(x); r++)
		n += table_get(x, r, (size_t)table_colfind(x, "n"))->num;
	CHECK_NUM(cell(t, 0, "n", &k) + cell(t, 1, "n", &k) + cell(t, o, "n",
	    &k), n, 0, "Other of concentration: the counts add up");
	table_free(x);
	table_free(t);
	env_free(&v);
	/* Summarize streamed and loaded: the same Other row. */
	env_init(&a, "en", 1);
	env_init(&b, "en", 2);
	x = run(&a.e, "flows | group sources | summarize t = sum(q_total), "
	    "m = mean(q_total), n = count() | top 3 by t with other");
	y = run(&b.e, "flows | group sources | summarize t = sum(q_total), "
	    "m = mean(q_total), n = count() | top 3 by t with other");
	o = x ? table_nrows(x) - 1 : 0;
	same = x != NULL && y != NULL && table_nrows(x) == table_nrows(y);
	for (r = 0; same && r < table_ncols(x); r++)
		same = value_cmp(table_get(x, o, r), table_get(y, o, r)) == 0 &&
		    table_get(x, o, r)->kind == table_get(y, o, r)->kind;
	CHECK(same, "Other of a summary: the same from a stream");
	(void)cell(x, o, "m", &k);
	CHECK(k == V_NULL, "Other of a summary: means differ, none is kept");
	CHECK_NUM(cell(x, o, "n", &k) + cell(x, 0, "n", &k) + cell(x, 1, "n",
	    &k) + cell(x, 2, "n", &k), 2752, 0, "Other of a summary: counts "
	    "add up to the 2,752 rows of the file");
	table_free(x);
	table_free(y);
	env_free(&a);
	env_free(&b);
}

/* Every text of a display list, one after the other. */
static char *
alltext(const struct dl *d)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	for (i = 0; i < dl_len(d); i++)
		if (dl_get(d, i)->type == DL_TEXT)
			buf_puts(&b, dl_get(d, i)->text);
	return b.data ? buf_steal(&b) : xstrdup("");
}

/* The chart's own English words, which a Chinese chart must not have. */
static const char *const english[] = {
	"Not shown", "Not labelled", "Values known", "withheld",
	"not available", "not applicable", "No data", "No flows", "Total",
	"log scale", "Source", "Circle area", "% of total", "Jan ", "Feb ",
	"Mar ", "Apr ", "May ", "Jun ", "Jul ", "Aug ", "Sep ", "Oct ",
	"Nov ", "Dec ", " 2025", "; ", " and ", NULL
};

struct zhcase {
	const char		*what;
	const char *const	*data;
	const char *const	 opt[12];
	const char		*want[4];	/* texts the chart has */
	const char		*alt;		/* the alt text begins so */
};

static const char *const cobalt[] = {
	"Country|Reserves_t:integer:t",
	"Congo (Kinshasa)|6000000", "Australia|1700000", "Indonesia|500000",
	"Cuba|500000", "Philippines|260000", "Russia|250000",
	"Canada|220000", "Madagascar|100000", "Turkey|W",
	"Other countries|780000", NULL
};

static const char *const cobprod[] = {
	"Country|Production:integer:t",
	"Congo (Kinshasa)|170000", "Indonesia|17000", "Russia|8800",
	"Australia|4600", "Madagascar|4000", "Philippines|3800", "Cuba|3200",
	"New Caledonia|3000", "Papua New Guinea|2900", "Turkey|2800",
	"Canada|2100", "United States|500", "Other countries|6600", NULL
};

static const char *const nir[] = {
	"Year:year|Mineral|NIR:integer:%",
	"2019|Lithium|>25", "2020|Lithium|>50", "2021|Lithium|>25",
	"2022|Lithium|>25", "2023|Lithium|NA",
	"2019|Nickel|49", "2020|Nickel|46", "2021|Nickel|49",
	"2022|Nickel|54", "2023|Nickel|57", NULL
};

static const char *const flows[] = {
	"Exporter|Importer|Tonnes:decimal:t",
	"Congo|China|1090784", "Congo|United Arab Emirates|151827",
	"Congo|South Africa|74620", "Congo|Finland|61281",
	"Finland|China|2997", "Finland|Korea|6088", "China|Korea|16505",
	"Russia|China|6002", "Russia|Finland|1514", "Belgium|China|1020",
	"Canada|Korea|NA", NULL
};

/* The weekly's timeline, 2025 (datasets/briefgen/policy-timeline-2025.csv). */
static const char *const events[] = {
	"Date:date|Event",
	"2025-02-22|刚果（金）暂停钴出口四个月", "2025-04-15|美国启动国家安全调查",
	"2025-06-12|韩澳同意加强关键矿产合作", "2025-07-25|白皮书发布", NULL
};

static const char *const t5[] = {
	"Mineral|Dominance:integer:%|Reliance:integer:%",
	"Antimony|48|82", "Bismuth|80|94", "Cobalt|74|67", "Gallium|98|100",
	"Lithium|48|>25", "Tin|23|74", NULL
};

/*
 * The bar chart's value labels: ".2s" in Chinese is 万 (6,000,000 is
 * 600万, 1,700,000 is 170万); the note explains W.  Dates: 22 February
 * 2025 is 2025年2月22日; the axis ticks months from March, 2025年3月.
 */
static const struct zhcase zhcases[] = {
	{ "bar", cobalt, { "type: bar", "x: Country", "y: Reserves_t",
	    "format: .2s", "title: 钴储量", NULL },
	    { "600万", "170万", "W：为避免泄露公司专有数据而不予公布。"
	    "未画出：Turkey（W）。", NULL },
	    "柱状图：钴储量。Reserves (t)，按Country。Congo (Kinshasa) 600万；"
	    "Australia 170万；" },
	{ "line", nir, { "type: line", "x: Year", "y: NIR", "series: Mineral",
	    NULL },
	    { "仅知上下限的数值（如>75）画在界限处，以空心或浅色表示。",
	    "NA：无数据。", "未画出：Lithium 2023（NA）。", NULL },
	    "多系列折线图。Lithium：2019 >25；" },
	{ "donut", cobprod, { "type: donut", "x: Country", "y: Production",
	    NULL }, { "其他", "合计", NULL }, "环形图。合计 229,300：Congo (Kinshasa) 170,000（" },
	{ "heatmap", flows, { "type: heatmap", "x: Importer", "y: Exporter",
	    "value: Tonnes", "color-scale: log", NULL },
	    { "对数刻度", "未画出：Canada→Korea（NA）。", NULL },
	    "热力图。6行（Exporter）×5列（Importer）。Congo：China 1,090,784，" },
	{ "sankey", flows, { "type: sankey", "from: Exporter", "to: Importer",
	    "value: Tonnes", "limit: 3", NULL }, { "其他", NULL },
	    "流向图。从3个Exporter流向3个Importer，合计" },
	{ "timeline", events, { "type: timeline", "x: Date",
	    "labels: Event", NULL },
	    { "2025年2月22日", "2025年7月25日", "2025年3月", NULL },
	    "时间线。4个事件：2025年2月22日，刚果（金）暂停钴出口四个月；" },
	{ "scatter", t5, { "type: scatter", "x: Dominance", "y: Reliance",
	    "labels: Mineral", "quadrants: yes", NULL },
	    { "高供应风险", "高度稀缺但可控", "低供应风险", "全球供应优势" },
	    "散点图。Reliance (%)对Dominance (%)，6个点：Antimony（48，82）；" },
};

static void
test_charts(const struct fontset *fs)
{
	const struct zhcase *z;
	struct table	*t;
	struct chart	*c;
	struct dl	*d;
	char		*alt, *all;
	size_t		 i, j;
	int		 bad;

	for (i = 0; i < sizeof(zhcases) / sizeof(zhcases[0]); i++) {
		z = &zhcases[i];
		t = mktable(z->what, z->data);
		c = mkchart(z->opt);
		chart_lang(c, "zh");
		alt = NULL;
		d = chart_draw(c, t, fs, 0, &alt);
		CHECK(d != NULL, "zh %s: draws", z->what);
		if (d == NULL)
			goto next;
		CHECK(text_problems(d, fs, 1) == 0, "zh %s: texts apart and "
		    "inside", z->what);
		all = alltext(d);
		for (j = 0; j < 4 && z->want[j] != NULL; j++)
			CHECK(strstr(all, z->want[j]) != NULL, "zh %s: has %s",
			    z->what, z->want[j]);
		for (j = 0, bad = 0; english[j] != NULL; j++)
			if (strstr(all, english[j]) != NULL) {
				printf("#   \"%s\" in the %s chart\n", english[j],
				    z->what);
				bad++;
			}
		CHECK(bad == 0, "zh %s: none of the chart's English words",
		    z->what);
		CHECK(alt != NULL && strncmp(alt, z->alt, strlen(z->alt)) == 0,
		    "zh %s: alt text begins %s", z->what, z->alt);
		if (alt != NULL && strncmp(alt, z->alt, strlen(z->alt)) != 0)
			printf("#   got: %.200s\n", alt);
		CHECK(alt != NULL && strlen(alt) > 3 && strcmp(alt +
		    strlen(alt) - 3, "。") == 0, "zh %s: alt text ends in 。",
		    z->what);
		free(all);
next:
		free(alt);
		dl_free(d);
		chart_free(c);
		table_free(t);
	}
}

/* The same charts in English keep their English words. */
static void
test_english(const struct fontset *fs)
{
	static const char *const bar[] = { "type: bar", "x: Country",
	    "y: Reserves_t", "format: .2s", NULL };
	static const char *const tl[] = { "type: timeline", "x: Date",
	    "labels: Event", NULL };
	static const char *const quad[] = { "type: scatter", "x: Dominance",
	    "y: Reliance", "quadrants: A|B|C|D", NULL };
	struct table	*t;
	struct chart	*c;
	struct dl	*d;
	char		*alt = NULL;

	t = mktable("bar", cobalt);
	c = mkchart(bar);
	chart_lang(c, "en");
	d = chart_draw(c, t, fs, 0, &alt);
	CHECK(d != NULL && has_text(d, "6.0M") && has_text(d, "1.7M") &&
	    has_text(d, "Not shown: Turkey (W)."), "en bar: 6.0M, 1.7M, "
	    "Not shown: Turkey (W).");
	free(alt);
	dl_free(d);
	chart_free(c);
	table_free(t);
	t = mktable("timeline", events);
	c = mkchart(tl);
	d = chart_draw(c, t, fs, 0, &alt);
	CHECK(d != NULL && has_text(d, "22 Feb 2025") && has_text(d,
	    "Mar 2025"), "en timeline: 22 Feb 2025, Mar 2025");
	free(alt);
	dl_free(d);
	chart_free(c);
	table_free(t);
	/* Quadrant names given stay in either language. */
	t = mktable("t5", t5);
	c = mkchart(quad);
	chart_lang(c, "zh");
	d = chart_draw(c, t, fs, 0, &alt);
	CHECK(d != NULL && count_ops(d, DL_TEXT, "A") == 1 &&
	    !has_text(d, "高供应风险"), "zh scatter: quadrant names given stay");
	free(alt);
	dl_free(d);
	chart_free(c);
	table_free(t);
}

/*
 * Chinese lines do not begin with a closing bracket or a comma, nor
 * end with an opening bracket or quote: given room for all but its last
 * character, "刚果（金）" breaks before "（", not before "）".
 */
static void
test_wrap(const struct fontset *fs)
{
	static const char *const cases[][3] = {
		{ "刚果（金）", "刚果", "（金）" },
		{ "中国美国，", "中国美", "国，" },
		{ "甲乙丙“丁", "甲乙丙", "“丁" }
	};
	struct cctx	 ctx;
	struct chart	*c = chart_new();
	struct tline	*ln = NULL;
	char		*a, *b;
	size_t		 i, n;
	double		 w;

	memset(&ctx, 0, sizeof(ctx));
	ctx.c = c;
	ctx.fs = fs;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		/* Room for all but the last character. */
		w = fontset_width(fs, FACE_REGULAR, 8, cases[i][0],
		    strlen(cases[i][0]) - 3) + 0.01;
		n = ct_wrap(&ctx, FACE_REGULAR, 8, cases[i][0], w, &ln);
		a = n == 2 ? xstrndup(cases[i][0] + ln[0].off, ln[0].len) :
		    NULL;
		b = n == 2 ? xstrndup(cases[i][0] + ln[1].off, ln[1].len) :
		    NULL;
		CHECK(a != NULL && b != NULL && strcmp(a, cases[i][1]) == 0 &&
		    strcmp(b, cases[i][2]) == 0, "%s wraps as %s / %s",
		    cases[i][0], cases[i][1], cases[i][2]);
		free(a);
		free(b);
		free(ln);
		ln = NULL;
	}
	chart_free(c);
}

int
main(void)
{
	struct fontset	*fs;

	test_notes();
	test_shared_pass();
	test_addnote();
	test_other();
	if ((fs = fontset_load("fonts")) == NULL) {
		CHECK(0, "fonts/ loads");
		HARNESS_END();
	}
	test_charts(fs);
	test_english(fs);
	test_wrap(fs);
	fontset_free(fs);
	HARNESS_END();
}
