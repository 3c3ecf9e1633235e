"""Many candidates and employers at once: a bounded load test of `gpseeker serve`.

    # once per store: 10k jobs, 100k searchable candidates (bench/load_data.py)
    .venv/bin/python bench/load_data.py --db /tmp/gpload/load.sqlite3
    psql -h 127.0.0.1 -U postgres -d test -c 'CREATE SCHEMA gpseeker_bench'
    .venv/bin/python bench/load_data.py \\
        --db 'postgresql://postgres@127.0.0.1:5432/test?schema=gpseeker_bench'

    # then, as often as wanted (each invocation signs up its own actors); the
    # figures in docs/benchmarks.md are these, store x workers, 3 runs of 30 s each
    .venv/bin/python bench/load.py --runs 3 --db /tmp/gpload/load.sqlite3
    .venv/bin/python bench/load.py --runs 3 --db /tmp/gpload/load.sqlite3 --workers 2
    .venv/bin/python bench/load.py --runs 3 \\
        --db 'postgresql://postgres@127.0.0.1:5432/test?schema=gpseeker_bench'
    .venv/bin/python bench/load.py --runs 3 --workers 2 \\
        --db 'postgresql://postgres@127.0.0.1:5432/test?schema=gpseeker_bench'
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000 --seconds 10 --json

Starts `gpseeker serve --db URL --port 0` (127.0.0.1 only) unless --url names a
running server. Before the clock starts, the actors are made through the real API:
candidates sign up, save a profile (from `synthetic_profiles`, plus one skill no bulk
profile has, so some employer searches find them) and turn searchable; employers
sign up and post jobs. Signups run argon2, so there are only as many actors as
simulated users.

Then, for --seconds (--runs times, with the same server and actors),
--concurrency simulated users, each with its own keep-alive
connection and no think time (a closed loop: the figures are what the server gives
at that concurrency, not a traffic model):

- a candidate searches jobs (common words, two words, rare words, filters, newest),
  opens one of the results, applies to it about half the time (never twice to the
  same job, so every apply must be 201; with an Idempotency-Key, retried with the
  same key on a connection error, as gpseeker's client does), sometimes to one of
  the load employers' own jobs instead, and reads the inbox every few rounds;
- an employer searches the resume bank (common, rare, two words, the load
  candidates' skill), invites a candidate it found (paced over the run and kept
  under the platform's `invitations_per_day`, so every invite must be 201), and
  lists its applications every few rounds.

Every request is retried as gpseeker's client retries it (a GET or a keyed POST after
a connection error or a 502/503/504; anything after the platform's 503 "busy"), and
recorded under its route template once, with the time until its last answer: what
the user waits. Errors are requests whose last answer is a transport failure or a
status other than the one expected (200, or 201 for apply and invite); every answer,
retried or not, is counted by status. Requests started before the deadline are
waited for and counted.

With --kill-connections SECONDS (PostgreSQL only), every SECONDS of the timed parts
PostgreSQL ends all of the server's database connections (`pg_terminate_backend`, the
backends found by the client ports the server's processes hold): a fault test, where
every request must still end as expected and no write may be lost or doubled.

Afterwards, through the API: every candidate's applications, every employer's
applications and sent invitations, and every candidate's inbox are compared with
the 201s the simulator received: no application or invitation lost, none doubled.
Exits 1 on any error or mismatch. A benchmark, never a test: results in
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Awaitable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
from sqlalchemy import make_url, select

from gpseeker.client.base import nothing_changed
from gpseeker.client.retry import RETRY_STATUSES, RetryPolicy
from gpseeker.core.models import OrganisationVerify
from gpseeker.server import organisations
from gpseeker.server.db import async_url
from gpseeker.server.demo import synthetic_jobs, synthetic_profiles
from gpseeker.server.platform import Platform
from gpseeker.server.settings import ServerSettings
from gpseeker.server.tables import Employer as EmployerRow
from gpseeker.server.tables import User

T = TypeVar("T")
CLIENT_RETRY = RetryPolicy()
"""The retries and backoff of gpseeker's own client."""

API = "/api/v1"
PASSWORD = "load benchmark password"
# No bulk profile has it (demo.py's skill lists), so searching it finds exactly the
# candidates this run signed up, and their inboxes get invitations to read.
MARKER_SKILL = "Erlang"
JOBS_PER_EMPLOYER = 3
# Under the platform's cap with a margin: the cap is counted over 24 hours and every
# run signs up new employers, so one run never inherits another's count.
INVITE_BUDGET = ServerSettings().invitations_per_day - 5
SIGNUP_PARALLEL = 4

