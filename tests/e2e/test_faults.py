"""Faults against a real `gpseeker serve` during a burst of keyed writes (issue 15).

One `gpseeker serve` per store (SQLite always, PostgreSQL when the tests have one).
While several tasks write through gpseeker's own client (its real retry rules, a
short timeout), the server is killed with SIGKILL and started again on the same port
and database, paused with SIGSTOP for longer than the client waits, and (PostgreSQL)
has its database connections ended by PostgreSQL. Every write's outcome is logged
with the words the candidate would read (the CLI's and the editor's own message
functions), and then compared with what the server holds:

- every acknowledged write is there, once; nothing is doubled; nothing appears that
  nobody sent;
- no message says "not saved" (or anything else without a doubt in it) for a write
  the server holds, checked as soon as the server answers again and at the end;
- the editor never says "changed elsewhere" to a candidate nobody else writes for;
- no answer is a 500, and no server log holds a traceback.

docs/reliability.md records what was injected and the results.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

import httpx
import pytest

from gpseeker.cli.apply import _send as cli_send_application
from gpseeker.cli.context import CliError
from gpseeker.cli.profile import save_edit
from gpseeker.cli.runner import error_lines
from gpseeker.client import PlatformClient, PlatformError
from gpseeker.client.profile_saves import ProfileSaves, Stale, failed_save_words
from gpseeker.core.models import ApplicationRequest, Job, JobQuery, ProfileEnvelope, Visibility
from tests.e2e.terminal import installed_gpseeker
from tests.stores import STORES, fresh_database

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"
CLIENT_TIMEOUT = 1.0
"""Seconds the writers' client waits for an answer: short, so that a pause of the
server outlasts every try, and the suite stays fast."""
PAUSES = (2.5, 4.0)
"""Seconds the server stays stopped (SIGSTOP): longer than one try (and shorter than
the client's three tries with their backoff), then longer than all three."""
KILLS_PER_ROUND = 5
THINK = 0.15
"""Seconds a writer waits between its writes: a user, not a flood (the 80 demo jobs
must last the burst, and the 2-core machine runs the server too)."""
PATIENCE = 60.0
"""Seconds a condition may take on this shared, loaded machine before the test fails."""

Kind = Literal["ack", "unknown", "denied"]

# Words that tell the candidate a write did not happen. A message that says them for
# a write the server holds is the lie this suite exists to catch.
DENIAL = re.compile(
    r"nothing was (saved|sent|changed)|nothing new was sent|not saved|could not save",
    re.IGNORECASE,
)
# Words that leave the outcome open; without them an error reads as "it failed".
DOUBT = re.compile(r"may have|cannot tell whether", re.IGNORECASE)


def kind_of(words: str) -> Kind:
    """What the candidate takes from an error message: a denial unless it doubts (and
    a denial all the same if it says "nothing was changed" beside a doubt)."""
    if DENIAL.search(words) or not DOUBT.search(words):
        return "denied"
    return "unknown"


@dataclass
class Outcome:
    writer: str
    target: str
    """What this write would leave on the server: a marker, a job, a state."""
    kind: Kind
    words: str
    phase: str


@dataclass
class Burst:
    """The shared state of one burst: the log, the phase, what every writer has seen."""

    phase: str = "start"
    log: list[Outcome] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    five_hundreds: list[str] = field(default_factory=list)
    untrue: list[str] = field(default_factory=list)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    acks: Counter[str] = field(default_factory=Counter)
    acked: asyncio.Event = field(default_factory=asyncio.Event)
    """Set at every acknowledgement, for whoever waits for the writers to recover."""
    keys: Counter[str] = field(default_factory=Counter)
    """How often each Idempotency-Key was sent: more than once is a retried write."""
    profile_save_sent: asyncio.Event = field(default_factory=asyncio.Event)
    """Set when `gpseeker profile set` sends its save (where part 1's 412 was met)."""

    def record(self, writer: str, target: str, kind: Kind, words: str) -> None:
        self.log.append(Outcome(writer, target, kind, words, self.phase))
        if kind == "ack":
            self.acks[writer] += 1
            self.acked.set()

    def of(self, writer: str, kind: Kind | None = None) -> list[Outcome]:
        return [o for o in self.log if o.writer == writer and kind in (None, o.kind)]


class Recording(httpx.AsyncBaseTransport):
    """Every answer's status, and every 5xx that is not the platform's own 503/507."""

    def __init__(self, burst: Burst, writer: str) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.burst, self.writer = burst, writer

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        key = request.headers.get("Idempotency-Key")
        if key is not None:
            self.burst.keys[key] += 1
        if self.writer == "cli-profile" and request.method == "PUT":
            self.burst.profile_save_sent.set()
        response = await self.inner.handle_async_request(request)
        self.burst.statuses[response.status_code] += 1
        if response.status_code >= 500 and response.status_code not in {503, 507}:
            await response.aread()
            self.burst.five_hundreds.append(
                f"{request.method} {request.url.path}: {response.status_code} {response.text}"
            )
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


# --- the server ------------------------------------------------------------------------


@dataclass
class Server:
    """`gpseeker serve` on one database; started again on the same port after a kill."""

    database: str
    folder: Path
    port: int = 0
    process: subprocess.Popen[str] | None = None
    starts: int = 0
    url: str = ""

    def command(self) -> list[str]:
        return [
            installed_gpseeker(), "serve", "--host", "127.0.0.1", "--port", str(self.port),
            "--db", self.database, "--seed-demo", "--no-email-verification",
            "--mail-every", "0", "--log-level", "warning",
        ]  # fmt: skip

    def logs(self) -> list[Path]:
        return [self.folder / f"serve-{number}.log" for number in range(1, self.starts + 1)]

    async def start(self) -> None:
        """Start it and wait for its "listening on" line (in a thread: the writers go
        on meeting a dead port meanwhile)."""
        self.starts += 1
        log = self.folder / f"serve-{self.starts}.log"
        env = {**os.environ, "GPSEEKER_HOME": str(self.folder / "server-home")}
        process, url = await asyncio.to_thread(_spawn, self.command(), env, log)
        self.process = process
        if url is None:
            process.kill()
            pytest.fail(f"gpseeker serve did not start:\n{log.read_text()[-3000:]}")
        self.url = url
        self.port = httpx.URL(url).port or 0

    def signal(self, number: signal.Signals) -> None:
        assert self.process is not None
        self.process.send_signal(number)

    async def kill(self) -> None:
        self.signal(signal.SIGKILL)
        assert self.process is not None
        await asyncio.to_thread(self.process.wait)

    async def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGCONT)  # a stopped process cannot act on SIGINT
        self.process.send_signal(signal.SIGINT)
        try:
            await asyncio.to_thread(self.process.wait, 20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            await asyncio.to_thread(self.process.wait)


def _spawn(
    command: list[str], env: dict[str, str], log: Path
) -> tuple[subprocess.Popen[str], str | None]:
    with log.open("w") as stderr:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=stderr, text=True, env=env
        )
    return process, _listening_url(process)


