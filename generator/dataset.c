/*
 * dataset.c: CSV files into typed tables, and the registry that loads
 * each file once per run.
 *
 *	csv_slurp, csv_parse_text (csv_read.c)	bytes -> records
 *	dscols_make				header -> columns
 *	infer, convert				records -> typed table
 *	bounds_from_notes, validate		what the notes say; warnings
 *
 * docs/data.md describes every rule in words.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aux.h"
#include "data.h"
#include "dataset.h"
#include "fmt.h"
#include "msg.h"
#include "utf8.h"

void
dsopts_defaults(struct dsopts *o)
{
	memset(o, 0, sizeof(*o));
	o->encoding = "utf-8";
	o->delim = ',';
	o->clean = 1;
}

void
dsdecl_free(struct dsdecl *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	free(d->name);
	free(d->path);
	for (i = 0; i < d->opts.ntypes; i++)
		free(d->opts.types[i].name);
	free(d->opts.types);
	memset(d, 0, sizeof(*d));
}

/* Columns named like notes: "Prod_notes", "Reserves_note", "Notes". */
static int
is_notes(const char *name)
{
	size_t	 n = strlen(name);

	if (strcasecmp(name, "notes") == 0 || strcasecmp(name, "note") == 0)
		return 1;
	return (n > 6 && strcasecmp(name + n - 6, "_notes") == 0) ||
	    (n > 5 && strcasecmp(name + n - 5, "_note") == 0);
}

/* The record's field j, or an empty field past its end. */
static struct csvfield
field(const struct csvrecs *r, size_t rec, size_t j)
{
	static const struct csvfield none = { NULL, 0 };
	size_t	 n = r->start[rec + 1] - r->start[rec];

	return j < n ? r->f[r->start[rec] + j] : none;
}

/* What a column's cells look like, for inferring its type. */
struct census {
	size_t	 num;		/* numbers and bounds */
	size_t	 code;		/* NA, W, XX and the like */
	size_t	 weak;		/* "E" (net exporter) and the like */
	size_t	 text;		/* anything else */
	size_t	 year;		/* four-digit years, maybe "_estimated" */
	size_t	 date;		/* YYYY-MM-DD */
	int	 dec;		/* some number has a point or exponent */
	int	 lead0;		/* some number has a leading zero */
	int	 big;		/* some whole number is beyond 2^53 */
	int	 frac;		/* some number is not whole */
};

/* "2023", "2023_estimated", "2023e": a year; set *est for the others. */
static int
read_year(const char *s, size_t len, double *y, int *est)
{
	size_t	 i;

	*est = 0;
	if (len < 4)
		return 0;
	for (i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	if (len > 4) {
		if (!((len == 5 && s[4] == 'e') ||
		    (len == 14 && strncasecmp(s + 4, "_estimated", 10) == 0) ||
		    (len == 8 && strncasecmp(s + 4, "_est", 4) == 0)))
			return 0;
		*est = 1;
	}
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	return *y >= 1000 && *y <= 2999;
}

static int
days_from_civil(int y, int m, int d)
{
	/* Howard Hinnant's algorithm, days since 1970-01-01. */
	int	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* "YYYY-MM-DD": set *days. */
static int
read_date(const char *s, size_t len, double *days)
{
	int	 y, m, d, mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
		    30, 31 };
	size_t	 i;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0)))
		return 0;
	*days = days_from_civil(y, m, d);
	return 1;
}

/* Codes that stand for a value only in a numeric column. */
static int
weak_code(const char *s, size_t len)
{
	return len == 1 && (s[0] == 'E' || s[0] == 'e');
}

static void
census_cell(struct census *c, const char *s, size_t len)
{
	struct value	 v;
	double		 x;
	int		 dec, lead0, est;

	if (len == 0)
		return;
	if (read_year(s, len, &x, &est))
		c->year++;
	if (read_date(s, len, &x))
		c->date++;
	if (!cell_number(s, len, &v, &dec, &lead0)) {
		if (weak_code(s, len))
			c->weak++;
		else
			c->text++;
		return;
	}
	switch (v.kind) {
	case V_NULL:
		return;
	case V_NUM:
	case V_LOWER:
	case V_UPPER:
		c->num++;
		c->dec |= dec;
		c->lead0 |= lead0;
		/* "Less than 1/2 unit" says nothing of the column's type. */
		if (v.kind == V_NUM && v.num != floor(v.num))
			c->frac = 1;
		if (fabs(v.num) > 9007199254740992.0)
			c->big = 1;
		return;
	default:
		c->code++;
		return;
	}
}

static int
has_word(const char *name, const char *w)
{
	size_t	 n = strlen(w);
	const char *p;

	for (p = name; (p = strcasestr(p, w)) != NULL; p++)
		if ((p == name || p[-1] == '_' || p[-1] == ' ') &&
		    (p[n] == '\0' || p[n] == '_' || p[n] == ' '))
			return 1;
	return 0;
}

