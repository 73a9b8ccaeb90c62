# examples.sh: the example briefings and the templates they use.  Builds
# the weekly in both editions and the one-mineral profiles, and checks the
# numbers they print against values worked out here from the CSV files
# with awk and Python's csv module, the Chinese text, the fonts, the PDF
# structure and size, and that the HTML numbers its figures and tables as
# the PDF does.  The profiles and the make runs are left out under the
# sanitizers (slow); the two editions of the weekly are built there too.

PY=/usr/bin/python3
W=$ROOT/datasets/usgs-mcs2024/world
F=$ROOT/datasets/baci-cobalt-nickel/cobalt_nickel_flows_2018_2020.csv
EX=$ROOT/examples/critical-minerals-weekly.md
cd "$TMP" || exit 1

# --- Build ------------------------------------------------------------
bg build --allow "$ROOT" -o res "$EX"
expect_status "the English weekly builds" 0
[ -s "$TMP/err" ] && { notok "the English weekly builds without a message"; sed 's/^/#   /' "$TMP/err" | head; } ||
	ok "the English weekly builds without a message"
bg build --allow "$ROOT" -o res -D lang=zh --name critical-minerals-weekly-zh "$EX"
expect_status "the Chinese weekly builds (-D lang=zh)" 0
[ -s "$TMP/err" ] && { notok "the Chinese weekly builds without a message"; sed 's/^/#   /' "$TMP/err" | head; } ||
	ok "the Chinese weekly builds without a message"
bg build --allow "$ROOT" -o res "$ROOT/examples/cobalt.md"
expect_status "the cobalt example builds" 0
EN=res/critical-minerals-weekly.pdf
ZH=res/critical-minerals-weekly-zh.pdf
pdftotext -layout "$EN" en.txt 2>/dev/null
pdftotext -layout "$ZH" zh.txt 2>/dev/null
pdftotext "$EN" en-raw.txt 2>/dev/null
# One line per paragraph, so that a value and its words are found
# together whatever the line breaks.
flat() { tr '\n' ' ' <"$1" | tr -s ' '; }
flat en-raw.txt >en.flat
pdftotext "$ZH" - 2>/dev/null | tr -d '\n ' >zh.flat

# has FILE TEXT WHAT: the text appears in the file.
has() {
	if grep -qF -- "$2" "$1"; then ok "$3: $2"; else
		notok "$3: '$2' not in $(basename "$1")"; fi
}

# --- Numbers, worked out independently ----------------------------------
# Rare-earth reserves: the three largest over the World total, and over
# the sum of the listed rows (countries and 'Other countries').
cr3w=$($PY - "$W/mcs2024-raree_world.csv" <<'EOT'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
num = lambda s: float(s.replace(',', '')) if s.replace(',', '').replace('.', '').isdigit() else None
items = [num(r['Reserves_t']) for r in rows if r['Country'] and not r['Country'].startswith(('World', 'Other'))]
items = sorted([v for v in items if v is not None], reverse=True)
listed = sum(v for r in rows if r['Country'] and not r['Country'].startswith('World') for v in [num(r['Reserves_t'])] if v is not None)
world = [num(r['Reserves_t']) for r in rows if r['Country'].startswith('World')][0]
print('%.1f%% %.1f%%' % (100 * sum(items[:3]) / world, 100 * sum(items[:3]) / listed))
EOT
)
set -- $cr3w
has en.flat "have $1 of world reserves" "rare-earth reserves CR3 of the World total"
has en.flat "and $2 on the sum of" "rare-earth reserves CR3 of the listed rows"
has zh.flat "占世界储量的$1" "Chinese: rare-earth reserves CR3"
# Gallium: no reserves column; CR3 of 2023 capacity and production.
gcap=$($PY - "$W/mcs2024-galli_world.csv" <<'EOT'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
cap = lambda r: float(r['Cap_kg_2023'].replace(',', ''))
world = [cap(r) for r in rows if r['Country'].startswith('World')][0]
c = sorted((cap(r) for r in rows if r['Country'] and not r['Country'].startswith(('World', 'Other'))), reverse=True)
print('%.1f%%' % (100 * sum(c[:3]) / world))
EOT
)
has en.flat "hold $gcap of primary capacity" "gallium capacity CR3"
head -1 "$W/mcs2024-galli_world.csv" | grep -q Reserves && notok "gallium has no reserves column" ||
	ok "gallium has no reserves column, as the text says"
