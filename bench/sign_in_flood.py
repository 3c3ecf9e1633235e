"""A flood of wrong passwords against a real `gpseeker serve` (issue 14): does anyone
else notice?

    .venv/bin/python bench/sign_in_flood.py               # 3 scenarios x 3 runs of 30 s
    .venv/bin/python bench/sign_in_flood.py --json        # the same, as JSON
    .venv/bin/python bench/sign_in_flood.py --quick       # 1 run of 5 s each, a smoke test
    .venv/bin/python bench/sign_in_flood.py --workers 2   # two worker processes

Starts `gpseeker serve` as bench/load.py starts it (a fresh SQLite file in a temporary
directory, --port 0, 127.0.0.1 only, --no-email-verification so that the accounts
sign up and straight in) with the platform's real password cost (argon2id, 3
iterations, 64 MiB, as `ServerSettings` ships). Then, per scenario, --runs times for
--seconds each, with accounts and client addresses new to the run:

- --clients flooding clients, each on a keep-alive connection of its own from its own
  loopback address (127.0.R.11, 127.0.R.12, ...: the server sees them as different
  machines), send wrong passwords back to back, never waiting for a Retry-After:
  "own": each for one real account of its own; "spray": a new made-up address for
  every try; "none": no flood at all, the baseline the other two are read against
  (on a shared machine the baseline moves too);
- one prober from 127.0.0.1 asks `GET /api/v1/health` every --poll-interval seconds;
- one honest person, from an address of their own, signs in with the right password
  of another account every --honest-interval seconds, retrying a 503 "busy" as
  gpseeker's client does; the time is until their sign-in succeeded.

Reported per scenario: the health answers' p50 / p95 / max in ms; the honest
sign-ins' first (it starts together with the flood's first tries, which nothing
tells apart from honest ones yet, so it may wait behind all of them) and then p50 /
max of the others, made while the flood goes on; each the median of the runs, and
the slowest run; how many failed; and what the flood was answered: 401 (a hash was
computed), 429 (refused with Retry-After, no hash), 503 busy (no room in the
hasher's line, no hash). The goal: health p95 under 50 ms, every honest sign-in
under 1 s. The one-minute load
average before and after is printed too: on a machine shared with other work the
figures move with it. A benchmark, never a test: results in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import json
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
API = "/api/v1"
PASSWORD = "flood benchmark password"
WRONG = "not the password, again"


def load_bench() -> ModuleType:
    """bench/load.py, for its server start-up, sign-up and percentile."""
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = module
    spec.loader.exec_module(module)
    return module


load = load_bench()


def client_from(base_url: str, address: str) -> httpx.AsyncClient:
    """One keep-alive connection whose requests come from `address` (a loopback one)."""
    return httpx.AsyncClient(
        base_url=base_url,
        transport=httpx.AsyncHTTPTransport(local_address=address, retries=0),
        timeout=httpx.Timeout(60.0),
        limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
    )


@dataclass
class Run:
    health_ms: list[float] = field(default_factory=list)
    health_failed: int = 0
    honest_ms: list[float] = field(default_factory=list)
    honest_failed: int = 0
    flood: Counter[int] = field(default_factory=Counter)
    load_before: float = 0.0
    load_after: float = 0.0

    def figures(self) -> dict[str, Any]:
        return {
            "health_p50_ms": load.percentile(self.health_ms, 0.50),
            "health_p95_ms": load.percentile(self.health_ms, 0.95),
            "health_max_ms": max(self.health_ms, default=float("nan")),
            "health_answers": len(self.health_ms),
            "health_failed": self.health_failed,
            # The first sign-in starts with the flood's first tries, which nothing
            # tells apart from honest ones yet; the rest come while it goes on.
            "honest_first_ms": self.honest_ms[0] if self.honest_ms else float("nan"),
            "honest_p50_ms": load.percentile(self.honest_ms[1:], 0.50),
            "honest_max_ms": max(self.honest_ms[1:], default=float("nan")),
            "honest_sign_ins": len(self.honest_ms),
            "honest_failed": self.honest_failed,
            "flood": {str(status): count for status, count in sorted(self.flood.items())},
            "load_before": self.load_before,
            "load_after": self.load_after,
        }


async def flood(http: httpx.AsyncClient, emails: list[str], deadline: float, run: Run) -> None:
    """Wrong passwords back to back, for `emails` in turn (one, or a new one each)."""
    number = 0
    while time.monotonic() < deadline:
        email = emails[number % len(emails)] if emails else f"{secrets.token_hex(6)}@spray.example"
        number += 1
        try:
            answer = await http.post(f"{API}/auth/login", json={"email": email, "password": WRONG})
        except httpx.TransportError:
            run.flood[0] += 1
            continue
        run.flood[answer.status_code] += 1


async def probe_health(http: httpx.AsyncClient, every: float, deadline: float, run: Run) -> None:
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            answer = await http.get(f"{API}/health")
            ok = answer.status_code == 200
        except httpx.TransportError:
            ok = False
        elapsed = time.perf_counter() - started
        if ok:
            run.health_ms.append(elapsed * 1000)
        else:
            run.health_failed += 1
        await asyncio.sleep(max(0.0, every - elapsed))


async def honest_sign_ins(
    http: httpx.AsyncClient, email: str, every: float, deadline: float, run: Run
) -> None:
    """The right password, retried through 503 "busy" as gpseeker's client retries it."""
    while time.monotonic() < deadline:
        started = time.perf_counter()
        ok = False
        for tries in range(1, load.CLIENT_RETRY.attempts + 1):
            try:
                answer = await http.post(
                    f"{API}/auth/login", json={"email": email, "password": PASSWORD}
                )
            except httpx.TransportError:
                break
            if answer.status_code == 200:
                ok = True
                break
            if answer.status_code != 503 or tries == load.CLIENT_RETRY.attempts:
                break
            await asyncio.sleep(load.CLIENT_RETRY.delay(tries))
        elapsed = time.perf_counter() - started
        if ok:
            run.honest_ms.append(elapsed * 1000)
        else:
            run.honest_failed += 1
        await asyncio.sleep(max(0.0, every - elapsed))