static enum ctype
infer(const struct dscol *col, const struct census *c, size_t nonempty)
{
	if (col->isname || is_notes(col->name))
		return CT_TEXT;
	if (c->date > 0 && c->date == nonempty)
		return CT_DATE;
	if (c->year > 0 && c->year + c->code == nonempty &&
	    (has_word(col->name, "year") || has_word(col->name, "yr")))
		return CT_YEAR;
	if (c->lead0)
		return CT_TEXT;
	if (c->text == 0 ? c->num + c->code + c->weak > 0 :
	    c->num >= 1 && c->text <= c->num)
		return c->dec || c->frac || c->big ? CT_DEC : CT_INT;
	return CT_TEXT;
}

void
dscols_free(struct dscol *c, size_t n)
{
	size_t	 i;

	for (i = 0; c != NULL && i < n; i++) {
		free(c[i].name);
		free(c[i].alias);
	}
	free(c);
}

/* Decide whether column j holds names, from the first records. */
static int
names_column(const struct csvrecs *r, size_t j, int clean)
{
	struct buf	 b = { NULL, 0, 0 };
	struct csvfield	 f;
	struct value	 v;
	size_t		 rec, n = 0, known = 0;
	int		 dec, lead0;

	for (rec = 1; rec < r->nrec && rec <= DS_SAMPLE; rec++) {
		f = field(r, rec, j);
		if (f.len == 0)
			continue;
		if (cell_number(f.s, f.len, &v, &dec, &lead0) &&
		    v.kind != V_NA)
			continue;
		n++;
		buf_reset(&b);
		if (clean)
			cell_name(f.s, f.len, &b);
		else
			cell_trim(f.s, f.len, &b);
		if (name_known(b.data, b.len))
			known++;
	}
	buf_free(&b);
	return known > 0 && known * 2 >= n;
}

/* What the records say of each column: width, values, kinds. */
struct colstats {
	struct census	*cen;
	size_t		*nonempty;
	size_t		*extra;		/* first line with a value past the
					   header's fields, or 0 */
	size_t		 n, cap;	/* columns with a name or a value */
	size_t		 nh;		/* fields of the header */
};

static void
stats_header(struct colstats *st, const struct csvfield *f, size_t nf)
{
	size_t	 j;

	memset(st, 0, sizeof(*st));
	st->nh = nf;
	for (j = 0; j < nf; j++)
		if (f[j].len > 0)
			st->n = j + 1;
}

static void
stats_add(struct colstats *st, const struct csvfield *f, size_t nf,
    size_t line)
{
	size_t	 j, old;

	for (j = 0; j < nf; j++) {
		if (f[j].len == 0)
			continue;
		if (j + 1 > st->cap) {
			old = st->cap;
			xgrow(&st->cen, &st->cap, j + 1, sizeof(*st->cen));
			st->nonempty = xreallocarray(st->nonempty, st->cap,
			    sizeof(*st->nonempty));
			st->extra = xreallocarray(st->extra, st->cap,
			    sizeof(*st->extra));
			memset(st->cen + old, 0, (st->cap - old) *
			    sizeof(*st->cen));
			memset(st->nonempty + old, 0, (st->cap - old) *
			    sizeof(*st->nonempty));
			memset(st->extra + old, 0, (st->cap - old) *
			    sizeof(*st->extra));
		}
		st->nonempty[j]++;
		census_cell(&st->cen[j], f[j].s, f[j].len);
		if (j >= st->nh && st->extra[j] == 0)
			st->extra[j] = line;
		if (j + 1 > st->n)
			st->n = j + 1;
	}
}

static void
stats_free(struct colstats *st)
{
	free(st->cen);
	free(st->nonempty);
	free(st->extra);
}

/*
 * The columns, from the header and a sample of records (for names)
 * and the statistics of the records (for width and types).
 */
