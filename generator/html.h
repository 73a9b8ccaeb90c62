/*
 * html.h: the HTML writer.  One self-contained HTML5 file by default:
 * inline CSS, charts as inline SVG (already rendered into each
 * figure's svg member), no request to anywhere.  A folder of
 * briefings also gets an index page and an Atom feed (html_site).
 *
 * Who may include this: main.  The html*.c files include doc.h, fmt.h
 * and base headers only, and share html_int.h among themselves.
 */
#ifndef HTML_H
#define HTML_H

#include <time.h>

#include "aux.h"
#include "doc.h"

struct html_opts {
	int		 unsafe;	/* keep raw HTML and any link scheme */
	const char	*assets;	/* NULL: inline everything; else the
					   relative folder for shared CSS */
	const char	*css;		/* extra CSS file contents, or NULL */
	time_t		 now;		/* "today" (SOURCE_DATE_EPOCH), for
					   feed entries without a date */
	const char	*site_title;	/* index and feed title, or NULL */
	const char	*site_id;	/* tag: authority for Atom ids, or
					   NULL for "briefgen" */
};

void	 html_opts_defaults(struct html_opts *);

/* Write the document; return 1, or 0 after reporting with msg(). */
int	 html_write(const struct doc *, const struct html_opts *,
	    struct buf *out);

/* The shared style sheet, for opts->assets/HTML_CSS_FILE. */
#define HTML_CSS_FILE	"briefgen.css"
void	 html_css_write(const struct html_opts *, struct buf *out);

/* Escaping, for every writer that emits HTML or SVG (html_esc.c). */
void	 html_esc_text(struct buf *, const char *, size_t);
void	 html_esc_attr(struct buf *, const char *, size_t);
/* Return 1 if url is safe to link (http, https, mailto, #, relative). */
int	 html_url_safe(const char *url);

/*
 * One briefing as the index page and the feed show it: what html_site
 * needs of a document after the document itself is freed.
 */
struct html_entry {
	char	*name;		/* base name: the page is NAME.html */
	char	*title;
	char	*date;		/* YYYY-MM-DD, or NULL */
	char	*summary;	/* or NULL */
	char	*edition;	/* or NULL */
	char	*author;	/* or NULL */
	char	*organisation;	/* or NULL */
	char	*lang;		/* or NULL */
};

/* Fill e from a document (copies); html_entry_free frees the copies. */
void	 html_entry_set(struct html_entry *, const struct doc *);
void	 html_entry_free(struct html_entry *);

/*
 * Read back the entry of a page that html_write wrote, from the
 * <head> of path.  Return 1, or 0 if the file cannot be read or is
 * not a briefgen page (nothing reported: the caller decides).
 */
int	 html_entry_read(const char *path, struct html_entry *);

/* The index page and the Atom feed of entries (sorted here). */
void	 html_index(struct html_entry *, size_t n, const struct html_opts *,
	    struct buf *out);
void	 html_feed(struct html_entry *, size_t n, const struct html_opts *,
	    struct buf *out);

#define HTML_INDEX_FILE	"index.html"
#define HTML_FEED_FILE	"feed.atom"

/*
 * Write dir/index.html and dir/feed.atom listing the briefings in
 * dir: the n entries just built and every other page in dir that
 * html_write made.  Nothing is written while the folder holds fewer
 * than two briefings.  Return 1, or 0 after reporting with msg().
 */
int	 html_site(const char *dir, const struct html_entry *, size_t n,
	    const struct html_opts *);

#endif /* !HTML_H */