JOB_QUERIES: tuple[dict[str, Any], ...] = (
    {"q": "engineer"},
    {"q": "teacher"},
    {"q": "sales"},
    {"q": "python developer"},
    {"q": "english teacher", "region": "Kanto"},
    {"q": "kaiseki"},
    {"q": "NACCS"},
    {"q": "pyth"},
    {"sort": "newest"},
    {"prefecture": "Osaka", "remote": ["hybrid", "remote"], "sort": "salary"},
    {"posted_within_days": 7, "job_type": "full_time"},
)
BANK_QUERIES = (
    "python",
    "sales",
    "teaching",
    "customer service",
    "python aws",
    "english sales",
    "kaiseki",
    "spectroscopy",
    "aegisub",
    MARKER_SKILL.lower(),
    "",
)

ROUTES = {
    "search": "GET /api/v1/jobs",
    "open": "GET /api/v1/jobs/{job_id}",
    "apply": "POST /api/v1/jobs/{job_id}/applications",
    "inbox": "GET /api/v1/me/invitations",
    "bank": "GET /api/v1/employer/resume-bank",
    "invite": "POST /api/v1/employer/candidates/{ref}/invitations",
    "applications": "GET /api/v1/employer/applications",
}
EXPECTED = {"apply": 201, "invite": 201}


# --- pure parts (tests/unit/test_load_bench.py) --------------------------------------