static size_t
dscols_from(const char *path, const struct csvrecs *r,
    const struct colstats *st, const struct dsopts *o, struct dscol **out)
{
	struct dscol	*c;
	struct buf	 b = { NULL, 0, 0 }, alias = { NULL, 0, 0 };
	struct census	 none;
	size_t		 n = st->n, j, k, used;
	char		*name;

	*out = NULL;
	memset(&none, 0, sizeof(none));
	c = xcalloc(n ? n : 1, sizeof(*c));
	/* Values beyond the header's last field get columns of their own. */
	for (j = st->nh; j < n; j++)
		if (j < st->cap && st->extra[j] != 0)
			msg(MSG_WARNING, path, st->extra[j], 0, "a value in "
			    "field %zu, beyond the %zu fields of the header: "
			    "read as column 'column_%zu'", j + 1, st->nh,
			    j + 1);
	for (j = 0; j < n; j++) {
		buf_reset(&b);
		cell_trim(field(r, 0, j).s ? field(r, 0, j).s : "",
		    field(r, 0, j).len, &b);
		if (b.len == 0)
			buf_printf(&b, "column_%zu", j + 1);
		/* Make the name unique: "X", "X_2", "X_3". */
		name = xstrdup(b.data);
		for (used = 2, k = 0; k < j; k++)
			if (strcmp(c[k].name, name) == 0) {
				free(name);
				name = xasprintf("%s_%zu", b.data, used++);
				k = (size_t)-1;
			}
		if (used > 2)
			msg(MSG_WARNING, path, r->line[0], 0, "duplicate column "
			    "name '%s': column %zu is called '%s'", b.data,
			    j + 1, name);
		c[j].name = name;
		c[j].unit = colname_unit(name, &alias);
		c[j].alias = alias.len ? xstrdup(alias.data) : NULL;
		c[j].type = -1;
	}
	for (k = 0; k < o->ntypes; k++) {
		for (j = 0; j < n; j++)
			if (strcasecmp(c[j].name, o->types[k].name) == 0 ||
			    (c[j].alias != NULL &&
			    strcasecmp(c[j].alias, o->types[k].name) == 0))
				break;
		if (j == n)
			msg(MSG_WARNING, path, 0, 0, "a type is declared for "
			    "'%s', but there is no such column",
			    o->types[k].name);
		else
			c[j].type = o->types[k].type;
	}
	for (j = 0; j < n; j++)
		if ((c[j].type == -1 || c[j].type == CT_TEXT) &&
		    !is_notes(c[j].name))
			c[j].isname = names_column(r, j, o->clean);
	/* Types: declared, or inferred from the statistics. */
	for (j = 0; j < n; j++)
		c[j].ctype = c[j].type >= 0 ? (enum ctype)c[j].type :
		    infer(&c[j], j < st->cap ? &st->cen[j] : &none,
		    j < st->cap ? st->nonempty[j] : 0);
	buf_free(&b);
	buf_free(&alias);
	*out = c;
	return n;
}

size_t
dscols_make(const char *path, const struct csvrecs *r,
    const struct dsopts *o, struct dscol **out)
{
	struct colstats	 st;
	size_t		 rec, n;

	*out = NULL;
	if (r->nrec == 0)
		return 0;
	stats_header(&st, r->f + r->start[0], r->start[1] - r->start[0]);
	for (rec = 1; rec < r->nrec; rec++)
		stats_add(&st, r->f + r->start[rec], r->start[rec + 1] -
		    r->start[rec], r->line[rec]);
	n = dscols_from(path, r, &st, o, out);
	stats_free(&st);
	return n;
}

/* Default display formats (fmt.h) by type. */
const char *
ds_fmt(const struct table *t, size_t j)
{
	const char	*name = table_colname(t, j);

	switch (table_coltype(t, j)) {
	case CT_INT:
		/* Codes and identifiers print without separators. */
		if (has_word(name, "code") || has_word(name, "id") ||
		    has_word(name, "hs6") || has_word(name, "hs") ||
		    strcasecmp(name, "k") == 0 ||
		    strncasecmp(name, "column_", 7) == 0)
			return "d";
		return ",d";
	case CT_DEC:
		return ",g";
	case CT_YEAR:
		return "d";
	default:
		return NULL;
	}
}

/*
 * Read one cell of a column of type ty into v; text goes into tmp
 * (v->str points there).  csv_load and streaming queries both read
 * cells through here, so both see the same values.
 */
void
ds_cell(enum ctype ty, int isname, const char *s, size_t len,
    struct value *v, struct buf *tmp)
{
	int		 dec, lead0, est;

	memset(v, 0, sizeof(*v));
	buf_reset(tmp);
	if (s == NULL || len == 0)
		return;		/* V_NULL */
	switch (ty) {
	case CT_TEXT:
		if (isname)
			v->flags = (unsigned char)cell_name(s, len, tmp);
		else
			cell_trim(s, len, tmp);
		if (tmp->len == 0)
			return;
		v->kind = V_TEXT;
		v->str = tmp->data;
		return;
	case CT_DATE:
		cell_trim(s, len, tmp);
		if (read_date(tmp->data, tmp->len, &v->num)) {
			v->kind = V_TEXT;
			v->str = tmp->data;
			return;
		}
		break;
	case CT_YEAR:
		cell_trim(s, len, tmp);
		if (read_year(tmp->data, tmp->len, &v->num, &est)) {
			v->kind = V_NUM;
			v->flags = est ? VF_ESTIMATE : 0;
			return;
		}
		break;
	default:
		break;
	}
	buf_reset(tmp);
	if (cell_number(s, len, v, &dec, &lead0))
		return;
	cell_trim(s, len, tmp);
	v->kind = V_NOTE;
	v->str = tmp->data;
}

static void
convert(struct table *t, size_t row, size_t j, enum ctype ty, int isname,
    const struct csvfield *f, struct buf *tmp)
{
	struct value	 v;

	ds_cell(ty, isname, f->s, f->len, &v, tmp);
	if (v.kind != V_NULL)
		table_set(t, row, j, &v);
}

