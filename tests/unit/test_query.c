/*
 * test_query.c: the query language on real files.  Expected figures
 * are worked out here from numbers typed off the files, or taken from
 * USGS's own table of leading producers (MCS2024 T5), never from
 * briefgen's output.  The streaming path must give the same bytes as
 * the table path.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aux.h"
#include "calc.h"
#include "data.h"
#include "dataset.h"
#include "fmt.h"
#include "harness.h"
#include "msg.h"
#include "query.h"

#define WORLD	"datasets/usgs-mcs2024/world/"

struct env {
	struct dsdecl	 d[24];
	struct param	 p[8];
	struct qenv	 e;
};

static void
env_init(struct env *v)
{
	memset(v, 0, sizeof(*v));
	v->e.reg = dsreg_new();
	v->e.decls = v->d;
	v->e.params = v->p;
	v->e.lang = "en";
}

static void
env_add(struct env *v, const char *name, const char *path, int stream)
{
	struct dsdecl	*d = &v->d[v->e.ndecls++];

	d->name = xstrdup(name);
	d->path = xstrdup(path);
	dsopts_defaults(&d->opts);
	d->opts.stream = stream;
}

static void
env_param(struct env *v, const char *name, const char *value)
{
	v->p[v->e.nparams].name = (char *)name;
	v->p[v->e.nparams].value = (char *)value;
	v->e.nparams++;
}

static void
env_free(struct env *v)
{
	size_t	 i;

	for (i = 0; i < v->e.ndecls; i++)
		dsdecl_free(&v->d[i]);
	dsreg_free(v->e.reg);
}

/* Run a query; messages into log (or dropped). */
static struct table *
run(struct env *v, const char *text, struct buf *log)
{
	struct msgctx	 c;
	struct buf	 sink = { NULL, 0, 0 };
	struct query	*q;
	struct table	*t = NULL;

	memset(&c, 0, sizeof(c));
	c.sink = log ? log : &sink;
	msg_push(&c);
	if ((q = query_parse(text, "t.md", 1, 1)) != NULL)
		t = query_table(q, &v->e);
	query_free(q);
	msg_pop();
	buf_free(&sink);
	return t;
}

static char *
text(struct env *v, const char *qt, struct buf *log)
{
	struct msgctx	 c;
	struct buf	 sink = { NULL, 0, 0 };
	struct query	*q;
	char		*s = NULL;

	memset(&c, 0, sizeof(c));
	c.sink = log ? log : &sink;
	msg_push(&c);
	if ((q = query_parse(qt, "t.md", 1, 1)) != NULL)
		s = query_text(q, &v->e);
	query_free(q);
	msg_pop();
	buf_free(&sink);
	return s;
}

static void
textis(struct env *v, const char *q, const char *want)
{
	struct buf	 log = { NULL, 0, 0 };
	char		*s = text(v, q, &log);

	CHECK_STR(s, want, "{{ %s }} is %s", q, want);
	if (s == NULL && log.data)
		printf("#   %s", log.data);
	free(s);
	buf_free(&log);
}

static double
num(const struct table *t, size_t row, const char *col)
{
	long	 c = t ? table_colfind(t, col) : -1;

	if (c < 0 || row >= table_nrows(t))
		return NAN;
	return table_get(t, row, (size_t)c)->num;
}

static const char *
str(const struct table *t, size_t row, const char *col)
{
	long	 c = t ? table_colfind(t, col) : -1;

	if (c < 0 || row >= table_nrows(t) ||
	    table_get(t, row, (size_t)c)->kind != V_TEXT)
		return "";
	return table_get(t, row, (size_t)c)->str;
}

