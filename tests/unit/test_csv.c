/*
 * test_csv.c: reading real files as they come.  One check per quirk
 * of docs/data.md, on the cell readers and on the USGS and BACI files
 * themselves; the expected values are read off the files by eye (the
 * line is quoted in each check).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aux.h"
#include "data.h"
#include "dataset.h"
#include "harness.h"
#include "msg.h"

#define WORLD	"datasets/usgs-mcs2024/world/"
#define TRENDS	"datasets/usgs-mcs2024/industry-trends/"
#define BACI	"datasets/baci-cobalt-nickel/"

/* Load a file; messages go to *log (if not NULL). */
static struct table *
load(const char *path, const struct dsopts *given, struct buf *log)
{
	struct msgctx	 c;
	struct dsopts	 o;
	struct table	*t;
	struct buf	 sink = { NULL, 0, 0 };

	if (given == NULL) {
		dsopts_defaults(&o);
		given = &o;
	}
	memset(&c, 0, sizeof(c));
	c.sink = log ? log : &sink;
	msg_push(&c);
	t = csv_load(path, given);
	msg_pop();
	buf_free(&sink);
	return t;
}

/* The row whose name column is name (first match), or -1. */
static long
findrow(const struct table *t, const char *col, const char *name)
{
	long	 c = table_colfind(t, col);
	size_t	 r;

	for (r = 0; c >= 0 && r < table_nrows(t); r++)
		if (table_get(t, r, (size_t)c)->kind == V_TEXT &&
		    strcmp(table_get(t, r, (size_t)c)->str, name) == 0)
			return (long)r;
	return -1;
}

static const struct value *
cell(const struct table *t, const char *key, const char *name,
    const char *col)
{
	static const struct value none = { 0, NULL, 99, 0 };
	long	 r = findrow(t, key, name), c = table_colfind(t, col);

	return r < 0 || c < 0 ? &none : table_get(t, (size_t)r, (size_t)c);
}

static void
num(const char *s, int kind, double x, unsigned flags, const char *what)
{
	struct value	 v;
	int		 dec, lead0, ok;

	memset(&v, 0, sizeof(v));
	ok = cell_number(s, strlen(s), &v, &dec, &lead0);
	CHECK(ok && v.kind == kind && (kind == V_NA || kind == V_NULL ||
	    kind == V_WITHHELD || kind == V_NOTAPPL || v.num == x) &&
	    v.flags == flags, "%s: '%s'", what, s);
	if (!(ok && v.kind == kind && v.num == x))
		printf("#   got ok %d kind %d num %.17g flags %u\n", ok,
		    v.kind, v.num, v.flags);
}

static void
notnum(const char *s, const char *what)
{
	struct value	 v;
	int		 dec, lead0;

	CHECK(!cell_number(s, strlen(s), &v, &dec, &lead0), "%s: '%s' is not "
	    "a number", what, s);
}