def _listening_url(process: subprocess.Popen[str]) -> str | None:
    assert process.stdout is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            return None
        found = re.search(r"listening on (http://\S+)", line)
        if found:
            # Nobody reads the rest, but a full pipe would stop the server.
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return found.group(1)
    return None


def _load_bench() -> ModuleType:
    """bench/load.py, whose connection killer ends only the served platform's
    PostgreSQL backends (other tests share the database). bench/ is a folder of
    scripts, not a package: load the file itself."""
    if "bench_load" in sys.modules:
        return sys.modules["bench_load"]
    path = Path(__file__).resolve().parents[2] / "bench" / "load.py"
    spec = importlib.util.spec_from_file_location("bench_load", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = module
    spec.loader.exec_module(module)
    return module


async def end_server_connections(database: str, server: Server) -> int:
    import asyncpg
    from sqlalchemy import make_url

    assert server.process is not None
    url = make_url(database).difference_update_query(["schema"])
    admin = await asyncpg.connect(url.set(drivername="postgresql").render_as_string(False))
    try:
        ended: int = await _load_bench().end_connections(admin, server.process.pid)
    finally:
        await admin.close()
    return ended


# --- the writers -----------------------------------------------------------------------


@dataclass
class Writer:
    name: str
    client: PlatformClient
    """The writer's own client: short timeout, the real retry rules."""
    patient: PlatformClient
    """The same account with the default timeout, for reading back what is held."""


async def patiently(read: Callable[[], Awaitable[Any]]) -> Any:
    """`read()` once the server answers again (it may be restarting or paused)."""
    deadline = time.monotonic() + PATIENCE
    while True:
        try:
            return await read()
        except PlatformError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.2)  # the server is down: ask again shortly


