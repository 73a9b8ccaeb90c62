/*
 * data.h: typed tables, the currency of the data layer.
 *
 * Who may include this: the data layer (csv_read, table, dataset),
 * analytics and queries (calc_*, query*), the template stage
 * (tmpl_*), charts (chart*) and the writers' table code; it includes
 * only base headers.  A table is an opaque handle: readers go through
 * the accessors, builders through table_new/table_addcol/table_addrow.
 *
 * A cell is a struct value.  Numbers are doubles; text lives in the
 * table's arena.  Missing values keep their kind, so that a table can
 * print 'W' and a total can say that it excludes withheld data.
 */
#ifndef DATA_H
#define DATA_H

#include <stddef.h>
#include <stdint.h>

#include "aux.h"

enum vkind {
	V_NULL = 0,	/* empty cell: missing */
	V_NUM,		/* a number, in num */
	V_TEXT,		/* text, in str */
	V_NA,		/* "NA": not available */
	V_WITHHELD,	/* "W": withheld (company confidentiality) */
	V_NOTAPPL,	/* "XX": not applicable */
	V_LOWER,	/* ">N": at least num */
	V_UPPER,	/* "<N": less than num */
	V_NOTE		/* other words in a numeric column, in str */
};

/* True for kinds that carry a usable number in num. */
#define V_HASNUM(k)	((k) == V_NUM)
/* True for kinds that stand for a missing number of some sort. */
#define V_ISMISSING(k)	((k) != V_NUM && (k) != V_TEXT)

/* Flags on a value. */
#define VF_ESTIMATE	0x01	/* an estimate marker ("e") was removed */
#define VF_FOOTNOTE	0x02	/* footnote digits were removed */
#define VF_BOUND	0x04	/* a lower bound was found in a notes column */

struct value {
	double		 num;	/* V_NUM, V_LOWER, V_UPPER */
	const char	*str;	/* V_TEXT: the text; others: the cell as
				   written (for display), or NULL */
	unsigned char	 kind;	/* enum vkind */
	unsigned char	 flags;	/* VF_* */
};

enum ctype {
	CT_TEXT = 0,
	CT_INT,		/* whole numbers */
	CT_DEC,		/* decimal numbers */
	CT_YEAR,	/* a four-digit year (stored as a number) */
	CT_DATE,	/* ISO 8601 date, stored as text YYYY-MM-DD and as
			   days since 1970-01-01 in num */
	CT__MAX
};

const char	*ctype_name(enum ctype);
/* Parse "text", "integer", "decimal", "year", "date"; -1 if unknown. */
int		 ctype_parse(const char *);

struct table;

/* Building. */
struct table	*table_new(const char *name);
size_t		 table_addcol(struct table *, const char *name, enum ctype);
size_t		 table_addrow(struct table *, size_t line);
/* Set a cell; text is copied into the table's arena. */
void		 table_set(struct table *, size_t row, size_t col,
		    const struct value *);
void		 table_setnum(struct table *, size_t row, size_t col, double);
void		 table_settext(struct table *, size_t row, size_t col,
		    const char *);
void		 table_col_settype(struct table *, size_t col, enum ctype);
void		 table_col_setunit(struct table *, size_t col, const char *);
/* Default display format for a column (see fmt.h), e.g. ".1%". */
void		 table_col_setfmt(struct table *, size_t col, const char *);
void		 table_setsource(struct table *, const char *file);
/* Copy a string into the table's arena. */
const char	*table_intern(struct table *, const char *);
struct arena	*table_arena(struct table *);
void		 table_free(struct table *);

/* Reading. */
const char	*table_name(const struct table *);
const char	*table_source(const struct table *);	/* file it came from */
size_t		 table_nrows(const struct table *);
size_t		 table_ncols(const struct table *);
const char	*table_colname(const struct table *, size_t col);
enum ctype	 table_coltype(const struct table *, size_t col);
const char	*table_colunit(const struct table *, size_t col); /* or NULL */
const char	*table_colfmt(const struct table *, size_t col);  /* or NULL */
/* Column index by name (exact, then case-insensitive); -1 if none. */
long		 table_colfind(const struct table *, const char *name);
const struct value *table_get(const struct table *, size_t row, size_t col);
size_t		 table_rowline(const struct table *, size_t row);
/* Bytes of memory the table holds (for limits and benchmarks). */
size_t		 table_memsize(const struct table *);

/*
 * Additions for the data layer and analytics (issue 3).
 */

