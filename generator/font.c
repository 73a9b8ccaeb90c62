/*
 * font.c: the font set.  Loads the TrueType files named in
 * fonts.conf with FreeType and precomputes, per face, which code
 * points it draws and their advance widths.  After loading, every
 * query is a table look-up, so a fontset can be shared read-only by
 * several threads.
 *
 * This is the only file that includes FreeType.
 */
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H

#include <errno.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "font.h"
#include "msg.h"
#include "utf8.h"

#define NPAGES		(0x110000 / 256)
#define NOGLYPH		INT16_MIN

static const char *const facenames[FACE__MAX] = {
	"regular", "bold", "italic", "bolditalic", "mono", "cjk", "symbol"
};

struct fface {
	char		*path;
	FT_Face		 ft;
	int16_t		*page[NPAGES];	/* advance per code point, or NOGLYPH */
	int		 ascent, descent, capheight;	/* 1/1000 em */
	int		 missing_adv;	/* advance of .notdef */
};

struct fontset {
	FT_Library	 lib;
	struct fface	 face[FACE__MAX];
	atomic_size_t	 nmissing;
};

const char *
face_name(enum face f)
{
	return f < FACE__MAX ? facenames[f] : "?";
}

static int
scale(const struct fface *f, long v)
{
	/* libharu: width = advance * 1000 / units_per_em, truncated. */
	return (int)(v * 1000 / (long)f->ft->units_per_EM);
}

/* Record every code point of the face's Unicode cmap with its width. */
static void
fill_pages(struct fface *f)
{
	FT_ULong	 cp;
	FT_UInt		 gid;
	FT_Fixed	 adv;
	int16_t		*pg;
	size_t		 i;

	cp = FT_Get_First_Char(f->ft, &gid);
	while (gid != 0) {
		if (cp < 0x110000 &&
		    FT_Get_Advance(f->ft, gid, FT_LOAD_NO_SCALE, &adv) == 0) {
			if ((pg = f->page[cp >> 8]) == NULL) {
				pg = f->page[cp >> 8] =
				    xmalloc(256 * sizeof(int16_t));
				for (i = 0; i < 256; i++)
					pg[i] = NOGLYPH;
			}
			pg[cp & 0xFF] = (int16_t)scale(f, (long)adv);
		}
		cp = FT_Get_Next_Char(f->ft, cp, &gid);
	}
	if (FT_Get_Advance(f->ft, 0, FT_LOAD_NO_SCALE, &adv) == 0)
		f->missing_adv = scale(f, (long)adv);
}

static void
fill_metrics(struct fface *f)
{
	TT_OS2	*os2;

	f->ascent = scale(f, f->ft->ascender);
	f->descent = scale(f, f->ft->descender);
	f->capheight = f->ascent * 7 / 10;
	os2 = FT_Get_Sfnt_Table(f->ft, FT_SFNT_OS2);
	if (os2 != NULL && os2->version >= 2 && os2->sCapHeight > 0)
		f->capheight = scale(f, os2->sCapHeight);
}

static int
load_face(struct fontset *fs, enum face which, const char *path,
    const char *conf, size_t line)
{
	struct fface	*f = &fs->face[which];
	FT_Error	 e;

	if (f->ft != NULL) {
		msg(MSG_ERROR, conf, line, 1, "face '%s' given twice",
		    facenames[which]);
		return 0;
	}
	f->path = xstrdup(path);
	if ((e = FT_New_Face(fs->lib, path, 0, &f->ft)) != 0) {
		f->ft = NULL;
		msg(MSG_ERROR, conf, line, 1, "cannot load font %s: %s", path,
		    e == FT_Err_Cannot_Open_Resource ? strerror(ENOENT) :
		    "not a font file FreeType can read");
		return 0;
	}
	if (!FT_IS_SFNT(f->ft) || f->ft->units_per_EM == 0 ||
	    FT_Select_Charmap(f->ft, FT_ENCODING_UNICODE) != 0) {
		msg(MSG_ERROR, conf, line, 1, "%s: not a TrueType font with "
		    "a Unicode character map", path);
		return 0;
	}
	fill_pages(f);
	fill_metrics(f);
	return 1;
}

/* Parse one "face file" line of fonts.conf. */
static int
conf_line(struct fontset *fs, const char *dir, char *s, const char *conf,
    size_t line)
{
	char	*name, *file, *path, *save = NULL;
	int	 i, ok;

	if ((name = strtok_r(s, " \t\r", &save)) == NULL || name[0] == '#')
		return 1;
	if ((file = strtok_r(NULL, " \t\r", &save)) == NULL) {
		msg(MSG_ERROR, conf, line, 1, "expected a face name and a "
		    "font file");
		return 0;
	}
	for (i = 0; i < FACE__MAX; i++)
		if (strcmp(name, facenames[i]) == 0)
			break;
	if (i == FACE__MAX) {
		msg(MSG_ERROR, conf, line, 1, "unknown face '%s' (regular, "
		    "bold, italic, bolditalic, mono, cjk, symbol)", name);
		return 0;
	}
	path = path_join(dir, file);
	ok = load_face(fs, (enum face)i, path, conf, line);
	free(path);
	return ok;
}

