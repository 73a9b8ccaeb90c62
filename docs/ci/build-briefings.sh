#!/bin/sh
# build-briefings.sh: the CI job for a folder of briefings.
#
# Builds every briefing, fails on any warning (a data validation warning
# in a new download stops the publication), then publishes the HTML
# folder atomically: readers see either last week's complete archive or
# this week's, never a half-copied one.
#
# usage: docs/ci/build-briefings.sh [PUBLISH_DIR]
#
# Environment (all optional):
#   BRIEFGEN     the binary (default: build/briefgen, built with make)
#   OUT          the output folder (default: out)
#   TEMPLATES    the templates to build (default: examples/*.md)
#   PUBLISH_DIR  where the HTML goes (default: the first argument, or public)
#   SOURCE_DATE_EPOCH  "today"; defaults to the last commit's time, so that
#                the same commit always builds the same bytes
set -eu

BRIEFGEN=${BRIEFGEN:-build/briefgen}
OUT=${OUT:-out}
PUBLISH_DIR=${1:-${PUBLISH_DIR:-public}}
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
	SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
fi
export SOURCE_DATE_EPOCH

[ -x "$BRIEFGEN" ] || make -s all

# shellcheck disable=SC2086  # TEMPLATES is a list of files on purpose.
"$BRIEFGEN" build --werror -o "$OUT" ${TEMPLATES:-examples/*.md}

# Publish: copy the pages, the index and the feed into a new folder next
# to the published one, then swap the two with renames.
stage="$PUBLISH_DIR.new.$$"
rm -rf "$stage"
mkdir -p "$stage"
for f in "$OUT"/*.html "$OUT"/*.atom "$OUT"/*.css; do
	[ -e "$f" ] && cp -p "$f" "$stage/"
done
[ -d "$OUT/assets" ] && cp -Rp "$OUT/assets" "$stage/"
if [ -d "$PUBLISH_DIR" ]; then
	mv "$PUBLISH_DIR" "$PUBLISH_DIR.old.$$"
	mv "$stage" "$PUBLISH_DIR"
	rm -rf "$PUBLISH_DIR.old.$$"
else
	mkdir -p "$(dirname "$PUBLISH_DIR")"
	mv "$stage" "$PUBLISH_DIR"
fi
echo "published $(ls "$PUBLISH_DIR"/*.html | wc -l) pages to $PUBLISH_DIR"
