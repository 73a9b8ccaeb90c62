# ci_example.sh: the example CI job in docs/ci/ builds, fails on
# warnings, and publishes the HTML folder without losing the last one.

cd "$ROOT" || exit 1
export OUT="$TMP/out" PUBLISH_DIR="$TMP/site/public"
printf -- '---\ntitle: Week one\ndate: 2025-07-18\nsummary: First.\n---\n# One\n\nText.\n' >"$TMP/week1.md"
printf -- '---\ntitle: Week two\ndate: 2025-07-25\nsummary: Second.\n---\n# Two\n\nText.\n' >"$TMP/week2.md"
TEMPLATES="$TMP/week1.md $TMP/week2.md" sh docs/ci/build-briefings.sh "$PUBLISH_DIR" >"$TMP/ci.log" 2>&1
status=$?
[ $status -eq 0 ] && ok "the CI script builds and publishes" || { notok "the CI script builds and publishes"; sed 's/^/#   /' "$TMP/ci.log" | head; }
[ -f "$PUBLISH_DIR/week1.html" ] && [ -f "$PUBLISH_DIR/week2.html" ] && [ -f "$PUBLISH_DIR/index.html" ] && [ -f "$PUBLISH_DIR/feed.atom" ] &&
	ok "the published folder has the pages, the index and the feed" || notok "the published folder has the pages, the index and the feed"
ls "$PUBLISH_DIR"/*.pdf >/dev/null 2>&1 && notok "PDFs are not published in the HTML folder" || ok "PDFs are not published in the HTML folder"
cp "$PUBLISH_DIR/week2.html" "$TMP/published-before.html"

# A warning (a source declared but never cited) fails the job, and the
# published folder stays as it was.
printf -- '---\ntitle: Week three\ndate: 2025-08-01\nsources:\n  - {id: x, text: Uncited.}\n---\n# Three\n\nText.\n' >"$TMP/week3.md"
TEMPLATES="$TMP/week1.md $TMP/week2.md $TMP/week3.md" sh docs/ci/build-briefings.sh "$PUBLISH_DIR" >"$TMP/ci2.log" 2>&1
status=$?
[ $status -eq 1 ] && ok "a warning fails the CI job (exit 1)" || { notok "a warning fails the CI job (exit $status)"; sed 's/^/#   /' "$TMP/ci2.log" | head; }
grep -q "week3.md:5:.*error: source 'x' is never cited" "$TMP/ci2.log" && ok "the warning is printed as an error at its place" || { notok "the warning is printed as an error at its place"; sed 's/^/#   /' "$TMP/ci2.log" | head; }
[ ! -f "$PUBLISH_DIR/week3.html" ] && cmp -s "$PUBLISH_DIR/week2.html" "$TMP/published-before.html" &&
	ok "the published folder is untouched by a failed job" || notok "the published folder is untouched by a failed job"
ls -d "$TMP/site"/public.* >/dev/null 2>&1 && notok "no staging folder is left behind" || ok "no staging folder is left behind"