/* Column metadata: the header without its unit and estimate tokens
 * ("Prod_t_est_2023" -> "Prod_2023"), which queries may use as the
 * column's name; NULL when it is the name itself. */
void		 table_col_setalias(struct table *, size_t col, const char *);
const char	*table_colalias(const struct table *, size_t col);

/*
 * The name column: the column of country (or partner) names, if the
 * reader found one, else -1.  Ranking analytics skip its total and
 * 'other' rows (see enum rowclass).
 */
void		 table_setnamecol(struct table *, long col);
long		 table_namecol(const struct table *);

/*
 * Notes: sentences that say how the figures were made ("Shares are of
 * the World total as published."), for the writers to print under a
 * table or chart.  table_addnote() appends one (a repeat is ignored);
 * table_note() gives them all joined by spaces, or NULL if none.
 */
void		 table_addnote(struct table *, const char *);
const char	*table_note(const struct table *);
/* Copy the notes of one table to another. */
void		 table_copynotes(struct table *, const struct table *);

/* Classes of rows, from the name column: a country or partner, a
 * published total ("World total (rounded)"), or a rest ("Other
 * countries"). */
enum rowclass {
	RC_ITEM = 0,
	RC_TOTAL,
	RC_OTHER
};

enum rowclass	 table_rowclass(const struct table *, size_t row);

/*
 * Reading cells (csv_cell.c): the rules in docs/data.md.
 *
 * cell_number() reads a number, a bound or a code as the sources write
 * them ("1,234", "e20,000", ">2,000,000", "−84", "NA", "W", "XX",
 * "Less than ½ unit."); it sets v->kind, v->num and v->flags (not
 * v->str) and returns 1, or returns 0 if the text is something else.
 * *dec is set when the number was written with a decimal point or an
 * exponent, *lead0 when it has a leading zero (a code such as "0305").
 */
int		 cell_number(const char *s, size_t len, struct value *v,
		    int *dec, int *lead0);
/* Append s without surrounding blanks (spaces, tabs, no-break spaces),
 * with inner no-break spaces turned into spaces. */
void		 cell_trim(const char *s, size_t len, struct buf *out);
/* Like cell_trim, and strip footnote digits and estimate markers
 * glued to a name ("Japane", "New Caledonia11"); return VF_* flags. */
unsigned	 cell_name(const char *s, size_t len, struct buf *out);
/* Is s a name in the reference list (datasets/briefgen/names.csv),
 * possibly followed by a qualifier ("Brazil (beneficiated)")? */
int		 name_known(const char *s, size_t len);
enum rowclass	 name_class(const char *s);
/* Number of names in the reference list, and each (for tests). */
size_t		 name_count(void);
const char	*name_at(size_t, const char **iso3, const char **kind);

/*
 * The unit written in a column name, as printed ("Reserves_kt" ->
 * "kt", "NIR_pct" -> "%", "value_usd" -> "USD"), or NULL; and the
 * alias (see table_col_setalias) written into alias, "" if none.
 */
const char	*colname_unit(const char *name, struct buf *alias);
/* Factor to convert from unit a to unit b (1000 from kt to t), or 0
 * if they do not convert. */
double		 unit_factor(const char *a, const char *b);

/* A table with the columns of another (names, types, units, formats,
 * aliases, name column, notes, source), and no rows. */
struct table	*table_newlike(const struct table *, const char *name);
/* Add a column like column col of another table; return its index. */
size_t		 table_addcolfrom(struct table *, const struct table *,
		    size_t col, const char *name);
/* Append a copy of row r of src (same columns); return the new row. */
size_t		 table_copyrow(struct table *, const struct table *src,
		    size_t r);

/* Compare two values for sorting: numbers before missing kinds,
 * numbers by value, text by bytes. */
int		 value_cmp(const struct value *, const struct value *);

/*
 * How a column's values combine into one row for several (the Other
 * row of "top N with other", docs/queries.md): added up (quantities,
 * counts, shares of one total), kept where every row has the same
 * value (ratios, changes, averages, prices, years, text), or left
 * empty (ranks, concentration).  CS_AUTO, the default, is CS_ADD for
 * numbers, but CS_SAME for years, dates, text, and units that are
 * percentages or rates ("%", "$/t"); table_colsum() resolves it.
 */
enum colsum {
	CS_AUTO = 0,
	CS_ADD,
	CS_SAME,
	CS_NONE
};

void		 table_col_setsum(struct table *, size_t col, enum colsum);
enum colsum	 table_colsum(const struct table *, size_t col);

#endif /* !DATA_H */
