"""Latency of the job search: the endpoint (this part) and, later, keystroke to results.

    .venv/bin/python bench/search.py                 # 1k, 10k and 100k jobs
    .venv/bin/python bench/search.py --sizes 1000 --runs 20

For each size, seeds that many synthetic jobs (gpseeker.server.demo.synthetic_jobs,
owned by a few employers) into a fresh SQLite platform in a temporary directory, then
times `GET /api/v1/jobs` through httpx.ASGITransport, exactly as the embedded client
calls it: serialisation, auth, search, paging and the JSON answer included. Prints
the median and the 95th percentile per query. A benchmark, never a test: run by hand,
results in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, select

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.demo import synthetic_jobs
from gpseeker.server.job_pages import TOTAL_CAP
from gpseeker.server.jobs import job_row
from gpseeker.server.platform import Platform
from gpseeker.server.tables import Employer, JobRow

PASSWORD = "benchmark password"
EMPLOYERS = 20
BATCH = 5000
# The platform's clock is fixed, so "posted within 7 days" selects the same jobs in
# every run: the jobs are spread over the 120 days before it.
NOW = dt.datetime(2025, 4, 1, 3, 0, tzinfo=dt.UTC)
SPREAD_DAYS = 120


@dataclass(frozen=True)
class Query:
    label: str
    params: dict[str, Any]


QUERIES = (
    Query("one word: engineer", {"q": "engineer"}),
    Query("two words: python developer", {"q": "python developer"}),
    Query("prefix as typed: pyth", {"q": "pyth"}),
    Query("one letter typed: p", {"q": "p"}),
    Query(
        "word + filters: teacher, Kanto, JLPT<=N3, visa",
        {"q": "teacher", "region": "Kanto", "japanese_max": "N3", "visa_sponsorship": "true"},
    ),
    Query("empty query, newest", {"sort": "newest"}),
    Query(
        "filters only: Osaka, remote/hybrid, >= 4M yen, by salary",
        {
            "prefecture": "Osaka",
            "remote": ["hybrid", "remote"],
            "min_salary_jpy": 4_000_000,
            "sort": "salary",
        },
    ),
    Query("posted within 7 days, full time", {"posted_within_days": 7, "job_type": "full_time"}),
)


async def seed(platform: Platform, client: httpx.AsyncClient, n: int) -> str:
    """`n` jobs from EMPLOYERS employers; returns a seeker's token."""
    for number in range(EMPLOYERS):
        response = await client.post(
            "/api/v1/auth/signup",
            json={
                "email": f"hr{number}@bench.example",
                "password": PASSWORD,
                "role": "employer",
                "company_name": f"Bench Company {number} K.K.",
            },
        )
        response.raise_for_status()
    async with platform.sessions() as session:
        employer_ids = list(await session.scalars(select(Employer.id).order_by(Employer.id)))
    drafts = synthetic_jobs(n)
    # Executemany of plain dicts in big batches: the ORM unit of work would spend
    # most of the time on bookkeeping this one-off load does not need.
    columns = [column.key for column in JobRow.__table__.columns if column.key != "id"]
    index = 0
    async with platform.engine.begin() as connection:
        while batch := list(islice(drafts, BATCH)):
            rows = []
            for draft in batch:
                posted = NOW - dt.timedelta(minutes=(index * 7919) % (SPREAD_DAYS * 24 * 60))
                row = job_row(employer_ids[index % len(employer_ids)], draft, posted)
                rows.append({key: getattr(row, key) for key in columns})
                index += 1
            await connection.execute(insert(JobRow), rows)
        await connection.exec_driver_sql("ANALYZE")
    response = await client.post(
        "/api/v1/auth/signup",
        json={"email": "seeker@bench.example", "password": PASSWORD, "full_name": "Bench Seeker"},
    )
    response.raise_for_status()
    # The platform makes accounts at sign-up (no mailed code): sign in for the token.
    login = await client.post(
        "/api/v1/auth/login", json={"email": "seeker@bench.example", "password": PASSWORD}
    )
    login.raise_for_status()
    token: str = login.json()["token"]
    return token


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def time_queries(
    client: httpx.AsyncClient, token: str, runs: int
) -> Iterator[tuple[str, float, float, int | None]]:
    headers = {"Authorization": f"Bearer {token}"}
    results = []
    for query in QUERIES:
        params = {**query.params, "limit": 20}
        # One untimed call first: the first query of a kind pays for SQLite's page
        # cache and statement compilation, which a user pays once per session.
        first = await client.get("/api/v1/jobs", params=params, headers=headers)
        first.raise_for_status()
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            response = await client.get("/api/v1/jobs", params=params, headers=headers)
            times.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
        total = first.json()["total"]
        results.append(
            (query.label, statistics.median(times), percentile(times, 0.95), total),
        )
    return iter(results)


async def bench_size(n: int, runs: int) -> list[tuple[str, float, float, int | None]]:
    with tempfile.TemporaryDirectory() as directory:
        settings = ServerSettings(
            password_time_cost=1,
            password_memory_cost_kib=1024,
            now=lambda: NOW,
            require_email_verification=False,
        )
        app = create_app(
            f"sqlite+aiosqlite:///{Path(directory) / 'bench.sqlite3'}", settings=settings
        )
        platform: Platform = app.state.platform
        await platform.start()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            started = time.perf_counter()
            token = await seed(platform, client, n)
            print(f"seeded {n:,} jobs in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            results = list(await time_queries(client, token, runs))
        await platform.aclose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    print(f"GET /api/v1/jobs, limit 20, {args.runs} runs per query (ms)\n")
    print("| jobs | query | total | median | p95 |\n|---:|---|---:|---:|---:|")
    for n in args.sizes:
        for label, median, p95, total in asyncio.run(bench_size(n, args.runs)):
            shown = f"more than {TOTAL_CAP:,}" if total is None else f"{total:,}"
            print(f"| {n:,} | {label} | {shown} | {median:.1f} | {p95:.1f} |", flush=True)


if __name__ == "__main__":
    main()
