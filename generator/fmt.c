/*
 * fmt.c: numbers on the page (docs/formats.md).
 *
 * Every number goes through a decimal digit string: printf's "%e"
 * gives seventeen significant digits (the only locale-dependent byte
 * in that output, the decimal point, is skipped), those are rounded
 * to fifteen to drop binary noise (0.1 + 0.2 is 0.3 on the page), and
 * from there all rounding is decimal, half away from zero, as people
 * round: 2.5% to no decimals is 3%, 1.005 to two is 1.01.
 */
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "data.h"
#include "fmt.h"

#define MINUS	"\xe2\x88\x92"	/* U+2212, the typographic minus */
#define TIMES	"\xc3\x97"	/* U+00D7 */
#define SIG	15

/* A decimal number: d[0].d[1]d[2]... times 10^e, n digits. */
struct dec {
	char	 d[40];
	int	 n;
	int	 e;
};

/* Digits of |x| (finite), rounded to at most sig significant digits. */
static void
dec_of(struct dec *v, double x, int sig)
{
	char	 tmp[64], *p;
	int	 k;

	snprintf(tmp, sizeof(tmp), "%.16e", fabs(x));
	v->n = 0;
	for (p = tmp; *p != '\0' && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			v->d[v->n++] = *p;
	v->e = *p == 'e' ? atoi(p + 1) : 0;
	/* Round half up to sig digits. */
	if (v->n > sig) {
		if (v->d[sig] >= '5') {
			for (k = sig; k > 0 && v->d[k - 1] == '9'; k--)
				v->d[k - 1] = '0';
			if (k == 0) {
				v->d[0] = '1';
				v->e++;
			} else
				v->d[k - 1]++;
		}
		v->n = sig;
	}
	while (v->n > 1 && v->d[v->n - 1] == '0')
		v->n--;
	if (v->n == 1 && v->d[0] == '0')
		v->e = 0;
}

/*
 * Round to keep k significant digits (k <= 0 rounds to the power of
 * ten above, or to zero).
 */
static void
dec_round(struct dec *v, int k)
{
	int	 i;

	if (v->n == 1 && v->d[0] == '0')
		return;
	if (k >= v->n)
		return;
	if (k < 0) {
		v->d[0] = '0';
		v->n = 1;
		v->e = 0;
		return;
	}
	if (k == 0) {
		if (v->d[0] >= '5') {
			v->d[0] = '1';
			v->n = 1;
			v->e++;
		} else {
			v->d[0] = '0';
			v->n = 1;
			v->e = 0;
		}
		return;
	}
	if (v->d[k] >= '5') {
		for (i = k; i > 0 && v->d[i - 1] == '9'; i--)
			v->d[i - 1] = '0';
		if (i == 0) {
			v->d[0] = '1';
			v->e++;
		} else
			v->d[i - 1]++;
	}
	v->n = k;
	while (v->n > 1 && v->d[v->n - 1] == '0')
		v->n--;
	if (v->n == 1 && v->d[0] == '0')
		v->e = 0;
}

static int
dec_zero(const struct dec *v)
{
	return v->n == 1 && v->d[0] == '0';
}

/* Digit at decimal position p (0: units, 1: tens, -1: tenths). */
static char
dec_at(const struct dec *v, int p)
{
	int	 i = v->e - p;

	return i >= 0 && i < v->n ? v->d[i] : '0';
}

/*
 * Write v in fixed notation with prec decimals (-1: as many as the
 * digits need), with thousands separators if group.
 */
static void
dec_fixed(struct buf *b, const struct dec *v, int prec, int group,
    int trimz)
{
	int	 p, top, last;

	top = v->e > 0 ? v->e : 0;
	for (p = top; p >= 0; p--) {
		buf_putc(b, dec_at(v, p));
		if (group && p > 0 && p % 3 == 0)
			buf_putc(b, ',');
	}
	last = prec >= 0 ? -prec : (v->e - v->n + 1 < 0 ?
	    v->e - v->n + 1 : 0);
	if (trimz)
		while (last < 0 && dec_at(v, last) == '0')
			last++;
	if (last < 0) {
		buf_putc(b, '.');
		for (p = -1; p >= last; p--)
			buf_putc(b, dec_at(v, p));
	}
}

void
numfmt_defaults(struct numfmt *f)
{
	memset(f, 0, sizeof(*f));
	f->type = 'g';
	f->prec = -1;
	f->lang = "en";
}

int
numfmt_parse(const char *spec, struct numfmt *f, char **err)
{
	const char	*p = spec;
	int		 prec;

	numfmt_defaults(f);
	*err = NULL;
	if (*p == '$') {
		memcpy(f->prefix, "$", 2);
		p++;
	}
	if (*p == '+') {
		f->sign = '+';
		p++;
	} else if (*p == '-')
		p++;
	if (*p == ',') {
		f->group = 1;
		p++;
	}
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9') {
			*err = xasprintf("expected digits after '.' in "
			    "format '%s'", spec);
			return 0;
		}
		for (prec = 0; *p >= '0' && *p <= '9'; p++) {
			prec = prec * 10 + (*p - '0');
			if (prec > 17) {
				*err = xasprintf("precision above 17 in "
				    "format '%s'", spec);
				return 0;
			}
		}
		f->prec = prec;
	}
	if (*p == '~') {
		f->trim = 1;
		p++;
	}
	if (*p != '\0' && strchr("f%sdxg", *p) != NULL)
		f->type = *p++;
	else if (*p != '\0' && *p != ' ' && ((*p >= 'a' && *p <= 'z') ||
	    (*p >= 'A' && *p <= 'Z'))) {
		*err = xasprintf("unknown number type '%c' in format '%s'; "
		    "expected f, %%, s, d, x or g", *p, spec);
		return 0;
	}
	if (strlen(p) >= sizeof(f->unit)) {
		*err = xasprintf("the unit in format '%s' is longer than %zu "
		    "bytes", spec, sizeof(f->unit) - 1);
		return 0;
	}
	memcpy(f->unit, p, strlen(p) + 1);
	return 1;
}

