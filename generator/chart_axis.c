/*
 * chart_axis.c: scales, nice ticks, axis titles and grid lines.
 *
 * Ticks are "nice" in the usual sense (Heckbert, "Nice numbers for
 * graph labels", Graphics Gems, 1990): steps of 1, 2, 2.5 or 5 times
 * a power of ten, ticks at whole multiples of the step, and the
 * smallest such step that needs no more ticks than the axis has room
 * for.  Dates tick at month boundaries (1, 2, 3 or 6 months) or at
 * years (1, 2, 5, 10 ...).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "chart_int.h"
#include "data.h"
#include "dl.h"
#include "fmt.h"

static const char *const months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
	"Oct", "Nov", "Dec"
};

const char *
month_abbr(int m)
{
	return m >= 1 && m <= 12 ? months[m - 1] : "?";
}

/*
 * A date as labels show it: DL_DAY "3 Jul 2023", DL_MONTHYEAR "Jul
 * 2023", DL_MONTH "Jul"; in Chinese "2023年7月3日", "2023年7月", "7月".
 */
void
date_label(struct buf *b, long days, int what, int zh)
{
	int	 y, m, d;

	days_to_ymd(days, &y, &m, &d);
	if (zh && what == DL_DAY)
		buf_printf(b, "%d年%d月%d日", y, m, d);
	else if (zh && what == DL_MONTHYEAR)
		buf_printf(b, "%d年%d月", y, m);
	else if (zh)
		buf_printf(b, "%d月", m);
	else if (what == DL_DAY)
		buf_printf(b, "%d %s %d", d, month_abbr(m), y);
	else if (what == DL_MONTHYEAR)
		buf_printf(b, "%s %d", month_abbr(m), y);
	else
		buf_puts(b, month_abbr(m));
}

/* A linear map of [d0, d1] onto [r0, r1]. */
double
scale(double v, double d0, double d1, double r0, double r1)
{
	if (d1 == d0)
		return (r0 + r1) / 2;
	return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
}

/* q * 10^e for whole i, computed so that 0.1 * 3 prints as 0.3. */
static double
multiple(long i, double q, int e)
{
	if (e >= 0)
		return (double)i * q * pow(10, e);
	return (double)i * q / pow(10, -e);
}

/*
 * Nice ticks spanning [lo, hi], at most maxn of them (2 to
 * CHART_MAXTICKS; 3 if the range crosses zero).  With integer set,
 * steps are whole numbers (years, counts).  A value within a
 * billionth of a step of a tick counts as on it (floating-point
 * noise).  Return 0 if lo or hi is not a finite number.
 */
int
nice_ticks(double lo, double hi, size_t maxn, int integer, struct ticks *t)
{
	static const double q[] = { 1, 2, 2.5, 5 };
	double	 step, tmp, span;
	long	 i0, i1, i;
	size_t	 k;
	int	 e;

	memset(t, 0, sizeof(*t));
	if (!isfinite(lo) || !isfinite(hi))
		return 0;
	if (lo > hi) {
		tmp = lo;
		lo = hi;
		hi = tmp;
	}
	if (maxn < 2)
		maxn = 2;
	if (maxn > CHART_MAXTICKS)
		maxn = CHART_MAXTICKS;
	/* Across zero, two ticks cannot do: zero is always a tick. */
	if (lo < 0 && hi > 0 && maxn < 3)
		maxn = 3;
	if (hi == lo) {
		/* One value: a unit of its own magnitude either side. */
		span = lo == 0 ? 1 : pow(10, floor(log10(fabs(lo))));
		if (integer && span < 1)
			span = 1;
		if (lo == 0)
			hi = 1;
		else {
			lo -= span;
			hi += span;
		}
	}
	e = (int)floor(log10((hi - lo) / (double)maxn)) - 1;
	for (;; e++) {
		for (k = 0; k < sizeof(q) / sizeof(q[0]); k++) {
			step = multiple(1, q[k], e);
			if (integer && (step < 1 || (q[k] == 2.5 && e < 1)))
				continue;
			i0 = (long)floor(lo / step + 1e-9);
			i1 = (long)ceil(hi / step - 1e-9);
			if (i1 <= i0)
				i1 = i0 + 1;
			if ((size_t)(i1 - i0 + 1) > maxn)
				continue;
			for (i = i0; i <= i1; i++)
				t->v[t->n++] = multiple(i, q[k], e);
			t->step = step;
			t->lo = t->v[0];
			t->hi = t->v[t->n - 1];
			return 1;
		}
	}
}

