#!/usr/bin/python3
"""Prepare the TrueType files in fonts/ from Debian's font packages.

usage: /usr/bin/python3 fonts/prepare.py [OUTDIR]

libharu 2.3.0 (Debian 12) loses parts of glyphs in two cases: composite
glyphs whose components are themselves composite, and components with a
glyph id above 32767 (see docs/fonts.md).  This script subsets each font
to the scripts briefings use, which renumbers glyphs densely, drops
hinting (we lay out with unhinted metrics), and decomposes every
composite glyph into plain outlines.  The output is deterministic: the
same package versions give the same bytes.

Needs python3-fonttools, fonts-noto-core, fonts-noto-mono,
fonts-wqy-microhei and fonts-dejavu-core.
"""
import os
import sys

from fontTools import subset
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

NOTO = "/usr/share/fonts/truetype/noto"
WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# Latin, Greek, Cyrillic, punctuation, currency, letterlike symbols,
# number forms, arrows, mathematical operators, geometric shapes.
LATIN = ("U+0020-007E,U+00A0-024F,U+0259,U+02B0-02FF,U+0300-036F,"
         "U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+2070-209F,"
         "U+20A0-20CF,U+2100-214F,U+2150-218F,U+2190-21FF,U+2200-22FF,"
         "U+2300-23FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2600-26FF,"
         "U+2700-27BF,U+FB00-FB06,U+FFFD")
# CJK punctuation, kana, CJK unified ideographs (the whole basic block),
# compatibility ideographs and forms, fullwidth and halfwidth forms.
# Hangul and extension A are left out to stay below 32,768 glyphs.
CJK = ("U+3000-303F,U+3040-30FF,U+3100-312F,U+31F0-31FF,U+3200-32FF,"
       "U+3300-33FF,U+4E00-9FFF,U+F900-FAFF,U+FE10-FE1F,U+FE30-FE4F,"
       "U+FF00-FFEF")
SYMBOL = ("U+2000-206F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2460-24FF,"
          "U+2500-257F,U+2580-259F,U+25A0-25FF,U+2600-26FF,U+2700-27BF,"
          "U+2B00-2BFF")

FACES = [
    # (output file, source, font number, unicodes, family, style)
    ("NotoSans-Regular.ttf", NOTO + "/NotoSans-Regular.ttf", 0, LATIN),
    ("NotoSans-Bold.ttf", NOTO + "/NotoSans-Bold.ttf", 0, LATIN),
    ("NotoSans-Italic.ttf", NOTO + "/NotoSans-Italic.ttf", 0, LATIN),
    ("NotoSans-BoldItalic.ttf", NOTO + "/NotoSans-BoldItalic.ttf", 0, LATIN),
    ("NotoSansMono-Regular.ttf", NOTO + "/NotoSansMono-Regular.ttf", 0, LATIN),
    ("WenQuanYiMicroHei-CJK.ttf", WQY, 0, CJK),
    ("DejaVuSans-Symbols.ttf", DEJAVU, 0, SYMBOL),
]


def parse_ranges(spec):
    out = []
    for part in spec.split(","):
        part = part.strip()[2:]
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo, 16), int(hi or lo, 16) + 1))
    return out


def decompose(font):
    """Replace every composite glyph by its flattened outline."""
    glyf = font["glyf"]
    gs = font.getGlyphSet()
    n = 0
    for name in font.getGlyphOrder():
        if glyf[name].isComposite():
            rec = DecomposingRecordingPen(gs)
            gs[name].draw(rec)
            pen = TTGlyphPen(None)
            rec.replay(pen)
            g = pen.glyph()
            g.recalcBounds(glyf)
            glyf[name] = g
            n += 1
    font["maxp"].maxComponentElements = 0
    font["maxp"].maxComponentDepth = 0
    return n


def prepare(out, src, number, unicodes):
    opts = subset.Options()
    opts.hinting = False
    opts.font_number = number
    opts.layout_features = []  # no GSUB/GPOS: libharu and our layout ignore them
    opts.name_IDs = ["*"]
    opts.drop_tables += ["FFTM"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.recalc_timestamp = False
    font = subset.load_font(src, opts)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=parse_ranges(unicodes))
    sub.subset(font)
    n = decompose(font)
    # Subset again: the components that decomposition made unused go.
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=parse_ranges(unicodes))
    sub.subset(font)
    glyphs = len(font.getGlyphOrder())
    if glyphs >= 32768:
        sys.exit("%s: %d glyphs; libharu 2.3.0 needs fewer than 32768" % (out, glyphs))
    font.save(out, reorderTables=True)
    print("%s: %d glyphs, %d decomposed, %d bytes" % (out, glyphs, n, os.path.getsize(out)))


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for out, src, number, unicodes in FACES:
        prepare(os.path.join(outdir, out), src, number, unicodes)


if __name__ == "__main__":
    main()
