#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs libFuzzer harnesses for a bounded time each, one after the other.
# Usage: run.sh FUZZ_BUILD_DIR SECONDS [TARGET...]   (default: every fuzz_* harness built)
# Env: TRAIL_SOURCE_DIR (the source tree), TRAIL_CORPUS_DIR (the shared corpus; may be absent),
# TRAIL_FUZZ_SKIP (properties not to check; default: the ids listed in known-open).
#
# Each harness runs on its working corpus FUZZ_BUILD_DIR/fuzz-corpus/<target>, which keeps what
# earlier runs found and gets the seeds copied in: corpus/<target>/, regressions/<target>/, the
# bundled content and (for ydoc) the YAML test suite. A crash, leak, timeout (> 2 s) or
# out-of-memory (> 1 GiB) leaves its input in FUZZ_BUILD_DIR/fuzz-artifacts/<target>/ and makes
# the script exit 1 after the remaining harnesses ran.
set -u

build=${1:?usage: run.sh FUZZ_BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: run.sh FUZZ_BUILD_DIR SECONDS [TARGET...]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
src=${TRAIL_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
suite=${TRAIL_CORPUS_DIR:-$src/../shared/corpus}/yaml-test-suite
bin=$build/tests/fuzz
if [ -z "${TRAIL_FUZZ_SKIP+set}" ]; then
    TRAIL_FUZZ_SKIP=$(grep -E '^[a-z0-9-]+$' "$here/known-open" | paste -sd, -)
fi
export TRAIL_FUZZ_SKIP

if [ $# -eq 0 ]; then
    set -- $(cd "$bin" 2>/dev/null && ls fuzz_* 2>/dev/null | sed 's/^fuzz_//')
fi
if [ $# -eq 0 ]; then
    echo "run.sh: no harness in $bin (build them with 'make fuzz')" >&2
    exit 2
fi

copy_seeds() { # target workdir
    for d in "$here/corpus/$1" "$here/regressions/$1"; do
        if [ -d "$d" ]; then cp -p "$d"/* "$2"/ 2>/dev/null; fi
    done
    case $1 in
    ydoc | text)
        for f in "$src"/content/*/*.yaml; do
            [ -f "$f" ] && cp "$f" "$2/content-$(basename "$(dirname "$f")")-$(basename "$f")"
        done
        ;;
    guide)
        [ -d "$bin/guide-seeds" ] && cp "$bin"/guide-seeds/* "$2"/
        ;;
    esac
    if [ "$1" = ydoc ] && [ -d "$suite" ]; then
        for f in "$suite"/*/in.yaml; do
            [ -f "$f" ] && cp "$f" "$2/suite-$(basename "$(dirname "$f")").yaml"
        done
    fi
    return 0
}

status=0
for t in "$@"; do
    exe=$bin/fuzz_$t
    if [ ! -x "$exe" ]; then
        echo "run.sh: no harness $exe" >&2
        status=1
        continue
    fi
    work=$build/fuzz-corpus/$t
    art=$build/fuzz-artifacts/$t
    log=$build/fuzz-logs/$t.log
    mkdir -p "$work" "$art" "$build/fuzz-logs"
    copy_seeds "$t" "$work"
    dict=""
    if [ -f "$here/$t.dict" ]; then
        dict="-dict=$here/$t.dict"
    elif [ "$t" = ydoc ] || [ "$t" = guide ] || [ "$t" = progress ]; then
        dict="-dict=$here/yaml.dict" # every other target reads YAML
    fi
    echo "fuzz_$t: ${seconds}s on $(ls "$work" | wc -l) inputs, log $log"
    # shellcheck disable=SC2086 # $dict is one word or none
    "$exe" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=1024 -print_final_stats=1 \
        -artifact_prefix="$art/" $dict "$work" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
    if [ $rc -eq 0 ]; then
        echo "fuzz_$t: ok, ${execs:-?} executions, $cov"
    else
        status=1
        echo "fuzz_$t: FAILED (exit $rc) after ${execs:-?} executions; artifacts in $art:"
        ls "$art" >&2
        grep -E 'ERROR|property failed|SUMMARY|^    #[0-9]' "$log" | head -n 40
    fi
done
exit $status
