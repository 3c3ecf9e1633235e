"""What the leak guard costs (issue 13), in process and in a server under hostile views.

    .venv/bin/python bench/leak_guard.py                 # about 2 minutes
    .venv/bin/python bench/leak_guard.py --json          # the same, as JSON
    .venv/bin/python bench/leak_guard.py --quick         # a smoke run, under 30 s
    .venv/bin/python bench/leak_guard.py --skip-server   # the in-process parts only
    .venv/bin/python bench/leak_guard.py --rev 03a8a9e   # gpseeker as committed there

Without --rev it measures the working tree's gpseeker (what is being changed); with
--rev, gpseeker as committed at that revision (git archive into a temporary
directory, first on PYTHONPATH for this process and the server it starts), so the
"before" and "after" columns can be measured in one sitting on one machine.

In process, through `gpseeker.core.privacy.employer_view(profile, visibility, "search",
ref, today=...)`, the function every employer-facing response goes through:

1. realistic profiles: --profiles synthetic profiles (`synthetic_profiles(n,
   seed=--seed)`, visibility choices drawn per profile), each masked once per run;
   p50 and p95 of the per-profile times in ms;
2. long ordinary text on one realistic profile (name, e-mail, phone, address and
   current company all set): a summary of 5,000 characters, then 55,000 characters
   over the summary and ten experience descriptions of 5,000 each (the models'
   limit per field is 5,000), built from realistic sentences in English and
   Japanese, a few of which name the current company or a past employer; ms per
   view;
3. the hostile profile of the issue: the summary and 30 experience descriptions
   each "(0) " repeated 1,250 times (5,000 characters, at the per-field limit) and
   50 digit-only skills (60 digits, the longest a skill may be); ms of CPU per view
   (process time) beside the wall time. If the models refuse that size, the largest
   size they accept is used and reported.

Then, unless --skip-server, against a real `gpseeker serve` (a fresh SQLite file in a
temporary directory, --port 0, 127.0.0.1 only, started as bench/load.py starts it):
a candidate signs up, saves the hostile profile and turns searchable (if the API
refuses the size with a 422, the largest it accepts is used and reported); an
employer signs up, its organisation is verified on the database as the operator
would (bench/load.py's `verify_organisations`), and finds the candidate's reference
in the resume bank. Then for --seconds, --runs times: --clients connections loop
on `GET /api/v1/employer/resume-bank/{ref}` (the hostile employer view) while one
more polls `GET /api/v1/health` every --poll-interval seconds. Reported: health
p50 / p95 / max and the views' p50 (every answer, as long as the employer waited for
it), in ms; how many polls and views were answered; and how many answers were 503
"busy" (a view records that the employer looked, and that write gave up waiting for
SQLite's lock while the event loop was busy masking). Any other answer but 200
stops the benchmark.

Each measure runs --runs times (after one untimed warm-up); the table gives the
median of the runs and the fastest and slowest run. Short cases are repeated within
a run until it lasts --min-run-ms and averaged. A benchmark, never a test: run by
hand, results in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib.util
import json
import os
import platform
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
from pydantic import ValidationError

import gpseeker
from gpseeker.core.models import Profile, Visibility
from gpseeker.core.privacy import employer_view
from gpseeker.server.db import async_url
from gpseeker.server.demo import synthetic_profiles

ROOT = Path(__file__).resolve().parent.parent
API = "/api/v1"
TODAY = dt.date(2026, 11, 27)
PASSWORD = "leak guard benchmark password"
# Set by --rev for the benchmark it runs again on the extracted copy.
SOURCE_ENV = "GPSEEKER_BENCH_SOURCE"
REV_ENV = "GPSEEKER_BENCH_REV"

HOSTILE_UNIT = "(0) "
HOSTILE_REPEATS = 1250
HOSTILE_ENTRIES = 30
HOSTILE_SKILLS = 50
HOSTILE_SKILL_DIGITS = 60
FIELD_CHARS = 5000
FREE_TEXT_ENTRIES = 10  # + the summary: 11 fields of 5,000 = 55,000 characters

# What people write in a resume summary or a job description. {company} is the
# candidate's current company, {past} a past employer, {city} where they live: real
# resumes name them now and then, so the guard has something to hide.
SENTENCES = (
    "I have {years} years of experience in {skill} and enjoy turning vague requests "
    "into working software that people actually use.",
    "At {company} I lead a team of five and report to the head of product.",
    "Before that I spent three years at {past}, where I moved our release process "
    "from monthly to weekly.",
    "I passed JLPT N2 in 2019 and use Japanese every day in meetings with clients and suppliers.",
    "Our team cut the monthly close from nine working days to four by automating "
    "reconciliations in Excel and Python.",
    "I am looking for a full-time role in the Kanto area, ideally hybrid with two or "
    "three days at the office.",
    "I handled around 120 customer calls a day and kept satisfaction above 92% for "
    "six consecutive quarters.",
    "I wrote the onboarding guide that every new hire in the department still reads "
    "in their first week.",
    "Responsible for scheduling 40 part-time staff across two shifts, including "
    "weekends and public holidays.",
    "I migrated a legacy order system to PostgreSQL 15 with zero downtime over a "
    "single weekend in March 2023.",
    "I taught English to classes of up to 35 students aged 12 to 15 and prepared "
    "them for the Eiken grade 3 test.",
    "Worked closely with the sales department in {city} to launch the spring "
    "campaign, which raised orders by 18%.",
    "I enjoy mentoring junior colleagues and run a weekly study group on testing and code review.",
    "My current visa is Engineer/Specialist in Humanities/International Services, "
    "valid until 2027.",
    "In my spare time I contribute documentation to open-source projects and help "
    "organise a local meetup.",
    "I negotiated annual contracts worth about 40 million yen with logistics "
    "partners in Osaka and Fukuoka.",
    "The project reference was PRJ-2291-B; it shipped two weeks early and under budget.",
    "I prefer clear written specifications, short feedback loops and a calm, "
    "respectful team culture.",
    "I supported the dot-com era systems that still run payroll for 3,000 employees, "
    "and replaced half of them.",
    "Managed the kitchen of a 60-seat restaurant, including ordering, hygiene "
    "inspections and seasonal menus.",
    "I speak English natively, Japanese at business level and some conversational Spanish.",
    "Designed a data pipeline on AWS (Lambda, S3, Athena) that processes 2 TB of logs every night.",
    "I am available from April and can relocate anywhere in Japan for the right position.",
    "Coordinated translation of product manuals between Japanese and English for "
    "three hardware releases.",
    "Led the ISO 9001 audit preparation and closed all 14 findings within the agreed deadline.",
    "I am comfortable presenting to executives and explaining technical trade-offs without jargon.",
    "Built internal dashboards in Tableau that replaced a stack of weekly spreadsheets.",
    "Trained 25 new cabin crew members on safety procedures and customer service standards.",
    "東京のIT企業で5年間、バックエンドエンジニアとして勤務しました。",
    "チームリーダーとして新人教育とコードレビューを担当しています。",
    "顧客対応では丁寧な説明を心がけ、リピート率の向上に貢献しました。",
    "2021年に基本情報技術者試験に合格しました。",
    "現在は{company}で営業企画を担当しています。",
    "英語と日本語のバイリンガル環境での仕事を希望しています。",
)


# --- statistics ----------------------------------------------------------------------


def percentile(values: Iterable[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks (as bench/load.py); nan if empty."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class Measure:
    """One figure: its value in each run, reported as the median of the runs."""

    name: str
    unit: str
    runs: list[float] = field(default_factory=list)
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "median": statistics.median(self.runs) if self.runs else None,
            "min": min(self.runs, default=None),
            "max": max(self.runs, default=None),
            "runs": [round(value, 3) for value in self.runs],
            "note": self.note,
        }


def format_table(report: dict[str, Any]) -> str:
    machine = report["machine"]
    lines = [
        f"leak guard, gpseeker/core/privacy.py as of {machine['privacy_py']}; "
        f"{machine['cpus']} CPUs, Python {machine['python']}, {report['date']}; "
        f"load average {machine['load_average'][0]:.2f} before, "
        f"{machine['load_average'][1]:.2f} after",
        "",
        f"{'measure':<64} {'runs':>4} {'median':>9} {'min':>9} {'max':>9}  unit",
    ]
    for row in report["measures"]:
        if row["median"] is None:
            continue
        lines.append(
            f"{row['name']:<64} {len(row['runs']):>4} {row['median']:>9.2f} "
            f"{row['min']:>9.2f} {row['max']:>9.2f}  {row['unit']}"
        )
    notes = [row["note"] for row in report["measures"] if row["note"]]
    if notes:
        lines.append("")
        lines.extend(f"note: {note}" for note in dict.fromkeys(notes))
    return "\n".join(lines)


# --- the profiles --------------------------------------------------------------------


def realistic_text(rng: random.Random, slots: dict[str, str], length: int) -> str:
    """`length` characters of resume prose: shuffled sentences in short paragraphs."""
    paragraphs: list[str] = []
    size = 0
    while size < length:
        order = rng.sample(SENTENCES, len(SENTENCES))
        for start in range(0, len(order), 5):
            paragraph = " ".join(s.format(**slots) for s in order[start : start + 5])
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:length]


def largest_accepted(accepts: Callable[[int], bool], want: int) -> int:
    """`want` if accepted, else the largest smaller size that is (bisection; 0 if none)."""
    if accepts(want):
        return want
    low, high = 0, want  # accepts(low) assumed, accepts(high) false
    while high - low > 1:
        middle = (low + high) // 2
        if accepts(middle):
            low = middle
        else:
            high = middle
    return low


def validated(data: dict[str, Any]) -> Profile | None:
    try:
        return Profile.model_validate(data)
    except ValidationError:
        return None


@dataclass(frozen=True)
class Subjects:
    profiles: list[Profile]
    visibilities: list[Visibility]
    base: Profile
    other_entries: list[dict[str, Any]]
    slots: dict[str, str]


def subjects(count: int, seed: int) -> Subjects:
    profiles = list(synthetic_profiles(max(count, 50), seed=seed))
    rng = random.Random(seed)
    visibilities = [
        Visibility(
            resume="searchable",
            show_past_companies=rng.random() < 0.5,
            show_age=rng.random() < 0.3,
            show_gender=rng.random() < 0.3,
            show_nationality=rng.random() < 0.3,
        )
        for _ in profiles
    ]
    # One that gives the guard every pattern: name, e-mail, phone, address, company.
    base = next(
        p
        for p in profiles
        if p.identity.phone and p.identity.address and p.identity.current_company
    )
    others = []
    for profile in profiles:
        if profile is base:
            continue
        for entry in profile.experience:
            # Past jobs only: a second current job would add a current company.
            ended = (
                entry if entry.end is not None else entry.model_copy(update={"end": entry.start})
            )
            others.append(ended.model_dump(mode="json"))
    past = next((e.company for e in base.experience[1:] if e.company), "Hikari Trading")
    address = base.identity.address
    slots = {
        "company": base.identity.current_company or "",
        "past": past,
        "city": (address.city if address else "") or "Osaka",
        "skill": base.skills[0] if base.skills else "Python",
        "years": "7",
    }
    return Subjects(profiles[:count], visibilities[:count], base, others, slots)


def long_text_profile(subject: Subjects, entries: int, chars: int, seed: int) -> Profile | None:
    """The base profile with a summary and `entries` experience descriptions of
    `chars` realistic characters each (its own first job kept first)."""
    rng = random.Random(seed)
    data = subject.base.model_dump(mode="json")
    data["summary"] = realistic_text(rng, subject.slots, chars)
    own = data["experience"][:1]
    chosen = own + subject.other_entries[: max(0, entries - len(own))]
    data["experience"] = [
        {**entry, "description": realistic_text(rng, subject.slots, chars)}
        for entry in chosen[:entries]
    ]
    return validated(data)


def hostile_profile(subject: Subjects, repeats: int) -> Profile | None:
    """The issue's hostile profile with each text field `HOSTILE_UNIT * repeats`."""
    data = subject.base.model_dump(mode="json")
    text = HOSTILE_UNIT * repeats
    data["summary"] = text
    entries = (data["experience"][:1] + subject.other_entries)[:HOSTILE_ENTRIES]
    data["experience"] = [{**entry, "description": text} for entry in entries]
    rng = random.Random(13)
    data["skills"] = [
        str(rng.randint(1, 9)) + "".join(rng.choices("0123456789", k=HOSTILE_SKILL_DIGITS - 1))
        for _ in range(HOSTILE_SKILLS)
    ]
    return validated(data)