# China's share of the Congo's exports of the three cobalt products and
# the Congo's share of China's cobalt imports, BACI 2018-2020.
read -r drc dep chimp <<EOT
$($PY - "$F" <<'EOP'
import csv, sys
codes = {'260500', '282200', '810520'}
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')) if r['k'] in codes]
drc = 'Democratic Republic of the Congo'
out = sum(float(r['q_total']) for r in rows if r['sources'] == drc)
toch = sum(float(r['q_total']) for r in rows if r['sources'] == drc and r['targets'] == 'China')
imp = sum(float(r['q_total']) for r in rows if r['targets'] == 'China')
fromdrc = sum(float(r['q_total']) for r in rows if r['targets'] == 'China' and r['sources'] == drc)
print('%.1f%% %.1f%% %d' % (100 * toch / out, 100 * fromdrc / imp, round(imp / 1e4)))
EOP
)
EOT
has en.flat "and China took $drc," "China's share of the Congo's cobalt exports"
has en.flat "the Congo supplied $dep of China" "the Congo's share of China's cobalt imports"
has zh.flat "刚果（金）供应了我国钴进口的$dep" "Chinese: the Congo's share of China's imports"
has zh.flat "中国${chimp}万" "Chinese: China's imports in 万 in the dependence table"
# China's share of world production, and the category it gives, for the
# nineteen minerals of the map: the rules of categories.csv by hand.
cats=$($PY - "$W" <<'EOT'
import csv, sys, os
def num(s):
    s = s.strip().replace(',', '')
    try: return float(s)
    except ValueError: return None
n = 0
for c in 'antim barit chrom cobal fluor graph lithi manga molyb nicke niobi plati raree tanta tellu tin tungs vanad zinc'.split():
    rows = list(csv.reader(open(os.path.join(sys.argv[1], 'mcs2024-%s_world.csv' % c), encoding='utf-8-sig')))
    h = rows[0]
    p = [i for i, x in enumerate(h) if x.startswith('Prod_') and x.endswith('2023')][0]
    china = sum(num(r[p]) or 0 for r in rows[1:] if len(r) > p and r[1] == 'China')
    world = sum(num(r[p]) or 0 for r in rows[1:] if len(r) > p and r[1].startswith('World total'))
    n += china / world >= 0.6
print(n)
EOT
)
has en.flat "advantage in $cats of the 19 critical minerals" "minerals where China mines 60% or more"
has zh.flat "我国有${cats}种具有“全球供应优势”" "Chinese: the same count"
# Demand: the white paper's words for lithium, from the dataset, and
# the bound (">40") that the chart draws.
li=$(awk -F, '$1 == "Lithium" { print $3, $6, $7 }' "$ROOT/datasets/briefgen/demand-growth-2040.csv")
set -- $li
[ "$1" = ">40" ] && ok "demand-growth-2040.csv: lithium's multiple is a lower bound" || notok "lithium's multiple: $1"
has en.flat "could grow more than 40 times between 2020 and 2040" "lithium, in the words of the dataset"
has zh.flat "锂需求可能增长40倍以上" "Chinese: lithium, in the words of the dataset"

# --- Chinese text ---------------------------------------------------------
for s in 关键矿产周报 四类供应风险 全球供应优势 刚果（金） 稀土 铂族金属 资料来源 图1 表1 第5页，共; do
	has zh.flat "$s" "Chinese text extracted"
done
# The words briefgen writes itself, the notes of queries and charts and
# the dates of the timeline, are Chinese in the Chinese edition (and
# English in the English one).
pdftotext "$ZH" zh-raw.txt 2>/dev/null
flat zh-raw.txt >zh.words
for s in "Shares are of" "adds up the rows" "HHI is the sum" \
    "Dependence is the share" "Categories follow" "leaves out" \
    "includes lower bounds" "lower bound below" "Values known only" \
    "Not shown" "Not labelled" "withheld to avoid" "not available" \
    "not applicable" "log scale" "Circle area" "% of total"; do
	grep -qF -- "$s" zh.words && notok "Chinese edition: no English note: '$s' is there" ||
		ok "Chinese edition: no English note: $s"
