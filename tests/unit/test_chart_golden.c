/*
 * test_chart_golden.c: a golden display-list dump (dl_dump) for every
 * kind of chart, drawn from small tables typed in from the real files
 * in datasets/ (cited above each).  A change in any drawing shows up
 * as a diff; UPDATE_GOLDEN=1 rewrites the files (then read the diff).
 * Each chart must also keep its texts apart and inside the picture.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart.h"
#include "data.h"
#include "dl.h"
#include "font.h"
#include "harness.h"
#include "test_chart.h"

/* usgs-mcs2024/world/mcs2024-cobal_world.csv, Reserves_t (Turkey's
 * 91,000 written as W, to test a withheld value). */
static const char *const cobalt[] = {
	"Country|Reserves_t:integer:t",
	"Congo (Kinshasa)|6000000", "Australia|1700000", "Indonesia|500000",
	"Cuba|500000", "Philippines|260000", "Russia|250000",
	"Canada|220000", "Madagascar|100000", "Turkey|W",
	"Other countries|780000", NULL
};

/* usgs-mcs2024/world/mcs2024-raree_world.csv, production 2022, 2023. */
static const char *const ree[] = {
	"Country|2022:integer:t|2023:integer:t",
	"China|210000|240000", "United States|42000|43000",
	"Burma|12000|38000", "Australia|18000|18000", "Thailand|7100|7100",
	"India|2900|2900", "Russia|2600|2600", NULL
};

/* usgs-mcs2024/salient/mcs2024-raree_salient.csv, oxide prices. */
static const char *const prices[] = {
	"Year:year|Dysprosium oxide:integer:$/kg|Terbium oxide:integer:$/kg",
	"2019|239|507", "2020|261|670", "2021|410|1346", "2022|382|2051",
	"2023|323|1300", NULL
};

/* usgs-mcs2024/salient: net import reliance (cobalt 2022 written W). */
static const char *const nir[] = {
	"Year:year|Mineral|NIR:integer:%",
	"2019|Lithium|>25", "2020|Lithium|>50", "2021|Lithium|>25",
	"2022|Lithium|>25", "2023|Lithium|>25",
	"2019|Nickel|49", "2020|Nickel|46", "2021|Nickel|49",
	"2022|Nickel|54", "2023|Nickel|57",
	"2019|Cobalt|71", "2020|Cobalt|76", "2021|Cobalt|76",
	"2022|Cobalt|W", "2023|Cobalt|67", NULL
};

/* industry-trends/MCS2024_T5_Critical_Minerals_Salient.csv. */
static const char *const t5[] = {
	"Mineral|Dominance:integer:%|Reliance:integer:%|World:integer:t",
	"Antimony|48|82|83000", "Arsenic|45|100|60000", "Barite|32|>75|8500000",
	"Beryllium|58|NA|330", "Bismuth|80|94|20000", "Chromium|44|74|41000000",
	"Cobalt|74|67|230000", "Gallium|98|100|610", "Germanium|NA|>50|NA",
	"Graphite (natural)|77|100|1600000", "Lithium|48|>25|180000",
	"Nickel|50|57|3600000", "Palladium|44|37|210", "Rare earths|69|>95|350000",
	"Tin|23|74|290000", "Vanadium|68|58|100000", "Zirconium|31|<25|1600000",
	NULL
};

/* usgs-mcs2024/world/mcs2024-cobal_world.csv, mine production 2023. */
static const char *const cobprod[] = {
	"Country|Production:integer:t",
	"Congo (Kinshasa)|170000", "Indonesia|17000", "Russia|8800",
	"Australia|4600", "Madagascar|4000", "Philippines|3800", "Cuba|3200",
	"New Caledonia|3000", "Papua New Guinea|2900", "Turkey|2800",
	"Canada|2100", "United States|500", "Other countries|6600", NULL
};

/* baci-cobalt-nickel/cobalt_nickel_flows_2018_2020.csv, HS 260500,
 * 810520 and 282200 summed, tonnes (rounded). */
static const char *const flows[] = {
	"Exporter|Importer|Tonnes:decimal:t",
	"Democratic Republic of the Congo|China|1090784",
	"Democratic Republic of the Congo|United Arab Emirates|151827",
	"Democratic Republic of the Congo|South Africa|74620",
	"Democratic Republic of the Congo|Finland|61281",
	"Democratic Republic of the Congo|Republic of Korea|4958",
	"Finland|China|2997", "Finland|Republic of Korea|6088",
	"China|Republic of Korea|16505", "China|South Africa|105",
	"Russian Federation|China|6002", "Russian Federation|Finland|1514",
	"Belgium|China|1020", "Belgium|Finland|1024", "Canada|China|2358",
	"Canada|Republic of Korea|NA", NULL
};

