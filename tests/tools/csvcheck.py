#!/usr/bin/python3
"""An independent reading of a CSV file, to check `briefgen data --json`.

usage: csvcheck.py [--encoding ENC] FILE.csv OUT.json

Python's csv module reads the file; every cell that is a plain number
(digits, an optional point, thousands separators in groups of three)
must be that number in the JSON, every empty cell and the codes NA, W
and XX must be null, and every other cell of a text column must be the
same text once blanks (and no-break spaces) are trimmed.  Name columns
(where briefgen removes footnote digits and estimate markers) are
checked for that difference only.  Exit 1 with the differences.
"""
import csv
import json
import re
import sys

args = sys.argv[1:]
enc = "utf-8-sig"
if args[0] == "--encoding":
    enc = args[1]
    args = args[2:]
rows = list(csv.reader(open(args[0], encoding=enc, newline="")))
got = json.load(open(args[1], encoding="utf-8"))
head = rows[0]
data = [r for r in rows[1:] if any(c.strip() for c in r)]
bad = []
if len(got) != len(data):
    bad.append("rows: json %d, csv %d" % (len(got), len(data)))
num = re.compile(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")
blank = " \t\u00a0\u202f"
for i, (r, o) in enumerate(zip(data, got)):
    keys = list(o.keys())
    for j, cell in enumerate(r):
        if j >= len(keys):
            if cell.strip(blank):
                bad.append("row %d: value past the columns: %r" % (i + 2, cell))
            continue
        k, v = keys[j], o[keys[j]]
        c = cell.strip(blank)
        if c in ("", "NA", "W", "XX"):
            if c == "NA" and v == "NA":
                continue   # text columns keep NA (Namibia)
            if v is not None:
                bad.append("row %d %s: %r should be null, got %r" % (i + 2, k, cell, v))
        elif num.fullmatch(c) and not (len(c) > 1 and c[0] == "0" and c[1] != "."):
            want = float(c.replace(",", ""))
            if isinstance(v, str):
                continue   # a declared or inferred text column (codes)
            if v is None or abs(v - want) > 1e-9 * max(1, abs(want)):
                bad.append("row %d %s: %r should be %r, got %r" % (i + 2, k, cell, want, v))
        elif isinstance(v, str):
            t = c.replace("\u00a0", " ")
            if v != t and not (re.fullmatch(re.escape(v) + r"(\d{1,2}|e)", t)):
                bad.append("row %d %s: %r, got %r" % (i + 2, k, cell, v))
for b in bad[:20]:
    print(b)
sys.exit(1 if bad else 0)
