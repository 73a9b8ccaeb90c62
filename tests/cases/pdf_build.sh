# pdf_build.sh: PDFs from real templates, through `briefgen build`:
# the template stage's documents lay out and write, style settings
# and themes apply, and bad settings fail at their file:line:col.
G=$ROOT/tests/golden/pdf
T=$ROOT/tests/golden/tmpl

# The template stage's test of every block and of references.
for name in blocks refs; do
	bg build -f pdf,layout -o "$TMP/o" "$T/$name.md"
	expect_status "build $name.md" 0
	check "qpdf --check: $name.pdf" qpdf --check "$TMP/o/$name.pdf"
	golden "layout dump: $name" "$TMP/o/$name.layout" "$G/tmpl-$name.layout"
done
pdftotext "$TMP/o/blocks.pdf" "$TMP/blocks.txt" 2>/dev/null
awk -v pats="Every block and inline|In this briefing|1 First section|A paragraph with emphasis|1.1 Lists|nested a|1.2 Quotes and callouts|Mind the gap|Key findings|Code|int main(void)|Deep heading" '
	BEGIN { n = split(pats, p, "|"); k = 1 }
	k <= n && index($0, p[k]) { k++ }
	END { if (k <= n) { print "# missing or out of order: " p[k]; exit 1 } }' "$TMP/blocks.txt" &&
	ok "blocks.pdf: text in reading order" || notok "blocks.pdf: reading order"
# References: superscript markers link to the numbered entries.
pdftotext "$TMP/o/refs.pdf" - 2>/dev/null | grep -q 'References' &&
	pdftotext "$TMP/o/refs.pdf" - 2>/dev/null | grep -q '\[3\] *CEPII BACI' &&
	ok "refs.pdf: the sources under their own title" || notok "refs.pdf: sources"
qpdf --json=2 --json-key=qpdf "$TMP/o/refs.pdf" 2>/dev/null | grep -c '"/Dest"' >"$TMP/n"
[ "$(cat "$TMP/n")" -ge 8 ] && ok "refs.pdf: $(cat "$TMP/n") internal links" ||
	notok "refs.pdf: internal links ($(cat "$TMP/n"))"

# Style settings and a theme, nested keys included.
mkdir -p "$TMP/s"
cp "$ROOT/templates/themes/letter.yaml" "$TMP/s/"
cat >"$TMP/s/styled.md" <<'EOF'
---
title: Styled
lang: en
theme: letter.yaml
style:
  justify: false
  font-size: 11
  colors:
    heading: "#7a1f1f"
  margins:
    left: 30mm
---
# One

Text.
EOF
bg build -f pdf,layout -o "$TMP/s/o" "$TMP/s/styled.md"
expect_status "a template with a theme and style settings" 0
grep -q '^layout [0-9]* pages 612.00x792.00$' "$TMP/s/o/styled.layout" &&
	ok "theme letter.yaml: Letter pages" || notok "theme letter.yaml: Letter pages"
grep -q 'text 85.04 .* bold 17.50 #7a1f1f "1"' "$TMP/s/o/styled.layout" &&
	ok "colors.heading, margins.left (30 mm = 85.04 pt) and font-size apply" ||
	{ notok "nested style settings"; grep '"One"' "$TMP/s/o/styled.layout" | sed 's/^/#   /'; }
pdfinfo "$TMP/s/o/styled.pdf" 2>/dev/null | grep -q 'Page size: *612 x 792 pts (letter)' &&
	ok "the PDF's pages are Letter" || notok "the PDF's pages are Letter"

cat >"$TMP/s/bad.md" <<'EOF'
---
title: Bad style
style:
  page-size: A3½
  colour: red
  widows: 9
---
Text.
EOF
bg build -f pdf -o "$TMP/s/o" "$TMP/s/bad.md"
expect_status "bad style settings" 1
expect_err "unknown key at its place" "bad.md:5:11: error: unknown style setting 'colour'"
expect_err "bad page size at its place" "bad.md:4:14: error: bad value 'A3½' for 'page-size'"
expect_err "out-of-range number at its place" "bad.md:6:11: error: bad value '9' for 'widows'"
[ -e "$TMP/s/o/bad.pdf" ] && notok "no PDF written for bad settings" ||
	ok "no PDF written for bad settings"

# Same template, same bytes; the dates are SOURCE_DATE_EPOCH's
# (tests/run sets 1753401600, 2025-07-25 00:00:00 UTC).
bg build -f pdf -o "$TMP/again" "$T/blocks.md"
check "byte-identical PDF from two builds" cmp "$TMP/o/blocks.pdf" "$TMP/again/blocks.pdf"
pdfinfo "$TMP/o/blocks.pdf" 2>/dev/null | grep -q '^CreationDate: *Fri Jul 25 00:00:00 2025 UTC$' &&
	ok "the creation date is SOURCE_DATE_EPOCH" || notok "the creation date is SOURCE_DATE_EPOCH"
SOURCE_DATE_EPOCH=1753488000 bg build -f pdf -o "$TMP/later" "$T/blocks.md"
pdfinfo "$TMP/later/blocks.pdf" 2>/dev/null | grep -q '^CreationDate: *Sat Jul 26 00:00:00 2025 UTC$' &&
	ok "and follows it" || notok "the creation date follows SOURCE_DATE_EPOCH"

# Built-in themes by name, in the front matter or among the settings:
# the template stage resolves them, so the PDF and the HTML both apply
# them and the depfile lists them.
mkdir -p "$TMP/bt"
printf -- '---\ntitle: Named theme\ntheme: letter\n---\n# One\n\nText.\n' >"$TMP/bt/a.md"
printf -- '---\ntitle: Theme in style\nstyle:\n  theme: forest\n  font-size: 11\n---\n# One\n\nText.\n' >"$TMP/bt/b.md"
printf -- '---\ntitle: No such theme\ntheme: tartan\n---\nText.\n' >"$TMP/bt/c.md"
(cd "$TMP/bt" && "$BRIEFGEN" build -q -f pdf,html,layout -o o -M a.d a.md b.md) 2>"$TMP/err"
grep -q '^layout [0-9]* pages 612.00x792.00$' "$TMP/bt/o/a.layout" &&
	ok "theme: letter (built in) gives Letter pages" || notok "theme: letter (built in) gives Letter pages"
grep -q '#1e4d2b' "$TMP/bt/o/b.layout" && grep -qi '1e4d2b' "$TMP/bt/o/b.html" &&
	ok "style: {theme: forest} colours both the PDF and the HTML" || notok "style: {theme: forest} colours both the PDF and the HTML"
grep -q 'themes/letter.yaml' "$TMP/bt/a.d" && grep -q 'themes/forest.yaml' "$TMP/bt/a.d" &&
	ok "the depfile lists built-in themes" || notok "the depfile lists built-in themes"
(cd "$TMP/bt" && "$BRIEFGEN" build -q -o o c.md) 2>"$TMP/err"; BG_STATUS=$?
expect_status "an unknown theme name is bad input" 1
expect_err "the unknown theme is reported at its place" "c.md:3:8: error: no theme 'tartan'"
