/*
 * chart_opt.c: the options of a chart block.  chart_set() reads one
 * option and checks its value; chart_check() and chart_resolve()
 * check the columns the options name against the data.  Every
 * problem is reported at the option's file:line:col.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "chart.h"
#include "chart_int.h"
#include "data.h"
#include "fmt.h"
#include "msg.h"

static const char *const optnames[O__MAX] = {
	"type", "data", "x", "y", "series", "sort", "labels", "format",
	"title", "subtitle", "source", "size", "width", "height", "alt",
	"stack", "legend", "highlight", "x-title", "y-title", "y-min",
	"y-max", "x-min", "x-max", "projection", "dashed", "quadrant-x",
	"quadrant-y", "quadrants", "bubble", "value", "from", "to", "facet",
	"columns", "scales", "color-scale", "note", "unit", "limit"
};

static const char *const kindnames[CK__MAX] = {
	"bar", "hbar", "line", "scatter", "bubble", "donut", "heatmap",
	"sankey", "timeline"
};

/*
 * The white paper's four categories, by quadrant of the category map:
 * supply risk up, global dominance right.  Low risk at the bottom:
 * without dominance "low supply risk", with it "global supply
 * advantage"; risk at the top: without dominance "high supply risk",
 * with it "scarce but manageable".
 */
static const char *const quaddefault[4] = {
	"High supply risk", "Scarce but manageable",
	"Low supply risk", "Global supply advantage"
};

/* The same in Chinese, as the white paper names them. */
static const char *const quadzh[4] = {
	"高供应风险", "高度稀缺但可控", "低供应风险", "全球供应优势"
};

const char *
chart_kindname(enum chart_kind k)
{
	return k < CK__MAX ? kindnames[k] : "?";
}

struct chart *
chart_new(void)
{
	struct chart	*c;
	size_t		 i;

	c = xcalloc(1, sizeof(*c));
	c->kind = CK_BAR;
	c->width = 456;		/* the text width of an A4 page */
	c->height = 300;
	c->ymin = c->ymax = c->xmin = c->xmax = NAN;
	c->projection = c->quadx = c->quady = NAN;
	for (i = 0; i < 4; i++)
		c->quadname[i] = xstrdup(quaddefault[i]);
	numfmt_defaults(&c->fmt);
	return c;
}

void
chart_lang(struct chart *c, const char *lang)
{
	size_t	 i;

	c->zh = fmt_zh(lang);
	/* Default quadrant names follow; names given stay. */
	for (i = 0; i < 4; i++)
		if (strcmp(c->quadname[i], quaddefault[i]) == 0 ||
		    strcmp(c->quadname[i], quadzh[i]) == 0) {
			free(c->quadname[i]);
			c->quadname[i] = xstrdup(c->zh ? quadzh[i] :
			    quaddefault[i]);
		}
}

void
chart_free(struct chart *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < O__MAX; i++) {
		free(c->opt[i].val);
		free(c->opt[i].file);
	}
	for (i = 0; i < 4; i++)
		free(c->quadname[i]);
	free(c);
}

static void
unknown_option(const char *key, const char *file, size_t line, size_t col)
{
	const char	*sug;

	if ((sug = str_closest(key, optnames, O__MAX)) != NULL)
		msg(MSG_ERROR, file, line, col, "unknown chart option '%s' "
		    "(did you mean '%s'?)", key, sug);
	else
		msg(MSG_ERROR, file, line, col, "unknown chart option '%s' "
		    "(see docs/charts.md)", key);
}

/* Match value against a list of words; -1 if none. */
static int
word(const char *v, const char *const *words, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcasecmp(v, words[i]) == 0)
			return (int)i;
	return -1;
}

static int
number(const char *v, double *out)
{
	char	*end;

	*out = strtod(v, &end);
	while (*end == ' ' || *end == '\t')
		end++;
	return end != v && *end == '\0' && isfinite(*out);
}

