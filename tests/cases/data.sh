# data.sh: `briefgen data` on the real USGS and BACI files: every file
# loads; --json agrees cell by cell with Python's csv module (an
# independent reader); goldens for a selection; errors and statuses.
cd "$ROOT" || exit 1
G=tests/golden/data
PY=/usr/bin/python3

# Every CSV of both folders loads (the CEPII table with its encoding).
n=0 bad=0
for f in datasets/usgs-mcs2024/*/*.csv datasets/baci-cobalt-nickel/cobalt*.csv; do
	n=$((n + 1))
	bg data --json "$f"
	if [ "$BG_STATUS" -ne 0 ]; then bad=$((bad + 1)); echo "#   $f: exit $BG_STATUS"; sed 's/^/#   /' "$TMP/err" | head -3; continue; fi
	if [ "$SAN" = 0 ] && ! $PY tests/tools/csvcheck.py "$f" "$TMP/out" >"$TMP/cmp" 2>&1; then
		bad=$((bad + 1)); echo "#   $f:"; sed 's/^/#   /' "$TMP/cmp" | head -8
	fi
done
[ "$bad" -eq 0 ] && ok "all $n files load and agree with Python's csv module" || notok "$bad of $n files"

bg data --json --encoding latin1 datasets/baci-cobalt-nickel/country_codes_V202201.csv
expect_status "the CEPII table loads as Latin-1" 0
if [ "$SAN" = 0 ]; then
	check "Latin-1 table agrees with Python" $PY tests/tools/csvcheck.py --encoding latin-1 \
	    datasets/baci-cobalt-nickel/country_codes_V202201.csv "$TMP/out"
fi
golden "json: CEPII country codes (Latin-1)" "$TMP/out" "$G/country_codes.json"

for f in world/mcs2024-raree_world world/mcs2024-galli_world world/mcs2024-antim_world \
    world/mcs2024-niobi_world world/mcs2024-nicke_world world/mcs2024-plati_world \
    world/mcs2024-vanad_world world/mcs2024-heliu_world salient/mcs2024-lithi_salient \
    industry-trends/MCS2024_T5_Critical_Minerals_Salient industry-trends/MCS2024_Fig2_Net_Import_Reliance; do
	name=$(basename "$f")
	bg data --json "datasets/usgs-mcs2024/$f.csv"
	golden "json: $name" "$TMP/out" "$G/$name.json"
	bg data "datasets/usgs-mcs2024/$f.csv"
	golden "schema: $name" "$TMP/out" "$G/$name.schema"
done
bg data datasets/baci-cobalt-nickel/cobalt_nickel_flows_2018_2020.csv
golden "schema: BACI flows" "$TMP/out" "$G/baci_flows.schema"

# Warnings with file:line.
bg data datasets/usgs-mcs2024/salient/mcs2024-cobal_salient.csv
expect_status "a warning does not fail" 0
expect_err "country above the World total" \
    '^datasets/usgs-mcs2024/salient/mcs2024-cobal_salient.csv:3: warning: Reserves_t of Australia, 101,600,000, is above World total \(rounded\), 10,000,000 \(line 15\)$'
bg data --werror datasets/usgs-mcs2024/salient/mcs2024-cobal_salient.csv
expect_status "--werror makes it fail" 1

# Errors.
bg data datasets/baci-cobalt-nickel/country_codes_V202201.csv
expect_status "Latin-1 without a declared encoding" 1
expect_err "not UTF-8 at FILE:LINE:COL" \
    '^datasets/baci-cobalt-nickel/country_codes_V202201.csv:104:7: error: not UTF-8 \(byte 0xF4\); declare'
bg data --encoding ebcdic datasets/baci-cobalt-nickel/country_codes_V202201.csv
expect_status "unknown encoding" 1
expect_err "unknown encoding named" "unknown encoding 'ebcdic'"
bg data "$TMP/none.csv"
expect_status "a missing file" 1
expect_err "missing file named" "none.csv: error: cannot read"
printf 'a,b\n1,"x"y\n' >"$TMP/bad.csv"
bg data "$TMP/bad.csv"
expect_status "malformed CSV" 1
expect_err "malformed CSV at line and column" 'bad.csv:2:6: error: malformed CSV'
printf 'Country,Share\nChina,70\nChile,40\n' >"$TMP/share.csv"
bg data "$TMP/share.csv"
expect_err "shares above 100%" 'share.csv:2: warning: the shares in Share add up to 110%, above 100%'
