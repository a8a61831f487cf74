#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/run.sh: runs the benchmarks and prints ONE table (Markdown), each figure as
# a ratio against a reference measured in the same run, with its target.
#
# Usage: bench/run.sh [BUILD_DIR]          (default: build-release; `make bench` builds it)
# Environment:
#   BENCH_SIZES  generated guide sizes in MB (default "1 10 50"; the smoke test uses "1")
#   BENCH_RUNS   runs per measurement, the median is reported (default 5; odd is best); trail
#                and its reference run alternately, so both see the same load
#   BENCH_FRAME_RUNS  runs per first-frame measurement, and of the commands a shell prompt
#                runs (--status, --agenda, done ID) (default 4 * BENCH_RUNS + 1): these take about
#                a millisecond, where one run's scheduling shows
#   BENCH_DATA   where generated guides go (default BUILD_DIR/bench-data)
#   BENCH_QUIET  ms of silence after which a screen counts as drawn (default 150)
# Times are medians of wall-clock time. Nothing here asserts speed: a missed target shows as
# "no" in the table; the exit status is non-zero only when a benchmark could not run at all.
set -u

src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build-release}" && pwd) || exit 2
bin="$build/bench"
trail="$build/trail"
sizes=${BENCH_SIZES:-1 10 50}
runs=${BENCH_RUNS:-5}
frame_runs=${BENCH_FRAME_RUNS:-$((runs * 4 + 1))}
data=${BENCH_DATA:-$build/bench-data}
quiet=${BENCH_QUIET:-150}
bundled="$src/content/ml-engineer"
export TERM=xterm-256color LC_ALL=C.UTF-8
unset LESSOPEN LESSCLOSE LESS NO_COLOR
export LESSHISTFILE=-
# trail reads a config file and the progress dotfile: give it empty ones of its own, so the
# learner's files are never touched and every run starts from the same state.
unset XDG_CONFIG_HOME XDG_STATE_HOME TRAIL_STATE TRAIL_CONTENT

for tool in gen_guide yaml_scan bench_run pty_driver min_curses; do
    if [ ! -x "$bin/$tool" ]; then
        echo "bench/run.sh: $bin/$tool is missing; build first (make bench)" >&2
        exit 2
    fi
done
mkdir -p "$data" "$data/home" || exit 2
export HOME="$data/home"

