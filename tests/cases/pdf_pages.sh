# pdf_pages.sh: the pages of the real briefings.  The weekly in both
# editions and (plain build only) the profiles of the critical minerals
# keep their text inside the margins with no two words overlapping
# (tests/tools/pdf_geometry.awk), and figures and tables, which may
# float to the top of the next page, keep the order of their numbers.
EX=$ROOT/examples/critical-minerals-weekly.md
cd "$TMP" || exit 1

geometry() {
	pdftotext -bbox "$1" - 2>/dev/null |
	    awk -v minw="$2" -f "$ROOT/tests/tools/pdf_geometry.awk"
}

bg build --allow "$ROOT" -q -f pdf,layout -o w "$EX"
expect_status "the English weekly builds" 0
bg build --allow "$ROOT" -q -f pdf,layout -o w -D lang=zh --name zh "$EX"
expect_status "the Chinese weekly builds" 0
check "geometry: the English weekly inside the margins, no overlaps" geometry w/critical-minerals-weekly.pdf 3000
check "geometry: the Chinese weekly inside the margins, no overlaps" geometry w/zh.pdf 300

# order FILE LABEL SEP: the captions "LABEL 1SEP", "LABEL 2SEP", ... come
# in the order of their numbers in the text poppler reads, each once.
order() {
	pdftotext "$1" - 2>/dev/null | awk -v L="$2" -v S="$3" '
	index($0, L " ") == 1 && match($0, "^" L " [0-9]+" S) {
		n = substr($0, length(L) + 2) + 0
		if (n != last + 1) { print "caption " L " " n " after " last; bad++ }
		last = n
	}
	END { if (last < 2) { print "only " last " captions"; bad++ }
	      exit bad > 0 }'
}
check "the English weekly: figures in order" order w/critical-minerals-weekly.pdf Figure '[.]'
check "the English weekly: tables in order" order w/critical-minerals-weekly.pdf Table '[.]'
check "the Chinese weekly: figures in order" order w/zh.pdf 图 ' '
check "the Chinese weekly: tables in order" order w/zh.pdf 表 ' '

# A chart that opens a page (as a floated one does) stands at the top
# margin, with no space above it (the layout dump: y of the first box
# below the running header).
awk '/^page /{ p = $2; first = 1; next }
	/^  text / && $3 > 72 && $3 < 770 { if (first) top[p] = $3; first = 0 }
	/^  chart / { if (first && $3 - 72 > 1) { print "page " p ": chart at " $3; bad++ } first = 0 }
	END { exit bad > 0 }' w/critical-minerals-weekly.layout >charts.out 2>&1 &&
	ok "the English weekly: a chart that opens a page stands at its top" ||
	{ notok "the English weekly: a chart that opens a page stands at its top"; sed 's/^/#   /' charts.out; }

[ "$SAN" = 1 ] && return 0 2>/dev/null

# The profiles of the critical minerals, as make profiles builds them.
awk -F, 'NR == 1 || $2 == "yes"' "$ROOT/datasets/briefgen/minerals.csv" >critical.csv
bg build --allow "$ROOT" -q -j 2 -f pdf -o prof --params critical.csv --name 'profile-{slug}' "$ROOT/templates/profile.md"
expect_status "the profiles of the critical minerals build" 0
n=0 bad=0
for f in prof/profile-*.pdf; do
	n=$((n + 1))
	geometry "$f" 50 >g.out 2>&1 || { bad=$((bad + 1)); echo "# $f"; sed 's/^/#   /' g.out | head -5; }
done
[ "$n" -ge 20 ] && [ "$bad" -eq 0 ] && ok "geometry: $n profiles inside the margins, no overlaps" ||
	notok "geometry: $bad of $n profiles"