/*
 * A bound written in a notes column ("NA" in Reserves_t, ">2,000,000.
 * In addition ..." in Reserves_notes) becomes the value of the one
 * missing column it is about.
 */
static void
bounds_from_notes(struct table *t)
{
	struct value	 v, nv;
	size_t		 j, k, row, n, plen, miss, at = 0;
	const char	*name, *s;
	char		 tok[64];
	int		 dec, lead0;

	for (j = 0; j < table_ncols(t); j++) {
		name = table_colname(t, j);
		if (!is_notes(name) || (s = strrchr(name, '_')) == NULL)
			continue;
		plen = (size_t)(s - name);
		for (row = 0; row < table_nrows(t); row++) {
			const struct value *nt = table_get(t, row, j);

			if (nt->kind != V_TEXT ||
			    (nt->str[0] != '>' && nt->str[0] != '<' &&
			    strncmp(nt->str, "\xe2\x89", 2) != 0))
				continue;
			/* The bound is the first word, without a period. */
			s = nt->str;
			/* Keep thousands separators: "2,000,000" is one. */
			for (n = 0; s[n] != '\0' && s[n] != ' ' &&
			    s[n] != ';' && s[n] != '(' && n + 1 < sizeof(tok);
			    n++)
				tok[n] = s[n];
			while (n > 0 && (tok[n - 1] == '.' ||
			    tok[n - 1] == ','))
				n--;
			if (!cell_number(tok, n, &nv, &dec, &lead0) ||
			    (nv.kind != V_LOWER && nv.kind != V_UPPER))
				continue;
			for (miss = 0, k = 0; k < table_ncols(t); k++) {
				if (k == j || table_coltype(t, k) == CT_TEXT ||
				    strncasecmp(table_colname(t, k), name,
				    plen + 1) != 0 || is_notes(
				    table_colname(t, k)))
					continue;
				v = *table_get(t, row, k);
				if (v.kind == V_NA || v.kind == V_NULL ||
				    v.kind == V_NOTE) {
					miss++;
					at = k;
				}
			}
			if (miss != 1)
				continue;
			nv.flags |= VF_BOUND;
			nv.str = NULL;
			table_set(t, row, at, &nv);
		}
	}
}

/* Text of a row's key columns, joined by a unit separator. */
static void
rowkey(const struct table *t, size_t row, const size_t *cols, size_t n,
    struct buf *b, int world)
{
	const struct value	*v;
	const char		*s;
	size_t			 i;

