/*
 * layout_style.c: the style of a PDF briefing.  Starts from the
 * built-in defaults, then applies the document's style settings, each
 * checked and reported at its file:line:col when unknown or malformed.
 * The template stage collects them in order: a theme's first (themes
 * are resolved there, so that the HTML writer and the depfile see them
 * too), then the front matter's style:.  docs/pdf.md lists the keys.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "aux.h"
#include "doc.h"
#include "font.h"
#include "layout.h"
#include "msg.h"
#include "pdf.h"

enum vtype { K_LEN, K_SIZE, K_NUM, K_INT, K_BOOL, K_COLOR, K_PAGE };

/* One known setting: where it goes in struct style. */
struct key {
	const char	*name;
	enum vtype	 type;
	size_t		 off;
	double		 lo, hi;	/* range of numbers */
};

#define S(f)	offsetof(struct style, f)

static const struct key keys[] = {
	{ "page-size",		K_PAGE,  0, 0, 0 },
	{ "margin",		K_LEN,   0, 0, 200 },
	{ "margin-top",		K_LEN,   S(mt), 0, 200 },
	{ "margin-bottom",	K_LEN,   S(mb), 0, 200 },
	{ "margin-left",	K_LEN,   S(ml), 0, 200 },
	{ "margin-right",	K_LEN,   S(mr), 0, 200 },
	{ "font-size",		K_SIZE,  S(body), 6, 24 },
	{ "line-height",	K_NUM,   S(leading), 1, 3 },
	{ "paragraph-spacing",	K_LEN,   S(parskip), 0, 72 },
	{ "heading-1-size",	K_SIZE,  S(h[0]), 6, 48 },
	{ "heading-2-size",	K_SIZE,  S(h[1]), 6, 48 },
	{ "heading-3-size",	K_SIZE,  S(h[2]), 6, 48 },
	{ "heading-4-size",	K_SIZE,  S(h[3]), 6, 48 },
	{ "small-size",		K_SIZE,  S(small), 5, 24 },
	{ "code-size",		K_SIZE,  S(code), 5, 24 },
	{ "table-size",		K_SIZE,  S(tsize), 5, 24 },
	{ "title-size",		K_SIZE,  S(title), 10, 72 },
	{ "justify",		K_BOOL,  S(justify), 0, 0 },
	{ "hyphenate",		K_BOOL,  S(hyphenate), 0, 0 },
	{ "cover",		K_BOOL,  S(cover), 0, 0 },
	{ "toc",		K_BOOL,  S(toc), 0, 0 },
	{ "toc-depth",		K_INT,   S(tocdepth), 1, 6 },
	{ "number-headings",	K_BOOL,  S(numbers), 0, 0 },
	{ "running-header",	K_BOOL,  S(header), 0, 0 },
	{ "running-footer",	K_BOOL,  S(footer), 0, 0 },
	{ "widows",		K_INT,   S(widows), 1, 5 },
	{ "orphans",		K_INT,   S(orphans), 1, 5 },
	{ "float-figures",	K_BOOL,  S(floats), 0, 0 },
	{ "text-color",		K_COLOR, S(text), 0, 0 },
	{ "heading-color",	K_COLOR, S(heading), 0, 0 },
	{ "accent-color",	K_COLOR, S(accent), 0, 0 },
	{ "link-color",		K_COLOR, S(link), 0, 0 },
	{ "muted-color",	K_COLOR, S(muted), 0, 0 },
	{ "rule-color",		K_COLOR, S(rule), 0, 0 },
	{ "callout-background",	K_COLOR, S(callout_bg), 0, 0 },
	{ "callout-bar",	K_COLOR, S(callout_bar), 0, 0 },
	{ "code-background",	K_COLOR, S(code_bg), 0, 0 },
	{ "zebra-color",	K_COLOR, S(zebra), 0, 0 },
	{ "table-header-background", K_COLOR, S(thead_bg), 0, 0 },
	{ "cover-background",	K_COLOR, S(cover_bg), 0, 0 },
	{ "cover-color",	K_COLOR, S(cover_fg), 0, 0 },
	{ NULL,			K_NUM,   0, 0, 0 }
};

