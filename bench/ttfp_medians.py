"""The medians over several one-run `ttfp.py --json` reports, for a measurement that
needs something done between runs (bench/startup.sh stops the local platform).

    .venv/bin/python bench/ttfp_medians.py run-1.json run-2.json ...
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path
from typing import Any


def series(report: dict[str, Any]) -> dict[str, float]:
    """Each measured value of one single-run report, by name."""
    values = {
        name: report[name]["median"]
        for name in ("ttfp_ms", "rss_at_paint_mb", "rss_settled_mb")
        if report.get(name, {}).get("n")
    }
    for marker, stats in report.get("then_ms", {}).items():
        if stats.get("n"):
            values[f"then {marker!r} ms"] = stats["median"]
    return values


def main(paths: list[str]) -> int:
    runs = [series(json.loads(Path(path).read_text())) for path in paths]
    for name in runs[0]:
        found = [run[name] for run in runs if name in run]
        print(f"{name}: median {statistics.median(found):,.0f} over {len(found)} runs "
              f"(min {min(found):,.0f}, max {max(found):,.0f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
