/*
 * test_table.c: typed tables (building, copying, notes, aliases, row
 * classes, ordering), JSON output, and the registry that loads each
 * file once, from many threads, giving each caller the same messages.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "data.h"
#include "dataset.h"
#include "harness.h"
#include "msg.h"

static void
test_build(void)
{
	struct table	*t, *u;
	struct value	 v;
	size_t		 r;

	t = table_new("t");
	table_addcol(t, "Country", CT_TEXT);
	table_addcol(t, "Reserves_kt", CT_INT);
	table_col_setalias(t, 1, "Reserves");
	table_addcol(t, "Reserves_notes", CT_TEXT);
	table_setnamecol(t, 0);
	r = table_addrow(t, 2);
	table_settext(t, r, 0, "China");
	table_setnum(t, r, 1, 44000);
	r = table_addrow(t, 3);
	table_settext(t, r, 0, "World total (rounded)");
	memset(&v, 0, sizeof(v));
	v.kind = V_LOWER;
	v.num = 110000;
	table_set(t, r, 1, &v);
	r = table_addrow(t, 4);
	table_settext(t, r, 0, "Other countries");
	v.kind = V_WITHHELD;
	table_set(t, r, 1, &v);

	CHECK(table_colfind(t, "reserves_kt") == 1, "names ignore case");
	CHECK(table_colfind(t, "Reserves") == 1, "an alias finds its column");
	table_addcol(t, "Reserves_t", CT_INT);
	table_col_setalias(t, 3, "Reserves");
	CHECK(table_colfind(t, "Reserves") == -1, "an ambiguous alias finds none");
	CHECK(table_rowclass(t, 0) == RC_ITEM && table_rowclass(t, 1) ==
	    RC_TOTAL && table_rowclass(t, 2) == RC_OTHER,
	    "rows are items, totals and rests by their names");
	CHECK(table_rowline(t, 1) == 3, "rows keep their source line");
	/* A column added late starts empty. */
	CHECK(table_get(t, 0, 3)->kind == V_NULL, "a new column is empty");
	CHECK(table_get(t, 99, 0)->kind == V_NULL, "outside the table: empty");

	table_addnote(t, "Shares are of the World total.");
	table_addnote(t, "Shares are of the World total.");
	table_addnote(t, "HHI is 0-10,000.");
	CHECK_STR(table_note(t), "Shares are of the World total. HHI is "
	    "0-10,000.", "a repeated note is kept once");
	u = table_newlike(t, "u");
	table_copyrow(u, t, 1);
	CHECK(table_ncols(u) == 4 && table_nrows(u) == 1 &&
	    table_namecol(u) == 0 && table_get(u, 0, 1)->kind == V_LOWER &&
	    strcmp(table_get(u, 0, 0)->str, "World total (rounded)") == 0 &&
	    table_get(u, 0, 0)->str != table_get(t, 1, 0)->str,
	    "a copied row has its own strings");
	table_addnote(u, "HHI is 0-10,000.");
	table_addnote(u, "Another.");
	table_copynotes(t, u);
	CHECK_STR(table_note(t), "Shares are of the World total. HHI is "
	    "0-10,000. Another.", "copied notes are merged, sentence by "
	    "sentence");
	CHECK(table_memsize(t) > 0, "a table knows its size");
	table_free(u);
	table_free(t);
	table_free(NULL);
}

static void
test_order(void)
{
	struct value	 a, b;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.kind = V_NUM;
	a.num = 1;
	b.kind = V_NA;
	CHECK(value_cmp(&a, &b) < 0, "numbers sort before missing values");
	b.kind = V_TEXT;
	b.str = "a";
	CHECK(value_cmp(&a, &b) < 0, "numbers sort before text");
	a.kind = V_TEXT;
	a.str = "b";
	CHECK(value_cmp(&a, &b) > 0, "text by bytes");
	a.kind = V_LOWER;
	a.num = 5;
	b.kind = V_NUM;
	b.num = 4;
	CHECK(value_cmp(&a, &b) > 0, "a bound sorts by its number");
}

