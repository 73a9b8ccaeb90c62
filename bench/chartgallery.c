/*
 * chartgallery.c: the charts of the gallery (docs/gallery/) and the
 * chart benchmark.  Reads the datasets in datasets/, draws every kind
 * of chart from real data, and writes each chart as SVG and PNG.
 * With -n N it also times N rounds of drawing and rendering, to SVG
 * and PNG chart by chart and to PDF as one document of them all.
 *
 * usage: chartgallery [-d] [-n N] [-o DIR] [-f FONTDIR] [-r ROOT]
 *
 * The tables are cut from the data here, in C, the way a template's
 * queries would; the chart options are those a ```chart block holds.
 * The gallery as a document is docs/gallery/gallery.md, a template
 * that briefgen renders; -d writes this program's own document of the
 * charts (charts.pdf, charts.html) as well.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "aux.h"
#include "chart.h"
#include "chart_cairo.h"
#include "data.h"
#include "dataset.h"
#include "dl.h"
#include "doc.h"
#include "font.h"
#include "html.h"
#include "msg.h"
#include "pdf.h"

#define SOURCE_USGS	"USGS Mineral Commodity Summaries 2024"
#define MAXOPT		24

struct gchart {
	const char	*name;		/* file name */
	const char	*heading;	/* what it shows, for the page */
	const char	*text;		/* a sentence about it */
	struct table	*t;		/* owned */
	const char	*opt[MAXOPT];	/* "key: value" */
};

static const char	*root = ".";

static struct table *
load(const char *rel)
{
	struct dsopts	 o;
	struct table	*t;
	char		*path;

	dsopts_defaults(&o);
	if (strstr(rel, "country_codes") != NULL)
		o.encoding = "latin1";
	path = path_join(root, rel);
	if ((t = csv_load(path, &o)) == NULL) {
		fprintf(stderr, "chartgallery: cannot read %s\n", path);
		exit(1);
	}
	free(path);
	return t;
}

static long
col(const struct table *t, const char *name)
{
	long	 c;

	if ((c = table_colfind(t, name)) < 0) {
		fprintf(stderr, "chartgallery: %s: no column %s\n",
		    table_name(t), name);
		exit(1);
	}
	return c;
}

/* A new table of some rows and columns of src, columns renamed. */
static struct table *
project(const struct table *src, const size_t *rows, size_t n,
    const char *const *cols, const char *const *names, size_t nc)
{
	struct table	*t = table_new(table_name(src));
	size_t		 i, k, r;
	long		 c;

	for (k = 0; k < nc; k++) {
		c = col(src, cols[k]);
		(void)table_addcol(t, names[k], table_coltype(src, (size_t)c));
		table_col_setunit(t, k, table_colunit(src, (size_t)c));
		if (table_colalias(src, (size_t)c) != NULL &&
		    strcmp(names[k], cols[k]) == 0)
			table_col_setalias(t, k, table_colalias(src, (size_t)c));
	}
	for (i = 0; i < n; i++) {
		r = table_addrow(t, table_rowline(src, rows[i]));
		for (k = 0; k < nc; k++)
			table_set(t, r, k, table_get(src, rows[i],
			    (size_t)col(src, cols[k])));
	}
	return t;
}

/* Rows that are countries (and, with other, the "Other" rows). */
static size_t
countries(const struct table *t, int other, size_t *rows)
{
	size_t	 r, n = 0;

	for (r = 0; r < table_nrows(t); r++)
		if (table_rowclass(t, r) == RC_ITEM ||
		    (other && table_rowclass(t, r) == RC_OTHER))
			rows[n++] = r;
	return n;
}

static const struct table *sortt;
static long	 sortc;

static int
bydesc(const void *a, const void *b)
{
	const struct value *x = table_get(sortt, *(const size_t *)a,
	    (size_t)sortc), *y = table_get(sortt, *(const size_t *)b,
	    (size_t)sortc);

	return -value_cmp(x, y);
}

/* Sort rows by a column, largest first; keep at most max. */
static size_t
top(const struct table *t, size_t *rows, size_t n, const char *c,
    size_t max)
{
	sortt = t;
	sortc = col(t, c);
	if (n > 1)
		qsort(rows, n, sizeof(*rows), bydesc);
	return n < max ? n : max;
}

/* The value of the row whose name column says "World total". */
static double
world(const struct table *t, const char *c)
{
	size_t	 r;

	for (r = 0; r < table_nrows(t); r++)
		if (table_rowclass(t, r) == RC_TOTAL &&
		    table_get(t, r, (size_t)col(t, c))->kind == V_NUM)
			return table_get(t, r, (size_t)col(t, c))->num;
	return NAN;
}

