/*
 * layout_hyph.c: hyphenation by Frank Liang's algorithm (the one TeX
 * uses), with the pattern files of Debian's hyphen-* packages
 * (/usr/share/hyphen/hyph_en_US.dic from hyphen-en-us).  Only the
 * standard patterns are used: the first level, letters and digits;
 * the non-standard "/" replacements of the LibreOffice format and the
 * second (compound) level are skipped.  Patterns are kept in a hash
 * table that is read-only once loaded.  hyph_get() reads each file
 * once per process, under a lock, and hands every document (on any
 * thread) the same object; the cache is freed at exit.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "layout.h"
#include "utf8.h"

#define HYPH_DIR	"/usr/share/hyphen"
#define MAX_PAT		64	/* bytes of letters in one pattern */
#define MAX_WORD	64	/* letters of a word we hyphenate */
#define MAX_CACHE	64	/* language tags remembered by hyph_get() */

struct pat {
	const char	*key;		/* letters, UTF-8, '.' for an edge */
	const char	*val;		/* digits '0'..'9', strlen(key) + 1 */
};

struct hyph {
	struct pat	*tab;		/* open addressing */
	size_t		 cap, n;
	size_t		 maxlen;	/* longest key in code points */
	int		 lmin, rmin;	/* letters kept before and after */
	struct arena	*arena;
	char		*path;		/* the file read */
};

static size_t
hash(const char *s, size_t len)
{
	size_t	 h = 2166136261u, i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void
insert(struct hyph *h, const char *key, const char *val)
{
	struct pat	*old = h->tab;
	size_t		 i, oldcap = h->cap, k;

	if (2 * (h->n + 1) > h->cap) {
		h->cap = h->cap ? h->cap * 2 : 4096;
		h->tab = xcalloc(h->cap, sizeof(*h->tab));
		for (i = 0; i < oldcap; i++) {
			if (old[i].key == NULL)
				continue;
			k = hash(old[i].key, strlen(old[i].key)) & (h->cap - 1);
			while (h->tab[k].key != NULL)
				k = (k + 1) & (h->cap - 1);
			h->tab[k] = old[i];
		}
		free(old);
	}
	k = hash(key, strlen(key)) & (h->cap - 1);
	while (h->tab[k].key != NULL) {
		if (strcmp(h->tab[k].key, key) == 0)
			return;
		k = (k + 1) & (h->cap - 1);
	}
	h->tab[k].key = arena_strdup(h->arena, key);
	h->tab[k].val = arena_strdup(h->arena, val);
	h->n++;
}

static const struct pat *
lookup(const struct hyph *h, const char *key, size_t len)
{
	size_t	 k;

	k = hash(key, len) & (h->cap - 1);
	while (h->tab[k].key != NULL) {
		if (strncmp(h->tab[k].key, key, len) == 0 &&
		    h->tab[k].key[len] == '\0')
			return &h->tab[k];
		k = (k + 1) & (h->cap - 1);
	}
	return NULL;
}

/* "a1b2c" -> key "abc", values "01200" (one digit per gap). */
static void
add_pattern(struct hyph *h, const char *s)
{
	char	 key[MAX_PAT + 1], val[MAX_PAT + 2];
	size_t	 k = 0, v = 0, cps = 0, i = 0, len = strlen(s), at;

	val[0] = '0';
	while (i < len) {
		if (s[i] >= '0' && s[i] <= '9') {
			val[v] = s[i++];
			continue;
		}
		at = i;
		if (utf8_next(s, len, &i) < 0 || k + (i - at) > MAX_PAT)
			return;
		memcpy(key + k, s + at, i - at);
		k += i - at;
		/* One value per byte keeps indexing simple. */
		while (at++ < i)
			val[++v] = '0';
		cps++;
	}
	key[k] = '\0';
	val[v + 1] = '\0';
	if (k == 0)
		return;
	insert(h, key, val);
	if (cps > h->maxlen)
		h->maxlen = cps;
}

/*
 * The pattern file for a language tag: hyph_en_US.dic for "en-US",
 * hyph_en_US.dic for any "en" without a file of its own.  Return the
 * file's real path (links resolved, so that tags naming one file are
 * seen to), to be freed, or NULL if there is none.
 */
static char *
pattern_path(const char *lang)
{
	char	 name[128], *p;

	if (lang == NULL || *lang == '\0' || strchr(lang, '/') != NULL ||
	    (size_t)snprintf(name, sizeof(name), HYPH_DIR "/hyph_%s.dic",
	    lang) >= sizeof(name))
		return NULL;
	for (p = name + strlen(HYPH_DIR) + 6; *p != '\0'; p++)
		if (*p == '-')
			*p = '_';
	if ((p = realpath(name, NULL)) != NULL || strncmp(lang, "en", 2) != 0)
		return p;
	return realpath(HYPH_DIR "/hyph_en_US.dic", NULL);
}

/* Read a pattern file; NULL if it cannot be read or has no patterns. */
static struct hyph *
load_file(const char *path)
{
	struct hyph	*h;
	FILE		*f;
	char		 line[256], *s;
	int		 first = 1;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	h = xcalloc(1, sizeof(*h));
	h->arena = arena_new();
	h->lmin = 2;
	h->rmin = 3;
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		s = line + strspn(line, " \t");
		if (first) {
			first = 0;
			if (strcmp(s, "UTF-8") != 0)
				break;	/* other encodings: not supported */
			continue;
		}
		if (strncmp(s, "LEFTHYPHENMIN", 13) == 0)
			h->lmin = atoi(s + 13) > 0 ? atoi(s + 13) : 2;
		else if (strncmp(s, "RIGHTHYPHENMIN", 14) == 0)
			h->rmin = atoi(s + 14) > 0 ? atoi(s + 14) : 3;
		else if (strcmp(s, "NEXTLEVEL") == 0)
			break;
		else if (*s == '%' || *s == '#' || *s == '\0' ||
		    strchr(s, '/') != NULL || (*s >= 'A' && *s <= 'Z'))
			continue;
		else
			add_pattern(h, s);
	}
	fclose(f);
	h->path = xstrdup(path);
	if (h->n == 0) {
		hyph_free(h);
		return NULL;
	}
	return h;
}