/* docs/gallery/events.csv. */
static const char *const events[] = {
	"Date:date|Event|Kind",
	"2020-01-01|Indonesia bans nickel ore exports|Export restriction",
	"2022-08-16|U.S. Inflation Reduction Act signed|Agreement or law",
	"2023-08-01|China's gallium and germanium export controls take "
	"effect|Export restriction",
	"2023-12-01|China's graphite export controls take effect|Export "
	"restriction",
	"2024-05-23|EU Critical Raw Materials Act in force|Agreement or law",
	"2025-02-22|DR Congo suspends cobalt exports|Export restriction", NULL
};

/* Chinese names (the CJK face draws them). */
static const char *const zh[] = {
	"Country|Production:integer:t",
	"中国|240000", "美国|43000", "缅甸|38000", "澳大利亚|18000", NULL
};

struct gold {
	const char		*name;
	const char *const	*data;
	const char *const	 opt[16];
};

static const struct gold golds[] = {
	{ "bar", cobalt, { "type: bar", "x: Country", "y: Reserves_t",
	    "sort: desc", "title: Cobalt reserves",
	    "source: USGS Mineral Commodity Summaries 2024", NULL } },
	{ "hbar", cobalt, { "type: hbar", "x: Country", "y: Reserves_t",
	    "sort: desc", "highlight: Congo (Kinshasa)", NULL } },
	{ "grouped", ree, { "type: bar", "x: Country", "y: 2022, 2023",
	    "y-title: Mine production (t)", NULL } },
	{ "stacked", ree, { "type: hbar", "x: Country", "y: 2022, 2023",
	    "stack: stacked", NULL } },
	{ "percent", ree, { "type: bar", "x: Country", "y: 2022, 2023",
	    "stack: percent", NULL } },
	{ "line", prices, { "type: line", "x: Year",
	    "y: Dysprosium oxide, Terbium oxide", "projection: 2023",
	    "y-title: Price ($/kg)", NULL } },
	{ "lines", nir, { "type: line", "x: Year", "y: NIR", "series: Mineral",
	    NULL } },
	{ "scatter", t5, { "type: scatter", "x: Dominance", "y: Reliance",
	    "labels: Mineral", "quadrants: yes", "quadrant-x: 50",
	    "quadrant-y: 50", "size: 456x400", NULL } },
	{ "bubble", t5, { "type: bubble", "x: Dominance", "y: Reliance",
	    "bubble: World", "labels: Mineral", NULL } },
	{ "donut", cobprod, { "type: donut", "x: Country", "y: Production",
	    NULL } },
	{ "heatmap", flows, { "type: heatmap", "x: Importer", "y: Exporter",
	    "value: Tonnes", "color-scale: log", "sort: desc", NULL } },
	{ "sankey", flows, { "type: sankey", "from: Exporter", "to: Importer",
	    "value: Tonnes", NULL } },
	{ "timeline", events, { "type: timeline", "x: Date", "labels: Event",
	    "series: Kind", "size: 456x360", NULL } },
	{ "facet", nir, { "type: line", "x: Year", "y: NIR", "facet: Mineral",
	    "title: Net import reliance", NULL } },
	{ "cjk", zh, { "type: hbar", "x: Country", "y: Production",
	    "title: 2023年稀土矿产量", NULL } },
};

static void
one(const struct gold *g, const struct fontset *fs)
{
	struct table	*t = mktable(g->name, g->data);
	struct chart	*c = mkchart(g->opt);
	struct buf	 got = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	struct dl	*d;
	char		*alt = NULL, *path;

	path = xasprintf("tests/golden/charts/%s.dl", g->name);
	d = chart_draw(c, t, fs, 1, &alt);
	CHECK(d != NULL && alt != NULL && *alt != '\0', "%s: draws, with alt "
	    "text", g->name);
	if (d == NULL)
		goto out;
	CHECK(text_problems(d, fs, 1) == 0, "%s: texts apart and inside",
	    g->name);
	dl_dump(d, &got);
	buf_printf(&got, "alt \"%s\"\n", alt);
	if (getenv("UPDATE_GOLDEN") != NULL &&
	    strcmp(getenv("UPDATE_GOLDEN"), "1") == 0) {
		CHECK(file_write_atomic(path, got.data, got.len),
		    "%s: golden file rewritten", g->name);
		goto out;
	}
	if (!file_read(path, &want)) {
		CHECK(0, "%s: golden file %s exists", g->name, path);
		goto out;
	}
	CHECK(want.len == got.len && memcmp(want.data, got.data, got.len) == 0,
	    "%s: matches %s", g->name, path);
out:
	buf_free(&got);
	buf_free(&want);
	free(path);
	free(alt);
	dl_free(d);
	chart_free(c);
	table_free(t);
}

int
main(void)
{
	struct fontset	*fs;
	size_t		 i;

	if ((fs = fontset_load("fonts")) == NULL) {
		CHECK(0, "fonts load");
		HARNESS_END();
	}
	for (i = 0; i < sizeof(golds) / sizeof(golds[0]); i++)
		one(&golds[i], fs);
	fontset_free(fs);
	HARNESS_END();
}