static void
test_numbers(void)
{
	struct value	 v;
	int		 dec, lead0;

	num("73000", V_NUM, 73000, 0, "plain number");
	num("72,000", V_NUM, 72000, 0, "thousands separators");
	num("1,100,000", V_NUM, 1100000, 0, "two separators");
	notnum("1,00", "a separator not before three digits");
	notnum("1,0000", "a separator before four digits");
	notnum("1234,567", "a first group of four digits");
	num("e20,000", V_NUM, 20000, VF_ESTIMATE, "estimate prefix (vanadium)");
	num(" e24,000", V_NUM, 24000, VF_ESTIMATE, "estimate prefix after a space");
	num(">2,000,000", V_LOWER, 2000000, 0, "lower bound");
	num("    >9,100,000", V_LOWER, 9100000, 0, "padded lower bound (nickel)");
	num(">130,000,000", V_LOWER, 130000000, 0, "lower bound (nickel World)");
	num("<100", V_UPPER, 100, 0, "upper bound");
	num("\xe2\x89\xa5" "5", V_LOWER, 5, 0, "U+2265 bound");
	num("NA", V_NA, 0, 0, "NA");
	num("             NA", V_NA, 0, 0, "space-padded NA");
	num("W", V_WITHHELD, 0, 0, "W is withheld");
	num("XX", V_NOTAPPL, 0, 0, "XX is not applicable");
	num("", V_NULL, 0, 0, "empty");
	num("   ", V_NULL, 0, 0, "blank");
	num("Less than \xc2\xbd unit.", V_UPPER, 0.5, 0, "less than half a unit");
	num("Less than a half unit", V_UPPER, 0.5, 0, "less than a half unit");
	num("\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0 325", V_NUM, 325, 0,
	    "no-break spaces around a number (manganese)");
	num("4.8\xc2\xa0", V_NUM, 4.8, 0, "a trailing no-break space");
	num("\xe2\x88\x92" "84", V_NUM, -84, 0, "U+2212 minus (niobium salient)");
	num("-7", V_NUM, -7, 0, "ASCII minus");
	num("13.539000000000001", V_NUM, 13.539, 0,
	    "float noise is rounded to 15 digits");
	num("0.30000000000000004", V_NUM, 0.3, 0, "float noise, 0.1 + 0.2");
	num("0 ", V_NUM, 0, 0, "trailing space");
	num("1.5e3", V_NUM, 1500, 0, "exponent");
	num("123456789012345678", V_NUM, 123456789012346000.0, 0,
	    "18 digits keep 15");
	num("9007199254740993", V_NUM, 9007199254740990.0, 0,
	    "16 digits round half up");
	num("0.1", V_NUM, 0.1, 0, "one tenth reads as the double 0.1");
	num("2.675", V_NUM, 2.675, 0, "2.675 reads as the double 2.675");
	num("1e-30", V_NUM, 1e-30, 0, "tiny exponent goes through strtod_l");
	notnum("Included in World total.", "words");
	notnum("Large", "a word");
	notnum("E", "a lone E (net exporter)");
	notnum("12abc", "trailing letters");
	notnum("4 to 6", "a range");
	cell_number("0305", 4, &v, &dec, &lead0);
	CHECK(lead0, "a leading zero marks a code ('0305')");
	cell_number("0.5", 3, &v, &dec, &lead0);
	CHECK(!lead0 && dec, "0.5 has no leading-zero code, has a point");
	cell_number("2023", 4, &v, &dec, &lead0);
	CHECK(!lead0 && !dec, "2023: whole, no code");
}

static void
name(const char *in, const char *want, unsigned flags, const char *what)
{
	struct buf	 b = { NULL, 0, 0 };
	unsigned	 got;

	got = cell_name(in, strlen(in), &b);
	CHECK(strcmp(b.data, want) == 0 && got == flags, "%s: '%s' -> '%s'",
	    what, in, want);
	if (strcmp(b.data, want) != 0 || got != flags)
		printf("#   got '%s' flags %u\n", b.data, got);
	buf_free(&b);
}