/*
 * Nice ticks for a value axis over the data's [lo, hi], where the user
 * may have fixed either end (umin, umax; NaN when not).  The axis's
 * domain comes back in *d0 and *d1; ticks outside a fixed domain are
 * dropped.
 */
void
value_ticks(double lo, double hi, double umin, double umax, size_t maxn,
    int integer, struct ticks *t, double *d0, double *d1)
{
	size_t	 i, k;

	if (!isnan(umin))
		lo = umin;
	if (!isnan(umax))
		hi = umax;
	(void)nice_ticks(lo, hi, maxn, integer, t);
	*d0 = isnan(umin) ? t->lo : umin;
	*d1 = isnan(umax) ? t->hi : umax;
	for (i = k = 0; i < t->n; i++)
		if (t->v[i] >= *d0 - 1e-9 && t->v[i] <= *d1 + 1e-9)
			t->v[k++] = t->v[i];
	t->n = k;
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
long
ymd_to_days(int y, int m, int d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
days_to_ymd(long z, int *y, int *m, int *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/*
 * Date ticks spanning [lo, hi] (days since 1970): the first of a
 * month, every 1, 2, 3 or 6 months, or the first of January every
 * 1, 2, 5, 10, 20, 50 or 100 years; the smallest step with at most
 * maxn ticks.
 */
int
date_ticks(double lo, double hi, size_t maxn, struct ticks *t)
{
	static const int steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240, 600,
	    1200 };
	long	 m0, m1, m, a, b;
	size_t	 k;
	int	 y, mo, d;

	memset(t, 0, sizeof(*t));
	if (!isfinite(lo) || !isfinite(hi) || lo > hi)
		return 0;
	if (maxn > CHART_MAXTICKS)
		maxn = CHART_MAXTICKS;
	if (maxn < 2)
		maxn = 2;
	days_to_ymd((long)floor(lo), &y, &mo, &d);
	m0 = (long)y * 12 + mo - 1;
	days_to_ymd((long)ceil(hi), &y, &mo, &d);
	m1 = (long)y * 12 + mo - 1 + (d > 1);
	for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++) {
		a = m0 >= 0 ? m0 / steps[k] : -((-m0 + steps[k] - 1) /
		    steps[k]);
		b = m1 >= 0 ? (m1 + steps[k] - 1) / steps[k] : -(-m1 /
		    steps[k]);
		if (b <= a)
			b = a + 1;
		if ((size_t)(b - a + 1) > maxn && k + 1 <
		    sizeof(steps) / sizeof(steps[0]))
			continue;
		for (m = a; m <= b && t->n < CHART_MAXTICKS; m++)
			t->v[t->n++] = (double)ymd_to_days(
			    (int)(m * steps[k] / 12),
			    (int)(m * steps[k] % 12) + 1, 1);
		t->step = steps[k];
		t->months = steps[k] < 12;
		t->date = 1;
		t->lo = t->v[0];
		t->hi = t->v[t->n - 1];
		return 1;
	}
	return 0;
}

/* Digits after the point that step needs (0.25 needs 2). */
static int
decimals(double step)
{
	int	 d;
	double	 x;

	for (d = 0; d < 6; d++) {
		x = step * pow(10, d);
		if (fabs(x - round(x)) < 1e-6 * fmax(1, fabs(x)))
			return d;
	}
	return 6;
}

/*
 * The format of tick labels: the value format without its unit (the
 * axis title carries it), with as many decimals as the step needs;
 * large numbers take an SI suffix (2.5M).
 */
void
tick_format(const struct cctx *ctx, const struct ticks *t, int percent,
    struct numfmt *f)
{
	double	 big;

	*f = ctx->vfmt;
	f->unit[0] = '\0';
	f->trim = 0;
	big = fmax(fabs(t->lo), fabs(t->hi));
	if (percent) {
		f->type = '%';
		f->prec = decimals(t->step * 100);
		return;
	}
	switch (f->type) {
	case '%':
		f->prec = decimals(t->step * 100);
		break;
	case 's':
		f->prec = (int)ceil(log10(big / t->step)) + 1;
		f->trim = 1;
		break;
	case 'x':
		f->prec = decimals(t->step);
		break;
	default:
		if (big >= 1e6 && !ctx->c->hasfmt) {
			f->type = 's';
			f->prec = (int)ceil(log10(big / t->step)) + 1;
			if (f->prec < 1)
				f->prec = 1;
			f->trim = 1;
		} else {
			f->type = 'f';
			f->prec = decimals(t->step);
		}
		break;
	}
}

/* Label of tick i. */
void
tick_label(const struct ticks *t, size_t i, const struct numfmt *f,
    struct buf *b)
{
	int	 y, m, d;

	/* Dates in the language of the format (chart_lang()). */
	if (t->date) {
		days_to_ymd((long)t->v[i], &y, &m, &d);
		if (!t->months)
			buf_printf(b, "%d", y);
		else
			date_label(b, (long)t->v[i], m == 1 || i == 0 ?
			    DL_MONTHYEAR : DL_MONTH, fmt_zh(f->lang));
		return;
	}
	fmt_num(b, t->v[i] == 0 ? 0 : t->v[i], f);
}

/*
 * The most ticks an axis of length len can carry: vertical axes keep
 * 4.5 lines of text between ticks, horizontal ones 3 (their labels
 * are then checked for room).
 */
size_t
ticks_fit(const struct cctx *ctx, double len, double size, int vert)
{
	double	 gap = vert ? 4.5 * size : 3 * size;
	size_t	 n;

	(void)ctx;
	n = (size_t)(len / gap) + 1;
	if (n < 2)
		n = 2;
	if (n > 11)
		n = 11;
	return n;
}

/*
 * An axis title: the option if given, else the column's name (its
 * alias without unit and estimate tokens, "Prod_2023" for
 * "Prod_t_est_2023") with underscores as spaces and its unit in
 * brackets: "Prod 2023 (t)".
 */
char *
axis_title(const struct cctx *ctx, long col, const char *given, int percent)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*name, *unit, *p;
	size_t		 n, ul;

	if (given != NULL)
		return xstrdup(given);
	if (col < 0)
		return NULL;
	if ((name = table_colalias(ctx->t, (size_t)col)) == NULL)
		name = table_colname(ctx->t, (size_t)col);
	unit = ctx->c->opt[O_UNIT].val;
	if (unit == NULL)
		unit = table_colunit(ctx->t, (size_t)col);
	n = strlen(name);
	/* Reserves_t with unit t: the unit is in the name already. */
	if (unit != NULL && (ul = strlen(unit)) + 1 < n &&
	    name[n - ul - 1] == '_' && strcmp(name + n - ul, unit) == 0)
		n -= ul + 1;
	for (p = name; p < name + n; p++)
		buf_putc(&b, *p == '_' ? ' ' : *p);
	if (percent)
		buf_puts(&b, ZH(ctx) ? "（占合计的%）" : " (% of total)");
	else if (unit != NULL && *unit != '\0')
		buf_printf(&b, " (%s)", unit);
	return buf_steal(&b);
}

