# html_build.sh: briefgen build -f html end to end: several briefings into
# one folder give an index page and a feed; a later build of one briefing
# keeps the others in the index; --assets writes the shared style sheet;
# hostile front matter and raw HTML stay inert.  Needs the template stage.

mk() {	# mk NAME DATE TITLE SUMMARY [BODY]
	cat >"$TMP/src/$1.md" <<MD
---
title: "$3"
date: $2
lang: en
summary: "$4"
---
# Findings

${5:-Cobalt output rose.}
MD
}
mkdir -p "$TMP/src"
mk week29 2025-07-18 "Cobalt, week 29" "Week 29 summary."
mk week30 2025-07-25 "Cobalt, week 30" "Week 30 <script>alert(1)</script> summary." \
    '<script>alert(2)</script> and [a link](javascript:alert(3)).'
bg build -q -f html -o "$TMP/site" "$TMP/src/week29.md" "$TMP/src/week30.md"
if [ "$BG_STATUS" -ne 0 ] && grep -q 'templates are not built yet' "$TMP/err"; then
	ok "html build: skipped until the template stage lands"
	return 0
fi
expect_status "html build: two briefings" 0
for f in week29.html week30.html index.html feed.atom; do
	if [ -s "$TMP/site/$f" ]; then ok "html build: $f written"; else
		notok "html build: $f written"; fi
done
idx="$TMP/site/index.html"
a=$(grep -n 'href="./week30.html"' "$idx" | cut -d: -f1)
b=$(grep -n 'href="./week29.html"' "$idx" | cut -d: -f1)
if [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]; then
	ok "html build: index lists week 30 before week 29"
else
	notok "html build: index order (week30 at ${a:-none}, week29 at ${b:-none})"
fi
if grep -q '<script' "$TMP/site/week30.html" "$idx" "$TMP/site/feed.atom" ||
    grep -q 'href="javascript' "$TMP/site/week30.html"; then
	notok "html build: no script and no javascript: link on any page"
else
	ok "html build: no script and no javascript: link on any page"
fi

# A later week built alone keeps the earlier ones.
mk week31 2025-08-01 "Cobalt, week 31" "Week 31 summary."
bg build -q -f html -o "$TMP/site" "$TMP/src/week31.md"
expect_status "html build: one more briefing" 0
n=$(grep -c '<li class="entry"' "$idx")
if [ "$n" -eq 3 ] && [ "$(grep -c '<entry>' "$TMP/site/feed.atom")" -eq 3 ]; then
	ok "html build: index and feed keep all three weeks"
else
	notok "html build: index and feed keep all three weeks ($n)"
fi
cp "$idx" "$TMP/index1"
bg build -q -f html -o "$TMP/site" "$TMP/src/week31.md"
if cmp -s "$idx" "$TMP/index1"; then
	ok "html build: the same folder gives the same index"
else
	notok "html build: the same folder gives the same index"
fi

# The shared style sheet.
bg build -q -f html --assets assets -o "$TMP/shared" "$TMP/src/week29.md" \
    "$TMP/src/week30.md"
expect_status "html build: --assets" 0
if [ -s "$TMP/shared/assets/briefgen.css" ] &&
    grep -q '<link rel="stylesheet" href="./assets/briefgen.css">' \
    "$TMP/shared/week29.html" "$TMP/shared/index.html"; then
	ok "html build: --assets writes and links assets/briefgen.css"
else
	notok "html build: --assets writes and links assets/briefgen.css"
fi
bg build -q -f html --assets ../up -o "$TMP/shared" "$TMP/src/week29.md"
expect_status "html build: --assets outside the folder refused" 2