def fitted(build: Callable[[int], Profile | None], want: int) -> tuple[Profile, int]:
    size = largest_accepted(lambda n: build(n) is not None, want)
    profile = build(size)
    if profile is None:
        raise SystemExit("the models accept no profile of this shape at all")
    return profile, size


# --- in process ----------------------------------------------------------------------


def view(profile: Profile, visibility: Visibility, ref: str = "bench-ref") -> None:
    employer_view(profile, visibility, "search", ref, today=TODAY)


def per_view_ms(call: Callable[[], None], min_run_ms: float) -> tuple[float, float]:
    """Wall and CPU ms per call, averaged over as many calls as fill `min_run_ms`."""
    calls = 0
    wall_started, cpu_started = time.perf_counter(), time.process_time()
    while True:
        call()
        calls += 1
        wall = (time.perf_counter() - wall_started) * 1000
        if wall >= min_run_ms:
            cpu = (time.process_time() - cpu_started) * 1000
            return wall / calls, cpu / calls


def in_process(args: argparse.Namespace, subject: Subjects) -> list[Measure]:
    count = len(subject.profiles)
    p50 = Measure(f"realistic profile ({count} synthetic): p50", "ms per profile")
    p95 = Measure(f"realistic profile ({count} synthetic): p95", "ms per profile")
    pairs = list(zip(subject.profiles, subject.visibilities, strict=True))
    for profile, visibility in pairs[:20]:  # warm-up: imports, compiled patterns
        view(profile, visibility)
    for _ in range(args.runs):
        times = []
        for number, (profile, visibility) in enumerate(pairs):
            started = time.perf_counter()
            view(profile, visibility, f"ref-{number}")
            times.append((time.perf_counter() - started) * 1000)
        p50.runs.append(percentile(times, 0.50))
        p95.runs.append(percentile(times, 0.95))
    print(f"realistic profiles: p50 {statistics.median(p50.runs):.2f} ms", file=sys.stderr)
    measures = [p50, p95]

    visibility = Visibility(resume="searchable")
    summary, summary_chars = fitted(
        lambda n: long_text_profile(subject, 0, n, args.seed), FIELD_CHARS
    )
    free, free_chars = fitted(
        lambda n: long_text_profile(subject, FREE_TEXT_ENTRIES, n, args.seed), FIELD_CHARS
    )
    hostile, repeats = fitted(lambda n: hostile_profile(subject, n), HOSTILE_REPEATS)
    total_free = free_chars * (FREE_TEXT_ENTRIES + 1)
    hostile_note = (
        ""
        if repeats == HOSTILE_REPEATS
        else f"the models refuse the issue's hostile profile; measured at {repeats} "
        f"repeats of {HOSTILE_UNIT!r} ({repeats * len(HOSTILE_UNIT)} characters a field)"
    )
    cases = [
        (f"{summary_chars:,}-character summary", summary, ""),
        (
            f"{total_free:,} chars of free text (summary + {FREE_TEXT_ENTRIES} x "
            f"{free_chars:,} experience)",
            free,
            "",
        ),
    ]
    for name, profile, note in cases:
        measure = Measure(name, "ms per view", note=note)
        view(profile, visibility)
        for _ in range(args.runs):
            measure.runs.append(
                per_view_ms(lambda p=profile: view(p, visibility), args.min_run_ms)[0]
            )
        print(f"{name}: {statistics.median(measure.runs):.2f} ms", file=sys.stderr)
        measures.append(measure)

    label = (
        f"hostile profile ({HOSTILE_ENTRIES + 1} x {repeats:,} {HOSTILE_UNIT.strip()!r}, "
        f"{HOSTILE_SKILLS} digit skills)"
    )
    cpu = Measure(f"{label}: CPU", "ms CPU per view", note=hostile_note)
    wall = Measure(f"{label}: wall", "ms per view", note=hostile_note)
    view(hostile, visibility)
    for _ in range(args.runs):
        wall_ms, cpu_ms = per_view_ms(lambda: view(hostile, visibility), args.min_run_ms)
        wall.runs.append(wall_ms)
        cpu.runs.append(cpu_ms)
    print(f"hostile profile: {statistics.median(cpu.runs):.1f} ms CPU", file=sys.stderr)
    return [*measures, cpu, wall]