static void
test_names(void)
{
	struct buf	 b = { NULL, 0, 0 };

	name("Japane", "Japan", VF_ESTIMATE, "estimate marker (gallium)");
	name("Russiae", "Russia", VF_ESTIMATE, "estimate marker (PGM)");
	name("Korea, Republic ofe", "Korea, Republic of", VF_ESTIMATE,
	    "estimate marker after a comma name");
	name("Greecee", "Greece", VF_ESTIMATE, "estimate marker (perlite)");
	name("Chinae", "China", VF_ESTIMATE, "estimate marker (Chinae)");
	name("Turkeye", "Turkey", VF_ESTIMATE, "estimate marker (Turkeye)");
	name("Other countriese", "Other countries", VF_ESTIMATE,
	    "estimate marker on 'Other countries'");
	name("Chile", "Chile", 0, "Chile keeps its e");
	name("France", "France", 0, "France keeps its e");
	name("Ukraine", "Ukraine", 0, "Ukraine keeps its e");
	name("Greece", "Greece", 0, "Greece keeps its e");
	name("Mozambique", "Mozambique", 0, "Mozambique keeps its e");
	name("C\xc3\xb4te d\xe2\x80\x99Ivoire", "C\xc3\xb4te d\xe2\x80\x99Ivoire",
	    0, "C\xc3\xb4te d\xe2\x80\x99Ivoire keeps its e");
	name("Ukraine, concentrate", "Ukraine, concentrate", 0,
	    "a qualifier ending in e is kept");
	name("Brazil (beneficiated)e", "Brazil (beneficiated)", VF_ESTIMATE,
	    "an e after a closing parenthesis");
	name("Unknownlande", "Unknownlande", 0,
	    "an unknown name keeps its e");
	name("World total (rounded)10", "World total (rounded)", VF_FOOTNOTE,
	    "footnote digits after a parenthesis");
	name("Other countries4", "Other countries", VF_FOOTNOTE,
	    "footnote digit");
	name("New Caledonia11", "New Caledonia", VF_FOOTNOTE,
	    "two footnote digits");
	name("Zone 12", "Zone 12", 0, "digits after a space stay");
	name("United\xc2\xa0States", "United States", 0,
	    "a no-break space inside a name");
	name("Vietnam\xc2\xa0", "Vietnam", 0, "a trailing no-break space");
	name(" Mine production", "Mine production", 0, "a leading space");

	CHECK(name_class("World total (rounded)") == RC_TOTAL,
	    "World total is a total");
	CHECK(name_class("World mine production: Platinum") == RC_TOTAL,
	    "World mine production is a total");
	CHECK(name_class("Other countries") == RC_OTHER,
	    "Other countries is a rest");
	CHECK(name_class("Other countries (includes crude)") == RC_OTHER,
	    "Other countries with a qualifier is a rest");
	CHECK(name_class("Other Asia, nes") == RC_ITEM,
	    "'Other Asia, nes' (Taiwan in UN data) is a partner");
	CHECK(name_class("Worldwide Minerals Ltd") == RC_ITEM,
	    "'Worldwide' is not 'World'");
	CHECK(name_class("China") == RC_ITEM, "China is an item");
	CHECK(!name_known("China, Morocco, Malaysia", 24),
	    "a list of names is not a name");

	CHECK_STR(colname_unit("Reserves_kt", &b), "kt", "unit kt");
	CHECK_STR(b.data, "Reserves", "alias without the unit");
	CHECK_STR(colname_unit("Prod_t_est_2023", &b), "t", "unit before est");
	CHECK_STR(b.data, "Prod_2023", "alias without unit and est");
	CHECK_STR(colname_unit("Prod_t_2022", &b), "t", "unit before a year");
	CHECK_STR(b.data, "Prod_2022", "same alias as the estimated header");
	CHECK_STR(colname_unit("Cap_Sponge_t_Est_2022", &b), "t",
	    "unit with Est");
	CHECK_STR(colname_unit("Net_Import_Reliance_pct_2023", &b), "%",
	    "pct is %%");
	CHECK_STR(colname_unit("value_usd", &b), "USD", "usd");
	CHECK_STR(b.data, "value", "alias of value_usd");
	CHECK_STR(colname_unit("Highway_Construction_Value_bil_dols", &b),
	    "$ billion", "two-token unit");
	CHECK_STR(colname_unit("Reserves_ore_K2O_equiv_kt", &b), "kt",
	    "unit at the end of a long name");
	CHECK(colname_unit("Country", &b) == NULL && b.len == 0,
	    "no unit, no alias");
	CHECK(colname_unit("t", &b) == NULL, "a lone unit is a name");
	CHECK(unit_factor("kt", "t") == 1000 && unit_factor("kg", "t") ==
	    0.001 && unit_factor("t", "%") == 0, "unit factors");
	buf_free(&b);
}

/* The compiled list and datasets/briefgen/names.csv agree. */
static void
test_reflist(void)
{
	struct table	*t = load("datasets/briefgen/names.csv", NULL, NULL);
	const char	*iso, *kind, *n;
	size_t		 i, bad = 0;

	CHECK(t != NULL && table_nrows(t) == name_count(),
	    "names.csv has the %zu compiled names", name_count());
	for (i = 0; t != NULL && i < name_count() && i < table_nrows(t); i++) {
		n = name_at(i, &iso, &kind);
		if (strcmp(n, table_get(t, i, 0)->str) != 0 ||
		    strcmp(kind, table_get(t, i, 2)->str) != 0 ||
		    (*iso ? strcmp(iso, table_get(t, i, 1)->str) != 0 :
		    table_get(t, i, 1)->kind != V_NULL))
			bad++;
		if (i > 0 && strcmp(name_at(i - 1, NULL, NULL), n) >= 0)
			bad++;
	}
	CHECK(bad == 0, "names.csv and the compiled list agree, sorted");
	table_free(t);
}

