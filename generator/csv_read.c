/*
 * csv_read.c: CSV files through libcsv, the only file that includes
 * <csv.h>.  Two ways in:
 *
 *	csv_slurp + csv_parse_text	a whole file in memory, as records
 *	csv_scan			a stream of blocks on up to two
 *					threads, for queries that only
 *					aggregate
 *
 * libcsv runs in strict mode (a stray quote is an error, not a field
 * that swallows the rest of the file) and reports every line end
 * (CSV_REPALL_NL), so that we can count lines: libcsv knows no line
 * numbers.  Errors carry FILE:LINE:COL worked out from byte offsets.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "aux.h"
#include "dataset.h"
#include "msg.h"
#include "utf8.h"

#define CSV_OPTS	(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)
#define BLOCK		(1024 * 1024)
#define MAX_LOAD	((size_t)1 << 30)	/* whole-file limit: 1 GiB */
#define SPLIT_MIN	(8 * 1024 * 1024)	/* split files above 8 MiB */
#define HEAD_MAX	BLOCK			/* header and sample */

enum enc {
	ENC_UTF8,
	ENC_LATIN1,
	ENC_CP1252
};

static int
enc_parse(const char *path, const char *s, enum enc *e)
{
	if (s == NULL || strcasecmp(s, "utf-8") == 0 ||
	    strcasecmp(s, "utf8") == 0)
		*e = ENC_UTF8;
	else if (strcasecmp(s, "latin1") == 0 ||
	    strcasecmp(s, "latin-1") == 0 ||
	    strcasecmp(s, "iso-8859-1") == 0)
		*e = ENC_LATIN1;
	else if (strcasecmp(s, "cp1252") == 0 ||
	    strcasecmp(s, "windows-1252") == 0)
		*e = ENC_CP1252;
	else {
		msg(MSG_ERROR, path, 0, 0, "unknown encoding '%s' "
		    "(utf-8, latin1 or cp1252)", s);
		return 0;
	}
	return 1;
}

static void
not_utf8(const char *path, const char *text, size_t bad)
{
	size_t	 line, col;

	utf8_linecol(text, bad, &line, &col);
	msg(MSG_ERROR, path, line, col, "not UTF-8 (byte 0x%02X); "
	    "declare the file's encoding (encoding: latin1 or cp1252) "
	    "or convert it", (unsigned char)text[bad]);
}

void
csvrecs_free(struct csvrecs *r)
{
	if (r == NULL)
		return;
	free(r->f);
	free(r->off);
	free(r->start);
	free(r->line);
	buf_free(&r->text);
	memset(r, 0, sizeof(*r));
}

