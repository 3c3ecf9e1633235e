"""`gpseeker serve --workers 2` as an operator runs it: two worker processes on one
port, and nothing one of them remembers that the other would need.

Which worker answers a request is the kernel's choice, so the tests open keep-alive
connections (one per client) until two of them report different process ids, then
send the same request down each at once."""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import re
import select
import signal
import sqlite3
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import PASSWORD, full_profile, job_draft
from tests.e2e.test_serve_cli import installed_gpseeker
from tests.organisations import verify_on_database
from tests.signup_mail import signup_code
from tests.stores import STORES, fresh_database

pytestmark = pytest.mark.e2e

STARTUP_SECONDS = 60  # spawning two interpreters on a busy CI machine
REQUEST_SECONDS = 30  # generous: CI machines run the other suites at once
STOP_SECONDS = 20
POLICY = "/api/v1/policy"


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text()


@contextmanager
def serve(tmp_path: Path, database_url: str, *options: str) -> Iterator[Served]:
    """`gpseeker serve --workers 2 ...` on a free port; always killed at the end."""
    log = tmp_path / "serve.log"
    env = {**os.environ, "GPSEEKER_HOME": str(tmp_path / "server-home")}
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [installed_gpseeker(), "serve", "--port", "0", "--workers", "2",
             "--db", database_url, "--mail-every", "0", *options],
            stdout=subprocess.PIPE, stderr=log_file, text=True, env=env,
            start_new_session=True,  # its own process group: the cleanup kills them all
        )  # fmt: skip
    try:
        assert process.stdout is not None
        url = None
        deadline = time.monotonic() + STARTUP_SECONDS
        while url is None and time.monotonic() < deadline and process.poll() is None:
            ready, _, _ = select.select([process.stdout], [], [], 0.5)
            if ready:
                found = re.search(r"listening on (http://\S+)", process.stdout.readline())
                url = found.group(1) if found else None
        if url is None:
            pytest.fail(f"gpseeker serve did not start:\n{log.read_text()}")
        yield Served(process, url, log)
    finally:
        # Whatever happened, nothing of this serve survives the test: the workers are
        # in its process group, and are killed with it even when it has exited.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_SECONDS)
        if process.stdout is not None:
            process.stdout.close()


def health(client: httpx.Client) -> int:
    response = client.get("/api/v1/health")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "ok"
    pid: int = body["worker"]
    return pid


def two_workers(served: Served, stack: ExitStack) -> tuple[httpx.Client, httpx.Client]:
    """Two clients, each on one keep-alive connection to a different worker."""
    by_worker: dict[int, httpx.Client] = {}
    deadline = time.monotonic() + STARTUP_SECONDS
    while len(by_worker) < 2:
        assert time.monotonic() < deadline, f"only worker(s) {list(by_worker)} answered"
        # One connection per client, so every request of a client reaches one worker.
        client = stack.enter_context(
            httpx.Client(
                base_url=served.url,
                timeout=REQUEST_SECONDS,
                limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
            )
        )
        by_worker.setdefault(health(client), client)
    first, second = by_worker.values()
    return first, second


def at_once(
    requests: list[tuple[httpx.Client, str, str, dict[str, Any], dict[str, str]]],
) -> list[httpx.Response]:
    """Send each (client, method, path, json, headers) from its own thread together."""
    with concurrent.futures.ThreadPoolExecutor(len(requests)) as pool:
        futures = [
            pool.submit(client.request, method, path, json=body, headers=headers)
            for client, method, path, body, headers in requests
        ]
        return [future.result(timeout=REQUEST_SECONDS * 2) for future in futures]


