"""Keystroke to results in the TUI's job search, on an embedded platform with N jobs.

    .venv/bin/python bench/search_tui.py                  # 100k jobs, 15 keystrokes
    .venv/bin/python bench/search_tui.py --jobs 10000 --reps 20 --home /tmp/gp10k

Prepares a GPSEEKER_HOME once (the embedded platform, its local account and N
synthetic jobs, inserted as bench/search.py inserts them), then drives the real
`gpseeker` in tmux at 80x24 with ../shared/tools/ttfp.py:

- one key: after a pause, type "e"; time until its results are on screen (after a
  pause the search starts at once, with no debounce); Backspace resets.
- a burst: send "python" in one go, as a fast typist would; time from sending until
  the results for "python" are on screen. This includes the 80 ms the screen waits
  for a burst to pause (DEBOUNCE in gpseeker/screens/jobs.py).

The marker that proves the results are on screen is the status line's echo of the
words searched for ('428 jobs for “python” ·'), which the screen writes after the
new rows. Prints ttfp's summary and a Markdown row per measurement for
docs/benchmarks.md. A benchmark, never a test.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform as host
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
TTFP = ROOT.parent / "shared" / "tools" / "ttfp.py"
PYTHON = ROOT / ".venv" / "bin" / "python"
GPSEEKER = ROOT / ".venv" / "bin" / "gpseeker"
PREPARED = ".bench-jobs"


async def prepare(home: Path, jobs: int) -> None:
    """The platform in `home` with its local account and `jobs` synthetic jobs."""
    marker = home / PREPARED
    if marker.exists() and marker.read_text() == str(jobs):
        return
    sys.path.insert(0, str(ROOT / "bench"))
    from search import seed  # type: ignore[import-not-found]  # bench/search.py's loader

    from gpseeker.client.embedded import BASE_URL
    from gpseeker.local.config import Paths
    from gpseeker.local_platform.in_process import open_local_platform

    client = await open_local_platform(Paths.current().data_dir)  # the local account
    transport = client._http._transport  # the in-process server the client talks to
    assert isinstance(transport, httpx.ASGITransport)
    server = transport.app
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as raw:
        await seed(server.state.platform, raw, jobs)  # type: ignore[attr-defined]
    await client.aclose()
    marker.write_text(str(jobs))


def ttfp(home: Path, keys: str, key_marker: str, runs: int, reps: int) -> dict:
    """ttfp's JSON summary: `runs` launches, `reps` measurements of `keys` in each."""
    marker = " jobs · "  # the first page is on screen, before any typing
    command = [
        str(PYTHON), str(TTFP), "--json", "--runs", str(runs), "--cols", "80", "--rows", "24",
        "--timeout", "60", "--env", f"GPSEEKER_HOME={home}",
        "--marker", marker, "--keys", keys, "--literal", "--key-marker", key_marker,
        "--reset-keys", *(["BSpace"] * len(keys)), "--reset-marker", marker,
        "--key-reps", str(reps), "--pre-key-wait", "1",
        "--", str(GPSEEKER),
    ]  # fmt: skip
    print("$", " ".join(command), file=sys.stderr)
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    print(done.stderr, file=sys.stderr)
    result: dict = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("--home", type=Path, default=None, help="kept between runs")
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="gpseeker-bench-"))
    home.mkdir(parents=True, exist_ok=True)
    os.environ["GPSEEKER_HOME"] = str(home)
    asyncio.run(prepare(home, args.jobs))
    rows = []
    # The status line echoes the words once their results are on screen ("1,234 jobs
    # for “python” · ..."). One key after a pause: one measurement per launch, because
    # ttfp sends the next rep right after the reset, which is no pause (the screen
    # would rightly debounce it). "e" finds ~2,000 of 100k jobs; a letter that finds
    # nothing ("p") would flatter the number.
    single = ttfp(home, "e", "for “e” ·", runs=args.reps, reps=1)
    rows.append(("one key after a pause: 'e'", single))
    burst = ttfp(home, "python", "for “python” ·", runs=1, reps=args.reps)
    rows.append(("a burst of keys: 'python' (sent at once)", burst))
    day = dt.date.today().isoformat()
    machine = f"{host.machine()}, {os.cpu_count()} cores, Python {host.python_version()}"
    print(f"\n{args.jobs:,} jobs, tmux 80x24, {day}, {machine}")
    print("| typed | runs | median ms | min | max |\n|---|---:|---:|---:|---:|")
    for label, result in rows:
        keys = result["key_ms"]
        numbers = " | ".join(f"{keys[name]:.0f}" for name in ("median", "min", "max"))
        print(f"| {label} | {keys['n']} | {numbers} |")


if __name__ == "__main__":
    main()
