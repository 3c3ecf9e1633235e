"""Plain output is linear text: no colour or other escape sequence, no box drawing, no
cursor movement and no spinner, whether stdout is a terminal or not and whether
NO_COLOR is set or not (DESIGN.md, "Keyboard, terminal and accessibility").

gpseeker/cli/output.py never colours at all, so the strictest case is the one checked
in a real pseudo-terminal: stdout a TTY, NO_COLOR unset, a terminal that claims every
colour. A library that coloured or animated "only for terminals" would show there.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Gpseeker

# ESC, CSI (C1), backspace, and a carriage return not part of the pty's own "\r\n".
_CONTROL = re.compile("[\x1b\x9b\x08]|\r(?!\n)")
_BOX_DRAWING = re.compile("[\u2500-\u257f\u2580-\u259f]")  # lines, corners, blocks
_SPINNER = re.compile("[\u2800-\u28ff\u25d0-\u25d3\u25f0-\u25f7]")  # braille, quarter circles

# Representative commands that show data: every kind of list and record.
COMMANDS = [
    ["jobs", "search", "python", "--limit", "3"],
    ["jobs", "saved"],
    ["applications"],
    ["inbox"],
    ["profile", "show"],
    ["privacy", "preview"],
    ["privacy", "views"],
    ["privacy", "policy"],
    ["data", "disclosures"],
]

_IN_A_TERMINAL = """
import sys
from gpseeker.cli import main
assert sys.stdout.isatty()
main(["jobs", "save", "1"])
main(["apply", "1", "--yes"])
for argv in {commands!r}:
    print("=== " + " ".join(argv), flush=True)
    main(argv)
    sys.stdout.flush()
"""


def assert_plain(text: str) -> None:
    for name, pattern in (
        ("escape or cursor control", _CONTROL),
        ("box drawing", _BOX_DRAWING),
        ("spinner", _SPINNER),
    ):
        found = pattern.search(text)
        assert found is None, f"{name} {found.group()!r} in: {text[: found.start()][-200:]!r}"


def _run_in_a_pty(script: str, home: Path) -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"NO_COLOR", "GPSEEKER_SERVER", "GPSEEKER_PASSWORD", "TERM", "COLORTERM"}
    }
    env |= {
        "GPSEEKER_HOME": str(home),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "FORCE_COLOR": "1",
    }
    controller, terminal = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        env=env,
        cwd=Path(__file__).parents[2],
    ) as process:
        os.close(terminal)
        chunks: list[bytes] = []
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the process closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(controller)
        assert process.wait(timeout=120) == 0
    return b"".join(chunks).decode()


def test_in_a_colour_terminal_without_no_color_output_stays_plain(tmp_path: Path) -> None:
    text = _run_in_a_pty(_IN_A_TERMINAL.format(commands=COMMANDS), tmp_path)
    for argv in COMMANDS:
        assert f"=== {' '.join(argv)}\r\n" in text  # every command ran, in this terminal
    assert "Job 1:" in text and "Traceback" not in text
    assert_plain(text)


def test_piped_output_with_no_color_is_plain(
    gpseeker: Gpseeker, monkeypatch: pytest.MonkeyPatch
) -> None:
    # output.py has no colour to turn off, so one run with NO_COLOR set is enough here;
    # the terminal test above is the strict one.
    monkeypatch.setenv("NO_COLOR", "1")
    outputs = []
    for argv in (["jobs", "search", "python", "--limit", "3"], ["privacy", "policy"]):
        result = gpseeker(*argv)
        assert result.code == 0, (argv, result.err)
        assert_plain(result.out + result.err)
        outputs.append(result.out)

    # A list reads one block an item, each a heading and then labelled fields.
    *items, summary = outputs[0].split("\n\n")
    assert len(items) == 3 and summary.startswith("Showing 3 of ")
    for item in items:
        first, *rest = item.splitlines()
        assert re.fullmatch(r"Job \d+: .+", first)
        assert all(re.match(r"[A-Z][A-Za-z ]+: ", field) for field in rest), item