def markers(summary: str) -> Counter[str]:
    return Counter(summary.split())


async def cli_profile_writer(burst: Burst, writer: Writer) -> None:
    """`gpseeker profile set ...` run again and again: each run reads the profile
    afresh, adds its own marker to the summary, and saves over the version it read."""
    number = 0
    while not burst.stop.is_set():
        number += 1
        marker = f"c{number:03d}"
        try:
            envelope = await writer.client.get_profile()
        except PlatformError:
            await asyncio.sleep(THINK)  # the command failed before writing anything
            continue

        async def add(data: dict[str, Any], marker: str = marker) -> None:
            data["summary"] = f"{data.get('summary') or ''} {marker}".strip()

        try:
            await save_edit(writer.client, envelope, add, "set")
        except CliError as problem:
            await settle(burst, writer, marker, problem.message)
        except PlatformError as problem:
            await settle(burst, writer, marker, "; ".join(error_lines(problem)))
        else:
            burst.record(writer.name, marker, "ack", "Saved summary")
        await asyncio.sleep(THINK)


async def tui_profile_writer(burst: Burst, writer: Writer) -> None:
    """The profile editor's saves (ProfileSaves, as Ctrl+S sends them): after "Not
    confirmed" the candidate presses Ctrl+S again, as the message advises; after
    "Not saved" they type on (a new marker replaces the refused one)."""
    saves = ProfileSaves()
    base: ProfileEnvelope = await patiently(writer.client.get_profile)
    number, marker = 0, ""
    while not burst.stop.is_set():
        if not marker:
            number += 1
            marker = f"t{number:03d}"
        form = base.profile.model_copy(
            update={"summary": f"{base.profile.summary or ''} {marker}".strip()}
        )
        try:
            outcome = await saves.save(writer.client, form, base.etag)
        except PlatformError as error:
            title, sentence = failed_save_words(error)
            kind = await settle(burst, writer, marker, f"{title}: {sentence}")
            if kind == "denied":
                marker = ""
        else:
            if isinstance(outcome, Stale):
                # Nobody else writes for this candidate: "changed elsewhere" is untrue.
                burst.untrue.append(f"{marker}: the editor said 'Saved elsewhere'")
                await settle(burst, writer, marker, "Saved elsewhere in the meantime")
                saves.forget()  # the dialog's safe default: take the server's
                base, marker = outcome.server, ""
            else:
                burst.record(writer.name, marker, "ack", "Saved")
                base, marker = outcome, ""
        await asyncio.sleep(THINK)


def visibility_for(number: int) -> Visibility:
    """A state no other switch of the burst sets (its day), alternating the resume."""
    return Visibility(
        resume="searchable" if number % 2 else "locked",
        searchable_until=dt.date.today() + dt.timedelta(days=30 + number),
        show_age=bool(number % 3),
    )


def label(visibility: Visibility) -> str:
    return f"{visibility.resume} until {visibility.searchable_until}"


async def visibility_writer(burst: Burst, writer: Writer) -> None:
    """`gpseeker privacy searchable` / `lock`, again and again."""
    number = 0
    while not burst.stop.is_set():
        number += 1
        wanted = visibility_for(number)
        try:
            held = await writer.client.set_visibility(wanted)
        except PlatformError as problem:
            await settle(burst, writer, label(wanted), "; ".join(error_lines(problem)))
        else:
            assert label(held) == label(wanted)
            burst.record(writer.name, label(wanted), "ack", f"Resume: {held.resume.upper()}")
        await asyncio.sleep(THINK)


