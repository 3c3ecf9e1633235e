"""The local platform process's life, with real processes (issue 16, part 1).

Each test runs the installed `gpseeker` over its own GPSEEKER_HOME, as a candidate
would: the first command starts the platform, the next ones share it, it ends when
idle, and a leftover socket, a crash or an older gpseeker's platform are dealt with.
The conftest stops whatever platform a test leaves running.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import gpseeker

from .terminal import installed_gpseeker

pytestmark = pytest.mark.e2e

START = "the local platform starts"
"""What the platform's log says each time one starts."""


def environment(home: Path, **extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name != "GPSEEKER_SERVER"}
    return {**env, "GPSEEKER_HOME": str(home), **extra}


def run(home: Path, *argv: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_gpseeker(), *argv],
        env=environment(home, **extra),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def status(home: Path) -> dict[str, Any]:
    result = run(home, "platform", "status", "--json")
    assert "Traceback" not in result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def starts(home: Path) -> int:
    log = home / "data" / "platform.log"
    return log.read_text().count(START) if log.exists() else 0


def until(condition: Any, what: str, within: float = 30.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(0.1)


def test_two_commands_at_once_start_one_platform_that_both_share(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: run(home, "privacy", "status"), range(2)))
    for result in results:
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Resume: LOCKED\n")
    assert starts(home) == 1  # the second starter found the first one's platform
    running = status(home)
    assert running["running"] is True
    socket_path = Path(running["socket"])
    assert socket_path == home / "data" / "platform.sock"
    assert stat.S_IMODE(socket_path.stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "data").stat().st_mode) == 0o700
    # A later command uses the same platform.
    assert run(home, "jobs", "search", "python").returncode == 0
    assert status(home)["pid"] == running["pid"]
    assert starts(home) == 1

    stopped = run(home, "platform", "stop")
    assert stopped.stdout == f"The local demo platform (process {running['pid']}) has stopped.\n"
    assert not socket_path.exists() and not (home / "data" / "platform.pid").exists()
    assert run(home, "platform", "stop").stdout == "The local demo platform was not running.\n"