async def accounts(base_url: str, emails: list[str]) -> None:
    """Sign up `emails` through the API, a few at a time (each costs a hash or two)."""
    gate = asyncio.Semaphore(2)

    async def one(email: str) -> None:
        async with gate, httpx.AsyncClient(base_url=base_url, timeout=120) as http:
            await load.sign_up(http, {"email": email, "password": PASSWORD, "full_name": "B"})

    await asyncio.gather(*(one(email) for email in emails))


async def one_run(base_url: str, scenario: str, number: int, args: argparse.Namespace) -> Run:
    tag = secrets.token_hex(3)
    victims = [f"victim{i}-{tag}@flood.example" for i in range(args.clients)]
    honest = f"honest-{tag}@flood.example"
    await accounts(base_url, [*(victims if scenario == "own" else []), honest])
    run = Run(load_before=os.getloadavg()[0])
    # 127.0.R.x: new addresses every run, so no run inherits another's waits.
    subnet = f"127.0.{number % 250 + 1}"
    flooding = 0 if scenario == "none" else args.clients
    floods = [client_from(base_url, f"{subnet}.{11 + i}") for i in range(flooding)]
    async with contextlib.AsyncExitStack() as stack:
        for http in floods:
            await stack.enter_async_context(http)
        prober = await stack.enter_async_context(client_from(base_url, "127.0.0.1"))
        person = await stack.enter_async_context(client_from(base_url, f"{subnet}.200"))
        deadline = time.monotonic() + args.seconds
        await asyncio.gather(
            *(
                flood(http, [victims[i]] if scenario == "own" else [], deadline, run)
                for i, http in enumerate(floods)
            ),
            probe_health(prober, args.poll_interval, deadline, run),
            honest_sign_ins(person, honest, args.honest_interval, deadline, run),
        )
    run.load_after = os.getloadavg()[0]
    return run