/* Horizontal grid lines at the ticks of a vertical value axis. */
void
grid_h(struct cctx *ctx, const struct ticks *t, struct rect plot,
    double d0, double d1)
{
	size_t	 i;
	double	 y;

	dl_group(ctx->dl, "grid");
	for (i = 0; i < t->n; i++) {
		y = scale(t->v[i], d0, d1, plot.y + plot.h, plot.y);
		dl_move(ctx->dl, plot.x, y);
		dl_line(ctx->dl, plot.x + plot.w, y);
		dl_stroke(ctx->dl, t->v[i] == 0 ? COL_AXIS : COL_GRID, 1,
		    t->v[i] == 0 ? 0.8 : 0.6, NULL);
	}
	dl_endgroup(ctx->dl);
}

/* Vertical grid lines at the ticks of a horizontal value axis. */
void
grid_v(struct cctx *ctx, const struct ticks *t, struct rect plot,
    double d0, double d1)
{
	size_t	 i;
	double	 x;

	dl_group(ctx->dl, "grid");
	for (i = 0; i < t->n; i++) {
		x = scale(t->v[i], d0, d1, plot.x, plot.x + plot.w);
		dl_move(ctx->dl, x, plot.y);
		dl_line(ctx->dl, x, plot.y + plot.h);
		dl_stroke(ctx->dl, t->v[i] == 0 && !t->date ? COL_AXIS :
		    COL_GRID, 1, t->v[i] == 0 && !t->date ? 0.8 : 0.6, NULL);
	}
	dl_endgroup(ctx->dl);
}