rows=()
row() { # figure case trail reference ratio target met
    rows+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 |")
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
met() { # ratio target
    awk -v r="$1" -v t="$2" 'BEGIN { if (r == "-") print "-"; else print (r <= t ? "yes" : "no") }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : "-") }'; }
field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p"; } # value of key=value in a pty_driver line

# The guides: generated once per size and kept (the generator is deterministic).
guide_dir() { printf '%s/guide-%smb' "$data" "$1"; }
for mb in $sizes; do
    dir=$(guide_dir "$mb")
    if [ ! -f "$dir/.complete" ] || [ "$bin/gen_guide" -nt "$dir/.complete" ]; then
        rm -rf "$dir"
        "$bin/gen_guide" "$dir" "$mb" && touch "$dir/.complete" || exit 1
    fi
    if ! "$trail" --check "$dir" >/dev/null; then
        echo "bench/run.sh: the generated $mb MB guide does not pass trail --check" >&2
        exit 1
    fi
done
largest=$(printf '%s\n' $sizes | sort -n | tail -1)
files() { printf '%s\n' "$1"/guide.yaml "$1"/career-path.yaml "$1"/certifications.yaml \
    "$1"/faq.yaml; }

# Runs a full-screen command in the pty driver `runs` times; prints the median of each field
# named in $1 (space-separated), in that order. Fails when the program did not draw. Each run
# starts without a progress file, so trail never resumes where an earlier run left off.
pty_median() { # "field..." text [pty_driver options...] -- cmd...
    local keys=$1 text=$2 out lines=() k
    shift 2
    for _ in $(seq "$runs"); do
        rm -rf "$HOME/.trail_progress.yaml" "$HOME/.local/state/trail"
        out=$("$bin/pty_driver" -q "$quiet" -t 10000 -e "$text" "$@" 2>/dev/null) || return 1
        lines+=("$out")
    done
    for k in $keys; do
        printf '%s\n' "${lines[@]}" | field "$k" | median
    done | paste -sd ' '
}

# pty_median for two commands run alternately (see alternate()), frame_runs times each:
# prints the medians of frame_ms and settle_ms of the first, then frame_ms of the second.
# Empty when one of them did not draw.
pty_alternate() { # text-a text-b cmd-a... -- cmd-b...
    local ta=$1 tb=$2 a=() b=() la=() lb=() out
    shift 2
    while [ "$1" != "--" ]; do a+=("$1"); shift; done
    shift
    b=("$@")
    for _ in $(seq "$frame_runs"); do
        rm -rf "$HOME/.trail_progress.yaml" "$HOME/.local/state/trail"
        out=$("$bin/pty_driver" -q "$quiet" -t 10000 -e "$ta" -- "${a[@]}" 2>/dev/null) || return 1
        la+=("$out")
        out=$("$bin/pty_driver" -q "$quiet" -t 10000 -e "$tb" -- "${b[@]}" 2>/dev/null) || return 1
        lb+=("$out")
    done
    echo "$(printf '%s\n' "${la[@]}" | field frame_ms | median)" \
        "$(printf '%s\n' "${la[@]}" | field settle_ms | median)" \
        "$(printf '%s\n' "${lb[@]}" | field frame_ms | median)"
}

# Runs two commands alternately, `runs` times each, so that a change in the machine's load
# during the measurement falls on both alike; prints "<trail median> <reference median> <trail
# peak RSS>" (from bench_run, one run at a time).
alternate() { # trail-cmd... -- reference-cmd...
    local a=() b=() ta=() tb=() rss=0 out n=${ALTERNATE_RUNS:-$runs}
    while [ "$1" != "--" ]; do a+=("$1"); shift; done
    shift
    b=("$@")
    for _ in $(seq "$n"); do
        out=$("$bin/bench_run" 1 "${a[@]}") || return 1
        ta+=("${out%% *}")
        rss=$(awk -v a="$rss" -v b="${out##* }" 'BEGIN { print (b > a ? b : a) }')
        out=$("$bin/bench_run" 1 "${b[@]}") || return 1
        tb+=("${out%% *}")
    done
    echo "$(printf '%s\n' "${ta[@]}" | median) $(printf '%s\n' "${tb[@]}" | median) $rss"
}

# 1. Load: trail --check vs. a bare libyaml event scan of the same files.
for mb in $sizes; do
    dir=$(guide_dir "$mb")
    mapfile -t f < <(files "$dir")
    out=$(alternate "$trail" --check "$dir" -- "$bin/yaml_scan" "${f[@]}") || exit 1
    read -r tm sm t_rss <<<"$out"
    r=$(ratio "$tm" "$sm")
    if [ "$mb" -ge 10 ]; then
        row 1 "Load, $mb MB (trail --check vs libyaml scan)" "$tm ms" "$sm ms" "$r" "≤ 1.3" \
            "$(met "$r" 1.3)"
    else
        row 1 "Load, $mb MB (trail --check vs libyaml scan)" "$tm ms" "$sm ms" "$r" "-" "-"
    fi
    [ "$mb" = "$largest" ] && load_rss=$t_rss
done

# 2. Search per keystroke on the largest guide: one query vs one memmem pass (bench_search).
if [ -x "$bin/bench_search" ]; then
    "$bin/bench_search" "$(guide_dir "$largest")" "$runs" >"$data/search.out" || exit 1
    while IFS='|' read -r c a b k; do
        r=$(ratio "$a" "$b")
        ok=$(awk -v r="$r" -v k="$k" 'BEGIN { print (r <= 2 && k < 16 ? "yes" : "no") }')
        row 2 "Search, $largest MB, $c (query vs memmem)" "$a ms (slowest key $k ms)" "$b ms" \
            "$r" "≤ 2, keys < 16 ms" "$ok"
    done <"$data/search.out"
else
    row 2 "Search per keystroke" "n/a" "n/a" "-" "≤ 2" "not built (no search model yet)"
fi

# 3. First frame in a pty at 80x24: trail vs less on the guide printed as text. The frame is
# up when the last text of the first screen has been written: trail's footer ("Quit", the
# bottom row) and less's prompt (the file name, after the text). trail then fills in the career
# path's count and the progress; the time until its output settles is shown beside.
first_frame() { # label guide-dir
    local txt="$data/$(basename "$2").txt" t l r settle out
    "$trail" --print --content "$2" >"$txt" || return 1
    if ! out=$(pty_alternate "Quit" "$(basename "$txt")" "$trail" --content "$2" -- less "$txt")
    then
        row 3 "First frame, $1 (trail vs less)" "n/a" "n/a" "-" "≤ 1" "trail or less did not draw"
        return 0
    fi
    read -r t settle l <<<"$out"
    r=$(ratio "$t" "$l")
    row 3 "First frame, $1 (trail vs less)" "$t ms (settled $settle ms)" "$l ms" "$r" "≤ 1" \
        "$(met "$r" 1)"
}
if command -v less >/dev/null; then
    first_frame "bundled guide" "$bundled" || exit 1
else
    row 3 "First frame" "n/a" "n/a" "-" "≤ 1" "less is not installed"
fi
for mb in $sizes; do
    if [ "$mb" = 10 ] && command -v less >/dev/null; then
        first_frame "10 MB" "$(guide_dir 10)" || exit 1
    fi
done

# 4. Bytes per keystroke: one row down (j) vs a full repaint (Ctrl-L) of the same screen.
rm -f "$HOME/.trail_progress.yaml" # Home opens on its first item, not where a run left it
if out=$("$bin/pty_driver" -q "$quiet" -t 10000 -e Quit -k j -k '\x0c' -- \
    "$trail" --content "$bundled" 2>/dev/null); then
    keys=$(printf '%s\n' "$out" | field keys)
    down=${keys%%,*} full=${keys##*,}
    r=$(ratio "$down" "$full")
    row 4 "Bytes per keystroke, bundled (j vs Ctrl-L)" "$down B" "$full B" "$r" "≤ 0.10" \
        "$(met "$r" 0.10)"
else
    row 4 "Bytes per keystroke" "n/a" "n/a" "-" "≤ 0.10" "trail did not draw"
fi

# 5. Memory: peak RSS of trail --check on the largest guide vs its size on disk; trail on the
# bundled guide vs a minimal initscr/endwin program, both in the pty.
disk=$(cat $(files "$(guide_dir "$largest")") | wc -c)
disk_kb=$((disk / 1024))
r=$(ratio "$load_rss" "$disk_kb")
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
row 5 "Peak RSS, $largest MB guide (trail --check vs size on disk)" "$(mib "$load_rss")" \
    "$(mib "$disk_kb")" "$r" "≤ 2.5" "$(met "$r" 2.5)"
m=$(pty_median rss_kb "" -- "$bin/min_curses") || exit 1
if t=$(pty_median rss_kb "Quit" -- "$trail" --content "$bundled"); then
    r=$(ratio "$t" "$m")
    row 5 "Peak RSS, bundled guide (trail vs initscr/endwin)" "$t KiB" "$m KiB" "$r" "≤ 1.5" \
        "$(met "$r" 1.5)"
else
    row 5 "Peak RSS, bundled guide (trail vs initscr/endwin)" "n/a" "$m KiB" "-" "≤ 1.5" \
        "trail did not draw"
fi

# 6. Save: one durable save through the progress store vs one write+fsync+rename of the same
# bytes, in the same directory (bench_save).
if [ -x "$bin/bench_save" ]; then
    out=$("$bin/bench_save" "$data/save" 10000 "$runs") || exit 1
    read -r a b bytes d <<<"$out"
    r=$(ratio "$a" "$b")
    kb=$(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1024 }')
    row 6 "Durable save, 10,000 items, $kb KiB (store vs write+fsync+rename)" "$a ms" "$b ms" \
        "$r" "≤ 1.5" "$(met "$r" 1.5)"
    # The same save against a reference that also fsyncs the directory, as DUR-1 requires of
    # every save: what the store adds beyond the durability it must pay for.
    r=$(ratio "$a" "$d")
    row 6 "Durable save, 10,000 items (store vs the same + directory fsync)" "$a ms" "$d ms" \
        "$r" "-" "-"
else
    row 6 "Durable save, 10,000 items" "n/a" "n/a" "-" "≤ 1.5" "not built (no progress store yet)"
fi

# 7. From the shell, with the bundled guide and a realistic progress file (half of its key
# actions marked, a few notes): trail --status vs trail --version (a prompt runs it every
# time), and trail done ID (toggled with todo, so every run saves) vs durable_write, a process
# that only replaces the same file durably (temp, write, fsync, rename, directory fsync).
if [ -x "$bin/durable_write" ]; then
    shell_state="$data/shell-progress.yaml"
    rm -f "$shell_state" "$shell_state".*
    mapfile -t ids < <("$trail" --content "$bundled" --list-ids | cut -f1 | grep /)
    for ((i = 0; i < ${#ids[@]}; i += 2)); do
        "$trail" --content "$bundled" --state "$shell_state" done "${ids[i]}" >/dev/null
    done
    for ((i = 1; i < ${#ids[@]} && i < 12; i += 4)); do
        "$trail" --content "$bundled" --state "$shell_state" note "${ids[i]}" \
            "A note of a realistic length, with a link: https://example.org/a/b" >/dev/null
    done
    out=$(ALTERNATE_RUNS=$frame_runs alternate "$trail" --content "$bundled" \
        --state "$shell_state" --status -- "$trail" --version) || exit 1
    read -r a b _ <<<"$out"
    r=$(ratio "$a" "$b")
    row 7 "Status line, bundled guide (trail --status vs trail --version)" "$a ms" "$b ms" \
        "$r" "≤ 1.5" "$(met "$r" 1.5)"
    ta=() tb=()
    for n in $(seq "$frame_runs"); do
        word=done
        ((n % 2 == 0)) && word=todo
        out=$("$bin/bench_run" 1 "$trail" --content "$bundled" --state "$shell_state" "$word" \
            "${ids[1]}") || exit 1
        ta+=("${out%% *}")
        out=$("$bin/bench_run" 1 "$bin/durable_write" "$shell_state") || exit 1
        tb+=("${out%% *}")
    done
    a=$(printf '%s\n' "${ta[@]}" | median) b=$(printf '%s\n' "${tb[@]}" | median)
    r=$(ratio "$a" "$b")
    row 7 "Mark from the shell (trail done ID vs durable replace of the file)" "$a ms" \
        "$b ms" "$r" "≤ 1.5" "$(met "$r" 1.5)"
fi

# 8. Progress load, linear in the file: time per guide entry with 100,000 guides vs 1,000
# (one item each), both loaded through the store in the same run (bench_progress_load).
if [ -x "$bin/bench_progress_load" ]; then
    out=$("$bin/bench_progress_load" "$data/progress-load" 1000 100000 "$runs") || exit 1
    read -r _ _ us_small us_large <<<"$out"
    r=$(ratio "$us_large" "$us_small")
    row 8 "Progress load per guide entry, 100,000 vs 1,000 guides" "$us_large µs" \
        "$us_small µs" "$r" "≤ 1.3" "$(met "$r" 1.3)"
else
    row 8 "Progress load per guide entry" "n/a" "n/a" "-" "≤ 1.3" "not built"
fi

# 9. A Markdown plan of 10 MB (bench/gen_plan): trail --check against md4c's own parse of it
# with callbacks that only count (bench/md4c_scan), and the first frame against less on the same
# file. trail draws Home from the plan's first lines (its title and introduction) and reads
# the rest after the first frame.
if [ -x "$bin/gen_plan" ] && [ -x "$bin/md4c_scan" ]; then
    pmb=$largest # 10 MB in a full run; the smoke run's smallest size otherwise
    case " $sizes " in *" 10 "*) pmb=10 ;; esac
    plan="$data/plan-${pmb}mb.md"
    if [ ! -f "$plan" ] || [ "$bin/gen_plan" -nt "$plan" ]; then
        "$bin/gen_plan" "$plan" "$pmb" || exit 1
    fi
    out=$(alternate "$trail" --check "$plan" -- "$bin/md4c_scan" "$plan") || exit 1
    read -r tm sm _ <<<"$out"
    r=$(ratio "$tm" "$sm")
    row 9 "Load, $pmb MB Markdown plan (trail --check vs md4c parse)" "$tm ms" "$sm ms" "$r" \
        "≤ 1.5" "$(met "$r" 1.5)"
    if command -v less >/dev/null &&
        out=$(pty_alternate "Quit" "$(basename "$plan")" "$trail" "$plan" -- less "$plan"); then
        read -r t settle l <<<"$out"
        r=$(ratio "$t" "$l")
        row 9 "First frame, $pmb MB Markdown plan (trail vs less)" "$t ms (settled $settle ms)" \
            "$l ms" "$r" "≤ 1" "$(met "$r" 1)"
    else
        row 9 "First frame, $pmb MB Markdown plan (trail vs less)" "n/a" "n/a" "-" "≤ 1" \
            "trail or less did not draw"
    fi
else
    row 9 "Markdown plan" "n/a" "n/a" "-" "≤ 1.5" "not built"
fi

# 9. The daily loop: trail --agenda with the bundled guide and a journal of 10,000 events vs
# trail --version (it reads no journal); a journal of 100,000 events loaded vs a libyaml scan
# of the same file, the peak RSS of a process loading it vs its size, and a save after one
# more event vs write+fsync+rename of the file (bench_journal).
if [ -x "$bin/bench_journal" ]; then
    agenda_state="$data/agenda-progress.yaml"
    mapfile -t ids < <("$trail" --content "$bundled" --list-ids | cut -f1 | grep /)
    {
        printf 'version: 1\nguides:\n  ml-engineer:\n    start: %s\n    items:\n' \
            "$(date -u -d '-45 days' +%Y-%m-%d)"
        for ((i = 0; i < ${#ids[@]}; i += 3)); do printf '      %s: done\n' "${ids[i]}"; done
        printf 'journal:\n  ml-engineer:\n'
        awk -v n=10000 -v ids="${ids[*]}" -v t0="$(date -u -d '-40 days' +%s)" 'BEGIN {
            k = split(ids, id, " ")
            for (i = 0; i < n; i++) {
                t = t0 + i * 300
                printf "  - %s %016x log 30m %s\n", strftime("%Y-%m-%dT%H:%M:%S.000Z", t, 1),
                    i + 1, id[i % k + 1]
            }
        }'
    } >"$agenda_state"
    out=$(ALTERNATE_RUNS=$frame_runs alternate "$trail" --content "$bundled" \
        --state "$agenda_state" --agenda -- "$trail" --version) || exit 1
    read -r a b _ <<<"$out"
    r=$(ratio "$a" "$b")
    row 9 "Agenda, bundled guide, 10,000 events (trail --agenda vs trail --version)" "$a ms" \
        "$b ms" "$r" "≤ 1.5" "$(met "$r" 1.5)"
    out=$("$bin/bench_journal" "$data/journal" 100000 "$runs") || exit 1
    read -r load scan rss kb save ref <<<"$out"
    r=$(ratio "$load" "$scan")
    row 9 "Journal load, 100,000 events, $kb KiB (parse vs libyaml scan)" "$load ms" "$scan ms" \
        "$r" "≤ 1.3" "$(met "$r" 1.3)"
    r=$(ratio "$rss" "$kb")
    row 9 "Peak RSS loading it (process vs size on disk)" "$rss KiB" "$kb KiB" "$r" "≤ 2" \
        "$(met "$r" 2)"
    r=$(ratio "$save" "$ref")
    row 9 "Save after one more event (store vs write+fsync+rename)" "$save ms" "$ref ms" "$r" \
        "≤ 1.5" "$(met "$r" 1.5)"
else
    row 9 "The daily loop" "n/a" "n/a" "-" "-" "not built"
fi

# 10. Evidence: trail --verify of one repository of 100,000 commits (made here with git
# fast-import, fixed dates) vs git rev-list --count HEAD on it; each verify starts from a
# progress file without a kept count, so it walks the whole history. Then a second verify with
# HEAD unchanged (the count is kept: no history is read) vs git rev-parse HEAD.
commits=${BENCH_COMMITS:-100000}
[ "$sizes" = 1 ] && commits=${BENCH_COMMITS:-2000} # the smoke run
repo="$data/repo-$commits"
if command -v git >/dev/null 2>&1; then
    if [ ! -f "$repo/.complete" ]; then
        rm -rf "$repo"
        git init -q "$repo" &&
            awk -v n="$commits" 'BEGIN {
                for (i = 1; i <= n; i++) {
                    printf "commit refs/heads/main\nmark :%d\n", i
                    printf "committer Bench <bench@example.com> %d +0000\ndata 7\ncommit\n", 1700000000 + i
                    if (i > 1) printf "from :%d\n", i - 1
                    else printf "M 644 inline README.md\ndata 8\n# Bench\n\n"
                }
            }' | git -C "$repo" fast-import --quiet &&
            git -C "$repo" symbolic-ref HEAD refs/heads/main && touch "$repo/.complete" || exit 1
    fi
    vstate="$data/verify-progress.yaml"
    fresh() {
        rm -f "$vstate" "$vstate".*
        "$trail" --content "$bundled" --state "$vstate" --attach job-search/portfolio "$repo" \
            >/dev/null
    }
    ta=() tb=()
    for _ in $(seq "$runs"); do
        fresh
        out=$("$bin/bench_run" 1 "$trail" --content "$bundled" --state "$vstate" --verify) ||
            exit 1
        ta+=("${out%% *}")
        out=$("$bin/bench_run" 1 git -C "$repo" rev-list --count HEAD) || exit 1
        tb+=("${out%% *}")
    done
    a=$(printf '%s\n' "${ta[@]}" | median) b=$(printf '%s\n' "${tb[@]}" | median)
    r=$(ratio "$a" "$b")
    row 10 "Verify a repository of $commits commits (trail --verify vs git rev-list --count)" \
        "$a ms" "$b ms" "$r" "≤ 1.5" "$(met "$r" 1.5)"
    out=$(alternate "$trail" --content "$bundled" --state "$vstate" --verify -- \
        git -C "$repo" rev-parse HEAD) || exit 1
    read -r a b _ <<<"$out"
    row 10 "Verify again, HEAD unchanged (no history read; vs git rev-parse HEAD)" "$a ms" \
        "$b ms" "$(ratio "$a" "$b")" "-" "-"
else
    row 10 "Verify a repository of $commits commits" "n/a" "n/a" "-" "≤ 1.5" "not run (no git)"
fi

cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)
echo "trail benchmarks: $(date -u +%Y-%m-%d), ${cpu:-unknown CPU}, $(nproc) cores," \
    "$(uname -sr), medians of $runs runs ($frame_runs for first frames and prompt commands)"
echo
echo "| # | Figure | trail | Reference | Ratio | Target | Met |"
echo "|---|--------|------:|----------:|------:|--------|-----|"
printf '%s\n' "${rows[@]}"