static void
test_usgs(void)
{
	struct table	*t;
	struct buf	 log = { NULL, 0, 0 };
	const struct value *v;
	struct dsopts	 o;

	/* Rare earths: BOM, CRLF, 38 trailing empty columns, 12 all-comma
	 * rows at the end. */
	t = load(WORLD "mcs2024-raree_world.csv", NULL, NULL);
	CHECK(t != NULL, "rare earths load");
	CHECK(table_ncols(t) == 8, "trailing empty columns dropped (8 of %zu)",
	    t ? table_ncols(t) : 0);
	CHECK(table_nrows(t) == 16, "all-comma rows skipped (16 rows)");
	CHECK_STR(table_colname(t, 0), "Source", "the BOM is not in 'Source'");
	CHECK(table_rowline(t, findrow(t, "Country", "China")) == 7,
	    "CRLF lines counted: China is on line 7");
	CHECK(table_coltype(t, 3) == CT_INT && table_coltype(t, 1) == CT_TEXT,
	    "production is integer, Country text");
	CHECK_STR(table_colunit(t, 6), "t", "Reserves_t has unit t");
	CHECK(cell(t, "Country", "China", "Reserves_t")->num == 44000000,
	    "China reserves 44,000,000 t");
	CHECK(cell(t, "Country", "Burma", "Reserves_t")->kind == V_NA,
	    "Burma reserves NA");
	CHECK(table_colfind(t, "Reserves") == 6, "alias 'Reserves'");
	CHECK(table_colfind(t, "Prod_2023") == 4, "alias 'Prod_2023'");
	CHECK(table_namecol(t) == 1, "Country is the name column");
	CHECK(table_rowclass(t, (size_t)findrow(t, "Country",
	    "World total (rounded)")) == RC_TOTAL, "World total row class");
	v = cell(t, "Country", "United States", "Reserves_notes");
	CHECK(v->kind == V_TEXT && strstr(v->str, "United States") != NULL,
	    "NBSP in notes text becomes a space");
	table_free(t);

	/* Gallium: estimate markers, footnotes, quoted thousands. */
	t = load(WORLD "mcs2024-galli_world.csv", NULL, NULL);
	v = cell(t, "Country", "Japan", "Prod_kg_2022");
	CHECK(v->kind == V_NUM && v->num == 3000 && (cell(t, "Country",
	    "Japan", "Country")->flags & VF_ESTIMATE),
	    "Japane is Japan, estimated, 3,000 kg");
	CHECK(findrow(t, "Country", "Korea, Republic of") >= 0,
	    "'Korea, Republic ofe' is Korea, Republic of");
	CHECK(findrow(t, "Country", "United States") >= 0,
	    "'United\\u00a0States' is United States");
	CHECK(cell(t, "Country", "Other countries", "Cap_kg_2023")->num ==
	    88000, "quoted \"88,000\" next to plain numbers");
	CHECK(cell(t, "Country", "Other countries", "Country")->flags &
	    VF_FOOTNOTE, "Other countries4: footnote mark");
	CHECK(table_colfind(t, "Reserves") == -1,
	    "gallium has no reserves columns");
	table_free(t);

	/* Antimony: a lower bound in the notes column. */
	t = load(WORLD "mcs2024-antim_world.csv", NULL, NULL);
	v = cell(t, "Country", "World total (rounded)", "Reserves_t");
	CHECK(v->kind == V_LOWER && v->num == 2000000 && (v->flags & VF_BOUND),
	    "World reserves NA + note '>2,000,000. In addition' = >2,000,000");
	CHECK(cell(t, "Country", "Vietnam", "Reserves_t")->kind == V_NA,
	    "'             NA' is NA");
	table_free(t);

	t = load(WORLD "mcs2024-niobi_world.csv", NULL, NULL);
	v = cell(t, "Country", "World total (rounded)", "Reserves_t");
	CHECK(v->kind == V_LOWER && v->num == 17000000,
	    "niobium World reserves from the note '>17,000,000'");
	table_free(t);

	t = load(WORLD "mcs2024-nicke_world.csv", NULL, NULL);
	v = cell(t, "Country", "World total (rounded)", "Reserves_t");
	CHECK(v->kind == V_LOWER && v->num == 130000000,
	    "nickel World reserves '>130,000,000'");
	CHECK(cell(t, "Country", "Other countries", "Reserves_t")->kind ==
	    V_LOWER, "'    >9,100,000' is a lower bound");
	table_free(t);

	t = load(WORLD "mcs2024-vanad_world.csv", NULL, NULL);
	v = cell(t, "Country", "Russia", "Prod_2022");
	CHECK(v->kind == V_NUM && v->num == 20000 && v->flags == VF_ESTIMATE,
	    "vanadium Russia 'e20,000'");
	CHECK_STR(table_colunit(t, (size_t)table_colfind(t, "Reserves")), "kt",
	    "vanadium reserves are in kt in MCS2024");
	table_free(t);

	t = load(WORLD "mcs2024-manga_world.csv", NULL, NULL);
	CHECK(cell(t, "Country", "Other countries", "Prod_2023")->num == 330,
	    "manganese Other countries: NBSPs around 330");
	table_free(t);

	t = load(WORLD "mcs2024-graph_world.csv", NULL, NULL);
	v = cell(t, "Country", "Austria", "Reserves_t");
	CHECK(v->kind == V_NOTE && strcmp(v->str, "Included in World total.") ==
	    0, "'Included in World total.' is a note in a number column");
	CHECK(table_coltype(t, (size_t)table_colfind(t, "Reserves")) ==
	    CT_INT, "Reserves stays a number column with notes in it");
	table_free(t);

	t = load(WORLD "mcs2024-heliu_world.csv", NULL, NULL);
	v = cell(t, "Country", "South Africa", "Prod_2023");
	CHECK(v->kind == V_UPPER && v->num == 0.5,
	    "'Less than \xc2\xbd unit.' is below 0.5");
	table_free(t);

	t = load(WORLD "mcs2024-plati_world.csv", NULL, NULL);
	CHECK(findrow(t, "Country", "Russia") >= 0, "Russiae (PGM) is Russia");
	v = cell(t, "Country", "World total (rounded)", "Type");
	CHECK(v->kind == V_TEXT && strcmp(v->str,
	    "World mine production: Palladium") == 0,
	    "a leading space in Type is trimmed");
	table_free(t);

	/* Industry trends: years with "_estimated", bounds in NIR. */
	t = load(TRENDS "MCS2024_T5_Critical_Minerals_Salient.csv", NULL, NULL);
	CHECK(table_coltype(t, 1) == CT_YEAR, "'2023_estimated' is a year");
	v = table_get(t, 0, 1);
	CHECK(v->num == 2023 && (v->flags & VF_ESTIMATE), "2023, estimated");
	v = cell(t, "Critical_mineral", "Zirconium (ores and concentrates)",
	    "Net_Import_Reliance");
	CHECK(v->kind == V_UPPER && v->num == 25, "NIR '<25'");
	v = cell(t, "Critical_mineral", "Lithium", "Net_Import_Reliance");
	CHECK(v->kind == V_LOWER && v->num == 25, "NIR '>25'");
	CHECK(cell(t, "Critical_mineral", "Barite", "Primary_prod")->kind ==
	    V_WITHHELD, "W is withheld");
	table_free(t);

	t = load("datasets/usgs-mcs2024/salient/mcs2024-molyb_salient.csv",
	    NULL, NULL);
	v = cell(t, "Commodity", "Molybdenum", "NIR_pct");
	CHECK(v->kind == V_NOTE && strcmp(v->str, "E") == 0 &&
	    table_coltype(t, (size_t)table_colfind(t, "NIR_pct")) != CT_TEXT,
	    "NIR 'E' (net exporter) in a number column");
	table_free(t);

	/* The salient cobalt file holds a real error of an earlier edition. */
	buf_reset(&log);
	t = load("datasets/usgs-mcs2024/salient/mcs2024-cobal_salient.csv",
	    NULL, &log);
	CHECK(log.data && strstr(log.data, "mcs2024-cobal_salient.csv:3: "
	    "warning: Reserves_t of Australia, 101,600,000, is above World "
	    "total (rounded), 10,000,000 (line 15)") != NULL,
	    "a country above the World total is flagged with file:line");
	table_free(t);

	buf_reset(&log);
	t = load("datasets/usgs-mcs2024/salient/mcs2024-nicke_salient.csv",
	    NULL, &log);
	CHECK(log.data && strstr(log.data, "duplicate column name") &&
	    table_colfind(t, "Price_dt dlb (both used)_2") >= 0,
	    "a repeated header gets a new name and a warning");
	table_free(t);

	/* A declared type. */
	dsopts_defaults(&o);
	o.types = xcalloc(1, sizeof(*o.types));
	o.types[0].name = xstrdup("k");
	o.types[0].type = CT_TEXT;
	o.ntypes = 1;
	t = load(BACI "cobalt_nickel_flows_2018_2020.csv", &o, NULL);
	CHECK(table_coltype(t, 1) == CT_TEXT && strcmp(table_get(t, 0, 1)->str,
	    "810520") == 0, "a declared text type keeps HS codes as text");
	free(o.types[0].name);
	free(o.types);
	table_free(t);
	buf_free(&log);
}

