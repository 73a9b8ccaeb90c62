/*
 * calc.h: the analytics, as plain functions on arrays of numbers, so
 * that they can be checked by hand and by property (tests/unit/
 * test_calc.c).  The query layer feeds them the values of a group.
 *
 * Shares are fractions (0.25 is 25%); HHI is on the 0-10,000 scale
 * (the sum of squared percentage shares).
 *
 * Who may include this: analytics (calc*.c, query*.c).  libc only.
 */
#ifndef CALC_H
#define CALC_H

#include <stddef.h>

/* Sum, compensated (Neumaier), so that order hardly matters. */
double		 calc_sum(const double *x, size_t n);
/* out[i] = x[i] / denom. */
void		 calc_shares(const double *x, size_t n, double denom,
		    double *out);
/* The share of the k largest values in denom (CR-k). */
double		 calc_cr(const double *x, size_t n, size_t k, double denom);
/* Herfindahl-Hirschman index: sum of (100 x[i] / denom)^2. */
double		 calc_hhi(const double *x, size_t n, double denom);

/* The bands of the 2010 U.S. Horizontal Merger Guidelines. */
#define HHI_MODERATE	1500.0	/* from here: moderately concentrated */
#define HHI_HIGH	2500.0	/* above this: highly concentrated */
const char	*calc_hhi_band(double hhi);

/* Index of the largest value (the first of equals); n must be > 0. */
size_t		 calc_leader(const double *x, size_t n);
/* later / earlier, and later / earlier - 1; NaN if earlier is 0. */
double		 calc_multiple(double earlier, double later);
double		 calc_change(double earlier, double later);
/* Median (sorts x in place); NaN if n is 0. */
double		 calc_median(double *x, size_t n);

#endif /* !CALC_H */