# --- against gpseeker serve ----------------------------------------------------------


def load_bench() -> ModuleType:
    """bench/load.py, for its server start-up and the operator's verification."""
    # bench/ is a folder of scripts, not a package: load the file itself.
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = module
    spec.loader.exec_module(module)
    return module


def sign_up(http: httpx.Client, body: dict[str, Any]) -> str:
    """Sign up, then in (the server makes accounts without a mailed code: see
    bench/load.py's `served`); the token."""
    http.post(f"{API}/auth/signup", json=body).raise_for_status()
    login = http.post(
        f"{API}/auth/login", json={"email": body["email"], "password": body["password"]}
    )
    login.raise_for_status()
    token: str = login.json()["token"]
    return token


def hostile_candidate(base_url: str, subject: Subjects, run_id: str) -> tuple[int, str]:
    """A searchable candidate with the hostile profile, as large as the API accepts:
    (repeats saved, the candidate's e-mail)."""
    email = f"hostile-{run_id}@candidate.bench.example"
    with httpx.Client(base_url=base_url, timeout=120) as http:
        token = sign_up(http, {"email": email, "password": PASSWORD, "full_name": "Bench"})
        http.headers["Authorization"] = f"Bearer {token}"
        current = http.get(f"{API}/me/profile")
        current.raise_for_status()
        etag = current.headers["ETag"]

        def saved(repeats: int) -> bool:
            profile = hostile_profile(subject, repeats)
            if profile is None:
                return False
            body = profile.model_dump(mode="json")
            body["identity"]["email"] = email
            answer = http.put(f"{API}/me/profile", json=body, headers={"If-Match": etag})
            if answer.status_code == 422:
                return False
            answer.raise_for_status()
            return True

        repeats = largest_accepted(saved, HOSTILE_REPEATS)
        if repeats == 0:
            raise SystemExit("the server accepts no hostile profile at all")
        visible = http.put(f"{API}/me/visibility", json={"resume": "searchable"})
        visible.raise_for_status()
    return repeats, email


