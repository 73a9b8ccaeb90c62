/*
 * html_index.c: the archive of a folder of briefings: an index page
 * (newest first, with date and summary) and an Atom feed (RFC 4287).
 *
 * The folder is the archive.  html_site lists every page in it that
 * html_write made, reading title, date and summary back from the
 * page's <head>, so building this week's briefing alone into the
 * folder keeps last week's in the index.  Links are relative ("./NAME.html"),
 * so the folder can be copied to any web server.  Dates come from the
 * briefings' front matter, or from SOURCE_DATE_EPOCH (opts->now),
 * never from the clock: the same folder gives the same bytes.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aux.h"
#include "doc.h"
#include "html.h"
#include "html_int.h"
#include "msg.h"

#define HEAD_MAX	(256 * 1024)	/* bytes read to find </head> */
#define SITE_MAX	10000		/* pages listed in one folder */
#define FEED_MAX	50		/* entries in the feed */

static char *
dup0(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

void
html_entry_set(struct html_entry *e, const struct doc *d)
{
	const struct meta *m = &d->meta;

	memset(e, 0, sizeof(*e));
	e->name = xstrdup(d->name);
	e->title = xstrdup(m->title != NULL && *m->title != '\0' ?
	    m->title : d->name);
	e->date = html_isodate(m->date) ? xstrdup(m->date) : NULL;
	e->summary = dup0(m->summary);
	e->edition = dup0(m->edition);
	e->author = dup0(m->author);
	e->organisation = dup0(m->organisation);
	e->lang = dup0(m->lang);
}

void
html_entry_free(struct html_entry *e)
{
	if (e == NULL)
		return;
	free(e->name);
	free(e->title);
	free(e->date);
	free(e->summary);
	free(e->edition);
	free(e->author);
	free(e->organisation);
	free(e->lang);
	memset(e, 0, sizeof(*e));
}

/* The decoded value of the attribute or element text s[0..n). */
static char *
undup(const char *s, size_t n)
{
	struct buf	 b = { NULL, 0, 0 };

	html_unesc(&b, s, n);
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

/* The quoted value after prefix in head, or NULL. */
static char *
after(const char *head, const char *prefix, char end)
{
	const char	*p, *q;

	if ((p = strstr(head, prefix)) == NULL)
		return NULL;
	p += strlen(prefix);
	if ((q = strchr(p, end)) == NULL)
		return NULL;
	return undup(p, (size_t)(q - p));
}

/* The content of <meta name="name" content="...">, or NULL. */
static char *
meta(const char *head, const char *name)
{
	char	*prefix, *v;

	prefix = xasprintf("<meta name=\"%s\" content=\"", name);
	v = after(head, prefix, '"');
	free(prefix);
	return v;
}

int
html_entry_read(const char *path, struct html_entry *e)
{
	char		*buf, *end, *gen = NULL, *date;
	FILE		*f;
	size_t		 n;
	int		 ok = 0;

	memset(e, 0, sizeof(*e));
	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	buf = xmalloc(HEAD_MAX + 1);
	n = fread(buf, 1, HEAD_MAX, f);
	fclose(f);
	buf[n] = '\0';
	if ((end = strstr(buf, "</head>")) == NULL ||
	    strncmp(buf, "<!DOCTYPE html>\n<html", 21) != 0)
		goto out;
	*end = '\0';
	if ((gen = meta(buf, "generator")) == NULL ||
	    strcmp(gen, "briefgen") != 0)
		goto out;
	e->name = path_stem(path);
	if ((e->title = after(buf, "<title>", '<')) == NULL)
		e->title = xstrdup(e->name);
	date = meta(buf, "dcterms.date");
	if (html_isodate(date))
		e->date = date;
	else
		free(date);
	e->summary = meta(buf, "description");
	e->edition = meta(buf, "briefgen-edition");
	e->author = meta(buf, "author");
	e->organisation = meta(buf, "dcterms.publisher");
	e->lang = after(buf, "<html lang=\"", '"');
	ok = 1;
out:
	free(gen);
	free(buf);
	return ok;
}

/* Newest first; undated last; then by name, so the order is total. */
static int
cmp_entry(const void *a, const void *b)
{
	const struct html_entry *x = a, *y = b;
	int	 c;

	if (x->date != NULL && y->date != NULL &&
	    (c = strcmp(y->date, x->date)) != 0)
		return c;
	if ((x->date == NULL) != (y->date == NULL))
		return x->date == NULL ? 1 : -1;
	return strcmp(x->name, y->name);
}

static void
esc(struct buf *b, const char *s)
{
	html_esc_attr(b, s, strlen(s));
}

static void
esc_text(struct buf *b, const char *s)
{
	html_esc_text(b, s, strlen(s));
}

/* "./NAME.html": never read as a scheme, whatever the name. */
static void
page_href(struct buf *b, const char *name)
{
	buf_puts(b, "./");
	html_esc_url(b, name);
	buf_puts(b, ".html");
}

static const char *
site_title(const struct html_opts *o, const struct html_words *w)
{
	return o->site_title != NULL && *o->site_title != '\0' ?
	    o->site_title : w->briefings;
}

static void
index_entry(struct buf *b, const struct html_entry *e, const char *lang,
    const struct html_words *w)
{
	const struct html_words *ew = html_words(e->lang);
	int	 sep = 0;

	buf_puts(b, "<li class=\"entry\"");
	if (strcmp(html_lang(e->lang), lang) != 0)
		buf_printf(b, " lang=\"%s\"", html_lang(e->lang));
	buf_puts(b, ">\n<h2><a href=\"");
	page_href(b, e->name);
	buf_puts(b, "\">");
	esc_text(b, e->title);
	buf_puts(b, "</a></h2>\n");
	if (e->date != NULL || e->edition != NULL || e->author != NULL) {
		buf_puts(b, "<p class=\"meta\">");
		if (e->date != NULL) {
			buf_printf(b, "<time datetime=\"%s\">", e->date);
			html_date(b, e->date, ew);
			buf_puts(b, "</time>");
			sep = 1;
		}
		if (e->edition != NULL) {
			buf_puts(b, sep ? " <span class=\"sep\">·</span> " : "");
			esc_text(b, e->edition);
			sep = 1;
		}
		if (e->author != NULL) {
			buf_puts(b, sep ? " <span class=\"sep\">·</span> " : "");
			esc_text(b, e->author);
		}
		buf_puts(b, "</p>\n");
	}
	if (e->summary != NULL) {
		buf_puts(b, "<p>");
		esc_text(b, e->summary);
		buf_puts(b, "</p>\n");
	}
	buf_puts(b, "</li>\n");
	(void)w;
}

void
html_index(struct html_entry *e, size_t n, const struct html_opts *o,
    struct buf *b)
{
	const struct html_words *w;
	const char	*lang;
	size_t		 i;

	qsort(e, n, sizeof(*e), cmp_entry);
	lang = html_lang(n > 0 ? e[0].lang : NULL);
	w = html_words(lang);
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"");
	esc(b, lang);
	buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta name=\"color-scheme\" content=\"light dark\">\n<title>");
	esc(b, site_title(o, w));
	buf_puts(b, "</title>\n<link rel=\"alternate\" "
	    "type=\"application/atom+xml\" href=\"./" HTML_FEED_FILE "\" "
	    "title=\"");
	esc(b, w->feed);
	buf_puts(b, "\">\n");
	if (o->assets != NULL) {
		buf_puts(b, "<link rel=\"stylesheet\" href=\"./");
		html_esc_url(b, o->assets);
		buf_puts(b, "/" HTML_CSS_FILE "\">\n");
	} else {
		buf_puts(b, "<style>\n");
		html_esc_css(b, html_css, html_css_len);
		buf_puts(b, "</style>\n");
	}
	buf_printf(b, "</head>\n<body>\n<a class=\"skip\" href=\"#main\">"
	    "%s</a>\n<header class=\"masthead\">\n", w->skip);
	if (n > 0 && e[0].organisation != NULL) {
		buf_puts(b, "<p class=\"org\">");
		esc_text(b, e[0].organisation);
		buf_puts(b, "</p>\n");
	}
	buf_puts(b, "<h1>");
	esc_text(b, site_title(o, w));
	buf_puts(b, "</h1>\n</header>\n<main id=\"main\">\n"
	    "<ol class=\"entries\">\n");
	for (i = 0; i < n; i++)
		index_entry(b, &e[i], lang, w);
	buf_printf(b, "</ol>\n<p><a href=\"./" HTML_FEED_FILE "\">%s</a></p>\n"
	    "</main>\n</body>\n</html>\n", w->feed);
}