int
csv_slurp(const char *path, const struct dsopts *o, struct buf *out)
{
	struct buf	 raw = { NULL, 0, 0 };
	struct stat	 st;
	size_t		 max, bad, skip = 0;
	enum enc	 enc;
	int		 ok = 0;

	if (!enc_parse(path, o->encoding, &enc))
		return 0;
	max = o->max_bytes ? o->max_bytes : MAX_LOAD;
	if (stat(path, &st) == -1 || !file_read(path, &raw)) {
		msg(MSG_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		goto out;
	}
	if (raw.len > max) {
		msg(MSG_ERROR, path, 0, 0, "file is larger than the limit "
		    "of %zu bytes for a dataset read whole", max);
		goto out;
	}
	switch (enc) {
	case ENC_UTF8:
		if (raw.len >= 3 && memcmp(raw.data, "\xEF\xBB\xBF", 3) == 0)
			skip = 3;
		if (!utf8_valid(raw.data + skip, raw.len - skip, &bad)) {
			not_utf8(path, raw.data + skip, bad);
			goto out;
		}
		buf_put(out, raw.data + skip, raw.len - skip);
		break;
	case ENC_LATIN1:
		utf8_from_latin1(out, raw.data, raw.len);
		break;
	case ENC_CP1252:
		utf8_from_cp1252(out, raw.data, raw.len);
		break;
	}
	if (out->data == NULL)
		buf_put(out, "", 0);
	ok = 1;
out:
	buf_free(&raw);
	return ok;
}

/*
 * Collecting records.  libcsv calls fld() per field and rec() per
 * record end; with CSV_REPALL_NL every CR and LF ends a record, so a
 * CRLF gives an empty record after the real one, which we use to
 * count lines.
 */
struct collect {
	struct csvrecs	*r;
	/* With fn: each record is handed over and forgotten. */
	int		(*fn)(void *, const struct csvfield *, size_t, size_t);
	void		*arg;
	size_t		 max;
	size_t		 line;		/* line the parser is on */
	size_t		 recline;	/* line the current record began */
	size_t		 nf;		/* fields in the current record */
	size_t		 first;		/* index of its first field */
	int		 nonempty;	/* some field has text */
	int		 cr;		/* last record ended with CR */
	int		 full;		/* max reached */
};

static void
collect_fld(void *s, size_t len, void *arg)
{
	struct collect	*c = arg;
	struct csvrecs	*r = c->r;
	const char	*p = s, *q;

	if (c->full)
		return;
	if (c->nf == 0) {
		c->recline = c->line;
		c->first = r->nf;
	}
	if (r->nf + 1 > r->fcap) {
		xgrow(&r->f, &r->fcap, r->nf + 1, sizeof(*r->f));
		r->off = xreallocarray(r->off, r->fcap, sizeof(*r->off));
	}
	r->off[r->nf] = r->text.len;
	r->f[r->nf].len = len;
	r->f[r->nf].s = NULL;
	buf_put(&r->text, p ? p : "", len);
	buf_putc(&r->text, '\0');
	r->nf++;
	c->nf++;
	if (len > 0)
		c->nonempty = 1;
	/* A newline inside quotes moves the line on. */
	for (q = p; q != NULL && (q = memchr(q, '\n', len - (size_t)(q -
	    p))) != NULL; q++)
		c->line++;
}

static void
collect_rec(int term, void *arg)
{
	struct collect	*c = arg;
	struct csvrecs	*r = c->r;

	if (c->nf == 0) {
		/* A blank line, or the LF of a CRLF. */
		if (term == '\n' && c->cr)
			c->cr = 0;
		else if (term == '\n' || term == '\r')
			c->line++;
		c->cr = term == '\r';
		return;
	}
	if (c->fn != NULL) {
		size_t	 i;

		for (i = 0; i < r->nf; i++)
			r->f[i].s = r->text.data + r->off[i];
		if (!c->full && c->nonempty && !c->fn(c->arg, r->f, r->nf,
		    c->recline))
			c->full = 1;
		r->nf = 0;
		r->text.len = 0;
	} else if (!c->full && c->nonempty) {
		if (r->nrec + 2 > r->rcap) {
			xgrow(&r->start, &r->rcap, r->nrec + 2,
			    sizeof(*r->start));
			r->line = xreallocarray(r->line, r->rcap,
			    sizeof(*r->line));
		}
		r->start[r->nrec] = c->first;
		r->line[r->nrec] = c->recline;
		r->nrec++;
		r->start[r->nrec] = r->nf;
		if (c->max && r->nrec >= c->max)
			c->full = 1;
	} else if (!c->full)
		r->nf = c->first;	/* drop an all-empty record */
	if (term == '\n' || term == '\r')
		c->line++;
	c->cr = term == '\r';
	c->nf = 0;
	c->nonempty = 0;
}

/* Fix the field pointers once the text buffer no longer moves. */
static void
collect_done(struct csvrecs *r)
{
	size_t	 i;

	for (i = 0; i < r->nf; i++)
		r->f[i].s = r->text.data + r->off[i];
	if (r->start == NULL) {
		r->start = xcalloc(1, sizeof(*r->start));
		r->line = xcalloc(1, sizeof(*r->line));
	}
}

static void
parse_error(const char *path, const char *text, size_t off,
    struct csv_parser *p)
{
	size_t	 line, col;

	utf8_linecol(text, off, &line, &col);
	if (csv_error(p) == CSV_EPARSE)
		msg(MSG_ERROR, path, line, col, "malformed CSV: a quote "
		    "inside a field that is not quoted, or text after a "
		    "closing quote (write a quote inside quotes as \"\")");
	else
		msg(MSG_SYSERR, path, line, col, "CSV: %s",
		    csv_strerror(csv_error(p)));
}

int
csv_parse_text(const char *path, const char *text, size_t len, char delim,
    size_t max, struct csvrecs *r)
{
	struct csv_parser p;
	struct collect	 c;
	size_t		 done = 0, n, step, got;
	int		 ok = 0;

	memset(&c, 0, sizeof(c));
	c.r = r;
	c.max = max;
	c.line = 1;
	if (csv_init(&p, CSV_OPTS) != 0) {
		msg(MSG_SYSERR, path, 0, 0, "cannot start the CSV parser");
		return 0;
	}
	csv_set_delim(&p, (unsigned char)(delim ? delim : ','));
	/* With a record limit, feed small steps so we can stop early. */
	step = max ? 65536 : len;
	while (done < len && !c.full) {
		n = len - done < step ? len - done : step;
		got = csv_parse(&p, text + done, n, collect_fld, collect_rec,
		    &c);
		if (got != n) {
			parse_error(path, text, done + got, &p);
			goto out;
		}
		done += n;
	}
	if (!c.full && csv_fini(&p, collect_fld, collect_rec, &c) != 0) {
		/* Only an open quote at the end fails here. */
		size_t	 line, col, q;

		for (q = len; q > 0 && text[q - 1] != '"'; q--)
			continue;
		utf8_linecol(text, q ? q - 1 : 0, &line, &col);
		msg(MSG_ERROR, path, line, col, "malformed CSV: a quoted "
		    "field is not closed before the end of the file");
		goto out;
	}
	ok = 1;
out:
	csv_free(&p);
	collect_done(r);
	return ok;
}

/*
 * Streaming.  Each part of the file is read with pread() into its own
 * block buffer and fed to its own libcsv parser; the consumer sees
 * the wanted fields of every record.  Memory stays at a few blocks
 * however large the file.
 */
struct scan {
	const struct csvscan *cs;
	const char	*path;
	int		 fd;
	enum enc	 enc;
	char		 delim;
	unsigned char	*want;
	size_t		 nwant;
	size_t		*wl;		/* the wanted columns, listed */
	size_t		 nwl;
	size_t		 block;
};

struct part {
	struct scan	*sc;
	void		*ts;		/* consumer state */
	off_t		 a, b;		/* byte range */
	struct csv_parser p;
	char		*buf;
	struct buf	 conv;		/* converted block (latin1, cp1252) */
	struct buf	 fbuf;		/* wanted fields of the record */
	size_t		*foff;
	struct csvfield	*f;
	size_t		 nf;		/* fields so far in the record */
	size_t		 line, recline;
	int		 cr, nonempty;
	unsigned char	 tail[4];	/* an unfinished UTF-8 sequence */
	size_t		 ntail;
	/* The first error: at a byte offset, or on a line. */
	int		 err;
	off_t		 erroff;
	size_t		 errline;
	const char	*errmsg;
	int		 errlevel;
	int		 errnum;	/* errno, for MSG_SYSERR */
	size_t		 extra;		/* rows with fields past the columns */
	size_t		 extraline;	/* the first of them */
	pthread_t	 thread;
	const unsigned char *want;	/* sc->want, at hand */
	size_t		 nwant;
};

static void
part_error(struct part *pt, off_t off, size_t line, int level,
    const char *m)
{
	if (pt->err)
		return;
	pt->err = 1;
	pt->erroff = off;
	pt->errline = line;
	pt->errlevel = level;
	pt->errmsg = m;
	pt->errnum = errno;
}

static void
scan_fld(void *s, size_t len, void *arg)
{
	struct part	*pt = arg;
	size_t		 k = pt->nf++, i, nl;
	const char	*q = s;

	if (k == 0)
		pt->recline = pt->line;
	if (len == 0)
		return;
	pt->nonempty = 1;
	if (k < pt->nwant) {
		if (!pt->want[k])
			return;
		pt->foff[k] = pt->fbuf.len;
		pt->f[k].len = len;
		if (pt->fbuf.len + len < pt->fbuf.cap) {
			/* The common case, without buf_put's checks. */
			memcpy(pt->fbuf.data + pt->fbuf.len, s, len);
			pt->fbuf.len += len;
		} else
			buf_put(&pt->fbuf, s, len);
		/* Quoted newlines move the line (in the fields we read). */
		for (nl = 0, i = 0; i < len; i++)
			nl += q[i] == '\n';
		pt->line += nl;
	} else if (pt->extra++ == 0)
		pt->extraline = pt->recline;
}

static void
scan_rec(int term, void *arg)
{
	struct part	*pt = arg;
	struct scan	*sc = pt->sc;
	size_t		 i;

	if (pt->nf == 0) {
		if (term == '\n' && pt->cr)
			pt->cr = 0;
		else if (term == '\n' || term == '\r')
			pt->line++;
		pt->cr = term == '\r';
		return;
	}
	if (pt->nonempty && !pt->err) {
		for (i = 0; i < sc->nwl; i++)
			if (pt->f[sc->wl[i]].len)
				pt->f[sc->wl[i]].s = pt->fbuf.data +
				    pt->foff[sc->wl[i]];
		sc->cs->row(pt->ts, pt->f, pt->recline);
	}
	for (i = 0; i < sc->nwl; i++) {
		pt->f[sc->wl[i]].s = NULL;
		pt->f[sc->wl[i]].len = 0;
	}
	pt->fbuf.len = 0;
	if (term == '\n' || term == '\r')
		pt->line++;
	pt->cr = term == '\r';
	pt->nf = 0;
	pt->nonempty = 0;
}

/*
 * Check a block of UTF-8, carrying an unfinished sequence at its end
 * over to the next block.  Return 1, or 0 with *bad set.
 */
static int
block_utf8(struct part *pt, const char *s, size_t len, size_t *bad)
{
	unsigned char	 tmp[8];
	size_t		 i = 0, k, need, t, n;
	int32_t		 cp;

	if (pt->ntail) {
		/* Finish the sequence left over from the last block. */
		memcpy(tmp, pt->tail, pt->ntail);
		need = (tmp[0] & 0xE0) == 0xC0 ? 2 :
		    (tmp[0] & 0xF0) == 0xE0 ? 3 : 4;
		for (k = pt->ntail; k < need && i < len; k++)
			tmp[k] = (unsigned char)s[i++];
		t = 0;
		if (k < need) {
			memcpy(pt->tail, tmp, k);
			pt->ntail = k;
			return 1;
		}
		pt->ntail = 0;
		if (utf8_next((const char *)tmp, need, &t) < 0 || t != need) {
			*bad = 0;
			return 0;
		}
	}
	while (i < len) {
		/* Eight ASCII bytes at a time. */
		while (i + 8 <= len) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = i;
		cp = utf8_next(s, len, &n);
		if (cp < 0) {
			/* An unfinished sequence at the very end? */
			need = ((unsigned char)s[i] & 0xE0) == 0xC0 ? 2 :
			    ((unsigned char)s[i] & 0xF0) == 0xE0 ? 3 :
			    ((unsigned char)s[i] & 0xF8) == 0xF0 ? 4 : 0;
			if (need && len - i < need) {
				for (k = i + 1; k < len; k++)
					if (((unsigned char)s[k] & 0xC0) !=
					    0x80)
						break;
				if (k == len) {
					memcpy(pt->tail, s + i, len - i);
					pt->ntail = len - i;
					return 1;
				}
			}
			*bad = i;
			return 0;
		}
		i = n;
	}
	return 1;
}

/* Parse bytes [from, to) of the file; return 0 on error (recorded). */
static int
part_run(struct part *pt, off_t from, off_t to)
{
	struct scan	*sc = pt->sc;
	const char	*data;
	size_t		 n, len, bad, got;
	ssize_t		 r;
	off_t		 o;

	for (o = from; o < to; o += (off_t)n) {
		n = (size_t)(to - o) < sc->block ? (size_t)(to - o) :
		    sc->block;
		if ((r = pread(sc->fd, pt->buf, n, o)) <= 0) {
			part_error(pt, o, 0, MSG_SYSERR, r == 0 ?
			    "file shrank while being read" :
			    "cannot read");
			return 0;
		}
		n = (size_t)r;
		data = pt->buf;
		len = n;
		if (sc->enc == ENC_UTF8) {
			if (!block_utf8(pt, data, len, &bad)) {
				part_error(pt, o + (off_t)bad, 0, MSG_ERROR,
				    NULL);
				return 0;
			}
		} else {
			buf_reset(&pt->conv);
			if (sc->enc == ENC_LATIN1)
				utf8_from_latin1(&pt->conv, data, len);
			else
				utf8_from_cp1252(&pt->conv, data, len);
			data = pt->conv.data;
			len = pt->conv.len;
		}
		got = csv_parse(&pt->p, data, len, scan_fld, scan_rec, pt);
		if (got != len) {
			/* Offsets in converted text only approximate. */
			part_error(pt, o + (off_t)(got < n ? got : n), 0,
			    MSG_ERROR, "malformed CSV: a quote inside a field "
			    "that is not quoted, or text after a closing "
			    "quote");
			return 0;
		}
		if (pt->err)
			return 0;
	}
	return 1;
}

static int
part_init(struct part *pt, struct scan *sc, off_t a, off_t b, size_t line)
{
	memset(pt, 0, sizeof(*pt));
	pt->sc = sc;
	pt->a = a;
	pt->b = b;
	pt->line = line;
	if (csv_init(&pt->p, CSV_OPTS) != 0)
		return 0;
	csv_set_delim(&pt->p, (unsigned char)sc->delim);
	pt->buf = xmalloc(sc->block);
	pt->want = sc->want;
	pt->nwant = sc->nwant;
	buf_put(&pt->fbuf, "", 0);
	xgrow(&pt->fbuf.data, &pt->fbuf.cap, 4096, 1);
	pt->f = xcalloc(sc->nwant ? sc->nwant : 1, sizeof(*pt->f));
	pt->foff = xcalloc(sc->nwant ? sc->nwant : 1, sizeof(*pt->foff));
	pt->ts = sc->cs->tstart(sc->cs->arg);
	return 1;
}

static void
part_free(struct part *pt)
{
	csv_free(&pt->p);
	free(pt->buf);
	free(pt->f);
	free(pt->foff);
	buf_free(&pt->conv);
	buf_free(&pt->fbuf);
}

static void *
part_thread(void *arg)
{
	struct part	*pt = arg;

	if (part_run(pt, pt->a, pt->b) &&
	    csv_fini(&pt->p, scan_fld, scan_rec, pt) != 0)
		part_error(pt, pt->b, 0, MSG_ERROR, "malformed CSV: a quoted "
		    "field is not closed before the end of the file");
	return NULL;
}

/* Line and column of a byte offset, reading the file again (errors only). */
static void
offset_linecol(struct scan *sc, off_t off, size_t *line, size_t *col)
{
	char		*b = xmalloc(sc->block);
	off_t		 o = 0, ls = 0;
	size_t		 n, i;
	ssize_t		 r;

	*line = 1;
	while (o < off) {
		n = (size_t)(off - o) < sc->block ? (size_t)(off - o) :
		    sc->block;
		if ((r = pread(sc->fd, b, n, o)) <= 0)
			break;
		for (i = 0; i < (size_t)r; i++)
			if (b[i] == '\n') {
				(*line)++;
				ls = o + (off_t)i + 1;
			}
		o += r;
	}
	/* Column in characters from the line start. */
	*col = 1;
	n = (size_t)(off - ls) < sc->block ? (size_t)(off - ls) : sc->block;
	if ((r = pread(sc->fd, b, n, ls)) > 0)
		*col = utf8_len(b, (size_t)r) + 1;
	free(b);
}

static void
part_report(struct part *pt, size_t linebase)
{
	struct scan	*sc = pt->sc;
	size_t		 line = 0, col = 0;

	if (pt->extra)
		msg(MSG_WARNING, sc->path, pt->extraline + linebase, 0, "%zu "
		    "row%s with values past the columns of the first rows; "
		    "those values are not read", pt->extra,
		    pt->extra > 1 ? "s" : "");
	if (!pt->err)
		return;
	if (pt->erroff >= 0)
		offset_linecol(sc, pt->erroff, &line, &col);
	else
		line = pt->errline + linebase;
	if (pt->errmsg == NULL)
		msg(MSG_ERROR, sc->path, line, col, "not UTF-8; declare the "
		    "file's encoding (encoding: latin1 or cp1252) or "
		    "convert it");
	else if (pt->errlevel == MSG_SYSERR)
		msg(MSG_SYSERR, sc->path, 0, 0, "%s: %s", pt->errmsg,
		    strerror(pt->errnum));
	else
		msg(MSG_ERROR, sc->path, line, col, "%s", pt->errmsg);
}

/* Read the header and a sample of records from the start of the file. */
static int
scan_head(struct scan *sc, const struct dsopts *o, struct csvrecs *r,
    off_t *dstart, size_t *dline)
{
	struct buf	 text = { NULL, 0, 0 };
	char		*b;
	ssize_t		 n;
	size_t		 skip = 0, i, bad, lines = 1;
	int		 q = 0, ok = 0;

	b = xmalloc(HEAD_MAX);
	if ((n = pread(sc->fd, b, HEAD_MAX, 0)) < 0) {
		msg(MSG_SYSERR, sc->path, 0, 0, "cannot read: %s",
		    strerror(errno));
		goto out;
	}
	if (sc->enc == ENC_UTF8 && n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	/* The header ends at the first newline outside quotes. */
	for (i = skip; i < (size_t)n; i++) {
		if (b[i] == '"')
			q = !q;
		else if (b[i] == '\n') {
			if (!q)
				break;
			lines++;
		}
	}
	if (i == (size_t)n && n == HEAD_MAX) {
		msg(MSG_ERROR, sc->path, 1, 0, "the header is longer than "
		    "%d bytes", HEAD_MAX);
		goto out;
	}
	*dstart = i < (size_t)n ? (off_t)i + 1 : n;
	*dline = lines + 1;
	/* The sample: whole lines only, so cut at the last newline. */
	while (n > 0 && n == HEAD_MAX && b[n - 1] != '\n')
		n--;
	if (sc->enc == ENC_UTF8) {
		/* A bad byte in the sample is reported by the scan itself. */
		if (!utf8_valid(b + skip, (size_t)n - skip, &bad))
			n = (ssize_t)(skip + bad);
		buf_put(&text, b + skip, (size_t)n - skip);
	} else if (sc->enc == ENC_LATIN1)
		utf8_from_latin1(&text, b, (size_t)n);
	else
		utf8_from_cp1252(&text, b, (size_t)n);
	if (text.data == NULL)
		buf_put(&text, "", 0);
	/* Errors in the sample show up again, precisely, in the scan. */
	msg_push(&(struct msgctx){ .sink = &(struct buf){ NULL, 0, 0 } });
	csv_parse_text(sc->path, text.data, text.len, o->delim,
	    DS_SAMPLE + 1, r);
	buf_free(msg_current()->sink);
	msg_pop();
	ok = 1;
out:
	buf_free(&text);
	free(b);
	return ok;
}

int
csv_scan(const char *path, const struct dsopts *o, const struct csvscan *cs)
{
	struct scan	 sc;
	struct csvrecs	 head;
	struct part	 pt[2];
	struct stat	 st;
	off_t		 dstart, split, k;
	size_t		 dline, linebase;
	char		 c;
	int		 ok = 0, nparts = 1, started = 0, i;

	memset(&sc, 0, sizeof(sc));
	memset(&head, 0, sizeof(head));
	memset(pt, 0, sizeof(pt));
	sc.cs = cs;
	sc.path = path;
	sc.delim = o->delim ? o->delim : ',';
	sc.block = cs->block ? cs->block : BLOCK;
	if (!enc_parse(path, o->encoding, &sc.enc))
		return 0;
	if ((sc.fd = open(path, O_RDONLY)) == -1 || fstat(sc.fd, &st) == -1) {
		msg(MSG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
		if (sc.fd != -1)
			close(sc.fd);
		return 0;
	}
	if (!scan_head(&sc, o, &head, &dstart, &dline))
		goto out;
	if (head.nrec == 0) {
		msg(MSG_ERROR, path, 1, 1, "no header row: the file is empty, "
		    "or its first line is not CSV");
		goto out;
	}
	if (!cs->head(cs->arg, &head, &sc.want, &sc.nwant))
		goto out;
	sc.wl = xcalloc(sc.nwant + 1, sizeof(*sc.wl));
	for (k = 0; k < (off_t)sc.nwant; k++)
		if (sc.want[k])
			sc.wl[sc.nwl++] = (size_t)k;

	/* Split at the first newline after the middle of the data. */
	split = st.st_size;
	if (cs->threads != 1 && (size_t)(st.st_size - dstart) >=
	    (cs->split_min ? cs->split_min : SPLIT_MIN)) {
		for (k = dstart + (st.st_size - dstart) / 2; k < st.st_size;
		    k++)
			if (pread(sc.fd, &c, 1, k) != 1 || c == '\n')
				break;
		if (k + 1 < st.st_size) {
			split = k + 1;
			nparts = 2;
		}
	}
	if (!part_init(&pt[0], &sc, dstart, split, dline))
		goto out;
	if (nparts == 2) {
		if (!part_init(&pt[1], &sc, split, st.st_size, 1))
			goto out;
		if (pthread_create(&pt[1].thread, NULL, part_thread,
		    &pt[1]) != 0)
			nparts = 1;
		else
			started = 1;
	}
	if (!part_run(&pt[0], dstart, split))
		goto report;
	if (nparts == 2 && (pt[0].p.pstate != 0 || pt[0].nf != 0)) {
		/* Not a record boundary: go on alone. */
		pthread_join(pt[1].thread, NULL);
		started = 0;
		cs->tend(cs->arg, pt[1].ts, 0, 0);
		pt[1].ts = NULL;
		nparts = 1;
		if (!part_run(&pt[0], split, st.st_size))
			goto report;
	}
	if (nparts == 1 && csv_fini(&pt[0].p, scan_fld, scan_rec, &pt[0]))
		part_error(&pt[0], st.st_size, 0, MSG_ERROR, "malformed CSV: "
		    "a quoted field is not closed before the end of the file");
report:
	if (started)
		pthread_join(pt[1].thread, NULL);
	linebase = pt[0].line - 1;
	part_report(&pt[0], 0);
	if (nparts == 2 && !pt[0].err)
		part_report(&pt[1], linebase);
	ok = !pt[0].err && (nparts == 1 || !pt[1].err);
	cs->tend(cs->arg, pt[0].ts, ok, 0);
	pt[0].ts = NULL;
	if (nparts == 2) {
		cs->tend(cs->arg, pt[1].ts, ok, linebase);
		pt[1].ts = NULL;
	}
out:
	for (i = 0; i < 2; i++) {
		if (pt[i].ts != NULL)
			cs->tend(cs->arg, pt[i].ts, 0, 0);
		if (pt[i].sc != NULL)
			part_free(&pt[i]);
	}
	csvrecs_free(&head);
	free(sc.want);
	free(sc.wl);
	close(sc.fd);
	return ok;
}

int
csv_each(const char *path, const char *text, size_t len, char delim,
    int (*fn)(void *, const struct csvfield *, size_t, size_t), void *arg)
{
	struct csv_parser p;
	struct csvrecs	 r;
	struct collect	 c;
	size_t		 got;
	int		 ok = 0;

	memset(&r, 0, sizeof(r));
	memset(&c, 0, sizeof(c));
	c.r = &r;
	c.fn = fn;
	c.arg = arg;
	c.line = 1;
	if (csv_init(&p, CSV_OPTS) != 0) {
		msg(MSG_SYSERR, path, 0, 0, "cannot start the CSV parser");
		return 0;
	}
	csv_set_delim(&p, (unsigned char)(delim ? delim : ','));
	if ((got = csv_parse(&p, text, len, collect_fld, collect_rec, &c)) !=
	    len) {
		parse_error(path, text, got, &p);
		goto out;
	}
	if (csv_fini(&p, collect_fld, collect_rec, &c) != 0) {
		size_t	 line, col, q;

		for (q = len; q > 0 && text[q - 1] != '"'; q--)
			continue;
		utf8_linecol(text, q ? q - 1 : 0, &line, &col);
		msg(MSG_ERROR, path, line, col, "malformed CSV: a quoted "
		    "field is not closed before the end of the file");
		goto out;
	}
	ok = 1;
out:
	csv_free(&p);
	csvrecs_free(&r);
	return ok;
}

void
csvrecs_add(struct csvrecs *r, const struct csvfield *f, size_t n,
    size_t line)
{
	size_t	 i;

	if (r->nrec + 2 > r->rcap) {
		xgrow(&r->start, &r->rcap, r->nrec + 2, sizeof(*r->start));
		r->line = xreallocarray(r->line, r->rcap, sizeof(*r->line));
	}
	r->start[r->nrec] = r->nf;
	r->line[r->nrec] = line;
	for (i = 0; i < n; i++) {
		if (r->nf + 1 > r->fcap) {
			xgrow(&r->f, &r->fcap, r->nf + 1, sizeof(*r->f));
			r->off = xreallocarray(r->off, r->fcap,
			    sizeof(*r->off));
		}
		r->off[r->nf] = r->text.len;
		r->f[r->nf].len = f[i].len;
		buf_put(&r->text, f[i].s ? f[i].s : "", f[i].len);
		buf_putc(&r->text, '\0');
		r->nf++;
	}
	r->nrec++;
	r->start[r->nrec] = r->nf;
	/* The text may have moved: point the fields at it again. */
	for (i = 0; i < r->nf; i++)
		r->f[i].s = r->text.data + r->off[i];
}
