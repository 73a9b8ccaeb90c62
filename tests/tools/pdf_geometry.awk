# pdf_geometry.awk: geometry of a PDF from the word boxes poppler finds
# (pdftotext -bbox FILE - | awk -f pdf_geometry.awk -v minw=N -v ML=68).
# On every page but the first (the cover), words between the header and
# footer rules stay inside the margins (ML at the sides, 72 pt top and
# bottom), and no two words overlap by more than a sliver; there must
# be minw words at least.  Prints the problems; exits 1 if any.
BEGIN { if (ML == "") ML = 68 }
/<page / { p++; n = 0; match($0, /height="[0-9.]+"/)
	H = substr($0, RSTART + 8, RLENGTH - 9) + 0
	match($0, /width="[0-9.]+"/)
	W = substr($0, RSTART + 7, RLENGTH - 8) + 0 }
/<word / && p > 1 {
	split($0, f, "\"")
	x0 = f[2] + 0; y0 = f[4] + 0; x1 = f[6] + 0; y1 = f[8] + 0
	w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
	words++
	if (y1 > 60 && y0 < H - 60) {
		if (x0 < ML - 0.5 || x1 > W - ML + 0.5 ||
		    y0 < 72 - 0.5 || y1 > H - 72 + 0.5) {
			print "page " p ": \"" w "\" outside the margins: " x0, y0, x1, y1
			bad++
		}
	} else if (x0 < 68 - 0.5 || x1 > W - 68 + 0.5 || y0 < 0 || y1 > H) {
		print "page " p ": header or footer \"" w "\" off the page"
		bad++
	}
	for (i = 0; i < n; i++) {
		ix = (x1 < X1[i] ? x1 : X1[i]) - (x0 > X0[i] ? x0 : X0[i])
		iy = (y1 < Y1[i] ? y1 : Y1[i]) - (y0 > Y0[i] ? y0 : Y0[i])
		h = (y1 - y0 < Y1[i] - Y0[i]) ? y1 - y0 : Y1[i] - Y0[i]
		if (ix > 0.5 && iy > 0.15 * h) {
			print "page " p ": \"" w "\" overlaps \"" T[i] "\""
			bad++
		}
	}
	X0[n] = x0; Y0[n] = y0; X1[n] = x1; Y1[n] = y1; T[n] = w; n++
}
END { if (words < minw) { print "only " words " words"; bad++ }
      exit bad > 0 }