/* Rare-earth reserves, MCS2024, typed from the file (t). */
static void
test_rare_earths(void)
{
	static const double listed[] = { 1800000, 5700000, 21000000, 830000,
	    44000000, 1500000, 6900000, 10000000, 790000, 890000, 4500,
	    22000000 };
	struct env	 v;
	struct table	*t;
	double		 sum, h = 0;
	size_t		 i, n = sizeof(listed) / sizeof(listed[0]);

	env_init(&v);
	env_add(&v, "ree", WORLD "mcs2024-raree_world.csv", 0);
	for (sum = 0, i = 0; i < n; i++)
		sum += listed[i];
	for (i = 0; i < n; i++)
		h += pow(100 * listed[i] / 110000000, 2);

	t = run(&v, "ree | concentration Reserves", NULL);
	CHECK_NUM(num(t, 0, "cr3"), (44e6 + 22e6 + 21e6) / 110e6, 1e-12,
	    "rare-earth reserves CR3 of the World total: 87/110 = 79.09%%");
	CHECK_NUM(num(t, 0, "hhi"), h, 1e-6, "rare-earth reserves HHI %.1f", h);
	CHECK_STR(str(t, 0, "leader"), "China", "leader China");
	CHECK_NUM(num(t, 0, "leader_share"), 0.4, 1e-12, "China 40%%");
	CHECK_STR(str(t, 0, "band"), "highly concentrated", "band");
	CHECK_NUM(num(t, 0, "n"), 12, 0, "12 countries with a number");
	CHECK(table_note(t) && strstr(table_note(t), "World total as "
	    "published"), "the note says the denominator");
	table_free(t);

	t = run(&v, "ree | concentration Reserves of listed", NULL);
	CHECK_NUM(num(t, 0, "cr3"), 87e6 / sum, 1e-12,
	    "CR3 of the listed sum: 87/115.4145 = 75.38%%");
	CHECK_NUM(num(t, 0, "total"), sum, 1e-3, "listed sum 115,414,500");
	CHECK(table_note(t) && strstr(table_note(t), "sum of the listed"),
	    "the note says the listed sum");
	table_free(t);

	textis(&v, "ree | concentration Reserves | select cr3", "79.1%");
	textis(&v, "ree | share Reserves | filter Country == \"China\" | "
	    "select share", "40.0%");
	textis(&v, "ree | filter Country == \"China\" | select Reserves | "
	    "format \",.0f t\"", "44,000,000 t");
	textis(&v, "ree | filter not is_total() | top 3 by Reserves | "
	    "summarize s = sum(Reserves) | format \".3s\"", "87.0M");
	textis(&v, "ree | summarize c = cr(Reserves, 3, \"listed\") | "
	    "format \".2%\"", "75.38%");
	textis(&v, "ree | summarize l = leader(Reserves)", "China");
	textis(&v, "ree | summarize h = hhi_band(hhi(Reserves))",
	    "highly concentrated");
	textis(&v, "ree | top 1 by Reserves | select Country", "China");
	/* The example of query.h. */
	t = run(&v, "ree | filter Country != \"World total (rounded)\" "
	    "| top 3 by Reserves_t | share Reserves_t as share", NULL);
	CHECK(table_nrows(t) == 3 && strcmp(str(t, 2, "Country"), "Brazil") ==
	    0, "top 3: China, Vietnam, Brazil");
	CHECK_NUM(num(t, 0, "share"), 44.0 / 87, 1e-12,
	    "without the World row, shares are of the three");
	table_free(t);
	env_free(&v);
}

/*
 * USGS's own leading-producer shares (MCS2024 T5,
 * Leading_source_precent_world, rounded) against ours from the world
 * files: leader and share of World production in 2023.
 */
static void
test_t5(void)
{
	static const struct {
		const char	*file;
		const char	*type;	/* or NULL */
		const char	*leader;
		int		 pct;
	} cases[] = {
		{ "mcs2024-antim_world.csv", NULL, "China", 48 },
		{ "mcs2024-cobal_world.csv", NULL, "Congo (Kinshasa)", 74 },
		{ "mcs2024-galli_world.csv", NULL, "China", 98 },
		{ "mcs2024-graph_world.csv", NULL, "China", 77 },
		{ "mcs2024-niobi_world.csv", NULL, "Brazil", 90 },
		{ "mcs2024-raree_world.csv", NULL, "China", 69 },
		{ "mcs2024-tungs_world.csv", NULL, "China", 81 },
		{ "mcs2024-vanad_world.csv", NULL, "China", 68 },
		{ "mcs2024-lithi_world.csv", NULL, "Australia", 48 },
		{ "mcs2024-nicke_world.csv", NULL, "Indonesia", 50 },
		{ "mcs2024-plati_world.csv", "Mine production: Platinum",
		    "South Africa", 67 },
		{ "mcs2024-plati_world.csv", "Mine production: Palladium",
		    "Russia", 44 },
	};
	struct env	 v;
	struct table	*t;
	char		 q[256];
	size_t		 i, r;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		env_init(&v);
		env_add(&v, "w", cases[i].file[0] == '/' ? cases[i].file : "",
		    0);
		free(v.d[0].path);
		v.d[0].path = xasprintf(WORLD "%s", cases[i].file);
		snprintf(q, sizeof(q), "w | group Type | concentration "
		    "Prod_2023 of world");
		t = run(&v, q, NULL);
		for (r = 0; t != NULL && r < table_nrows(t); r++)
			if (cases[i].type == NULL ||
			    strcmp(str(t, r, "Type"), cases[i].type) == 0)
				break;
		CHECK(t != NULL && r < table_nrows(t) &&
		    strcmp(str(t, r, "leader"), cases[i].leader) == 0 &&
		    (int)floor(100 * num(t, r, "leader_share") + 0.5) ==
		    cases[i].pct, "%s%s%s: %s %d%% as in MCS2024 T5",
		    cases[i].file, cases[i].type ? ", " : "",
		    cases[i].type ? cases[i].type : "", cases[i].leader,
		    cases[i].pct);
		if (t != NULL && r < table_nrows(t) && (int)floor(100 *
		    num(t, r, "leader_share") + 0.5) != cases[i].pct)
			printf("#   got %s %.4f\n", str(t, r, "leader"),
			    num(t, r, "leader_share"));
		table_free(t);
		env_free(&v);
	}
}

