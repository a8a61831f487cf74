#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The CommonMark spec's examples as Markdown plans: every example is extracted from the spec
# text that Debian's python-commonmark-bkrs-doc ships (or TRAIL_COMMONMARK_SPEC), in both of the
# spec's layouts (a fence of 32 backticks and "example" around "markdown . html", or the older
# "." lines), tabs written as "→" made tabs again. Each opens as a plan or fails with a
# file:line:col error, both as written and in a plan's section followed by a section with an
# item (so that its blocks are a section's): --print loads it as --check does, and what it
# writes holds no control byte (C0 but newline, DEL, C1) and none of the raw HTML tags the
# example passes through (a tag that the spec's expected HTML holds as written in the
# Markdown, not escaped). Skipped when the spec text is missing.
set -u
here=$(dirname "$0")
. "$here/lib/assert.sh"
spec=${TRAIL_COMMONMARK_SPEC:-/usr/share/doc/python-commonmark-bkrs-doc/spec.txt}
require_input "$spec"
require python3
scratch_dir
export TRAIL_STATE="$tmp/progress.yaml" HOME="$tmp"

# md4c is loaded when a plan is opened: without it no plan opens, and this test proves nothing.
printf '# T\n\n## S\n\n- [ ] a\n' >"$tmp/probe.md"
"$TRAIL_BIN" --check "$tmp/probe.md" >/dev/null 2>&1 || {
    echo "skip: trail opens no Markdown plan here (md4c missing?)"
    exit 77
}

out=$(python3 - "$TRAIL_BIN" "$spec" "$tmp" <<'PY'
import concurrent.futures, os, re, subprocess, sys

trail, spec, tmp = sys.argv[1:4]
text = open(spec, encoding="utf-8").read().replace("\r\n", "\n")
lines = text.split("\n")
fence = "`" * 32

# (line, markdown, html) for every example, in either layout.
examples = []
i = 0
while i < len(lines):
    line = lines[i]
    newer = line.startswith(fence) and line[len(fence):].strip() == "example"
    if newer or line == ".":
        end = fence if newer else "."
        j = i + 1
        md = []
        while j < len(lines) and lines[j] != ".":
            md.append(lines[j])
            j += 1
        k = j + 1
        html = []
        while k < len(lines) and lines[k] != end:
            html.append(lines[k])
            k += 1
        if k >= len(lines):
            print("FAIL: example at line %d of the spec is not closed" % (i + 1))
            break
        examples.append((i + 1, "\n".join(md).replace("\u2192", "\t") + "\n", "\n".join(html)))
        i = k + 1
    else:
        i += 1

tag = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
control = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
failures = opened = refused = 0

def fail(msg):
    global failures
    failures += 1
    if failures <= 30:
        print("FAIL: " + msg)

def run(args):
    r = subprocess.run([trail] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=20)
    return r.returncode, r.stdout + r.stderr

def check(job):
    """Runs --print on one example's plan: it is drawn safely or refused with a located error
    (--print loads the plan as --check does, and exits non-zero with its messages)."""
    n, at, variant, body, raw = job
    path = os.path.join(tmp, "example-%d-%d.md" % (n, variant[1]))
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)
    what = "example %d (spec line %d, %s)" % (n, at, variant[0])
    rc, out = run(["--print", path])
    bad = []
    if control.search(out):
        bad.append("%s: a control byte reaches the output: %r" % (what, out[:200]))
    if rc != 0:
        if not re.search(re.escape(path).encode() + rb":\d+:\d+: error", out):
            bad.append("%s: refused (exit %d) without a located error: %r" % (what, rc, out[:200]))
        return False, bad
    printed = out.decode("utf-8", "replace")
    bad += ["%s: raw HTML %r reaches the output" % (what, t) for t in raw if t in printed]
    return True, bad

jobs = []
for n, (at, md, html) in enumerate(examples, 1):
    # The raw HTML of the example: tags of the expected HTML written as such in the Markdown.
    raw = [t for t in set(tag.findall(html)) if t in md and t.lower() not in ("<p>", "</p>")]
    jobs.append((n, at, ("as written", 0), md, raw))
    jobs.append((n, at, ("in a section", 1),
                 "# Example %d\n\n## Section\n\n%s\n\n## After\n\n- [ ] last\n" % (n, md), raw))
# Two at a time: the machine's two cores (the sanitized build starts slowly).
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    for ok, bad in pool.map(check, jobs):
        opened += ok
        refused += not ok
        for b in bad:
            fail(b)

print("examples: %d; plans opened: %d, refused with a located error: %d" %
      (len(examples), opened, refused))
if len(examples) < 400:
    fail("only %d examples found in the spec text" % len(examples))
print("failures: %d" % failures)
PY
)
printf '%s\n' "$out"
case "$out" in
*"failures: 0") pass "every CommonMark spec example opens or fails with a located error, safely" ;;
*) fail "some CommonMark spec examples failed (above)" ;;
esac
finish