def verified_employer(base_url: str, database: str, load: ModuleType, run_id: str) -> str:
    email = f"hr@leak-guard-{run_id}.bench.example"
    with httpx.Client(base_url=base_url, timeout=120) as http:
        token = sign_up(
            http,
            {
                "email": email,
                "password": PASSWORD,
                "role": "employer",
                "company_name": f"Leak Guard Bench {run_id} K.K.",
            },
        )
    asyncio.run(load.verify_organisations(database, [email]))
    return token


def candidate_ref(base_url: str, token: str) -> str:
    with httpx.Client(base_url=base_url, timeout=120) as http:
        http.headers["Authorization"] = f"Bearer {token}"
        page = http.get(f"{API}/employer/resume-bank", params={"q": ""})
        page.raise_for_status()
        items = page.json()["items"]
        if len(items) != 1:
            raise SystemExit(f"expected the one hostile candidate in the bank, found {len(items)}")
        ref: str = items[0]["candidate_ref"]
        http.get(f"{API}/employer/resume-bank/{ref}").raise_for_status()  # warm-up
    return ref


@dataclass
class LoadRun:
    health_ms: list[float] = field(default_factory=list)
    view_ms: list[float] = field(default_factory=list)
    """Every view answer's time, 200 or 503 "busy" (what the employer waited for)."""
    busy: int = 0
    """503 answers (views or health): a SQLite write that waited too long for its lock
    while the event loop was masking; the platform's "busy, nothing was changed"."""
    errors: list[str] = field(default_factory=list)

    def judge(self, what: str, answer: httpx.Response) -> None:
        if answer.status_code == 503:
            self.busy += 1
        elif answer.status_code != 200:
            self.errors.append(f"{what}: {answer.status_code} {answer.text[:200]}")


