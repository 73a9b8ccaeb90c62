/*
 * test_calc.c: the analytics as functions.  Hand-worked cases, then
 * properties on many random arrays (a fixed generator, so a failure
 * can be repeated): shares sum to 1, HHI lies between 10,000/n and
 * 10,000, CR-k grows with k up to 1, the leader's share is at least
 * 1/n and at most CR-1.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "harness.h"

static uint64_t	 seed = 20250725;

static double
rnd(void)
{
	/* xorshift64*: the same numbers on every machine. */
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return (double)((seed * 2685821657736338717ULL) >> 11) /
	    9007199254740992.0;
}

int
main(void)
{
	double	 x[64], s[64], sum, h, prev, c;
	size_t	 n, i, k, trial, bad;
	int	 ok;

	/* By hand: 50, 30, 20 of 100. */
	x[0] = 50; x[1] = 30; x[2] = 20;
	CHECK_NUM(calc_hhi(x, 3, 100), 2500 + 900 + 400, 1e-9,
	    "HHI of 50/30/20 is 3,800");
	CHECK_NUM(calc_cr(x, 3, 2, 100), 0.8, 1e-12, "CR2 of 50/30/20 is 80%%");
	CHECK_NUM(calc_cr(x, 3, 5, 100), 1, 1e-12, "CR5 of three firms is 100%%");
	CHECK(calc_leader(x, 3) == 0, "the leader is the largest");
	x[1] = 50;
	CHECK(calc_leader(x, 3) == 0, "the first of equals leads");
	CHECK_STR(calc_hhi_band(1499.9), "unconcentrated", "below 1,500");
	CHECK_STR(calc_hhi_band(1500), "moderately concentrated", "1,500");
	CHECK_STR(calc_hhi_band(2500), "moderately concentrated", "2,500");
	CHECK_STR(calc_hhi_band(2500.1), "highly concentrated", "above 2,500");
	CHECK(calc_hhi_band(NAN) == NULL, "no band for no HHI");
	CHECK_NUM(calc_multiple(20, 860), 43, 1e-12, "a growth multiple");
	CHECK_NUM(calc_change(200, 250), 0.25, 1e-12, "a change");
	CHECK(isnan(calc_multiple(0, 5)), "no multiple from zero");
	x[0] = 3; x[1] = 1; x[2] = 2; x[3] = 4;
	CHECK_NUM(calc_median(x, 4), 2.5, 0, "median of four");
	CHECK_NUM(calc_median(x, 3), 2, 0, "median of three");
	/* Compensated sums: 1e16 + 1 - 1e16 is 1. */
	x[0] = 1e16; x[1] = 1; x[2] = -1e16;
	CHECK_NUM(calc_sum(x, 3), 1, 0, "compensated sum keeps the 1");

	/* Properties over 2,000 random arrays, some heavy-tailed. */
	bad = 0;
	for (trial = 0; trial < 2000; trial++) {
		n = 1 + (size_t)(rnd() * 63);
		for (i = 0; i < n; i++)
			x[i] = trial % 2 ? rnd() * 1000 :
			    pow(rnd(), 4) * 1e9;
		sum = calc_sum(x, n);
		calc_shares(x, n, sum, s);
		ok = fabs(calc_sum(s, n) - 1) < 1e-12;
		h = calc_hhi(x, n, sum);
		ok = ok && h >= 10000.0 / n - 1e-6 && h <= 10000 + 1e-6;
		prev = 0;
		for (k = 1; k <= n + 1; k++) {
			c = calc_cr(x, n, k, sum);
			ok = ok && c >= prev - 1e-12 && c <= 1 + 1e-12;
			prev = c;
		}
		ok = ok && fabs(prev - 1) < 1e-12;
		c = x[calc_leader(x, n)] / sum;
		ok = ok && c >= 1.0 / n - 1e-12 &&
		    fabs(c - calc_cr(x, n, 1, sum)) < 1e-12;
		if (!ok && bad++ < 3)
			printf("#   trial %zu (n %zu) fails\n", trial, n);
	}
	CHECK(bad == 0, "shares sum to 100%%, 10,000/n <= HHI <= 10,000, "
	    "CR-k rises to 100%%, leader = CR-1 >= 1/n (2,000 arrays)");
	/* One firm: HHI 10,000; equal firms: HHI 10,000/n. */
	x[0] = 7;
	CHECK_NUM(calc_hhi(x, 1, 7), 10000, 1e-9, "a monopoly is 10,000");
	for (i = 0; i < 8; i++)
		x[i] = 5;
	CHECK_NUM(calc_hhi(x, 8, 40), 1250, 1e-9, "eight equal firms: 1,250");
	HARNESS_END();
}
