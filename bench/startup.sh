#!/usr/bin/env bash
# Time to first screen and to the first page of jobs of `gpseeker` (embedded platform, cold
# start: a new GPSEEKER_HOME every run; warm start: the same home, with the jobs kept
# from the last run shown first), beside a minimal Textual app, measured the same way
# in the same run with ../shared/tools/ttfp.py (tmux, 80x24).
#
#   bench/startup.sh [RUNS]      results go to stdout; copy them to docs/benchmarks.md
#   POSTING=/tmp/posting-venv/bin/posting bench/startup.sh 7   with Posting in the same run
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
ttfp=${TTFP:-../shared/tools/ttfp.py}
py=.venv/bin/python
home=$(mktemp -d)
# Every run starts a local platform process of its own home: stop them all at the end
# (each would otherwise run on for its idle time).
stop_platforms() {
  for data in "$home"/*/data; do
    if [ -e "$data/platform.pid" ]; then
      GPSEEKER_HOME=$(dirname "$data") .venv/bin/gpseeker platform stop >/dev/null || true
    fi
  done
  rm -rf "$home"
}
trap stop_platforms EXIT

echo "== minimal Textual app (first paint)"
$py "$ttfp" --runs "$runs" --marker HELLO-GPSEEKER -- $py bench/hello_app.py

# Posting (an HTTP client built on Textual) is the yardstick of DESIGN.md's budgets. It
# lives in a venv of its own: POSTING=/path/to/posting bench/startup.sh
if [ -n "${POSTING:-}" ]; then
  echo "== Posting (first paint)"
  $py "$ttfp" --runs "$runs" --marker 'Enter a URL' -- "$POSTING"
fi

# The first FRESH page of jobs: the status line's "48 jobs · f: filters". The jobs kept from the
# last run (warm start) are labelled "Jobs as of 3 hours ago — ..." and never "N jobs ·",
# so this marker is not satisfied by them.
fresh='[0-9,]+ jobs? .*f: filters'
# The first jobs of any kind on screen: kept ones, or fresh ones if they came first.
shown="Jobs as of |$fresh"

echo "== gpseeker, cold start (first screen, then the first page of jobs from the local platform)"
# A fresh home per run: the platform process is started, and its database created,
# migrated and seeded, every time.
$py "$ttfp" --runs "$runs" --marker 'F2 Jobs' --regex --then-marker "$fresh" \
  -- bash -c "export GPSEEKER_HOME=\$(mktemp -d -p '$home'); exec .venv/bin/gpseeker"

echo "== gpseeker, warm start (platform process already running, jobs kept from the last run)"
echo "   then-markers: first jobs shown (kept, labelled with their age), then the fresh page"
export GPSEEKER_HOME="$home/warm"
.venv/bin/gpseeker privacy status >/dev/null
# One run of the app keeps the landing page (ttfp waits a second after the first paint
# before ending a run, time enough to write it).
$py "$ttfp" --runs 1 --warmup 0 --marker "$fresh" --regex -- .venv/bin/gpseeker >/dev/null
test -s "$GPSEEKER_HOME/data/known-jobs.json" || { echo "no jobs were kept" >&2; exit 1; }
$py "$ttfp" --runs "$runs" --marker 'F2 Jobs' --regex --then-marker "$shown" \
  --then-marker "$fresh" -- .venv/bin/gpseeker

echo "== gpseeker, warm start with the platform process not running (jobs kept)"
echo "   each run stops the platform first (not timed); the app starts it again"
for run in $(seq "$runs"); do
  .venv/bin/gpseeker platform stop >/dev/null || true
  $py "$ttfp" --runs 1 --warmup 0 --json --marker 'F2 Jobs' --regex --then-marker "$shown" \
    --then-marker "$fresh" -- .venv/bin/gpseeker >"$home/stopped-$run.json"
done
$py bench/ttfp_medians.py "$home"/stopped-*.json