static void
test_baci(void)
{
	struct table	*t;
	struct buf	 log = { NULL, 0, 0 };
	struct dsopts	 o;
	long		 r;

	t = load(BACI "cobalt_nickel_flows_2018_2020.csv", NULL, NULL);
	CHECK(t != NULL && table_nrows(t) == 2752, "BACI 2018-2020: 2752 rows");
	CHECK_STR(table_colname(t, 0), "column_1", "the unnamed index column");
	r = findrow(t, "column_1", "x");
	(void)r;
	CHECK(table_get(t, 0, 4)->num == 1.84, "q_total 1.84 on line 2");
	for (r = 0; r < (long)table_nrows(t); r++)
		if (table_get(t, (size_t)r, 0)->num == 1071)
			break;
	CHECK(table_get(t, (size_t)r, 4)->num == 13.539 &&
	    strcmp(table_get(t, (size_t)r, 2)->str,
	    "USA, Puerto Rico and US Virgin Islands") == 0,
	    "float noise 13.539000000000001 and a quoted name with commas");
	CHECK(table_coltype(t, 4) == CT_DEC && table_coltype(t, 1) == CT_INT,
	    "q_total decimal, k integer");
	CHECK(table_namecol(t) == 2, "sources is the name column");
	table_free(t);

	/* Latin-1 is refused, with where; accepted when declared. */
	t = load(BACI "country_codes_V202201.csv", NULL, &log);
	CHECK(t == NULL && log.data && strstr(log.data,
	    "country_codes_V202201.csv:104:7: error: not UTF-8 (byte 0xF4)"),
	    "Latin-1 input is refused at FILE:LINE:COL");
	dsopts_defaults(&o);
	o.encoding = "latin1";
	t = load(BACI "country_codes_V202201.csv", &o, NULL);
	CHECK(t != NULL && table_nrows(t) == 238, "with encoding latin1: 238 rows");
	CHECK(findrow(t, "country_name_abbreviation", "C\xc3\xb4te d'Ivoire") >=
	    0 && findrow(t, "country_name_full", "Cura\xc3\xa7" "ao") >= 0,
	    "Latin-1 names decoded");
	CHECK(table_get(t, 0, 0)->num == 4 && table_coltype(t, 3) == CT_TEXT,
	    "codes: numeric country_code, text iso2 (Namibia's NA stays text)");
	table_free(t);
	buf_free(&log);
}

