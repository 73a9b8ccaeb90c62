# data_query.sh: `briefgen query` on real files (CSV goldens), and the
# messages of bad queries (one golden file of them, each at its
# line:col of the query, saying what was expected).
cd "$ROOT" || exit 1
G=tests/golden/data
W=datasets/usgs-mcs2024/world
B=datasets/baci-cobalt-nickel/cobalt_nickel_flows_2018_2020.csv

q() {	# q NAME FILE QUERY: run, compare stdout and notes with goldens
	name=$1; shift
	bg query "$@"
	expect_status "query $name" 0
	cat "$TMP/out" "$TMP/err" >"$TMP/both"
	golden "query $name" "$TMP/both" "$G/query-$name.csv"
}

q ree-concentration $W/mcs2024-raree_world.csv 'concentration Reserves'
q ree-top3-other $W/mcs2024-raree_world.csv \
    'share Reserves of world | top 3 by Reserves with other | select Country, Reserves, share'
q pgm-shares $W/mcs2024-plati_world.csv \
    'group Type | share Prod_2023 | filter not is_total() | select Type, Country, Prod_2023, share'
q vanadium-shares $W/mcs2024-vanad_world.csv 'share Prod_2023 | select Country, Prod_2023, share'
q baci-dependence $B \
    'filter k == 260500 | group targets | dependence q_total by sources | sort -total | limit 5'
q baci-concentration $B 'group k | concentration q_total by sources'
q lithium-growth datasets/usgs-mcs2024/salient/mcs2024-lithi_salient.csv \
    'pivot Year values Imports | multiple `2019` to `2023` | change `2022` to `2023`'
bg query --json $W/mcs2024-nicke_world.csv 'group Type | summarize s = sum(Reserves), n = count()'
golden "query --json: nickel sums with bounds" "$TMP/out" "$G/query-nickel.json"
# The same bytes when the file is streamed.
for f in ree-concentration:$W/mcs2024-raree_world.csv:'concentration Reserves' \
    baci:$B:'group k | concentration q_total by sources'; do
	file=$(echo "$f" | cut -d: -f2); query=$(echo "$f" | cut -d: -f3-)
	"$BRIEFGEN" query --stream never "$file" "$query" >"$TMP/a" 2>&1
	"$BRIEFGEN" query --stream always "$file" "$query" >"$TMP/b" 2>&1
	cmp -s "$TMP/a" "$TMP/b" && ok "stream = table: $query" || notok "stream differs: $query"
done

# Bad queries: each message, in one golden file.
: >"$TMP/errs"
while IFS= read -r query; do
	[ -z "$query" ] && continue
	bg query $W/mcs2024-raree_world.csv "$query"
	if [ "$BG_STATUS" -ne 1 ]; then notok "exit 1 for: $query (got $BG_STATUS)"; fi
	printf '%s\n' "\$ $query" >>"$TMP/errs"
	cat "$TMP/err" >>"$TMP/errs"
done <<'QUERIES'
fliter Country == "China"
top x by Reserves
filter Country == "China
share Reserve
filter sum(Reserves) > 1
summarize x = summ(Reserves)
summarize x = cr()
cobalt | top 3 by Reserves
filter Country == $nobody
derive x = Country + 1
share Reserves of everything
format ",.1q"
mcs2024_raree_world top 3
filter Country ! "x"
derive x
summarize n = count() | top 3 by Country
concentration Source
top 3 by Reserves with others
group Type | dependence Reserves
pivot Year
unpivot Prod_2022, Prod_2023 into year
join codes on Country
sort
filter (Reserves > 1
summarize n = count() | select n as
QUERIES
golden "messages of bad queries" "$TMP/errs" "$G/query-errors.err"