def percentile(values: Iterable[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default); nan if empty."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class Sample:
    route: str
    seconds: float
    ok: bool


@dataclass(frozen=True)
class RouteStats:
    route: str
    count: int
    per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int


def route_stats(samples: Iterable[Sample], elapsed: float) -> list[RouteStats]:
    by_route: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples:
        by_route[sample.route].append(sample)
    stats = []
    for route in sorted(by_route, key=lambda name: list(ROUTES).index(name)):
        group = by_route[route]
        times = [sample.seconds * 1000 for sample in group]
        stats.append(
            RouteStats(
                route=route,
                count=len(group),
                per_second=len(group) / elapsed if elapsed > 0 else 0.0,
                p50_ms=percentile(times, 0.50),
                p95_ms=percentile(times, 0.95),
                p99_ms=percentile(times, 0.99),
                errors=sum(not sample.ok for sample in group),
            )
        )
    return stats


def summarize_runs(runs: list[tuple[list[Sample], float]]) -> dict[str, Any]:
    """Each run's figures, and per route the median of the runs' (the headline: one
    slow run, e.g. a neighbour's burst on a shared machine, does not move it)."""
    per_run: list[dict[str, Any]] = []
    for samples, elapsed in runs:
        per_run.append(
            {
                "seconds": elapsed,
                "requests": len(samples),
                "per_second": len(samples) / elapsed if elapsed > 0 else 0.0,
                "errors": sum(not sample.ok for sample in samples),
                "routes": [vars(row) for row in route_stats(samples, elapsed)],
            }
        )
    by_route: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for run in per_run:
        for row in run["routes"]:
            by_route[row["route"]].append(row)
    median_routes = [
        {
            "route": ROUTES[route],
            "count": sum(row["count"] for row in rows),
            "per_second": statistics.median(row["per_second"] for row in rows),
            "p50_ms": statistics.median(row["p50_ms"] for row in rows),
            "p95_ms": statistics.median(row["p95_ms"] for row in rows),
            "p99_ms": statistics.median(row["p99_ms"] for row in rows),
            "errors": sum(row["errors"] for row in rows),
        }
        for route, rows in sorted(by_route.items(), key=lambda item: list(ROUTES).index(item[0]))
    ]
    for run in per_run:
        for row in run["routes"]:
            row["route"] = ROUTES[row["route"]]
    return {
        "runs": per_run,
        "seconds": statistics.median(run["seconds"] for run in per_run),
        "requests": sum(run["requests"] for run in per_run),
        "per_second": statistics.median(run["per_second"] for run in per_run),
        "errors": sum(run["errors"] for run in per_run),
        "routes": median_routes,
    }


@dataclass(frozen=True)
class WriteCheck:
    """What the platform holds against what the simulator was told it created."""

    what: str
    sent: int
    held: int
    lost: int
    doubled: int
    unexpected: int

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.doubled == 0 and self.unexpected == 0


def compare_writes(what: str, sent: Iterable[int], held: Iterable[int]) -> WriteCheck:
    """`sent`: ids from 201 answers; `held`: ids the platform lists.

    Lost: sent, not held. Doubled: held more than once, or sent twice (two 201s with
    the same id would mean a repeat created nothing but said it did, which is fine
    only for an idempotent replay, and the simulator never replays after a 201).
    Unexpected: held but never sent (a retry that created a second row).
    """
    sent_counts = Counter(sent)
    held_counts = Counter(held)
    lost = sum(1 for key in sent_counts if key not in held_counts)
    doubled = sum(n - 1 for n in held_counts.values() if n > 1) + sum(
        n - 1 for n in sent_counts.values() if n > 1
    )
    unexpected = sum(1 for key in held_counts if key not in sent_counts)
    return WriteCheck(
        what=what,
        sent=sum(sent_counts.values()),
        held=sum(held_counts.values()),
        lost=lost,
        doubled=doubled,
        unexpected=unexpected,
    )


def format_report(report: dict[str, Any]) -> str:
    rates = ", ".join(f"{run['per_second']:.1f}" for run in report["runs"])
    lines = [
        f"{report['store']}, {report['workers']} worker(s), concurrency "
        f"{report['concurrency']}, {len(report['runs'])} run(s) of {report['seconds']:.1f} s "
        f"(req/s: {rates}); load average "
        f"{report['load_average'][0]:.1f} before, {report['load_average'][1]:.1f} after; "
        f"the load generator used {report['generator_cpu_seconds']:.1f} s of CPU",
        "",
        "per route, the median of the runs (count and errors: all runs):",
        f"{'route':<52} {'count':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'p99 ms':>7} {'errors':>6}",
    ]
    for row in report["routes"]:
        lines.append(
            f"{row['route']:<52} {row['count']:>7} {row['per_second']:>7.1f} "
            f"{row['p50_ms']:>7.1f} {row['p95_ms']:>7.1f} {row['p99_ms']:>7.1f} "
            f"{row['errors']:>6}"
        )
    lines.append(
        f"{'total':<52} {report['requests']:>7} {report['per_second']:>7.1f} "
        f"{'':>7} {'':>7} {'':>7} {report['errors']:>6}"
    )
    lines.append("")
    for check in report["checks"]:
        verdict = "ok" if check["ok"] else "MISMATCH"
        lines.append(
            f"{check['what']}: sent {check['sent']}, held {check['held']}, lost "
            f"{check['lost']}, doubled {check['doubled']}, unexpected "
            f"{check['unexpected']}: {verdict}"
        )
    killed = report.get("connections_killed")
    if killed:
        lines.append(
            f"database connections ended every {killed['every_seconds']:g} s: "
            f"{killed['ended']} in {killed['rounds']} rounds"
        )
    for example in report["error_examples"]:
        lines.append(f"error: {example}")
    return "\n".join(lines)


# --- the simulation ------------------------------------------------------------------


@dataclass
class Candidate:
    email: str
    token: str
    applied: dict[int, int] = field(default_factory=dict)
    """job id -> application id, from 201 answers."""


@dataclass
class Employer:
    email: str
    token: str
    job_ids: list[int]
    invited: dict[str, int] = field(default_factory=dict)
    """candidate ref -> invitation id, from 201 answers."""


@dataclass
class Recorder:
    samples: list[Sample] = field(default_factory=list)
    error_examples: list[str] = field(default_factory=list)
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)

    def add(self, route: str, seconds: float, ok: bool, detail: str = "") -> None:
        self.samples.append(Sample(route, seconds, ok))
        if not ok and len(self.error_examples) < 10:
            self.error_examples.append(f"{ROUTES[route]}: {detail}")