/* Write a file for a test. */
static void
put(const char *path, const char *text)
{
	FILE	*f = fopen(path, "wb");

	fputs(text, f);
	fclose(f);
}

static int
has(const struct buf *b, const char *s)
{
	return b->data != NULL && strstr(b->data, s) != NULL;
}

static void
test_errors(void)
{
	struct buf	 log = { NULL, 0, 0 };
	struct table	*t;
	char		 dir[] = "/tmp/bgcsvXXXXXX", path[64];

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof(path), "%s/a.csv", dir);

	put(path, "a,b\n1,\"x\"y\n");
	t = load(path, NULL, &log);
	CHECK(t == NULL && has(&log, "a.csv:2:6: error: malformed CSV"),
	    "text after a closing quote: strict libcsv, line 2 col 6");
	buf_reset(&log);

	put(path, "a,b\n1,2\n3,\"open\n");
	t = load(path, NULL, &log);
	CHECK(t == NULL && has(&log, "a.csv:3:3: error: malformed CSV: a "
	    "quoted field is not closed"), "an unclosed quote at the end");
	buf_reset(&log);

	put(path, "a,b\n1,2\n3,4,5\n");
	t = load(path, NULL, &log);
	CHECK(t != NULL && table_ncols(t) == 3 && has(&log, "a.csv:3: warning: "
	    "a value in field 3, beyond the 2 fields of the header: read as "
	    "column 'column_3'"), "a row wider than the header");
	table_free(t);
	buf_reset(&log);

	put(path, "code,n\nNA,1\nFR,2\n");
	t = load(path, NULL, &log);
	CHECK(table_coltype(t, 0) == CT_TEXT && table_get(t, 0, 0)->kind ==
	    V_TEXT, "'NA' in a text column (Namibia's code) stays text");
	table_free(t);

	put(path, "a,b\n1,2\n3,4,,\n");
	t = load(path, NULL, &log);
	CHECK(t != NULL && table_ncols(t) == 2, "extra empty fields are fine");
	table_free(t);

	put(path, "");
	t = load(path, NULL, &log);
	CHECK(t == NULL && has(&log, "empty file"), "an empty file");
	buf_reset(&log);

	put(path, "name,v\n\"multi\nline\",1\nsecond,2\n");
	t = load(path, NULL, &log);
	CHECK(t != NULL && table_rowline(t, 1) == 4,
	    "a quoted newline moves the line count");
	table_free(t);

	/* Types. */
	put(path, "Year,n,x,s,d,code\r\n2020,1,1.5,a,2024-02-29,007\r\n"
	    "2021,2,2,b,2024-03-01,010\r\n");
	t = load(path, NULL, &log);
	CHECK(table_coltype(t, 0) == CT_YEAR && table_coltype(t, 1) ==
	    CT_INT && table_coltype(t, 2) == CT_DEC && table_coltype(t, 3) ==
	    CT_TEXT && table_coltype(t, 4) == CT_DATE && table_coltype(t, 5) ==
	    CT_TEXT, "year, integer, decimal, text, date, code inferred");
	CHECK(table_get(t, 0, 4)->num == 19782 && strcmp(table_get(t, 0,
	    4)->str, "2024-02-29") == 0, "a date is text and days since 1970");
	table_free(t);

	/* Validation warnings. */
	put(path, "Country,Type,Share_pct\nChina,a,60\nChile,a,50\n"
	    "Peru,b,20\nChina,a,1\n");
	buf_reset(&log);
	t = load(path, NULL, &log);
	CHECK(has(&log, "a.csv:2: warning: the shares in Share_pct add up to "
	    "111%, above 100%"), "shares above 100%% flagged at the group");
	CHECK(has(&log, "a.csv:5: warning: duplicate key (China, a), first "
	    "on line 2"), "duplicate keys flagged");
	table_free(t);

	put(path, "Country,Reserves_t\nChile,5\nWorld total,4\n");
	buf_reset(&log);
	t = load(path, NULL, &log);
	CHECK(has(&log, "a.csv:2: warning: Reserves_t of Chile, 5, is above "
	    "World total, 4 (line 3)"), "a country above the World total");
	table_free(t);

	unlink(path);
	rmdir(dir);
	buf_free(&log);
}

