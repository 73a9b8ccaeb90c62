/*
 * pdf_ttf.c: subset a TrueType font to the glyphs a document draws.
 * Reads the tables of the font file, keeps glyph 0 and the glyph of
 * each code point asked for (in code point order, so the output
 * depends on nothing but the input), and writes head, hhea, maxp,
 * OS/2, name, post (format 3), cmap (format 4), hmtx, loca, glyf and
 * a 'prep' table of one no-op instruction.  Composite glyphs are not
 * handled: fonts/prepare.py decomposes them for libharu's sake, and a
 * font that has them is embedded whole instead.
 */
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "pdf_ttf.h"

#define MAX_TABLES	64

struct ttf {
	const unsigned char	*d;
	size_t			 len;
	const unsigned char	*tab[10];	/* the tables we read */
	uint32_t		 tlen[10];
	unsigned		 nglyphs, nhmetrics;
	int			 longloca;
};

enum { T_HEAD, T_HHEA, T_MAXP, T_HMTX, T_LOCA, T_GLYF, T_CMAP, T_NAME,
	T_OS2, T_POST };
static const char *const tags[10] = { "head", "hhea", "maxp", "hmtx",
	"loca", "glyf", "cmap", "name", "OS/2", "post" };

static unsigned
u16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
put16(struct buf *b, unsigned v)
{
	buf_putc(b, (int)(v >> 8 & 0xff));
	buf_putc(b, (int)(v & 0xff));
}

static void
put32(struct buf *b, uint32_t v)
{
	put16(b, v >> 16);
	put16(b, v & 0xffff);
}

static void
set16(struct buf *b, size_t at, unsigned v)
{
	b->data[at] = (char)(v >> 8 & 0xff);
	b->data[at + 1] = (char)(v & 0xff);
}

static int
ttf_open(struct ttf *t, const unsigned char *d, size_t len)
{
	unsigned	 n, i, k;
	uint32_t	 off, tl, base = 0;

	memset(t, 0, sizeof(*t));
	t->d = d;
	t->len = len;
	/* A collection (.ttc): its first font, as FreeType reads it. */
	if (len >= 16 && u32(d) == 0x74746366)
		base = u32(d + 12);
	if (base > len || len - base < 12 || (u32(d + base) != 0x00010000 &&
	    u32(d + base) != 0x74727565))
		return 0;
	d += base;
	if ((n = u16(d + 4)) > MAX_TABLES || base + 12 + 16 * (size_t)n > len)
		return 0;
	for (i = 0; i < n; i++) {
		off = u32(d + 12 + 16 * i + 8);
		tl = u32(d + 12 + 16 * i + 12);
		if (off > len || tl > len - off)
			return 0;
		for (k = 0; k < 10; k++)
			if (memcmp(d + 12 + 16 * i, tags[k], 4) == 0) {
				t->tab[k] = t->d + off;
				t->tlen[k] = tl;
			}
	}
	for (k = 0; k < 10; k++)
		if (t->tab[k] == NULL)
			return 0;
	if (t->tlen[T_HEAD] < 54 || t->tlen[T_HHEA] < 36 ||
	    t->tlen[T_MAXP] < 6 || t->tlen[T_POST] < 32)
		return 0;
	t->nglyphs = u16(t->tab[T_MAXP] + 4);
	t->nhmetrics = u16(t->tab[T_HHEA] + 34);
	t->longloca = u16(t->tab[T_HEAD] + 50) == 1;
	if (t->nglyphs == 0 || t->nhmetrics == 0 ||
	    t->nhmetrics > t->nglyphs ||
	    t->tlen[T_HMTX] < 4 * t->nhmetrics + 2 * (t->nglyphs -
	    t->nhmetrics) ||
	    t->tlen[T_LOCA] < (t->longloca ? 4 : 2) * (t->nglyphs + 1))
		return 0;
	return 1;
}

