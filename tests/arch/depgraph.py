#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks the dependency graph of src/: layers point one way and no two files depend on each
other, directly or round a loop.

Two graphs are checked:
- includes: every `#include "x.h"` of src/ must name a header of the file's own layer or of a
  layer below it (base < model < view < cli, tui < tui/screens < main; cli and tui do not see
  each other), and the graph of modules (a header and the sources of the same name, `_internal`
  folded in) has no cycle;
- symbols: with a build directory, the objects' undefined symbols joined to the objects that
  define them give the graph of files that call each other; it has no cycle either (a hub that
  calls its spokes, which call back, shows up here, whatever the headers say).

Usage: depgraph.py SRC_DIR [BUILD_DIR]. Prints each problem and exits 1, or exits 0.
"""
import collections
import os
import re
import subprocess
import sys

LAYERS = {"base": 0, "model": 1, "view": 2, "cli": 3, "tui": 3, "tui/screens": 4, "": 5}
PEERS = {("cli", "tui"), ("tui", "cli"), ("cli", "tui/screens")}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def module(name):
    base = os.path.splitext(os.path.basename(name))[0]
    return base[: -len("_internal")] if base.endswith("_internal") else base


def cycles(graph):
    """Strongly connected components of more than one node (Tarjan, iterative)."""
    index, low, on, stack, out, counter = {}, {}, set(), [], [], [0]
    for root in list(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            node, it = work[-1]
            nxt = next(it, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter[0]
                    counter[0] += 1
                    stack.append(nxt)
                    on.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                elif nxt in on:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def check_includes(src):
    problems = []
    files = {}
    for dirpath, _, names in os.walk(src):
        layer = os.path.relpath(dirpath, src).replace(os.sep, "/")
        layer = "" if layer == "." else layer
        for n in names:
            if n.endswith((".c", ".h", ".inc")):
                files[os.path.join(dirpath, n)] = layer
    where = {os.path.basename(p): l for p, l in files.items()}
    graph = collections.defaultdict(set)
    for path, layer in sorted(files.items()):
        if layer not in LAYERS:
            problems.append(f"{path}: folder '{layer}' is not a layer")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for m in INCLUDE.finditer(text):
            inc = m.group(1)
            line = text.count("\n", 0, m.start()) + 1
            rel = os.path.relpath(path, src)
            if "/" in inc:
                problems.append(f"src/{rel}:{line}: include by path '{inc}'")
                continue
            if inc not in where:
                problems.append(f"src/{rel}:{line}: '{inc}' is not in src/")
                continue
            to = where[inc]
            if LAYERS[to] > LAYERS[layer] or (layer, to) in PEERS:
                problems.append(
                    f"src/{rel}:{line}: '{inc}' belongs to {to or 'main'}, "
                    f"which {layer or 'main'} must not see")
            if module(inc) != module(path) and not inc.endswith(".inc"):
                graph[module(path)].add(module(inc))
    for comp in cycles(graph):
        problems.append("include cycle between modules: " + " -> ".join(comp))
    return problems


def check_symbols(build, root=None):
    objects = []
    for dirpath, _, names in os.walk(os.path.join(build, "CMakeFiles")):
        m = re.search(r"CMakeFiles/trail(_[a-z]+)?\.dir/?(.*)", dirpath)
        if not m:
            continue
        for n in names:
            # An object whose source was moved or removed is left over from an older build.
            source = os.path.join(root or "", m.group(2), n[: -len(".o")])
            if n.endswith(".c.o") and (root is None or os.path.exists(source)):
                objects.append(os.path.join(dirpath, n))
    if not objects:
        return None
    defs, uses = {}, collections.defaultdict(set)
    out = subprocess.run(["nm", "-A"] + sorted(objects), capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        obj, _, rest = line.partition(":")
        fields = rest.split()
        name = os.path.basename(obj)[: -len(".c.o")]
        if len(fields) == 2 and fields[0] == "U":
            uses[name].add(fields[1])
        elif len(fields) == 3 and fields[1] in "TDBR":
            defs[fields[2]] = name
    graph = collections.defaultdict(set)
    for name, syms in uses.items():
        for s in syms:
            if s in defs and defs[s] != name:
                graph[name].add(defs[s])
    return ["call cycle between files: " + ", ".join(c) for c in cycles(graph)]


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    problems = check_includes(sys.argv[1])
    if len(sys.argv) == 3:
        sym = check_symbols(sys.argv[2], os.path.dirname(os.path.abspath(sys.argv[1])))
        if sym is None:
            print(f"no objects of trail under {sys.argv[2]}", file=sys.stderr)
            return 2
        problems += sym
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