/* "480x300" or "480 x 300" (points; "×" works too). */
static int
parse_size(const char *v, double *w, double *h)
{
	char	*end;

	*w = strtod(v, &end);
	if (end == v)
		return 0;
	while (*end == ' ')
		end++;
	if (*end == 'x' || *end == 'X')
		end++;
	else if (strncmp(end, "\xc3\x97", 2) == 0)
		end += 2;
	else
		return 0;
	v = end;
	*h = strtod(v, &end);
	while (*end == ' ')
		end++;
	return end != v && *end == '\0';
}

static int
dimension(double v)
{
	return v >= 120 && v <= 2000;
}

/* Quadrant names: four, separated by '|' or ';'. */
static int
parse_quadrants(struct chart *c, const char *v)
{
	const char	*p, *e;
	char		*names[4];
	size_t		 n = 0, i;

	if (strcasecmp(v, "yes") == 0 || strcasecmp(v, "auto") == 0 ||
	    strcasecmp(v, "true") == 0) {
		c->quadrants = 1;
		return 1;
	}
	if (strcasecmp(v, "no") == 0 || strcasecmp(v, "none") == 0 ||
	    strcasecmp(v, "false") == 0) {
		c->quadrants = 0;
		return 1;
	}
	for (p = v; n < 4; p = e + 1) {
		e = p + strcspn(p, "|;");
		while (*p == ' ')
			p++;
		names[n] = xstrndup(p, (size_t)(e - p));
		i = strlen(names[n]);
		while (i > 0 && names[n][i - 1] == ' ')
			names[n][--i] = '\0';
		n++;
		if (*e == '\0')
			break;
	}
	if (n != 4 || p[strcspn(p, "|;")] != '\0') {
		for (i = 0; i < n; i++)
			free(names[i]);
		return 0;
	}
	for (i = 0; i < 4; i++) {
		free(c->quadname[i]);
		c->quadname[i] = names[i];
	}
	c->quadrants = 1;
	return 1;
}

/* Check and record the value of one option; 0 if it is bad. */
static int
set_value(struct chart *c, enum copt k, const char *v, const char **want)
{
	static const char *const stacks[] = { "none", "stacked", "percent" };
	static const char *const sorts[] = { "none", "desc", "asc", "label" };
	static const char *const legends[] = { "auto", "top", "none" };
	static const char *const scales[] = { "shared", "free" };
	static const char *const cscales[] = { "linear", "log" };
	char	*err = NULL;
	double	 d;
	int	 i;

	switch (k) {
	case O_TYPE:
		*want = "bar, hbar, line, scatter, bubble, donut, heatmap, "
		    "sankey or timeline";
		if ((i = word(v, kindnames, CK__MAX)) < 0)
			return 0;
		c->kind = (enum chart_kind)i;
		break;
	case O_STACK:
		*want = "none, stacked or percent";
		if ((i = word(v, stacks, 3)) < 0)
			return 0;
		c->stack = (enum stackmode)i;
		break;
	case O_SORT:
		*want = "none, desc, asc or label";
		if ((i = word(v, sorts, 4)) < 0)
			return 0;
		c->sort = (enum sortmode)i;
		break;
	case O_LABELS:
		/* auto, none, all; anything else names a column. */
		if (strcasecmp(v, "auto") == 0)
			c->labels = LABELS_AUTO;
		else if (strcasecmp(v, "none") == 0 ||
		    strcasecmp(v, "no") == 0)
			c->labels = LABELS_NONE;
		else if (strcasecmp(v, "all") == 0 ||
		    strcasecmp(v, "yes") == 0)
			c->labels = LABELS_ALL;
		else
			c->labels = LABELS_COLUMN;
		break;
	case O_LEGEND:
		*want = "auto, top or none";
		if ((i = word(v, legends, 3)) < 0)
			return 0;
		c->legend = (enum legendmode)i;
		break;
	case O_SCALES:
		*want = "shared or free";
		if ((i = word(v, scales, 2)) < 0)
			return 0;
		c->freescales = i;
		break;
	case O_COLORSCALE:
		*want = "linear or log";
		if ((i = word(v, cscales, 2)) < 0)
			return 0;
		c->logcolor = i;
		break;
	case O_FORMAT:
		*want = "a number format such as ',.0f' or '.1%'";
		if (!numfmt_parse(v, &c->fmt, &err)) {
			free(err);
			return 0;
		}
		c->hasfmt = 1;
		break;
	case O_SIZE:
		*want = "WIDTHxHEIGHT in points, each 120 to 2000";
		if (!parse_size(v, &c->width, &d) || !dimension(c->width) ||
		    !dimension(d))
			return 0;
		c->height = d;
		break;
	case O_WIDTH:
	case O_HEIGHT:
		*want = "a size in points, 120 to 2000";
		if (!number(v, &d) || !dimension(d))
			return 0;
		*(k == O_WIDTH ? &c->width : &c->height) = d;
		break;
	case O_YMIN:
	case O_YMAX:
	case O_XMIN:
	case O_XMAX:
	case O_PROJECTION:
	case O_QUADX:
	case O_QUADY:
		*want = "a number";
		if (!number(v, &d))
			return 0;
		*(k == O_YMIN ? &c->ymin : k == O_YMAX ? &c->ymax :
		    k == O_XMIN ? &c->xmin : k == O_XMAX ? &c->xmax :
		    k == O_PROJECTION ? &c->projection :
		    k == O_QUADX ? &c->quadx : &c->quady) = d;
		if (k == O_QUADX || k == O_QUADY)
			c->quadrants = 1;
		break;
	case O_QUADRANTS:
		*want = "yes, no, or four names separated by '|' (top left, "
		    "top right, bottom left, bottom right)";
		return parse_quadrants(c, v);
	case O_COLUMNS:
		*want = "a number of panels per row, 1 to 8";
		if (!number(v, &d) || d < 1 || d > 8 || d != floor(d))
			return 0;
		c->columns = (int)d;
		break;
	case O_LIMIT:
		*want = "a number of items, 2 to 100";
		if (!number(v, &d) || d < 2 || d > 100 || d != floor(d))
			return 0;
		c->limit = (size_t)d;
		break;
	default:
		/* Text and column names: checked by chart_check(). */
		if (*v == '\0' && k != O_DATA) {
			*want = "a value";
			return 0;
		}
		break;
	}
	return 1;
}