	buf_reset(b);
	for (i = 0; i < n; i++) {
		v = table_get(t, row, cols[i]);
		s = v->kind == V_TEXT ? v->str : "";
		/* PGM: " World mine production: Platinum" goes with
		 * "Mine production: Platinum". */
		if (world && strncasecmp(s, "world ", 6) == 0)
			s += 6;
		for (; *s != '\0'; s++)
			buf_putc(b, *s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
		buf_putc(b, '\x1f');
	}
	if (b->data == NULL)
		buf_put(b, "", 0);
}

static void
numtext(struct buf *b, double x)
{
	struct numfmt	 f;

	numfmt_defaults(&f);
	f.group = 1;
	fmt_num(b, x, &f);
}

/* A country's value above the World total of its group. */
static void
check_world(const char *path, const struct table *t, const size_t *keys,
    size_t nkeys)
{
	struct buf	 ka = { NULL, 0, 0 }, kb = { NULL, 0, 0 };
	struct buf	 x = { NULL, 0, 0 }, y = { NULL, 0, 0 };
	size_t		 r, w, j, nr = table_nrows(t), nc = table_ncols(t);
	long		 nm = table_namecol(t);
	const struct value *a, *b;

	for (w = 0; w < nr; w++) {
		if (table_rowclass(t, w) != RC_TOTAL)
			continue;
		rowkey(t, w, keys, nkeys, &kb, 1);
		for (r = 0; r < nr; r++) {
			if (table_rowclass(t, r) != RC_ITEM)
				continue;
			rowkey(t, r, keys, nkeys, &ka, 1);
			if (strcmp(ka.data, kb.data) != 0)
				continue;
			for (j = 0; j < nc; j++) {
				if (table_coltype(t, j) != CT_INT &&
				    table_coltype(t, j) != CT_DEC)
					continue;
				a = table_get(t, r, j);
				b = table_get(t, w, j);
				if (a->kind != V_NUM || b->kind != V_NUM ||
				    a->num <= b->num)
					continue;
				buf_reset(&x);
				buf_reset(&y);
				numtext(&x, a->num);
				numtext(&y, b->num);
				msg(MSG_WARNING, path, table_rowline(t, r), 0,
				    "%s of %s, %s, is above %s, %s (line %zu)",
				    table_colname(t, j),
				    table_get(t, r, (size_t)nm)->str, x.data,
				    table_get(t, w, (size_t)nm)->str, y.data,
				    table_rowline(t, w));
			}
		}
	}
	buf_free(&ka);
	buf_free(&kb);
	buf_free(&x);
	buf_free(&y);
}

/* Columns of shares: "Share", "Market_share_pct", "State_percent_total". */
static int
is_share(const char *name)
{
	if (has_word(name, "order") || has_word(name, "rank"))
		return 0;
	return has_word(name, "share") || has_word(name, "shares") ||
	    strcasestr(name, "percent_total") != NULL ||
	    strcasestr(name, "pct_total") != NULL ||
	    strcasestr(name, "percent_of_total") != NULL;
}

/* Shares of one group summing above 100%. */
static void
check_shares(const char *path, const struct table *t, const size_t *keys,
    size_t nkeys)
{
	struct buf	 k = { NULL, 0, 0 }, g = { NULL, 0, 0 };
	struct buf	 s = { NULL, 0, 0 };
	size_t		 j, r, q, nr = table_nrows(t);
	unsigned char	*done;
	double		 sum, max;
	const struct value *v;

	done = xcalloc(nr ? nr : 1, 1);
	for (j = 0; j < table_ncols(t); j++) {
		if ((table_coltype(t, j) != CT_INT &&
		    table_coltype(t, j) != CT_DEC) ||
		    !is_share(table_colname(t, j)))
			continue;
		memset(done, 0, nr ? nr : 1);
		for (r = 0; r < nr; r++) {
			if (done[r])
				continue;
			rowkey(t, r, keys, nkeys, &g, 0);
			sum = max = 0;
			for (q = r; q < nr; q++) {
				if (done[q] || table_rowclass(t, q) ==
				    RC_TOTAL)
					continue;
				rowkey(t, q, keys, nkeys, &k, 0);
				if (strcmp(k.data, g.data) != 0)
					continue;
				done[q] = 1;
				v = table_get(t, q, j);
				if (v->kind == V_NUM) {
					sum += v->num;
					max = v->num > max ? v->num : max;
				}
			}
			/* Fractions (all at most 1) or percentages. */
			if (sum > (max <= 1 ? 1.005 : 100.5)) {
				buf_reset(&s);
				numtext(&s, max <= 1 ? sum * 100 : sum);
				msg(MSG_WARNING, path, table_rowline(t, r), 0,
				    "the shares in %s add up to %s%%, above "
				    "100%%", table_colname(t, j), s.data);
			}
		}
	}
	free(done);
	buf_free(&k);
	buf_free(&g);
	buf_free(&s);
}

/* Rows with the same key: the leading text and year columns. */
static void
check_keys(const char *path, const struct table *t)
{
	size_t		 keys[16], nk = 0, ntext = 0, j, r, i, cap, h;
	size_t		*slot, nr = table_nrows(t), shown = 0, more = 0;
	struct buf	 a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	const struct value *v0, *v;

	for (j = 0; j < table_ncols(t) && nk < 16; j++) {
		enum ctype ty = table_coltype(t, j);

		if (ty != CT_TEXT && ty != CT_YEAR && ty != CT_DATE)
			break;
		if (is_notes(table_colname(t, j)))
			continue;
		/* A column with one value throughout says nothing. */
		v0 = table_get(t, 0, j);
		for (r = 1; r < nr; r++)
			if (value_cmp(v0, table_get(t, r, j)) != 0)
				break;
		if (r == nr)
			continue;
		keys[nk++] = j;
		ntext += ty == CT_TEXT;
	}
	if (ntext == 0 || nr < 2)
		return;
	for (cap = 16; cap < nr * 2; cap *= 2)
		continue;
	slot = xcalloc(cap, sizeof(*slot));	/* row + 1, 0 = empty */
	for (r = 0; r < nr; r++) {
		rowkey(t, r, keys, nk, &a, 0);
		for (h = 5381, i = 0; i < a.len; i++)
			h = h * 33 + (unsigned char)a.data[i];
		for (h &= cap - 1; slot[h] != 0; h = (h + 1) & (cap - 1)) {
			rowkey(t, slot[h] - 1, keys, nk, &b, 0);
			if (strcmp(a.data, b.data) == 0)
				break;
		}
		if (slot[h] == 0) {
			slot[h] = r + 1;
			continue;
		}
		if (shown++ >= 5) {
			more++;
			continue;
		}
		buf_reset(&b);
		for (i = 0; i < nk; i++) {
			v = table_get(t, r, keys[i]);
			buf_printf(&b, "%s%s", i ? ", " : "",
			    v->kind == V_TEXT ? v->str : "");
			if (table_coltype(t, keys[i]) == CT_YEAR &&
			    v->kind == V_NUM)
				buf_printf(&b, "%.0f", v->num);
		}
		msg(MSG_WARNING, path, table_rowline(t, r), 0, "duplicate key "
		    "(%s), first on line %zu", b.data,
		    table_rowline(t, slot[h] - 1));
	}
	if (more)
		msg(MSG_WARNING, path, 0, 0, "%zu more duplicate keys", more);
	free(slot);
	buf_free(&a);
	buf_free(&b);
}

static void
validate(const char *path, const struct table *t)
{
	size_t	 keys[16], nk = 0, j;
	long	 nm = table_namecol(t);

	/* Groups: the text columns other than names and notes (Type). */
	for (j = 0; j < table_ncols(t) && nk < 16; j++)
		if ((long)j != nm && table_coltype(t, j) == CT_TEXT &&
		    !is_notes(table_colname(t, j)) &&
		    table_colunit(t, j) == NULL)
			keys[nk++] = j;
	if (nm >= 0)
		check_world(path, t, keys, nk);
	check_shares(path, t, keys, nm >= 0 ? nk : 0);
	check_keys(path, t);
}

/*
 * Reading a whole file takes two passes of libcsv over its text: the
 * first learns the columns (the header, the names in the first rows,
 * the kinds of values in all), the second fills the table.  Records
 * are never all held at once.
 */
struct loadctx {
	const char	*path;
	const struct dsopts *o;
	struct csvrecs	 sample;	/* header and the first records */
	struct colstats	 st;
	size_t		 nrec;
	struct dscol	*cols;
	size_t		 ncols;
	struct table	*t;
	struct buf	 tmp;
};

static int
load_scan(void *arg, const struct csvfield *f, size_t nf, size_t line)
{
	struct loadctx	*lc = arg;

	if (lc->nrec == 0)
		stats_header(&lc->st, f, nf);
	else
		stats_add(&lc->st, f, nf, line);
	if (lc->nrec <= DS_SAMPLE)
		csvrecs_add(&lc->sample, f, nf, line);
	lc->nrec++;
	return 1;
}

static int
load_fill(void *arg, const struct csvfield *f, size_t nf, size_t line)
{
	struct loadctx	*lc = arg;
	size_t		 row, j;

	if (lc->nrec++ == 0)
		return 1;	/* the header */
	row = table_addrow(lc->t, line);
	for (j = 0; j < lc->ncols && j < nf; j++)
		convert(lc->t, row, j, lc->cols[j].ctype, lc->cols[j].isname &&
		    lc->o->clean, &f[j], &lc->tmp);
	return 1;
}

struct table *
csv_load(const char *path, const struct dsopts *o)
{
	struct loadctx	 lc;
	struct buf	 text = { NULL, 0, 0 };
	struct table	*t = NULL;
	size_t		 j;
	const char	*fmt;
	char		*stem;
	long		 namecol = -1;

	memset(&lc, 0, sizeof(lc));
	lc.path = path;
	lc.o = o;
	if (!csv_slurp(path, o, &text))
		goto out;
	if (!csv_each(path, text.data, text.len, o->delim, load_scan, &lc))
		goto out;
	if (lc.nrec == 0) {
		msg(MSG_ERROR, path, 1, 1, "empty file: a CSV dataset needs "
		    "a header row");
		goto out;
	}
	if ((lc.ncols = dscols_from(path, &lc.sample, &lc.st, o,
	    &lc.cols)) == 0) {
		msg(MSG_ERROR, path, lc.sample.line[0], 1, "the header has no "
		    "column names");
		goto out;
	}
	stem = path_stem(path);
	t = table_new(stem);
	free(stem);
	table_setsource(t, path);
	for (j = 0; j < lc.ncols; j++) {
		table_addcol(t, lc.cols[j].name, lc.cols[j].ctype);
		table_col_setunit(t, j, lc.cols[j].unit);
		table_col_setalias(t, j, lc.cols[j].alias);
		if (namecol < 0 && lc.cols[j].isname &&
		    lc.cols[j].ctype == CT_TEXT)
			namecol = (long)j;
	}
	table_setnamecol(t, namecol);
	lc.t = t;
	lc.nrec = 0;
	if (!csv_each(path, text.data, text.len, o->delim, load_fill, &lc)) {
		table_free(t);
		t = NULL;
		goto out;
	}
	for (j = 0; j < lc.ncols; j++)
		if ((fmt = ds_fmt(t, j)) != NULL)
			table_col_setfmt(t, j, fmt);
	bounds_from_notes(t);
	validate(path, t);
out:
	dscols_free(lc.cols, lc.ncols);
	csvrecs_free(&lc.sample);
	stats_free(&lc.st);
	buf_free(&lc.tmp);
	buf_free(&text);
	return t;
}

/*
 * The registry: a table of things made once per run and shared by
 * every briefing and thread (datasets, and the results of shared
 * streaming passes).  The messages made while making a thing are kept
 * and given to every caller, so that each briefing of a batch reports
 * the same warnings whatever the order its threads ran in.
 */
struct dsitem {
	char		*key;
	void		*val;
	void		(*freefn)(void *);
	int		 done;
	struct buf	 log;
	size_t		 count[MSG__MAX];
};

struct dsreg {
	pthread_mutex_t	  lock;
	pthread_cond_t	  cond;
	struct dsitem	**items;
	size_t		  nitems, icap;
	char		**files;
	size_t		  nfiles, fcap;
};

struct dsreg *
dsreg_new(void)
{
	struct dsreg	*r = xcalloc(1, sizeof(*r));

	pthread_mutex_init(&r->lock, NULL);
	pthread_cond_init(&r->cond, NULL);
	return r;
}

void
dsreg_free(struct dsreg *r)
{
	size_t	 i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nitems; i++) {
		if (r->items[i]->freefn != NULL)
			r->items[i]->freefn(r->items[i]->val);
		free(r->items[i]->key);
		buf_free(&r->items[i]->log);
		free(r->items[i]);
	}
	for (i = 0; i < r->nfiles; i++)
		free(r->files[i]);
	free(r->items);
	free(r->files);
	pthread_mutex_destroy(&r->lock);
	pthread_cond_destroy(&r->cond);
	free(r);
}

