/*
 * html_int.h: what the files of the HTML writer share among
 * themselves (html.c, html_esc.c, html_svg.c, html_index.c,
 * html_css.c).  Nothing outside html*.c includes it; main sees
 * html.h only.
 */
#ifndef HTML_INT_H
#define HTML_INT_H

#include <stddef.h>

#include "aux.h"
#include "doc.h"

struct html_opts;

/* Escaping beyond html.h (html_esc.c). */

/*
 * Append url for an href: unsafe bytes percent-encoded, the rest
 * attribute-escaped.  Nothing is checked here; call html_url_safe()
 * first.
 */
void	 html_esc_url(struct buf *, const char *url);

/*
 * Append s mapped to a valid id token: ASCII letters, digits, '-'
 * and '_' are kept, every other code point becomes "_" and its hex
 * number, and a leading character that is not a letter gets an "x"
 * in front.  The same mapping is applied to ids and to the fragments
 * that point at them, so links keep working.
 */
void	 html_esc_id(struct buf *, const char *s);

/* Append s as a class name: [a-z0-9-] only, others dropped. */
void	 html_esc_class(struct buf *, const char *s);

/*
 * Append the text of a <style> element: the CSS as is, except that
 * "</" becomes "<\/" so the text cannot close the element.
 */
void	 html_esc_css(struct buf *, const char *css, size_t len);

/*
 * Decode the character references &amp; &lt; &gt; &quot; &apos; and
 * numeric ones (XML's set) in s[0..len), appending UTF-8 to out.
 * Unknown references stay as written.
 */
void	 html_unesc(struct buf *out, const char *s, size_t len);

/*
 * Inline SVG (html_svg.c).  Copy the SVG document svg into out as an
 * <svg> element for an HTML page, keeping only an allow-list of
 * elements and attributes (no script, no event handlers, no
 * foreignObject, no links or url() leaving the drawing), turning
 * style="" declarations into presentation attributes, and making
 * every id start with idprefix.  label (may be NULL) becomes the
 * accessible name (role="img" aria-label).
 * Return 1, or 0 if svg is not well-formed (out then holds a part).
 */
struct html_svgshare;
int	 html_svg_inline(struct buf *out, const char *svg, size_t len,
	    const char *idprefix, const char *label, struct html_svgshare *);
/*
 * Glyphs shared by the charts of a page: pass the same one to every
 * html_svg_inline() of the page (or NULL not to share).
 */
struct html_svgshare *html_svgshare_new(void);
void	 html_svgshare_free(struct html_svgshare *);

/* The built-in style sheet (html_css.c, made from templates/html/). */
extern const char	 html_css[];
extern const size_t	 html_css_len;

/* Words of the page chrome, per language (html_words.c). */
struct html_words {
	const char	*lang;		/* "en", "zh" */
	const char	*skip;		/* skip link */
	const char	*contents;	/* the table of contents */
	const char	*sources;
	const char	*source;	/* "Source: " */
	const char	*figure;	/* "Figure" */
	const char	*table;
	const char	*numsep;	/* between "Figure" and 3 */
	const char	*data;		/* "Data" (of a chart) */
	const char	*anchor;	/* "Link to this section" */
	const char	*briefings;	/* index page title */
	const char	*feed;		/* "Atom feed" */
	const char	*months[12];
	int		 ymd;		/* date as 2025年7月25日 */
};

const struct html_words	*html_words(const char *lang);
/* lang if it is a well-formed language tag, else "en". */
const char	*html_lang(const char *lang);
/* Append an ISO date as words ("25 July 2025"); 0 if not YYYY-MM-DD. */
int	 html_date(struct buf *, const char *iso, const struct html_words *);
/* Return 1 if s is an ISO 8601 calendar date YYYY-MM-DD. */
int	 html_isodate(const char *s);

/* An id-bearing node and the id it has on the page. */
struct html_id {
	const struct node	*node;
	const char		*orig;	/* as in the tree */
	char			*id;	/* unique, valid */
	size_t			 order;	/* in the document */
};

/* The writer's state for one page (html.c, html_fig.c). */
struct html {
	const struct doc	*doc;
	const struct html_opts	*opts;
	const struct html_words	*words;
	struct buf		*out;
	struct html_id		*ids;	/* in document order */
	size_t			 nids;
	struct html_id	       **bynode;	/* sorted by node */
	struct html_id	       **byorig;	/* sorted by orig, order */
	char		       **srcids;	/* "src-N", owned */
	char		       **used;	/* hash set of ids on the page */
	size_t			 usedcap;
	size_t			 nused;
	int			 minlevel;	/* of body headings */
	int			 hbase;		/* h level of minlevel */
	int			 lasth;		/* h level of the last heading */
	int			 sections[8];	/* open section levels */
	int			 nsections;
	int			 inlink;	/* inside <a> */
	int			 has_toc;	/* an N_TOC marker exists */
	int			 has_sources;	/* an N_SOURCES marker */
	struct html_svgshare	*glyphs;	/* shared by the page's charts */
	int			 ok;
};

/* The page id of a node, or NULL if it has none. */
const char	*html_node_id(const struct html *, const struct node *);
/* The page id for an id of the tree (a link target), or NULL. */
const char	*html_ref_id(const struct html *, const char *orig);
/* Append text escaped, with no space at the end of a line. */
void		 html_text(struct html *, const char *, size_t);
void		 html_inlines(struct html *, const struct node *);
/* Figures, tables and the sources list (html_fig.c). */
void		 html_figure(struct html *, const struct node *);
void		 html_table(struct html *, const struct node *);
void		 html_sources(struct html *, const char *heading);

#endif /* !HTML_INT_H */