struct hyph *
hyph_load(const char *lang)
{
	struct hyph	*h = NULL;
	char		*path;

	if ((path = pattern_path(lang)) != NULL)
		h = load_file(path);
	free(path);
	return h;
}

void
hyph_free(struct hyph *h)
{
	if (h == NULL)
		return;
	free(h->tab);
	arena_free(h->arena);
	free(h->path);
	free(h);
}

/*
 * The process-wide cache: every pattern file read, and language tag ->
 * its file's patterns (NULL: none).  Tags naming one file share it.
 */
static struct hyph	**files;
static size_t		  nfiles, filecap;
static struct {
	char		*lang;
	struct hyph	*h;
}			  tags[MAX_CACHE];
static size_t		  ntags;
static pthread_mutex_t	  cache_lock = PTHREAD_MUTEX_INITIALIZER;

static void
cache_free(void)
{
	size_t	 i;

	for (i = 0; i < nfiles; i++)
		hyph_free(files[i]);
	for (i = 0; i < ntags; i++)
		free(tags[i].lang);
	free(files);
	files = NULL;
	nfiles = filecap = ntags = 0;
}

/* The patterns of the file for lang, read if new; the lock is held. */
static struct hyph *
cache_file(const char *lang)
{
	static int	 registered;
	struct hyph	*h = NULL;
	char		*path;
	size_t		 i;

	if ((path = pattern_path(lang)) == NULL)
		return NULL;
	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i]->path, path) == 0) {
			h = files[i];
			goto out;
		}
	if ((h = load_file(path)) == NULL)
		goto out;
	if (!registered)
		registered = atexit(cache_free) == 0;
	xgrow(&files, &filecap, nfiles + 1, sizeof(*files));
	files[nfiles++] = h;
out:
	free(path);
	return h;
}

/*
 * The patterns for lang, each file read at most once per process;
 * NULL if the language has none.  Safe to call from several threads;
 * the object belongs to the cache (do not free it).  The first
 * MAX_CACHE tags are remembered; later ones cost a stat() each time.
 */
const struct hyph *
hyph_get(const char *lang)
{
	struct hyph	*h = NULL;
	size_t		 i;

	if (lang == NULL)
		return NULL;
	pthread_mutex_lock(&cache_lock);
	for (i = 0; i < ntags; i++)
		if (strcmp(tags[i].lang, lang) == 0) {
			h = tags[i].h;
			goto out;
		}
	h = cache_file(lang);
	if (ntags < MAX_CACHE) {
		tags[ntags].lang = xstrdup(lang);
		tags[ntags++].h = h;
	}
out:
	pthread_mutex_unlock(&cache_lock);
	return h;
}

static uint32_t
lower(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	return c;
}

void
hyph_word(const struct hyph *h, const char *w, size_t len, char *ok)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 off[MAX_WORD + 3], n = 0, i = 0, st, l, j, v;
	char		 lv[4 * MAX_WORD + 8];
	const struct pat *p;
	int32_t		 cp;

	memset(ok, 0, len);
	buf_putc(&b, '.');
	off[n++] = 0;
	while (i < len) {
		if ((cp = utf8_next(w, len, &i)) < 0 || n > MAX_WORD)
			goto out;
		off[n++] = b.len;
		utf8_put(&b, lower((uint32_t)cp));
	}
	off[n++] = b.len;
	buf_putc(&b, '.');
	/* n code points including both dots; off[k] starts code point k. */
	memset(lv, '0', b.len + 1);
	for (st = 0; st < n; st++)
		for (l = 1; l <= h->maxlen && st + l <= n; l++) {
			j = st + l < n ? off[st + l] : b.len;
			if ((p = lookup(h, b.data + off[st], j - off[st])) ==
			    NULL)
				continue;
			for (v = 0; p->val[v] != '\0'; v++)
				if (p->val[v] > lv[off[st] + v])
					lv[off[st] + v] = p->val[v];
		}
	/* A break before letter k (1-based) is at byte off[k] - 1 of w. */
	for (i = 1 + (size_t)h->lmin; i + (size_t)h->rmin < n; i++)
		if ((lv[off[i]] - '0') % 2 == 1)
			ok[off[i] - 1] = 1;
out:
	buf_free(&b);
}
