/*
 * doc.h: the expanded document, what the template stage hands to the
 * writers.  It is our own tree, not cmark's: cmark parses the
 * Markdown (tmpl_parse.c is the only file that includes <cmark.h>),
 * then the template stage converts it into this tree, expands
 * directives into figures and data tables, and inline {{ }} values
 * into text.  The layout engine (PDF) and the HTML writer both walk
 * this tree, so both outputs show the same content and numbering.
 *
 * Who may include this: the template stage, layout, the writers,
 * tree (dumps) and main.  Includes base headers and data.h.
 *
 * Ownership: struct doc owns everything below it (doc_free).
 */
#ifndef DOC_H
#define DOC_H

#include <stddef.h>

#include "data.h"
#include "fmt.h"

struct dl;	/* display list of a chart (dl.h) */

enum ntype {
	/* Blocks. */
	N_DOCUMENT = 0,
	N_HEADING,	/* level; number ("2.1") and id */
	N_PARAGRAPH,
	N_LIST,		/* ordered, start, tight */
	N_ITEM,
	N_QUOTE,
	N_CALLOUT,	/* a boxed aside: kind in info ("key-findings",
			   "note", "warning"), heading in title */
	N_CODEBLOCK,	/* text, info */
	N_HRULE,
	N_HTMLBLOCK,	/* raw HTML: dropped unless --unsafe */
	N_FIGURE,	/* a chart: fig */
	N_TABLE,	/* a data table: tab */
	N_TOC,		/* where the table of contents goes */
	N_SOURCES,	/* where the numbered sources list goes */
	/* Inlines. */
	N_TEXT,		/* text */
	N_CODE,		/* text */
	N_EMPH,
	N_STRONG,
	N_LINK,		/* url, title; internal links start with '#' */
	N_IMAGE,	/* url, title; children are the alt text */
	N_SOFTBREAK,
	N_LINEBREAK,
	N_HTMLINLINE,	/* raw HTML: dropped unless --unsafe */
	N_VALUE,	/* a computed value; text is the formatted value */
	N_CITE,		/* a source reference [@id]: num, id */
	N_XREF,		/* @fig:id and the like: id, text ("Figure 3") */
	N_SUP,		/* superscript */
	N__MAX
};

/* One numbered source (the Sources section). */
struct source {
	char	*id;		/* key used in [@id] */
	char	*text;		/* the reference as printed */
	char	*url;		/* or NULL */
	int	 num;		/* 1-based, in order of first citation */
};

/* A chart, once drawn. */
struct figure {
	struct dl	*dl;		/* the drawing; owned */
	char		*caption;	/* title shown under "Figure N" */
	char		*source;	/* "Source: ..." note, or NULL */
	char		*alt;		/* alt text derived from the data */
	char		*desc;		/* longer description, or NULL */
	char		*svg;		/* filled in before HTML writing */
	struct table	*data;		/* the data drawn; owned, or NULL */
};

/* Column alignment in a data table. */
enum talign { TA_LEFT = 0, TA_RIGHT, TA_CENTER, TA_DECIMAL };

/* A data table, once computed. */
struct tab {
	struct table	*data;		/* owned */
	char		*caption;
	char		*source;	/* source note or NULL */
	char	       **heads;		/* column headings, one per column */
	struct numfmt	*fmts;		/* one per column */
	enum talign	*align;		/* one per column */
	size_t		 ncols;
	char		*note;		/* e.g. "W: withheld ..." or NULL */
};

struct node {
	enum ntype	 type;
	struct node	*parent, *first, *last, *prev, *next;
	size_t		 line, col;	/* where it came from in the template */
	char		*text;
	char		*url;
	char		*title;
	char		*info;
	char		*id;		/* anchor: headings, figures, tables */
	char		*number;	/* "2.1" for headings; NULL if unnumbered */
	int		 level;		/* heading level 1-6 */
	int		 ordered;	/* N_LIST */
	int		 start;		/* N_LIST */
	int		 tight;		/* N_LIST */
	int		 num;		/* figure, table or source number */
	struct figure	*fig;		/* N_FIGURE; owned */
	struct tab	*tab;		/* N_TABLE; owned */
	const char	*file;		/* the partial it came from (an entry of
					   the doc's deps); NULL: the template */
};

/* Front matter, after expansion of {{ }} values. */
struct meta {
	char	*title;
	char	*subtitle;
	char	*date;		/* ISO 8601 YYYY-MM-DD */
	char	*author;
	char	*organisation;
	char	*edition;	/* e.g. "Week 30, 2025" */
	char	*lang;		/* BCP 47: "en", "zh" */
	char	*summary;	/* one paragraph, for the index page and feed */
	char	*keywords;
	char	*subject;
};

/*
 * A presentation setting from the front matter (style:) or a theme
 * file, such as "page-size: A4" or "justify: true".  The template
 * stage only collects them; the writer that knows a key interprets
 * it and reports an unknown key or a bad value at file:line:col.
 */
struct docopt {
	char	*key;
	char	*value;
	char	*file;
	size_t	 line, col;
};

struct doc {
	char		*path;		/* the template */
	char		*name;		/* output base name */
	struct meta	 meta;
	struct node	*root;		/* N_DOCUMENT */
	struct source	*sources;	/* cited sources, by number */
	size_t		 nsources;
	int		 nfigures;
	int		 ntables;
	struct docopt	*opts;		/* style settings, in order given */
	size_t		 nopts;
	char	       **deps;		/* every file read (depfile) */
	size_t		 ndeps;
};

struct node	*node_new(enum ntype, size_t line, size_t col);
void		 node_append(struct node *parent, struct node *child);
void		 node_insert_before(struct node *sibling, struct node *n);
void		 node_unlink(struct node *);
void		 node_free(struct node *);	/* and its subtree */
const char	*ntype_name(enum ntype);
/* Concatenate the text of a subtree (for titles, anchors, alt text). */
char		*node_plaintext(const struct node *);

struct doc	*doc_new(const char *path);
void		 doc_adddep(struct doc *, const char *file);
void		 doc_free(struct doc *);
void		 figure_free(struct figure *);
void		 tab_free(struct tab *);

#endif /* !DOC_H */
