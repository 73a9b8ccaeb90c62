/*
 * test_docs.c: every ```query example of docs/queries.md runs without
 * a message, on the datasets the page lists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "data.h"
#include "dataset.h"
#include "harness.h"
#include "msg.h"
#include "query.h"

static const struct {
	const char	*name, *path, *enc;
} sets[] = {
	{ "ree", "datasets/usgs-mcs2024/world/mcs2024-raree_world.csv", NULL },
	{ "cobalt", "datasets/usgs-mcs2024/world/mcs2024-cobal_world.csv", NULL },
	{ "moly", "datasets/usgs-mcs2024/world/mcs2024-molyb_world.csv", NULL },
	{ "pgm", "datasets/usgs-mcs2024/world/mcs2024-plati_world.csv", NULL },
	{ "lithium", "datasets/usgs-mcs2024/salient/mcs2024-lithi_salient.csv",
	    NULL },
	{ "flows", "datasets/baci-cobalt-nickel/cobalt_nickel_flows_2018_2020.csv",
	    NULL },
	{ "codes", "datasets/baci-cobalt-nickel/country_codes_V202201.csv",
	    "latin1" },
	{ "categories", "datasets/briefgen/categories.csv", NULL },
};

#define NSETS	(sizeof(sets) / sizeof(sets[0]))

int
main(void)
{
	struct dsdecl	 d[NSETS];
	struct qenv	 env;
	struct buf	 doc = { NULL, 0, 0 }, log = { NULL, 0, 0 };
	struct msgctx	 c;
	struct query	*q;
	struct table	*t;
	char		*p, *e, *text;
	size_t		 i, n = 0, line;

	memset(&env, 0, sizeof(env));
	for (i = 0; i < NSETS; i++) {
		memset(&d[i], 0, sizeof(d[i]));
		d[i].name = xstrdup(sets[i].name);
		d[i].path = xstrdup(sets[i].path);
		dsopts_defaults(&d[i].opts);
		if (sets[i].enc)
			d[i].opts.encoding = sets[i].enc;
	}
	env.reg = dsreg_new();
	env.decls = d;
	env.ndecls = NSETS;
	env.lang = "en";
	if (!file_read("docs/queries.md", &doc)) {
		CHECK(0, "docs/queries.md is readable");
		return 1;
	}
	for (p = doc.data; (p = strstr(p, "```query\n")) != NULL; p = e) {
		p += 9;
		if ((e = strstr(p, "```")) == NULL)
			break;
		text = xstrndup(p, (size_t)(e - p));
		for (line = 1, i = 0; doc.data + i < p; i++)
			line += doc.data[i] == '\n';
		memset(&c, 0, sizeof(c));
		buf_reset(&log);
		c.sink = &log;
		msg_push(&c);
		t = NULL;
		if ((q = query_parse(text, "docs/queries.md", line, 1)) != NULL)
			t = query_table(q, &env);
		msg_pop();
		text[strcspn(text, "\n")] = '\0';
		CHECK(t != NULL && c.count[MSG_ERROR] == 0 &&
		    table_nrows(t) > 0, "docs/queries.md:%zu: %s", line, text);
		if (log.len)
			printf("#   %s", log.data);
		if (n == 0 && t != NULL)
			CHECK(table_nrows(t) == 4 && strcmp(table_get(t, 3,
			    0)->str, "Other") == 0 && table_get(t, 2, 2)->num >
			    0.19 && table_get(t, 2, 2)->num < 0.1910,
			    "the first example gives the table shown");
		n++;
		table_free(t);
		query_free(q);
		free(text);
	}
	CHECK(n >= 24, "%zu examples found", n);
	buf_free(&doc);
	buf_free(&log);
	for (i = 0; i < NSETS; i++)
		dsdecl_free(&d[i]);
	dsreg_free(env.reg);
	HARNESS_END();
}