/* The glyph of cp in a format 4 subtable at p (len bytes), or 0. */
static unsigned
cmap4(const unsigned char *p, size_t len, unsigned cp)
{
	unsigned	 segx2, i, start, end, delta, ro, g;
	size_t		 at;

	if (len < 14 || (segx2 = u16(p + 6)) == 0 || 16 + 4 * (size_t)segx2 >
	    len)
		return 0;
	for (i = 0; i < segx2; i += 2) {
		end = u16(p + 14 + i);
		if (cp > end)
			continue;
		start = u16(p + 16 + segx2 + i);
		if (cp < start)
			return 0;
		delta = u16(p + 16 + 2 * segx2 + i);
		ro = u16(p + 16 + 3 * segx2 + i);
		if (ro == 0)
			return (cp + delta) & 0xffff;
		at = 16 + 3 * (size_t)segx2 + i + ro + 2 * (size_t)(cp - start);
		if (at + 2 > len || (g = u16(p + at)) == 0)
			return 0;
		return (g + delta) & 0xffff;
	}
	return 0;
}

/* The glyph of cp in a format 12 subtable, or 0. */
static unsigned
cmap12(const unsigned char *p, size_t len, unsigned cp)
{
	uint32_t	 n, i, s, e;

	if (len < 16 || (n = u32(p + 12)) > (len - 16) / 12)
		return 0;
	for (i = 0; i < n; i++) {
		s = u32(p + 16 + 12 * i);
		e = u32(p + 20 + 12 * i);
		if (cp >= s && cp <= e)
			return (unsigned)(u32(p + 24 + 12 * i) + cp - s);
	}
	return 0;
}

/* The best Unicode subtable: (3,10) format 12, else (3,1)/(0,*) 4. */
static const unsigned char *
cmap_pick(const struct ttf *t, size_t *len, unsigned *fmt)
{
	const unsigned char	*c = t->tab[T_CMAP], *best = NULL, *s;
	unsigned		 n, i, pid, eid, f;
	uint32_t		 off;

	if (t->tlen[T_CMAP] < 4)
		return NULL;
	n = u16(c + 2);
	for (i = 0; i < n && 4 + 8 * (size_t)(i + 1) <= t->tlen[T_CMAP]; i++) {
		pid = u16(c + 4 + 8 * i);
		eid = u16(c + 6 + 8 * i);
		off = u32(c + 8 + 8 * i);
		if (off + 8 > t->tlen[T_CMAP])
			continue;
		s = c + off;
		f = u16(s);
		if (f == 12 && pid == 3 && eid == 10) {
			*len = t->tlen[T_CMAP] - off;
			*fmt = 12;
			return s;
		}
		if (f == 4 && (pid == 0 || (pid == 3 && eid == 1)) &&
		    best == NULL) {
			best = s;
			*len = t->tlen[T_CMAP] - off;
			*fmt = 4;
		}
	}
	return best;
}

static unsigned
glyph_of(const unsigned char *cm, size_t len, unsigned fmt, unsigned cp)
{
	return fmt == 12 ? cmap12(cm, len, cp) : cmap4(cm, len, cp);
}

static uint32_t
loca(const struct ttf *t, unsigned g)
{
	const unsigned char *l = t->tab[T_LOCA];

	return t->longloca ? u32(l + 4 * g) : 2 * (uint32_t)u16(l + 2 * g);
}