static struct table *
cobalt_reserves(void)
{
	static const char *const c[] = { "Country", "Reserves_t" };
	struct table	*w = load("datasets/usgs-mcs2024/world/"
			    "mcs2024-cobal_world.csv"), *t;
	size_t		 rows[64], n;

	n = countries(w, 1, rows);
	t = project(w, rows, n, c, c, 2);
	table_free(w);
	return t;
}

static struct table *
world_prod(const char *file, const char *prodcol, size_t max, int other)
{
	static const char *const names[] = { "Country", "Production" };
	const char	*c[2] = { "Country", prodcol };
	struct table	*w = load(file), *t;
	size_t		 rows[64], n;

	n = countries(w, other, rows);
	n = top(w, rows, n, prodcol, max);
	t = project(w, rows, n, c, names, 2);
	table_free(w);
	return t;
}

static struct table *
lithium(void)
{
	static const char *const c[] = { "Country", "Prod_t_2022",
	    "Prod_t_est_2023" };
	static const char *const nm[] = { "Country", "2022", "2023" };
	struct table	*w = load("datasets/usgs-mcs2024/world/"
			    "mcs2024-lithi_world.csv"), *t;
	size_t		 rows[64], n;

	n = countries(w, 0, rows);
	t = project(w, rows, n, c, nm, 3);
	table_free(w);
	return t;
}

static struct table *
ree_salient(const char *const *c, const char *const *nm, size_t nc)
{
	struct table	*s = load("datasets/usgs-mcs2024/salient/"
			    "mcs2024-raree_salient.csv"), *t;
	size_t		 rows[16], n, r;

	for (r = n = 0; r < table_nrows(s) && n < 16; r++)
		rows[n++] = r;
	t = project(s, rows, n, c, nm, nc);
	table_free(s);
	return t;
}

/* Leading country against the rest of the world, by mineral. */
static struct table *
dominance(void)
{
	struct table	*s = load("datasets/usgs-mcs2024/industry-trends/"
			    "MCS2024_T5_Critical_Minerals_Salient.csv"), *t;
	const struct value *lead, *tot;
	size_t		 rows[64], n = 0, r, k;

	for (r = 0; r < table_nrows(s); r++) {
		lead = table_get(s, r, (size_t)col(s, "Leading_country_prod"));
		tot = table_get(s, r, (size_t)col(s, "World_total_prod"));
		if (lead->kind == V_NUM && tot->kind == V_NUM && tot->num > 0)
			rows[n++] = r;
	}
	n = top(s, rows, n, "Leading_source_precent_world", 64);
	t = table_new("dominance");
	table_addcol(t, "Mineral", CT_TEXT);
	table_addcol(t, "Leading country", CT_INT);
	table_addcol(t, "Rest of the world", CT_INT);
	for (k = 0; k < n; k++) {
		r = table_addrow(t, table_rowline(s, rows[k]));
		table_set(t, r, 0, table_get(s, rows[k],
		    (size_t)col(s, "Critical_mineral")));
		lead = table_get(s, rows[k],
		    (size_t)col(s, "Leading_country_prod"));
		tot = table_get(s, rows[k], (size_t)col(s, "World_total_prod"));
		table_setnum(t, r, 1, lead->num);
		table_setnum(t, r, 2, tot->num - lead->num);
	}
	table_free(s);
	return t;
}

static struct table *
category_map(void)
{
	static const char *const c[] = { "Critical_mineral",
	    "Leading_source_precent_world", "Net_Import_Reliance" };
	static const char *const nm[] = { "Mineral", "Dominance",
	    "Reliance" };
	struct table	*s = load("datasets/usgs-mcs2024/industry-trends/"
			    "MCS2024_T5_Critical_Minerals_Salient.csv"), *t;
	size_t		 rows[64], n = 0, r;

	for (r = 0; r < table_nrows(s) && n < 64; r++)
		rows[n++] = r;
	t = project(s, rows, n, c, nm, 3);
	table_col_setunit(t, 1, "%");
	table_col_setunit(t, 2, "%");
	table_free(s);
	return t;
}