int
chart_set(struct chart *c, const char *key, const char *value,
    const char *file, size_t line, size_t col)
{
	const char	*want = NULL;
	size_t		 k;

	for (k = 0; k < O__MAX; k++)
		if (strcmp(key, optnames[k]) == 0)
			break;
	if (k == O__MAX) {
		unknown_option(key, file, line, col);
		return 0;
	}
	if (c->opt[k].val != NULL) {
		msg(MSG_ERROR, file, line, col, "chart option '%s' given "
		    "twice (first at line %zu)", key, c->opt[k].line);
		return 0;
	}
	if (!set_value(c, (enum copt)k, value, &want)) {
		msg(MSG_ERROR, file, line, col, "chart option %s: '%s' is "
		    "not %s", key, value, want ? want : "valid");
		return 0;
	}
	c->opt[k].val = xstrdup(value);
	c->opt[k].file = file ? xstrdup(file) : NULL;
	c->opt[k].line = line;
	c->opt[k].col = col;
	return 1;
}

const char *
chart_title(const struct chart *c)
{
	return c->opt[O_TITLE].val;
}

const char *
chart_subtitle(const struct chart *c)
{
	return c->opt[O_SUBTITLE].val;
}

const char *
chart_source(const struct chart *c)
{
	return c->opt[O_SOURCE].val;
}

/* Is label one of the comma-separated items of an option? */
static int
listed(const char *list, const char *label)
{
	const char	*p, *e;
	size_t		 n;

	if (list == NULL || label == NULL)
		return 0;
	n = strlen(label);
	for (p = list; *p != '\0'; p = *e ? e + 1 : e) {
		while (*p == ' ')
			p++;
		e = p + strcspn(p, ",");
		while (e > p && e[-1] == ' ')
			e--;
		if ((size_t)(e - p) == n && strncasecmp(p, label, n) == 0)
			return 1;
		e += strcspn(e, ",");
	}
	return 0;
}