static void
style_defaults(struct style *st, const struct pdf_opts *po)
{
	memset(st, 0, sizeof(*st));
	st->page_w = po->page_w > 0 ? po->page_w : 595.276;
	st->page_h = po->page_h > 0 ? po->page_h : 841.89;
	st->mt = po->margin_top > 0 ? po->margin_top : 72;
	st->mb = po->margin_bottom > 0 ? po->margin_bottom : 72;
	st->ml = po->margin_left > 0 ? po->margin_left : 68;
	st->mr = po->margin_right > 0 ? po->margin_right : 68;
	st->body = po->body_size > 0 ? po->body_size : 10;
	st->leading = 1.45;
	st->parskip = -1;		/* derived from the body size */
	st->h[0] = st->h[1] = st->h[2] = st->h[3] = -1;
	st->small = st->code = st->tsize = st->title = -1;
	st->justify = po->justify;
	st->hyphenate = po->hyphenate;
	st->cover = po->cover;
	st->toc = po->toc;
	st->numbers = po->number_headings;
	st->tocdepth = 2;
	st->header = st->footer = 1;
	st->widows = st->orphans = 2;
	st->floats = 1;
	st->text = 0x1a1a1a;
	st->heading = 0x0b2545;
	st->accent = 0x1d6fa5;
	st->link = 0x1d5fa5;
	st->muted = 0x5c6670;
	st->rule = 0xb8c0c8;
	st->callout_bg = 0xeef4f9;
	st->callout_bar = 0x1d6fa5;
	st->code_bg = 0xf3f4f5;
	st->zebra = 0xf2f5f8;
	st->thead_bg = 0xdde6ee;
	st->cover_bg = 0x0b2545;
	st->cover_fg = 0xffffff;
}

/* Sizes left at -1 follow the body size. */
static void
style_derive(struct style *st)
{
	static const double hs[4] = { 1.6, 1.3, 1.12, 1.0 };
	size_t	 i;

	for (i = 0; i < 4; i++)
		if (st->h[i] < 0)
			st->h[i] = round(st->body * hs[i] * 2) / 2;
	if (st->small < 0)
		st->small = st->body * 0.8;
	if (st->code < 0)
		st->code = st->body * 0.85;
	if (st->tsize < 0)
		st->tsize = st->body * 0.9;
	if (st->title < 0)
		st->title = st->body * 2.8;
	if (st->parskip < 0)
		st->parskip = st->body * 0.7;
}

/* A length: a number and a unit (pt, mm, cm, in, px); pt if none. */
static int
parse_len(const char *s, double *v)
{
	char	*end;
	double	 x;

	errno = 0;
	x = strtod(s, &end);
	if (errno || end == s || !isfinite(x))
		return 0;
	while (*end == ' ')
		end++;
	if (*end == '\0' || strcmp(end, "pt") == 0)
		;
	else if (strcmp(end, "mm") == 0)
		x *= 72 / 25.4;
	else if (strcmp(end, "cm") == 0)
		x *= 72 / 2.54;
	else if (strcmp(end, "in") == 0)
		x *= 72;
	else if (strcmp(end, "px") == 0)
		x *= 0.75;
	else
		return 0;
	*v = x;
	return 1;
}

static int
parse_bool(const char *s, int *v)
{
	if (strcasecmp(s, "true") == 0 || strcasecmp(s, "yes") == 0 ||
	    strcasecmp(s, "on") == 0)
		*v = 1;
	else if (strcasecmp(s, "false") == 0 || strcasecmp(s, "no") == 0 ||
	    strcasecmp(s, "off") == 0)
		*v = 0;
	else
		return 0;
	return 1;
}

/* "#rgb" or "#rrggbb". */
static int
parse_color(const char *s, uint32_t *v)
{
	size_t		 i, n;
	uint32_t	 c = 0;
	int		 d;

	if (*s++ != '#')
		return 0;
	n = strlen(s);
	if (n != 3 && n != 6)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else if (s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else
			return 0;
		c = c << 4 | (uint32_t)d;
		if (n == 3)
			c = c << 4 | (uint32_t)d;
	}
	*v = c;
	return 1;
}

/* "A4", "Letter", "Legal", "A5" or "WIDTH HEIGHT" in lengths. */
static int
parse_page(const char *s, struct style *st)
{
	static const struct { const char *name; double w, h; } sizes[] = {
		{ "A4", 595.276, 841.89 }, { "Letter", 612, 792 },
		{ "Legal", 612, 1008 }, { "A5", 419.528, 595.276 },
		{ NULL, 0, 0 }
	};
	char	*dup, *sp;
	double	 w, h;
	size_t	 i;
	int	 ok;

	for (i = 0; sizes[i].name != NULL; i++)
		if (strcasecmp(s, sizes[i].name) == 0) {
			st->page_w = sizes[i].w;
			st->page_h = sizes[i].h;
			return 1;
		}
	dup = xstrdup(s);
	if ((sp = strchr(dup, ' ')) == NULL && (sp = strchr(dup, 'x')) == NULL) {
		free(dup);
		return 0;
	}
	*sp++ = '\0';
	ok = parse_len(dup, &w) && parse_len(sp, &h) &&
	    w >= 144 && h >= 144 && w <= 2000 && h <= 2000;
	if (ok) {
		st->page_w = w;
		st->page_h = h;
	}
	free(dup);
	return ok;
}

