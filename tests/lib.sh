# tests/lib.sh: helpers for the shell test cases in tests/cases/.
# A case prints one line per check: "ok - what" or "not ok - what";
# tests/run counts them.  Variables set by tests/run:
#   BRIEFGEN  the binary under test      ROOT  the repository
#   TMP       a scratch folder for this case (removed afterwards)
#   SAN       1 when BRIEFGEN was built with sanitizers

ok() { printf 'ok - %s\n' "$*"; }
notok() { printf 'not ok - %s\n' "$*"; }

# check WHAT CMD...: run a command; ok if it succeeds.
check() {
	what=$1; shift
	if "$@" >"$TMP/check.out" 2>&1; then ok "$what"; else
		notok "$what"; sed 's/^/#   /' "$TMP/check.out" | head -20; fi
}

# bg ARGS...: run briefgen; stdout, stderr and status in $TMP/out,
# $TMP/err and $BG_STATUS.  A sanitizer report is a failure of its own.
bg() {
	BG_STATUS=0
	"$BRIEFGEN" "$@" >"$TMP/out" 2>"$TMP/err" || BG_STATUS=$?
	if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|UndefinedBehaviorSanitizer' "$TMP/err"; then
		notok "sanitizer clean: briefgen $*"
		sed 's/^/#   /' "$TMP/err" | head -30
	fi
	return 0
}

# expect_status WHAT N: the last bg call exited with status N.
expect_status() {
	if [ "$BG_STATUS" -eq "$2" ]; then ok "$1 (exit $2)"; else
		notok "$1: exit $BG_STATUS, want $2"
		sed 's/^/#   /' "$TMP/err" | head -10; fi
}

# expect_err WHAT REGEX: stderr of the last bg call matches REGEX.
expect_err() {
	if grep -qE -- "$2" "$TMP/err"; then ok "$1"; else
		notok "$1: stderr lacks /$2/"
		sed 's/^/#   /' "$TMP/err" | head -10; fi
}

# golden WHAT GOT WANT: the file GOT equals the golden file WANT.
# With UPDATE_GOLDEN=1 the golden file is rewritten instead.
golden() {
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then cp "$2" "$3"; ok "$1 (updated)"; return; fi
	if [ ! -f "$3" ]; then notok "$1: no golden file $3"; return; fi
	if diff -u "$3" "$2" >"$TMP/diff" 2>&1; then ok "$1"; else
		notok "$1"; head -40 "$TMP/diff" | sed 's/^/#   /'; fi
}