static void
test_json(void)
{
	struct table	*t = table_new("j");
	struct buf	 b = { NULL, 0, 0 };
	struct value	 v;
	size_t		 r;

	table_addcol(t, "name \"q\"", CT_TEXT);
	table_addcol(t, "x", CT_DEC);
	r = table_addrow(t, 2);
	table_settext(t, r, 0, "a\\b\n\t\x01");
	table_setnum(t, r, 1, 0.1);
	r = table_addrow(t, 3);
	memset(&v, 0, sizeof(v));
	v.kind = V_WITHHELD;
	table_set(t, r, 1, &v);
	data_json(t, &b);
	CHECK_STR(b.data, "[\n{\"name \\\"q\\\"\":\"a\\\\b\\n\\t\\u0001\","
	    "\"x\":0.1},\n{\"name \\\"q\\\"\":null,\"x\":null}\n]\n",
	    "JSON: escapes, shortest numbers, missing kinds as null");
	buf_free(&b);
	table_free(t);
	t = table_new("e");
	table_addcol(t, "x", CT_INT);
	data_json(t, &b);
	CHECK_STR(b.data, "[]\n", "an empty table is []");
	buf_free(&b);
	table_free(t);
}

/* The registry from many threads. */
struct worker {
	struct dsreg		*reg;
	const struct dsdecl	*d;
	const struct table	*t;
	struct buf		 log;
	size_t			 warnings;
};

static void *
work(void *arg)
{
	struct worker	*w = arg;
	struct msgctx	 c;

	memset(&c, 0, sizeof(c));
	c.sink = &w->log;
	msg_push(&c);
	w->t = dsreg_get(w->reg, w->d);
	msg_pop();
	w->warnings = c.count[MSG_WARNING];
	return NULL;
}

static void *
make(void *arg)
{
	(*(int *)arg)++;
	msg(MSG_WARNING, "x.csv", 3, 0, "made");
	return xstrdup("thing");
}

static void
test_registry(void)
{
	struct dsreg	*reg = dsreg_new();
	struct dsdecl	 d;
	struct worker	 w[8];
	pthread_t	 th[8];
	struct msgctx	 c;
	struct buf	 log = { NULL, 0, 0 };
	int		 made = 0, same = 1, logs = 1;
	size_t		 i;
	char		*a, *b;

	memset(&d, 0, sizeof(d));
	d.name = xstrdup("cobalt");
	d.path = xstrdup("datasets/usgs-mcs2024/salient/mcs2024-cobal_salient.csv");
	dsopts_defaults(&d.opts);
	for (i = 0; i < 8; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].reg = reg;
		w[i].d = &d;
		pthread_create(&th[i], NULL, work, &w[i]);
	}
	for (i = 0; i < 8; i++)
		pthread_join(th[i], NULL);
	for (i = 0; i < 8; i++) {
		same &= w[i].t != NULL && w[i].t == w[0].t;
		/* Every caller hears the file's warning, once. */
		logs &= w[i].warnings == 1 && w[i].log.data != NULL &&
		    strstr(w[i].log.data, "above World total") != NULL &&
		    strcmp(w[i].log.data, w[0].log.data) == 0;
	}
	for (i = 0; i < 8; i++)
		buf_free(&w[i].log);
	CHECK(same, "eight threads get one table");
	CHECK(logs, "each of them gets the same warning");
	CHECK(dsreg_nfiles(reg) == 1 && strcmp(dsreg_file(reg, 0), d.path) ==
	    0 && dsreg_file(reg, 1) == NULL, "the file is listed once");

	memset(&c, 0, sizeof(c));
	c.sink = &log;
	msg_push(&c);
	a = dsreg_memo(reg, "k", make, &made, free);
	b = dsreg_memo(reg, "k", make, &made, free);
	msg_pop();
	CHECK(a == b && made == 1 && strcmp(a, "thing") == 0,
	    "a memo is made once");
	CHECK(c.count[MSG_WARNING] == 2 && log.data && strstr(log.data,
	    "x.csv:3: warning: made\nx.csv:3: warning: made\n"),
	    "and its messages are repeated to every caller");
	dsreg_addfile(reg, "other.csv");
	dsreg_addfile(reg, "other.csv");
	CHECK(dsreg_nfiles(reg) == 2, "files added by hand, once");
	buf_free(&log);
	dsdecl_free(&d);
	dsdecl_free(NULL);
	dsreg_free(reg);
	dsreg_free(NULL);
}

int
main(void)
{
	test_build();
	test_order();
	test_json();
	test_registry();
	HARNESS_END();
}