/* Write the JSON of a table and its notes, to compare two tables. */
static char *
dump(const struct table *t)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 j;

	if (t == NULL)
		return xstrdup("(null)");
	data_json(t, &b);
	for (j = 0; j < table_ncols(t); j++)
		buf_printf(&b, "%s:%s:%s:%s\n", table_colname(t, j),
		    ctype_name(table_coltype(t, j)), table_colunit(t, j) ?
		    table_colunit(t, j) : "", table_colfmt(t, j) ?
		    table_colfmt(t, j) : "");
	buf_printf(&b, "namecol %ld\nnote %s\n", table_namecol(t),
	    table_note(t) ? table_note(t) : "");
	for (j = 0; j < table_nrows(t); j++)
		buf_printf(&b, "%zu ", table_rowline(t, j));
	return buf_steal(&b);
}

static void
same(const char *path, const char *q, const char *what)
{
	struct env	 a, b;
	struct table	*ta, *tb;
	char		*da, *db;

	env_init(&a);
	env_init(&b);
	env_add(&a, "f", path, 1);	/* never stream */
	env_add(&b, "f", path, 2);	/* always stream */
	ta = run(&a, q, NULL);
	tb = run(&b, q, NULL);
	da = dump(ta);
	db = dump(tb);
	CHECK(ta != NULL && strcmp(da, db) == 0, "stream = table: %s", what);
	if (strcmp(da, db) != 0)
		printf("#   table:\n%.600s\n#   stream:\n%.600s\n", da, db);
	free(da);
	free(db);
	table_free(ta);
	table_free(tb);
	env_free(&a);
	env_free(&b);
}