static const char *
describe(enum vtype t)
{
	switch (t) {
	case K_LEN:
		return "a length such as 20mm, 2cm, 1in or 54pt";
	case K_SIZE:
		return "a font size in points";
	case K_NUM:
		return "a number";
	case K_INT:
		return "a whole number";
	case K_BOOL:
		return "true or false";
	case K_COLOR:
		return "a colour such as #1d6fa5";
	case K_PAGE:
		return "A4, Letter, Legal, A5 or WIDTH HEIGHT";
	}
	return "?";
}

/*
 * The key of a setting written nested in YAML, which the template
 * stage flattens to dotted names: "colors.accent" is "accent-color",
 * "margins.top" (or "margin.top") is "margin-top".
 */
static const char *
canonical(const char *key, char *tmp, size_t sz)
{
	if (strncmp(key, "colors.", 7) == 0 || strncmp(key, "colours.", 8) == 0) {
		key = strchr(key, '.') + 1;
		/* "colors.callout-background" is already a full name. */
		if (strchr(key, '-') == NULL)
			snprintf(tmp, sz, "%s-color", key);
		else
			snprintf(tmp, sz, "%s", key);
		return tmp;
	}
	if (strncmp(key, "margins.", 8) == 0 || strncmp(key, "margin.", 7) == 0) {
		snprintf(tmp, sz, "margin-%s", strchr(key, '.') + 1);
		return tmp;
	}
	return key;
}

/* Apply one setting; return 1, or 0 after reporting. */
static int
apply(struct style *st, const char *key, const char *val, const char *file,
    size_t line, size_t col)
{
	const struct key	*k;
	char			*field, tmp[64];
	const char		*name = canonical(key, tmp, sizeof(tmp));
	double			 x;
	int			 b, v, ok = 0;
	uint32_t		 c;

	for (k = keys; k->name != NULL; k++)
		if (strcmp(k->name, name) == 0)
			break;
	if (k->name == NULL && (strcmp(key, "fonts") == 0 ||
	    strncmp(key, "fonts.", 6) == 0 || strcmp(key, "font") == 0)) {
		msg(MSG_ERROR, file, line, col, "'%s': the typefaces are "
		    "those of the font set (fonts.conf, --fonts DIR); the "
		    "style sets sizes (font-size, heading-1-size, ...)", key);
		return 0;
	}
	if (k->name == NULL) {
		msg(MSG_ERROR, file, line, col, "unknown style setting '%s'",
		    key);
		return 0;
	}
	field = (char *)st + k->off;
	switch (k->type) {
	case K_PAGE:
		ok = parse_page(val, st);
		break;
	case K_LEN:
	case K_SIZE:
	case K_NUM:
		if (k->type == K_LEN || k->type == K_SIZE)
			ok = parse_len(val, &x);
		else
			ok = parse_len(val, &x) && strspn(val,
			    "0123456789.") == strlen(val);
		ok = ok && x >= k->lo && x <= k->hi;
		if (ok && strcmp(key, "margin") == 0)
			st->mt = st->mb = st->ml = st->mr = x;
		else if (ok)
			memcpy(field, &x, sizeof(x));
		break;
	case K_INT:
		ok = strspn(val, "0123456789") == strlen(val) && *val &&
		    strlen(val) < 4 && (x = atoi(val)) >= k->lo && x <= k->hi;
		if (ok) {
			v = atoi(val);
			memcpy(field, &v, sizeof(v));
		}
		break;
	case K_BOOL:
		if ((ok = parse_bool(val, &b)))
			memcpy(field, &b, sizeof(b));
		break;
	case K_COLOR:
		if ((ok = parse_color(val, &c)))
			memcpy(field, &c, sizeof(c));
		break;
	}
	if (!ok)
		msg(MSG_ERROR, file, line, col, "bad value '%s' for '%s': "
		    "expected %s%s", val, key, describe(k->type),
		    k->hi > 0 ? " in range" : "");
	return ok;
}

int
style_load(struct style *st, const struct doc *d, const struct pdf_opts *po,
    const struct fontset *fs)
{
	const struct docopt	*o;
	size_t			 i;
	int			 ok = 1;

	style_defaults(st, po);
	/*
	 * The template stage has put a theme's settings first, in order;
	 * settings for the HTML page alone are not ours.
	 */
	for (i = 0; i < d->nopts; i++) {
		o = &d->opts[i];
		if (strncmp(o->key, "html-", 5) == 0)
			continue;
		if (!apply(st, o->key, o->value, o->file, o->line, o->col))
			ok = 0;
	}
	style_derive(st);
	if (st->ml + st->mr > st->page_w - 144 ||
	    st->mt + st->mb > st->page_h - 144) {
		msg(MSG_ERROR, d->path, 0, 0, "the margins leave less than "
		    "2 inches of the page for text");
		ok = 0;
	}
	st->lang = d->meta.lang != NULL ? d->meta.lang : "en";
	return ok;
}
