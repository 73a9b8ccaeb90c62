# depfile.sh: -M writes a Makefile fragment naming every file a
# briefing read, so that make rebuilds only what changed.

cd "$TMP" || exit 1
cp "$ROOT/tests/batch/profile.md" .
mkdir -p parts
printf 'Included text for {{ $mineral }}.\n' >parts/note.md
cat >>profile.md <<'EOT'

```include
file: parts/note.md
```
EOT
cat >Makefile <<EOT
out/profile.pdf out/profile.html: profile.md
	"$BRIEFGEN" build -q -o out -M profile.d profile.md
-include profile.d
EOT
make -s >make1.log 2>&1 && ok "make builds the briefing through the depfile rule" || { notok "make builds the briefing"; sed 's/^/#   /' make1.log; }
grep -q '^out/profile.pdf out/profile.html: profile.md' profile.d && ok "depfile names both outputs and the template" || notok "depfile names both outputs and the template"
grep -q 'parts/note.md' profile.d && ok "depfile lists the included partial" || notok "depfile lists the included partial"
grep -q 'NotoSans-Regular.ttf' profile.d && ok "depfile lists the font files" || notok "depfile lists the font files"
grep -q '^parts/note.md:$' profile.d && ok "depfile has phony targets for deleted inputs" || notok "depfile has phony targets"
make -q && ok "a second make has nothing to do" || notok "a second make has nothing to do"
sleep 1; touch parts/note.md
make -q && notok "changing a partial makes the briefing out of date" || ok "changing a partial makes the briefing out of date"
make -s >make2.log 2>&1 && make -q && ok "make rebuilds, then is up to date again" || notok "make rebuilds, then is up to date again"
