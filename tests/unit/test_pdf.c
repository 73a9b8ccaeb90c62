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
#include <unistd.h>

#include "aux.h"
#include "chart.h"
#include "doc.h"
#include "font.h"
#include "harness.h"
#include "utf8.h"
#include "pdf.h"
#include "pdf_sample.h"
#include "pdf_ttf.h"

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

/* A figure drawn by the chart module from the sample table. */
static struct node *
real_figure(const struct fontset *fs, const char *type, const char *x,
    const char *y, int num)
{
	struct node	*t = sample_table(0, "t", 8), *n = mk(N_FIGURE);
	struct chart	*c = chart_new();
	char		*alt = NULL;

	chart_set(c, "type", type, "t", 1, 1);
	chart_set(c, "x", x, "t", 1, 1);
	chart_set(c, "y", y, "t", 1, 1);
	n->fig = xcalloc(1, sizeof(*n->fig));
	if (chart_check(c, t->tab->data, "t", 1, 1))
		n->fig->dl = chart_draw(c, t->tab->data, fs, 0, &alt);
	n->fig->caption = xasprintf("A %s chart by the chart module", type);
	n->fig->source = xstrdup("USGS Mineral Commodity Summaries 2024.");
	n->fig->alt = alt;
	n->num = num;
	chart_free(c);
	node_free(t);
	return n;
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
	node_append(d[2]->root, real_figure(fs, "hbar", "country", "production",
	    2));
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

/* The subset draws what was asked for, with the original widths. */
static void
test_subset(const struct fontset *fs)
{
	unsigned char	 set[TTF_CPSET_BYTES];
	struct buf	 b = { NULL, 0, 0 };
	struct fontset	*sub;
	const char	*s = "Hello, w\xc3\xb6rld";
	char		 dir[] = "/tmp/test-pdf-XXXXXX", *p;
	size_t		 i = 0;
	int32_t		 cp;
	int		 same = 1;

	memset(set, 0, sizeof(set));
	while (s[i] != '\0') {
		cp = utf8_next(s, strlen(s), &i);
		set[cp >> 3] |= (unsigned char)(1 << (cp & 7));
	}
	set[0x7A00 >> 3] |= 1 << (0x7A00 & 7);	/* 稀: not in the font */
	CHECK(ttf_subset(fontset_path(fs, FACE_REGULAR), set, &b),
	    "NotoSans-Regular subset to 11 code points (%zu bytes)", b.len);
	CHECK(b.len > 0 && b.len < 8000, "the subset is small");
	if (mkdtemp(dir) == NULL)
		return;
	p = xasprintf("%s/sub.ttf", dir);
	file_write_atomic(p, b.data, b.len);
	free(p);
	p = xasprintf("%s/fonts.conf", dir);
	file_write_atomic(p, "regular sub.ttf\n", 16);
	free(p);
	sub = fontset_load(dir);
	CHECK(sub != NULL, "FreeType loads the subset");
	if (sub != NULL) {
		for (i = 0; s[i] != '\0'; i++)
			if ((unsigned char)s[i] < 0x80 && (!fontset_has(sub,
			    FACE_REGULAR, (unsigned char)s[i]) ||
			    fontset_advance(sub, FACE_REGULAR,
			    (unsigned char)s[i]) != fontset_advance(fs,
			    FACE_REGULAR, (unsigned char)s[i])))
				same = 0;
		CHECK(same && fontset_has(sub, FACE_REGULAR, 0xF6),
		    "it has every glyph asked for, with the same advance");
		CHECK(!fontset_has(sub, FACE_REGULAR, 'Z') &&
		    !fontset_has(sub, FACE_REGULAR, 0x7A00), "and no other");
	}
	fontset_free(sub);
	p = xasprintf("%s/sub.ttf", dir);
	unlink(p);
	free(p);
	p = xasprintf("%s/fonts.conf", dir);
	unlink(p);
	free(p);
	rmdir(dir);
	buf_free(&b);
}

/*
 * Broken fonts are refused, not read out of bounds (the sanitizer
 * build checks): truncated files and scrambled table directories.
 */
static void
test_subset_bad(const struct fontset *fs)
{
	unsigned char	 set[TTF_CPSET_BYTES];
	struct buf	 f = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	char		 path[] = "/tmp/test-pdf-font-XXXXXX";
	size_t		 cut, k, ok = 0, n = 0;
	int		 fd;
	unsigned	 seed = 1;

	memset(set, 0xff, sizeof(set));
	if (!file_read(fontset_path(fs, FACE_REGULAR), &f) ||
	    (fd = mkstemp(path)) < 0)
		return;
	close(fd);
	for (k = 0; k < 40; k++, n++) {
		cut = k < 20 ? f.len * k / 20 : f.len;
		if (k > 20) {	/* scramble a byte of the directory */
			seed = seed * 1103515245 + 12345;
			f.data[12 + (seed >> 8) % (16 * 15)] ^= (char)(seed >> 16);
		}
		file_write_atomic(path, f.data, cut);
		buf_reset(&out);
		if (ttf_subset(path, set, &out)) {
			ok++;
			CHECK(k >= 20, "a font cut at %zu of %zu bytes is refused",
			    cut, f.len);
		}
		if (k == 20)
			CHECK(ok == 1, "the intact font subsets");
	}
	CHECK(n == 40, "39 broken fonts tried without a crash (%zu of the "
	    "scrambled ones still subset)", ok - 1);
	unlink(path);
	buf_free(&f);
	buf_free(&out);
}

/*
 * libharu 2.3.0 failed with HPDF_INVALID_OBJECT on this document: the
 * font program it rebuilt for the footer ("Page 1 of 1") was exactly
 * 16384 bytes, and it seeks past the end when 'prep' is missing.
 */
static void
test_4096(const struct fontset *fs)
{
	struct doc	*d = doc_new("x.md");
	struct buf	 b = { NULL, 0, 0 };

	d->meta.lang = xstrdup("zh");
	node_append(d->root, W(N_PARAGRAPH, T("\xe4\xb8\x80"), NULL));
	CHECK(build(d, fs, &b, NULL), "a one-page Chinese note is written");
	doc_free(d);
	buf_free(&b);
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
	test_subset(fs);
	test_subset_bad(fs);
	test_4096(fs);
	d = sample_doc();
	CHECK(build(d, fs, &a, NULL), "the sample briefing is written");
	CHECK(a.len > 1000 && memcmp(a.data, "%PDF-1.", 7) == 0,
	    "output starts with a PDF header (%zu bytes)", a.len);
	CHECK(a.len < 150 * 1024, "under 150 KB (%zu bytes)", a.len);
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