void
dsreg_addfile(struct dsreg *r, const char *path)
{
	size_t	 i;

	pthread_mutex_lock(&r->lock);
	for (i = 0; i < r->nfiles; i++)
		if (strcmp(r->files[i], path) == 0)
			break;
	if (i == r->nfiles) {
		xgrow(&r->files, &r->fcap, r->nfiles + 1, sizeof(char *));
		r->files[r->nfiles++] = xstrdup(path);
	}
	pthread_mutex_unlock(&r->lock);
}

size_t
dsreg_nfiles(const struct dsreg *r)
{
	return r->nfiles;
}

const char *
dsreg_file(const struct dsreg *r, size_t i)
{
	return i < r->nfiles ? r->files[i] : NULL;
}

/* Give the messages kept with an item to the caller's context. */
static void
replay(const struct dsitem *it)
{
	struct msgctx	 add, *c = msg_current();

	if (it->log.len) {
		if (c->sink != NULL)
			buf_put(c->sink, it->log.data, it->log.len);
		else
			fputs(it->log.data, stderr);
	}
	memset(&add, 0, sizeof(add));
	memcpy(add.count, it->count, sizeof(add.count));
	msg_merge(&add);
}

void *
dsreg_memo(struct dsreg *r, const char *key, void *(*make)(void *),
    void *arg, void (*freefn)(void *))
{
	struct dsitem	*it = NULL;
	struct msgctx	 cap;
	size_t		 i;
	void		*val;

	pthread_mutex_lock(&r->lock);
	for (i = 0; i < r->nitems; i++)
		if (strcmp(r->items[i]->key, key) == 0) {
			it = r->items[i];
			break;
		}
	if (it != NULL) {
		while (!it->done)
			pthread_cond_wait(&r->cond, &r->lock);
		pthread_mutex_unlock(&r->lock);
		replay(it);
		return it->val;
	}
	it = xcalloc(1, sizeof(*it));
	it->key = xstrdup(key);
	it->freefn = freefn;
	xgrow(&r->items, &r->icap, r->nitems + 1, sizeof(*r->items));
	r->items[r->nitems++] = it;
	pthread_mutex_unlock(&r->lock);

	memset(&cap, 0, sizeof(cap));
	cap.sink = &it->log;
	msg_push(&cap);
	val = make(arg);
	msg_pop();
	memcpy(it->count, cap.count, sizeof(it->count));

	pthread_mutex_lock(&r->lock);
	it->val = val;
	it->done = 1;
	pthread_cond_broadcast(&r->cond);
	pthread_mutex_unlock(&r->lock);
	replay(it);
	return val;
}

