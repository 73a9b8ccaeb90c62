/*
 * tmpl_int.h: internals of the template stage, shared by its files.
 *
 *	tmpl.c		the build: paths allowed, reading files, the order
 *			of the steps below
 *	tmpl_parse.c	the file's bytes, front matter, cmark, and cmark's
 *			tree into ours (<cmark.h>)
 *	tmpl_scan.c	markers ({{ }}, [@id], @fig:id) into placeholders
 *			and values back in
 *	tmpl_front.c	front matter: meta, datasets, params, sources,
 *			style and theme
 *	tmpl_expand.c	queries, values, table and chart directives
 *	tmpl_number.c	callouts, heading ids and numbers, figure and
 *			table numbers, citations, cross-references
 *
 * Who may include this: tmpl*.c only.
 *
 * Why placeholders: cmark's inline source positions are not reliable
 * and data must never be parsed as Markdown.  So before cmark sees a
 * file, every marker is cut out of the source, remembered with its
 * exact line and column, and replaced by a placeholder made of
 * Unicode noncharacters (U+FDD0..U+FDEF, which the standard sets
 * aside for a program's internal use and which a template may not
 * contain).  A placeholder that lands in text becomes a node; one
 * that lands in code, raw HTML or a directive body turns back into
 * the text as written.
 */
#ifndef TMPL_INT_H
#define TMPL_INT_H

#include <stddef.h>

#include "chart.h"
#include "dataset.h"
#include "doc.h"
#include "kv.h"
#include "query.h"
#include "tmpl.h"

/* Limits (docs/templates.md names each). */
#define TMPL_MAX_BYTES		(256 * 1024)	/* one template file */
#define TMPL_MAX_TOTAL		(1024 * 1024)	/* all files of a briefing */
#define TMPL_MAX_DEPTH		8		/* includes within includes */
#define TMPL_MAX_INCLUDES	64		/* include blocks in all */
#define TMPL_MAX_MARKS		10000		/* values, citations, xrefs */
#define TMPL_MAX_QUERY		4096		/* bytes inside one {{ }} */
#define TMPL_MAX_NEST		48		/* nesting of blocks/inlines */
#define TMPL_MAX_DIRECTIVES	500		/* charts, tables, ... */
#define TMPL_MAX_ROWS		2000		/* rows of one data table */
#define TMPL_MAX_THEME		(64 * 1024)	/* a theme file */

/* The placeholder: U+FDD0, then four hex digits as U+FDE0..U+FDEF. */
#define PH_LEN			15

enum mkind {
	MK_VALUE,	/* {{ query }} */
	MK_CITE,	/* [@id] */
	MK_XREF,	/* @fig:id, @tbl:id, @sec:id */
	MK_OPEN		/* "{{" with no "}}" on its line */
};

struct mark {
	enum mkind	 kind;
	char		*src;		/* as written, for code and errors */
	char		*arg;		/* query text, source id, "fig:id" */
	const char	*file;		/* borrowed from the doc */
	size_t		 line, col;	/* of the marker */
	size_t		 aline, acol;	/* of arg */
	struct query	*q;		/* MK_VALUE, unless a bare $param */
	char		*value;		/* MK_VALUE once computed */
	struct node	*node;		/* the node it became, if any */
	int		 instr;		/* in a string: meta, option, source */
	int		 used;
};

enum dkind { D_CHART, D_TABLE, D_TOC, D_SOURCES, D_INCLUDE, D__MAX };

/* A directive block waiting to be expanded. */
struct directive {
	enum dkind	 kind;
	struct node	*node;		/* N_FIGURE, N_TABLE, N_TOC, ... */
	const char	*file;
	size_t		 line, col;	/* the opening fence */
	struct kv	*opts;		/* the body */
	struct query	*q;		/* data: */
	struct chart	*chart;		/* D_CHART */
	struct chopt {
		const struct kv	*k;
		char		*val;	/* with placeholders */
	}		*chopts;	/* chart options waiting for values */
	size_t		 nchopts;
	char		*caption;	/* strings with placeholders */
	char		*source;
	char		*note;
	struct colsel	*cols;		/* D_TABLE columns: */
	size_t		 ncols;
};

