"""300 MB sent to a real `gpseeker serve`: 413 within a second, and the server's memory
does not grow with the body.

Before the limit, a 300 MB login body was read whole: a 422 after 15.6 s, the server
at about 1 GB. The body here is made as it is sent (one 64 KiB block, over and over)
on a raw socket, which reads the answer while still sending, as an attacker's script
would; the client stops when the answer comes or the server closes the connection.
"""

from __future__ import annotations

import os
import re
import select
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.test_serve_cli import installed_gpseeker

pytestmark = pytest.mark.e2e

BODY_BYTES = 300 * 1024 * 1024
BLOCK = b"a" * (64 * 1024)
ANSWER_SECONDS = 1.0
GROWTH_LIMIT_KIB = 50 * 1024


@dataclass
class Served:
    host: str
    port: int
    pid: int


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`gpseeker serve --max-body 512KiB` on a free port, one process (so that its
    memory is the server's)."""
    tmp_path = tmp_path_factory.mktemp("body-limit")
    env = {**os.environ, "GPSEEKER_HOME": str(tmp_path / "home")}
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [installed_gpseeker(), "serve", "--port", "0", "--mail-every", "0",
         "--max-body", "512KiB", "--db", f"sqlite+aiosqlite:///{tmp_path / 'server.sqlite3'}"],
        stdout=subprocess.PIPE, stderr=log, text=True, env=env,
    )  # fmt: skip
    assert process.stdout is not None
    found = None
    deadline = time.monotonic() + 60
    while found is None and time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            found = re.search(r"listening on http://([\d.]+):(\d+)", process.stdout.readline())
    if found is None:
        process.kill()
        pytest.fail(f"gpseeker serve did not start:\n{(tmp_path / 'serve.log').read_text()}")
    try:
        yield Served(found.group(1), int(found.group(2)), process.pid)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    assert found is not None
    return int(found.group(1))


@dataclass
class Answer:
    status: int
    head: str
    body: str
    seconds: float
    sent: int


def send_huge(served: Served, method: str, path: str, *, chunked: bool) -> Answer:
    """Send `BODY_BYTES` of an unending JSON string until the server answers."""
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {BODY_BYTES}"
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: {served.host}:{served.port}\r\n"
        f"Content-Type: application/json\r\n{framing}\r\n\r\n"
    ).encode()
    opening = b'{"email": "a@example.com", "password": "'
    if chunked:
        opening, block = frame(opening), frame(BLOCK)
    else:
        block = BLOCK
    with socket.create_connection((served.host, served.port), timeout=10) as connection:
        connection.sendall(head)
        started = time.monotonic()
        connection.setblocking(False)
        pending = memoryview(opening)
        sent = 0
        while sent < BODY_BYTES and time.monotonic() - started < 10:
            readable, writable, _ = select.select([connection], [connection], [], 1)
            if readable:
                break
            if writable:
                if not pending:
                    pending = memoryview(block)
                try:
                    count = connection.send(pending)
                except (BrokenPipeError, ConnectionResetError):
                    break
                pending = pending[count:]
                sent += count
        answer = read_answer(connection, started + 10)
        seconds = time.monotonic() - started
    status = int(answer.split(b" ", 2)[1])
    head_text, _, body = answer.decode().partition("\r\n\r\n")
    return Answer(status, head_text, body, seconds, sent)


def frame(data: bytes) -> bytes:
    """`data` as one chunk of a chunked body."""
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


def read_answer(connection: socket.socket, deadline: float) -> bytes:
    """The response: its head and as much of its body as Content-Length says."""
    data = b""
    while time.monotonic() < deadline:
        select.select([connection], [], [], max(0.0, deadline - time.monotonic()))
        try:
            chunk = connection.recv(65536)
        except BlockingIOError:
            continue
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
        head, separator, body = data.partition(b"\r\n\r\n")
        length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        if separator and length and len(body) >= int(length.group(1)):
            break
    assert data, "no answer before the connection ended"
    return data


@pytest.mark.parametrize(
    ("method", "path", "chunked"),
    [
        ("POST", "/api/v1/auth/login", False),
        ("POST", "/api/v1/auth/login", True),
        ("PUT", "/api/v1/me/profile", False),
        ("PUT", "/api/v1/me/profile", True),
    ],
    ids=["login-length", "login-chunked", "profile-length", "profile-chunked"],
)
def test_300_mb_is_refused_at_once_and_costs_no_memory(
    served: Served, method: str, path: str, chunked: bool
) -> None:
    before = rss_kib(served.pid)
    answer = send_huge(served, method, path, chunked=chunked)
    grown = rss_kib(served.pid) - before
    # No sign-in needed for the refusal: nothing reads the body first.
    assert answer.status == 413, (answer.head, answer.body)
    assert '"code":"body_too_large"' in answer.body
    assert "(512 KiB)" in answer.body
    assert answer.seconds < ANSWER_SECONDS, answer.seconds
    assert answer.sent < BODY_BYTES  # the client was stopped long before the end
    assert grown < GROWTH_LIMIT_KIB, f"the server grew by {grown} KiB"