/* Streaming: sum a column on one and on two threads. */
struct sum {
	long	 col;
	double	 total;
	size_t	 rows, maxline;
	int	 kept;
};

static int
sum_head(void *arg, const struct csvrecs *r, unsigned char **want,
    size_t *n)
{
	(void)arg;
	*n = r->start[1] - r->start[0];
	if (*n < 2)
		*n = 2;		/* the column summed is the second */
	*want = xcalloc(*n, 1);
	(*want)[1] = 1;
	return 1;
}

static void *
sum_tstart(void *arg)
{
	(void)arg;
	return xcalloc(1, sizeof(struct sum));
}

static void
sum_row(void *ts, const struct csvfield *f, size_t line)
{
	struct sum	*s = ts;
	struct value	 v;
	int		 d, z;

	if (f[1].s != NULL && cell_number(f[1].s, f[1].len, &v, &d, &z) &&
	    v.kind == V_NUM)
		s->total += v.num;
	s->rows++;
	if (line > s->maxline)
		s->maxline = line;
}

static void
sum_tend(void *arg, void *ts, int keep, size_t linebase)
{
	struct sum	*all = arg, *s = ts;

	if (keep) {
		all->total += s->total;
		all->rows += s->rows;
		if (s->maxline + linebase > all->maxline)
			all->maxline = s->maxline + linebase;
		all->kept++;
	}
	free(s);
}

static int
scan(const char *path, int threads, struct sum *s)
{
	struct csvscan	 cs;
	struct dsopts	 o;

	memset(s, 0, sizeof(*s));
	memset(&cs, 0, sizeof(cs));
	dsopts_defaults(&o);
	cs.arg = s;
	cs.head = sum_head;
	cs.tstart = sum_tstart;
	cs.row = sum_row;
	cs.tend = sum_tend;
	cs.threads = threads;
	cs.block = 4096;	/* many blocks: UTF-8 across block ends */
	cs.split_min = 65536;	/* two threads on a small file */
	return csv_scan(path, &o, &cs);
}

/* Stream a file with messages dropped (robustness checks). */
static void
scan_quiet(const char *path)
{
	struct sum	 s;
	struct msgctx	 c;
	struct buf	 b = { NULL, 0, 0 };

	memset(&c, 0, sizeof(c));
	c.sink = &b;
	msg_push(&c);
	(void)scan(path, 0, &s);
	msg_pop();
	buf_free(&b);
}