def signup(client: httpx.Client, tmp_path: Path, **fields: str) -> dict[str, str]:
    """Sign up through `client`'s worker, finishing with the code the platform mailed
    (into mail/ in the data directory of `serve`)."""
    response = client.post("/api/v1/auth/signup", json={"password": PASSWORD, **fields})
    assert response.status_code == 202, response.text
    code = signup_code(tmp_path / "server-home" / "data" / "mail", fields["email"])
    verified = client.post(
        "/api/v1/auth/signup/verify", json={"email": fields["email"], "code": code}
    )
    assert verified.status_code == 201, verified.text
    return {"Authorization": f"Bearer {verified.json()['token']}"}


def items(response: httpx.Response) -> list[Any]:
    assert response.status_code == 200, response.text
    body = response.json()
    found: list[Any] = body if isinstance(body, list) else body["items"]
    return found


@pytest.fixture(params=STORES)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with fresh_database(request.param, tmp_path) as url:
        yield url


def test_the_same_request_on_two_workers_acts_once(tmp_path: Path, database_url: str) -> None:
    operator = "Sakura Careers KK"
    with (
        serve(
            tmp_path, database_url, "--policy-operator", operator, "--invitations-per-day", "1"
        ) as served,
        ExitStack() as stack,
    ):
        first, second = two_workers(served, stack)
        workers = (health(first), health(second))
        # What the operator set reaches every worker, not only the one serve runs.
        for client in (first, second):
            assert client.get(POLICY).json()["contact"]["operator"] == operator

        employer = signup(first, tmp_path, email="hr@fuji.example", role="employer",
                          company_name="Fuji Robotics Inc.")  # fmt: skip
        # The operator's verification, straight on the database both workers share.
        verify_on_database(database_url, "hr@fuji.example")
        job = first.post("/api/v1/employer/jobs", json=job_draft(), headers=employer)
        assert job.status_code == 201, job.text
        job_id = job.json()["id"]
        seeker = signup(second, tmp_path, email="ana@example.com", full_name="Ana Souza")
        profile = second.get("/api/v1/me/profile", headers=seeker)
        saved = second.put(
            "/api/v1/me/profile",
            json=full_profile("Ana Souza", "ana@example.com"),
            headers={**seeker, "If-Match": profile.headers["ETag"]},
        )
        assert saved.status_code == 200, saved.text
        visible = second.put("/api/v1/me/visibility", json={"resume": "searchable"},
                             headers=seeker)  # fmt: skip
        assert visible.status_code == 200, visible.text

        # The candidate's client retries an apply whose answer it never got, and the
        # retry lands on the other worker while the first is still working.
        apply = {"cover_note": "I would love to join.", "disclose": ["phone"]}
        headers = {**seeker, "Idempotency-Key": "apply-once"}
        path = f"/api/v1/jobs/{job_id}/applications"
        answers = at_once([(first, "POST", path, apply, headers),
                           (second, "POST", path, apply, headers)])  # fmt: skip
        assert [answer.status_code for answer in answers] == [201, 201], answers[1].text
        assert answers[0].content == answers[1].content
        received = items(first.get("/api/v1/employer/applications", headers=employer))
        assert [application["job_id"] for application in received] == [job_id]
        assert len(items(second.get("/api/v1/me/applications", headers=seeker))) == 1

        # The same for an invitation: the employer's double-click reaches both.
        ref = received[0]["candidate"]["candidate_ref"]
        invite = {"subject": "Backend role in Shibuya", "body": "An interview next week?"}
        headers = {**employer, "Idempotency-Key": "invite-once"}
        path = f"/api/v1/employer/candidates/{ref}/invitations"
        answers = at_once([(second, "POST", path, invite, headers),
                           (first, "POST", path, invite, headers)])  # fmt: skip
        assert [answer.status_code for answer in answers] == [201, 201], answers[1].text
        assert answers[0].content == answers[1].content
        assert len(items(second.get("/api/v1/employer/invitations", headers=employer))) == 1
        assert len(items(first.get("/api/v1/me/invitations", headers=seeker))) == 1
        # The daily limit (1 here) is counted in the database: the other worker knows
        # it was reached.
        another = second.post(
            path, json=invite, headers={**employer, "Idempotency-Key": "invite-again"}
        )
        assert another.status_code == 429, another.text
        assert another.json()["error"]["code"] == "rate_limited"

        # Every request above went down the connection it was meant for.
        assert (health(first), health(second)) == workers


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (workers, and multiprocessing's helpers)."""
    found: set[int] = set()
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in children.read_text().split():
            found |= {int(child)} | descendants(int(child))
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_stop_signal_stops_every_worker_and_exits_0(tmp_path: Path, stop: signal.Signals) -> None:
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs Linux's /proc to see the workers")
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'platform.sqlite3'}"
    with serve(tmp_path, database_url) as served, ExitStack() as stack:
        first, second = two_workers(served, stack)
        workers = {health(first), health(second)}
        below = descendants(served.process.pid)
        assert workers <= below
        stack.close()  # an operator's stop does not wait for idle clients to leave

        served.process.send_signal(stop)
        code = served.process.wait(timeout=STOP_SECONDS)
        assert code == 0, served.log_text()
        deadline = time.monotonic() + 5
        while any(running(pid) for pid in below) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in below if running(pid)], served.log_text()
        log = served.log_text()
        assert "Traceback" not in log
        for pid in workers:
            assert f"Finished server process [{pid}]" in log


