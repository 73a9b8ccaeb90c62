/*
 * test_chart_axis.c: nice ticks and dates.  Hand-worked cases first,
 * then properties over many random ranges: the ticks cover the data,
 * never exceed the count allowed, are whole multiples of a step of
 * 1, 2, 2.5 or 5 times a power of ten, and the step is no larger than
 * the bound that choosing the smallest fitting step guarantees.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "chart_int.h"
#include "harness.h"

static uint64_t	 seed = 0x9e3779b97f4a7c15ULL;

static double
rnd(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(seed >> 11) / 9007199254740992.0;
}

static int
same_ticks(const struct ticks *t, const double *want, size_t n)
{
	size_t	 i;

	if (t->n != n)
		return 0;
	for (i = 0; i < n; i++)
		if (t->v[i] != want[i])
			return 0;
	return 1;
}

static void
hand(void)
{
	struct ticks	 t;
	static const double a[] = { 0, 2e6, 4e6, 6e6 };
	static const double b[] = { 0, 1e6, 2e6, 3e6, 4e6, 5e6, 6e6 };
	static const double c[] = { 0, 0.5, 1, 1.5, 2 };
	static const double d[] = { -5, 0, 5, 10 };
	static const double e[] = { 2019, 2020, 2021, 2022, 2023 };
	static const double f[] = { 2000, 2005, 2010, 2015, 2020, 2025 };
	static const double g[] = { 0, 0.1, 0.2, 0.3 };
	static const double h[] = { 0, 20, 40, 60, 80, 100 };

	/* 1e6 would need 7 ticks; 2e6 needs 4. */
	nice_ticks(0, 6e6, 6, 0, &t);
	CHECK(same_ticks(&t, a, 4) && t.step == 2e6, "0..6e6 in 6: step 2e6");
	nice_ticks(0, 6e6, 7, 0, &t);
	CHECK(same_ticks(&t, b, 7), "0..6e6 in 7: step 1e6");
	/* 0.25 would need 8 ticks (0..1.75 does not reach 1.7? it does:
	 * 0..1.75 is 8 ticks), 0.5 needs 5. */
	nice_ticks(0, 1.7, 5, 0, &t);
	CHECK(same_ticks(&t, c, 5), "0..1.7 in 5: step 0.5");
	/* 2 and 2.5 need 7 ticks; 5 needs 4. */
	nice_ticks(-3.2, 7.9, 6, 0, &t);
	CHECK(same_ticks(&t, d, 4), "-3.2..7.9 in 6: step 5");
	nice_ticks(2019, 2023, 6, 1, &t);
	CHECK(same_ticks(&t, e, 5), "years 2019..2023: every year");
	/* 2.5 is no step for years; 5 gives 2000..2025. */
	nice_ticks(2000, 2023, 6, 1, &t);
	CHECK(same_ticks(&t, f, 6), "years 2000..2023 in 6: every 5 years");
	/* Decimal steps print as written: 0.3, not 0.30000000000000004. */
	nice_ticks(0, 0.3, 4, 0, &t);
	CHECK(same_ticks(&t, g, 4), "0..0.3 in 4: exactly 0.1 apart");
	/* 10 needs 11 ticks, 20 needs 6. */
	nice_ticks(0, 100, 6, 0, &t);
	CHECK(same_ticks(&t, h, 6), "0..100 in 6: step 20");
	nice_ticks(5, 5, 6, 0, &t);
	CHECK(t.n >= 2 && t.lo <= 5 && t.hi >= 5 && t.lo < t.hi,
	    "one value gets a range around it (%g..%g)", t.lo, t.hi);
	CHECK(!nice_ticks(NAN, 1, 5, 0, &t), "NaN is refused");
}

static int
is_nice(double step)
{
	double	 m = step / pow(10, floor(log10(step) + 1e-9));

	return fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 ||
	    fabs(m - 2.5) < 1e-9 || fabs(m - 5) < 1e-9;
}