async def application_writer(burst: Burst, writer: Writer, jobs: list[Job]) -> None:
    """`gpseeker apply JOB --yes` for one job after another (the CLI's own sending)."""
    request = ApplicationRequest(cover_note="Fault suite", disclose=[])
    for job in jobs:
        if burst.stop.is_set():
            return
        try:
            application = await cli_send_application(writer.client, job, request)
        except CliError as problem:
            await settle(burst, writer, str(job.id), problem.message)
        except PlatformError as problem:
            await settle(burst, writer, str(job.id), "; ".join(error_lines(problem)))
        else:
            burst.record(writer.name, f"{job.id}", "ack", f"Sent application {application.id}")
        await asyncio.sleep(THINK)


async def saved_job_writer(burst: Burst, writer: Writer, jobs: list[Job]) -> None:
    """`gpseeker jobs save JOB` for one job after another."""
    for job in jobs:
        if burst.stop.is_set():
            return
        try:
            await writer.client.save_job(job.id)
        except PlatformError as problem:
            await settle(burst, writer, str(job.id), "; ".join(error_lines(problem)))
        else:
            burst.record(writer.name, str(job.id), "ack", f"Saved job {job.id}")
        await asyncio.sleep(THINK)


async def settle(burst: Burst, writer: Writer, target: str, words: str) -> Kind:
    """Log a failed write; if its words deny it, check them as soon as the server
    answers again (a denial must be true now, not only at the end of the burst)."""
    kind = kind_of(words)
    earlier = burst.of(writer.name, "unknown")
    if kind == "denied" and any(outcome.target == target for outcome in earlier):
        # The same write went out before without an answer: that try may be stored,
        # so a denial now is a guess, true or not.
        burst.untrue.append(f"{writer.name} {target}: said {words!r} after 'may have'")
    burst.record(writer.name, target, kind, words)
    if kind == "denied" and await holds(writer, target):
        burst.untrue.append(f"{writer.name} {target}: said {words!r} but the server holds it")
    return kind


async def holds(writer: Writer, target: str) -> bool:
    """Whether the server holds `target` of this writer now."""
    client = writer.patient
    if writer.name.endswith("profile"):
        envelope: ProfileEnvelope = await patiently(client.get_profile)
        return markers(envelope.profile.summary or "")[target] > 0
    if writer.name == "visibility":
        return label(await patiently(client.get_visibility)) == target
    if writer.name == "applications":
        applications = await patiently(client.applications)
        return any(str(a.job_id) == target for a in applications)
    saved = await patiently(client.saved_jobs)
    return any(str(job.id) == target for job in saved)


# --- the test --------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def served(store: str, folder: Path) -> AsyncIterator[tuple[Server, str]]:
    async with fresh_database(store, folder) as database:
        server = Server(database, folder)
        await server.start()
        try:
            yield server, database
        finally:
            await server.stop()


async def sign_up(burst: Burst, server: Server, name: str) -> Writer:
    email = f"{name}@faults.example"
    first = await PlatformClient.signup(server.url, email, PASSWORD, name.title())
    token = first.token
    await first.aclose()
    client = PlatformClient(
        server.url, token, timeout=CLIENT_TIMEOUT, transport=Recording(burst, name)
    )
    patient = PlatformClient(server.url, token, timeout=30.0, transport=Recording(burst, ""))
    return Writer(name, client, patient)


ACKS_PER_PHASE = 3
"""Writes each writer must have acknowledged after a fault before the next one: the
platform recovered on every route by itself, and every fault meets writes in flight."""


async def acknowledged_again(burst: Burst, writers: list[str], what: str) -> None:
    """Wait until every writer has had ACKS_PER_PHASE writes acknowledged since now."""
    since = {name: burst.acks[name] for name in writers}
    deadline = time.monotonic() + PATIENCE
    while stuck := [name for name in writers if burst.acks[name] < since[name] + ACKS_PER_PHASE]:
        burst.acked.clear()
        try:
            await asyncio.wait_for(burst.acked.wait(), deadline - time.monotonic())
        except TimeoutError:
            pytest.fail(f"after {what}, {stuck} had no {ACKS_PER_PHASE} writes acknowledged")


