#!/bin/sh
# bench/profiles.sh: time 50 one-mineral profiles (PDF and HTML) from the
# USGS world files: briefgen with -j 1 and -j 2, a rebuild through make
# when nothing changed, and the same profiles made by a loop over the
# Python stack (bench/peer-profiles.py: pandas, matplotlib,
# python-markdown, WeasyPrint), in the same run.  Prints the hyperfine
# tables and the peak resident set sizes (/usr/bin/time -v).
#
# usage: bench/profiles.sh [BRIEFGEN]     (default build/briefgen)
# needs: hyperfine, /usr/bin/time, python3-pandas python3-matplotlib
#        python3-markdown weasyprint (Debian 12)
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BG=${1:-$ROOT/build/briefgen}
case $BG in /*) ;; *) BG=$ROOT/$BG ;; esac
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

# The first 50 rows of minerals.csv: the 30 critical minerals and 20
# others, every layout of the profile template among them.
head -51 datasets/briefgen/minerals.csv >"$W/p50.csv"
BUILD="$BG build -q -o $W/out --params $W/p50.csv --name profile-{slug} templates/profile.md"
PEER="/usr/bin/python3 bench/peer-profiles.py $W/p50.csv $W/peer"

# A make rule like the project's `make profiles`, for the 50.
cat >"$W/bench.mk" <<EOT
P = \$(shell awk -F, 'NR > 1 { print "$W/mk/profile-" \$\$1 ".pdf" }' $W/p50.csv)
all: \$(P)
\$(P) &: templates/profile.md $W/p50.csv $BG
	$BG build -q -j 2 -o $W/mk --params $W/p50.csv --name 'profile-{slug}' -M $W/mk.d templates/profile.md
-include $W/mk.d
EOT
make -s -f "$W/bench.mk"
make -q -f "$W/bench.mk" || { echo "bench: make has work to do after a build" >&2; exit 1; }

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
echo "## 50 profiles: $(nproc) cores, $(uname -m), $(. /etc/os-release; echo "$PRETTY_NAME")"
hyperfine -N --warmup 1 --runs 10 --export-markdown "$W/bg.md" --export-json "$W/bg.json" \
    --prepare "rm -rf $W/out" \
    -n 'briefgen -j 1' "$BUILD -j 1" \
    -n 'briefgen -j 2' "$BUILD -j 2" \
    -n 'make, nothing changed' "make -s -f $W/bench.mk"
hyperfine -N --warmup 1 --runs 3 --export-markdown "$W/peer.md" --export-json "$W/peer.json" \
    --prepare "rm -rf $W/peer" \
    -n 'Python loop (pandas, matplotlib, markdown, WeasyPrint)' "$PEER"
cat "$W/bg.md" "$W/peer.md"
echo
/usr/bin/python3 - "$W/bg.json" "$W/peer.json" <<'EOT'
import json, sys
bg = json.load(open(sys.argv[1]))['results']
peer = json.load(open(sys.argv[2]))['results'][0]
print('| briefgen | times faster than the Python loop (mean wall time) | (CPU time, user + system) |')
print('|---|---|---|')
for r in bg[:2]:
    print('| %s | %.0f× | %.0f× |' % (r['command'], peer['mean'] / r['mean'],
          (peer['user'] + peer['system']) / (r['user'] + r['system'])))
EOT
echo "load average before and after: $LOAD0 / $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "| command | peak RSS |"
echo "|---|---|"
rss() {
	/usr/bin/time -v "$@" 2>"$W/time" >/dev/null
	awk -F': ' '/Maximum resident set size/ { printf "%.1f MB", $2 / 1024 }' "$W/time"
}
rm -rf "$W/out"; echo "| briefgen -j 1 | $(rss $BUILD -j 1) |"
rm -rf "$W/out"; echo "| briefgen -j 2 | $(rss $BUILD -j 2) |"
rm -rf "$W/peer"; echo "| Python loop | $(rss $PEER) |"
echo
echo "outputs: $(ls "$W/out"/*.pdf | wc -l) PDF + $(ls "$W/out"/profile-*.html | wc -l) HTML (briefgen), $(ls "$W/peer"/*.pdf | wc -l) PDF + $(ls "$W/peer"/*.html | wc -l) HTML (Python)"
