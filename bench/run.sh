#!/bin/sh
# bench/run.sh: time briefgen against the analyst's stack on synthetic
# bilateral trade flows, in the same run, on the same file.
#
#   aggregation  per mineral, CR3 and HHI of exporters by export value:
#                ../shared/bench/peer-pandas.py  vs  briefgen query
#   briefing     the same plus two charts, a table and sentences, to PDF
#                and HTML: ../shared/bench/peer-python.py  vs
#                briefgen build bench/trade-briefing.md
#
# usage: bench/run.sh [-n REPEATS] [ROWS...]     (from the repository root)
# Default: 3 repeats, 1000000 and 10000000 rows.  SHARED names the
# shared folder if it is not ../shared.  The trade files are
# generated into build/bench/ (not committed) by gen-trade.py.
# Needs Debian's python3-pandas, python3-matplotlib, python3-markdown and
# weasyprint for the peers (apt-get install them), and /usr/bin/time.
set -eu
reps=3
if [ "${1:-}" = -n ]; then reps=$2; shift 2; fi
[ $# -gt 0 ] || set -- 1000000 10000000
SHARED=${SHARED:-../shared}/bench
if [ ! -f "$SHARED/gen-trade.py" ]; then
	echo "bench/run.sh: $SHARED/gen-trade.py not found: run from the" \
	    "repository root with the shared material next to it, or set" \
	    "SHARED to its folder" >&2
	exit 2
fi
PY=/usr/bin/python3
BG=build/briefgen
make -s all >/dev/null
mkdir -p build/bench
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# time_it LABEL CMD...: best wall time, its CPU time (user + system)
# and the largest RSS of $reps runs.
time_it() {
	label=$1; shift
	best= cpu= rss=0
	i=0
	while [ $i -lt "$reps" ]; do
		/usr/bin/time -f '%e %U %S %M' -o "$T/time" "$@" >"$T/out.$label" 2>/dev/null
		read -r s u y kb <"$T/time"
		if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then
			best=$s
			cpu=$(awk "BEGIN{print $u + $y}")
		fi
		[ "$kb" -gt "$rss" ] && rss=$kb
		i=$((i + 1))
	done
	echo "$best $cpu $rss"
}

row() { printf '%-5s %-11s %-24s %7s s %7s s %6s MB\n' "$@"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; best of $reps runs"
row rows task program wall cpu RSS
for n in "$@"; do
	case $n in
	*000000) tag=$((n / 1000000))m ;;
	*000) tag=$((n / 1000))k ;;
	*) tag=$n ;;
	esac
	f=build/bench/trade-$tag.csv
	[ -f "$f" ] || $PY "$SHARED/gen-trade.py" "$n" >"$f"
	cat "$f" >/dev/null	# the page cache, for both

	# The aggregation alone.
	q='group mineral | concentration value_usd by exporter of listed | derive p = cr3 * 100 | select mineral, p, hhi | format p ".2f", hhi ".0f"'
	set -- $(time_it pandas $PY "$SHARED/peer-pandas.py" "$f")
	row "$tag" aggregation "pandas (peer-pandas.py)" "$1" "$2" "$(($3 / 1024))"
	pt=$1 pm=$3
	set -- $(time_it briefgen $BG query "$f" "$q")
	row "$tag" aggregation "briefgen query" "$1" "$2" "$(($3 / 1024))"
	awk "BEGIN{printf \"%-5s %-11s %.1fx faster, %.1f%% of the memory\n\", \"$tag\", \"\", $pt / $1, 100 * $3 / $pm}"
	# Same figures from both (pandas prints name,cr3,hhi unquoted).
	$PY - "$T/out.pandas" "$T/out.briefgen" <<'PYEOF'
import csv, sys
a = {}
for l in open(sys.argv[1]):
    m, c, h = l.rstrip("\n").rsplit(",", 2)
    a[m] = (c, h)
b = {r[0]: (r[1], r[2]) for r in list(csv.reader(open(sys.argv[2])))[1:]}
if a != b:
    sys.exit("bench: briefgen and pandas disagree: %r" % sorted(set(a.items()) ^ set(b.items()))[:4])
PYEOF

	# The whole briefing, PDF and HTML.
	set -- $(time_it peer $PY "$SHARED/peer-python.py" "$f" "$T/peer")
	row "$tag" briefing "python (peer-python.py)" "$1" "$2" "$(($3 / 1024))"
	pt=$1 pm=$3
	set -- $(time_it build $BG build -q -D rows="$tag" -o "$T/bg" bench/trade-briefing.md)
	row "$tag" briefing "briefgen build" "$1" "$2" "$(($3 / 1024))"
	awk "BEGIN{printf \"%-5s %-11s %.1fx faster, %.1f%% of the memory\n\", \"$tag\", \"\", $pt / $1, 100 * $3 / $pm}"
done
