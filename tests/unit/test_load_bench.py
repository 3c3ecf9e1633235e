"""The load benchmark's pure parts: percentiles, per-route figures, the write check."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _load_bench() -> ModuleType:
    # bench/ is a folder of scripts, not a package: load the file itself.
    path = Path(__file__).resolve().parents[2] / "bench" / "load.py"
    spec = importlib.util.spec_from_file_location("bench_load", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = module
    spec.loader.exec_module(module)
    return module


load = _load_bench()


def test_percentile_interpolates_between_ranks() -> None:
    values = [float(v) for v in range(1, 101)]  # 1..100
    assert load.percentile(values, 0.5) == pytest.approx(50.5)
    assert load.percentile(values, 0.95) == pytest.approx(95.05)
    assert load.percentile(values, 0.0) == 1.0
    assert load.percentile(values, 1.0) == 100.0


def test_percentile_ignores_order_and_handles_small_and_empty_samples() -> None:
    assert load.percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert load.percentile([7.0], 0.99) == 7.0
    assert math.isnan(load.percentile([], 0.5))


def test_route_stats_counts_rates_and_errors_per_route() -> None:
    samples = [
        load.Sample("search", 0.010, True),
        load.Sample("search", 0.030, True),
        load.Sample("apply", 0.020, False),
        load.Sample("search", 0.020, True),
    ]
    stats = {row.route: row for row in load.route_stats(samples, elapsed=2.0)}
    assert stats["search"].count == 3
    assert stats["search"].per_second == pytest.approx(1.5)
    assert stats["search"].p50_ms == pytest.approx(20.0)
    assert stats["search"].errors == 0
    assert stats["apply"].errors == 1
    # Listed in the order of ROUTES, whatever order the samples came in.
    assert [row.route for row in load.route_stats(samples, 2.0)] == ["search", "apply"]


def test_summarize_runs_takes_the_median_of_the_runs() -> None:
    def run(milliseconds: float, count: int) -> list[object]:
        return [load.Sample("bank", milliseconds / 1000, True) for _ in range(count)]

    runs = [(run(10, 10), 1.0), (run(30, 30), 1.0), (run(20, 20), 1.0)]
    runs[1][0].append(load.Sample("bank", 0.020, False))
    summary = load.summarize_runs(runs)
    assert [each["requests"] for each in summary["runs"]] == [10, 31, 20]
    assert summary["per_second"] == 20.0
    assert summary["errors"] == 1
    (bank,) = summary["routes"]
    assert bank["route"] == "GET /api/v1/employer/resume-bank"
    assert bank["count"] == 61
    assert bank["p50_ms"] == pytest.approx(20.0)
    assert bank["errors"] == 1


def test_compare_writes_accepts_exactly_what_was_sent() -> None:
    check = load.compare_writes("applications", [1, 2, 3], [3, 1, 2])
    assert check.ok
    assert (check.sent, check.held, check.lost, check.doubled, check.unexpected) == (
        3,
        3,
        0,
        0,
        0,
    )


def test_compare_writes_finds_lost_doubled_and_unexpected_rows() -> None:
    lost = load.compare_writes("x", [1, 2, 3], [1, 2])
    assert (lost.lost, lost.ok) == (1, False)
    doubled = load.compare_writes("x", [1, 2], [1, 2, 2])
    assert (doubled.doubled, doubled.ok) == (1, False)
    unexpected = load.compare_writes("x", [1], [1, 9])
    assert (unexpected.unexpected, unexpected.ok) == (1, False)
    said_twice = load.compare_writes("x", [4, 4], [4])
    assert (said_twice.doubled, said_twice.ok) == (1, False)


def test_report_text_names_every_route_and_the_verdict() -> None:
    report = {
        "store": "SQLite",
        "workers": 1,
        "concurrency": 4,
        "seconds": 1.0,
        "runs": [{"per_second": 2.0}],
        "requests": 2,
        "per_second": 2.0,
        "errors": 0,
        "routes": [
            {
                "route": "GET /api/v1/jobs",
                "count": 2,
                "per_second": 2.0,
                "p50_ms": 1.0,
                "p95_ms": 2.0,
                "p99_ms": 2.0,
                "errors": 0,
            }
        ],
        "checks": [
            {
                "what": "applications",
                "sent": 1,
                "held": 1,
                "lost": 0,
                "doubled": 0,
                "unexpected": 0,
                "ok": True,
            }
        ],
        "error_examples": [],
        "load_average": [0.5, 0.7],
        "generator_cpu_seconds": 1.0,
    }
    text = load.format_report(report)
    assert "GET /api/v1/jobs" in text
    assert "applications: sent 1, held 1, lost 0, doubled 0, unexpected 0: ok" in text
