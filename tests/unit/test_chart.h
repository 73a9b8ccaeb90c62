/*
 * test_chart.h: what the chart tests share.  Small tables typed in by
 * hand from the real files in datasets/ (so that the tests do not
 * depend on the CSV reader), a chart built from "key: value" lines,
 * and the property every chart must have: no two texts overlap and
 * every text lies inside the picture, checked on the display list
 * itself with the widths of the font set.
 */
#ifndef TEST_CHART_H
#define TEST_CHART_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart.h"
#include "data.h"
#include "dl.h"
#include "font.h"
#include "harness.h"

/* The text box of the chart code (chart_int.h): keep in step. */
#define T_ASC	0.82
#define T_DESC	0.24

static __attribute__((unused)) void
set_missing(struct table *t, size_t r, size_t c, enum vkind k,
    const char *s, double bound)
{
	struct value	 v;

	memset(&v, 0, sizeof(v));
	v.kind = (unsigned char)k;
	v.str = s;
	v.num = bound;
	table_set(t, r, c, &v);
}

/*
 * A table from rows of cells separated by '|'; the first row names
 * the columns as "name:type[:unit]".  Cells "W", "NA", "XX", ">N",
 * "<N" and "" become the missing kinds the CSV reader makes.
 */
static __attribute__((unused)) struct table *
mktable(const char *name, const char *const *rows)
{
	struct table	*t = table_new(name);
	char		*dup, *p, *cell, *save, *tp, *up;
	size_t		 r, c, row;
	enum ctype	 ct;

	dup = xstrdup(rows[0]);
	for (cell = strtok_r(dup, "|", &save); cell != NULL;
	    cell = strtok_r(NULL, "|", &save)) {
		ct = CT_TEXT;
		up = NULL;
		if ((tp = strchr(cell, ':')) != NULL) {
			*tp++ = '\0';
			if ((up = strchr(tp, ':')) != NULL)
				*up++ = '\0';
			ct = (enum ctype)ctype_parse(tp);
		}
		c = table_addcol(t, cell, ct);
		if (up != NULL)
			table_col_setunit(t, c, up);
	}
	free(dup);
	for (r = 1; rows[r] != NULL; r++) {
		row = table_addrow(t, r + 1);
		dup = xstrdup(rows[r]);
		for (c = 0, p = dup; c < table_ncols(t); c++) {
			cell = p;
			p += strcspn(p, "|");
			if (*p != '\0')
				*p++ = '\0';
			ct = table_coltype(t, c);
			if (ct == CT_TEXT)
				table_settext(t, row, c, cell);
			else if (strcmp(cell, "W") == 0)
				set_missing(t, row, c, V_WITHHELD, "W", NAN);
			else if (strcmp(cell, "NA") == 0)
				set_missing(t, row, c, V_NA, "NA", NAN);
			else if (strcmp(cell, "XX") == 0)
				set_missing(t, row, c, V_NOTAPPL, "XX", NAN);
			else if (*cell == '>' || *cell == '<')
				set_missing(t, row, c, *cell == '>' ? V_LOWER :
				    V_UPPER, cell, atof(cell + 1));
			else if (*cell == '\0')
				set_missing(t, row, c, V_NULL, NULL, NAN);
			else if (ct == CT_DATE) {
				struct value v;
				int y, m, d;
				long days;

				memset(&v, 0, sizeof(v));
				sscanf(cell, "%d-%d-%d", &y, &m, &d);
				y -= m <= 2;
				days = (long)(y * 365 + y / 4 - y / 100 +
				    y / 400) + (153 * (m + (m > 2 ? -3 : 9)) +
				    2) / 5 + d - 1 - 719468;
				v.kind = V_NUM;
				v.num = (double)days;
				v.str = cell;
				table_set(t, row, c, &v);
			} else
				table_setnum(t, row, c, atof(cell));
		}
		free(dup);
	}
	return t;
}

/* A chart from "key: value" lines, as the template stage would set it. */
static __attribute__((unused)) struct chart *
mkchart(const char *const *opts)
{
	struct chart	*c = chart_new();
	const char	*colon;
	char		*key;
	size_t		 i;

	for (i = 0; opts[i] != NULL; i++) {
		colon = strchr(opts[i], ':');
		key = xstrndup(opts[i], (size_t)(colon - opts[i]));
		if (!chart_set(c, key, colon + 2, "t.md", i + 2, 1))
			printf("# option rejected: %s\n", opts[i]);
		free(key);
	}
	return c;
}

struct tbox {
	double		 x0, y0, x1, y1;
	const char	*s;
};

/*
 * Check the property every chart must have.  Return the number of
 * problems (each printed as a diagnostic line).
 */
static __attribute__((unused)) int
text_problems(const struct dl *d, const struct fontset *fs, int verbose)
{
	const struct dl_op	*op;
	struct tbox		*b;
	size_t			 i, j, n = 0;
	double			 w, W = dl_width(d), H = dl_height(d), eps = 0.01;
	int			 bad = 0;

	b = calloc(dl_len(d) + 1, sizeof(*b));
	for (i = 0; i < dl_len(d); i++) {
		op = dl_get(d, i);
		if (op->type != DL_TEXT)
			continue;
		w = fontset_width(fs, op->face, op->size, op->text,
		    strlen(op->text));
		b[n].x0 = op->p[0];
		b[n].x1 = op->p[0] + w;
		b[n].y0 = op->p[1] - T_ASC * op->size;
		b[n].y1 = op->p[1] + T_DESC * op->size;
		b[n].s = op->text;
		if (b[n].x0 < -eps || b[n].y0 < -eps || b[n].x1 > W + eps ||
		    b[n].y1 > H + eps) {
			bad++;
			if (verbose)
				printf("#   outside: \"%s\" [%.1f %.1f %.1f "
				    "%.1f]\n", op->text, b[n].x0, b[n].y0,
				    b[n].x1, b[n].y1);
		}
		n++;
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (b[i].x0 < b[j].x1 - eps && b[j].x0 < b[i].x1 - eps &&
			    b[i].y0 < b[j].y1 - eps && b[j].y0 < b[i].y1 - eps) {
				bad++;
				if (verbose)
					printf("#   overlap: \"%s\" and \"%s\"\n",
					    b[i].s, b[j].s);
			}
	free(b);
	return bad;
}

static __attribute__((unused)) size_t
count_ops(const struct dl *d, enum dl_optype t, const char *text)
{
	size_t	 i, n = 0;

	for (i = 0; i < dl_len(d); i++)
		if (dl_get(d, i)->type == t && (text == NULL ||
		    (dl_get(d, i)->text != NULL &&
		    strcmp(dl_get(d, i)->text, text) == 0)))
			n++;
	return n;
}

/* Does some text op contain s? */
static __attribute__((unused)) int
has_text(const struct dl *d, const char *s)
{
	size_t	 i;

	for (i = 0; i < dl_len(d); i++)
		if (dl_get(d, i)->type == DL_TEXT &&
		    strstr(dl_get(d, i)->text, s) != NULL)
			return 1;
	return 0;
}

#endif /* !TEST_CHART_H */