/* A format 4 cmap of the (code point, new glyph) pairs, sorted. */
static int
make_cmap(struct buf *b, const unsigned *cp, const unsigned *gid, size_t n)
{
	size_t		 nseg = 1, i, s;
	unsigned	 x2, sr = 2, es = 0;

	for (i = 1; i < n; i++)
		if (cp[i] != cp[i - 1] + 1)
			nseg++;
	nseg += n > 0 ? 1 : 0;	/* the closing 0xFFFF segment */
	if (16 + 8 * nseg + 2 * n + 12 > 0xffff)
		return 0;
	x2 = (unsigned)(2 * nseg);
	while (sr * 2 <= x2)
		sr *= 2, es++;
	put16(b, 0);		/* cmap version, one subtable (3, 1) */
	put16(b, 1);
	put16(b, 3);
	put16(b, 1);
	put32(b, 12);
	put16(b, 4);
	put16(b, (unsigned)(16 + 8 * nseg + 2 * n));
	put16(b, 0);
	put16(b, x2);
	put16(b, sr);
	put16(b, es);
	put16(b, x2 - sr);
	for (i = 0; i < n; i++)		/* endCode */
		if (i + 1 == n || cp[i + 1] != cp[i] + 1)
			put16(b, cp[i]);
	put16(b, 0xffff);
	put16(b, 0);
	for (i = 0; i < n; i++)		/* startCode */
		if (i == 0 || cp[i] != cp[i - 1] + 1)
			put16(b, cp[i]);
	put16(b, 0xffff);
	for (s = 0; s + 1 < nseg; s++)	/* idDelta */
		put16(b, 0);
	put16(b, 1);
	/* idRangeOffset: from each entry to its first glyph id. */
	for (i = 0, s = 0; i < n; i++)
		if (i == 0 || cp[i] != cp[i - 1] + 1) {
			put16(b, (unsigned)(2 * (nseg - s) + 2 * i));
			s++;
		}
	put16(b, 0);
	for (i = 0; i < n; i++)
		put16(b, gid[i]);
	return 1;
}

static uint32_t
checksum(const char *p, size_t len)
{
	uint32_t	 s = 0;
	size_t		 i;

	for (i = 0; i < len; i++)
		s += (uint32_t)(unsigned char)p[i] << (24 - 8 * (i % 4));
	return s;
}

struct otab {
	char		 tag[5];
	struct buf	 b;
};

/* Assemble the font from its tables, sorted by tag. */
static void
assemble(struct buf *out, struct otab *t, size_t n)
{
	size_t		 i, j, off;
	unsigned	 sr = 1, es = 0;
	struct otab	 tmp;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && memcmp(t[j - 1].tag, t[j].tag, 4) > 0;
		    j--) {
			tmp = t[j];
			t[j] = t[j - 1];
			t[j - 1] = tmp;
		}
	while (sr * 2 <= n)
		sr *= 2, es++;
	put32(out, 0x00010000);
	put16(out, (unsigned)n);
	put16(out, sr * 16);
	put16(out, es);
	put16(out, (unsigned)(n * 16 - sr * 16));
	off = 12 + 16 * n;
	for (i = 0; i < n; i++) {
		buf_put(out, t[i].tag, 4);
		put32(out, checksum(t[i].b.data, t[i].b.len));
		put32(out, (uint32_t)off);
		put32(out, (uint32_t)t[i].b.len);
		off += (t[i].b.len + 3) & ~(size_t)3;
	}
	for (i = 0; i < n; i++) {
		buf_put(out, t[i].b.data, t[i].b.len);
		while (out->len % 4 != 0)
			buf_putc(out, 0);
	}
}

/* Glyph outlines, loca and hmtx of the kept glyphs old[0..n). */
static int
glyphs(const struct ttf *t, const unsigned *old, size_t n, struct buf *glyf,
    struct buf *lo, struct buf *hm)
{
	const unsigned char	*h = t->tab[T_HMTX];
	uint32_t		 a, z;
	size_t			 i;
	unsigned		 g, adv, lsb;

	for (i = 0; i < n; i++) {
		g = old[i];
		a = loca(t, g);
		z = loca(t, g + 1);
		if (z < a || z > t->tlen[T_GLYF])
			return 0;
		/* A negative contour count marks a composite glyph. */
		if (z - a >= 10 && (t->tab[T_GLYF][a] & 0x80))
			return 0;
		put32(lo, (uint32_t)glyf->len);
		buf_put(glyf, t->tab[T_GLYF] + a, z - a);
		while (glyf->len % 4 != 0)
			buf_putc(glyf, 0);
		if (g < t->nhmetrics) {
			adv = u16(h + 4 * g);
			lsb = u16(h + 4 * g + 2);
		} else {
			adv = u16(h + 4 * (t->nhmetrics - 1));
			lsb = u16(h + 4 * t->nhmetrics + 2 * (g - t->nhmetrics));
		}
		put16(hm, adv);
		put16(hm, lsb);
	}
	put32(lo, (uint32_t)glyf->len);
	return 1;
}