/* Share of world production against share of reserves, by country. */
static struct table *
shares(const char *file)
{
	struct table	*w = load(file), *t;
	const struct value *p, *res;
	double		 wp = world(w, "Prod_t_est_2023");
	double		 wr = world(w, "Reserves_t");
	size_t		 rows[64], n, k, r;

	n = countries(w, 0, rows);
	t = table_new("shares");
	table_addcol(t, "Country", CT_TEXT);
	table_addcol(t, "Production share", CT_DEC);
	table_addcol(t, "Reserves share", CT_DEC);
	table_addcol(t, "Production", CT_INT);
	table_col_setunit(t, 1, "%");
	table_col_setunit(t, 2, "%");
	table_col_setunit(t, 3, "t");
	for (k = 0; k < n; k++) {
		p = table_get(w, rows[k], (size_t)col(w, "Prod_t_est_2023"));
		res = table_get(w, rows[k], (size_t)col(w, "Reserves_t"));
		r = table_addrow(t, table_rowline(w, rows[k]));
		table_set(t, r, 0, table_get(w, rows[k],
		    (size_t)col(w, "Country")));
		table_setnum(t, r, 1, p->num / wp * 100);
		if (res->kind == V_NUM)
			table_setnum(t, r, 2, res->num / wr * 100);
		else
			table_set(t, r, 2, res);
		table_set(t, r, 3, p);
	}
	table_free(w);
	return t;
}

/* U.S. net import reliance by mineral and year, from salient files. */
static struct table *
reliance(const char *const *codes, const char *const *names, size_t nf)
{
	struct table	*t = table_new("reliance"), *s;
	struct buf	 path = { NULL, 0, 0 };
	size_t		 i, r, row;
	long		 c;

	table_addcol(t, "Year", CT_YEAR);
	table_addcol(t, "Mineral", CT_TEXT);
	table_addcol(t, "Reliance", CT_INT);
	table_col_setunit(t, 2, "%");
	for (i = 0; i < nf; i++) {
		buf_reset(&path);
		buf_printf(&path, "datasets/usgs-mcs2024/salient/mcs2024-%s_"
		    "salient.csv", codes[i]);
		s = load(path.data);
		/* The first NIR column ("NIR_pct", "NIR_Refinedpct"). */
		for (c = 0; c < (long)table_ncols(s) && strncmp(
		    table_colname(s, (size_t)c), "NIR", 3) != 0; c++)
			continue;
		(void)col(s, table_colname(s, (size_t)c));
		for (r = 0; r < table_nrows(s); r++) {
			if (table_get(s, r, (size_t)col(s, "Year"))->kind !=
			    V_NUM)
				continue;
			row = table_addrow(t, table_rowline(s, r));
			table_set(t, row, 0, table_get(s, r,
			    (size_t)col(s, "Year")));
			table_settext(t, row, 1, names[i]);
			table_set(t, row, 2, table_get(s, r, (size_t)c));
		}
		table_free(s);
	}
	buf_free(&path);
	return t;
}

