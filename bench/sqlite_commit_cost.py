"""What one SQLite commit costs with synchronous=NORMAL and with FULL, in WAL mode.

    .venv/bin/python bench/sqlite_commit_cost.py --file /tmp/commit-cost.sqlite3

Commits one 500-byte row at a time into a new file (deleted before each round and at
the end), in alternating rounds so that a neighbour's burst on a shared machine hits
both modes alike; prints the median and p95 time of a commit per round. The file
should be on the disk the platform's database is on: the difference is that disk's
fsync. A benchmark, never a test: results in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import time
from pathlib import Path

MODES = ("NORMAL", "FULL")
ROW = "x" * 500


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def commit_times(path: Path, mode: str, commits: int) -> list[float]:
    """Seconds per commit of `commits` one-row transactions on a new WAL file."""
    remove(path)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(f"PRAGMA synchronous={mode}")
        connection.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT)")
        times = []
        for _ in range(commits):
            started = time.perf_counter()
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO rows (body) VALUES (?)", (ROW,))
            connection.execute("COMMIT")
            times.append(time.perf_counter() - started)
        return times
    finally:
        connection.close()
        remove(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--file", type=Path, required=True, help="scratch database file")
    parser.add_argument("--commits", type=int, default=1000, help="per round (default 1,000)")
    parser.add_argument("--rounds", type=int, default=3, help="of each mode (default 3)")
    args = parser.parse_args()
    print(f"SQLite {sqlite3.sqlite_version}; {args.commits} commits a round")
    for round_number in range(1, args.rounds + 1):
        for mode in MODES:
            times = sorted(commit_times(args.file, mode, args.commits))
            p50 = statistics.median(times) * 1000
            p95 = times[int(0.95 * (len(times) - 1))] * 1000
            print(
                f"{mode:<6} round {round_number}: p50 {p50:.3f} ms, p95 {p95:.3f} ms a commit; "
                f"load average {os.getloadavg()[0]:.1f}"
            )


if __name__ == "__main__":
    main()