async def call(
    http: httpx.AsyncClient,
    recorder: Recorder,
    route: str,
    method: str,
    path: str,
    **options: Any,
) -> httpx.Response | None:
    """One request as gpseeker's client makes it, timed and judged as its user meets it.

    Retried when the client would retry (a GET or a POST with an Idempotency-Key after
    a connection error or a 502/503/504; any request after the platform's 503 "busy",
    which promises nothing changed), with the client's own backoff. One sample per
    call: the time until the last answer, an error only if that answer is; every
    answer, retried or not, is counted in `statuses`."""
    expected = EXPECTED.get(route, 200)
    may_repeat = method != "POST" or "Idempotency-Key" in options.get("headers", {})
    started = time.perf_counter()
    tries = 0
    while True:
        tries += 1
        last_try = tries >= CLIENT_RETRY.attempts
        try:
            response = await http.request(method, path, **options)
        except httpx.TransportError as problem:
            if last_try or not may_repeat:
                recorder.add(route, time.perf_counter() - started, False, repr(problem))
                return None
        else:
            recorder.statuses[(route, response.status_code)] += 1
            repeatable = may_repeat or nothing_changed(response)
            if response.status_code not in RETRY_STATUSES or last_try or not repeatable:
                elapsed = time.perf_counter() - started
                ok = response.status_code == expected
                detail = f"{response.status_code} after {elapsed * 1000:,.0f} ms"
                recorder.add(route, elapsed, ok, f"{detail}: {response.text[:200]}")
                return response if ok else None
        await asyncio.sleep(CLIENT_RETRY.delay(tries))


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def candidate_loop(
    http: httpx.AsyncClient,
    me: Candidate,
    employers: list[Employer],
    recorder: Recorder,
    deadline: float,
    rng: random.Random,
) -> None:
    own_jobs = [job for employer in employers for job in employer.job_ids]
    round_number = 0
    while time.perf_counter() < deadline:
        round_number += 1
        params = rng.choice(JOB_QUERIES)
        page = await call(http, recorder, "search", "GET", f"{API}/jobs", params=params)
        choices = [] if page is None else [job["id"] for job in page.json()["items"]]
        if rng.random() < 0.15:
            choices = own_jobs
        fresh = [job for job in choices if job not in me.applied]
        if fresh and time.perf_counter() < deadline:
            job_id = rng.choice(fresh)
            opened = await call(http, recorder, "open", "GET", f"{API}/jobs/{job_id}")
            if opened is not None and rng.random() < 0.5 and time.perf_counter() < deadline:
                answer = await call(
                    http,
                    recorder,
                    "apply",
                    "POST",
                    f"{API}/jobs/{job_id}/applications",
                    json={"cover_note": "I would like to apply; my profile has the details."},
                    headers={"Idempotency-Key": str(uuid.uuid4())},
                )
                if answer is not None:
                    me.applied[job_id] = answer.json()["id"]
        if round_number % 3 == 0 and time.perf_counter() < deadline:
            await call(http, recorder, "inbox", "GET", f"{API}/me/invitations")


async def employer_loop(
    http: httpx.AsyncClient,
    me: Employer,
    recorder: Recorder,
    started: float,
    deadline: float,
    rng: random.Random,
    budget: int,
) -> None:
    """`budget`: how many invitations this employer may have sent by the deadline."""
    before = len(me.invited)
    round_number = 0
    while time.perf_counter() < deadline:
        round_number += 1
        query = rng.choice(BANK_QUERIES)
        page = await call(
            http, recorder, "bank", "GET", f"{API}/employer/resume-bank", params={"q": query}
        )
        refs = [] if page is None else [hit["candidate_ref"] for hit in page.json()["items"]]
        fresh = [ref for ref in refs if ref not in me.invited]
        # Paced: by now, at most this share of the budget; so invitations are spread
        # over the run instead of all landing in its first seconds.
        share = (time.perf_counter() - started) / max(deadline - started, 1e-9)
        if fresh and len(me.invited) < min(budget, before + (budget - before) * share + 1):
            ref = rng.choice(fresh)
            answer = await call(
                http,
                recorder,
                "invite",
                "POST",
                f"{API}/employer/candidates/{ref}/invitations",
                json={
                    "subject": "Would you like to talk about a role with us?",
                    "body": "We found your profile in the resume bank and think you would "
                    "fit one of our open positions. Reply here if you are interested.",
                    "job_id": rng.choice(me.job_ids),
                },
                headers={"Idempotency-Key": str(uuid.uuid4())},
            )
            if answer is not None:
                me.invited[ref] = answer.json()["id"]
        if round_number % 4 == 0 and time.perf_counter() < deadline:
            await call(http, recorder, "applications", "GET", f"{API}/employer/applications")