async def load_run(
    base_url: str, token: str, ref: str, clients: int, seconds: float, poll: float
) -> LoadRun:
    run = LoadRun()
    deadline = time.perf_counter() + seconds
    headers = {"Authorization": f"Bearer {token}"}

    def client() -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=base_url,
            headers=headers,
            timeout=httpx.Timeout(120.0),
            limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
        )

    async def viewer() -> None:
        async with client() as http:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                answer = await http.get(f"{API}/employer/resume-bank/{ref}")
                run.view_ms.append((time.perf_counter() - started) * 1000)
                run.judge("view", answer)

    async def poller() -> None:
        async with client() as http:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                answer = await http.get(f"{API}/health")
                run.health_ms.append((time.perf_counter() - started) * 1000)
                run.judge("health", answer)
                await asyncio.sleep(poll)

    await asyncio.gather(poller(), *(viewer() for _ in range(clients)))
    return run


def against_server(args: argparse.Namespace, subject: Subjects) -> list[Measure]:
    load = load_bench()
    run_id = secrets.token_hex(3)
    with tempfile.TemporaryDirectory(prefix="gpseeker-leak-guard-") as directory:
        database = async_url(str(Path(directory) / "leak_guard.sqlite3"))
        log = Path(directory) / "server.log"
        with load.served(database, 1, log) as (base_url, _pid):
            asyncio.run(load.wait_until_up(base_url))
            started = time.perf_counter()
            repeats, _ = hostile_candidate(base_url, subject, run_id)
            token = verified_employer(base_url, database, load, run_id)
            ref = candidate_ref(base_url, token)
            print(
                f"server at {base_url}: hostile candidate ({repeats} repeats) and verified "
                f"employer ready in {time.perf_counter() - started:.1f} s; "
                f"{args.load_runs} x {args.seconds:g} s",
                file=sys.stderr,
            )
            runs = []
            for number in range(args.load_runs):
                run = asyncio.run(
                    load_run(base_url, token, ref, args.clients, args.seconds, args.poll_interval)
                )
                if run.errors:
                    raise SystemExit(f"{len(run.errors)} errors, e.g. {run.errors[0]}")
                print(
                    f"run {number + 1}: health p95 {percentile(run.health_ms, 0.95):,.0f} ms "
                    f"({len(run.health_ms)} polls), {len(run.view_ms)} views, "
                    f"{run.busy} answered 503 busy",
                    file=sys.stderr,
                )
                runs.append(run)
    note = (
        ""
        if repeats == HOSTILE_REPEATS
        else f"the API refuses the issue's hostile profile; served at {repeats} repeats "
        f"of {HOSTILE_UNIT!r} ({repeats * len(HOSTILE_UNIT)} characters a field)"
    )
    during = f"while {args.clients} clients open hostile views"
    health = {
        "p50": Measure(f"/api/v1/health {during}: p50", "ms", note=note),
        "p95": Measure(f"/api/v1/health {during}: p95", "ms", note=note),
        "max": Measure(f"/api/v1/health {during}: max", "ms", note=note),
    }
    views = Measure("hostile employer view over HTTP, under that load: p50", "ms", note=note)
    polls = Measure("health polls per run", "count")
    served_views = Measure("hostile views answered per run", "count")
    busy = Measure("of those, and of the polls: 503 busy", "count")
    for run in runs:
        health["p50"].runs.append(percentile(run.health_ms, 0.50))
        health["p95"].runs.append(percentile(run.health_ms, 0.95))
        health["max"].runs.append(max(run.health_ms))
        views.runs.append(percentile(run.view_ms, 0.50))
        polls.runs.append(len(run.health_ms))
        served_views.runs.append(len(run.view_ms))
        busy.runs.append(run.busy)
    return [*health.values(), views, polls, served_views, busy]