/* Flows of cobalt (ores, mattes, oxides): top exporters to importers. */
static struct table *
flows(size_t max)
{
	struct table	*b = load("datasets/baci-cobalt-nickel/"
			    "cobalt_nickel_flows_2018_2020.csv"), *t;
	struct { char *from, *to; double q; } *f = NULL;
	char		**ex = NULL, **im = NULL;
	double		*exq = NULL, *imq = NULL, q;
	size_t		 nf = 0, nex = 0, nim = 0, r, i, j;
	long		 ck = col(b, "k"), cs = col(b, "sources"),
			 ct = col(b, "targets"), cq = col(b, "q_total");
	const char	*s, *d;
	double		 k;

	for (r = 0; r < table_nrows(b); r++) {
		k = table_get(b, r, (size_t)ck)->num;
		if (k != 260500 && k != 810520 && k != 282200)
			continue;
		s = table_get(b, r, (size_t)cs)->str;
		d = table_get(b, r, (size_t)ct)->str;
		q = table_get(b, r, (size_t)cq)->num;
		for (i = 0; i < nf; i++)
			if (!strcmp(f[i].from, s) && !strcmp(f[i].to, d))
				break;
		if (i == nf) {
			f = xreallocarray(f, nf + 1, sizeof(*f));
			f[nf].from = xstrdup(s);
			f[nf].to = xstrdup(d);
			f[nf++].q = 0;
		}
		f[i].q += q;
		for (j = 0; j < nex && strcmp(ex[j], s); j++)
			continue;
		if (j == nex) {
			ex = xreallocarray(ex, nex + 1, sizeof(*ex));
			exq = xreallocarray(exq, nex + 1, sizeof(*exq));
			ex[nex] = xstrdup(s);
			exq[nex++] = 0;
		}
		exq[j] += q;
		for (j = 0; j < nim && strcmp(im[j], d); j++)
			continue;
		if (j == nim) {
			im = xreallocarray(im, nim + 1, sizeof(*im));
			imq = xreallocarray(imq, nim + 1, sizeof(*imq));
			im[nim] = xstrdup(d);
			imq[nim++] = 0;
		}
		imq[j] += q;
	}
	t = table_new("flows");
	table_addcol(t, "Exporter", CT_TEXT);
	table_addcol(t, "Importer", CT_TEXT);
	table_addcol(t, "Tonnes", CT_DEC);
	table_col_setunit(t, 2, "t");
	/* The largest max exporters and importers by total. */
	for (i = 0; i < nf; i++) {
		size_t	 re = 0, ri = 0;

		for (j = 0; j < nex; j++)
			if (!strcmp(ex[j], f[i].from))
				break;
		for (r = 0; r < nex; r++)
			re += exq[r] > exq[j];
		for (j = 0; j < nim; j++)
			if (!strcmp(im[j], f[i].to))
				break;
		for (r = 0; r < nim; r++)
			ri += imq[r] > imq[j];
		if (re < max && ri < max && f[i].q >= 1) {
			r = table_addrow(t, 0);
			table_settext(t, r, 0, f[i].from);
			table_settext(t, r, 1, f[i].to);
			table_setnum(t, r, 2, round(f[i].q));
		}
	}
	for (i = 0; i < nf; i++) {
		free(f[i].from);
		free(f[i].to);
	}
	for (i = 0; i < nex; i++)
		free(ex[i]);
	for (i = 0; i < nim; i++)
		free(im[i]);
	free(f);
	free(ex);
	free(im);
	free(exq);
	free(imq);
	table_free(b);
	return t;
}

/* Top producers of several minerals, for small multiples. */
static struct table *
producers(void)
{
	static const char *const files[] = { "cobal", "graph", "lithi",
	    "raree" };
	static const char *const names[] = { "Cobalt", "Graphite",
	    "Lithium", "Rare earths" };
	struct table	*t = table_new("producers"), *w;
	struct buf	 p = { NULL, 0, 0 };
	size_t		 rows[64], n, i, k, r;
	long		 pc;

	table_addcol(t, "Mineral", CT_TEXT);
	table_addcol(t, "Country", CT_TEXT);
	table_addcol(t, "Production", CT_INT);
	table_col_setunit(t, 2, "t");
	for (i = 0; i < 4; i++) {
		buf_reset(&p);
		buf_printf(&p, "datasets/usgs-mcs2024/world/mcs2024-%s_world"
		    ".csv", files[i]);
		w = load(p.data);
		pc = col(w, "Prod_2023");
		n = countries(w, 0, rows);
		n = top(w, rows, n, table_colname(w, (size_t)pc), 4);
		for (k = 0; k < n; k++) {
			r = table_addrow(t, 0);
			table_settext(t, r, 0, names[i]);
			table_set(t, r, 1, table_get(w, rows[k],
			    (size_t)col(w, "Country")));
			table_set(t, r, 2, table_get(w, rows[k], (size_t)pc));
		}
		table_free(w);
	}
	buf_free(&p);
	return t;
}

/* Rare earths with Chinese country names. */
static struct table *
ree_zh(void)
{
	static const char *const en[] = { "China", "United States", "Burma",
	    "Australia", "Thailand", "India", "Russia", "Vietnam",
	    "Madagascar", "Brazil", "Malaysia", NULL };
	static const char *const zh[] = { "中国", "美国", "缅甸", "澳大利亚",
	    "泰国", "印度", "俄罗斯", "越南", "马达加斯加", "巴西", "马来西亚" };
	struct table	*t = world_prod("datasets/usgs-mcs2024/world/"
			    "mcs2024-raree_world.csv", "Prod_t_est_2023", 8, 0);
	const char	*s;
	size_t		 r, i;

	for (r = 0; r < table_nrows(t); r++) {
		s = table_get(t, r, 0)->str;
		for (i = 0; en[i] != NULL; i++)
			if (strcmp(s, en[i]) == 0) {
				table_settext(t, r, 0, zh[i]);
				break;
			}
	}
	return t;
}