/* One column of a table directive. */
struct colsel {
	char		*name;		/* column of the query's result */
	char		*title;		/* heading, with placeholders */
	struct numfmt	 fmt;
	int		 hasfmt;
	int		 align;		/* enum talign, or -1: from type */
	size_t		 line, col;
};

/* A source from the front matter. */
struct srcdecl {
	char		*id;
	char		*text;		/* with placeholders */
	char		*url;
	size_t		 line, col;
	int		 num;		/* 0 until cited */
};

/* An include being read, for cycles and the depth limit. */
struct incl {
	const char	*real;		/* resolved path */
	const char	*shown;		/* path as the user sees it */
};

/* The state of one build. */
struct tmpl {
	const struct tmpl_opts *opts;
	struct doc	*doc;
	char	       **roots;		/* folders files may come from */
	size_t		 nroots;
	size_t		 total;		/* bytes of template read so far */
	struct incl	 stack[TMPL_MAX_DEPTH + 1];
	size_t		 depth;		/* files on the stack */
	size_t		 nest;		/* block nesting around an include */
	size_t		 nincludes;
	struct mark	*marks;
	size_t		 nmarks, marks_cap;
	int		 marks_full;
	struct directive *dirs;
	size_t		 ndirs, dirs_cap;
	struct kv	*front;		/* the front matter */
	struct dsdecl	*decls;
	size_t		 ndecls;
	struct srcdecl	*srcs;
	size_t		 nsrcs;
	char		*cwd;		/* resolved current directory */
	struct param	*params;	/* front matter defaults, then -D */
	size_t		 nparams;
	int		 numbering;	/* heading levels to number */
	const char	*lang;		/* borrowed from doc->meta.lang */
	int		 broken;	/* don't run queries */
};

/* tmpl.c */
size_t		 tmpl_nerrors(void);
const char	*tmpl_intern(struct tmpl *, const char *path);
char		*tmpl_resolve(struct tmpl *, const char *from, const char *rel,
		    const char *file, size_t line, size_t col,
		    const char *what, char **real);
char		*tmpl_resolve_main(struct tmpl *, const char *path);
int		 tmpl_read(struct tmpl *, const char *real, const char *shown,
		    size_t max, struct buf *out, const char *file,
		    size_t line, size_t col);
char		*tmpl_subst_params(struct tmpl *, const char *s,
		    const char *file, size_t line, size_t col);
const char	*tmpl_param(const struct tmpl *, const char *name);
int		 tmpl_is_zh(const struct tmpl *);

/* tmpl_parse.c */
int		 tmpl_split_front(const char *text, size_t len,
		    size_t *fm_off, size_t *fm_len, size_t *body_off,
		    const char *file);
int		 tmpl_parse_file(struct tmpl *, const char *shown,
		    const char *real, struct node *into, int front);

/* tmpl_scan.c */
void		 tmpl_scan_markdown(struct tmpl *, const char *s, size_t len,
		    const char *file, size_t line, struct buf *out);
int		 ph_reserved(const char *s, size_t len);
void		 ph_encode(struct buf *, size_t idx);
size_t		 ph_decode(const char *s, size_t len, size_t *idx);
char		*tmpl_scan_str(struct tmpl *, const char *s, const char *file,
		    size_t line, size_t col);
char		*tmpl_fill_str(struct tmpl *, const char *s);
char		*tmpl_restore(struct tmpl *, const char *s);
struct mark	*tmpl_addmark(struct tmpl *, enum mkind, const char *file,
		    size_t line, size_t col);

/* tmpl_front.c */
int		 tmpl_front(struct tmpl *, const char *fm, size_t len,
		    size_t line);
void		 tmpl_fill_meta(struct tmpl *);

/* tmpl_expand.c */
struct directive *tmpl_adddir(struct tmpl *, enum dkind, struct node *,
		    const char *file, size_t line, size_t col);
int		 tmpl_expand(struct tmpl *);

/* tmpl_number.c */
int		 tmpl_finish(struct tmpl *);
char		*tmpl_slug(const char *text);

#endif /* !TMPL_INT_H */