def new_client(base_url: str, token: str | None = None) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url,
        headers=bearer(token) if token else {},
        timeout=httpx.Timeout(30.0),
        limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
    )


async def sign_up(http: httpx.AsyncClient, body: dict[str, Any]) -> str:
    """Sign up, then in (a sign-up answers 202 alike for every address); the token.

    The platform must make accounts without a mailed code: `served` starts it with
    --no-email-verification, and a server given with --url must run so. Its 503
    "busy" (the password hasher's line was full) is retried as the client does."""

    async def post(path: str, json: dict[str, Any]) -> httpx.Response:
        for tries in range(1, 20):
            response = await http.post(f"{API}{path}", json=json)
            if not nothing_changed(response):
                break
            await asyncio.sleep(CLIENT_RETRY.delay(tries))
        response.raise_for_status()
        return response

    started = await post("/auth/signup", body)
    if started.json()["code_required"]:
        raise SystemExit("the platform mails sign-up codes: serve it with --no-email-verification")
    login = await post("/auth/login", {"email": body["email"], "password": body["password"]})
    token: str = login.json()["token"]
    return token


async def make_candidate(base_url: str, email: str, profile: dict[str, Any]) -> Candidate:
    async with new_client(base_url) as http:
        token = await sign_up(
            http, {"email": email, "password": PASSWORD, "full_name": "Load Candidate"}
        )
        headers = bearer(token)
        current = await http.get(f"{API}/me/profile", headers=headers)
        current.raise_for_status()
        saved = await http.put(
            f"{API}/me/profile",
            json=profile,
            headers={**headers, "If-Match": current.headers["ETag"]},
        )
        saved.raise_for_status()
        visible = await http.put(
            f"{API}/me/visibility", json={"resume": "searchable"}, headers=headers
        )
        visible.raise_for_status()
    return Candidate(email=email, token=token)


async def make_employer(base_url: str, email: str, company: str, jobs: list[Any]) -> Employer:
    async with new_client(base_url) as http:
        token = await sign_up(
            http,
            {"email": email, "password": PASSWORD, "role": "employer", "company_name": company},
        )
        job_ids = []
        for draft in jobs:
            posted = await http.post(
                f"{API}/employer/jobs",
                json=draft.model_dump(mode="json"),
                headers={**bearer(token), "Idempotency-Key": str(uuid.uuid4())},
            )
            posted.raise_for_status()
            job_ids.append(posted.json()["id"])
    return Employer(email=email, token=token, job_ids=job_ids)


async def verify_organisations(database: str, emails: list[str]) -> None:
    """What the operator does for a new organisation, on the database directly."""
    platform = Platform(database, ServerSettings())
    await platform.start()
    try:
        async with platform.sessions() as session:
            found = await session.execute(
                select(EmployerRow.organisation_id, EmployerRow.typed_company_name)
                .join(User, User.id == EmployerRow.user_id)
                .where(User.email.in_(emails))
            )
            for organisation_id, name in found.all():
                await organisations.verify(
                    session,
                    platform.settings.now(),
                    organisation_id,
                    OrganisationVerify(legal_name=name),
                )
            await session.commit()
    finally:
        await platform.aclose()


async def make_actors(
    base_url: str, candidates: int, employers: int, run_id: str, seed: int
) -> tuple[list[Candidate], list[Employer]]:
    limit = asyncio.Semaphore(SIGNUP_PARALLEL)

    async def limited(coroutine: Awaitable[T]) -> T:
        async with limit:
            return await coroutine

    profiles = []
    for number, profile in enumerate(synthetic_profiles(candidates, seed=seed + 7)):
        email = f"load-{run_id}-c{number}@bench.example"
        profile = profile.model_copy(
            update={
                "identity": profile.identity.model_copy(update={"email": email}),
                "skills": [*profile.skills[:9], MARKER_SKILL],
            }
        )
        profiles.append((email, profile.model_dump(mode="json")))
    drafts = list(synthetic_jobs(employers * JOBS_PER_EMPLOYER, seed=seed + 11))
    made_candidates = await asyncio.gather(
        *(limited(make_candidate(base_url, email, body)) for email, body in profiles)
    )
    made_employers = await asyncio.gather(
        *(
            limited(
                make_employer(
                    base_url,
                    # A domain each: every load employer is an organisation of its own.
                    f"hr@e{number}.load-{run_id}.bench.example",
                    f"Load Test {run_id} {number} K.K.",
                    drafts[number * JOBS_PER_EMPLOYER : (number + 1) * JOBS_PER_EMPLOYER],
                )
            )
            for number in range(employers)
        )
    )
    return list(made_candidates), list(made_employers)


