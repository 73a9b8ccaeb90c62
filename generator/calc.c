/*
 * calc.c: shares, concentration ratios, the Herfindahl-Hirschman
 * index and its bands, leaders, growth: the arithmetic of the
 * briefings, on arrays of numbers.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"

double
calc_sum(const double *x, size_t n)
{
	double	 s = 0, c = 0, t;
	size_t	 i;

	for (i = 0; i < n; i++) {
		t = s + x[i];
		/* Neumaier: keep what the addition lost. */
		if (fabs(s) >= fabs(x[i]))
			c += (s - t) + x[i];
		else
			c += (x[i] - t) + s;
		s = t;
	}
	return s + c;
}

void
calc_shares(const double *x, size_t n, double denom, double *out)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		out[i] = denom != 0 ? x[i] / denom : NAN;
}

static int
desc(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

double
calc_cr(const double *x, size_t n, size_t k, double denom)
{
	double	*s, r;

	if (denom == 0)
		return NAN;
	if (n == 0)
		return 0;
	s = malloc(n * sizeof(*s));
	if (s == NULL)
		return NAN;
	memcpy(s, x, n * sizeof(*s));
	qsort(s, n, sizeof(*s), desc);
	r = calc_sum(s, k < n ? k : n) / denom;
	free(s);
	return r;
}

double
calc_hhi(const double *x, size_t n, double denom)
{
	double	*sq, h, p;
	size_t	 i;

	if (denom == 0)
		return NAN;
	if (n == 0)
		return 0;
	if ((sq = malloc(n * sizeof(*sq))) == NULL)
		return NAN;
	for (i = 0; i < n; i++) {
		p = 100 * x[i] / denom;
		sq[i] = p * p;
	}
	h = calc_sum(sq, n);
	free(sq);
	return h;
}

const char *
calc_hhi_band(double hhi)
{
	if (isnan(hhi))
		return NULL;
	if (hhi < HHI_MODERATE)
		return "unconcentrated";
	if (hhi <= HHI_HIGH)
		return "moderately concentrated";
	return "highly concentrated";
}

size_t
calc_leader(const double *x, size_t n)
{
	size_t	 i, b = 0;

	for (i = 1; i < n; i++)
		if (x[i] > x[b])
			b = i;
	return b;
}

double
calc_multiple(double earlier, double later)
{
	return earlier != 0 ? later / earlier : NAN;
}

double
calc_change(double earlier, double later)
{
	return earlier != 0 ? later / earlier - 1 : NAN;
}

static int
asc(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double
calc_median(double *x, size_t n)
{
	if (n == 0)
		return NAN;
	qsort(x, n, sizeof(*x), asc);
	return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}
