#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes big-plan.md and big-plan.outline: a Markdown plan of the shape of the large plans on
# GitHub (headings six levels deep, 800 task items nested up to four levels, code spans, HTML
# comments, links, emphasis, non-ASCII text, CRLF line ends, a byte order mark), and the outline
# the loader must find in it ("depth<TAB>section title<TAB>items" per section, in order).
# Run it from this directory; the two files it writes are checked in.
import sys

LEVELS = [2, 3, 4, 5, 6, 6, 5, 4, 3, 2]  # the heading levels, cycled
TOTAL = 800

out = ["\ufeff# Big Plan", "",
       "An *introduction* with a [link](https://example.org/intro) and `code`.", "",
       "####### Seven hashes are a paragraph, not a heading", ""]
outline = []
stack = []  # levels of the open sections
n = 0
sec = 0
while n < TOTAL:
    level = LEVELS[sec % len(LEVELS)]
    sec += 1
    while stack and stack[-1] >= level:
        stack.pop()
    depth = len(stack)
    stack.append(level)
    title = "Section %03d — étape %d" % (sec, level)
    out += ["#" * level + " " + title, "", "Text of *section* %d <!-- hidden -->." % sec, ""]
    count = 0
    for k in range(min(6, TOTAL - n)):
        n += 1
        count += 1
        indent = "  " * (k % 4 if k < 4 else 0)
        mark = "x" if n % 7 == 0 else " "
        extra = ""
        if n % 5 == 0:
            extra = " with [a link](https://example.org/%d)" % n
        if n % 11 == 0:
            extra += " <!-- a comment -->"
        if n % 13 == 0:
            extra += " and `code span`"
        out.append("%s- [%s] Item %04d **bold** _emph_ naïve 日本%s" % (indent, mark, n, extra))
    out.append("")
    outline.append("%d\t%s\t%d" % (depth, title, count))
out.append("```")
out.append("- [ ] Not an item: inside a code block")
out.append("```")
with open("big-plan.md", "w", encoding="utf-8", newline="") as f:
    f.write("\r\n".join(out) + "\r\n")
with open("big-plan.outline", "w", encoding="utf-8") as f:
    f.write("\n".join(outline) + "\n")
