"""Bytes the app writes to its terminal per keystroke: what a slow SSH link carries.

    .venv/bin/python bench/terminal_bytes.py                 # embedded demo platform
    .venv/bin/python bench/terminal_bytes.py --reps 15 --server http://127.0.0.1:8000

Runs the installed `gpseeker` in tmux (TERM=xterm-256color) at 80x24 and 120x40 and
records every byte it writes to its terminal with `tmux pipe-pane`, which is what
sshd would send down the connection (before compression and encryption). Once the
first page of jobs is on screen:

- a cursor move: focus the job list, then press Down, and again, and again...
  (alternating with Up so the cursor never reaches the next page); for each key, the
  bytes written until the output has been quiet for --quiet seconds;
- a character in the search box: focus the search box, type "e" (the app searches
  at once and repaints the list with the results), wait for quiet, then Backspace
  (not counted) and wait for quiet again;
- idle: bytes written in 3 s with nothing pressed (a blinking cursor or a clock
  would show here).

The text cursor's blink is turned off (GPSEEKER_CURSOR_BLINK=false) while measuring
keys, so that its 2 Hz repaint does not land in a key's bytes; the idle row is
measured with the blink on and off. Prints a Markdown table for docs/benchmarks.md.
A benchmark, never a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform as host
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GPSEEKER = ROOT / ".venv" / "bin" / "gpseeker"
GOAL = 2048
"""DESIGN.md: under 2 KB written to the terminal for one cursor move in a list."""


def size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def quiet(path: Path, seconds: float, limit: float = 10.0) -> int:
    """Wait until `path` has not grown for `seconds`; its size then."""
    last, since = size(path), time.monotonic()
    deadline = since + limit
    while time.monotonic() < deadline:
        time.sleep(0.02)
        now = size(path)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= seconds:
            return now
    return last  # never quiet: something repaints on a timer


def bytes_per_key(
    term: Any, log: Path, keys: list[str], undo: list[str], reps: int, q: float
) -> list[int]:
    """Bytes written for `keys`, `reps` times; `undo` (not counted) after each."""
    counts = []
    for _ in range(reps):
        before = quiet(log, q)
        term.press(*keys)
        counts.append(quiet(log, q) - before)
        if undo:
            term.press(*undo)
            quiet(log, q)
    return counts


def measure(width: int, height: int, args: argparse.Namespace, blink: bool) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "tests" / "e2e"))
    from terminal import Terminal  # type: ignore[import-not-found]  # the e2e tests' tmux

    work = Path(tempfile.mkdtemp(prefix="gpseeker-bytes-"))
    home = args.home or work / "home"
    env = {"GPSEEKER_HOME": str(home), "TERM": "xterm-256color"}
    env["GPSEEKER_CURSOR_BLINK"] = "true" if blink else "false"
    command = [str(GPSEEKER)]
    if args.server:
        command += ["--server", args.server]
    term = Terminal(work / "tmux.sock", width=width, height=height)
    log = work / "written.bin"
    try:
        term.start(command, env)
        term.record(log)
        term.wait_for(" jobs · ", timeout=90)  # the first page of jobs
        quiet(log, 1.0)
        result: dict[str, Any] = {"size": f"{width}x{height}", "blink": blink}
        start = size(log)
        time.sleep(3.0)
        result["idle"] = (size(log) - start) / 3.0
        if blink:
            return result
        # The search box has the focus at first: "e" then Backspace.
        typed = bytes_per_key(term, log, ["e"], ["BSpace"], args.reps, args.quiet)
        result["type"] = typed
        term.press("Down")  # from the search box to the list
        quiet(log, args.quiet)
        moves = []
        for _ in range(args.reps):
            moves += bytes_per_key(term, log, ["Down"], [], 1, args.quiet)
            moves += bytes_per_key(term, log, ["Up"], [], 1, args.quiet)
        result["move"] = moves
        result["first_screen"] = start
        return result
    finally:
        term.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=9, help="keys measured per kind and size")
    parser.add_argument("--quiet", type=float, default=0.4, help="seconds of quiet = settled")
    parser.add_argument("--server", default=None, help="a platform URL (signed in already)")
    parser.add_argument("--home", type=Path, default=None, help="GPSEEKER_HOME to use")
    args = parser.parse_args()
    results = []
    for width, height in ((80, 24), (120, 40)):
        for blink in (False, True):
            print(f"measuring {width}x{height}, blink {blink}...", file=sys.stderr)
            results.append(measure(width, height, args, blink))

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        host.machine(),
    )
    day = dt.date.today().isoformat()
    print(f"\n{day}; {cpu}, {os.cpu_count()} cores; Python {host.python_version()}; "
          f"TERM=xterm-256color; goal under {GOAL:,} B a cursor move")  # fmt: skip
    print("\n| size | what | keys | median bytes | min | max | goal |")
    print("|---|---|---:|---:|---:|---:|---|")
    for result in results:
        for what, label in (("move", "cursor move in the job list (Down/Up)"),
                            ("type", "one character in the search box")):  # fmt: skip
            if what not in result:
                continue
            counts = result[what]
            median = statistics.median(counts)
            verdict = ("met" if median < GOAL else "**over**") if what == "move" else "–"
            print(f"| {result['size']} | {label} | {len(counts)} | {median:,.0f} | "
                  f"{min(counts):,} | {max(counts):,} | {verdict} |")  # fmt: skip
    for result in results:
        state = "on" if result["blink"] else "off"
        print(f"| {result['size']} | idle, cursor blink {state} (bytes a second) | – | "
              f"{result['idle']:,.0f} | | | |")  # fmt: skip


if __name__ == "__main__":
    main()