@pytest.mark.parametrize("count", ["0", "-1", "two", "1.5"])
def test_a_worker_count_that_is_not_a_positive_whole_number_is_refused(
    tmp_path: Path, count: str
) -> None:
    result = subprocess.run(
        [installed_gpseeker(), "serve", "--port", "0", "--workers", count],
        capture_output=True, text=True, timeout=REQUEST_SECONDS * 3,
        env={**os.environ, "GPSEEKER_HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 2
    assert "argument --workers:" in result.stderr
    assert ("at least 1 worker" if count.lstrip("-").isdigit() else "whole number") in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_an_out_of_date_database_is_refused_before_any_worker_starts(tmp_path: Path) -> None:
    from gpseeker.server.schema import INITIAL, VERSION_TABLE

    path = tmp_path / "platform.sqlite3"
    database_url = f"sqlite+aiosqlite:///{path}"
    with serve(tmp_path, database_url) as served:  # makes a current database
        served.process.send_signal(signal.SIGINT)
        assert served.process.wait(timeout=STOP_SECONDS) == 0
    with sqlite3.connect(path) as connection:  # as an older gpseeker left it
        connection.execute(f"UPDATE {VERSION_TABLE} SET version_num = ?", (INITIAL,))
    connection.close()

    result = subprocess.run(
        [installed_gpseeker(), "serve", "--port", "0", "--workers", "2", "--db", database_url],
        capture_output=True, text=True, timeout=STARTUP_SECONDS,
        env={**os.environ, "GPSEEKER_HOME": str(tmp_path / "server-home")},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert "gpseeker db upgrade" in result.stderr
    assert "Started server process" not in result.stderr
    assert "Traceback" not in result.stderr
    assert "listening on" not in result.stdout


def test_workers_of_a_serve_killed_outright_stop_too(tmp_path: Path) -> None:
    """`kill -9` or the OOM killer gives serve no chance to stop its workers; they
    must not go on answering on the port, out of the operator's sight."""
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs Linux's /proc to see the workers")
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'platform.sqlite3'}"
    with serve(tmp_path, database_url) as served, ExitStack() as stack:
        first, second = two_workers(served, stack)
        workers = {health(first), health(second)}
        below = descendants(served.process.pid)
        assert workers <= below
        stack.close()

        served.process.kill()
        served.process.wait(timeout=STOP_SECONDS)
        deadline = time.monotonic() + 10
        while any(running(pid) for pid in below) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in below if running(pid)], served.log_text()
        with pytest.raises(httpx.TransportError):
            httpx.get(f"{served.url}/api/v1/health", timeout=2)