int
chart_highlighted(const struct chart *c, const char *label)
{
	return listed(c->opt[O_HIGHLIGHT].val, label);
}

int
chart_dashed(const struct chart *c, const char *series)
{
	return listed(c->opt[O_DASHED].val, series);
}

/* Position of an option for messages: its own, else the block's. */
static void
where(const struct chart *c, enum copt k, const char **file, size_t *line,
    size_t *col)
{
	if (c->opt[k].val != NULL && c->opt[k].line != 0) {
		*file = c->opt[k].file;
		*line = c->opt[k].line;
		*col = c->opt[k].col;
	}
}

static int
isnumeric(enum ctype t)
{
	return t == CT_INT || t == CT_DEC || t == CT_YEAR || t == CT_DATE;
}

/*
 * Find the column an option names.  need: 0 any, 1 numbers, 2 dates
 * or numbers (an x axis).  Return the index, or -1 after reporting.
 */
static long
column(const struct chart *c, const struct table *t, enum copt k,
    const char *name, int need, const char *file, size_t line, size_t col)
{
	long	 i;

	where(c, k, &file, &line, &col);
	if ((i = table_colfind(t, name)) < 0) {
		msg(MSG_ERROR, file, line, col, "chart option %s: no column "
		    "'%s' in the data", optnames[k], name);
		return -1;
	}
	if (need && !isnumeric(table_coltype(t, (size_t)i))) {
		msg(MSG_ERROR, file, line, col, "chart option %s: column "
		    "'%s' holds %s, not numbers", optnames[k],
		    table_colname(t, (size_t)i),
		    ctype_name(table_coltype(t, (size_t)i)));
		return -1;
	}
	return i;
}

/* Resolve an optional column option; 1 if fine (or not given). */
static int
optcol(const struct chart *c, const struct table *t, enum copt k, int need,
    long *out, const char *file, size_t line, size_t col)
{
	*out = -1;
	if (c->opt[k].val == NULL)
		return 1;
	return (*out = column(c, t, k, c->opt[k].val, need, file, line,
	    col)) >= 0;
}

/* The y option: one column or a comma-separated list of them. */
static int
ycols(const struct chart *c, const struct table *t, int need,
    struct cols *cs, const char *file, size_t line, size_t col)
{
	const char	*p, *e, *v = c->opt[O_Y].val;
	char		*name;
	int		 ok = 1;

	for (p = v; *p != '\0'; p = *e ? e + 1 : e) {
		while (*p == ' ')
			p++;
		e = p + strcspn(p, ",");
		name = xstrndup(p, (size_t)(e - p));
		while (*name && name[strlen(name) - 1] == ' ')
			name[strlen(name) - 1] = '\0';
		if (cs->ny == CHART_MAXY) {
			where(c, O_Y, &file, &line, &col);
			msg(MSG_ERROR, file, line, col, "chart option y: more "
			    "than %d columns", CHART_MAXY);
			free(name);
			return 0;
		}
		if ((cs->y[cs->ny] = column(c, t, O_Y, name, need, file, line,
		    col)) < 0)
			ok = 0;
		else
			cs->ny++;
		free(name);
	}
	return ok;
}

/* Report a required option that is missing. */
static int
require(const struct chart *c, enum copt k, const char *file, size_t line,
    size_t col)
{
	if (c->opt[k].val != NULL)
		return 1;
	where(c, O_TYPE, &file, &line, &col);
	msg(MSG_ERROR, file, line, col, "a %s chart needs the option '%s'",
	    kindnames[c->kind], optnames[k]);
	return 0;
}

