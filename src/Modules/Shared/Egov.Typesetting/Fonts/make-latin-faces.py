#!/usr/bin/env python3
"""Cuts the Latin faces of DejaVu Sans that most receipts embed (see README.md).

Run from this folder with fontTools (Debian: python3-fonttools 4.38):
    /usr/bin/python3 make-latin-faces.py
It writes DejaVuSansLatin.ttf and DejaVuSansLatin-Bold.ttf next to the full faces. The output is
deterministic for a given fontTools version; the faces are committed, so a build needs no Python.

Why: PDFsharp 6.2.4 copies per-glyph tables of the whole face into every subset it embeds, so a face
of ~1,000 glyphs instead of DejaVu's ~6,200 makes each receipt cheaper. Glyph outlines and advance
widths are unchanged (the layout measures with the full face and must come out the same).

Licence: the Bitstream Vera licence allows modified fonts only under names without "Bitstream" or
"Vera"; the faces are renamed "DejaVu Sans Latin" (DejaVu's own changes are in the public domain).
"""
from fontTools import subset
from fontTools.ttLib import TTFont

# Latin scripts of Europe and beyond (Basic, Latin-1, Extended-A/B, Additional: ẞ, Vietnamese),
# spacing modifiers and combining marks, punctuation, currency and letter-like symbols, arrows,
# the minus sign, and U+FFFD, which stands in for characters no face has.
UNICODES = ("U+0020-007E,U+00A0-024F,U+02B0-02FF,U+0300-036F,U+1E00-1EFF,U+2000-206F,"
            "U+20A0-20CF,U+2100-214F,U+2190-2199,U+2212,U+FFFD")

FACES = [("DejaVuSans.ttf", "DejaVuSansLatin.ttf", "Book", "DejaVuSansLatin"),
         ("DejaVuSans-Bold.ttf", "DejaVuSansLatin-Bold.ttf", "Bold", "DejaVuSansLatin-Bold")]

for source, target, style, postscript in FACES:
    options = subset.Options()
    options.layout_features = []          # PDFsharp neither shapes nor kerns
    options.drop_tables += ["FFTM", "GDEF", "GPOS", "GSUB", "MATH", "kern"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recommended_glyphs = True
    options.prune_unicode_ranges = False
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    names = font["name"]
    full = "DejaVu Sans Latin" if style == "Book" else "DejaVu Sans Latin Bold"
    for record in names.names:
        if record.nameID in (1, 16):
            names.setName("DejaVu Sans Latin", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 4):
            names.setName(full, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(postscript, record.nameID, record.platformID, record.platEncID, record.langID)
    font["head"].modified = font["head"].created  # deterministic output
    font.save(target, reorderTables=True)
    print(target, font["maxp"].numGlyphs, "glyphs")
