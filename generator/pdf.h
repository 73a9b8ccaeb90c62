/*
 * pdf.h: the PDF path.  layout.c breaks the document into lines and
 * pages (measuring through font.h); pdf_hpdf.c writes the pages with
 * libharu and is the only file that includes <hpdf.h>.
 *
 * Who may include this: main, and the PDF path itself (layout*.c,
 * pdf_hpdf.c).
 */
#ifndef PDF_H
#define PDF_H

#include <time.h>

#include "aux.h"
#include "doc.h"
#include "font.h"

struct pdf_opts {
	double		 page_w, page_h;	/* points; A4 by default */
	double		 margin_top, margin_bottom;
	double		 margin_left, margin_right;
	double		 body_size;		/* body text, points */
	int		 justify;		/* justified, not ragged right */
	int		 hyphenate;		/* 1, 0, or -1: if the language
						   has patterns */
	int		 cover;			/* cover page */
	int		 toc;			/* table of contents */
	int		 number_headings;
	time_t		 date;			/* creation date for metadata */
};

void	 pdf_opts_defaults(struct pdf_opts *);

/*
 * Lay out and write the document as PDF into out.  Return 1, or 0
 * after reporting the problem with msg().
 */
int	 pdf_write(const struct doc *, const struct fontset *,
	    const struct pdf_opts *, struct buf *out);

/* Lay out only and dump the pages and boxes (golden tests). */
int	 pdf_layout_dump(const struct doc *, const struct fontset *,
	    const struct pdf_opts *, struct buf *out);

#endif /* !PDF_H */
