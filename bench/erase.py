"""How long erasing an account takes (`DELETE /api/v1/me`) as the resume bank grows.

    .venv/bin/python bench/erase.py                  # 1k, 10k and 100k searchable resumes
    .venv/bin/python bench/erase.py --sizes 10000 --runs 5

Erasing is more than deleting rows: SQLite's secure_delete zeroes the freed pages,
the write-ahead log is checkpointed and truncated, and (before SQLite 3.42, which
lacks FTS5's secure-delete) the resume bank's full-text index is merged into one
segment so that no deleted word survives in an old one. That last step grows with
the bank, so this measures it at several sizes: for each, a fresh SQLite platform in
a temporary directory gets that many other searchable resumes, then a candidate
signs up, fills a profile, turns SEARCHABLE and erases the account, `--runs` times.
Prints the median and the slowest erase. A benchmark, never a test: run by hand,
results in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy import insert

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.platform import Platform
from gpseeker.server.tables import ResumeDocument, User

NOW = dt.datetime(2025, 4, 1, 3, 0, tzinfo=dt.UTC)
BATCH = 5000
SKILLS = ("python", "kotlin", "sql", "excel", "teaching", "sales", "logistics", "design")


async def seed_bank(platform: Platform, size: int) -> None:
    """`size` other searchable candidates, straight into the tables (signing each up
    would measure argon2, not erasure)."""
    for start in range(0, size, BATCH):
        count = min(BATCH, size - start)
        users = [
            {
                "id": 1_000_000 + start + i,
                "email": f"bank{start + i}@example.org",
                "password_hash": "x",
                "role": "seeker",
                "display_name": f"Bank {start + i}",
                "created_at": NOW,
            }
            for i in range(count)
        ]
        documents = [
            {
                "candidate_id": user["id"],
                "body": f"{SKILLS[i % len(SKILLS)]} engineer with {i % 15} years in Osaka",
                "hit": {},
                "updated_at": NOW,
            }
            for i, user in enumerate(users)
        ]
        async with platform.sessions.begin() as session:
            await session.execute(insert(User), users)
            await session.execute(insert(ResumeDocument), documents)


async def one_erase(http: httpx.AsyncClient, run: int) -> float:
    email = f"erase{run}@example.org"
    signup = await http.post(
        "/api/v1/auth/signup",
        json={"email": email, "password": "a long password", "full_name": "Erase Me"},
    )
    signup.raise_for_status()
    login = await http.post(
        "/api/v1/auth/login", json={"email": email, "password": "a long password"}
    )
    login.raise_for_status()
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    profile = await http.get("/api/v1/me/profile", headers=headers)
    body = profile.json()["profile"]
    body["headline"] = "Kotlin developer in Osaka"
    saved = await http.put(
        "/api/v1/me/profile",
        json=body,
        headers={**headers, "If-Match": profile.headers["ETag"]},
    )
    saved.raise_for_status()
    visible = await http.put(
        "/api/v1/me/visibility", json={"resume": "searchable"}, headers=headers
    )
    visible.raise_for_status()
    started = time.perf_counter()
    erased = await http.request(
        "DELETE", "/api/v1/me", json={"confirm_email": email}, headers=headers
    )
    elapsed = time.perf_counter() - started
    erased.raise_for_status()
    return elapsed


async def measure(size: int, runs: int) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        settings = ServerSettings(
            password_time_cost=1,
            password_memory_cost_kib=1024,
            now=lambda: NOW,
            require_email_verification=False,
        )
        app = create_app(f"sqlite+aiosqlite:///{Path(folder) / 'erase.sqlite3'}", settings=settings)
        platform: Platform = app.state.platform
        await platform.start()
        await seed_bank(platform, size)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            times = [await one_erase(http, run) for run in range(runs)]
        await platform.aclose()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"SQLite {sqlite3.sqlite_version}; {args.runs} erases per size")
    for size in args.sizes:
        times = asyncio.run(measure(size, args.runs))
        print(
            f"{size:>7} resumes in the bank: median {statistics.median(times) * 1000:7.1f} ms, "
            f"slowest {max(times) * 1000:7.1f} ms"
        )


if __name__ == "__main__":
    main()