static void
test_stream(void)
{
	char		 dir[] = "/tmp/bgqueryXXXXXX", path[64];
	struct env	 v, w;
	struct table	*t1, *t2, *s1, *s2;
	struct query	*q1, *q2;
	char		*d1, *d2, *e1, *e2;
	FILE		*f;
	size_t		 i;

	same("datasets/baci-cobalt-nickel/cobalt_nickel_flows_2018_2020.csv",
	    "filter k == 260500 | group targets | dependence q_total by "
	    "sources", "BACI dependence");
	same("datasets/baci-cobalt-nickel/cobalt_nickel_flows_2018_2020.csv",
	    "group k | concentration q_total by sources", "BACI concentration");
	same("datasets/baci-cobalt-nickel/cobalt_nickel_flows_2018_2020.csv",
	    "group k, sources | summarize total = sum(q_total), n = count(), "
	    "m = mean(q_total), lo = min(q_total), hi = max(q_total), "
	    "first(targets), last(targets), c = count(targets)",
	    "BACI summarize, all aggregates");
	same(WORLD "mcs2024-nicke_world.csv", "group Type | summarize "
	    "s = sum(Reserves), p = sum(Prod_2023), m = max(Reserves)",
	    "nickel: lower bounds and notes");
	same(WORLD "mcs2024-graph_world.csv", "filter Prod_2023 > 1000 and "
	    "not is_total() | derive kt = Prod_2023 / 1000 | summarize "
	    "s = sum(kt), r = sum(Reserves)", "graphite: filter, derive, notes");
	same(WORLD "mcs2024-raree_world.csv", "filter Country == \"nowhere\" "
	    "| summarize s = sum(Reserves), n = count()", "no rows");

	/* A file large enough for two threads (over 8 MiB). */
	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof(path), "%s/trade.csv", dir);
	f = fopen(path, "w");
	fputs("year,mineral,exporter,value_usd\n", f);
	for (i = 0; i < 300000; i++)
		fprintf(f, "%zu,%s,%s,%zu.%02zu\n", 2015 + i % 10,
		    i % 3 ? "Cobalt ores" : "\"Gallium, germanium\"",
		    i % 7 == 0 ? "C\xc3\xb4te d'Ivoire" : i % 5 == 0 ?
		    "Japane" : i % 2 ? "China" : "Chile", (i * 7919) % 100000,
		    i % 100);
	fclose(f);
	same(path, "group mineral | concentration value_usd by exporter",
	    "two threads: concentration by exporter");
	same(path, "group year | summarize v = sum(value_usd), n = count()",
	    "two threads: sums by year");

	/* Two planned queries share one pass and give what each alone does. */
	env_init(&v);
	env_init(&w);
	env_add(&v, "f", path, 2);
	env_add(&w, "f", path, 2);
	q1 = query_parse("f | group mineral | summarize v = sum(value_usd)",
	    "t.md", 1, 1);
	q2 = query_parse("f | group exporter | summarize n = count()",
	    "t.md", 2, 1);
	query_plan(q1, &v.e);
	query_plan(q2, &v.e);
	t1 = query_table(q1, &v.e);
	t2 = query_table(q2, &v.e);
	s1 = query_table(q1, &w.e);
	s2 = query_table(q2, &w.e);
	d1 = dump(t1);
	d2 = dump(t2);
	e1 = dump(s1);
	e2 = dump(s2);
	CHECK(t1 && t2 && strcmp(d1, e1) == 0 && strcmp(d2, e2) == 0,
	    "planned queries share a pass and agree with separate passes");
	CHECK(table_nrows(t2) == 4 && strcmp(str(t2, 1, "exporter"),
	    "Japan") != 0, "exporters cleaned once per key (Japane -> Japan)");
	for (i = 0; i < table_nrows(t2); i++)
		if (strcmp(str(t2, i, "exporter"), "Japan") == 0)
			break;
	CHECK(i < table_nrows(t2), "Japane is grouped as Japan");
	free(d1);
	free(d2);
	free(e1);
	free(e2);
	table_free(t1);
	table_free(t2);
	table_free(s1);
	table_free(s2);
	query_free(q1);
	query_free(q2);
	env_free(&v);
	env_free(&w);
	unlink(path);
	rmdir(dir);
}

