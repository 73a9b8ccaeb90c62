/*
 * test_pdf.c: the PDF writer on documents built in C.  With no
 * arguments it checks the output in memory; with "--write DIR" it
 * writes sample.pdf, sample-zh.pdf and their layout dumps into DIR
 * for tests/cases/pdf*.sh, which check them with poppler and qpdf;
 * "--compare WANT.png GOT.png" compares two page renders.
 */
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "doc.h"
#include "font.h"
#include "harness.h"
#include "pdf.h"
#include "pdf_sample.h"

static int
build(struct doc *d, const struct fontset *fs, struct buf *pdf,
    struct buf *lay)
{
	struct pdf_opts	 po;

	pdf_opts_defaults(&po);
	po.date = 1753401600;	/* 2025-07-25T00:00:00Z */
	return pdf_write(d, fs, &po, pdf) &&
	    (lay == NULL || pdf_layout_dump(d, fs, &po, lay));
}

/* A small picture for the image block, drawn with Cairo. */
static int
write_png(const char *path)
{
	cairo_surface_t	*s;
	cairo_t		*cr;
	int		 ok;

	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 240, 90);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.93, 0.95, 0.97);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 0.11, 0.44, 0.65);
	cairo_rectangle(cr, 20, 20, 200, 50);
	cairo_fill(cr);
	cairo_destroy(cr);
	ok = cairo_surface_write_to_png(s, path) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	return ok;
}

static int
write_samples(const char *dir, const struct fontset *fs)
{
	struct doc	*d[3];
	const char	*names[3] = { "sample", "sample-zh", "blocks" };
	struct buf	 pdf = { NULL, 0, 0 }, lay = { NULL, 0, 0 };
	char		*path;
	int		 i, ok = 1;

	path = xasprintf("%s/pic.png", dir);
	ok = write_png(path);
	free(path);
	path = xasprintf("%s/blocks.md", dir);
	d[0] = sample_doc();
	d[1] = sample_zh();
	d[2] = sample_blocks(path);
	free(path);
	for (i = 0; i < 3; i++) {
		if (!build(d[i], fs, &pdf, &lay))
			ok = 0;
		path = xasprintf("%s/%s.pdf", dir, names[i]);
		ok = ok && file_write_atomic(path, pdf.data, pdf.len);
		free(path);
		path = xasprintf("%s/%s.layout", dir, names[i]);
		ok = ok && file_write_atomic(path, lay.data, lay.len);
		free(path);
		buf_reset(&pdf);
		buf_reset(&lay);
		doc_free(d[i]);
	}
	buf_free(&pdf);
	buf_free(&lay);
	return ok;
}

/*
 * Compare two grey page renders: the same size, a mean difference
 * under 1/255 and at most 0.2% of pixels off by more than a quarter.
 * A blank or missing image fails, so the comparison cannot pass by
 * comparing nothing.  Return the exit status.
 */
static int
compare(const char *want, const char *got)
{
	cairo_surface_t	*a, *b;
	unsigned char	*pa, *pb;
	int		 w, h, x, y, sa, sb, d, ga, gb, rc = 1;
	double		 sum = 0, ink = 0, far = 0, n;

	a = cairo_image_surface_create_from_png(want);
	b = cairo_image_surface_create_from_png(got);
	if (cairo_surface_status(a) || cairo_surface_status(b)) {
		printf("cannot read %s or %s\n", want, got);
		goto out;
	}
	w = cairo_image_surface_get_width(a);
	h = cairo_image_surface_get_height(a);
	if (w != cairo_image_surface_get_width(b) ||
	    h != cairo_image_surface_get_height(b) || w * h == 0) {
		printf("sizes differ: %dx%d and %dx%d\n", w, h,
		    cairo_image_surface_get_width(b),
		    cairo_image_surface_get_height(b));
		goto out;
	}
	cairo_surface_flush(a);
	cairo_surface_flush(b);
	pa = cairo_image_surface_get_data(a);
	pb = cairo_image_surface_get_data(b);
	sa = cairo_image_surface_get_stride(a);
	sb = cairo_image_surface_get_stride(b);
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			/* Green channel of RGB24/ARGB32: grey enough. */
			ga = pa[y * sa + 4 * x + 1];
			gb = pb[y * sb + 4 * x + 1];
			d = ga > gb ? ga - gb : gb - ga;
			sum += d;
			far += d > 64;
			ink += ga < 128;
		}
	n = (double)w * h;
	printf("mean difference %.3f, %.3f%% of pixels far off, ink %.2f%%\n",
	    sum / n, 100 * far / n, 100 * ink / n);
	if (ink / n < 0.005)
		printf("the reference is blank\n");
	else if (sum / n <= 1.0 && far / n <= 0.002)
		rc = 0;
out:
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct fontset	*fs;
	struct doc	*d;
	struct buf	 a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	int		 ok;

	if (argc == 4 && strcmp(argv[1], "--compare") == 0)
		return compare(argv[2], argv[3]);
	if ((fs = fontset_load("fonts")) == NULL)
		return 1;
	if (argc == 3 && strcmp(argv[1], "--write") == 0) {
		ok = write_samples(argv[2], fs);
		fontset_free(fs);
		return ok ? 0 : 1;
	}
	d = sample_doc();
	CHECK(build(d, fs, &a, NULL), "the sample briefing is written");
	CHECK(a.len > 1000 && memcmp(a.data, "%PDF-1.", 7) == 0,
	    "output starts with a PDF header (%zu bytes)", a.len);
	CHECK(a.len < 500 * 1024, "under 500 KB (%zu bytes)", a.len);
	CHECK(build(d, fs, &b, NULL), "written a second time");
	CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0,
	    "both runs give the same bytes");
	CHECK(strstr(a.data, "/Lang (en)") != NULL ||
	    memmem(a.data, a.len, "/Lang", 5) != NULL, "the language is set");
	CHECK(memmem(a.data, a.len, "D:20250725000000Z", 17) != NULL,
	    "the creation date comes from the options");
	doc_free(d);
	d = sample_doc();
	opt(d, "page-size", "Letter");
	buf_reset(&a);
	CHECK(build(d, fs, &a, NULL) && memmem(a.data, a.len, "612 792", 7),
	    "page-size: Letter gives 612 x 792 pt pages");
	doc_free(d);
	buf_free(&a);
	buf_free(&b);
	fontset_free(fs);
	HARNESS_END();
}
