# tmpl_example.sh: the first example briefing, examples/cobalt.md, end
# to end.  Its computed figures are checked against values worked out
# by hand from datasets/usgs-mcs2024/world/mcs2024-cobal_world.csv:
#   World total 2023: 230,000 t; 2022: 197,000 t
#   listed countries 2023 (with "Other countries"): 500 + 4,600 + 2,100
#     + 170,000 + 3,200 + 17,000 + 4,000 + 3,000 + 2,900 + 3,800
#     + 8,800 + 2,800 + 6,600 = 229,300 t
#   Congo (Kinshasa) 170,000 t: 170,000 / 230,000 = 73.91 %
#   top three (Congo, Indonesia 17,000, Russia 8,800): 195,800 / 230,000
#     = 85.13 %
#   reserves: Congo 6,000,000 of 11,000,000 = 54.5 %; Australia
#     1,700,000 = 15.45 %
#   table 1, Other: 229,300 - (170,000 + 17,000 + 8,800 + 4,600 + 4,000
#     + 3,800) = 21,100 t in 2023 (9.17 %); 196,940 - 175,990 = 20,950
#     t in 2022
bg build -f tree,pdf,html -o "$TMP/ex" examples/cobalt.md
expect_status "examples/cobalt.md builds" 0
[ -s "$TMP/err" ] && { notok "no messages"; sed 's/^/#   /' "$TMP/err"; } ||
	ok "no messages"
T=$TMP/ex/cobalt.tree
# The values in the order the text gives them.
awk '/ value "/ { sub(/^ *value "/, ""); sub(/" @.*/, ""); print }' "$T" \
	>"$TMP/values"
printf '%s\n' 74% 85% 55% 230,000 197,000 229,300 170,000 73.9% 85.1% \
	6,000,000 11,000,000 15% >"$TMP/want"
if cmp -s "$TMP/values" "$TMP/want"; then
	ok "the computed figures match the hand-worked ones"
else
	notok "the computed figures"; diff "$TMP/want" "$TMP/values" | sed 's/^/#   /'
fi
for row in '| Congo (Kinshasa) | 144,000 | 170,000 | 73.9% |' \
    '| Other | 20,950 | 21,100 | 9.2% |' \
    '| Congo (Kinshasa) | 6,000,000 | 54.5% |' \
    '| Australia | 1,700,000 | 15.5% |'; do
	grep -qF -- "$row" "$T" && ok "table row: $row" ||
		notok "table row: $row"
done
grep -q 'xref id="fig:producers" "Figure 1"' "$T" &&
    grep -q 'xref id="tbl:reserves" "Table 2"' "$T" &&
	ok "cross-references: Figure 1, Table 2" || notok "cross-references"
grep -q '^  figure num=1 id="fig:producers" .* ops=[1-9]' "$T" &&
	ok "the chart is drawn" || notok "the chart is drawn"
check "qpdf --check: cobalt.pdf" qpdf --check "$TMP/ex/cobalt.pdf"
pdftotext "$TMP/ex/cobalt.pdf" "$TMP/ex/cobalt.txt" 2>/dev/null
for s in "Key findings" "73.9%" "Figure 1." "Table 2." "Sources"; do
	grep -qF "$s" "$TMP/ex/cobalt.txt" && ok "the PDF says '$s'" ||
		notok "the PDF says '$s'"
done
grep -q '<svg' "$TMP/ex/cobalt.html" && ok "the HTML has the chart as SVG" ||
	notok "the HTML has the chart as SVG"