static void
test_ops(void)
{
	struct env	 v;
	struct table	*t;
	struct buf	 log = { NULL, 0, 0 };
	size_t		 i;
	double		 s;

	env_init(&v);
	env_add(&v, "ree", WORLD "mcs2024-raree_world.csv", 0);
	env_add(&v, "moly", WORLD "mcs2024-molyb_world.csv", 0);
	env_add(&v, "plat", WORLD "mcs2024-plati_world.csv", 0);
	env_add(&v, "li", "datasets/usgs-mcs2024/salient/mcs2024-lithi_salient.csv",
	    0);
	env_add(&v, "flows",
	    "datasets/baci-cobalt-nickel/cobalt_nickel_flows_2018_2020.csv", 0);
	env_add(&v, "codes",
	    "datasets/baci-cobalt-nickel/country_codes_V202201.csv", 0);
	v.d[v.e.ndecls - 1].opts.encoding = "latin1";
	env_add(&v, "cat", "datasets/briefgen/categories.csv", 0);

	/* Top N with an Other bucket: the rest of the listed rows. */
	t = run(&v, "ree | top 3 by Reserves with other as \"Rest\"", NULL);
	CHECK(table_nrows(t) == 4 && strcmp(str(t, 3, "Country"), "Rest") == 0,
	    "top 3 with other: 4 rows, the last 'Rest'");
	CHECK_NUM(num(t, 3, "Reserves_t"), 115414500 - 87000000, 1e-6,
	    "Rest = listed sum - top 3 = 28,414,500");
	table_free(t);

	/* Rank, sort, limit. */
	t = run(&v, "ree | rank Reserves | sort rank | limit 2 | select "
	    "Country, rank", NULL);
	CHECK(table_nrows(t) == 2 && strcmp(str(t, 1, "Country"), "Vietnam") ==
	    0 && num(t, 1, "rank") == 2, "rank, sort, limit");
	table_free(t);

	/* Group and aggregate. */
	t = run(&v, "plat | filter not is_total() | group Type | summarize "
	    "n = count(), total = sum(Prod_2023), avg = mean(Prod_2023), "
	    "lo = min(Prod_2023), hi = max(Prod_2023)", NULL);
	CHECK(table_nrows(t) == 2 && num(t, 0, "n") == 6 &&
	    num(t, 0, "total") == 9800 + 16000 + 92000 + 71000 + 15000 + 2700 &&
	    num(t, 0, "lo") == 2700 && num(t, 0, "hi") == 92000 &&
	    fabs(num(t, 0, "avg") - 206500.0 / 6) < 1e-9,
	    "palladium: count, sum, mean, min, max");
	CHECK_STR(table_colunit(t, 2), "kg", "a sum keeps the unit");
	table_free(t);

	/* PGM: the World rows have a Type of their own. */
	t = run(&v, "plat | group Type | share Prod_2023 | filter Country == "
	    "\"Russia\" | select Type, share", NULL);
	CHECK(table_nrows(t) == 2 && fabs(num(t, 0, "share") - 92000.0 /
	    210000) < 1e-12 && fabs(num(t, 1, "share") - 23000.0 / 180000) <
	    1e-12, "PGM shares find ' World mine production: X' for X");
	table_free(t);

	/* Derive, change and multiple, pivot, unpivot. */
	t = run(&v, "li | pivot Year values Imports | multiple `2019` to "
	    "`2023` | change `2022` to `2023`", NULL);
	CHECK_NUM(num(t, 0, "multiple"), 3400.0 / 2620, 1e-12,
	    "lithium imports 2023 over 2019: 3,400 / 2,620");
	CHECK_NUM(num(t, 0, "change"), 3400.0 / 3270 - 1, 1e-12,
	    "change 2022 to 2023");
	CHECK_STR(table_colfmt(t, (size_t)table_colfind(t, "multiple")), "x",
	    "a multiple prints as 1.3x");
	table_free(t);
	t = run(&v, "li | unpivot Imports_t, Exports_t into flow, t | filter "
	    "Year == 2023", NULL);
	CHECK(table_nrows(t) == 2 && strcmp(str(t, 0, "flow"), "Imports") ==
	    0 && num(t, 1, "t") == 2300, "unpivot: a row per column");
	table_free(t);
	t = run(&v, "li | derive net = Imports - Exports, big = net > 1000 | "
	    "filter big | select Year, net", NULL);
	CHECK(table_nrows(t) == 2 && num(t, 0, "net") == 1260 &&
	    num(t, 1, "net") == 1100, "derive uses earlier items");
	table_free(t);

	/* Join: codes to names (a Latin-1 file declared as such). */
	t = run(&v, "flows | filter k == 260500 and targets == \"China\" | "
	    "top 1 by q_total | join codes on sources = "
	    "country_name_abbreviation select iso_3digit_alpha", NULL);
	CHECK(t != NULL && strcmp(str(t, 0, "sources"),
	    "Democratic Republic of the Congo") != 0 ? 1 :
	    strcmp(str(t, 0, "iso_3digit_alpha"), "") == 0 ||
	    strcmp(str(t, 0, "iso_3digit_alpha"), "COD") == 0,
	    "join looks up a code");
	table_free(t);
	t = run(&v, "codes | filter iso_3digit_alpha == \"CIV\" | join codes "
	    "on country_code select iso_2digit_alpha", NULL);
	CHECK(t != NULL && strcmp(str(t, 0, "iso_2digit_alpha_codes"), "CI") ==
	    0, "a name clash is suffixed with the dataset");
	table_free(t);

	/* Dependence: China's cobalt ores by supplier, by hand. */
	t = run(&v, "flows", NULL);
	for (s = 0, i = 0; i < table_nrows(t); i++)
		if (num(t, i, "k") == 260500 && strcmp(str(t, i, "targets"),
		    "China") == 0)
			s += num(t, i, "q_total");
	table_free(t);
	t = run(&v, "flows | filter k == 260500 and targets == \"China\" | "
	    "group targets | dependence q_total by sources", NULL);
	CHECK(t != NULL && strcmp(str(t, 0, "sources"),
	    "Democratic Republic of the Congo") == 0 &&
	    fabs(num(t, 0, "dependence") - 61411.198 / s) < 1e-12,
	    "China's cobalt ores: %.1f%% from the DRC", 100 * 61411.198 / s);
	table_free(t);
	t = run(&v, "flows | filter k == 260500 and targets == \"China\" | "
	    "group targets | dependence q_total by sources on \"Zambia\"",
	    NULL);
	CHECK(t != NULL && fabs(num(t, 0, "dependence") - 1642.099 / s) <
	    1e-12, "dependence on a named partner (Zambia)");
	table_free(t);

	/* Append: units change between files (t and kt). */
	t = run(&v, "ree | append moly | filter Country == \"China\" | select "
	    "dataset, Reserves_t", &log);
	CHECK(t != NULL && table_nrows(t) == 2 && num(t, 1, "Reserves_t") ==
	    5800000, "molybdenum reserves 5,800 kt appended as 5,800,000 t");
	CHECK(log.data && strstr(log.data, "t.md:1:14: warning: the unit of "
	    "Reserves_t changes between the combined files: t in ree, kt in "
	    "moly"), "the unit change is a warning at the dataset's name");
	table_free(t);
	buf_reset(&log);

	/*
	 * Append onto an empty table: the rows keep their classes, so the
	 * World total is not ranked as a country (it was, before the
	 * appended file's column of names was taken over).
	 */
	{
		char	 dir[] = "/tmp/bgappXXXXXX", p[64];
		FILE	*f;

		if (mkdtemp(dir) != NULL) {
			snprintf(p, sizeof(p), "%s/base.csv", dir);
			f = fopen(p, "w");
			fputs("Country,Type,Reserves\n", f);
			fclose(f);
			env_add(&v, "base", p, 0);
			t = run(&v, "base | append ree | rank Reserves | "
			    "filter rank == 1 | select Country", NULL);
			CHECK(t != NULL && table_nrows(t) == 1 &&
			    strcmp(str(t, 0, "Country"), "China") == 0,
			    "appended onto an empty table: China ranks first, "
			    "not the World total");
			table_free(t);
			textis(&v, "base | append ree | concentration Reserves "
			    "| select cr3", "79.1%");
			unlink(p);
			rmdir(dir);
		}
	}

	/*
	 * Niobium reserves: the World total is >17,000,000 t but Brazil,
	 * Canada and the United States alone hold 16,000,000 + 1,600,000 +
	 * 210,000 = 17,810,000 t; shares of it must not exceed 100%.
	 */
	env_add(&v, "nb", WORLD "mcs2024-niobi_world.csv", 0);
	textis(&v, "nb | concentration Reserves | select cr3", "<100.0%");
	textis(&v, "nb | concentration Reserves | select leader_share | "
	    "format \".2%\"", "<89.84%");
	textis(&v, "nb | summarize c = cr(Reserves, 3, \"world\") | format "
	    "\".1%\"", "<100.0%");

	/* Parameters. */
	env_param(&v, "n", "2");
	env_param(&v, "who", "Vietnam");
	env_param(&v, "ds", "ree");
	t = run(&v, "$ds | top $n by Reserves", NULL);
	CHECK(table_nrows(t) == 2, "top $n");
	table_free(t);
	textis(&v, "ree | filter Country == $who | select Reserves | format "
	    "\".2s\"", "22M");

	/* Growth multiples on a demand table. */
	{
		char	 dir[] = "/tmp/bgdemXXXXXX", p[64];
		FILE	*f;

		if (mkdtemp(dir) != NULL) {
			snprintf(p, sizeof(p), "%s/demand.csv", dir);
			f = fopen(p, "w");
			fputs("mineral,demand_2020,demand_2040\nlithium,74,"
			    "3182\ngraphite,300,6900\n", f);
			fclose(f);
			env_add(&v, "demand", p, 0);
			textis(&v, "demand | multiple demand_2020 to demand_2040"
			    " | filter mineral == \"lithium\" | select multiple",
			    "43\xc3\x97");
			unlink(p);
			rmdir(dir);
		}
	}

	/* The white paper's four categories, from the rules dataset. */
	{
		static const struct {
			const char	*file, *want;
		} cat[] = {
			{ "raree", "global supply advantage" },
			{ "graph", "global supply advantage" },
			{ "molyb", "low supply risk" },
			{ "lithi", "low supply risk" },
			{ "nicke", "scarce but manageable" },
			{ "cobal", "scarce but manageable" },
			{ "niobi", "high supply risk" },
			{ "plati", "high supply risk" },
		};
		struct buf	 q = { NULL, 0, 0 };

		for (i = 0; i < sizeof(cat) / sizeof(cat[0]); i++) {
			struct env	 c;

			env_init(&c);
			env_add(&c, "m", "x", 0);
			free(c.d[0].path);
			c.d[0].path = xasprintf(WORLD "mcs2024-%s_world.csv",
			    cat[i].file);
			env_add(&c, "cat", "datasets/briefgen/categories.csv",
			    0);
			t = run(&c, "m | categorize using cat", NULL);
			CHECK_STR(str(t, 0, "category"), cat[i].want,
			    "%s: %s, as in the white paper", cat[i].file,
			    cat[i].want);
			table_free(t);
			env_free(&c);
		}
		/* All at once: eight files appended, one group each. */
		buf_puts(&q, "raree | append ");
		for (i = 1; i < sizeof(cat) / sizeof(cat[0]); i++)
			buf_printf(&q, "%s%s", i > 1 ? ", " : "", cat[i].file);
		buf_puts(&q, " | group dataset | categorize using cat");
		{
			struct env	 c;
			size_t		 k;

			env_init(&c);
			for (k = 0; k < sizeof(cat) / sizeof(cat[0]); k++) {
				env_add(&c, cat[k].file, "x", 0);
				free(c.d[k].path);
				c.d[k].path = xasprintf(WORLD
				    "mcs2024-%s_world.csv", cat[k].file);
			}
			env_add(&c, "cat", "datasets/briefgen/categories.csv",
			    0);
			t = run(&c, q.data, NULL);
			for (k = 0; t != NULL && k < table_nrows(t); k++)
				if (strcmp(str(t, k, "category"),
				    cat[k].want) != 0)
					break;
			CHECK(t != NULL && table_nrows(t) == 8 && k == 8,
			    "appended files, grouped by dataset: the same "
			    "categories");
			CHECK(t && table_note(t) && strstr(table_note(t),
			    "categories.csv"), "the note names the rules file");
			table_free(t);
			env_free(&c);
		}
		buf_free(&q);
	}
	buf_free(&log);
	env_free(&v);
}

