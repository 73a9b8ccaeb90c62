# tmpl_paths.sh: what a template may read.  Files come only from
# below the current directory, the template's folder and --allow
# folders; "../", symbolic links and FIFOs do not get out; every file
# read is listed in the depfile; sizes are limited.
P=$TMP/proj
mkdir -p "$P/parts" "$TMP/other"
printf 'Outside partial.\n' >"$TMP/other/p.md"
printf 'secret\n' >"$TMP/secret.md"
ln -s "$TMP/secret.md" "$P/parts/link.md"
ln -s "$TMP/other" "$P/otherdir"
cd "$P" || exit 1

inc() { printf '# T\n\n```include\nfile: %s\n```\n' "$1" >"$P/t.md"; }

inc parts/link.md
bg build -f tree -o "$TMP/o" t.md
expect_status "a symbolic link to a file outside is refused" 1
expect_err "symlink message" "^t.md:4:7: error: include 'parts/link.md' is outside the project folder"

inc otherdir/p.md
bg build -f tree -o "$TMP/o" t.md
expect_status "a symbolic link to a folder outside is refused" 1

inc ../other/p.md
bg build -f tree -o "$TMP/o" t.md
expect_status "../ out of the project is refused" 1
bg build -f tree -o "$TMP/o" --allow "$TMP/other" t.md
expect_status "--allow lets the folder in" 0
grep -q '"Outside partial."' "$TMP/o/t.tree" && ok "the allowed partial is read" ||
	notok "the allowed partial is read"

ln -s "$TMP/secret.md" "$P/s.md"
bg build -f tree -o "$TMP/o" s.md
expect_status "a template that links outside is refused" 1
expect_err "template symlink message" "^s.md: error: the template leads outside the project folder"

# The template's own folder is allowed, even when run from elsewhere.
cp "$TMP/other/p.md" "$TMP/other/t2.md"
bg build -f tree -o "$TMP/o" "$TMP/other/t2.md"
expect_status "the template's folder is allowed" 0

bg build -f tree -o "$TMP/o" nosuch.md
expect_status "a missing template" 1
expect_err "missing template message" "^nosuch.md: error: cannot read the template: No such file or directory"

mkfifo "$P/parts/fifo.md"
inc parts/fifo.md
bg build -f tree -o "$TMP/o" t.md
expect_status "a FIFO is refused, without hanging" 1
expect_err "FIFO message" "is not a regular file"

inc /etc/passwd
bg build -f tree -o "$TMP/o" t.md
expect_status "an absolute path outside is refused" 1

# Sizes: one file, and all files of a briefing together.
head -c 300000 /dev/zero | tr '\0' 'a' >"$P/big.md"
bg build -f tree -o "$TMP/o" big.md
expect_status "a 300,000-byte template is refused" 1
expect_err "size message" "^big.md: error: big.md is 300000 bytes; the limit is 262144"
head -c 200000 /dev/zero | tr '\0' 'b' >"$P/parts/200k.md"
: >"$P/t.md"
for i in 1 2 3 4 5 6; do printf '```include\nfile: parts/200k.md\n```\n' >>"$P/t.md"; done
bg build -f tree -o "$TMP/o" t.md
expect_status "six 200,000-byte partials are refused" 1
expect_err "total message" "come to more than 1048576 bytes"

# Every file read goes into the depfile.
printf 'x,y\n1,2\n' >"$P/d.csv"
printf 'accent: red\n' >"$P/theme.yaml"
printf 'Part.\n' >"$P/parts/a.md"
printf -- '---\ndatasets: {d: d.csv}\ntheme: theme.yaml\n---\n```include\nfile: parts/a.md\n```\n' >"$P/t.md"
bg build -f tree -o "$TMP/o" -M "$TMP/deps" t.md
expect_status "a template with a dataset, theme and partial builds" 0
for f in d.csv theme.yaml parts/a.md; do
	grep -q "^  $f" "$TMP/deps" && ok "depfile lists $f" ||
		{ notok "depfile lists $f"; sed 's/^/#   /' "$TMP/deps"; }
done

# -D of a parameter the template does not declare: a warning.
bg build -f tree -o "$TMP/o" -D nosuch=1 t.md
expect_status "an undeclared -D parameter still builds" 0
expect_err "undeclared -D warns" "^t.md: warning: parameter 'nosuch' is set, but the template declares no such parameter"
bg build -f tree -o "$TMP/o" --werror -D nosuch=1 t.md
expect_status "... and fails with --werror" 1

# More markers than the limit.
awk 'BEGIN { for (i = 0; i < 10001; i++) printf "{{ $p }} "; print "" }' >"$P/many.md"
bg build -f tree -o "$TMP/o" many.md
expect_status "10,001 values are refused" 1
expect_err "marker limit message" "^many.md:1:[0-9]*: error: more than 10000 values, citations and cross-references"
