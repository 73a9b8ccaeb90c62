/*
 * fmt.h: numbers on the page.  Thousands separators, fixed decimals,
 * percent, SI-style suffixes and units, written the same whatever the
 * process locale (nothing here calls printf's %f on user numbers
 * through the locale, and setlocale() is never called).
 *
 * A format is a short spec in the manner of d3-format, the notation
 * Vega-Lite and Observable users know (docs/formats.md):
 *
 *	",.0f"    1,234,567     ".1%"   34.5%     ".3s"  1.23M
 *	",.1f t"  1,234.6 t     ".0x"   40×       "d"    1235
 *
 * Base layer: includes only data.h (for struct value) and libc.
 */
#ifndef FMT_H
#define FMT_H

#include "aux.h"
#include "data.h"

struct numfmt {
	char	 type;		/* 'f' fixed, '%' percent, 's' suffix,
				   'd' whole, 'x' multiple, 'g' shortest */
	int	 prec;		/* digits after the point; -1: automatic */
	int	 group;		/* thousands separators */
	int	 trim;		/* '~': drop trailing zeros */
	char	 prefix[8];	/* e.g. "$" */
	char	 unit[32];	/* text after the number, e.g. " t" */
	const char *lang;	/* "en" (default) or "zh": suffix words */
	int	 sign;		/* '+': show a plus sign on positive numbers */
};

void	 numfmt_defaults(struct numfmt *);
/* Parse spec into f; return 1, or 0 with a message in *err (caller frees). */
int	 numfmt_parse(const char *spec, struct numfmt *f, char **err);
/* Append x formatted by f. */
void	 fmt_num(struct buf *, double x, const struct numfmt *f);
/*
 * Append a cell: numbers through f, text as is, and missing kinds as
 * the sources print them ("W", "NA", "XX", "—" for empty, ">N").
 */
void	 fmt_value(struct buf *, const struct value *, const struct numfmt *f);

/*
 * Append the shortest text that reads back as x exactly, with a '.'
 * whatever the locale and no separators (for JSON and CSV output).
 */
void	 fmt_shortest(struct buf *, double x);

/* Is lang Chinese: "zh", or "zh-" and a region or script ("zh-CN")? */
int	 fmt_zh(const char *lang);

#endif /* !FMT_H */
