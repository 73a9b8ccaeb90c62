/*
 * dataset.h: reading CSV files into tables, and the registry that
 * loads each dataset once and shares it between the briefings of a
 * run (and between threads).
 *
 * Who may include this: the data layer, queries, the template stage
 * and main.  csv_read.c is the only file that includes <csv.h>.
 */
#ifndef DATASET_H
#define DATASET_H

#include <stddef.h>

#include "data.h"

/* A declared column type, from front matter: types: {Year: year}. */
struct colspec {
	char		*name;
	enum ctype	 type;
};

/* How to read one CSV file. */
struct dsopts {
	const char	*encoding;	/* "utf-8" (default), "latin1", "cp1252" */
	char		 delim;		/* field separator, ',' by default */
	struct colspec	*types;		/* declared column types */
	size_t		 ntypes;
	int		 clean;		/* strip footnote digits and estimate
					   markers from names (default on) */
	size_t		 max_bytes;	/* refuse larger files; 0: default */
};

void	 dsopts_defaults(struct dsopts *);

/*
 * Load a CSV file into a typed table.  Problems are reported with
 * msg() as FILE:LINE:COL; return NULL on error.  The caller frees the
 * table with table_free().
 */
struct table *csv_load(const char *path, const struct dsopts *);

/* A dataset as a template declares it. */
struct dsdecl {
	char		*name;		/* the name queries use */
	char		*path;		/* resolved path of the CSV file */
	struct dsopts	 opts;
	const char	*file;		/* where it was declared */
	size_t		 line, col;
};

void	 dsdecl_free(struct dsdecl *);	/* frees members, not the struct */

/*
 * The registry owns every table it loads.  dsreg_get() loads a file
 * on first use and returns the same table afterwards; it is safe to
 * call from several threads.  Files are keyed by path and options.
 * Every file read is recorded, for --depfile.
 */
struct dsreg;

struct dsreg		*dsreg_new(void);
const struct table	*dsreg_get(struct dsreg *, const struct dsdecl *);
/* Files read so far, in the order first read. */
size_t			 dsreg_nfiles(const struct dsreg *);
const char		*dsreg_file(const struct dsreg *, size_t);
void			 dsreg_free(struct dsreg *);

/*
 * What `briefgen data` prints: the inferred schema (one line per
 * column: name, type, unit, counts of each kind of value), or the rows
 * as a JSON array of objects keyed by the header (text as strings,
 * numbers as numbers, every missing kind as null).
 */
void	 data_schema(const struct table *, struct buf *);
void	 data_json(const struct table *, struct buf *);

#endif /* !DATASET_H */