def test_the_platform_ends_by_itself_when_idle(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run(home, "privacy", "status", GPSEEKER_PLATFORM_IDLE_SECONDS="2")
    assert result.returncode == 0, result.stderr
    log = home / "data" / "platform.log"
    assert "it ends after 2 s without a request" in log.read_text()
    until(lambda: "the local platform has ended" in log.read_text(), "it ended", within=20)
    assert "no request for 2 s: the local platform ends" in log.read_text()
    assert not status(home)["running"]
    assert not (home / "data" / "platform.sock").exists()
    # The next command starts it again.
    assert run(home, "privacy", "status").returncode == 0
    assert starts(home) == 2


def test_a_socket_and_pid_left_by_a_crash_do_not_stop_a_start(tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = home / "data"
    data.mkdir(parents=True, mode=0o700)
    # A socket nobody listens on any more, and a pid file naming a process that is
    # not a platform (this test's own): both as a platform killed by a power cut leaves.
    leftover = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    leftover.bind(str(data / "platform.sock"))
    leftover.close()
    (data / "platform.pid").write_text(f"{os.getpid()}\n")

    result = run(home, "privacy", "status")

    assert result.returncode == 0, result.stderr
    assert status(home)["pid"] != os.getpid()


def test_a_crashed_platform_is_started_again_then_a_failing_one_is_named(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "privacy", "status").returncode == 0
    first = status(home)["pid"]
    os.kill(first, signal.SIGKILL)  # a crash: no clean-up, the socket file stays
    until(lambda: not status(home)["running"], "the killed platform is gone")
    assert (home / "data" / "platform.sock").exists()

    again = run(home, "privacy", "status")
    assert again.returncode == 0, again.stderr
    assert status(home)["pid"] != first
    assert run(home, "platform", "stop").returncode == 0

    # Now it cannot start at all: its database is a folder.
    database = home / "data" / "platform.sqlite3"
    database.unlink()
    database.mkdir()
    before = starts(home)
    failed = run(home, "privacy", "status")
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    log = home / "data" / "platform.log"
    assert f"could not start (tried twice); its log says why: {log}" in failed.stderr
    assert starts(home) == before + 2  # started once more, and no more
    shown = run(home, "platform", "logs", "--lines", "200")
    assert "unable to open database file" in shown.stdout


def test_a_platform_of_an_older_gpseeker_is_replaced(tmp_path: Path) -> None:
    """After an upgrade, the platform still running is the old code: the first command
    of the new gpseeker stops it and starts its own."""
    old = tmp_path / "old"
    shutil.copytree(
        Path(gpseeker.__file__).parent,
        old / "gpseeker",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    init = old / "gpseeker" / "__init__.py"
    init.write_text(init.read_text().replace(f'"{gpseeker.__version__}"', '"0.0.1"'))
    home = tmp_path / "home"
    older = subprocess.run(
        [sys.executable, "-m", "gpseeker", "privacy", "status"],
        cwd=old,  # `-m` puts it first on the path: the old package is the one imported
        env=environment(home, PYTHONPATH=str(old)),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert older.returncode == 0, older.stderr
    before = status(home)
    assert before["version"] == "0.0.1"

    result = run(home, "privacy", "status")

    assert result.returncode == 0, result.stderr
    after = status(home)
    assert after["version"] == gpseeker.__version__
    assert after["pid"] != before["pid"]
    assert not _alive(before["pid"])


def test_a_data_directory_too_long_for_a_socket_gets_a_short_private_one(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    home = tmp_path / ("a-rather-long-folder-name-" * 4) / "home"
    runtime = Path(tempfile.mkdtemp(prefix="gpseeker-test-", dir="/tmp"))  # short
    request.addfinalizer(lambda: shutil.rmtree(runtime, ignore_errors=True))
    result = run(home, "privacy", "status", XDG_RUNTIME_DIR=str(runtime))
    assert result.returncode == 0, result.stderr
    running = subprocess.run(
        [installed_gpseeker(), "platform", "status", "--json"],
        env=environment(home, XDG_RUNTIME_DIR=str(runtime)),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    socket_path = Path(json.loads(running.stdout)["socket"])
    assert socket_path.parent == runtime / "gpseeker"
    assert len(os.fsencode(socket_path)) <= 100
    assert stat.S_IMODE(socket_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(socket_path.parent.stat().st_mode) == 0o700


NO_SERVER = """
import json, sys
from gpseeker.cli import main
code = main(sys.argv[1:])
loaded = [m for m in sys.modules if m.split(".")[0] in ("fastapi", "sqlalchemy", "starlette",
          "uvicorn", "alembic") or m.startswith("gpseeker.server")]
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""

TUI_NO_SERVER = """
import json, sys
from gpseeker import composition
from gpseeker.app import GPSeekerApp
from pathlib import Path

seen = {}

async def connected(pilot):
    await pilot.app.connected()
    await pilot.app.workers.wait_for_complete()
    seen["label"] = pilot.app.sub_title
    seen["loaded"] = [m for m in sys.modules if m.split(".")[0] in ("fastapi", "sqlalchemy",
                      "starlette", "uvicorn", "alembic") or m.startswith("gpseeker.server")]
    pilot.app.exit()

app = GPSeekerApp(composition.connector(None), data_dir=Path(sys.argv[1]))
app.run(headless=True, size=(80, 24), auto_pilot=connected)
print(json.dumps(seen))
"""


def test_neither_a_command_nor_the_app_imports_the_server(tmp_path: Path) -> None:
    """The platform's stack (FastAPI, SQLAlchemy: ~400 ms) is the platform process's
    alone: a plain command and the app talk HTTP to it."""
    home = tmp_path / "home"
    command = subprocess.run(
        [sys.executable, "-c", NO_SERVER, "privacy", "status"],
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    report = json.loads(command.stderr.strip().splitlines()[-1])
    assert report == {"code": 0, "loaded": []}, command.stderr

    app = subprocess.run(
        [sys.executable, "-c", TUI_NO_SERVER, str(home / "data")],
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    seen = json.loads(app.stdout.strip().splitlines()[-1])
    assert "Local demo platform · you@example.com" in seen["label"]
    assert seen["loaded"] == []


def _alive(pid: int) -> bool:
    """Running, or at least not yet ended: a zombie has ended (an orphan's exit status
    waits for PID 1 to collect it, which here takes up to a second or so)."""
    try:
        os.kill(pid, 0)
        stat_line = Path(f"/proc/{pid}/stat").read_text()
    except (ProcessLookupError, FileNotFoundError):
        return False
    return stat_line.rsplit(")", 1)[1].split()[0] != "Z"


EARLY_START = """
import sys, time
from pathlib import Path
from gpseeker.composition import app_start, start_local_platform_soon
from gpseeker.local_platform.files import PlatformFiles, running_pid
start_local_platform_soon(app_start(sys.argv[1] or None))
files = PlatformFiles(Path(sys.argv[2]))
deadline = time.monotonic() + float(sys.argv[3])
while time.monotonic() < deadline and not files.socket.exists():
    time.sleep(0.05)
time.sleep(0.5)
print(running_pid(files))
"""


def test_the_app_sets_its_platform_starting_before_it_paints(tmp_path: Path) -> None:
    """`gpseeker` starts the local platform in the background before it loads Textual,
    so that the platform boots while the app paints; with a server configured it
    starts none. No client has asked anything in either case."""
    home = tmp_path / "home"

    def early(server: str, wait: float) -> str:
        done = subprocess.run(
            [sys.executable, "-c", EARLY_START, server, str(home / "data"), str(wait)],
            env=environment(home),
            capture_output=True,
            text=True,
            timeout=240,
            check=True,
        )
        return done.stdout.strip()

    assert early("http://127.0.0.1:9", 2.0) == "None"
    assert starts(home) == 0
    pid = early("", 120.0)
    assert pid.isdigit() and _alive(int(pid))
    assert starts(home) == 1
    assert status(home)["running"] is True