static struct gchart *
gallery(size_t *n)
{
	static const char *const cr[] = { "chrom", "coppe", "nicke", "tin",
	    "vanad" };
	static const char *const crn[] = { "Chromium", "Copper", "Nickel",
	    "Tin", "Vanadium" };
	static const char *const fr[] = { "lithi", "raree", "germa", "tungs",
	    "nicke", "galli" };
	static const char *const frn[] = { "Lithium", "Rare earths",
	    "Germanium", "Tungsten", "Nickel", "Gallium" };
	static const char *const pc[] = { "Year", "Price_Dy2O3_dkg",
	    "Price_Nd2O3_dkg", "Price_TbO2_dkg" };
	static const char *const pn[] = { "Year", "Dysprosium oxide",
	    "Neodymium oxide", "Terbium oxide" };
	static const char *const ic[] = { "Year", "Imports_Compounds_t",
	    "Imports_Metals_t", "Imports_Alloys_t" };
	static const char *const in[] = { "Year", "Compounds", "Metals",
	    "Alloys" };
	static struct gchart g[] = {
	    { "bar", "Vertical bars", "Cobalt reserves by country, largest "
	      "first; \"Other countries\" stays last and a withheld value "
	      "would show as W.", NULL, { "type: bar", "x: Country",
	      "y: Reserves", "sort: desc",
	      "title: Cobalt reserves: the Congo holds more than half",
	      "subtitle: Reserves by country, tonnes of cobalt content",
	      "source: " SOURCE_USGS, NULL } },
	    { "hbar", "Horizontal bars with a highlight", "Rare-earth mine "
	      "production; value labels replace the axis.", NULL, {
	      "type: hbar", "x: Country", "y: Production", "sort: desc",
	      "highlight: China", "x-title: Mine production, 2023 (t)",
	      "title: China mines two thirds of the world's rare earths",
	      "subtitle: Rare-earth-oxide equivalent, 2023 estimates",
	      "source: " SOURCE_USGS, NULL } },
	    { "grouped", "Grouped bars", "Lithium mine production in two "
	      "years; the United States withholds its figure (W).", NULL, {
	      "type: bar", "x: Country", "y: 2022, 2023", "sort: desc",
	      "y-title: Mine production (t of lithium content)",
	      "title: Lithium mine production, 2022 and 2023",
	      "note: 2023 figures are estimates.",
	      "source: " SOURCE_USGS, NULL } },
	    { "stacked", "Stacked bars", "U.S. rare-earth imports by form.",
	      NULL, { "type: bar", "x: Year", "y: Compounds, Metals, Alloys",
	      "stack: stacked", "y-title: Imports (t)",
	      "title: U.S. rare-earth imports are mostly compounds",
	      "source: " SOURCE_USGS, NULL } },
	    { "percent", "100% stacked bars", "The leading producer's share "
	      "of world production, mineral by mineral.", NULL, {
	      "type: hbar", "x: Mineral",
	      "y: Leading country, Rest of the world", "stack: percent",
	      "size: 456x560",
	      "title: One country mines most of many critical minerals",
	      "subtitle: Share of world production from the leading country, "
	      "2023", "source: " SOURCE_USGS, NULL } },
	    { "line", "Lines with a projection", "Rare-earth oxide prices; "
	      "the 2023 estimates are dashed.", NULL, { "type: line",
	      "x: Year", "y: Dysprosium oxide, Neodymium oxide, Terbium oxide",
	      "projection: 2023", "y-title: Price ($/kg)",
	      "title: Rare-earth oxide prices fell back in 2023",
	      "note: Dashed: 2023 estimates.", "source: " SOURCE_USGS,
	      NULL } },
	    { "lines", "Several series", "U.S. net import reliance of five "
	      "metals, labelled at their ends.", NULL, { "type: line",
	      "x: Year", "y: Reliance", "series: Mineral",
	      "y-title: Net import reliance (% of apparent consumption)",
	      "title: U.S. import reliance, 2019-2023",
	      "source: " SOURCE_USGS, NULL } },
	    { "scatter", "Category map", "Supply risk against global "
	      "dominance, in the white paper's four categories.", NULL, {
	      "type: scatter", "x: Dominance", "y: Reliance",
	      "labels: Mineral", "quadrants: yes", "quadrant-x: 50",
	      "quadrant-y: 50", "size: 456x420",
	      "x-title: Share of world production from the leading "
	      "country (%)",
	      "y-title: U.S. net import reliance (% of apparent "
	      "consumption)",
	      "title: Critical minerals: supply risk against global "
	      "dominance",
	      "subtitle: Seen from the United States: import reliance "
	      "against the leading producer's share",
	      "source: " SOURCE_USGS, NULL } },
	    { "bubble", "Bubbles", "Rare earths: shares of world mine "
	      "production and of reserves; circle area is production.", NULL, {
	      "type: bubble", "x: Production share", "y: Reserves share",
	      "bubble: Production", "labels: Country", "size: 456x360",
	      "title: Rare earths: where they are mined and where they lie",
	      "subtitle: Share of the world total, 2023",
	      "source: " SOURCE_USGS, NULL } },
	    { "donut", "Donut", "Cobalt mine production by country; small "
	      "producers are grouped.", NULL, { "type: donut",
	      "x: Country", "y: Production",
	      "title: The Congo mines three quarters of the world's cobalt",
	      "subtitle: Mine production 2023 (estimated), tonnes",
	      "source: " SOURCE_USGS, NULL } },
	    { "heatmap", "Heatmap", "Cobalt ores, mattes and oxides traded "
	      "between the largest exporters and importers.", NULL, {
	      "type: heatmap", "x: Importer", "y: Exporter", "value: Tonnes",
	      "color-scale: log", "sort: desc", "size: 456x330",
	      "title: Who ships cobalt to whom",
	      "subtitle: Ores, mattes and oxides, tonnes, 2018-2020",
	      "source: CEPII BACI", NULL } },
	    { "sankey", "Flow diagram", "The same flows: exporters on the "
	      "left, importers on the right.", NULL, { "type: sankey",
	      "from: Exporter", "to: Importer", "value: Tonnes",
	      "size: 456x340", "title: Cobalt flows out of the Congo",
	      "subtitle: Ores, mattes and oxides, tonnes, 2018-2020",
	      "source: CEPII BACI", NULL } },
	    { "timeline", "Timeline", "Export controls and agreements since "
	      "2020.", NULL, { "type: timeline", "x: Date", "labels: Event",
	      "series: Kind", "size: 456x460",
	      "title: Export controls and agreements, 2020-2025",
	      "source: Government announcements (docs/gallery/events.csv)",
	      NULL } },
	    { "facet-lines", "Small multiples of lines", "Net import "
	      "reliance; open circles are bounds such as >50.", NULL, {
	      "type: line", "x: Year", "y: Reliance", "facet: Mineral",
	      "columns: 3", "size: 456x360", "y-title: % of consumption",
	      "title: U.S. net import reliance by mineral",
	      "source: " SOURCE_USGS, NULL } },
	    { "facet-bars", "Small multiples of bars", "The four largest "
	      "producers of four minerals on one scale.", NULL, {
	      "type: hbar", "x: Country", "y: Production", "facet: Mineral",
	      "size: 456x380", "x-title: Mine production, 2023 (t)",
	      "title: Graphite production dwarfs the other three",
	      "source: " SOURCE_USGS, NULL } },
	    { "cjk", "Chinese labels", "Rare-earth production with Chinese "
	      "names, drawn with the CJK face.", NULL, { "type: hbar",
	      "x: Country", "y: Production", "sort: desc",
	      "x-title: 矿产量（吨）",
	      "title: 2023年稀土矿产量", "subtitle: 稀土氧化物当量，估计值",
	      "source: 资料来源：美国地质调查局《矿产品概要2024》", NULL } },
	};
	g[0].t = cobalt_reserves();
	g[1].t = world_prod("datasets/usgs-mcs2024/world/mcs2024-raree_world"
	    ".csv", "Prod_t_est_2023", 10, 0);
	g[2].t = lithium();
	g[3].t = ree_salient(ic, in, 4);
	g[4].t = dominance();
	g[5].t = ree_salient(pc, pn, 4);
	g[6].t = reliance(cr, crn, 5);
	g[7].t = category_map();
	g[8].t = shares("datasets/usgs-mcs2024/world/mcs2024-raree_world.csv");
	g[9].t = world_prod("datasets/usgs-mcs2024/world/mcs2024-cobal_world"
	    ".csv", "Prod_t_est_2023", 64, 1);
	g[10].t = flows(8);
	g[11].t = flows(8);
	g[12].t = load("docs/gallery/events.csv");
	g[13].t = reliance(fr, frn, 6);
	g[14].t = producers();
	g[15].t = ree_zh();
	*n = sizeof(g) / sizeof(g[0]);
	return g;
}