# --- main ----------------------------------------------------------------------------


def privacy_version() -> str:
    """The commit, and whether gpseeker/core/privacy.py differs from it."""
    if os.environ.get(REV_ENV):
        return f"commit {os.environ[REV_ENV]} (git archive)"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "gpseeker/core/privacy.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    return f"commit {commit}" + (" with uncommitted changes" if changed else "")


def rerun_at(rev: str) -> int:
    """This benchmark again, with gpseeker as committed at `rev` first on the path
    (bench/ itself stays the working tree's)."""
    try:
        short = subprocess.run(
            ["git", "rev-parse", "--short", f"{rev}^{{commit}}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except subprocess.CalledProcessError as problem:
        raise SystemExit(f"--rev {rev}: {problem.stderr.strip()}") from None
    with tempfile.TemporaryDirectory(prefix=f"gpseeker-{short}-") as directory:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", short, "gpseeker"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", directory], input=archive, check=True)
        path = os.pathsep.join(filter(None, (directory, os.environ.get("PYTHONPATH"))))
        # The server started by bench/load.py inherits the environment, so it runs
        # the same code.
        environment = {**os.environ, "PYTHONPATH": path, SOURCE_ENV: directory, REV_ENV: short}
        print(f"gpseeker as of {short}, extracted to {directory}", file=sys.stderr)
        return subprocess.run([sys.executable, __file__, *sys.argv[1:]], env=environment).returncode


