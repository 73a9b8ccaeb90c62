/*
 * chart.h: charts from tables, drawn once into a display list (dl.h)
 * that every device replays.
 *
 * Who may include this: the template stage (to set options from a
 * chart block and draw), main (the gallery).  chart*.c include
 * data.h, dl.h, font.h and fmt.h, never a device library.
 *
 * A chart block in a template:
 *
 *	```chart
 *	type: bar
 *	data: cobalt | filter ... | top 5 by Reserves_t
 *	x: Country
 *	y: Reserves_t
 *	title: Cobalt reserves, top five countries
 *	source: USGS Mineral Commodity Summaries 2024
 *	```
 *
 * The template stage runs the data query; every other option goes
 * through chart_set(), which knows them all.
 */
#ifndef CHART_H
#define CHART_H

#include <stddef.h>

#include "data.h"
#include "dl.h"
#include "font.h"

struct chart;

struct chart	*chart_new(void);
void		 chart_free(struct chart *);

/*
 * Set one option.  Return 1, or 0 after reporting an unknown option
 * or a bad value with msg() at file:line:col.
 */
int		 chart_set(struct chart *, const char *key, const char *value,
		    const char *file, size_t line, size_t col);

/*
 * Check the options against the data: the columns named exist and
 * have a usable type.  Return 1, or 0 after reporting at the given
 * position (the option's, where known).
 */
int		 chart_check(const struct chart *, const struct table *,
		    const char *file, size_t line, size_t col);

/*
 * The language of the words the chart writes itself (notes, "Other",
 * dates, alt text): the document's, "en" (default), "zh" or "zh-CN".
 * Set by the template stage, not by a chart option.
 */
void		 chart_lang(struct chart *, const char *lang);

const char	*chart_title(const struct chart *);	/* or NULL */
const char	*chart_subtitle(const struct chart *);	/* or NULL */
const char	*chart_source(const struct chart *);	/* or NULL */

/*
 * Draw the chart.  With framed set, the title, subtitle and source
 * note are drawn inside the picture (standalone SVG/PNG, gallery);
 * in a document the writers print them as the figure caption.
 * *alt receives alt text derived from the data (caller frees); an
 * alt option overrides it.  Return NULL after reporting an error.
 */
struct dl	*chart_draw(const struct chart *, const struct table *,
		    const struct fontset *, int framed, char **alt);

#endif /* !CHART_H */