static void
test_scan(void)
{
	char		 dir[] = "/tmp/bgscanXXXXXX", path[64];
	struct sum	 one, two;
	struct buf	 log = { NULL, 0, 0 };
	struct msgctx	 c;
	FILE		*f;
	size_t		 i, n = 40000;
	double		 want = 0;

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof(path), "%s/s.csv", dir);
	f = fopen(path, "w");
	fputs("\xEF\xBB\xBFname,value\r\n", f);
	for (i = 0; i < n; i++) {
		fprintf(f, "C\xc3\xb4te d'Ivoire %zu,\"%zu,%03zu\"\r\n",
		    i % 7, i / 1000, i % 1000);
		want += (double)i;
	}
	fclose(f);
	CHECK(scan(path, 1, &one) && one.total == want && one.rows == n &&
	    one.maxline == n + 1, "one thread: sum, rows, last line %zu",
	    one.maxline);
	CHECK(scan(path, 0, &two) && two.total == want && two.rows == n &&
	    two.kept == 2 && two.maxline == n + 1,
	    "two threads: same sum, rows and lines (parts kept %d)", two.kept);

	/* A quoted newline across the middle: the split is not a record
	 * boundary, and one thread goes on alone. */
	f = fopen(path, "w");
	fputs("name,value\n", f);
	for (i = 0; i < n / 2; i++)
		fprintf(f, "a,1\n");
	fputs("\"long", f);
	for (i = 0; i < n * 3; i++)
		fputs("\nx,9", f);
	fputs("\",1\n", f);
	for (i = 0; i < n / 2; i++)
		fprintf(f, "b,1\n");
	fclose(f);
	CHECK(scan(path, 0, &two) && two.total == (double)(n + 1) &&
	    two.rows == n + 1 && two.kept == 1,
	    "newline inside quotes at the split: one thread, right sum");

	/* Errors from either part come with the line. */
	f = fopen(path, "w");
	fputs("name,value\n", f);
	for (i = 0; i < n; i++)
		fprintf(f, "%s,1\n", i == n - 10 ? "bad\"q" : "ok");
	fclose(f);
	memset(&c, 0, sizeof(c));
	c.sink = &log;
	msg_push(&c);
	CHECK(!scan(path, 0, &two), "a stray quote fails the scan");
	msg_pop();
	CHECK(has(&log, "s.csv:39992:4: error: malformed CSV"),
	    "the error has line and column from the second part");
	buf_reset(&log);

	f = fopen(path, "w");
	fputs("name,value\n", f);
	for (i = 0; i < n; i++)
		fprintf(f, "%s,1\n", i == n - 3 ? "Cura\xe7" "ao" : "ok");
	fclose(f);
	msg_push(&c);
	CHECK(!scan(path, 0, &two), "Latin-1 in a stream fails");
	msg_pop();
	CHECK(has(&log, "s.csv:39999:5: error: not UTF-8"),
	    "not UTF-8, with line and column");
	unlink(path);
	rmdir(dir);
	buf_free(&log);
}


static void scan_quiet(const char *);

/*
 * Robustness: mutated CSV files (quotes, separators, line ends,
 * no-break spaces, stray high bytes).  None may crash; each loads or
 * fails with a message at FILE:LINE.
 */
static unsigned long long rs = 2463534242ULL;

static unsigned
rnd(unsigned n)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (unsigned)(rs % n);
}

static void
test_mutations(void)
{
	static const char base[] = "\xEF\xBB\xBFSource,Country,Prod_t_2022,"
	    "Reserves_t,Reserves_notes,,\r\nMCS2024,Japane,\"3,000\",NA,,,\r\n"
	    "MCS2024,Other countries4,e20,W,\">2,000,000. More\",,\r\n"
	    "MCS2024,World total (rounded)10,610000,NA,\">2,000\",,\r\n,,,,,,\r\n";
	static const char chars[] = "\",\r\n \xc2\xa0\xe9" "e0>W";
	char		 dir[] = "/tmp/bgmutXXXXXX", path[64], buf[512];
	struct buf	 log = { NULL, 0, 0 };
	struct table	*t;
	FILE		*f;
	size_t		 i, k, n, bad = 0, loaded = 0, at;

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof(path), "%s/m.csv", dir);
	for (i = 0; i < 2000; i++) {
		memcpy(buf, base, sizeof(base));
		n = sizeof(base) - 1;
		for (k = 0; k < 1 + rnd(4); k++) {
			at = rnd((unsigned)n);
			if (rnd(2) && n + 1 < sizeof(buf)) {
				memmove(buf + at + 1, buf + at, n - at);
				buf[at] = chars[rnd(sizeof(chars) - 1)];
				n++;
			} else
				buf[at] = chars[rnd(sizeof(chars) - 1)];
		}
		f = fopen(path, "wb");
		fwrite(buf, 1, n, f);
		fclose(f);
		buf_reset(&log);
		scan_quiet(path);
		if ((t = load(path, NULL, &log)) != NULL)
			loaded++;
		else if (log.data == NULL || strstr(log.data, "m.csv:") ==
		    NULL) {
			if (bad++ < 3)
				printf("#   no message: %s\n", log.data ?
				    log.data : "(none)");
		}
		table_free(t);
	}
	CHECK(bad == 0, "2,000 mutated files read whole and streamed: no "
	    "crash, each loads or says where it is wrong (%zu loaded)",
	    loaded);
	unlink(path);
	rmdir(dir);
	buf_free(&log);
}

int
main(void)
{
	test_mutations();
	test_numbers();
	test_names();
	test_reflist();
	test_usgs();
	test_baci();
	test_errors();
	test_scan();
	HARNESS_END();
}