done
# Dates as charts wrote them in English ("22 Feb 2025", "Mar 2025"; not
# May, a whole word in the references).
grep -Eq '(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20[0-9][0-9]' zh.words &&
	notok "Chinese edition: an English date" || ok "Chinese edition: no English dates"
has zh.flat "份额以公布的世界合计为分母。" "Chinese note on shares"
has zh.flat "依赖度指来自最大伙伴的q_total占所有伙伴合计的份额。" "Chinese note on dependence"
has zh.flat "未画出：锂，上限（空缺）。" "Chinese chart note"
has zh.flat "2025年2月22日" "Chinese timeline date"
has zh.flat "对数刻度" "Chinese heatmap scale"
has en.flat "Shares are of the World total as published." "English note on shares"
has en.flat "22 Feb 2025" "English timeline date"
qpdf --show-object=trailer "$ZH" >trailer 2>/dev/null
root=$(sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p' trailer)
qpdf --show-object="$root" "$ZH" 2>/dev/null | grep -q '/Lang (zh)' &&
	ok "the Chinese edition's catalog says /Lang (zh)" || notok "no /Lang (zh) in the Chinese edition"
grep -q 'lang="zh"' res/critical-minerals-weekly-zh.html &&
	ok "the Chinese HTML says lang=\"zh\"" || notok "the Chinese HTML lacks lang=\"zh\""
grep -q '<text[^>]*>[^<]*刚果（金）' res/critical-minerals-weekly-zh.html ||
	grep -q '刚果（金）' res/critical-minerals-weekly-zh.html &&
	ok "Chinese names in the HTML" || notok "Chinese names in the HTML"

# --- Structure, fonts, size -----------------------------------------------
for f in "$EN" "$ZH" res/cobalt.pdf; do
	check "qpdf --check: $(basename "$f")" qpdf --check "$f"
	pdffonts "$f" >fonts 2>/dev/null
	n=$(awk 'NR > 2' fonts | wc -l)
	bad=$(awk 'NR > 2 && $(NF-4) != "yes"' fonts | wc -l)
	if [ "$n" -ge 2 ] && [ "$bad" -eq 0 ]; then ok "pdffonts: all $n fonts of $(basename "$f") embedded"
	else notok "pdffonts: $(basename "$f")"; sed 's/^/#   /' fonts; fi
	size=$(wc -c <"$f")
	[ "$size" -lt 512000 ] && ok "$(basename "$f") is $size bytes, under 500 KB" ||
		notok "$(basename "$f") is $size bytes, 500 KB or more"
done
pdffonts "$ZH" 2>/dev/null | grep -q WenQuanYi && ok "the Chinese edition embeds the CJK face" ||
	notok "the Chinese edition embeds no CJK face"

# Fake bold (CJK) must not leak: every text object starts in rendering
# mode 0.  Before the fix in pdf_hpdf.c, 262 of them did not.
trcheck() {
	qpdf --qdf --object-streams=disable "$1" - 2>/dev/null | $PY -c '
import re, sys
data = sys.stdin.buffer.read()
bad = 0
for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
    tr = 0
    for t in re.finditer(rb"(\d+) Tr\b|\bBT\b", m.group(1)):
        if t.group(1) is not None: tr = int(t.group(1))
        elif tr != 0: bad += 1
print(bad)'
}
printf -- '---\ntitle: 粗体\nlang: zh\ndate: 2025-07-25\n---\n**粗体**之后\n\n普通文字。\n' >bold.md
bg build -f pdf -o res bold.md
[ "$(trcheck res/bold.pdf)" = 0 ] && ok "after fake-bold CJK the next text starts in rendering mode 0" ||
	notok "fake bold leaks into the text that follows"
[ "$(trcheck "$ZH")" = 0 ] && ok "the Chinese weekly: no text object starts in fake bold" ||
	notok "the Chinese weekly: text objects start in fake bold"

# --- The HTML numbers its figures and tables as the PDF does ----------------
numbers() {	# FILE.txt WORD: the figure or table numbers, sorted, once each
	grep -oE "$2 ?[0-9]+[.:]? " "$1" | grep -oE '[0-9]+' | sort -un | tr '\n' ' '
}
htmlnumbers() {
	sed 's/<[^>]*>/ /g' "$1" | grep -oE "$2( |&nbsp;)?[0-9]+" | grep -oE '[0-9]+$' | sort -un | tr '\n' ' '
}
for w in Figure Table; do
	p=$(grep -oE "^ *$w [0-9]+\." en.txt | grep -oE '[0-9]+' | sort -un | tr '\n' ' ')
	h=$(sed -n 's/.*<figcaption><span class="label">\([A-Za-z]*\) \([0-9]*\)<.*/\1 \2/p; s/.*<caption><span class="label">\([A-Za-z]*\) \([0-9]*\)<.*/\1 \2/p' \
	    res/critical-minerals-weekly.html | awk -v w="$w" '$1 == w { print $2 }' | sort -un | tr '\n' ' ')
	if [ -n "$p" ] && [ "$p" = "$h" ]; then ok "English: $w numbers in PDF and HTML: $p"
	else notok "English: $w numbers: PDF '$p', HTML '$h'"; fi
done
for w in 图 表; do
	p=$(pdftotext "$ZH" - 2>/dev/null | grep -oE "^$w ?[0-9]+ " | grep -oE '[0-9]+' | sort -un | tr '\n' ' ')
	h=$(sed -n "s/.*<span class=\"label\">$w *\([0-9]*\)<.*/\1/p" res/critical-minerals-weekly-zh.html | sort -un | tr '\n' ' ')
	if [ -n "$p" ] && [ "$p" = "$h" ]; then ok "Chinese: $w numbers in PDF and HTML: $p"
	else notok "Chinese: $w numbers: PDF '$p', HTML '$h'"; fi
done

# --- Datasets and templates -------------------------------------------------
# Every name the map, tables and charts label has a Chinese name.
missing=$($PY - "$ROOT" <<'EOT'
import csv, sys, os
root = sys.argv[1]
names = {r['name'] for r in csv.DictReader(open(os.path.join(root, 'datasets/briefgen/names-zh.csv'), encoding='utf-8'))}
need = set()
for r in csv.DictReader(open(os.path.join(root, 'datasets/briefgen/minerals.csv'), encoding='utf-8')):
    if r['critical'] != 'yes': continue
    for row in csv.reader(open(os.path.join(root, 'datasets/usgs-mcs2024/world', r['file']), encoding='utf-8-sig')):
        if len(row) > 1 and row[1] and row[1] != 'Country':
            need.add(row[1].replace('\xa0', ' ').rstrip('0123456789'))
for p in ('2012_2014', '2015_2017', '2018_2020'):
    for r in csv.DictReader(open(os.path.join(root, 'datasets/baci-cobalt-nickel/cobalt_nickel_flows_%s.csv' % p), encoding='utf-8')):
        need.add(r['sources']); need.add(r['targets'])
# Estimate markers glued to names (Russiae) are the data layer's business.
print(' | '.join(sorted(n for n in need if n not in names and n[:-1] not in names)))
EOT
)
[ -z "$missing" ] && ok "names-zh.csv has every name of the critical minerals' world files and the BACI files" ||
	notok "names-zh.csv lacks: $missing"
# Every row of minerals.csv names a world file and a profile layout.
bad=$(awk -F, 'NR > 1 { print $7, $8 }' "$ROOT/datasets/briefgen/minerals.csv" | while read -r f l; do
	[ -f "$W/$f" ] || echo "$f"; [ -f "$ROOT/templates/profile/$l.md" ] || echo "$l.md"; done)
[ -z "$bad" ] && ok "minerals.csv: every file and layout exists" || notok "minerals.csv: missing $bad"
# The typed partials are the plain ones with the type filter (make
# templates/profile/typed-%.md writes them).
for l in standard noreserves; do
	sed -e 's/world | /world | filter contains(Type, $type) | /g' "$ROOT/templates/profile/$l.md" >typed.md
	tail -n +3 "$ROOT/templates/profile/typed-$l.md" | cmp -s - typed.md &&
		ok "templates/profile/typed-$l.md is made from $l.md" ||
		notok "templates/profile/typed-$l.md is out of date: make templates/profile/typed-$l.md"
done

[ "$SAN" = 1 ] && return 0 2>/dev/null

# --- Profiles (plain build only) ----------------------------------------------
bg build --allow "$ROOT" -q -j 2 -o prof --params "$ROOT/datasets/briefgen/minerals.csv" --name 'profile-{slug}' -M prof.d "$ROOT/templates/profile.md"
expect_status "a profile for each of the 66 rows of minerals.csv" 0
n=$(ls prof/profile-*.pdf 2>/dev/null | wc -l)
[ "$n" -eq "$(($(wc -l <"$ROOT/datasets/briefgen/minerals.csv") - 1))" ] && ok "$n profiles written" || notok "$n profiles written"
bad=0
for f in prof/profile-*.pdf; do qpdf --check "$f" >/dev/null 2>&1 || { bad=$((bad + 1)); echo "# $f"; }; done
[ "$bad" -eq 0 ] && ok "qpdf --check passes on every profile" || notok "qpdf --check fails on $bad profiles"
# Cobalt: the Congo's share of world mine production, 170,000 of 230,000 t.
share=$($PY - "$W/mcs2024-cobal_world.csv" <<'EOT'
import csv, sys
rows = {r['Country']: r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8-sig'))}
p = lambda c: float(rows[c]['Prod_t_est_2023'].replace(',', ''))
print('%.1f%%' % (100 * p('Congo (Kinshasa)') / p('World total (rounded)')))
EOT
)
pdftotext prof/profile-cobalt.pdf - 2>/dev/null | tr '\n' ' ' | tr -s ' ' >cobalt.txt
has cobalt.txt "Congo (Kinshasa), with $share of the world total" "cobalt profile: the leader's share"
pdftotext prof/profile-platinum.pdf - 2>/dev/null | tr '\n' ' ' | tr -s ' ' >pt.txt
has pt.txt "high supply risk" "platinum profile: its category"
pdftotext prof/profile-germanium.pdf - 2>/dev/null | tr '\n' ' ' | tr -s ' ' >ge.txt
has ge.txt "cannot be computed for germanium" "germanium profile: no country figures"
pages=$(for f in prof/profile-*.pdf; do pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }'; done | sort -un | tr '\n' ' ')
[ "$pages" = "2 " ] && ok "every profile is two pages" || notok "profiles of $pages pages"

# --- make: profiles and examples, twice ------------------------------------
mkdir proj
cp -R "$ROOT/Makefile" "$ROOT/examples" "$ROOT/datasets" "$ROOT/templates" "$ROOT/fonts" "$ROOT/.ci" proj/
mkdir -p proj/build && cp "$BRIEFGEN" proj/build/briefgen && touch proj/build/briefgen
(
	cd proj || exit 1
	make -s BUILD=build profiles >m1.log 2>&1 && ok "make profiles" ||
		{ notok "make profiles"; sed 's/^/#   /' m1.log | head; }
	n=$(ls out/profiles/profile-*.pdf 2>/dev/null | wc -l)
	c=$(awk -F, 'NR > 1 && $2 == "yes"' datasets/briefgen/minerals.csv | wc -l)
	[ "$n" -eq "$c" ] && ok "make profiles: one for each of the $c critical minerals" || notok "make profiles: $n of $c"
	make -q BUILD=build profiles && ok "a second make profiles has no work to do" || notok "a second make profiles has work to do"
	sleep 1; touch datasets/usgs-mcs2024/world/mcs2024-cobal_world.csv
	make -q BUILD=build profiles && notok "a changed world file makes the profiles out of date" ||
		ok "a changed world file makes the profiles out of date"
	make -s BUILD=build examples-out >m2.log 2>&1 && [ -f out/critical-minerals-weekly-zh.pdf ] &&
		ok "make example builds the Chinese edition" || notok "make example builds the Chinese edition"
	make -q BUILD=build examples-out && ok "a second make example has no work to do" || notok "a second make example has work to do"
	sleep 1; touch templates/weekly/strings-zh.csv
	make -q BUILD=build examples-out && notok "a changed Chinese label makes the Chinese edition out of date" ||
		ok "a changed Chinese label makes the Chinese edition out of date"
)
