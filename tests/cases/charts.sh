# charts.sh: chart blocks through briefgen.  A misspelt option, a bad
# value and an option given twice are errors at their own line and
# column, found together in one run; a column that does not exist is
# one too (once queries run).  The chart gallery program builds and
# its SVGs are valid XML with prefixed, unique ids.
mkdir -p "$TMP/t/data"
cp "$ROOT/datasets/usgs-mcs2024/world/mcs2024-cobal_world.csv" "$TMP/t/data/"
cat >"$TMP/t/bad.md" <<'MD'
---
title: Chart errors
datasets:
  cobalt: data/mcs2024-cobal_world.csv
---

```chart
type: bar
data: cobalt
x: Country
y: Reserves_t
titel: Cobalt reserves
stack: sideways
```

```chart
type: pie
data: cobalt
x: Country
y: Reserves_t
```
MD
bg check "$TMP/t/bad.md"
expect_status "chart errors" 1
expect_err "unknown option, at its position" \
    "bad.md:12:8: error: unknown chart option 'titel' \(did you mean 'title'\?\)"
expect_err "bad value, at its position" \
    "bad.md:13:8: error: chart option stack: 'sideways' is not none, stacked or percent"
expect_err "bad kind, in the second chart" \
    "bad.md:17:7: error: chart option type: 'pie' is not bar, hbar"

cat >"$TMP/t/col.md" <<'MD'
---
title: A column that is not there
datasets:
  cobalt: data/mcs2024-cobal_world.csv
---

```chart
type: bar
data: cobalt
x: Country
y: Reserve_t
```
MD
bg check "$TMP/t/col.md"
if grep -q 'queries are not built yet' "$TMP/err"; then
	ok "missing column: skipped until queries land"
else
	expect_status "missing column" 1
	expect_err "missing column, at the y option" \
	    "col.md:11:4: error: chart option y: no column 'Reserve_t' in the data"
fi

# The gallery program: every kind of chart from the real data (also
# under the sanitizers: it draws every kind from real files).
if true; then
	gal="$(dirname "$BRIEFGEN")/bench/chartgallery"
	if [ -x "$gal" ]; then
		"$gal" -d -o "$TMP/g" -r "$ROOT" -f "$ROOT/fonts" >"$TMP/gal.out" \
		    2>"$TMP/gal.err"
		st=$?
		grep -v 'warning: duplicate column name' "$TMP/gal.err" >"$TMP/gal.rest"
		if [ "$st" -eq 0 ] && [ ! -s "$TMP/gal.rest" ]; then
			ok "gallery: draws every chart, with no message"
		else
			notok "gallery: exit $st"; sed 's/^/#   /' "$TMP/gal.rest" | head -20
		fi
		n=$(ls "$TMP/g"/*.svg 2>/dev/null | wc -l)
		if [ "$n" -ge 15 ]; then ok "gallery: $n SVG files"; else
			notok "gallery: only $n SVG files"; fi
		bad=0
		for f in "$TMP/g"/*.svg; do
			/usr/bin/python3 -c 'import sys, xml.dom.minidom as m
d = m.parse(sys.argv[1]); p = sys.argv[2]
ids = [e.getAttribute("id") for e in d.getElementsByTagName("*") if e.hasAttribute("id")]
assert ids and all(i.startswith(p) for i in ids), "unprefixed id"
assert len(ids) == len(set(ids)), "duplicate id"' "$f" "$(basename "$f" .svg)-" \
			    >"$TMP/xml" 2>&1 || { bad=$((bad + 1)); sed 's/^/#   /' "$TMP/xml" | tail -3; }
		done
		if [ "$bad" -eq 0 ]; then ok "gallery: SVGs are XML with prefixed unique ids"
		else notok "gallery: $bad SVG files fail"; fi
		check "gallery: PDF passes qpdf --check" qpdf --check "$TMP/g/charts.pdf"
	else
		ok "gallery: not built (make gallery)"
	fi
fi

# The gallery template: every kind of chart through the template stage,
# its queries, and both writers.
bg build -o "$TMP/tg" "$ROOT/docs/gallery/gallery.md"
expect_status "gallery template builds" 0
if [ -f "$TMP/tg/gallery.pdf" ]; then
	check "gallery template: PDF passes qpdf --check" qpdf --check "$TMP/tg/gallery.pdf"
	pdftotext "$TMP/tg/gallery.pdf" "$TMP/tg.txt" 2>/dev/null
	for s in 'Congo (Kinshasa)' 'Scarce but manageable' 'Terbium oxide' \
	    'Republic of Korea' '稀土' 'W: withheld'; do
		if grep -qF "$s" "$TMP/tg.txt"; then ok "gallery PDF: chart text '$s' is selectable"
		else notok "gallery PDF: '$s' not found by pdftotext"; fi
	done
	n=$(grep -o '<svg [^>]*role="img"' "$TMP/tg/gallery.html" | wc -l)
	if [ "$n" -eq 16 ]; then ok "gallery HTML: 16 inline charts"; else
		notok "gallery HTML: $n inline charts, want 16"; fi
	dup=$(grep -o ' id="[^"]*"' "$TMP/tg/gallery.html" | sort | uniq -d | head -3)
	if [ -z "$dup" ]; then ok "gallery HTML: ids unique across the page"; else
		notok "gallery HTML: duplicate ids: $dup"; fi
	if pdffonts "$TMP/tg/gallery.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }'; then
		ok "gallery PDF: every font embedded"
	else notok "gallery PDF: a font is not embedded"; fi
fi
