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
