# html_browser.sh: the HTML pages in a real browser (tests/html/check.mjs):
# html-validate reports no errors, axe-core in headless Chromium reports
# no violations (light and dark, phone and desktop), no request leaves a
# page, and screenshots land in build/html-shots/ to be looked at.
# Skipped under the sanitizer build (the pages are the same bytes).

if [ "${SAN:-0}" = 1 ]; then
	ok "html browser checks: run with the plain build only"
	return 0
fi
for tool in node npm /usr/bin/chromium; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		notok "html browser checks: $tool is installed (.ci/packages-test)"
		return 0
	fi
done
web="$ROOT/tests/html"
if [ ! -d "$web/node_modules/playwright-core" ] ||
    [ ! -d "$web/node_modules/axe-core" ] ||
    [ ! -d "$web/node_modules/html-validate" ]; then
	if ! (cd "$web" && timeout 600 npm ci --no-audit --no-fund \
	    --loglevel=error) >"$TMP/npm" 2>&1; then
		notok "html browser checks: npm ci in tests/html"
		sed 's/^/#   /' "$TMP/npm" | tail -20
		return 0
	fi
fi
ok "html browser checks: npm packages from package-lock.json"

pages="$(dirname "$BRIEFGEN")/tests/test_html_pages"
shots="$(dirname "$BRIEFGEN")/html-shots"
rm -rf "$shots"
if ! "$pages" --write "$TMP/site" 2>"$TMP/err"; then
	notok "html browser checks: pages written"
	return 0
fi

# The checker itself must be able to fail: a page that loads a style
# sheet from the network, has an image without alt and low contrast.
mkdir -p "$TMP/canary"
cat >"$TMP/canary/canary.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>canary</title>
<link rel="stylesheet" href="https://example.org/x.css">
</head>
<body>
<main>
<h1 class="x">Canary</h1>
<p><img src="x.png"></p>
</main>
</body>
</html>
HTML
(cd "$web" && timeout 300 node check.mjs "$TMP/canary-shots" \
    "$TMP/canary/canary.html") >"$TMP/canary.out" 2>&1
if grep -q '^not ok - requests leave canary' "$TMP/canary.out" &&
    grep -q '^not ok - axe: canary' "$TMP/canary.out" &&
    grep -q '^not ok - html-validate: canary' "$TMP/canary.out"; then
	ok "html browser checks: the checker catches a request, an axe " \
	    "violation and a validation error"
else
	notok "html browser checks: the checker catches a bad page"
	sed 's/^/#   /' "$TMP/canary.out" | head -20
fi

# The pages themselves.  check.mjs prints ok/not ok lines.
(cd "$web" && timeout 900 node check.mjs "$shots" "$TMP/site/sample.html" \
    "$TMP/site/hostile.html" "$TMP/site/cobalt-zh.html" \
    "$TMP/site/index.html") 2>&1
(cd "$web" && timeout 900 node check.mjs "$shots/assets" --assets \
    "$TMP/site/shared/sample.html" "$TMP/site/shared/index.html") 2>&1
n=$(ls "$shots"/*.png 2>/dev/null | wc -l)
if [ "$n" -ge 20 ]; then
	ok "html browser checks: $n screenshots in $shots"
else
	notok "html browser checks: screenshots in $shots ($n)"
fi

# The example briefings, once the whole pipeline builds them.
set -- "$ROOT"/examples/*.md
if [ -f "$1" ]; then
	bg build -q -f html -o "$TMP/examples" "$@"
	if [ "$BG_STATUS" -eq 0 ]; then
		(cd "$web" && timeout 900 node check.mjs "$shots/examples" \
		    "$TMP/examples"/*.html) 2>&1
	else
		ok "html browser checks: examples not built yet (status $BG_STATUS)"
	fi
fi