async def verify(
    base_url: str, candidates: list[Candidate], employers: list[Employer]
) -> list[WriteCheck]:
    sent_applications = [i for c in candidates for i in c.applied.values()]
    sent_invitations = [i for e in employers for i in e.invited.values()]
    own_jobs = {job: e for e in employers for job in e.job_ids}
    sent_to_own = [i for c in candidates for job, i in c.applied.items() if job in own_jobs]
    held_applications: list[int] = []
    held_inbox: list[int] = []
    held_by_employers: list[int] = []
    held_sent: list[int] = []
    for candidate in candidates:
        async with new_client(base_url, candidate.token) as http:
            mine = await http.get(f"{API}/me/applications")
            mine.raise_for_status()
            held_applications += [row["id"] for row in mine.json()]
            inbox = await http.get(f"{API}/me/invitations")
            inbox.raise_for_status()
            held_inbox += [row["id"] for row in inbox.json()]
    for employer in employers:
        async with new_client(base_url, employer.token) as http:
            received = await http.get(f"{API}/employer/applications")
            received.raise_for_status()
            held_by_employers += [row["id"] for row in received.json()]
            sent = await http.get(f"{API}/employer/invitations")
            sent.raise_for_status()
            held_sent += [row["id"] for row in sent.json()]
    # The inboxes hold only what was sent to the load candidates (the rest went to
    # bulk candidates, who never sign in): every one of them must be a sent one.
    sent_set = set(sent_invitations)
    inbox_check = WriteCheck(
        what="invitations in the load candidates' inboxes",
        sent=sum(1 for i in held_inbox if i in sent_set),
        held=len(held_inbox),
        lost=0,
        doubled=len(held_inbox) - len(set(held_inbox)),
        unexpected=sum(1 for i in held_inbox if i not in sent_set),
    )
    return [
        compare_writes("applications (candidates' lists)", sent_applications, held_applications),
        compare_writes("applications (employers' lists)", sent_to_own, held_by_employers),
        compare_writes("invitations (employers' sent lists)", sent_invitations, held_sent),
        inbox_check,
    ]


@dataclass
class RunResult:
    recorder: Recorder
    elapsed: float


async def run_load(
    base_url: str,
    *,
    concurrency: int,
    employer_share: float,
    seconds: float,
    runs: int,
    seed: int,
    database: str | None = None,
    killer: ConnectionKiller | None = None,
) -> tuple[list[RunResult], list[Candidate], list[Employer]]:
    """Sign the actors up, then `runs` timed parts of `seconds` with the same actors
    (who never apply to a job twice, and share the invitation budget between runs).

    The employers' organisations are verified on `database`, as the platform's
    operator would; against a bare --url the operator must do it
    (`gpseeker operator verify`), or every employer request is a 403."""
    employers_count = max(1, round(concurrency * employer_share))
    candidates_count = max(1, concurrency - employers_count)
    run_id = secrets.token_hex(3)
    setup_started = time.perf_counter()
    candidates, employers = await make_actors(
        base_url, candidates_count, employers_count, run_id, seed
    )
    if database is not None:
        await verify_organisations(database, [employer.email for employer in employers])
    print(
        f"{len(candidates)} candidates and {len(employers)} employers signed up in "
        f"{time.perf_counter() - setup_started:.1f} s; {runs} x {seconds:g} s",
        file=sys.stderr,
    )
    rng = random.Random(seed)
    tokens = [candidate.token for candidate in candidates] + [e.token for e in employers]
    clients = [new_client(base_url, token) for token in tokens]
    results = []
    if killer is not None:
        await killer.start()
    for run in range(runs):
        recorder = Recorder()
        started = time.perf_counter()
        deadline = started + seconds
        budget = INVITE_BUDGET * (run + 1) // runs
        tasks = [
            candidate_loop(
                clients[number],
                candidate,
                employers,
                recorder,
                deadline,
                random.Random(rng.random()),
            )
            for number, candidate in enumerate(candidates)
        ] + [
            employer_loop(
                clients[len(candidates) + number],
                employer,
                recorder,
                started,
                deadline,
                random.Random(rng.random()),
                budget,
            )
            for number, employer in enumerate(employers)
        ]
        await asyncio.gather(*tasks)
        results.append(RunResult(recorder, time.perf_counter() - started))
        print(
            f"run {run + 1}: {len(recorder.samples) / results[-1].elapsed:.1f} req/s",
            file=sys.stderr,
        )
    if killer is not None:
        await killer.stop()
    for client in clients:
        await client.aclose()
    return results, candidates, employers


