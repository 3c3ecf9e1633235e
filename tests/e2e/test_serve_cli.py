"""The installed `gpseeker`, as a new user runs it from a shell: `gpseeker serve` on
127.0.0.1, a candidate making themselves searchable, and an employer finding them
only as a masked reference."""

from __future__ import annotations

import contextlib
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.signup_mail import signup_code

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"
Run = Callable[..., subprocess.CompletedProcess[str]]


def installed_gpseeker() -> str:
    found = shutil.which("gpseeker", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("gpseeker is not installed next to this Python (pip install -e .)")
    return found


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`gpseeker serve` on a free port; yields its URL, then stops it with Ctrl+C."""
    env = {**os.environ, "GPSEEKER_HOME": str(tmp_path / "server-home")}
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(
        [
            installed_gpseeker(), "serve", "--host", "127.0.0.1", "--port", "0",
            "--db", f"sqlite+aiosqlite:///{tmp_path / 'server.sqlite3'}", "--seed-demo",
        ],
        stdout=subprocess.PIPE, stderr=log, text=True, env=env,
    )  # fmt: skip
    assert process.stdout is not None
    url = None
    deadline = time.monotonic() + 60
    while url is None and time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            found = re.search(r"listening on (http://\S+)", process.stdout.readline())
            url = found.group(1) if found else None
    if url is None:
        process.kill()
        pytest.fail(f"gpseeker serve did not start:\n{(tmp_path / 'server.log').read_text()}")
    try:
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            code = process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        log.close()
        assert code == 0, (tmp_path / "server.log").read_text()


def person(tmp_path: Path, name: str) -> Run:
    """A user with their own home directory, running the installed command."""
    env = {**os.environ, "GPSEEKER_HOME": str(tmp_path / name), "GPSEEKER_PASSWORD": PASSWORD}
    env.pop("GPSEEKER_SERVER", None)

    def run(*argv: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [installed_gpseeker(), *argv], capture_output=True, text=True, env=env, timeout=60
        )
        if ok:
            assert result.returncode == 0, f"gpseeker {' '.join(argv)}:\n{result.stderr}"
        assert "Traceback" not in result.stderr
        return result

    return run


def signed_up(run: Run, tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """`gpseeker [employer] signup ...` as a person does it against `server`: the
    sign-up, then the code from the mail the platform put in its Maildir (the default,
    mail/ in its data directory); what the second step printed."""
    asked = run(*argv)
    email, server = argv[argv.index("--email") + 1], argv[argv.index("--server") + 1]
    assert f"--email {email} --code CODE" in asked.stdout, asked.stdout
    code = signup_code(tmp_path / "server-home" / "data" / "mail", email)
    command = argv[: argv.index("signup") + 1]
    return run(*command, "--server", server, "--email", email, "--code", code)


def operator_admits(
    tmp_path: Path,
    server: str,
    email: str,
    *,
    legal_name: str | None = None,
    into: str | None = None,
) -> None:
    """What the platform's operator does for a new employer, with the installed
    command: add itself on the server's database (once), sign in, then verify the
    organisation of the account `email` under `legal_name`, or merge it into the
    verified organisation called `into` and approve the account."""
    operator = person(tmp_path, "operator")
    database = f"sqlite+aiosqlite:///{tmp_path / 'server.sqlite3'}"
    if not (tmp_path / "operator-added").exists():
        operator("operator", "add", "operator@platform.example", "--db", database)
        operator("operator", "login", "--server", server, "--email", "operator@platform.example")
        (tmp_path / "operator-added").touch()
    organisations = json.loads(operator("operator", "orgs", "--server", server, "--json").stdout)
    mine = next(
        org for org in organisations if email in [account["email"] for account in org["accounts"]]
    )
    if into is None:
        operator("operator", "verify", str(mine["id"]), "--server", server,
                 "--legal-name", legal_name or mine["legal_name"])  # fmt: skip
        return
    target = next(org for org in organisations if org["legal_name"] == into)
    merged = operator("operator", "merge", str(mine["id"]), "--into", str(target["id"]),
                      "--server", server, "--json")  # fmt: skip
    account = next(item for item in json.loads(merged.stdout)["accounts"] if item["email"] == email)
    operator("operator", "approve", str(account["id"]), "--server", server)


def test_an_employer_finds_a_searchable_candidate_only_as_a_reference(
    server: str, tmp_path: Path
) -> None:
    candidate = person(tmp_path, "candidate")
    employer = person(tmp_path, "employer")

    joined = signed_up(
        candidate, tmp_path,
        "signup", "--server", server, "--email", "mika@example.com", "--name", "Mika Tanaka",
    )  # fmt: skip
    assert f"Signed up and signed in to {server} as mika@example.com." in joined.stdout
    candidate("profile", "set", "headline", "Zig and Rust developer", "--server", server)
    candidate("profile", "set", "skills", "Zig, Rust, Kubernetes", "--server", server)
    candidate("profile", "set", "identity.phone", "090-1234-5678", "--server", server)
    assert "Resume: SEARCHABLE" in candidate("privacy", "searchable", "--server", server).stdout

    signed_up(employer, tmp_path, "employer", "signup", "--server", server,
              "--email", "hr@sakura.example", "--company", "Sakura Systems KK")  # fmt: skip
    # Until the platform knows who it is, the account cannot search.
    refused = employer("employer", "search", "zig", "--server", server, ok=False)
    assert "waiting for verification by the platform" in refused.stderr
    operator_admits(tmp_path, server, "hr@sakura.example", into="Sakura Systems K.K.")
    found = employer("employer", "search", "zig", "--server", server).stdout
    assert "Headline: Zig and Rust developer" in found
    assert "Skills: Zig, Rust, Kubernetes" in found
    reference = re.search(r"^Reference: (\S+)$", found, re.MULTILINE)
    assert reference is not None
    ref = reference.group(1)
    hits = json.loads(employer("employer", "search", "zig", "--server", server, "--json").stdout)
    assert [hit["candidate_ref"] for hit in hits["items"]] == [ref]

    masked = employer("employer", "view", ref, "--server", server).stdout
    assert "Headline: Zig and Rust developer" in masked
    for secret in ("Mika", "Tanaka", "mika@example.com", "1234", "5678"):
        assert secret not in masked

    views = candidate("privacy", "views", "--server", server).stdout
    # The organisation's verified legal name, never what the account typed.
    assert "Employer: Sakura Systems K.K. (verified by the platform)" in views

    candidate("privacy", "lock", "--server", server)
    gone = employer("employer", "view", ref, "--server", server, ok=False)
    assert gone.returncode == 1
    assert gone.stderr.startswith("error: ")
    assert employer("employer", "search", "zig", "--server", server).stdout == (
        "No searchable candidate matches 'zig'.\n"
    )

    out = candidate("logout", "--server", server).stdout
    assert out == f"Signed out of {server} (mika@example.com).\n"
    assert candidate("profile", "show", "--server", server, ok=False).returncode == 1


def test_sigterm_stops_a_single_process_serve_with_exit_code_0(tmp_path: Path) -> None:
    """What systemd or `docker stop` sends: a normal stop, not a crash to restart."""
    process = subprocess.Popen(
        [
            installed_gpseeker(), "serve", "--port", "0", "--mail-every", "0",
            "--db", f"sqlite+aiosqlite:///{tmp_path / 'server.sqlite3'}",
        ],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "GPSEEKER_HOME": str(tmp_path / "server-home")},
        start_new_session=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        url = None
        deadline = time.monotonic() + 60
        while url is None and time.monotonic() < deadline and process.poll() is None:
            ready, _, _ = select.select([process.stdout], [], [], 0.5)
            if ready:
                found = re.search(r"listening on (http://\S+)", process.stdout.readline())
                url = found.group(1) if found else None
        assert url is not None, "gpseeker serve did not start"
        # One worker is this very process: no supervisor, no child to leave behind.
        health = httpx.get(f"{url}/api/v1/health", timeout=30)
        assert health.json()["status"] == "ok"
        assert health.json()["worker"] == process.pid
        assert health.json()["database"]["writable"] is True
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=20)
        assert process.returncode == 0, errors
        assert "Traceback" not in errors
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=20)