static void *
load(void *arg)
{
	const struct dsdecl	*d = arg;

	return csv_load(d->path, &d->opts);
}

static void
table_free_v(void *t)
{
	table_free(t);
}

const struct table *
dsreg_get(struct dsreg *r, const struct dsdecl *d)
{
	struct buf	 key = { NULL, 0, 0 };
	const struct table *t;
	size_t		 i;

	/* The key: the path and every option that changes the table. */
	buf_printf(&key, "csv\x1f%s\x1f%s\x1f%d\x1f%d\x1f%zu", d->path,
	    d->opts.encoding ? d->opts.encoding : "utf-8",
	    d->opts.delim ? d->opts.delim : ',', d->opts.clean,
	    d->opts.max_bytes);
	for (i = 0; i < d->opts.ntypes; i++)
		buf_printf(&key, "\x1f%s=%d", d->opts.types[i].name,
		    d->opts.types[i].type);
	dsreg_addfile(r, d->path);
	t = dsreg_memo(r, key.data, load, (void *)d, table_free_v);
	buf_free(&key);
	return t;
}

/*
 * What `briefgen data` prints.
 */
static const char *
kindword(int k, size_t n)
{
	switch (k) {
	case V_NULL:	return "empty";
	case V_NA:	return "NA";
	case V_WITHHELD: return "W";
	case V_NOTAPPL:	return "XX";
	case V_LOWER:	return n == 1 ? "lower bound" : "lower bounds";
	case V_UPPER:	return n == 1 ? "upper bound" : "upper bounds";
	case V_NOTE:	return n == 1 ? "note" : "notes";
	case V_TEXT:	return "text";
	default:	return n == 1 ? "number" : "numbers";
	}
}