/* Messages: where, and what was expected. */
static void
err(const char *q, const char *want)
{
	struct env	 v;
	struct buf	 log = { NULL, 0, 0 };
	struct table	*t;

	env_init(&v);
	env_add(&v, "ree", WORLD "mcs2024-raree_world.csv", 0);
	t = run(&v, q, &log);
	CHECK(t == NULL && log.data && strstr(log.data, want) != NULL,
	    "error: %s", want);
	if (log.data == NULL || strstr(log.data, want) == NULL)
		printf("#   got: %s", log.data ? log.data : "nothing\n");
	table_free(t);
	buf_free(&log);
	env_free(&v);
}

static void
test_errors(void)
{
	struct msgctx	 c;
	struct buf	 log = { NULL, 0, 0 };
	struct query	*q;

	err("ree | fliter Country == \"x\"", "t.md:1:7: error: unknown "
	    "operation 'fliter'; did you mean 'filter'?");
	err("ree | top x by Reserves", "t.md:1:11: error: expected a whole "
	    "number (or a $parameter) after 'top', found 'x'");
	err("ree | filter Country == \"China", "t.md:1:25: error: this string "
	    "is not closed");
	err("ree | share Reserve", "t.md:1:13: error: no column 'Reserve' in "
	    "mcs2024-raree_world; did you mean 'Reserves'?");
	err("ree | filter sum(Reserves) > 1", "t.md:1:7: error: filter keeps "
	    "rows one by one");
	err("ree | summarize x = summ(Reserves)", "t.md:1:21: error: unknown "
	    "function 'summ'");
	err("ree | summarize x = cr()", "t.md:1:21: error: cr() takes 1 to 3 "
	    "arguments, not 0");
	err("cobalt | top 3 by Reserves", "t.md:1:1: error: no dataset "
	    "'cobalt'; the datasets are ree");
	err("re | top 3 by Reserves", "did you mean 'ree'?");
	err("ree | filter Country == $nobody", "t.md:1:25: error: no parameter "
	    "$nobody");
	err("ree | derive x = Country + 1", "t.md:1:26: error: '+' needs "
	    "numbers, not text");
	err("ree | share Reserves of everything", "t.md:1:25: error: expected "
	    "'world' (the published World total) or 'listed'");
	err("ree | format \",.1q\"", "t.md:1:14: error: unknown number type "
	    "'q'");
	err("ree top 3", "t.md:1:5: error: expected '|' and an operation after "
	    "the dataset, found 'top'");
	err("", "t.md:1:1: error: empty query");
	err("ree | filter Country ! \"x\"", "expected '!=' (or 'not')");
	err("ree | derive x", "t.md:1:14: error: expected NAME = expression, "
	    "found 'x'");
	err("ree | summarize n = count() | top 3 by Country",
	    "t.md:1:40: error: no column 'Country'");
	err("ree | categorize using ree", "the rules dataset ree needs the "
	    "columns 'category' and 'rule'");
	err("ree | concentration Source", "t.md:1:21: error: concentration "
	    "needs a column of numbers; Source is text");

	/* Positions count from where the template says the query starts,
	 * across lines. */
	memset(&c, 0, sizeof(c));
	c.sink = &log;
	msg_push(&c);
	q = query_parse("ree\n  | top 3 by Reserves\n  | sahre Reserves",
	    "brief.md", 12, 5);
	msg_pop();
	CHECK(q == NULL && log.data && strstr(log.data, "brief.md:14:5: error: "
	    "unknown operation 'sahre'; did you mean 'share'?"),
	    "a multi-line query: line 14, column 5 of the template");
	buf_free(&log);
}


