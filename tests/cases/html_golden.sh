# html_golden.sh: the HTML writer's pages, index and feed against golden
# files.  The pages are built from documents made in C
# (tests/unit/html_sample.h) with a small Cairo-style chart, in the
# assets-folder layout so the golden files hold the markup, not the CSS.

pages="$(dirname "$BRIEFGEN")/tests/test_html_pages"
if [ ! -x "$pages" ]; then
	notok "html golden: $pages is built (make units)"
	return 0
fi
if ! "$pages" --write "$TMP/site" "$ROOT/tests/html/fixtures/tiny.svg" \
    2>"$TMP/err"; then
	notok "html golden: pages written"
	sed 's/^/#   /' "$TMP/err" | head
	return 0
fi
for f in sample.html hostile.html cobalt-zh.html index.html feed.atom; do
	golden "html golden: $f" "$TMP/site/shared/$f" \
	    "$ROOT/tests/golden/html/$f"
done
golden "html golden: style sheet" "$TMP/site/shared/assets/briefgen.css" \
    "$ROOT/tests/golden/html/briefgen.css"

# The same pages self-contained: the style sheet inline, same markup.
for f in sample hostile cobalt-zh; do
	if cmp -s "$TMP/site/$f.html" "$TMP/site/shared/$f.html"; then
		notok "html: $f inline and with assets differ"
	elif grep -q '<link rel="stylesheet"' "$TMP/site/$f.html"; then
		notok "html: self-contained $f links a style sheet"
	else
		ok "html: self-contained $f has its CSS inline"
	fi
done

# The feed is well-formed XML (a parser other than ours says so).
if /usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E
t = E.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2005/Atom}"
assert t.tag == ns + "feed", t.tag
assert len(t.findall(ns + "entry")) == 3
for e in t.findall(ns + "entry"):
    assert e.find(ns + "id").text.startswith("tag:briefgen,")
    assert e.find(ns + "updated").text.endswith("T00:00:00Z")
' "$TMP/site/feed.atom" 2>"$TMP/err"; then
	ok "html: feed.atom parses as Atom with 3 entries"
else
	notok "html: feed.atom parses as Atom"
	sed 's/^/#   /' "$TMP/err" | head
fi

# Same inputs, same bytes.
"$pages" --write "$TMP/again" "$ROOT/tests/html/fixtures/tiny.svg" 2>/dev/null
if diff -r "$TMP/site" "$TMP/again" >/dev/null; then
	ok "html: a second build gives the same bytes"
else
	notok "html: a second build gives the same bytes"
fi
