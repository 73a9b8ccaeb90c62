/*
 * test_fmt.c: numbers on the page.  The expected strings are worked
 * out by hand (decimal rounding half away from zero, as people round).
 *
 * With --setlocale the program first calls setlocale(LC_ALL, ""), as
 * a library might; tests/cases/data_locale.sh runs it so under a
 * comma-decimal locale (de_DE.UTF-8) and the output must not change.
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "data.h"
#include "fmt.h"
#include "harness.h"

static void
f(const char *spec, double x, const char *want)
{
	struct numfmt	 nf;
	struct buf	 b = { NULL, 0, 0 };
	char		*err = NULL;

	if (!numfmt_parse(spec, &nf, &err)) {
		CHECK(0, "format '%s' parses: %s", spec, err);
		free(err);
		return;
	}
	fmt_num(&b, x, &nf);
	CHECK_STR(b.data, want, "'%s' of %.17g is %s", spec, x, want);
	buf_free(&b);
}

static void
fzh(const char *spec, double x, const char *want)
{
	struct numfmt	 nf;
	struct buf	 b = { NULL, 0, 0 };
	char		*err = NULL;

	numfmt_parse(spec, &nf, &err);
	nf.lang = "zh";
	fmt_num(&b, x, &nf);
	CHECK_STR(b.data, want, "zh '%s' of %g is %s", spec, x, want);
	buf_free(&b);
	free(err);
}

static void
bad(const char *spec, const char *want)
{
	struct numfmt	 nf;
	char		*err = NULL;

	CHECK(!numfmt_parse(spec, &nf, &err) && err != NULL &&
	    strstr(err, want) != NULL, "format '%s' is refused: %s", spec,
	    want);
	if (err != NULL && strstr(err, want) == NULL)
		printf("#   got: %s\n", err);
	free(err);
}

static void
val(int kind, double x, const char *str, const char *spec, const char *want)
{
	struct numfmt	 nf;
	struct value	 v;
	struct buf	 b = { NULL, 0, 0 };
	char		*err = NULL;

	numfmt_parse(spec, &nf, &err);
	memset(&v, 0, sizeof(v));
	v.kind = (unsigned char)kind;
	v.num = x;
	v.str = str;
	fmt_value(&b, &v, &nf);
	CHECK_STR(b.data, want, "value of kind %d as '%s' is %s", kind, spec,
	    want);
	buf_free(&b);
	free(err);
}

static void
shortest(double x, const char *want)
{
	struct buf	 b = { NULL, 0, 0 };

	fmt_shortest(&b, x);
	CHECK_STR(b.data, want, "shortest of %.17g is %s", x, want);
	buf_free(&b);
}

int
main(int argc, char *argv[])
{
	char	 probe[16];

	if (argc > 1 && strcmp(argv[1], "--setlocale") == 0) {
		setlocale(LC_ALL, "");
		/* Prove the comma locale is in force for printf. */
		snprintf(probe, sizeof(probe), "%.1f", 1.5);
		CHECK(strcmp(probe, "1,5") == 0, "printf in this locale "
		    "writes 1.5 as '%s' (a comma locale is active)", probe);
	}

	/* Thousands separators and fixed decimals. */
	f(",.0f", 1234567, "1,234,567");
	f(",.0f", 1234567.5, "1,234,568");
	f(",.0f", 999, "999");
	f(",.0f", 1000, "1,000");
	f(",.2f", 1234.5, "1,234.50");
	f(".2f", 1.005, "1.01");
	f(".2f", 2.675, "2.68");
	f(".1f", -1.25, "\xe2\x88\x92" "1.3");
	f(".0f", -0.4, "0");
	f(".3f", 0.0004, "0.000");
	f(".3f", 0.0005, "0.001");
	f(",.1f t", 1234.56, "1,234.6 t");
	f(",.0f kt", 44000, "44,000 kt");
	f("$,.0f", 1234, "$1,234");
	f("$,.0f", -1234, "\xe2\x88\x92$1,234");
	f(".2~f", 2.5, "2.5");
	f(".1~f", 2.0, "2");
	f(",f", 1234567.891, "1,234,567.891");
	/* Whole numbers. */
	f("d", 1234.5, "1235");
	f(",d", 1234.5, "1,235");
	f("d", 2023, "2023");
	f("d", -0.4, "0");
	/* Percent: fractions times 100. */
	f(".1%", 0.345, "34.5%");
	f(".0%", 0.025, "3%");
	f(".1%", 0.0005, "0.1%");
	f("%", 0.79090909, "79.1%");
	f(".2%", 1, "100.00%");
	f("+.1%", 0.05, "+5.0%");
	f("+.1%", -0.05, "\xe2\x88\x92" "5.0%");
	f("+.1%", 0, "0.0%");
	/* SI-style suffixes: significant digits. */
	f(".3s", 1234567, "1.23M");
	f(".3s", 999999, "1.00M");
	f(".3s", 999.4, "999");
	f(".3s", 950, "950");
	f(".3s", 12.3456, "12.3");
	f(".3s", 0.0123456, "0.0123");
	f("s", 1500000, "1.5M");
	f("s", 44000000, "44M");
	f(".2s", 2.5e9, "2.5bn");
	f("s", 1.2e12, "1.2tn");
	f("$.3s", 2.46e9, "$2.46bn");
	f(".3s USD", 1.5e6, "1.50M USD");
	/* Chinese suffixes. */
	fzh(".3s", 12345, "1.23\xe4\xb8\x87");
	fzh("s", 150000000, "1.5\xe4\xba\xbf");
	fzh("s", 2e12, "2\xe4\xb8\x87\xe4\xba\xbf");
	fzh("s", 9999, "1\xe4\xb8\x87");
	/* Multiples. */
	f(".0x", 40.4, "40\xc3\x97");
	f("x", 2.5, "2.5\xc3\x97");
	f("x", 42.6, "43\xc3\x97");
	/* Shortest: float noise goes. */
	f("g", 0.1 + 0.2, "0.3");
	f("g", 13.539000000000001, "13.539");
	f(",g", 1234567.891, "1,234,567.891");
	f(".3g", 1234.5, "1230");
	f("", 42, "42");
	f("g", NAN, "\xe2\x80\x94");

	/* Values of every kind. */
	val(V_NUM, 44000000, NULL, ",.0f", "44,000,000");
	val(V_LOWER, 2000000, NULL, ",.0f", ">2,000,000");
	val(V_UPPER, 0.5, NULL, "g", "<0.5");
	val(V_UPPER, 0.423, NULL, ".1%", "<42.3%");
	val(V_WITHHELD, 0, NULL, ",.0f", "W");
	val(V_NA, 0, NULL, ",.0f", "NA");
	val(V_NOTAPPL, 0, NULL, ",.0f", "XX");
	val(V_NULL, 0, NULL, ",.0f", "\xe2\x80\x94");
	val(V_NOTE, 0, "Included in World total.", ",.0f",
	    "Included in World total.");
	val(V_TEXT, 0, "China", ",.0f", "China");

	/* Bad specs say what is wrong. */
	bad(".q", "expected digits after '.'");
	bad(",.1q", "unknown number type 'q'");
	bad(".25f", "precision above 17");
	bad(",.0f this unit is far too long to be a unit", "longer than 31");

	/* JSON and CSV numbers: shortest round trip, '.' always. */
	shortest(0.1, "0.1");
	shortest(1.0 / 3, "0.3333333333333333");
	shortest(-0.5, "-0.5");
	shortest(44000000, "44000000");
	shortest(1e21, "1e21");
	shortest(1.5e-7, "1.5e-7");
	shortest(0.1 + 0.2, "0.30000000000000004");
	shortest(0, "0");
	HARNESS_END();
}
