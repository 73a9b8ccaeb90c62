# tmpl.sh: the template stage, through `briefgen build -f tree`.
# Every tests/golden/tmpl/NAME.md is built: bad-*.md must fail with
# status 1; the others must succeed and match NAME.tree.  The messages
# on stderr must match NAME.err (no file: no messages).  NAME.args
# holds extra arguments, one per line.
G=tests/golden/tmpl
for md in "$G"/*.md; do
	name=$(basename "$md" .md)
	args=()
	[ -f "$G/$name.args" ] && mapfile -t args <"$G/$name.args"
	rm -rf "$TMP/o"
	bg build -f tree -o "$TMP/o" "${args[@]}" "$md"
	case $name in
	bad-*)	expect_status "$name" 1
		[ -e "$TMP/o/$name.tree" ] && notok "$name: no tree written"
		;;
	*)	expect_status "$name" 0
		golden "$name tree" "$TMP/o/$name.tree" "$G/$name.tree"
		;;
	esac
	# The run's summary line is main's business, not ours.
	grep -v '^briefgen: [0-9]* briefing' "$TMP/err" >"$TMP/msgs"
	if [ -f "$G/$name.err" ] || [ -s "$TMP/msgs" ]; then
		golden "$name messages" "$TMP/msgs" "$G/$name.err"
	fi
done

# Data never becomes markup: the hostile cells of inject-data.md come
# out of the HTML writer escaped, as text.
bg build -f html -o "$TMP/h" "$G/inject-data.md"
expect_status "inject-data builds to HTML" 0
H=$TMP/h/inject-data.html
if grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$H" &&
    ! grep -q '<script>alert' "$H" && ! grep -qi 'href="javascript' "$H" &&
    ! grep -q '<em>emph</em>' "$H" && grep -q '\*emph\*' "$H"; then
	ok "hostile cells stay text in the HTML"
else
	notok "hostile cells stay text in the HTML"
fi
