"""The installed app in a real terminal (tmux, 80x24, NO_COLOR) against a real
`gpseeker serve` on a fixed port that the test stops and starts again: started while
the platform is down, the app says so in words and counts down; F8 reconnects at once
once the platform is back and the jobs list appears; after a loss mid-session it
reconnects by itself, and the search typed meanwhile is kept and run."""

from __future__ import annotations

import os
import re
import select
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e import test_serve_cli
from tests.e2e.terminal import Terminal, installed_gpseeker

pytestmark = pytest.mark.e2e

EMAIL = "mika@example.com"
UNREACHABLE = "Platform unreachable: reconnecting"
JOBS_SHOWN = "· f: filters"
"""The end of the jobs screen's status line once a search has answered."""


class Platform:
    """`gpseeker serve` on one fixed port, on one database, stopped and started again."""

    def __init__(self, tmp_path: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.tmp_path = tmp_path
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> None:
        env = {**os.environ, "GPSEEKER_HOME": str(self.tmp_path / "server-home")}
        log = (self.tmp_path / "server.log").open("a")
        database = f"sqlite+aiosqlite:///{self.tmp_path / 'server.sqlite3'}"
        self.process = subprocess.Popen(
            [
                installed_gpseeker(), "serve", "--host", "127.0.0.1", "--port", str(self.port),
                "--db", database, "--seed-demo",
            ],
            stdout=subprocess.PIPE, stderr=log, text=True, env=env,
        )  # fmt: skip
        assert self.process.stdout is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.process.poll() is None:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.5)
            if ready and "listening on" in self.process.stdout.readline():
                return
        self.process.kill()
        pytest.fail(f"gpseeker serve did not start:\n{(self.tmp_path / 'server.log').read_text()}")

    def stop(self) -> None:
        if self.process is None:
            return
        process, self.process = self.process, None
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            raise


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[Platform]:
    platform = Platform(tmp_path)
    yield platform
    platform.stop()


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = Terminal(tmp_path / "tmux.sock")
    yield terminal
    terminal.close()


def wait_for_wait(terminal: Terminal, at_least: int, timeout: float = 30) -> str:
    """The screen once the countdown shows a wait of `at_least` seconds or more."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = terminal.screen()
        found = re.search(r"reconnecting in (\d+) s", screen)
        if found and int(found.group(1)) >= at_least:
            return screen
        time.sleep(0.1)
    pytest.fail(f"no wait of {at_least} s or more after {timeout:g} s; the screen was:\n{screen}")


def test_the_app_waits_for_the_platform_reconnects_on_f8_and_by_itself(
    platform: Platform, terminal: Terminal, tmp_path: Path
) -> None:
    platform.start()
    candidate = test_serve_cli.person(tmp_path, "candidate")
    test_serve_cli.signed_up(candidate, tmp_path, "signup", "--server", platform.url,
                             "--email", EMAIL, "--name", "Mika Tanaka")  # fmt: skip
    platform.stop()

    terminal.start(
        [installed_gpseeker(), "--server", platform.url],
        {
            "GPSEEKER_HOME": str(tmp_path / "candidate"),
            "GPSEEKER_RECONNECT_MAX_SECONDS": "20",
            "NO_COLOR": "1",
            "TERM": "xterm-256color",
        },
    )
    # Down at the start: said in words, with the key, and the waits grow.
    screen = terminal.wait_for_all(UNREACHABLE, "press F8 to retry now", timeout=30)
    assert "not connected" in screen
    wait_for_wait(terminal, at_least=4)

    # Back: F8 connects now instead of at the end of the wait; the jobs list appears.
    platform.start()
    terminal.press("F8")
    screen = terminal.wait_for_all(JOBS_SHOWN, f"· {EMAIL}", timeout=5)
    assert UNREACHABLE not in screen

    # Lost mid-session: the search typed meanwhile fails, and the app says why.
    platform.stop()
    terminal.type("engineer")
    terminal.wait_for_all(UNREACHABLE, "Could not search", timeout=20)

    # Back again: no key pressed; the app reconnects and runs the search as typed.
    platform.start()
    screen = terminal.wait_for_all("for “engineer”", JOBS_SHOWN, timeout=30)
    assert UNREACHABLE not in screen
    # Still in the search box: the first line drawn between an input's edges. A toast
    # may still cover the input's right edge with its own (▌).
    inside = [
        line.split("▌")[0].strip(" ▊▎")
        for line in screen.splitlines()
        if line.lstrip().startswith("▊") and "▔" not in line and "▁" not in line
    ]
    assert inside and inside[0] == "engineer", screen
    terminal.press("C-q")