static void
properties(void)
{
	struct ticks	 t;
	size_t		 i, k, maxn, bad = 0, loose = 0;
	double		 lo, hi, mag, q;
	int		 integer;

	for (k = 0; k < 20000; k++) {
		mag = pow(10, floor(rnd() * 13) - 4);
		lo = (rnd() - 0.3) * mag;
		hi = lo + rnd() * mag * (rnd() < 0.1 ? 1e-3 : 1);
		maxn = 2 + (size_t)(rnd() * 11);
		integer = rnd() < 0.2 && mag >= 10;
		if (integer) {
			lo = floor(lo);
			hi = ceil(hi);
		}
		if (!nice_ticks(lo, hi, maxn, integer, &t)) {
			bad++;
			continue;
		}
		if (lo < 0 && hi > 0 && maxn < 3)
			maxn = 3;
		if (t.n < 2 || t.n > maxn || t.v[0] > lo + 1e-9 * t.step ||
		    t.v[t.n - 1] < hi - 1e-9 * t.step ||
		    !is_nice(t.step) || (integer && t.step < 1)) {
			if (bad++ < 5)
				printf("# bad: %.17g..%.17g in %zu: %zu ticks "
				    "%g..%g step %g\n", lo, hi, maxn, t.n,
				    t.v[0], t.v[t.n - 1], t.step);
			continue;
		}
		for (i = 0; i < t.n; i++) {
			q = t.v[i] / t.step;
			if (fabs(q - round(q)) > 1e-6 || (i > 0 &&
			    fabs(t.v[i] - t.v[i - 1] - t.step) > 1e-9 * t.step *
			    (1 + fabs(q)))) {
				bad++;
				break;
			}
		}
		/*
		 * The next smaller step (at most 2 times smaller; 2.5
		 * for whole numbers, which skip 2.5) needed more than
		 * maxn ticks, so (hi - lo) / (step / 2) + 2 > maxn.
		 */
		if (maxn >= 3 && hi > lo && t.step > (integer ? 2.5 : 2) *
		    (hi - lo) /
		    (double)(maxn - 2) * (1 + 1e-9) && !(integer &&
		    t.step == 1)) {
			if (loose++ < 5)
				printf("# loose: %.17g..%.17g in %zu: %zu ticks "
				    "%g..%g step %g\n", lo, hi, maxn, t.n,
				    t.v[0], t.v[t.n - 1], t.step);
		}
	}
	CHECK(bad == 0, "20000 random ranges: ticks cover, fit, are nice "
	    "(%zu bad)", bad);
	CHECK(loose == 0, "20000 random ranges: no step larger than needed "
	    "(%zu too loose)", loose);
}

static void
dates(void)
{
	struct ticks	 t;
	size_t		 i;
	long		 z;
	int		 y, m, d, ok = 1;

	/* 2000-01-01 is day 10957: 30 years of 365 days and 7 leap days. */
	CHECK(ymd_to_days(1970, 1, 1) == 0 && ymd_to_days(2000, 1, 1) ==
	    10957, "day numbers of 1970-01-01 and 2000-01-01");
	/* 2000 is a leap year: March 1st is 31 + 29 days later. */
	CHECK(ymd_to_days(2000, 3, 1) == 10957 + 60, "2000-03-01");
	CHECK(ymd_to_days(2019, 1, 1) == 10957 + 19 * 365 + 5, "2019-01-01");
	for (z = -800000; z < 800000; z += 997) {
		days_to_ymd(z, &y, &m, &d);
		if (ymd_to_days(y, m, d) != z || m < 1 || m > 12 || d < 1 ||
		    d > 31)
			ok = 0;
	}
	CHECK(ok, "days and dates round-trip over 4,000 years");
	/* March 2019 to November 2024: yearly, 2019-01-01 .. 2025-01-01. */
	date_ticks(ymd_to_days(2019, 3, 15), ymd_to_days(2024, 11, 2), 8, &t);
	CHECK(t.n == 7 && t.v[0] == ymd_to_days(2019, 1, 1) &&
	    t.v[6] == ymd_to_days(2025, 1, 1) && !t.months,
	    "2019-03..2024-11 in 8: every year (%zu ticks)", t.n);
	/* Five months: monthly. */
	date_ticks(ymd_to_days(2023, 7, 3), ymd_to_days(2023, 11, 20), 8, &t);
	CHECK(t.n == 6 && t.months && t.step == 1 &&
	    t.v[0] == ymd_to_days(2023, 7, 1) &&
	    t.v[5] == ymd_to_days(2023, 12, 1), "Jul..Dec 2023: monthly");
	date_ticks(ymd_to_days(1990, 1, 1), ymd_to_days(2024, 6, 1), 8, &t);
	for (i = 0, ok = t.n <= 8; i < t.n; i++) {
		days_to_ymd((long)t.v[i], &y, &m, &d);
		if (m != 1 || d != 1 || y % 5 != 0)
			ok = 0;
	}
	CHECK(ok && t.v[0] <= ymd_to_days(1990, 1, 1) &&
	    t.v[t.n - 1] >= ymd_to_days(2024, 6, 1),
	    "1990..2024 in 8: January firsts every 5 or 10 years");
}

int
main(void)
{
	hand();
	properties();
	dates();
	HARNESS_END();
}
