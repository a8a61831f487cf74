# SPDX-License-Identifier: MIT
"""Reads a pane captured with `tmux capture-pane -p -e` on standard input and answers questions
about how its cells are drawn (SGR: colours, bold, reverse video).

  sgr.py bold-dark [light]   lists the cells drawn bold with a black (or, on a light terminal,
                             the default) foreground on a coloured background; exit 1 if any
  sgr.py at TEXT             prints the drawing of each cell of the first TEXT on screen, one
                             "fg bg bold reverse" a line ("-" for the default colour)
"""
import re
import sys

SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def parse(screen):
    """Returns rows of (char, attrs) cells; attrs is a dict fg, bg, bold, reverse."""
    rows = []
    for line in screen.split("\n"):
        st = {"fg": "-", "bg": "-", "bold": False, "reverse": False}
        cells, pos = [], 0
        while pos < len(line):
            m = SGR.match(line, pos)
            if m:
                apply(st, m.group(1))
                pos = m.end()
                continue
            if line[pos] == "\x1b":
                pos += 1
                continue
            cells.append((line[pos], dict(st)))
            pos += 1
        rows.append(cells)
    return rows


def apply(st, params):
    ps = [p for p in re.split("[;:]", params)] if params else ["0"]
    i = 0
    while i < len(ps):
        p = int(ps[i] or 0)
        if p == 0:
            st.update(fg="-", bg="-", bold=False, reverse=False)
        elif p == 1:
            st["bold"] = True
        elif p == 22:
            st["bold"] = False
        elif p == 7:
            st["reverse"] = True
        elif p == 27:
            st["reverse"] = False
        elif 30 <= p <= 37:
            st["fg"] = str(p - 30)
        elif 90 <= p <= 97:
            st["fg"] = str(p - 90 + 8)
        elif 40 <= p <= 47:
            st["bg"] = str(p - 40)
        elif 100 <= p <= 107:
            st["bg"] = str(p - 100 + 8)
        elif p == 39:
            st["fg"] = "-"
        elif p == 49:
            st["bg"] = "-"
        elif p in (38, 48) and i + 2 < len(ps) and ps[i + 1] == "5":
            st["fg" if p == 38 else "bg"] = ps[i + 2]
            i += 2
        i += 1


def main():
    rows = parse(sys.stdin.read())
    if sys.argv[1] == "bold-dark":
        light = len(sys.argv) > 2 and sys.argv[2] == "light"
        dark = {"0", "16"} | ({"-"} if light else set())
        bad = 0
        for y, cells in enumerate(rows):
            for x, (ch, a) in enumerate(cells):
                if ch != " " and a["bold"] and a["bg"] != "-" and a["fg"] in dark:
                    print(f"row {y} col {x} {ch!r}: bold {a['fg']} on {a['bg']}")
                    bad += 1
        sys.exit(1 if bad else 0)
    if sys.argv[1] == "at":
        text = sys.argv[2]
        for cells in rows:
            s = "".join(c for c, _ in cells)
            i = s.find(text)
            if i >= 0:
                for ch, a in cells[i:i + len(text)]:
                    print(a["fg"], a["bg"], int(a["bold"]), int(a["reverse"]))
                return
        sys.exit(2)


main()