/* The suffix for 's': thousands (k, M, bn, tn) or, in Chinese, 万 and 亿. */
static const char *
suffix(int zh, int e, int *shift)
{
	if (zh) {
		if (e >= 12) {
			*shift = 12;
			return "\xe4\xb8\x87\xe4\xba\xbf";	/* 万亿 */
		}
		if (e >= 8) {
			*shift = 8;
			return "\xe4\xba\xbf";			/* 亿 */
		}
		if (e >= 4) {
			*shift = 4;
			return "\xe4\xb8\x87";			/* 万 */
		}
	} else {
		if (e >= 12) {
			*shift = 12;
			return "tn";
		}
		if (e >= 9) {
			*shift = 9;
			return "bn";
		}
		if (e >= 6) {
			*shift = 6;
			return "M";
		}
		if (e >= 3) {
			*shift = 3;
			return "k";
		}
	}
	*shift = 0;
	return "";
}

void
fmt_num(struct buf *b, double x, const struct numfmt *f)
{
	struct numfmt	 def;
	struct dec	 v;
	const char	*sfx = "";
	int		 prec, shift, zh, neg, sig;

	if (f == NULL) {
		numfmt_defaults(&def);
		f = &def;
	}
	if (!isfinite(x)) {
		buf_puts(b, "\xe2\x80\x94");	/* an em dash */
		return;
	}
	zh = fmt_zh(f->lang);
	if (f->type == '%')
		x *= 100;
	dec_of(&v, x, SIG);
	prec = f->prec;
	switch (f->type) {
	case 'd':
		dec_round(&v, v.e + 1);
		prec = 0;
		break;
	case 's':
		sig = prec < 0 ? 3 : prec > 0 ? prec : 1;
		dec_round(&v, sig);
		sfx = suffix(zh, v.e, &shift);
		v.e -= shift;
		/* Decimals to show the significant digits asked for. */
		prec = sig - 1 - v.e;
		if (prec < 0)
			prec = 0;
		break;
	case 'g':
		if (prec > 0)
			dec_round(&v, prec);
		prec = -1;
		break;
	case 'x':
	case '%':
	case 'f':
	default:
		if (prec < 0 && f->type != 'f')
			prec = f->type == 'x' && fabs(x) >= 10 ? 0 : 1;
		if (prec >= 0)
			dec_round(&v, v.e + 1 + prec);
		break;
	}
	neg = x < 0 && !dec_zero(&v);
	if (neg)
		buf_puts(b, MINUS);
	else if (f->sign == '+' && !dec_zero(&v))
		buf_putc(b, '+');
	buf_puts(b, f->prefix);
	dec_fixed(b, &v, prec, f->group, f->trim || (f->type == 's' &&
	    f->prec < 0));
	buf_puts(b, sfx);
	if (f->type == '%')
		buf_putc(b, '%');
	else if (f->type == 'x')
		buf_puts(b, TIMES);
	buf_puts(b, f->unit);
}

int
fmt_zh(const char *lang)
{
	return lang != NULL && strncmp(lang, "zh", 2) == 0 &&
	    (lang[2] == '\0' || lang[2] == '-');
}

void
fmt_value(struct buf *b, const struct value *v, const struct numfmt *f)
{
	switch (v->kind) {
	case V_NUM:
		fmt_num(b, v->num, f);
		break;
	case V_TEXT:
		buf_puts(b, v->str);
		break;
	case V_LOWER:
		buf_putc(b, '>');
		fmt_num(b, v->num, f);
		break;
	case V_UPPER:
		buf_putc(b, '<');
		fmt_num(b, v->num, f);
		break;
	case V_NA:
		buf_puts(b, "NA");
		break;
	case V_WITHHELD:
		buf_puts(b, "W");
		break;
	case V_NOTAPPL:
		buf_puts(b, "XX");
		break;
	case V_NOTE:
		buf_puts(b, v->str ? v->str : "\xe2\x80\x94");
		break;
	default:
		buf_puts(b, "\xe2\x80\x94");
		break;
	}
}

static pthread_once_t	 c_once = PTHREAD_ONCE_INIT;
static locale_t		 c_locale;

static void
c_locale_init(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

void
fmt_shortest(struct buf *b, double x)
{
	struct buf	 t = { NULL, 0, 0 };
	struct dec	 v;
	int		 sig, p;

	pthread_once(&c_once, c_locale_init);
	for (sig = SIG; sig <= 17; sig++) {
		dec_of(&v, x, sig);
		buf_reset(&t);
		if (x < 0 && !dec_zero(&v))
			buf_putc(&t, '-');
		if (v.e >= 21 || v.e < -6) {
			/* Exponent form for the very large and small. */
			buf_putc(&t, v.d[0]);
			if (v.n > 1) {
				buf_putc(&t, '.');
				for (p = 1; p < v.n; p++)
					buf_putc(&t, v.d[p]);
			}
			buf_printf(&t, "e%d", v.e);
		} else
			dec_fixed(&t, &v, -1, 0, 1);
		if (strtod_l(t.data, NULL, c_locale) == x)
			break;
	}
	buf_put(b, t.data, t.len);
	buf_free(&t);
}