static struct chart *
mkchart(const struct gchart *g)
{
	struct chart	*c = chart_new();
	const char	*colon;
	char		*key;
	size_t		 i;

	for (i = 0; g->opt[i] != NULL; i++) {
		colon = strchr(g->opt[i], ':');
		key = xstrndup(g->opt[i], (size_t)(colon - g->opt[i]));
		if (!chart_set(c, key, colon + 2, g->name, i + 1, 1))
			exit(1);
		free(key);
	}
	return c;
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
put(const char *dir, const char *name, const char *ext, const struct buf *b)
{
	char	*path = xasprintf("%s/%s.%s", dir, name, ext);

	if (!file_write_atomic(path, b->data ? b->data : "", b->len)) {
		fprintf(stderr, "chartgallery: %s: %s\n", path,
		    strerror(errno));
		exit(3);
	}
	free(path);
}

static struct node *
textnode(enum ntype t, const char *s)
{
	struct node	*n = node_new(t, 0, 0), *x;

	x = node_new(N_TEXT, 0, 0);
	x->text = xstrdup(s);
	node_append(n, x);
	return n;
}

/* The gallery as a document: a heading, a sentence and a figure each. */
static struct doc *
gallery_doc(struct gchart *g, size_t n, const struct fontset *fs,
    struct chart **c)
{
	struct doc	*d = doc_new("docs/gallery/gallery.md");
	struct node	*h, *f;
	char		*alt;
	size_t		 i;

	free(d->name);
	d->name = xstrdup("gallery");
	d->meta.title = xstrdup("briefgen chart gallery");
	d->meta.subtitle = xstrdup("Every kind of chart, from the USGS "
	    "Mineral Commodity Summaries 2024 and CEPII BACI");
	d->meta.date = xstrdup("2025-07-25");
	d->meta.lang = xstrdup("en");
	/* doc_new() made the root. */
	for (i = 0; i < n; i++) {
		h = textnode(N_HEADING, g[i].heading);
		h->level = 2;
		h->id = xasprintf("%s", g[i].name);
		node_append(d->root, h);
		node_append(d->root, textnode(N_PARAGRAPH, g[i].text));
		f = node_new(N_FIGURE, 0, 0);
		f->num = (int)i + 1;
		f->id = xasprintf("fig-%s", g[i].name);
		f->fig = xcalloc(1, sizeof(*f->fig));
		f->fig->dl = chart_draw(c[i], g[i].t, fs, 0, &alt);
		f->fig->alt = alt;
		if (chart_title(c[i]) != NULL)
			f->fig->caption = xstrdup(chart_title(c[i]));
		if (chart_subtitle(c[i]) != NULL)
			f->fig->desc = xstrdup(chart_subtitle(c[i]));
		if (chart_source(c[i]) != NULL)
			f->fig->source = xstrdup(chart_source(c[i]));
		node_append(d->root, f);
		d->nfigures++;
	}
	return d;
}

/* Inline SVG for the HTML page, as main.c does. */
static void
doc_svgs(struct doc *d, const struct fontset *fs)
{
	struct node	*n;
	struct buf	 b = { NULL, 0, 0 };
	char		 prefix[32];

	for (n = d->root->first; n != NULL; n = n->next) {
		if (n->type != N_FIGURE || n->fig->dl == NULL)
			continue;
		snprintf(prefix, sizeof(prefix), "fig%d-", n->num);
		buf_reset(&b);
		if (!cairo_svg(n->fig->dl, fs, prefix, n->fig->caption,
		    n->fig->alt, &b))
			exit(3);
		n->fig->svg = buf_steal(&b);
	}
	buf_free(&b);
}

static void
readme(const char *dir, const struct gchart *g, size_t n)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	buf_puts(&b, "# Chart gallery\n\n"
	    "Every kind of chart briefgen draws, from the real data in "
	    "datasets/.\nRebuilt by `make gallery`; do not edit by hand.\n"
	    "The charts below are drawn one by one by bench/chartgallery.c.\n"
	    "The gallery as a briefing is the template "
	    "[gallery.md](gallery.md),\nrendered by briefgen to "
	    "[gallery.pdf](gallery.pdf) and [gallery.html](gallery.html).\n");
	for (i = 0; i < n; i++)
		buf_printf(&b, "\n## %s\n\n%s\n\n![%s](%s.png)\n\n"
		    "[SVG](%s.svg) · [PNG](%s.png)\n", g[i].heading,
		    g[i].text, g[i].heading, g[i].name, g[i].name, g[i].name);
	put(dir, "README", "md", &b);
	buf_free(&b);
}

