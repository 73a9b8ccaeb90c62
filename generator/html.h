/*
 * html.h: the HTML writer.  One self-contained HTML5 file by default:
 * inline CSS, charts as inline SVG (already rendered into each
 * figure's svg member), no request to anywhere.
 *
 * Who may include this: main.  html.c and html_esc.c include doc.h
 * and base headers only.
 */
#ifndef HTML_H
#define HTML_H

#include "aux.h"
#include "doc.h"

struct html_opts {
	int		 unsafe;	/* keep raw HTML and any link scheme */
	const char	*assets;	/* NULL: inline everything; else the
					   relative folder for shared CSS */
	const char	*css;		/* extra CSS file contents, or NULL */
};

void	 html_opts_defaults(struct html_opts *);

/* Write the document; return 1, or 0 after reporting with msg(). */
int	 html_write(const struct doc *, const struct html_opts *,
	    struct buf *out);

/* Escaping, for every writer that emits HTML or SVG (html_esc.c). */
void	 html_esc_text(struct buf *, const char *, size_t);
void	 html_esc_attr(struct buf *, const char *, size_t);
/* Return 1 if url is safe to link (http, https, mailto, #, relative). */
int	 html_url_safe(const char *url);

#endif /* !HTML_H */
