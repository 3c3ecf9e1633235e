"""Plain commands against a running local platform (issue 16): wall time and peak
memory of each command's own process.

    .venv/bin/python bench/plain_commands.py             # 9 runs of each command
    .venv/bin/python bench/plain_commands.py --runs 5 --json

Makes a new GPSEEKER_HOME, starts its local platform once (`gpseeker privacy status`,
which creates, seeds and signs in), then runs each command --runs times after one
warm-up run, as a person at a shell would: the installed `gpseeker` entry point, a
new process each time, output to a pipe that is read and thrown away. Wall time is
from spawn to exit; peak memory is the child's maximum resident set (ru_maxrss of
wait4). `python -c pass` is measured the same way, for scale. The platform is
stopped at the end. A benchmark, never a test: results in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GPSEEKER = ROOT / ".venv" / "bin" / "gpseeker"
COMMANDS = (
    ("python -c pass", [sys.executable, "-c", "pass"]),
    ("gpseeker jobs search python", [str(GPSEEKER), "jobs", "search", "python"]),
    ("gpseeker profile show", [str(GPSEEKER), "profile", "show"]),
)


def run_measured(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall ms, peak RSS MB) of one run of `argv`: wait4 does the waiting, so the
    resource usage it returns is this child's alone."""
    started = time.perf_counter()
    child = subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - started) * 1000
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(argv)} failed with exit code {child.returncode}")
    return wall, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="gpseeker-plain-"))
    env = {**os.environ, "GPSEEKER_HOME": str(home), "NO_COLOR": "1"}
    env.pop("GPSEEKER_SERVER", None)
    load_before = os.getloadavg()[0]
    try:
        subprocess.run([str(GPSEEKER), "privacy", "status"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        report: dict[str, Any] = {}
        for name, argv in COMMANDS:
            run_measured(argv, env)  # warm-up: the page cache, bytecode
            walls, peaks = zip(*(run_measured(argv, env) for _ in range(args.runs)), strict=True)
            report[name] = {
                "wall_ms_median": statistics.median(walls),
                "wall_ms_min": min(walls),
                "wall_ms_max": max(walls),
                "peak_rss_mb_median": statistics.median(peaks),
            }
    finally:
        subprocess.run([str(GPSEEKER), "platform", "stop"], env=env, check=False,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    machine = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
        "runs": args.runs,
    }
    if args.json:
        print(json.dumps({"machine": machine, "commands": report}, indent=2))
        return 0
    print(f"{args.runs} runs each; load average {load_before:.1f} -> {machine['load_after']:.1f}")
    for name, figures in report.items():
        print(
            f"{name:32} median {figures['wall_ms_median']:7.1f} ms "
            f"(min {figures['wall_ms_min']:.1f}, max {figures['wall_ms_max']:.1f}); "
            f"peak RSS {figures['peak_rss_mb_median']:.1f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
