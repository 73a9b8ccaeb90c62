# pdf.sh: the PDF of a dozen-page briefing built in C (test_pdf
# --write, tests/unit/pdf_sample.h), checked with qpdf and poppler:
# structure, fonts, text and reading order, geometry, outline, links,
# reproducibility, and low-resolution renders against golden ones.
TP=$(dirname "$BRIEFGEN")/tests/test_pdf
G=$ROOT/tests/golden/pdf
S=$TMP/sample.pdf
Z=$TMP/sample-zh.pdf
check "the sample briefings are written" "$TP" --write "$TMP"

check "qpdf --check: sample.pdf" qpdf --check "$S"
check "qpdf --check: sample-zh.pdf" qpdf --check "$Z"

# Every font embedded (and subset): the emb column of pdffonts.
for f in "$S" "$Z"; do
	pdffonts "$f" >"$TMP/fonts" 2>/dev/null
	n=$(awk 'NR > 2' "$TMP/fonts" | wc -l)
	bad=$(awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes")' "$TMP/fonts" | wc -l)
	if [ "$n" -ge 3 ] && [ "$bad" -eq 0 ]; then
		ok "pdffonts: all $n fonts of $(basename "$f") embedded and subset"
	else
		notok "pdffonts: $(basename "$f")"; sed 's/^/#   /' "$TMP/fonts"
	fi
done

# Size: a dozen pages of text, a table and a chart, no photographs.
size=$(wc -c <"$S")
pages=$(pdfinfo "$S" 2>/dev/null | awk '/^Pages:/ { print $2 }')
if [ "$size" -lt 512000 ] && [ "$pages" -ge 9 ]; then
	ok "sample.pdf: $pages pages in $size bytes (under 500 KB)"
else
	notok "sample.pdf: $pages pages in $size bytes"
fi

# Metadata, from pdfinfo.
pdfinfo "$S" >"$TMP/info" 2>/dev/null
if grep -q '^Title: *Critical Minerals Weekly$' "$TMP/info" &&
    grep -q '^Author: *Analysis Team$' "$TMP/info" &&
    grep -q '^Subject: *Weekly briefing on critical minerals$' "$TMP/info" &&
    grep -q '^Keywords: *critical minerals, cobalt, nickel$' "$TMP/info" &&
    grep -q '^CreationDate: *Fri Jul 25 00:00:00 2025 UTC$' "$TMP/info"; then
	ok "metadata: title, author, subject, keywords, date"
else
	notok "metadata"; sed 's/^/#   /' "$TMP/info"
fi
pdfinfo "$Z" 2>/dev/null | grep -q '^Title: *关键矿产周报$' &&
	ok "metadata: a Chinese title" || notok "metadata: a Chinese title"
qpdf --show-object=trailer "$S" >"$TMP/trailer" 2>/dev/null
root=$(sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p' "$TMP/trailer")
qpdf --show-object="$root" "$S" 2>/dev/null | grep -q '/Lang (en)' &&
	ok "the catalog says /Lang (en)" || notok "no /Lang (en) in the catalog"

# Text and reading order: these lines come in this order.
pdftotext "$S" "$TMP/s.txt" 2>/dev/null
order() {
	awk -v pats="$1" 'BEGIN { n = split(pats, p, "|"); k = 1 }
	k <= n && index($0, p[k]) { k++ }
	END { if (k <= n) { print "missing or out of order: " p[k]; exit 1 } }' "$2"
}
check "reading order of the sample" order "Critical Minerals Weekly|Week 30, 2025|Contents|1.1 Cobalt|Page 2 of $pages|1 Supply concentration|This briefing follows cobalt and nickel|Key findings|The Democratic Republic of the Congo mined 74%|1.1 Cobalt|Table 1. Cobalt mine production, 2023|Country|Congo (Kinshasa)|Source: USGS|1.2 Nickel|Figure 1. Refined nickel output|2 Lists, quotes and code|Whoever controls the refineries|query: top 5 country by production|3 Trade relationships|Sources|[1]|U.S. Geological Survey|Page $pages of $pages" "$TMP/s.txt"
pdftotext "$Z" "$TMP/z.txt" 2>/dev/null
check "reading order of the Chinese sample" order "关键矿产周报|目录|1 供应集中度|关键矿产是能源转型的原材料|其供应集中在少数国家|表 1|资料来源|第 3 页，共 3 页" "$TMP/z.txt"

# Geometry, from the word boxes poppler finds (tests/tools/
# pdf_geometry.awk): words inside the margins, no two overlapping.
geometry() {
	pdftotext -bbox "$1" - 2>/dev/null |
	    awk -v minw="$2" -v ML="${3:-68}" -f "$ROOT/tests/tools/pdf_geometry.awk"
}
check "geometry: sample.pdf inside the margins, no overlaps" geometry "$S" 2000
check "geometry: sample-zh.pdf inside the margins, no overlaps" geometry "$Z" 100
# The check must be able to fail: with side margins of 90 pt assumed,
# the text (set in 68 pt margins) passes them.
if geometry "$S" 2000 90 >/dev/null 2>&1; then
	notok "the geometry check cannot see text outside 90 pt margins"
else
	ok "the geometry check sees text outside 90 pt margins"
fi

# The outline mirrors the headings (nested by level), and each entry
# opens the page where poppler finds that heading.  qpdf --json is
# read with node, which the HTML tests need anyway.
qpdf --json=2 --json-key=outlines "$S" >"$TMP/outlines.json" 2>/dev/null
node -e '
const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const walk = (a, d) => a.forEach((o) => {
	console.log(d + "|" + o.destpageposfrom1 + "|" + o.title.replace(/^u:/, ""));
	walk(o.kids, d + 1);
});
walk(j.outlines, 1);
' "$TMP/outlines.json" >"$TMP/outline" 2>&1
cut -d'|' -f1,3 "$TMP/outline" >"$TMP/titles"
printf '%s\n' "1|Contents" "1|1 Supply concentration" "2|1.1 Cobalt" \
    "2|1.2 Nickel" "1|2 Lists, quotes and code" \
    "1|3 Trade relationships and dependence on a single supplier" "2|3.1 Detail" \
    "1|4 Demand outlook" "2|4.1 Detail" \
    "1|5 Trade relationships and dependence on a single supplier" "2|5.1 Detail" \
    "1|6 Demand outlook" "2|6.1 Detail" \
    "1|7 Trade relationships and dependence on a single supplier" "2|7.1 Detail" \
    "1|Sources" >"$TMP/want-titles"
if cmp -s "$TMP/titles" "$TMP/want-titles"; then
	ok "the outline lists the headings in order, nested by level"
else
	notok "the outline"; diff "$TMP/want-titles" "$TMP/titles" | sed 's/^/#   /' | head
fi
bad=0
while IFS='|' read -r depth pg title; do
	pdftotext -f "$pg" -l "$pg" "$S" - 2>/dev/null | tr -s ' \n' '  ' >"$TMP/pg.txt"
	short=${title% on a single supplier}
	grep -qF "$short" "$TMP/pg.txt" || { echo "# '$title' is not on page $pg"; bad=1; }
done <"$TMP/outline"
[ "$bad" -eq 0 ] && [ -s "$TMP/outline" ] &&
	ok "each outline entry opens the page of its heading" || notok "outline destinations"

# Links: URIs for the web, destinations on pages for the rest.
qpdf --json=2 --json-key=qpdf "$S" >"$TMP/objects.json" 2>/dev/null
nuri=$(grep -c '"/URI": "u:https://' "$TMP/objects.json")
grep -q '"/URI": "u:https://www.usgs.gov/centers/national-minerals-information-center"' "$TMP/objects.json" &&
    [ "$nuri" -ge 5 ] && ok "external links ($nuri)" || notok "external links ($nuri)"

# Every internal link's destination is an array that starts with a
# page object (read with node, which the HTML tests need anyway).
node -e '
const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const o = j.qpdf[1], val = (r) => (o["obj:" + r] || {}).value;
let n = 0, bad = 0;
for (const k in o) {
	const v = o[k].value;
	if (!v || v["/Subtype"] !== "/Link" || !v["/Dest"]) continue;
	n++;
	const d = typeof v["/Dest"] === "string" ? val(v["/Dest"]) : v["/Dest"];
	const p = Array.isArray(d) ? val(d[0]) : null;
	if (!p || p["/Type"] !== "/Page" || d[1] !== "/XYZ") bad++;
}
console.log(n + " internal links, " + bad + " not to a page");
process.exit(n >= 20 && bad === 0 ? 0 : 1);
' "$TMP/objects.json" >"$TMP/links" 2>&1 &&
	ok "internal links go to pages ($(cat "$TMP/links"))" ||
	{ notok "internal links"; sed 's/^/#   /' "$TMP/links"; }

# The same input gives the same bytes.
mkdir -p "$TMP/again"
"$TP" --write "$TMP/again" >/dev/null 2>&1
check "byte-identical output across runs" cmp "$S" "$TMP/again/sample.pdf"
check "byte-identical Chinese output across runs" cmp "$Z" "$TMP/again/sample-zh.pdf"

# Golden layout dumps: the Chinese sample, and two pages with one of
# each block (blocks.pdf, which also has a PNG image).
golden "layout dump: sample-zh" "$TMP/sample-zh.layout" "$G/sample-zh.layout"
golden "layout dump: blocks" "$TMP/blocks.layout" "$G/blocks.layout"
check "qpdf --check: blocks.pdf" qpdf --check "$TMP/blocks.pdf"
pdfimages -list "$TMP/blocks.pdf" 2>/dev/null | awk 'NR > 2 && $4 == 240 && $5 == 90 { n++ } END { exit n != 1 }' &&
	ok "the PNG is in blocks.pdf, 240 x 90 pixels" || notok "the PNG image in blocks.pdf"

# Low-resolution renders against golden renders, within a tolerance
# (test_pdf --compare).  The comparison must also tell two different
# pages apart, or it proves nothing.
if [ "$SAN" = 1 ]; then
	ok "renders: compared in the plain build"
else
	for spec in sample:1 sample:3 sample:4 sample:5 sample-zh:3 blocks:2 blocks:3; do
		f=${spec%:*} pg=${spec#*:}
		pdftoppm -r 30 -gray -png -f "$pg" -l "$pg" -singlefile "$TMP/$f.pdf" "$TMP/r-$f-$pg" 2>/dev/null
		if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
			cp "$TMP/r-$f-$pg.png" "$G/render-$f-$pg.png"
			ok "render $f page $pg (updated)"
			continue
		fi
		if "$TP" --compare "$G/render-$f-$pg.png" "$TMP/r-$f-$pg.png" >"$TMP/cmp" 2>&1; then
			ok "render of $f page $pg matches ($(cat "$TMP/cmp"))"
		else
			notok "render of $f page $pg"; sed 's/^/#   /' "$TMP/cmp"
		fi
	done
	if [ "${UPDATE_GOLDEN:-0}" != 1 ]; then
		if "$TP" --compare "$G/render-sample-3.png" "$TMP/r-sample-4.png" >/dev/null 2>&1; then
			notok "the render comparison cannot tell page 3 from page 4"
		else
			ok "the render comparison tells page 3 from page 4"
		fi
	fi
fi
