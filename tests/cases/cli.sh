# cli.sh: the command line: help, version, usage errors and exit statuses.

bg --help
expect_status "--help succeeds" 0
grep -q '^usage: briefgen build' "$TMP/out" && ok "--help prints usage on stdout" || notok "--help prints usage on stdout"

bg --version
expect_status "--version succeeds" 0
grep -qE '^briefgen [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out" && ok "--version prints the version" || notok "--version prints the version"

bg
expect_status "no arguments is a usage error" 2

bg frobnicate x.md
expect_status "unknown command is a usage error" 2
expect_err "unknown command is named" "unknown command 'frobnicate'"

bg build
expect_status "build without templates is a usage error" 2
expect_err "missing input is explained" "no input files"

bg build --no-such-option x.md
expect_status "unknown option is a usage error" 2

bg build -f pdf,docx x.md
expect_status "unknown format is a usage error" 2
expect_err "unknown format is named" "unknown format 'docx'"

bg build -D novalue x.md
expect_status "-D without = is a usage error" 2
expect_err "-D error says what it wants" "NAME=VALUE"

SOURCE_DATE_EPOCH=yesterday bg build x.md
expect_status "a malformed SOURCE_DATE_EPOCH is a usage error" 2
expect_err "SOURCE_DATE_EPOCH error names the value" "SOURCE_DATE_EPOCH.*yesterday"

bg data
expect_status "data without a file is a usage error" 2

bg data a.csv b.csv
expect_status "data takes one file" 2

bg build --fonts "$TMP/nofonts" -o "$TMP/o" x.md
expect_status "a missing font folder is an I/O failure" 3
expect_err "missing fonts.conf is named" "nofonts/fonts.conf: error: cannot read font list"

# The man page is well-formed (mandoc is in Debian; skip if absent).
if command -v mandoc >/dev/null 2>&1; then
	check "man page passes mandoc -Tlint" sh -c "! mandoc -Tlint -W warning '$ROOT/docs/briefgen.1' 2>&1 | grep -q ."
fi

# make install honours PREFIX and DESTDIR (plain build only: it copies files).
if [ "$SAN" = 0 ]; then
	make -s -C "$ROOT" install PREFIX=/opt/bg DESTDIR="$TMP/stage" >"$TMP/install.log" 2>&1
	if [ -x "$TMP/stage/opt/bg/bin/briefgen" ] && [ -f "$TMP/stage/opt/bg/share/man/man1/briefgen.1" ] &&
	    [ -f "$TMP/stage/opt/bg/share/briefgen/fonts/fonts.conf" ]; then
		ok "make install PREFIX DESTDIR places binary, man page and fonts"
	else
		notok "make install PREFIX DESTDIR"; sed 's/^/#   /' "$TMP/install.log" | head
	fi
	# The installed binary finds its fonts relative to itself.
	"$TMP/stage/opt/bg/bin/briefgen" build -q -o "$TMP/o" "$TMP/none.md" 2>"$TMP/err2"
	if grep -q 'cannot read font list' "$TMP/err2"; then
		notok "installed briefgen finds its fonts"; sed 's/^/#   /' "$TMP/err2"
	else
		ok "installed briefgen finds its fonts"
	fi
fi
