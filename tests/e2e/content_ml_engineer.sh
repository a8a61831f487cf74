#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The shipped content: the only test that reads content/ and its wording (every other test runs
# on the fixture guides in tests/data/guides). Every guide under content/ passes --check with
# nothing to report; the Machine Learning Engineer guide has the structure and the key figures
# of its source text: four phases of five key actions over months 1-12, five certifications,
# seven questions, and the salary, growth, time and difficulty lines. Edit this test together
# with content/ml-engineer.
set -u
. "$(dirname "$0")/lib/assert.sh"

content="$TRAIL_SOURCE_DIR/content"
guide="$content/ml-engineer"
require_input "$guide"
scratch_dir
export LC_ALL=C.UTF-8 HOME="$tmp" XDG_CONFIG_HOME="$tmp/config"

# Every shipped guide is valid, without a warning.
for dir in "$content"/*/; do
    dir=${dir%/}
    [ -f "$dir/guide.yaml" ] || continue
    out=$("$TRAIL_BIN" --check "$dir" 2>&1)
    expect_status 0 $? "--check ${dir##*/}"
    expect_contains "$out" "valid guide '${dir##*/}'" "${dir##*/}: its id is its directory's name"
    expect_not_contains "$out" "warning" "${dir##*/}: no warning"
done

out=$("$TRAIL_BIN" --check "$guide" 2>&1)
expect_contains "$out" "4 phases, 20 key actions, 5 certifications, 7 questions" \
    "ml-engineer: the counts of the source text"

# The phases in order, three months each, five key actions each.
out=$("$TRAIL_BIN" --content "$guide" --state "$tmp/progress.yaml" --progress 2>&1)
expect_status 0 $? "--progress on no progress"
expect_contains "$out" "Machine Learning Engineer: progress" "the title"
n=0
for phase in "Foundation Building" "Specialization & Deep Learning" "Production & MLOps Focus" \
    "Job Search & Portfolio Polishing"; do
    n=$((n + 1))
    line=$(printf '%s\n' "$out" | grep -A1 -xF "$n. $phase" | tail -n 1)
    expect_contains "$line" " 0/5 " "phase $n, $phase, has five key actions"
done
expect_contains "$out" " 0/20 " "twenty key actions in all"

out=$("$TRAIL_BIN" --content "$guide" --print)
expect_status 0 $? "--print"
for s in "Foundation Building (Months 1-3)" "Specialization & Deep Learning (Months 4-6)" \
    "Production & MLOps Focus (Months 7-9)" "Job Search & Portfolio Polishing (Months 10-12)"; do
    expect_contains "$out" "$s" "the phase '$s'"
done
expect_status 4 "$(printf '%s\n' "$out" | grep -c '^   Duration: 3 months$')" \
    "every phase lasts three months"

# The header stats as written, and the figures the charts are drawn from.
expect_contains "$out" "Avg. Salary      \$100,000 - \$250,000" "the salary line"
expect_contains "$out" "Job Growth       High Demand (+30% by 2026)" "the growth line"
expect_contains "$out" "Time to Career   8-12 months" "the time-to-career line"
expect_contains "$out" "Difficulty       Advanced" "the difficulty line"
yaml=$(cat "$guide/guide.yaml")
for kv in "min: 100000" "max: 250000" "currency: USD" "percent: 30" "by_year: 2026" \
    "min_months: 8" "max_months: 12" "level: advanced"; do
    expect_contains "$yaml" "    $kv" "guide.yaml restates the stat as $kv"
done

for s in "AWS Certified Machine Learning – Specialty" \
    "Google Professional Machine Learning Engineer" "TensorFlow Developer Certificate" \
    "Azure AI Engineer Associate" "Databricks Certified Machine Learning Associate"; do
    expect_contains "$out" "$s" "the certification '$s'"
done
for s in "Do I need a PhD to become a Machine Learning Engineer?" \
    "What's the main difference between a Data Scientist and an ML Engineer?" \
    "Is the job market for ML Engineers oversaturated?" \
    "Can I become an ML Engineer remotely or through self-study?" \
    "How important is knowledge of hardware (GPUs/TPUs) for this role?" \
    "What are the biggest challenges ML Engineers face?" \
    "What industries hire the most ML Engineers?"; do
    expect_contains "$out" "$s" "the question '$s'"
done
expect_contains "$out" "Start Your Career Journey" "the call to action's button"

# The default guide (GUIDE's default, in --help) is this one.
expect_contains "$("$TRAIL_BIN" --help)" "(default: ml-engineer)" "--help names it the default"
finish
