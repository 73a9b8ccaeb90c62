# data_locale.sh: numbers read and print the same under a comma-decimal
# locale.  de_DE.UTF-8 is generated into $TMP with localedef (Debian's
# `locales` package, in .ci/packages-test) when the system lacks it.
cd "$ROOT" || exit 1
loc=de_DE.UTF-8
if ! locale -a 2>/dev/null | grep -qi '^de_DE.utf-\?8$'; then
	if command -v localedef >/dev/null 2>&1 && [ -f /usr/share/i18n/locales/de_DE ]; then
		mkdir -p "$TMP/loc"
		localedef -i de_DE -f UTF-8 "$TMP/loc/$loc" >/dev/null 2>&1
		export LOCPATH="$TMP/loc"
	fi
fi
if ! LC_ALL=$loc locale -k decimal_point 2>/dev/null | grep -q '","'; then
	notok "a comma-decimal locale: install 'locales' (.ci/packages-test)"
else
	ok "de_DE.UTF-8 is available (decimal point ',')"
	unit="$(dirname "$BRIEFGEN")/tests/test_fmt"
	if LC_ALL=$loc "$unit" --setlocale >"$TMP/fmt.out" 2>&1; then
		ok "fmt under LC_ALL=$loc with setlocale: $(grep -c '^ok' "$TMP/fmt.out") checks"
	else
		notok "fmt under LC_ALL=$loc"; grep -v '^ok' "$TMP/fmt.out" | head -20
	fi
	for f in datasets/usgs-mcs2024/world/mcs2024-heliu_world.csv \
	    datasets/baci-cobalt-nickel/cobalt_nickel_flows_2018_2020.csv; do
		"$BRIEFGEN" data --json "$f" >"$TMP/c.json" 2>&1
		LC_ALL=$loc LANG=$loc "$BRIEFGEN" data --json "$f" >"$TMP/de.json" 2>&1
		cmp -s "$TMP/c.json" "$TMP/de.json" && ok "data --json same under $loc: $(basename "$f")" ||
		    notok "data --json differs under $loc: $(basename "$f")"
	done
fi