async def inject(burst: Burst, server: Server, database: str, store: str) -> list[str]:
    """The faults, one after another, each once every writer is being acknowledged."""
    writers = ["cli-profile", "tui-profile", "visibility", "applications", "saved-jobs"]
    done: list[str] = []
    await acknowledged_again(burst, writers, "the start")

    burst.phase = "killed"
    await server.kill()
    done.append("SIGKILL, then serve again on the same port and database")
    await server.start()
    await acknowledged_again(burst, writers, "the restart")

    # Shorter than the client's three tries, so a retry meets its own first try's
    # save (the 412 of issue 15, part 1); then longer, so every try goes unanswered
    # and the writes land after the client gave up ("Not confirmed").
    for seconds in PAUSES:
        burst.phase = f"paused {seconds} s"
        # The moment `profile set` sends its save, so that the pause catches one.
        burst.profile_save_sent.clear()
        await asyncio.wait_for(burst.profile_save_sent.wait(), PATIENCE)
        server.signal(signal.SIGSTOP)
        await asyncio.sleep(seconds)  # the fault itself: how long the server stays stopped
        server.signal(signal.SIGCONT)
        done.append(f"SIGSTOP for {seconds} s (client timeout {CLIENT_TIMEOUT} s), then SIGCONT")
        await acknowledged_again(burst, writers, "a pause")

    if store == "postgresql":
        for round_ in range(1, 4):
            burst.phase = f"connections ended {round_}"
            # Several times in quick succession, so some land inside a transaction
            # (an idle connection alone is replaced by the pool's pre-ping unseen).
            ended = 0
            for _ in range(KILLS_PER_ROUND):
                ended += await end_server_connections(database, server)
                await asyncio.sleep(0.2)  # let the writers open new connections
            done.append(f"pg_terminate_backend x{KILLS_PER_ROUND}: {ended} connections")
            await acknowledged_again(burst, writers, "connections were ended")
    burst.phase = "after"
    return done


@pytest.mark.timeout(240)
@pytest.mark.parametrize("store", STORES)
async def test_nothing_acknowledged_is_lost_and_no_message_lies(store: str, tmp_path: Path) -> None:
    started = time.monotonic()
    burst = Burst()
    async with served(store, tmp_path) as (server, database):
        names = ["cli-profile", "tui-profile", "visibility", "applications"]
        writers = {name: await sign_up(burst, server, name) for name in names}
        # Applications and saved jobs: two tasks of one candidate, on different routes.
        writers["saved-jobs"] = Writer(
            "saved-jobs", writers["applications"].client, writers["applications"].patient
        )
        reader = writers["applications"].patient
        jobs = (await reader.search_jobs(JobQuery(), limit=100)).items
        assert len(jobs) >= 40, "the demo jobs are the burst's targets"
        tasks = [
            asyncio.create_task(cli_profile_writer(burst, writers["cli-profile"])),
            asyncio.create_task(tui_profile_writer(burst, writers["tui-profile"])),
            asyncio.create_task(visibility_writer(burst, writers["visibility"])),
            asyncio.create_task(application_writer(burst, writers["applications"], jobs)),
            asyncio.create_task(saved_job_writer(burst, writers["saved-jobs"], jobs[::-1])),
        ]
        try:
            faults = await inject(burst, server, database, store)
        finally:
            burst.stop.set()
            await asyncio.gather(*tasks)
        held = await what_the_server_holds(writers)
        for writer in writers.values():
            await writer.client.aclose()
            if writer.name != "saved-jobs":
                await writer.patient.aclose()
    report(burst, store, faults, time.monotonic() - started, tmp_path)
    compare(burst, held)
    server_logs = "\n".join(path.read_text() for path in server.logs())
    assert "Traceback" not in server_logs
    assert "Exception in ASGI application" not in server_logs


