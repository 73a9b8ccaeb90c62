/*
 * dl.c: the display list.  A flat array of drawing operations; the
 * devices walk it with dl_len() and dl_get().
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aux.h"
#include "dl.h"
#include "font.h"

struct dl {
	double		 w, h;
	struct dl_op	*ops;
	size_t		 len;
	size_t		 cap;
};

static const char *const opnames[DL__MAX] = {
	"move", "line", "curve", "close", "fill", "stroke", "text",
	"clip", "save", "restore", "group", "endgroup"
};

struct dl *
dl_new(double w, double h)
{
	struct dl	*d;

	d = xcalloc(1, sizeof(*d));
	d->w = w;
	d->h = h;
	return d;
}

void
dl_free(struct dl *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	for (i = 0; i < d->len; i++)
		free(d->ops[i].text);
	free(d->ops);
	free(d);
}

double
dl_width(const struct dl *d)
{
	return d->w;
}

double
dl_height(const struct dl *d)
{
	return d->h;
}

size_t
dl_len(const struct dl *d)
{
	return d->len;
}

const struct dl_op *
dl_get(const struct dl *d, size_t i)
{
	return i < d->len ? &d->ops[i] : NULL;
}

static struct dl_op *
push(struct dl *d, enum dl_optype t)
{
	struct dl_op	*op;

	xgrow(&d->ops, &d->cap, d->len + 1, sizeof(*d->ops));
	op = &d->ops[d->len++];
	memset(op, 0, sizeof(*op));
	op->type = t;
	op->alpha = 1;
	return op;
}

void
dl_move(struct dl *d, double x, double y)
{
	struct dl_op	*op = push(d, DL_MOVE);

	op->p[0] = x;
	op->p[1] = y;
}

void
dl_line(struct dl *d, double x, double y)
{
	struct dl_op	*op = push(d, DL_LINE);

	op->p[0] = x;
	op->p[1] = y;
}

void
dl_curve(struct dl *d, double x1, double y1, double x2, double y2,
    double x3, double y3)
{
	struct dl_op	*op = push(d, DL_CURVE);

	op->p[0] = x1;
	op->p[1] = y1;
	op->p[2] = x2;
	op->p[3] = y2;
	op->p[4] = x3;
	op->p[5] = y3;
}

void
dl_close(struct dl *d)
{
	push(d, DL_CLOSE);
}

void
dl_rect(struct dl *d, double x, double y, double w, double h)
{
	dl_move(d, x, y);
	dl_line(d, x + w, y);
	dl_line(d, x + w, y + h);
	dl_line(d, x, y + h);
	dl_close(d);
}

/*
 * Arcs as cubic Béziers, at most a quarter turn each, with the usual
 * control distance k = 4/3 tan(theta/4) times the radius.
 */
void
dl_arc(struct dl *d, double cx, double cy, double r, double a0, double a1)
{
	double	 step, a, b, k;
	int	 n, i;

	n = (int)ceil(fabs(a1 - a0) / (M_PI / 2));
	if (n < 1)
		n = 1;
	step = (a1 - a0) / n;
	k = 4.0 / 3.0 * tan(step / 4) * r;
	for (i = 0; i < n; i++) {
		a = a0 + step * i;
		b = a + step;
		/* Continue a path in progress; otherwise start one. */
		if (i == 0 && d->len > 0 && d->ops[d->len - 1].type <= DL_CLOSE)
			dl_line(d, cx + r * cos(a), cy + r * sin(a));
		else if (i == 0)
			dl_move(d, cx + r * cos(a), cy + r * sin(a));
		dl_curve(d,
		    cx + r * cos(a) - k * sin(a), cy + r * sin(a) + k * cos(a),
		    cx + r * cos(b) + k * sin(b), cy + r * sin(b) - k * cos(b),
		    cx + r * cos(b), cy + r * sin(b));
	}
}

void
dl_fill(struct dl *d, uint32_t color, double alpha)
{
	struct dl_op	*op = push(d, DL_FILL);

	op->color = color;
	op->alpha = (float)alpha;
}

void
dl_stroke(struct dl *d, uint32_t color, double alpha, double width,
    const uint8_t *dash)
{
	struct dl_op	*op = push(d, DL_STROKE);
	size_t		 i;

	op->color = color;
	op->alpha = (float)alpha;
	op->width = (float)width;
	for (i = 0; dash != NULL && i < 4 && dash[i] != 0; i++)
		op->dash[i] = dash[i];
}

void
dl_clip(struct dl *d)
{
	push(d, DL_CLIP);
}

void
dl_save(struct dl *d)
{
	push(d, DL_SAVE);
}

void
dl_restore(struct dl *d)
{
	push(d, DL_RESTORE);
}

void
dl_group(struct dl *d, const char *label)
{
	struct dl_op	*op = push(d, DL_GROUP);

	op->text = label ? xstrdup(label) : NULL;
}

void
dl_endgroup(struct dl *d)
{
	push(d, DL_ENDGROUP);
}

void
dl_text(struct dl *d, double x, double y, enum face f, int fakebold,
    double size, uint32_t color, const char *s, size_t len)
{
	struct dl_op	*op = push(d, DL_TEXT);

	op->p[0] = x;
	op->p[1] = y;
	op->face = f;
	op->fakebold = fakebold;
	op->size = size;
	op->color = color;
	op->text = xstrndup(s, len);
}

/* Numbers with two decimals and no trailing zeros, locale-free. */
static void
num(struct buf *b, double v)
{
	long long	 c;
	int		 neg;

	c = llround(v * 100);
	neg = c < 0;
	if (neg)
		c = -c;
	buf_printf(b, " %s%lld", neg && c ? "-" : "", c / 100);
	if (c % 100 != 0) {
		if (c % 10 == 0)
			buf_printf(b, ".%lld", (c % 100) / 10);
		else
			buf_printf(b, ".%02lld", c % 100);
	}
}

void
dl_dump(const struct dl *d, struct buf *b)
{
	const struct dl_op *op;
	size_t		 i, k, np;

	buf_printf(b, "dl");
	num(b, d->w);
	num(b, d->h);
	buf_putc(b, '\n');
	for (i = 0; i < d->len; i++) {
		op = &d->ops[i];
		buf_puts(b, opnames[op->type]);
		np = op->type == DL_CURVE ? 6 :
		    (op->type == DL_MOVE || op->type == DL_LINE ||
		     op->type == DL_TEXT) ? 2 : 0;
		for (k = 0; k < np; k++)
			num(b, op->p[k]);
		if (op->type == DL_FILL || op->type == DL_STROKE ||
		    op->type == DL_TEXT)
			buf_printf(b, " #%06x", (unsigned)op->color);
		if ((op->type == DL_FILL || op->type == DL_STROKE) &&
		    op->alpha < 1) {
			buf_puts(b, " a");
			num(b, op->alpha);
		}
		if (op->type == DL_STROKE) {
			buf_puts(b, " w");
			num(b, op->width);
			for (k = 0; k < 4 && op->dash[k]; k++)
				buf_printf(b, "%s%u", k ? "," : " dash ",
				    op->dash[k]);
		}
		if (op->type == DL_TEXT) {
			buf_printf(b, " %s%s", face_name(op->face),
			    op->fakebold ? "+bold" : "");
			num(b, op->size);
		}
		if (op->text != NULL)
			buf_printf(b, " \"%s\"", op->text);
		buf_putc(b, '\n');
	}
}
