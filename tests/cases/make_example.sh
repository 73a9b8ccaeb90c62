# make_example.sh: `make example` run twice in a row does no work the
# second time, and a changed dataset or template rebuilds just its
# briefing.  Runs on a copy of the project, so the real out/ is left alone.

[ "$SAN" = 1 ] && return 0 2>/dev/null
cd "$TMP" || exit 1
mkdir proj
cp -R "$ROOT/Makefile" "$ROOT/examples" "$ROOT/datasets" "$ROOT/templates" "$ROOT/fonts" "$ROOT/.ci" proj/
mkdir -p proj/build && cp "$BRIEFGEN" proj/build/briefgen
touch proj/build/briefgen
cd proj || exit 1
# The binary is up to date: make must not try to rebuild it from sources.
mk() { make -s BUILD=build "$@" examples-out; }
mk >m1.log 2>&1 && ok "make builds the examples" || { notok "make builds the examples"; sed 's/^/#   /' m1.log | head; }
n=$(ls out/*.pdf 2>/dev/null | wc -l)
[ "$n" -ge 1 ] && ok "every example is rendered ($n PDFs)" || notok "every example is rendered"
make -q BUILD=build examples-out && ok "a second make has no work to do" || notok "a second make has no work to do"
# An input of one example changes: only that example is rebuilt.
ex=$(ls examples/*.md | head -1); name=$(basename "$ex" .md)
sleep 1; touch "$ex"
make -q BUILD=build examples-out && notok "a changed template makes its briefing out of date" || ok "a changed template makes its briefing out of date"
mk >m2.log 2>&1
grep -c 'briefgen build' m2.log >/dev/null
make -q BUILD=build examples-out && ok "after the rebuild, make is up to date again" || notok "after the rebuild, make is up to date again"
# A dataset an example reads changes: make sees it through the depfile.
ds=$(grep -h -o 'datasets/[^ ]*\.csv' build/deps/*.d 2>/dev/null | head -1)
if [ -n "$ds" ] && [ -f "$ds" ]; then
	sleep 1; touch "$ds"
	make -q BUILD=build examples-out && notok "a changed dataset ($ds) makes its briefing out of date" || ok "a changed dataset makes its briefing out of date"
else
	notok "the depfiles name the datasets the examples read"
fi