def main() -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join((__doc__ or "").splitlines()[1:12]),
    )
    parser.add_argument(
        "--profiles", type=int, default=500, help="synthetic profiles to mask (default 500)"
    )
    parser.add_argument("--seed", type=int, default=1, help="synthetic_profiles seed (default 1)")
    parser.add_argument(
        "--runs", type=int, default=5, help="runs of each in-process measure (default 5)"
    )
    parser.add_argument(
        "--min-run-ms",
        type=float,
        default=100.0,
        help="repeat a short case within a run until it lasts this long (default 100)",
    )
    parser.add_argument(
        "--load-runs", type=int, default=3, help="runs against the server (default 3)"
    )
    parser.add_argument(
        "--seconds", type=float, default=20.0, help="length of each server run (default 20)"
    )
    parser.add_argument(
        "--clients",
        type=int,
        default=8,
        help="connections requesting hostile views at once (default 8)",
    )
    parser.add_argument(
        "--poll-interval",
        type=float,
        default=0.05,
        help="pause between health polls, in seconds (default 0.05)",
    )
    parser.add_argument("--skip-server", action="store_true", help="only the in-process measures")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: 100 profiles, 3 runs, one server run of 5 s",
    )
    parser.add_argument(
        "--rev",
        help="measure gpseeker as committed at this git revision (extracted with git "
        "archive into a temporary directory, put first on PYTHONPATH, for the server "
        "too) instead of the working tree: the 'before' column while privacy.py is "
        "being changed",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args()
    if args.rev and not os.environ.get(SOURCE_ENV):
        return rerun_at(args.rev)
    source = os.environ.get(SOURCE_ENV)
    imported = Path(gpseeker.__file__).resolve()
    if source and not imported.is_relative_to(Path(source).resolve()):
        raise SystemExit(f"gpseeker was imported from {imported}, not from --rev's copy")
    if args.quick:
        args.profiles, args.runs, args.load_runs, args.seconds = 100, 3, 1, 5.0
        args.min_run_ms = min(args.min_run_ms, 50.0)
    if args.profiles < 1 or args.runs < 1 or args.load_runs < 1 or args.seconds <= 0:
        parser.error("need --profiles, --runs, --load-runs >= 1 and --seconds > 0")
    if args.clients < 1:
        parser.error("need --clients >= 1")

    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    subject = subjects(args.profiles, args.seed)
    measures = in_process(args, subject)
    if not args.skip_server:
        measures += against_server(args, subject)
    report = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "privacy_py": privacy_version(),
            # The machine may be shared: a busy neighbour shows here.
            "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        },
        "options": {
            key: getattr(args, key)
            for key in (
                "profiles",
                "seed",
                "runs",
                "min_run_ms",
                "load_runs",
                "seconds",
                "clients",
                "poll_interval",
                "skip_server",
            )
        },
        "measures": [measure.as_dict() for measure in measures],
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(report, indent=2) if args.json else format_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
