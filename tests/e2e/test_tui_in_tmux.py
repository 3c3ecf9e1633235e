"""The installed app in a real terminal (tmux, 80x24), as a new user first meets it:
with NO_COLOR every state still reads in words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .terminal import Terminal, installed_gpseeker

pytestmark = pytest.mark.e2e


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = Terminal(tmp_path / "tmux.sock")
    yield terminal
    terminal.close()


def test_a_new_user_without_colour_reads_every_state_in_words(
    terminal: Terminal, tmp_path: Path
) -> None:
    terminal.start(
        [installed_gpseeker()],
        {"GPSEEKER_HOME": str(tmp_path / "home"), "NO_COLOR": "1", "TERM": "xterm-256color"},
    )
    first = terminal.wait_for("Local demo platform · you@example.com", timeout=30)
    assert "[F2 Jobs]" in first  # the open screen is marked with brackets, not colour

    terminal.press("F6")
    screen = terminal.wait_for("Your resume is LOCKED")
    assert "[F6 Privacy]" in screen

    terminal.press("s")
    terminal.wait_for("Your resume is SEARCHABLE")

    terminal.press("F5")
    terminal.wait_for("Contact details — private: never shown in the resume bank")
    terminal.press("C-q")
