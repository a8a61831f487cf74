#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes src/model/search_fold_table.inc, the search's folding table (search_fold.c), from the
Unicode Character Database (Debian package unicode-data, /usr/share/unicode): UnicodeData.txt
(names, categories, decompositions) and CaseFolding.txt.

Covered: the letters of the Latin-1 Supplement, Latin Extended-A and -B, Latin Extended
Additional, Greek and Greek Extended, Cyrillic and its Supplement, the Latin ligatures
(U+FB00-FB06), the fullwidth Latin capitals and the letterlike symbols that fold to a Latin or
Greek letter; and the no-break and fixed-width spaces (SPACES), which become ' '.

- Latin and Greek: case folded (full folding, status C and F: "ß" -> "ss"), decomposed
  (canonically, and by a <compat> decomposition for the Latin ligatures and digraphs whose
  parts are all letters: "ǆ" -> "dž"), the combining marks U+0300-036F removed. A Latin letter
  of the covered blocks with no decomposition whose name is "LATIN ... LETTER X WITH ..." then
  becomes x ("ƀ" -> "b"); a few more get a base letter by hand (BASE: æ -> ae, þ -> th, ...).
- Cyrillic: only case folded, except ё and ѐ -> е: й, ї, ў stay distinct letters.
- Fullwidth capitals: only case folded.
A code point that folds to itself is left out; the rest are sorted by code point.

Usage: gen_fold_table.py [UCD_DIR] > src/model/search_fold_table.inc
The output depends only on the data files, so running it again on the same data gives the same
bytes; tests/e2e/unicode_fold_table.sh checks the committed table against it."""
import os
import re
import sys

LATIN = [(0x00A0, 0x024F), (0x1E00, 0x1EFF)]
GREEK = [(0x0370, 0x03FF), (0x1F00, 0x1FFF)]
CYRILLIC = (0x0400, 0x052F)
LIGATURES = (0xFB00, 0xFB06)
FULLWIDTH_CAPITALS = (0xFF21, 0xFF3A)
LETTERLIKE = (0x2100, 0x214F)
SPACES = [0x00A0] + list(range(0x2000, 0x200B)) + [0x202F]
BASE = {0x00E6: [0x61, 0x65], 0x0153: [0x6F, 0x65], 0x00F0: [0x64], 0x00FE: [0x74, 0x68],
        0x0131: [0x69]}
CYRILLIC_BASE = {0x0451: [0x0435], 0x0450: [0x0435]}
WITH = re.compile(r"^LATIN (?:SMALL|CAPITAL) LETTER ([A-Z]) WITH ")
MAX_OUT = 3  # struct fold_entry's to[]
WIDTH = 100  # the repository's column limit


def within(cp, ranges):
    return any(lo <= cp <= hi for lo, hi in ranges)


class Ucd:
    """What the rules need of the UCD: names, general categories, decompositions (canonical,
    and <compat> ones apart) and full case foldings."""

    def __init__(self, path):
        self.name, self.category, self.canon, self.compat, self.fold = {}, {}, {}, {}, {}
        with open(os.path.join(path, "UnicodeData.txt"), encoding="utf-8") as f:
            for line in f:
                fields = line.split(";")
                cp = int(fields[0], 16)
                self.name[cp], self.category[cp] = fields[1], fields[2]
                parts = fields[5].split()
                if parts and parts[0] == "<compat>":
                    self.compat[cp] = [int(p, 16) for p in parts[1:]]
                elif parts and not parts[0].startswith("<"):
                    self.canon[cp] = [int(p, 16) for p in parts]
        with open(os.path.join(path, "CaseFolding.txt"), encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^([0-9A-F]+); ([CF]); ([0-9A-F ]+);", line)
                if m:
                    self.fold[int(m.group(1), 16)] = [int(p, 16) for p in m.group(3).split()]
            f.seek(0)
            m = re.search(r"CaseFolding-([0-9.]+)\.txt", f.readline())
            self.version = m.group(1) if m else "unknown"

    def is_letter(self, cp):
        return self.category.get(cp, "Cn").startswith("L")

    def is_mark(self, cp):
        return self.category.get(cp, "Cn").startswith("M")

    def decompose(self, cp, with_compat):
        parts = self.canon.get(cp) or (self.compat.get(cp) if with_compat else None)
        if parts is None:
            return [cp]
        return [d for p in parts for d in self.decompose(p, with_compat)]

    def folded(self, cps):
        return [f for c in cps for f in self.fold.get(c, [c])]


def latin_greek(cp, u):
    # <compat> for Latin ligatures and digraphs (Ĳ, ǅ, ﬀ), not for Ŀ (its middle dot).
    digraph = (u.name[cp].startswith("LATIN") and
               all(u.is_letter(d) or u.is_mark(d) for d in u.decompose(cp, True)))
    out = []
    for c in u.fold.get(cp, [cp]):
        for d in u.decompose(c, digraph):
            if 0x0300 <= d <= 0x036F:
                continue
            m = WITH.match(u.name.get(d, ""))
            if d in BASE:
                out += BASE[d]
            elif m and within(d, LATIN) and d not in u.canon:
                out.append(ord(m.group(1).lower()))
            else:
                out.append(d)
    return u.folded(out)  # a digraph's parts may be capitals (ǅ -> D ž)


def mapping(cp, u):
    if cp in SPACES:
        return [0x20]
    if not u.is_letter(cp):
        return [cp]
    if CYRILLIC[0] <= cp <= CYRILLIC[1]:
        return [b for c in u.fold.get(cp, [cp]) for b in CYRILLIC_BASE.get(c, [c])]
    if FULLWIDTH_CAPITALS[0] <= cp <= FULLWIDTH_CAPITALS[1]:
        return u.fold.get(cp, [cp])
    if LETTERLIKE[0] <= cp <= LETTERLIKE[1]:
        to = u.fold.get(cp)
        if to is None or not all(within(c, LATIN + GREEK) or c < 0x80 for c in to):
            return [cp]
    return latin_greek(cp, u)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
    u = Ucd(path)
    ranges = LATIN + GREEK + [CYRILLIC, LETTERLIKE, LIGATURES, FULLWIDTH_CAPITALS]
    entries = []
    for cp in sorted(set(c for lo, hi in ranges for c in range(lo, hi + 1)) | set(SPACES)):
        to = mapping(cp, u)
        if to == [cp]:
            continue
        if not 0 < len(to) <= MAX_OUT:
            sys.exit("gen_fold_table: U+%04X folds to %d code points" % (cp, len(to)))
        entries.append("{0x%04X, {%s}}," % (cp, ", ".join("0x%04X" % c for c in to)))
    print("/* SPDX-License-Identifier: MIT */")
    print("/* Generated by scripts/gen_fold_table.py from the Unicode %s data files" % u.version)
    print(" * UnicodeData.txt and CaseFolding.txt. Do not edit: run `make unicode-tables`.")
    print(" * The folding table of search_fold.c: code point -> up to three code points, sorted")
    print(" * by code point (the rules are the generator's); a code point not in it folds to")
    print(" * itself. */")
    line = "   "
    for e in entries:
        if len(line) + 1 + len(e) > WIDTH:
            print(line)
            line = "   "
        line += " " + e
    print(line)


if __name__ == "__main__":
    main()