struct fontset *
fontset_load(const char *dir)
{
	struct fontset	*fs;
	struct buf	 b = { NULL, 0, 0 };
	char		*conf, *s, *nl;
	size_t		 line = 0;
	int		 ok = 1;

	fs = xcalloc(1, sizeof(*fs));
	conf = path_join(dir, "fonts.conf");
	if (FT_Init_FreeType(&fs->lib) != 0) {
		msg(MSG_SYSERR, NULL, 0, 0, "cannot start FreeType");
		ok = 0;
		goto out;
	}
	if (!file_read(conf, &b)) {
		msg(MSG_SYSERR, conf, 0, 0, "cannot read font list: %s "
		    "(use --fonts DIR)", strerror(errno));
		ok = 0;
		goto out;
	}
	for (s = b.data; s != NULL && *s != '\0'; s = nl) {
		if ((nl = strchr(s, '\n')) != NULL)
			*nl++ = '\0';
		if (!conf_line(fs, dir, s, conf, ++line))
			ok = 0;
	}
	if (ok && fs->face[FACE_REGULAR].ft == NULL) {
		msg(MSG_ERROR, conf, 0, 0, "no regular face");
		ok = 0;
	}
out:
	buf_free(&b);
	free(conf);
	if (!ok) {
		fontset_free(fs);
		return NULL;
	}
	return fs;
}

void
fontset_free(struct fontset *fs)
{
	size_t	 i, p;

	if (fs == NULL)
		return;
	for (i = 0; i < FACE__MAX; i++) {
		for (p = 0; p < NPAGES; p++)
			free(fs->face[i].page[p]);
		if (fs->face[i].ft != NULL)
			FT_Done_Face(fs->face[i].ft);
		free(fs->face[i].path);
	}
	if (fs->lib != NULL)
		FT_Done_FreeType(fs->lib);
	free(fs);
}

/* A face that is not configured stands in for regular. */
static const struct fface *
getface(const struct fontset *fs, enum face f)
{
	if (f >= FACE__MAX || fs->face[f].ft == NULL) {
		if ((f == FACE_BOLDITALIC) && fs->face[FACE_BOLD].ft != NULL)
			return &fs->face[FACE_BOLD];
		return &fs->face[FACE_REGULAR];
	}
	return &fs->face[f];
}

const char *
fontset_path(const struct fontset *fs, enum face f)
{
	return getface(fs, f)->path;
}

static int
advance(const struct fface *f, uint32_t cp)
{
	const int16_t	*pg;

	if (cp >= 0x110000 || (pg = f->page[cp >> 8]) == NULL)
		return NOGLYPH;
	return pg[cp & 0xFF];
}

int
fontset_has(const struct fontset *fs, enum face f, uint32_t cp)
{
	return fs->face[f < FACE__MAX ? f : 0].ft != NULL &&
	    advance(&fs->face[f], cp) != NOGLYPH;
}

enum face
fontset_pick(const struct fontset *fs, enum face want, uint32_t cp)
{
	enum face	 f;

	f = (enum face)(getface(fs, want) - fs->face);
	if (advance(&fs->face[f], cp) != NOGLYPH)
		return f;
	/* Control characters and the like draw as nothing in any face. */
	if (cp < 0x20)
		return f;
	if (fontset_has(fs, FACE_CJK, cp))
		return FACE_CJK;
	if (fontset_has(fs, FACE_SYMBOL, cp))
		return FACE_SYMBOL;
	if (f != FACE_REGULAR && fontset_has(fs, FACE_REGULAR, cp))
		return FACE_REGULAR;
	return f;
}

int
fontset_advance(const struct fontset *fs, enum face f, uint32_t cp)
{
	const struct fface *ff = getface(fs, f);
	int		 a;

	if ((a = advance(ff, cp)) == NOGLYPH)
		return ff->missing_adv;
	return a;
}

size_t
fontset_runs(const struct fontset *fs, enum face want, const char *s,
    size_t len, struct frun **runs)
{
	struct frun	*r = NULL;
	size_t		 n = 0, cap = 0, i = 0, at;
	int32_t		 cp;
	enum face	 f;
	int		 fake;

	while (i < len) {
		at = i;
		if ((cp = utf8_next(s, len, &i)) < 0)
			cp = 0xFFFD;
		f = fontset_pick(fs, want, (uint32_t)cp);
		if (!fontset_has(fs, f, (uint32_t)cp) && cp >= 0x20)
			atomic_fetch_add((atomic_size_t *)&fs->nmissing, 1);
		fake = f == FACE_CJK &&
		    (want == FACE_BOLD || want == FACE_BOLDITALIC);
		if (n > 0 && r[n - 1].face == f && r[n - 1].fakebold == fake) {
			r[n - 1].len = i - r[n - 1].off;
			continue;
		}
		xgrow(&r, &cap, n + 1, sizeof(*r));
		r[n].off = at;
		r[n].len = i - at;
		r[n].face = f;
		r[n].fakebold = fake;
		n++;
	}
	*runs = r;
	return n;
}

double
fontset_width(const struct fontset *fs, enum face want, double size,
    const char *s, size_t len)
{
	size_t	 i = 0;
	int32_t	 cp;
	long	 w = 0;

	while (i < len) {
		if ((cp = utf8_next(s, len, &i)) < 0)
			cp = 0xFFFD;
		w += fontset_advance(fs, fontset_pick(fs, want, (uint32_t)cp),
		    (uint32_t)cp);
	}
	return (double)w * size / 1000.0;
}

int
fontset_ascent(const struct fontset *fs, enum face f)
{
	return getface(fs, f)->ascent;
}

int
fontset_descent(const struct fontset *fs, enum face f)
{
	return getface(fs, f)->descent;
}

int
fontset_capheight(const struct fontset *fs, enum face f)
{
	return getface(fs, f)->capheight;
}

void *
fontset_ftface(const struct fontset *fs, enum face f)
{
	return getface(fs, f)->ft;
}

size_t
fontset_nmissing(const struct fontset *fs)
{
	return atomic_load((atomic_size_t *)&fs->nmissing);
}