/* Pad to a width in characters (UTF-8 aware). */
static void
padded(struct buf *b, const char *s, size_t w)
{
	size_t	 n = utf8_len(s, strlen(s));

	buf_puts(b, s);
	for (; n < w; n++)
		buf_putc(b, ' ');
}

void
data_schema(const struct table *t, struct buf *b)
{
	static const int order[] = { V_NUM, V_TEXT, V_LOWER, V_UPPER, V_NA,
	    V_WITHHELD, V_NOTAPPL, V_NOTE, V_NULL };
	size_t		 j, r, k, wn = 6, wt = 7, wu = 4, cnt[V_NOTE + 1];
	size_t		 est, foot, bound;
	const struct value *v;
	const char	*u, *a;
	int		 first;

	for (j = 0; j < table_ncols(t); j++) {
		a = table_colname(t, j);
		if (utf8_len(a, strlen(a)) > wn)
			wn = utf8_len(a, strlen(a));
		if ((u = table_colunit(t, j)) != NULL &&
		    utf8_len(u, strlen(u)) > wu)
			wu = utf8_len(u, strlen(u));
	}
	buf_printf(b, "%s: %zu rows, %zu columns\n", table_source(t) ?
	    table_source(t) : table_name(t), table_nrows(t), table_ncols(t));
	padded(b, "column", wn + 2);
	padded(b, "type", wt + 2);
	padded(b, "unit", wu + 2);
	buf_puts(b, "values\n");
	for (j = 0; j < table_ncols(t); j++) {
		memset(cnt, 0, sizeof(cnt));
		est = foot = bound = 0;
		for (r = 0; r < table_nrows(t); r++) {
			v = table_get(t, r, j);
			cnt[v->kind <= V_NOTE ? v->kind : V_NOTE]++;
			est += (v->flags & VF_ESTIMATE) != 0;
			foot += (v->flags & VF_FOOTNOTE) != 0;
			bound += (v->flags & VF_BOUND) != 0;
		}
		u = table_colunit(t, j);
		padded(b, table_colname(t, j), wn + 2);
		padded(b, ctype_name(table_coltype(t, j)), wt + 2);
		padded(b, u ? u : "", wu + 2);
		for (first = 1, k = 0; k < sizeof(order) / sizeof(order[0]);
		    k++) {
			if (cnt[order[k]] == 0)
				continue;
			buf_printf(b, "%s%zu %s", first ? "" : ", ",
			    cnt[order[k]], order[k] == V_TEXT &&
			    (long)j == table_namecol(t) ? "names" :
			    kindword(order[k], cnt[order[k]]));
			first = 0;
		}
		if (first)
			buf_puts(b, "no values");
		if (est)
			buf_printf(b, "; %zu estimated", est);
		if (foot)
			buf_printf(b, "; %zu footnote mark%s removed", foot,
			    foot > 1 ? "s" : "");
		if (bound)
			buf_printf(b, "; %zu bound%s from notes", bound,
			    bound > 1 ? "s" : "");
		if ((a = table_colalias(t, j)) != NULL)
			buf_printf(b, "; also '%s'", a);
		buf_putc(b, '\n');
	}
}

void
json_string(struct buf *b, const char *s)
{
	const unsigned char *p;

	buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			buf_puts(b, "\\n");
		else if (*p == '\t')
			buf_puts(b, "\\t");
		else if (*p == '\r')
			buf_puts(b, "\\r");
		else if (*p < 0x20)
			buf_printf(b, "\\u%04x", *p);
		else
			buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

void
json_number(struct buf *b, double x)
{
	if (!isfinite(x))
		buf_puts(b, "null");
	else
		fmt_shortest(b, x);
}

void
data_json(const struct table *t, struct buf *b)
{
	size_t		 r, j;
	const struct value *v;

	buf_putc(b, '[');
	for (r = 0; r < table_nrows(t); r++) {
		buf_puts(b, r ? ",\n{" : "\n{");
		for (j = 0; j < table_ncols(t); j++) {
			if (j)
				buf_putc(b, ',');
			json_string(b, table_colname(t, j));
			buf_putc(b, ':');
			v = table_get(t, r, j);
			if (v->kind == V_NUM)
				json_number(b, v->num);
			else if (v->kind == V_TEXT)
				json_string(b, v->str);
			else
				buf_puts(b, "null");
		}
		buf_putc(b, '}');
	}
	buf_puts(b, table_nrows(t) ? "\n]\n" : "]\n");
}