int
main(int argc, char *argv[])
{
	struct gchart	*g;
	struct chart	**c;
	struct fontset	*fs;
	struct doc	*d;
	struct pdf_opts	 po;
	struct html_opts ho;
	struct buf	 b = { NULL, 0, 0 };
	struct dl	*dl;
	const char	*out = "docs/gallery", *fonts = "fonts";
	char		*alt, prefix[32];
	size_t		 n, i, rounds = 0, k;
	double		 t0, tsvg = 0, tpdf = 0, tpng = 0, tdraw = 0;
	int		 ch, docs = 0;

	while ((ch = getopt(argc, argv, "dn:o:f:r:")) != -1)
		switch (ch) {
		case 'd':
			docs = 1;
			break;
		case 'n':
			rounds = (size_t)atoi(optarg);
			break;
		case 'o':
			out = optarg;
			break;
		case 'f':
			fonts = optarg;
			break;
		case 'r':
			root = optarg;
			break;
		default:
			fputs("usage: chartgallery [-d] [-n rounds] [-o dir] "
			    "[-f fontdir] [-r root]\n", stderr);
			return 2;
		}
	if ((fs = fontset_load(fonts)) == NULL)
		return 3;
	if (!dir_make(out)) {
		fprintf(stderr, "chartgallery: %s: %s\n", out, strerror(errno));
		return 3;
	}
	g = gallery(&n);
	c = xcalloc(n, sizeof(*c));
	for (i = 0; i < n; i++) {
		c[i] = mkchart(&g[i]);
		if (!chart_check(c[i], g[i].t, g[i].name, 0, 0))
			return 1;
		if ((dl = chart_draw(c[i], g[i].t, fs, 1, &alt)) == NULL)
			return 1;
		snprintf(prefix, sizeof(prefix), "%s-", g[i].name);
		buf_reset(&b);
		if (!cairo_svg(dl, fs, prefix, chart_title(c[i]), alt, &b))
			return 3;
		put(out, g[i].name, "svg", &b);
		buf_reset(&b);
		if (!cairo_png(dl, fs, 2, &b))
			return 3;
		put(out, g[i].name, "png", &b);
		free(alt);
		dl_free(dl);
	}
	readme(out, g, n);
	pdf_opts_defaults(&po);
	po.date = 1753401600;	/* 2025-07-25: same bytes every run */
	po.cover = 0;
	po.toc = 0;
	/* The PDF and HTML of the whole document, with -d. */
	if (docs) {
		d = gallery_doc(g, n, fs, c);
		buf_reset(&b);
		if (!pdf_write(d, fs, &po, &b))
			return 3;
		put(out, "charts", "pdf", &b);
		doc_svgs(d, fs);
		html_opts_defaults(&ho);
		ho.now = po.date;
		buf_reset(&b);
		if (!html_write(d, &ho, &b))
			return 3;
		put(out, "charts", "html", &b);
		doc_free(d);
	}
	/* Timing: draw, SVG and PNG per chart; the whole PDF. */
	for (k = 0; k < rounds; k++) {
		for (i = 0; i < n; i++) {
			t0 = now();
			dl = chart_draw(c[i], g[i].t, fs, 1, &alt);
			tdraw += now() - t0;
			t0 = now();
			buf_reset(&b);
			(void)cairo_svg(dl, fs, "x-", NULL, alt, &b);
			tsvg += now() - t0;
			t0 = now();
			buf_reset(&b);
			(void)cairo_png(dl, fs, 2, &b);
			tpng += now() - t0;
			free(alt);
			dl_free(dl);
		}
		t0 = now();
		d = gallery_doc(g, n, fs, c);
		buf_reset(&b);
		(void)pdf_write(d, fs, &po, &b);
		doc_free(d);
		tpdf += now() - t0;
	}
	if (rounds > 0)
		printf("%zu charts, %zu rounds: draw %.2f ms, SVG %.2f ms, "
		    "PNG %.2f ms per chart; draw and SVG of all %.1f ms; "
		    "draw and PDF of all %.1f ms\n", n, rounds,
		    tdraw * 1e3 / (double)(rounds * n),
		    tsvg * 1e3 / (double)(rounds * n),
		    tpng * 1e3 / (double)(rounds * n),
		    (tdraw + tsvg) * 1e3 / (double)rounds,
		    tpdf * 1e3 / (double)rounds);
	for (i = 0; i < n; i++) {
		chart_free(c[i]);
		table_free(g[i].t);
	}
	free(c);
	buf_free(&b);
	fontset_free(fs);
	return msg_exit_status(NULL);
}
