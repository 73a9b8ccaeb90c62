# batch.sh: many briefings per run: parameter files, name patterns,
# shards, threads, ordered messages, --werror, the summary line and the
# progress line.

B=$ROOT/tests/batch
cd "$TMP" || exit 1

# One briefing per row, named by the pattern.
bg build -q -f tree,html -o one --params "$B/minerals.csv" --name 'profile-{mineral}' "$B/profile.md"
expect_status "a parameter file builds one briefing per row" 0
n=$(ls one/profile-*.tree 2>/dev/null | wc -l)
[ "$n" -eq 7 ] && ok "seven rows give seven briefings" || notok "seven rows give seven briefings (got $n)"
[ -f "one/profile-Rare-earths.html" ] && ok "unsafe characters in names become hyphens" || notok "name pattern: profile-Rare-earths.html missing"
grep -q 'value "Niobium"' one/profile-Niobium.tree && grep -q 'high supply risk' one/profile-Niobium.tree &&
	ok "each briefing gets its row's parameters" || notok "each briefing gets its row's parameters"

# The same batch in three shards gives the same files, byte for byte.
for k in 1 2 3; do
	bg build -q -f tree,html -o "shard$k" --shard "$k/3" --params "$B/minerals.csv" --name 'profile-{mineral}' "$B/profile.md"
done
mkdir -p union && cp shard1/*.tree shard1/profile-*.html shard2/*.tree shard2/profile-*.html shard3/*.tree shard3/profile-*.html union/ 2>/dev/null
s1=$(ls shard1/*.tree | wc -l) s2=$(ls shard2/*.tree | wc -l) s3=$(ls shard3/*.tree | wc -l)
[ "$s1" -eq 3 ] && [ "$s2" -eq 2 ] && [ "$s3" -eq 2 ] && ok "shards split 7 briefings 3+2+2" || notok "shards split 7 briefings 3+2+2 (got $s1+$s2+$s3)"
if diff -r -x index.html -x feed.atom -x '*.css' one union >"$TMP/d" 2>&1; then ok "three shards build the same files as one run"
else notok "three shards build the same files as one run"; head -5 "$TMP/d" | sed 's/^/#   /'; fi

# One thread and two threads give the same bytes.
bg build -q -j 1 -f tree,html,pdf -o j1 --params "$B/minerals.csv" --name 'p-{mineral}' "$B/profile.md"
bg build -q -j 2 -f tree,html,pdf -o j2 --params "$B/minerals.csv" --name 'p-{mineral}' "$B/profile.md"
if cmp -s j1/p-Cobalt.pdf j2/p-Cobalt.pdf && diff -r j1 j2 >/dev/null 2>&1; then ok "-j 1 and -j 2 write identical files (PDF and HTML)"
else notok "-j 1 and -j 2 write identical files"; fi

# Two rows that would write the same file are an error before any work.
printf 'mineral\nCobalt\nCobalt\n' >dup.csv
bg build -o dup --params dup.csv --name 'x-{mineral}' "$B/profile.md"
expect_status "duplicate output names are bad input" 1
expect_err "duplicate names are explained" "both be named 'x-Cobalt'"
bg build -o bad --params "$B/minerals.csv" --name 'x-{colour}' "$B/profile.md"
expect_status "a pattern naming no parameter is bad input" 1
expect_err "the unknown pattern name is named" "no parameter 'colour'"
bg build --shard 4/3 "$B/profile.md"
expect_status "a shard outside 1..N is a usage error" 2
bg build -j 0 "$B/profile.md"
expect_status "-j 0 is a usage error" 2

# Messages come out in briefing order however the threads finish, and
# a summary line ends the run.
printf 'mineral,extra\nA,1\nB,2\nC,3\nD,4\nE,5\nF,6\n' >warn.csv
bg build -j 2 -f tree -o w --params warn.csv --name 'w-{mineral}' "$B/profile.md"
expect_status "warnings alone do not fail a run" 0
order=$(grep -c "parameter 'extra' is set" "$TMP/err")
[ "$order" -eq 6 ] && ok "every briefing reports its own warning" || notok "every briefing reports its own warning (got $order)"
expect_err "each briefing's messages say which briefing they belong to" "profile.md: note: in briefing 'w-C':$"
first=$(grep -n "in briefing 'w-A'" "$TMP/err" | cut -d: -f1); last=$(grep -n "in briefing 'w-F'" "$TMP/err" | cut -d: -f1)
[ -n "$first" ] && [ -n "$last" ] && [ "$first" -lt "$last" ] && ok "messages come in briefing order" || notok "messages come in briefing order"
expect_err "a summary line ends a batch" "^briefgen: 6 briefings, 6 written, 0 failed; 0 errors, 6 warnings$"
bg build --werror -j 2 -f tree -o w2 --params warn.csv --name 'w-{mineral}' "$B/profile.md"
expect_status "--werror makes warnings fail the run" 1
expect_err "--werror prints warnings as errors" "error: parameter 'extra' is set"

# The progress line shows on a terminal only.
if command -v script >/dev/null 2>&1; then
	script -qec "$BRIEFGEN build -j 1 -f tree -o pr --params $B/minerals.csv --name 'pr-{mineral}' $B/profile.md" /dev/null >tty.out 2>&1
	grep -q '\[7/7\] pr-Platinum-group-metals' tty.out && ok "a terminal shows a progress line" || notok "a terminal shows a progress line"
	script -qec "$BRIEFGEN build -q -j 1 -f tree -o pr2 --params $B/minerals.csv --name 'pr-{mineral}' $B/profile.md" /dev/null >tty2.out 2>&1
	grep -q '\[7/7\]' tty2.out && notok "-q hides the progress line" || ok "-q hides the progress line"
	bg build -j 1 -f tree -o pr3 --params "$B/minerals.csv" --name 'pr-{mineral}' "$B/profile.md"
	grep -q '\[' "$TMP/err" && notok "no progress line when stderr is not a terminal" || ok "no progress line when stderr is not a terminal"
fi