static struct buf *
table(struct otab *t, size_t *n, const char *tag)
{
	memcpy(t[*n].tag, tag, 5);
	memset(&t[*n].b, 0, sizeof(t[*n].b));
	return &t[(*n)++].b;
}

/* Copy the head, hhea, maxp, OS/2, name and post tables, adjusted. */
static void
fixed_tables(const struct ttf *t, struct otab *ot, size_t *n, size_t ng)
{
	struct buf	*b;

	b = table(ot, n, "head");
	buf_put(b, t->tab[T_HEAD], 54);
	memset(b->data + 8, 0, 4);	/* checkSumAdjustment: libharu's */
	set16(b, 50, 1);		/* long loca */
	b = table(ot, n, "hhea");
	buf_put(b, t->tab[T_HHEA], 36);
	set16(b, 34, (unsigned)ng);
	b = table(ot, n, "maxp");
	buf_put(b, t->tab[T_MAXP], t->tlen[T_MAXP] >= 32 ? 32 : 6);
	set16(b, 4, (unsigned)ng);
	b = table(ot, n, "OS/2");
	buf_put(b, t->tab[T_OS2], t->tlen[T_OS2]);
	b = table(ot, n, "name");
	buf_put(b, t->tab[T_NAME], t->tlen[T_NAME]);
	b = table(ot, n, "post");
	buf_put(b, t->tab[T_POST], 32);
	set16(b, 0, 3);			/* format 3: no glyph names */
	set16(b, 2, 0);
	memset(b->data + 16, 0, 16);
	b = table(ot, n, "prep");
	/* PUSHB[0] 0, POP: does nothing, but is there (see pdf_ttf.h). */
	buf_put(b, "\xb0\x00\x21", 3);
}

int
ttf_subset(const char *path, const unsigned char *cps, struct buf *out)
{
	struct buf		 file = { NULL, 0, 0 };
	struct ttf		 t;
	struct otab		 ot[12];
	const unsigned char	*cm;
	unsigned		*cp = NULL, *gid = NULL, *old = NULL, *newid = NULL;
	unsigned		 c, g, fmt = 0;
	size_t			 n = 0, nold = 1, i, cmlen = 0, nt = 0;
	int			 ok = 0;

	memset(ot, 0, sizeof(ot));
	if (!file_read(path, &file) ||
	    !ttf_open(&t, (const unsigned char *)file.data, file.len) ||
	    (cm = cmap_pick(&t, &cmlen, &fmt)) == NULL)
		goto out;
	cp = xcalloc(0x10000, sizeof(unsigned));
	gid = xcalloc(0x10000, sizeof(unsigned));
	old = xcalloc(t.nglyphs + 1, sizeof(unsigned));
	newid = xcalloc(t.nglyphs, sizeof(unsigned));
	old[0] = 0;	/* .notdef stays glyph 0 */
	/* U+FFFF is not a character, and ends the cmap's last segment. */
	for (c = 0; c < 0xFFFF; c++) {
		if (!(cps[c >> 3] & (1 << (c & 7))))
			continue;
		if ((g = glyph_of(cm, cmlen, fmt, c)) == 0 || g >= t.nglyphs)
			continue;
		if (newid[g] == 0) {
			newid[g] = (unsigned)nold;
			old[nold++] = g;
		}
		cp[n] = c;
		gid[n++] = newid[g];
	}
	fixed_tables(&t, ot, &nt, nold);
	if (!make_cmap(table(ot, &nt, "cmap"), cp, gid, n))
		goto out;
	if (!glyphs(&t, old, nold, table(ot, &nt, "glyf"),
	    table(ot, &nt, "loca"), table(ot, &nt, "hmtx")))
		goto out;
	assemble(out, ot, nt);
	ok = 1;
out:
	for (i = 0; i < nt; i++)
		buf_free(&ot[i].b);
	free(cp);
	free(gid);
	free(old);
	free(newid);
	buf_free(&file);
	return ok;
}
