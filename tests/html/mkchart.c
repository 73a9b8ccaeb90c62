/*
 * mkchart.c: make fixtures/chart.svg, a bar chart drawn with Cairo's
 * SVG surface the way chart_cairo.c draws (glyph outlines, clip paths,
 * style attributes), for the HTML tests to inline before real charts
 * exist.  Not built by make:
 *
 *	cc mkchart.c $(pkg-config --cflags --libs cairo) -o /tmp/mkchart
 *	/tmp/mkchart fixtures/chart.svg
 */
#include <cairo.h>
#include <cairo-svg.h>
#include <stdio.h>

int
main(int argc, char *argv[])
{
	static const char *names[] = { "Congo (Kinshasa)", "Indonesia",
	    "Russia", "Australia", "<script>alert(1)</script>" };
	static const double vals[] = { 170000, 17000, 8800, 4600, 3900 };
	cairo_surface_t	*s;
	cairo_t		*cr;
	char		 lab[64];
	double		 y;
	int		 i;

	if (argc != 2)
		return 2;
	s = cairo_svg_surface_create(argv[1], 480, 240);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_select_font_face(cr, "DejaVu Sans", 0, 1);
	cairo_set_font_size(cr, 13);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	cairo_move_to(cr, 12, 22);
	cairo_show_text(cr, "Cobalt mine production, 2023 (t)");
	cairo_select_font_face(cr, "DejaVu Sans", 0, 0);
	cairo_set_font_size(cr, 10);
	for (i = 0; i < 5; i++) {
		y = 45 + i * 36;
		cairo_set_source_rgb(cr, 0.12, 0.31, 0.47);
		cairo_save(cr);
		cairo_rectangle(cr, 150, 30, 300, 200);
		cairo_clip(cr);
		cairo_rectangle(cr, 150, y, 280 * vals[i] / vals[0] + 1, 22);
		cairo_fill(cr);
		cairo_restore(cr);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cairo_move_to(cr, 12, y + 15);
		cairo_show_text(cr, names[i]);
		snprintf(lab, sizeof(lab), "%.0f", vals[i]);
		cairo_move_to(cr, 150 + 280 * vals[i] / vals[0] + 6, y + 15);
		cairo_show_text(cr, lab);
	}
	cairo_set_source_rgba(cr, 0.3, 0.3, 0.3, 0.8);
	cairo_set_line_width(cr, 1);
	cairo_move_to(cr, 150, 40);
	cairo_line_to(cr, 150, 230);
	cairo_stroke(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return 0;
}
