"""A real terminal for end-to-end tests: the installed `gpseeker` inside tmux.

Each Terminal runs on its own tmux socket (never the user's server), at a fixed size,
and reads the screen with capture-pane, which is what a person would see.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import pytest


def installed_gpseeker() -> str:
    found = shutil.which("gpseeker", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("gpseeker is not installed next to this Python (pip install -e .)")
    return found


class Terminal:
    def __init__(self, socket: Path, *, width: int = 80, height: int = 24) -> None:
        if shutil.which("tmux") is None:
            pytest.fail("tmux is not installed (apt-get install -y tmux; .ci/run does)")
        self.socket = socket
        self.width = width
        self.height = height

    def _tmux(self, *arguments: str) -> str:
        result = subprocess.run(
            ["tmux", "-S", str(self.socket), *arguments],
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def start(self, command: list[str], env: Mapping[str, str]) -> None:
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        line = f"env {exports} {shlex.join(command)}; sleep 30"
        self._tmux(
            "-f", "/dev/null", "new-session", "-d", "-s", "e2e",
            "-x", str(self.width), "-y", str(self.height), line,
        )  # fmt: skip

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """The screen once `text` is on it; fails with the last screen otherwise."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        pytest.fail(f"{text!r} did not appear on the screen:\n{screen}")

    def press(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "e2e", *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "e2e", "-l", text)

    def close(self) -> None:
        subprocess.run(["tmux", "-S", str(self.socket), "kill-server"], capture_output=True)
