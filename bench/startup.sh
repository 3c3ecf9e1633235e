#!/usr/bin/env bash
# Time to first screen and to the first page of jobs of `gpseeker` (embedded platform, cold
# start: a new GPSEEKER_HOME every run), beside a minimal Textual app, measured the
# same way in the same run with ../shared/tools/ttfp.py (tmux, 80x24).
#
#   bench/startup.sh [RUNS]      results go to stdout; copy them to docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
ttfp=${TTFP:-../shared/tools/ttfp.py}
py=.venv/bin/python
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

echo "== minimal Textual app (first paint)"
$py "$ttfp" --runs "$runs" --marker HELLO-GPSEEKER -- $py bench/hello_app.py

echo "== gpseeker, cold start (first screen, then the first page of jobs from the embedded platform)"
# A fresh home per run: the platform is created, migrated and seeded every time.
$py "$ttfp" --runs "$runs" --marker 'F2 Jobs' --regex --then-marker '[0-9]+ jobs' \
  -- bash -c "export GPSEEKER_HOME=\$(mktemp -d -p '$home'); exec .venv/bin/gpseeker"

echo "== gpseeker, warm start (platform already created)"
export GPSEEKER_HOME="$home/warm"
.venv/bin/gpseeker privacy status >/dev/null
$py "$ttfp" --runs "$runs" --marker 'F2 Jobs' --regex --then-marker '[0-9]+ jobs' \
  -- .venv/bin/gpseeker