/* The options each kind needs, and whether its x and y are numbers. */
int
chart_resolve(const struct chart *c, const struct table *t, struct cols *cs,
    const char *file, size_t line, size_t col)
{
	int	 ok = 1, xnum = 0, ynum = 1, ycat = 0;

	memset(cs, 0, sizeof(*cs));
	switch (c->kind) {
	case CK_LINE:
	case CK_SCATTER:
	case CK_BUBBLE:
	case CK_TIMELINE:
		xnum = c->kind != CK_LINE;
		break;
	case CK_HEATMAP:
		ycat = 1;
		break;
	default:
		break;
	}
	if (c->kind == CK_SANKEY) {
		ok &= require(c, O_FROM, file, line, col);
		ok &= require(c, O_TO, file, line, col);
		ok &= require(c, O_VALUE, file, line, col);
	} else {
		ok &= require(c, O_X, file, line, col);
		if (c->kind == CK_TIMELINE)
			ok &= require(c, O_LABELS, file, line, col);
		else
			ok &= require(c, O_Y, file, line, col);
	}
	if (c->kind == CK_HEATMAP)
		ok &= require(c, O_VALUE, file, line, col);
	if (c->kind == CK_BUBBLE)
		ok &= require(c, O_BUBBLE, file, line, col);
	if (!ok)
		return 0;
	ok &= optcol(c, t, O_X, xnum ? 2 : 0, &cs->x, file, line, col);
	if (c->opt[O_Y].val != NULL && !ycat)
		ok &= ycols(c, t, ynum, cs, file, line, col);
	else if (c->opt[O_Y].val != NULL) {
		ok &= optcol(c, t, O_Y, 0, &cs->y[0], file, line, col);
		cs->ny = 1;
	}
	ok &= optcol(c, t, O_SERIES, 0, &cs->series, file, line, col);
	ok &= optcol(c, t, O_BUBBLE, 1, &cs->bubble, file, line, col);
	ok &= optcol(c, t, O_VALUE, 1, &cs->value, file, line, col);
	ok &= optcol(c, t, O_FROM, 0, &cs->from, file, line, col);
	ok &= optcol(c, t, O_TO, 0, &cs->to, file, line, col);
	ok &= optcol(c, t, O_FACET, 0, &cs->facet, file, line, col);
	cs->labels = -1;
	if (c->labels == LABELS_COLUMN)
		ok &= optcol(c, t, O_LABELS, 0, &cs->labels, file, line, col);
	if (ok && cs->series >= 0 && cs->ny > 1) {
		where(c, O_SERIES, &file, &line, &col);
		msg(MSG_ERROR, file, line, col, "chart options series and "
		    "a list of y columns cannot go together: each y column "
		    "is a series already");
		ok = 0;
	}
	return ok;
}

/* Options that mean nothing for a kind: a warning, not an error. */
static void
unused(const struct chart *c)
{
	static const struct {
		enum copt	 k;
		unsigned	 kinds;	/* bit per kind it applies to */
	} apply[] = {
		{ O_STACK, 1u << CK_BAR | 1u << CK_HBAR },
		{ O_PROJECTION, 1u << CK_LINE },
		{ O_DASHED, 1u << CK_LINE },
		{ O_QUADX, 1u << CK_SCATTER | 1u << CK_BUBBLE },
		{ O_QUADY, 1u << CK_SCATTER | 1u << CK_BUBBLE },
		{ O_QUADRANTS, 1u << CK_SCATTER | 1u << CK_BUBBLE },
		{ O_BUBBLE, 1u << CK_BUBBLE },
		{ O_COLORSCALE, 1u << CK_HEATMAP },
		{ O_FROM, 1u << CK_SANKEY },
		{ O_TO, 1u << CK_SANKEY },
		{ O_VALUE, 1u << CK_SANKEY | 1u << CK_HEATMAP },
		{ O_LIMIT, 1u << CK_SANKEY | 1u << CK_DONUT },
	};
	size_t	 i;

	for (i = 0; i < sizeof(apply) / sizeof(apply[0]); i++)
		if (c->opt[apply[i].k].val != NULL &&
		    !(apply[i].kinds & (1u << c->kind)))
			msg(MSG_WARNING, c->opt[apply[i].k].file,
			    c->opt[apply[i].k].line, c->opt[apply[i].k].col,
			    "chart option %s does nothing for a %s chart",
			    optnames[apply[i].k], kindnames[c->kind]);
}

int
chart_check(const struct chart *c, const struct table *t, const char *file,
    size_t line, size_t col)
{
	struct cols	 cs;

	if (!chart_resolve(c, t, &cs, file, line, col))
		return 0;
	unused(c);
	return 1;
}
