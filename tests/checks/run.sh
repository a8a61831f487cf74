#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs checks that are not tests of trail's behaviour, so not part of ctest: static analysis,
# memcheck, the benchmark's smoke run, the Debian package. Each make target (make lint,
# memcheck, bench-smoke, package-test) calls this; .ci/run calls the targets after `make test`.
# Usage: run.sh BUILD_DIR CHECK...   (CHECK names tests/checks/CHECK.sh)
# Each check gets the environment ctest gives the e2e tests. Exit 77 from a check means a tool
# or input it needs is missing: it is reported as SKIPPED (not passed) and does not fail the run.
# The run fails when any check fails.
set -u
build=${1:?usage: run.sh BUILD_DIR CHECK...}
shift
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$(cd "$build" && pwd) || exit 2
export TRAIL_BIN="$build/trail" TRAIL_SOURCE_DIR="$src" TRAIL_BUILD_DIR="$build" \
    TRAIL_CORPUS_DIR="$src/../shared/corpus" TRAIL_TEST_DATA="$src/tests/data"
status=0
for check in "$@"; do
    bash "$here/$check.sh"
    rc=$?
    case $rc in
    0) echo "== $check: passed" ;;
    77) echo "== $check: SKIPPED (see above)" ;;
    *)
        echo "== $check: FAILED (exit $rc)"
        status=1
        ;;
    esac
done
exit $status