# --- faults: PostgreSQL ending the server's connections ------------------------------


def process_tree(root: int) -> set[int]:
    """`root` and every process below it (serve's workers), from Linux's /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # The command name may hold spaces: the parent id is the second field
            # after its closing parenthesis.
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
    tree = {root}
    grew = True
    while grew:
        below = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= below
        grew = bool(below)
    return tree


def local_tcp_ports(pids: Iterable[int]) -> set[int]:
    """The local ports of the TCP sockets these processes hold (their connections to
    PostgreSQL among them), from /proc: which backends are this server's."""
    inodes: set[str] = set()
    for pid in pids:
        with contextlib.suppress(OSError):
            for descriptor in Path(f"/proc/{pid}/fd").iterdir():
                with contextlib.suppress(OSError):
                    target = os.readlink(descriptor)
                    if target.startswith("socket:["):
                        inodes.add(target.removeprefix("socket:[").removesuffix("]"))
    ports: set[int] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if len(fields) > 9 and fields[9] in inodes:
                    ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


@dataclass
class ConnectionKiller:
    """Every `every` seconds, PostgreSQL ends all of the served platform's connections
    (`pg_terminate_backend`, as a restart or an operator would), and only those: the
    backends whose client port belongs to the server's processes."""

    database: str
    server_pid: int
    every: float
    ended: int = 0
    rounds: int = 0
    _task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._kill())

    async def stop(self) -> int:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        return self.ended

    async def _kill(self) -> None:
        import asyncpg

        url = make_url(self.database).difference_update_query(["schema"])
        admin = await asyncpg.connect(url.set(drivername="postgresql").render_as_string(False))
        try:
            while True:
                await asyncio.sleep(self.every)
                self.ended += await end_connections(admin, self.server_pid)
                self.rounds += 1
        finally:
            await admin.close()


async def end_connections(admin: Any, server_pid: int) -> int:
    """End every PostgreSQL connection of the server `server_pid` (and its workers),
    and none of anyone else's, over `admin` (an asyncpg connection to the same
    PostgreSQL): how many were ended. Also used by the fault suite (tests/e2e)."""
    ports = local_tcp_ports(process_tree(server_pid))
    ended = await admin.fetchval(
        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
        "FROM pg_stat_activity WHERE client_port = ANY($1::int[]) "
        "AND pid <> pg_backend_pid()",
        sorted(ports),
    )
    return int(ended)


# --- the server ----------------------------------------------------------------------


@contextlib.contextmanager
def served(database: str, workers: int, log: Path) -> Iterator[tuple[str, int]]:
    """`gpseeker serve` on a free loopback port; yields its base URL and process id,
    stops it after."""
    command = [
        str(Path(sys.executable).with_name("gpseeker")),
        "serve",
        "--db",
        database,
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--mail-every",
        "0",
        # The actors sign up and straight in: the benchmark reads nobody's mail.
        "--no-email-verification",
        "--log-level",
        "warning",
    ]
    if workers != 1:
        command += ["--workers", str(workers)]
    with tempfile.TemporaryDirectory(prefix="gpload-home-") as home:
        # Its own data directory: the mail folder and anything else serve makes go
        # there, never into the user's real one.
        environment = {**os.environ, "GPSEEKER_HOME": home}
        with log.open("w") as log_file:
            process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=log_file,
                env=environment,
                text=True,
            )
            try:
                yield wait_for_address(process, log), process.pid
            finally:
                process.send_signal(signal.SIGINT)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def wait_for_address(process: subprocess.Popen[str], log: Path) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if "listening on " in line:
            address = line.rsplit("listening on ", 1)[1].strip()
            # Nobody reads the rest, but a full pipe would block the server.
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return address
    raise SystemExit(f"gpseeker serve did not start; its log: {log}\n{log.read_text()[-2000:]}")