/* An RFC 3339 time for an entry: its date, or "now". */
static void
stamp(char *out, size_t sz, const char *date, time_t now)
{
	struct tm	 tm;

	if (date != NULL) {
		snprintf(out, sz, "%sT00:00:00Z", date);
		return;
	}
	gmtime_r(&now, &tm);
	strftime(out, sz, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void
feed_entry(struct buf *b, const struct html_entry *e, const char *auth,
    time_t now)
{
	char	 t[32];

	stamp(t, sizeof(t), e->date, now);
	buf_puts(b, "<entry>\n<title>");
	esc(b, e->title);
	buf_puts(b, "</title>\n<link rel=\"alternate\" type=\"text/html\" "
	    "href=\"");
	page_href(b, e->name);
	buf_puts(b, "\"/>\n<id>tag:");
	esc(b, auth);
	buf_printf(b, ",%.10s:", t);
	html_esc_url(b, e->name);
	buf_printf(b, "</id>\n<updated>%s</updated>\n", t);
	if (e->author != NULL) {
		buf_puts(b, "<author><name>");
		esc(b, e->author);
		buf_puts(b, "</name></author>\n");
	}
	if (e->summary != NULL) {
		buf_puts(b, "<summary>");
		esc(b, e->summary);
		buf_puts(b, "</summary>\n");
	}
	buf_puts(b, "</entry>\n");
}

void
html_feed(struct html_entry *e, size_t n, const struct html_opts *o,
    struct buf *b)
{
	const char	*auth, *lang, *who;
	char		 t[32], u[32];
	size_t		 i;

	qsort(e, n, sizeof(*e), cmp_entry);
	auth = o->site_id != NULL && *o->site_id != '\0' ? o->site_id :
	    "briefgen";
	lang = html_lang(n > 0 ? e[0].lang : NULL);
	/* The feed changed when its newest entry did. */
	stamp(t, sizeof(t), n > 0 ? e[0].date : NULL, o->now);
	for (i = 1; i < n; i++) {
		stamp(u, sizeof(u), e[i].date, o->now);
		if (strcmp(u, t) > 0)
			memcpy(t, u, sizeof(t));
	}
	who = n > 0 && e[0].organisation != NULL ? e[0].organisation :
	    "briefgen";
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
	esc(b, lang);
	buf_puts(b, "\">\n<title>");
	esc(b, site_title(o, html_words(lang)));
	buf_puts(b, "</title>\n<id>tag:");
	esc(b, auth);
	buf_printf(b, ",2025:briefings</id>\n<updated>%s</updated>\n", t);
	buf_puts(b, "<author><name>");
	esc(b, who);
	buf_puts(b, "</name></author>\n"
	    "<link rel=\"self\" href=\"./" HTML_FEED_FILE "\"/>\n"
	    "<link rel=\"alternate\" type=\"text/html\" href=\"./"
	    HTML_INDEX_FILE "\"/>\n<generator>briefgen</generator>\n");
	for (i = 0; i < n && i < FEED_MAX; i++)
		feed_entry(b, &e[i], auth, o->now);
	buf_puts(b, "</feed>\n");
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the .html files in dir, sorted; NULL on error. */
static char **
list_pages(const char *dir, size_t *np)
{
	DIR		*d;
	struct dirent	*de;
	char	       **v = NULL;
	size_t		 n = 0, cap = 0, len;

	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 5 || strcmp(de->d_name + len - 5, ".html") != 0 ||
		    strcmp(de->d_name, HTML_INDEX_FILE) == 0 ||
		    de->d_name[0] == '.')
			continue;
		if (n == SITE_MAX) {
			msg(MSG_WARNING, dir, 0, 0, "more than %d pages; the "
			    "index lists the first %d by name", SITE_MAX,
			    SITE_MAX);
			break;
		}
		xgrow(&v, &cap, n + 1, sizeof(*v));
		v[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (v != NULL)
		qsort(v, n, sizeof(*v), cmp_str);
	*np = n;
	return v != NULL ? v : xcalloc(1, sizeof(*v));
}

static int
built(const struct html_entry *e, size_t n, const char *file)
{
	size_t	 i, len;

	for (i = 0; i < n; i++) {
		len = strlen(e[i].name);
		if (strncmp(file, e[i].name, len) == 0 &&
		    strcmp(file + len, ".html") == 0)
			return 1;
	}
	return 0;
}

static int
write_file(const char *dir, const char *file, const struct buf *b)
{
	char	*path;
	int	 ok;

	path = path_join(dir, file);
	if (!(ok = file_write_atomic(path, b->data, b->len)))
		msg(MSG_SYSERR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
	free(path);
	return ok;
}

int
html_site(const char *dir, const struct html_entry *new, size_t nnew,
    const struct html_opts *o)
{
	struct html_entry *all;
	struct buf	 b = { NULL, 0, 0 };
	char		**files, *path;
	size_t		 nfiles = 0, n = 0, i;
	int		 ok = 0;

	if ((files = list_pages(dir, &nfiles)) == NULL) {
		msg(MSG_SYSERR, dir, 0, 0, "cannot list: %s", strerror(errno));
		return 0;
	}
	all = xcalloc(nfiles + nnew + 1, sizeof(*all));
	for (i = 0; i < nnew; i++) {
		if (strcmp(new[i].name, "index") == 0) {
			msg(MSG_WARNING, dir, 0, 0, "a briefing named 'index' "
			    "takes the place of the index page; no index "
			    "written");
			ok = 1;
			goto out;
		}
		all[n].name = xstrdup(new[i].name);
		all[n].title = xstrdup(new[i].title);
		all[n].date = dup0(new[i].date);
		all[n].summary = dup0(new[i].summary);
		all[n].edition = dup0(new[i].edition);
		all[n].author = dup0(new[i].author);
		all[n].organisation = dup0(new[i].organisation);
		all[n].lang = dup0(new[i].lang);
		n++;
	}
	for (i = 0; i < nfiles; i++) {
		if (built(new, nnew, files[i]))
			continue;
		path = path_join(dir, files[i]);
		if (html_entry_read(path, &all[n]))
			n++;
		free(path);
	}
	ok = 1;
	if (n < 2)
		goto out;
	html_index(all, n, o, &b);
	ok = write_file(dir, HTML_INDEX_FILE, &b);
	buf_reset(&b);
	html_feed(all, n, o, &b);
	ok = write_file(dir, HTML_FEED_FILE, &b) && ok;
out:
	for (i = 0; i < n; i++)
		html_entry_free(&all[i]);
	free(all);
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	buf_free(&b);
	return ok;
}
