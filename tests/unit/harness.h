/*
 * harness.h: a minimal unit-test harness.  Each check prints one line,
 * "ok - what" or "not ok - what (file:line)", which tests/run counts.
 * A test program exits 1 if any check failed.
 *
 *	CHECK(cond, "what %d", n);
 *	CHECK_STR(got, "expected", "what");
 *	CHECK_NUM(got, expected, tolerance, "what");
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int	harness_failed;

#define CHECK(cond, ...) do {						\
	if (cond) {							\
		printf("ok - ");					\
		printf(__VA_ARGS__);					\
		printf("\n");						\
	} else {							\
		harness_failed = 1;					\
		printf("not ok - ");					\
		printf(__VA_ARGS__);					\
		printf(" (%s:%d)\n", __FILE__, __LINE__);		\
	}								\
} while (0)

#define CHECK_STR(got, want, ...) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int same_ = g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0;	\
	CHECK(same_, __VA_ARGS__);					\
	if (!same_)							\
		printf("#   got:  \"%s\"\n#   want: \"%s\"\n",		\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

#define CHECK_NUM(got, want, tol, ...) do {				\
	double g_ = (got), w_ = (want);					\
	int near_ = fabs(g_ - w_) <= (tol);				\
	CHECK(near_, __VA_ARGS__);					\
	if (!near_)							\
		printf("#   got:  %.10g\n#   want: %.10g\n", g_, w_);	\
} while (0)

#define HARNESS_END()	return harness_failed

#endif /* !HARNESS_H */