async def wait_until_up(base_url: str) -> None:
    """Workers may still be starting after the listening line."""
    async with httpx.AsyncClient(base_url=base_url) as http:
        for _ in range(200):
            with contextlib.suppress(httpx.TransportError):
                if (await http.get("/openapi.json")).status_code == 200:
                    return
            await asyncio.sleep(0.1)
    raise SystemExit(f"{base_url} does not answer")


def store_name(database: str | None, url: str | None) -> str:
    if database is None:
        return f"server at {url}"
    return "PostgreSQL" if database.startswith(("postgres", "postgresql")) else "SQLite"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join((__doc__ or "").splitlines()[1:17]),
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--db",
        metavar="URL",
        help="database to serve (SQLite path or URL, PostgreSQL URL); filled beforehand "
        "by bench/load_data.py",
    )
    target.add_argument("--url", help="base URL of a running gpseeker server instead")
    parser.add_argument(
        "--workers", type=int, default=1, help="gpseeker serve --workers (default 1)"
    )
    parser.add_argument(
        "--seconds", type=float, default=30.0, help="length of the timed part (default 30)"
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=48,
        help="simulated users at once, each its own account and connection (default 48)",
    )
    parser.add_argument(
        "--employer-share",
        type=float,
        default=1 / 6,
        help="share of the simulated users who are employers (default 1/6)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="timed parts, one after another with the same server and actors; the "
        "report gives each and the median (default 1)",
    )
    parser.add_argument(
        "--kill-connections",
        type=float,
        metavar="SECONDS",
        help="PostgreSQL --db only: every SECONDS of the timed parts, end all of the "
        "server's database connections (pg_terminate_backend); a fault test, not a "
        "benchmark",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the mix (default 1)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--server-log",
        type=Path,
        default=Path(tempfile.gettempdir()) / "gpseeker-load-server.log",
        help="where the server's stderr goes (default: gpseeker-load-server.log in the "
        "temporary directory)",
    )
    args = parser.parse_args()
    if (
        not 0 < args.employer_share < 1
        or args.concurrency < 2
        or args.seconds <= 0
        or args.runs < 1
    ):
        parser.error(
            "need 0 < --employer-share < 1, --concurrency >= 2, --seconds > 0, --runs >= 1"
        )

    if args.kill_connections is not None and (
        args.kill_connections <= 0 or not args.db or store_name(args.db, None) != "PostgreSQL"
    ):
        parser.error("--kill-connections needs a PostgreSQL --db and SECONDS > 0")

    async def against(
        base_url: str, killer: ConnectionKiller | None = None
    ) -> tuple[list[RunResult], list[WriteCheck]]:
        await wait_until_up(base_url)
        results, candidates, employers = await run_load(
            base_url,
            concurrency=args.concurrency,
            employer_share=args.employer_share,
            seconds=args.seconds,
            runs=args.runs,
            seed=args.seed,
            database=database,
            killer=killer,
        )
        return results, await verify(base_url, candidates, employers)

    load_before = os.getloadavg()[0]
    cpu_before = time.process_time()
    database = async_url(args.db) if args.db else None
    killer: ConnectionKiller | None = None
    if database is not None:
        with served(database, args.workers, args.server_log) as (base_url, server_pid):
            if args.kill_connections is not None:
                killer = ConnectionKiller(database, server_pid, args.kill_connections)
            results, checks = asyncio.run(against(base_url, killer))
    else:
        results, checks = asyncio.run(against(args.url))
    report = {
        "store": store_name(args.db, args.url),
        "workers": args.workers,
        "concurrency": args.concurrency,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        **summarize_runs([(result.recorder.samples, result.elapsed) for result in results]),
        "statuses": {
            f"{ROUTES[route]} {status}": count
            for (route, status), count in sorted(
                sum((result.recorder.statuses for result in results), Counter()).items()
            )
        },
        "checks": [{**vars(check), "ok": check.ok} for check in checks],
        "error_examples": [e for result in results for e in result.recorder.error_examples][:10],
        # The machine is shared: a busy neighbour shows here, not in the figures.
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        # The generator shares the two cores with the server: what it took itself
        # (signups and the check included, so an upper bound for the timed parts).
        "generator_cpu_seconds": round(time.process_time() - cpu_before, 1),
        "connections_killed": None
        if killer is None
        else {"every_seconds": killer.every, "rounds": killer.rounds, "ended": killer.ended},
    }
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    failed = report["errors"] or not all(check.ok for check in checks)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
