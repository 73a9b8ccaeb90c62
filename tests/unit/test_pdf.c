/*
 * test_pdf.c: the PDF writer on documents built in C.  With no
 * arguments it checks the output in memory; with "--write DIR" it
 * writes sample.pdf, sample-zh.pdf and their layout dumps into DIR
 * for tests/cases/pdf*.sh, which check them with poppler and qpdf.
 */
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

static int
write_samples(const char *dir, const struct fontset *fs)
{
	struct doc	*d[2];
	const char	*names[2] = { "sample", "sample-zh" };
	struct buf	 pdf = { NULL, 0, 0 }, lay = { NULL, 0, 0 };
	char		*path;
	int		 i, ok = 1;

	d[0] = sample_doc();
	d[1] = sample_zh();
	for (i = 0; i < 2; i++) {
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

int
main(int argc, char *argv[])
{
	struct fontset	*fs;
	struct doc	*d;
	struct buf	 a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	int		 ok;

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
	buf_free(&a);
	buf_free(&b);
	fontset_free(fs);
	HARNESS_END();
}
