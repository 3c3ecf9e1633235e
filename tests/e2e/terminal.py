"""A real terminal for end-to-end tests: the installed `gpseeker` inside tmux.

Each Terminal runs on its own tmux socket (never the user's server), at a fixed size,
and reads the screen with capture-pane, which is what a person would see.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

PROBE = "¤"
"""Typed to see where the focus is, then erased; no screen of the app shows it."""
_SCROLL_BAR = re.compile(r"\s[▁▂▃▄▅▆▇█]+\s*$")


def installed_gpseeker() -> str:
    found = shutil.which("gpseeker", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("gpseeker is not installed next to this Python (pip install -e .)")
    return found


def squashed(text: str) -> str:
    """`text` without white space: a path wrapped over two lines of a notice reads whole."""
    return re.sub(r"\s+", "", text)


def notice_text(screen: str) -> str:
    """The notices on the right of `screen`, squashed: each of their lines starts after
    the bar that is their left edge, whatever the screen shows beside them."""
    return squashed("".join(line.rsplit("▌", 1)[-1] for line in screen.splitlines() if "▌" in line))


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
        return self.wait_for_all(text, timeout=timeout)

    def wait_for_all(self, *texts: str, timeout: float = 20.0) -> str:
        """The screen once every one of `texts` is on it at the same time."""
        return self._wait(lambda screen: all(text in screen for text in texts), texts, timeout)

    def wait_for_any(self, *texts: str, timeout: float = 20.0) -> str:
        """The screen once one of `texts` is on it (a success or the error it may show)."""
        return self._wait(lambda screen: any(text in screen for text in texts), texts, timeout)

    def wait_for_notice(self, text: str, timeout: float = 20.0) -> str:
        """The screen once a notice (a toast on the right) holds `text`, read as a
        person reads a notice wrapped over several lines (see `notice_text`)."""
        wanted = squashed(text)
        return self._wait(lambda screen: wanted in notice_text(screen), (text,), timeout)

    def wait_until_gone(self, text: str, timeout: float = 20.0) -> str:
        """The screen once `text` has left it (a dialog closed, a message replaced)."""
        return self._wait(lambda screen: text not in screen, (f"no {text}",), timeout)

    def _wait(self, done: Callable[[str], bool], wanted: tuple[str, ...], timeout: float) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if done(screen):
                return screen
            time.sleep(0.1)
        shown = " and ".join(repr(text) for text in wanted)
        pytest.fail(f"after {timeout:g} s, waiting for {shown}, the screen was:\n{screen}")

    def press(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "e2e", *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "e2e", "-l", text)

    def tab(self, times: int = 1) -> None:
        """Press Tab `times` times, one at a time (see `settle`)."""
        for _ in range(times):
            self.press("Tab")
            self.settle()

    def tab_to(self, label: str, *, limit: int = 30) -> None:
        """Press Tab until the focus is in the input labelled `label`, looking after
        each Tab as a person would: a probe character is typed, seen (or not, on a
        stop that takes no text) and erased. Counting Tabs blind breaks as soon as
        one arrives while the app is busy re-laying out the form."""
        for _ in range(limit):
            if self._probe(label):
                return
            self.press("Tab")
            self.settle(0.2)
        pytest.fail(f"Tab never reached the field {label!r}:\n{self.screen()}")

    def _probe(self, label: str) -> bool:
        before = self.screen().count(PROBE)
        self.type(PROBE)
        deadline = time.monotonic() + 2.0
        while self.screen().count(PROBE) == before:
            if time.monotonic() > deadline:
                return False  # a Select, a button, a tick list: no text here
            time.sleep(0.05)
        here = self.field(label).endswith(PROBE)
        self.press("BSpace")
        self._wait(lambda screen: screen.count(PROBE) == before, (f"no {PROBE}",), 10)
        return here

    def field(self, label: str) -> str:
        """The text shown in the input box under `label` (a hint line may sit between)."""
        # A scroll bar may end a line (its thumb is drawn with block characters).
        lines = [_SCROLL_BAR.sub("", line).strip() for line in self.screen().splitlines()]
        for index, line in enumerate(lines):
            if line != label:
                continue
            for below in lines[index + 1 : index + 4]:
                if below.startswith("▊") and "▔" not in below and "▁" not in below:
                    return below.strip("▊▎ ")
        return ""

    def wait_for_field(self, label: str, value: str, timeout: float = 10.0) -> str:
        """The screen once the input under `label` shows `value`."""
        return self._wait(lambda _: self.field(label) == value, (f"{label}: {value}",), timeout)

    def settle(self, seconds: float = 0.15) -> None:
        """A short pause between keys. Text and a Tab sent in one burst reach the app
        in one read and the Tab is lost (focus stays put), which a person typing never
        meets; so type, wait for the echo, pause, then Tab."""
        time.sleep(seconds)

    def enter_text(self, text: str, *, shows: str | None = None) -> None:
        """Type `text` into the focused input and wait until it shows (`shows`, say
        the bullets of a password, or the text's last 20 characters)."""
        self.type(text)
        self.wait_for(shows if shows is not None else text[-20:], timeout=10)

    def record(self, path: Path) -> None:
        """Append every byte the program writes to its terminal to `path` (pipe-pane)."""
        self._tmux("pipe-pane", "-o", "-t", "e2e", f"cat >> {shlex.quote(str(path))}")

    def close(self) -> None:
        subprocess.run(["tmux", "-S", str(self.socket), "kill-server"], capture_output=True)
