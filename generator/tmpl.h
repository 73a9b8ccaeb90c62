/*
 * tmpl.h: the template stage.  A template is CommonMark with front
 * matter, directive blocks (```chart, ```table) and inline values
 * {{ query }}.  tmpl_parse.c reads the file and the front matter and
 * converts cmark's tree into ours (the only file that includes
 * <cmark.h>); tmpl_expand.c runs the queries, draws the charts and
 * builds the tables, and numbers figures, tables, headings and
 * sources.
 *
 * Who may include this: main.
 */
#ifndef TMPL_H
#define TMPL_H

#include <stddef.h>
#include <time.h>

#include "dataset.h"
#include "doc.h"
#include "font.h"
#include "query.h"

struct tmpl_opts {
	const struct param	*params;	/* -D name=value */
	size_t			 nparams;
	struct dsreg		*reg;		/* shared dataset registry */
	const struct fontset	*fonts;		/* to measure chart text */
	int			 unsafe;	/* keep raw HTML, any links */
	const char	       **roots;		/* folders files may be read
						   from; NULL: the template's
						   project folder */
	size_t			 nroots;
	time_t			 now;		/* "today" (SOURCE_DATE_EPOCH) */
	size_t			 max_bytes;	/* template size limit */
	const char		*themes;	/* folder of built-in themes
						   (NAME.yaml), or NULL */
};

void		 tmpl_opts_defaults(struct tmpl_opts *);

/*
 * Read, parse and expand a template.  Return the document, or NULL
 * after reporting every problem found with msg().
 */
struct doc	*tmpl_build(const char *path, const struct tmpl_opts *);

#endif /* !TMPL_H */