async def what_the_server_holds(writers: dict[str, Writer]) -> dict[str, Any]:
    return {
        "cli-profile": (await writers["cli-profile"].patient.get_profile()).profile.summary,
        "tui-profile": (await writers["tui-profile"].patient.get_profile()).profile.summary,
        "visibility": await writers["visibility"].patient.get_visibility(),
        "applications": await writers["applications"].patient.applications(),
        "saved-jobs": await writers["applications"].patient.saved_jobs(),
    }


def compare(burst: Burst, held: dict[str, Any]) -> None:
    """The client's log against the server, as a candidate would check it."""
    assert not burst.five_hundreds, burst.five_hundreds
    assert burst.statuses[500] == 0
    assert not burst.untrue, burst.untrue

    for name in ("cli-profile", "tui-profile"):
        found = markers(held[name] or "")
        assert all(count == 1 for count in found.values()), f"{name} doubled: {found}"
        sent = {o.target for o in burst.of(name)}
        assert set(found) <= sent, f"{name} holds writes nobody sent: {set(found) - sent}"
        for outcome in burst.of(name, "ack"):
            assert found[outcome.target] == 1, f"{name} lost acknowledged {outcome}"
        for outcome in burst.of(name, "denied"):
            # Refused markers are never sent again, so they must still be absent.
            assert found[outcome.target] == 0, f"{name}: untrue {outcome}"

    switches = burst.of("visibility")
    final = label(held["visibility"])
    acked = [o.target for o in switches if o.kind == "ack"]
    may_have_landed = {o.target for o in switches if o.kind == "unknown"}
    # The last acknowledged switch holds, unless a switch whose answer was lost (and
    # whose message said it may have been saved) landed late.
    assert final in {acked[-1], *may_have_landed}, (final, acked[-3:], may_have_landed)

    applications = held["applications"]
    per_job = Counter(str(a.job_id) for a in applications)
    assert all(count == 1 for count in per_job.values()), f"applications doubled: {per_job}"
    tried = {o.target for o in burst.of("applications")}
    assert set(per_job) <= tried
    for outcome in burst.of("applications"):
        if outcome.kind == "ack":
            assert per_job[outcome.target] == 1, f"lost acknowledged application {outcome}"
            number = outcome.words.rsplit(" ", 1)[1]
            assert any(str(a.id) == number for a in applications if str(a.job_id) == outcome.target)
        elif outcome.kind == "denied":
            assert per_job[outcome.target] == 0, f"untrue {outcome}"

    saved = Counter(str(job.id) for job in held["saved-jobs"])
    assert all(count == 1 for count in saved.values()), f"saved jobs doubled: {saved}"
    assert set(saved) <= {o.target for o in burst.of("saved-jobs")}
    for outcome in burst.of("saved-jobs"):
        if outcome.kind == "ack":
            assert saved[outcome.target] == 1, f"lost acknowledged saved job {outcome}"
        elif outcome.kind == "denied":
            assert saved[outcome.target] == 0, f"untrue {outcome}"


def report(burst: Burst, store: str, faults: list[str], seconds: float, folder: Path) -> None:
    """The burst's figures (shown with -s, and kept as JSON beside the server logs)."""
    kinds = Counter((o.writer, o.kind) for o in burst.log)
    summary = {
        "store": store,
        "seconds": round(seconds, 1),
        "load_average": os.getloadavg(),
        "faults": faults,
        "writes": {f"{w} {k}": n for (w, k), n in sorted(kinds.items())},
        "statuses": dict(sorted(burst.statuses.items())),
        "keyed_writes": len(burst.keys),
        "keyed_writes_retried": sum(1 for sent in burst.keys.values() if sent > 1),
        "untrue": burst.untrue,
    }
    (folder / "faults-log.json").write_text(
        json.dumps({**summary, "log": [asdict(o) for o in burst.log]}, indent=1)
    )
    print(json.dumps(summary, indent=1))
    for outcome in burst.log:
        if outcome.kind != "ack":
            print(f"  {outcome.phase}: {outcome.writer} {outcome.target}: {outcome.words}")