/* The widest tick label. */
double
ticks_width(const struct cctx *ctx, const struct ticks *t,
    const struct numfmt *f)
{
	struct buf	 s = { NULL, 0, 0 };
	size_t		 i;
	double		 w, max = 0;

	for (i = 0; i < t->n; i++) {
		buf_reset(&s);
		tick_label(t, i, f, &s);
		if ((w = ct_width(ctx, FACE_REGULAR, FS_TICK, s.data)) > max)
			max = w;
	}
	buf_free(&s);
	return max;
}

/* Tick labels left of a vertical axis, right-aligned, centred on ticks. */
void
axis_left(struct cctx *ctx, const struct ticks *t, const struct numfmt *f,
    struct rect plot, double d0, double d1)
{
	struct buf	 s = { NULL, 0, 0 };
	size_t		 i;

	dl_group(ctx->dl, "ticks");
	for (i = 0; i < t->n; i++) {
		buf_reset(&s);
		tick_label(t, i, f, &s);
		ct_text(ctx, plot.x - 5, scale(t->v[i], d0, d1, plot.y + plot.h,
		    plot.y) + 0.35 * FS_TICK, AN_RIGHT, FACE_REGULAR, FS_TICK,
		    COL_MUTED, s.data);
	}
	dl_endgroup(ctx->dl);
	buf_free(&s);
}

/* Tick labels under a horizontal axis, centred on their ticks. */
void
axis_bottom(struct cctx *ctx, const struct ticks *t, const struct numfmt *f,
    struct rect plot, double d0, double d1)
{
	struct buf	 s = { NULL, 0, 0 };
	size_t		 i;
	double		 x, w, last = -INFINITY;

	dl_group(ctx->dl, "ticks");
	for (i = 0; i < t->n; i++) {
		buf_reset(&s);
		tick_label(t, i, f, &s);
		x = scale(t->v[i], d0, d1, plot.x, plot.x + plot.w);
		w = ct_width(ctx, FACE_REGULAR, FS_TICK, s.data);
		/* Never over the label before, however crowded. */
		if (x - w / 2 < last + 4)
			continue;
		ct_text(ctx, x, plot.y + plot.h + 5 + CT_ASC * FS_TICK,
		    AN_CENTER, FACE_REGULAR, FS_TICK, COL_MUTED, s.data);
		last = x + w / 2;
	}
	dl_endgroup(ctx->dl);
	buf_free(&s);
}

/*
 * Do horizontal tick labels keep apart on an axis of length len?
 * Labels centred on their ticks need half of each width plus a gap
 * between neighbours; labels starting at their ticks (left), the
 * whole width.
 */
int
ticks_apart(const struct cctx *ctx, const struct ticks *t,
    const struct numfmt *f, double len, double d0, double d1, int left)
{
	struct buf	 s = { NULL, 0, 0 };
	size_t		 i;
	double		 w, pw = 0, x, px = 0;
	int		 ok = 1;

	for (i = 0; i < t->n && ok; i++) {
		buf_reset(&s);
		tick_label(t, i, f, &s);
		w = ct_width(ctx, FACE_REGULAR, FS_TICK, s.data);
		x = scale(t->v[i], d0, d1, 0, len);
		if (i > 0 && x - px < (left ? pw + 6 : (w + pw) / 2 + 8))
			ok = 0;
		px = x;
		pw = w;
	}
	buf_free(&s);
	return ok;
}

/* A small title over an axis, left-aligned at x; return its height. */
double
axis_title_draw(struct cctx *ctx, const char *title, double x, double y,
    double w, int draw)
{
	struct tfit	 t;

	if (title == NULL)
		return 0;
	if (draw) {
		(void)ct_fit(ctx, FACE_REGULAR, FS_TICK, FS_MIN, title, w, 1, &t);
		(void)ct_block(ctx, &t, x, y, AN_LEFT, FACE_REGULAR, COL_MUTED);
		tfit_free(&t);
	}
	return ct_lineh(FS_TICK) + 0.5 * FS_TICK + 4;
}