def summary(runs: list[Run]) -> dict[str, Any]:
    figures = [run.figures() for run in runs]

    def median(name: str) -> float:
        return statistics.median(figure[name] for figure in figures)

    def worst(name: str) -> float:
        return max(figure[name] for figure in figures)

    flood_total: Counter[str] = Counter()
    for figure in figures:
        flood_total.update(figure["flood"])
    return {
        "runs": figures,
        "health_p50_ms": median("health_p50_ms"),
        "health_p95_ms": median("health_p95_ms"),
        "health_p95_ms_worst_run": worst("health_p95_ms"),
        "health_max_ms": median("health_max_ms"),
        "health_failed": sum(figure["health_failed"] for figure in figures),
        "honest_first_ms": median("honest_first_ms"),
        "honest_first_ms_worst_run": worst("honest_first_ms"),
        "honest_p50_ms": median("honest_p50_ms"),
        "honest_max_ms": median("honest_max_ms"),
        "honest_max_ms_worst_run": worst("honest_max_ms"),
        "honest_sign_ins": sum(figure["honest_sign_ins"] for figure in figures),
        "honest_failed": sum(figure["honest_failed"] for figure in figures),
        "flood_per_run": {
            status: count / len(figures) for status, count in sorted(flood_total.items())
        },
    }


def report(results: dict[str, Any]) -> str:
    lines = [
        f"gpseeker sign-in flood: {results['clients']} clients x {results['seconds']:g} s, "
        f"{results['runs']} runs per scenario, {results['workers']} worker(s)",
        f"machine: {results['machine']}",
        "",
    ]
    for scenario, result in results["scenarios"].items():
        flood_words = ", ".join(
            f"{status}: {count:,.0f}" for status, count in result["flood_per_run"].items()
        )
        lines += [
            f"scenario {scenario!r}",
            f"  health  p50 {result['health_p50_ms']:.1f} ms, p95 {result['health_p95_ms']:.1f}"
            f" ms (slowest run {result['health_p95_ms_worst_run']:.1f}), max"
            f" {result['health_max_ms']:.1f} ms; failed {result['health_failed']}",
            f"  honest  first {result['honest_first_ms']:.0f} ms (slowest run "
            f"{result['honest_first_ms_worst_run']:.0f}); then p50 {result['honest_p50_ms']:.0f}"
            f" ms, max {result['honest_max_ms']:.0f} ms (slowest run "
            f"{result['honest_max_ms_worst_run']:.0f}); {result['honest_sign_ins']} signed in, "
            f"{result['honest_failed']} failed",
            f"  flood answers per run: {flood_words}",
            "  load average (1 min) before/after each run: "
            + ", ".join(
                f"{run['load_before']:.2f}/{run['load_after']:.2f}" for run in result["runs"]
            ),
            "",
        ]
    return "\n".join(lines)


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {
        "clients": args.clients,
        "seconds": args.seconds,
        "runs": args.runs,
        "workers": args.workers,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}",
        "scenarios": {},
    }
    with tempfile.TemporaryDirectory(prefix="gpflood-") as folder:
        database = f"sqlite+aiosqlite:///{Path(folder) / 'flood.sqlite3'}"
        with load.served(database, args.workers, Path(folder) / "serve.log") as (base_url, _pid):
            await load.wait_until_up(base_url)
            number = 0
            for scenario in args.scenarios:
                runs = []
                for _ in range(args.runs):
                    number += 1
                    runs.append(await one_run(base_url, scenario, number, args))
                    print(f"  {scenario} run {len(runs)}: {runs[-1].figures()}", file=sys.stderr)
                results["scenarios"][scenario] = summary(runs)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8, help="flooding clients (8)")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of a run (30)")
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario (3)")
    parser.add_argument("--workers", type=int, default=1, help="gpseeker serve --workers (1)")
    parser.add_argument(
        "--scenario",
        dest="scenarios",
        action="append",
        choices=("none", "own", "spray"),
        help="none: no flood (the baseline); own: each client floods one account; "
        "spray: a new address each try (default: all three)",
    )
    parser.add_argument("--poll-interval", type=float, default=0.05, help="health (0.05 s)")
    parser.add_argument("--honest-interval", type=float, default=1.0, help="honest (1 s)")
    parser.add_argument("--quick", action="store_true", help="1 run of 5 s per scenario")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    args.scenarios = args.scenarios or ["none", "own", "spray"]
    if args.quick:
        args.runs, args.seconds = 1, 5.0
    results = asyncio.run(main_async(args))
    print(json.dumps(results, indent=2) if args.json else report(results))
    failed = any(
        result["honest_failed"] or result["health_failed"]
        for result in results["scenarios"].values()
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