/*
 * Robustness: many mutated queries (characters dropped, doubled or
 * replaced, from a fixed generator).  None may crash (the sanitizer
 * build runs this too); each either runs or fails with a message at
 * t.md:LINE:COL.
 */
static unsigned long long rs = 88172645463325252ULL;

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
	static const char *const base[] = {
		"ree | share Reserves of world | top 3 by Reserves with other",
		"ree | filter Country == \"China\" and Reserves > 1e6 | select "
		    "Country, Mt = Reserves / 1000000",
		"ree | group Type | summarize s = sum(Reserves), c = cr(Reserves,"
		    " 3, \"listed\")",
		"ree | concentration Reserves of listed top 2 | format hhi "
		    "\",.0f\"",
		"ree | derive g = change(Prod_2022, Prod_2023) | rank g | sort "
		    "-rank | limit 4",
		"ree | unpivot Prod_2022, Prod_2023 into y, v | pivot y values v",
		"ree | filter Country in (\"China\", \"Burma\") | select "
		    "`Reserves_t`",
	};
	static const char chars[] = "|,()\"'`$=<>!+-*/%. abcXYZ019\n\xc2\xa0";
	struct env	 v;
	struct buf	 log = { NULL, 0, 0 };
	struct table	*t;
	char		 q[256];
	size_t		 i, k, n, bad = 0, ran = 0;

	env_init(&v);
	env_add(&v, "ree", WORLD "mcs2024-raree_world.csv", 0);
	for (i = 0; i < 3000; i++) {
		snprintf(q, sizeof(q), "%s", base[rnd(sizeof(base) /
		    sizeof(base[0]))]);
		for (k = 0; k < 1 + rnd(3); k++) {
			n = strlen(q);
			switch (rnd(3)) {
			case 0:		/* drop */
				if (n > 0) {
					size_t	 at = rnd((unsigned)n);

					memmove(q + at, q + at + 1, n - at);
				}
				break;
			case 1:		/* replace */
				if (n > 0)
					q[rnd((unsigned)n)] = chars[rnd(
					    sizeof(chars) - 1)];
				break;
			default:	/* insert */
				if (n + 2 < sizeof(q)) {
					size_t	 at = rnd((unsigned)n + 1);

					memmove(q + at + 1, q + at, n - at + 1);
					q[at] = chars[rnd(sizeof(chars) - 1)];
				}
				break;
			}
		}
		buf_reset(&log);
		t = run(&v, q, &log);
		if (t != NULL)
			ran++;
		else if (log.data == NULL || strncmp(log.data, "t.md:", 5) !=
		    0) {
			if (bad++ < 3)
				printf("#   no positioned message for: %s\n#   "
				    "%s\n", q, log.data ? log.data : "(none)");
		}
		table_free(t);
	}
	CHECK(bad == 0, "3,000 mutated queries: no crash, every failure "
	    "at t.md:LINE:COL (%zu ran)", ran);
	buf_free(&log);
	env_free(&v);
}

int
main(void)
{
	test_mutations();
	test_rare_earths();
	test_t5();
	test_ops();
	test_stream();
	test_errors();
	HARNESS_END();
}
