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
	int		 stream;	/* queries that only aggregate read
					   the file as a stream: 0 when it is
					   large (DS_STREAM_MIN), 1 never,
					   2 always */
};

/* Files from this size are streamed by queries that only aggregate. */
#define DS_STREAM_MIN	((size_t)32 << 20)

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

/*
 * Below: the reading machinery that dataset.c and streaming queries
 * share (docs/data.md).  csv_read.c feeds libcsv; csv_cell.c (data.h)
 * reads cells; dataset.c makes tables.
 */

/* One field of a record, as libcsv gives it (quotes removed). */
struct csvfield {
	const char	*s;	/* NULL: absent (short row, or not asked for) */
	size_t		 len;
};

/* Records held in memory: the fields of record r are
 * f[start[r]] .. f[start[r + 1] - 1]; it starts on line[r]. */
struct csvrecs {
	struct csvfield	*f;
	size_t		 nf, fcap;
	size_t		*start;		/* nrec + 1 entries */
	size_t		*line;
	size_t		 nrec, rcap;
	struct buf	 text;		/* the fields' bytes */
	size_t		*off;		/* offset of each field in text */
};

void	 csvrecs_free(struct csvrecs *);

/*
 * Read a whole file as UTF-8 text without a byte-order mark,
 * converting a declared encoding and refusing input that is not
 * UTF-8.  Return 1, or 0 after reporting at FILE:LINE:COL.
 */
int	 csv_slurp(const char *path, const struct dsopts *, struct buf *);

/*
 * Parse text into records (the header included), skipping blank and
 * all-empty records.  max: stop after this many records (0: all).
 * Return 1, or 0 after reporting a malformed file at FILE:LINE:COL.
 */
int	 csv_parse_text(const char *path, const char *text, size_t len,
	    char delim, size_t max, struct csvrecs *);

/*
 * Like csv_parse_text, but hand each record to fn (its fields are
 * valid during the call) instead of keeping it; fn returns 0 to stop.
 */
int	 csv_each(const char *path, const char *text, size_t len, char delim,
	    int (*fn)(void *, const struct csvfield *, size_t n, size_t line),
	    void *arg);
/* Append a copy of a record. */
void	 csvrecs_add(struct csvrecs *, const struct csvfield *, size_t n,
	    size_t line);

/*
 * Stream a file through a consumer, in blocks, on up to two threads:
 * the file is split at a newline, and if that turns out not to be a
 * record boundary (a newline inside quotes) the first thread goes on
 * alone.  head() sees the header and a sample of the first records
 * (at least the header) and says which fields row() wants (want[i] !=
 * 0; *nwant columns).
 * Each thread gets its own state from tstart(); row() runs on worker
 * threads and must not call msg().  tend() is called in file order;
 * keep is 0 for a state whose rows must be thrown away, and linebase
 * is to be added to the line numbers that thread saw.
 * Return 1, or 0 after reporting.
 */
struct csvscan {
	void	*arg;
	int	(*head)(void *arg, const struct csvrecs *,
		    unsigned char **want, size_t *nwant);
	void	*(*tstart)(void *arg);
	void	(*row)(void *ts, const struct csvfield *, size_t line);
	void	(*tend)(void *arg, void *ts, int keep, size_t linebase);
	int	 threads;	/* 0: two when the file is large enough */
	size_t	 block;		/* bytes per read; 0: 1 MiB */
	size_t	 split_min;	/* split files from this size; 0: 8 MiB */
};

int	 csv_scan(const char *path, const struct dsopts *,
	    const struct csvscan *);

/* A column as the streaming reader describes it. */
struct dscol {
	char		*name;
	char		*alias;		/* or NULL */
	const char	*unit;		/* or NULL */
	int		 type;		/* declared type, or -1 */
	int		 isname;	/* names: read with cell_name() */
	enum ctype	 ctype;		/* declared, or inferred */
};

/* Read one cell as csv_load() does (text into tmp). */
void	 ds_cell(enum ctype, int isname, const char *, size_t,
	    struct value *, struct buf *tmp);
/* The default display format of a column of a table (fmt.h). */
const char *ds_fmt(const struct table *, size_t col);

/*
 * Work out the columns of a file from its header and first records,
 * as csv_load() does: names trimmed and made unique, units, aliases,
 * name columns, types (inferred from the records given).  Trailing columns without a name or any value are
 * dropped.  Return the number of columns; the caller frees with
 * dscols_free().
 */
size_t	 dscols_make(const char *path, const struct csvrecs *,
	    const struct dsopts *, struct dscol **);
void	 dscols_free(struct dscol *, size_t);

/*
 * Make a thing once per registry, under a key: the first caller runs
 * make(arg), the others wait for it.  Messages printed while making it
 * are repeated to every caller.  The registry frees the thing with
 * freefn.  Streaming queries keep their shared passes here.
 */
void	*dsreg_memo(struct dsreg *, const char *key, void *(*make)(void *),
	    void *arg, void (*freefn)(void *));
/* Record a file read other than through dsreg_get(), for --depfile. */
void	 dsreg_addfile(struct dsreg *, const char *path);

/* JSON output helpers shared with `briefgen query`. */
void	 json_string(struct buf *, const char *);
void	 json_number(struct buf *, double);

/* The most records used to decide which columns hold names. */
#define DS_SAMPLE	1000

#endif /* !DATASET_H */
