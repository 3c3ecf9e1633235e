"""Damaged local files against the installed `gpseeker`: the app in tmux and a plain
command, each started over a home with one file damaged (issue 15, parts 5 to 7).

Every cell of the matrix asserts what a user would notice: a message that names the
file, no "Traceback" anywhere, and the app or the command still doing its work (the
local demo platform signed in, the resume's state printed, typing drafted).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.local_platforms import stop_local_platforms

from .terminal import Terminal, installed_gpseeker, notice_text, squashed

pytestmark = pytest.mark.e2e

SIGNED_IN = "Local demo platform · you@example.com"
WITHOUT_OVERRIDE = "-dac_override,-dac_read_search"
"""Capabilities that let root read any file: dropped, so that a permission means for
root what it means for a candidate."""


# --- a home to damage ------------------------------------------------------------------


def environment(home: Path) -> dict[str, str]:
    return {
        "GPSEEKER_HOME": str(home),
        "NO_COLOR": "1",
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        # The tree under test, for the installed entry point as for this process.
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
    }


def as_a_user(command: list[str]) -> list[str]:
    """`command` without root's power to read unreadable files (if this is root)."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a permission cannot be refused")
    return [
        setpriv,
        f"--inh-caps={WITHOUT_OVERRIDE}",
        f"--bounding-set={WITHOUT_OVERRIDE}",
        *command,
    ]


@pytest.fixture(scope="module")
def seeded_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose local demo platform is made and signed in: copied for each case, so
    that only the first start pays for seeding the demo jobs."""
    home = tmp_path_factory.mktemp("seeded") / "home"
    result = subprocess.run(
        [installed_gpseeker(), "privacy", "status"],
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # Stopped before the copies: each case starts its own platform on its own copy
    # (and a socket is not a file to copy).
    stop_local_platforms(home)
    return home


@pytest.fixture
def home(seeded_home: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(seeded_home, copy)
    return copy


@dataclass(frozen=True)
class Damage:
    """One damaged file: how to damage it, and the words its message must hold."""

    damage: Callable[[Path], Path]
    """Damages a copy of the seeded home; returns the file the message must name."""
    says: str
    as_a_user: bool = False
    """Run without root's override, for a permission to count."""


def settings_not_toml(home: Path) -> Path:
    path = home / "config" / "settings.toml"
    path.write_text('theme = "gpseeker-light\n')
    return path


def setting_of_the_wrong_type(home: Path) -> Path:
    path = home / "config" / "settings.toml"
    path.write_text('cursor_blink = "maybe"\n')
    return path


def tokens_not_utf8(home: Path) -> Path:
    path = home / "config" / "tokens.json"
    path.write_bytes(b'{"embedded": \xff\xfe}')
    return path


def tokens_of_the_wrong_shape(home: Path) -> Path:
    path = home / "config" / "tokens.json"
    path.write_text('{"embedded": ["not", "a", "token"]}')
    return path


def tokens_a_folder(home: Path) -> Path:
    path = home / "config" / "tokens.json"
    path.unlink()
    path.mkdir()
    return path


def tokens_unreadable(home: Path) -> Path:
    path = home / "config" / "tokens.json"
    path.chmod(0)
    return path


def tokens_readable_by_all(home: Path) -> Path:
    path = home / "config" / "tokens.json"
    path.chmod(0o644)
    return path


def database_cut_short(home: Path) -> Path:
    path = home / "data" / "platform.sqlite3"
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    return path


def draft_not_utf8(home: Path) -> Path:
    path = home / "data" / "drafts" / "profile.json"
    path.parent.mkdir(mode=0o700)
    path.write_bytes(b'{"form": {"headline": "\xff\xfe"}}')
    return path


DAMAGES = {
    "settings not TOML": Damage(settings_not_toml, "is not valid TOML"),
    "a setting of the wrong type": Damage(setting_of_the_wrong_type, "write true or false"),
    "tokens not UTF-8": Damage(tokens_not_utf8, "You are signed out"),
    "tokens of the wrong shape": Damage(tokens_of_the_wrong_shape, "You are signed out"),
    "tokens a folder": Damage(tokens_a_folder, "it is a folder, not a file"),
    "tokens unreadable": Damage(tokens_unreadable, "not allowed to read it", as_a_user=True),
    "tokens readable by all": Damage(tokens_readable_by_all, "readable by you only"),
    "database cut short": Damage(database_cut_short, "a new, empty local platform"),
    "draft not UTF-8": Damage(draft_not_utf8, "what you type now is kept as a new draft"),
}

NOT_READ_BY_COMMANDS = {"draft not UTF-8"}
"""Plain commands save the profile field by field and keep no draft: only the app
reads one, so only the app can be asked to name it."""


# --- the matrix --------------------------------------------------------------------------


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = Terminal(tmp_path / "tmux.sock")
    yield terminal
    terminal.close()


def drafted(path: Path, *, within: float) -> bool:
    deadline = time.monotonic() + within
    while not os.path.isfile(path):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.mark.parametrize("case", DAMAGES.keys())
def test_the_app_names_the_damaged_file_and_starts(
    case: str, home: Path, terminal: Terminal
) -> None:
    damage = DAMAGES[case]
    named = damage.damage(home)
    command = [installed_gpseeker()]
    terminal.start(as_a_user(command) if damage.as_a_user else command, environment(home))

    terminal.wait_for(SIGNED_IN, timeout=60)
    screen = terminal.wait_for_notice(damage.says)
    assert squashed(str(named)) in notice_text(screen), screen
    assert "Traceback" not in screen

    if case == "draft not UTF-8":
        # Drafting goes on: typing is marked unsaved and quitting asks first.
        terminal.wait_for("Full name")
        terminal.type("x")
        terminal.wait_for("· unsaved")  # at 80 columns the header ends "unsaved cha…"
        terminal.press("C-q")
        terminal.wait_for("Your profile has unsaved changes")
        # The draft is written a moment after the typing stops (the editor's delay).
        assert drafted(named, within=10), f"no new draft in {named}"
        return
    terminal.press("C-q")
    after = terminal.wait_until_gone(SIGNED_IN)
    assert "Traceback" not in after
    assert_repaired(case, named)


@pytest.mark.parametrize("case", [case for case in DAMAGES if case not in NOT_READ_BY_COMMANDS])
def test_a_plain_command_names_the_damaged_file_and_does_its_work(case: str, home: Path) -> None:
    damage = DAMAGES[case]
    named = damage.damage(home)
    command = [installed_gpseeker(), "privacy", "status"]

    result = subprocess.run(
        as_a_user(command) if damage.as_a_user else command,
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Resume: LOCKED\n")
    [message] = [line for line in result.stderr.splitlines() if str(named) in line]
    assert message.startswith("warning: ")
    assert damage.says in message
    assert_repaired(case, named)


def assert_repaired(case: str, named: Path) -> None:
    """What is left on disk: a settings file is the user's own and stays; a damaged
    file gpseeker writes is set aside beside a sound new one; secrets are private."""
    if case.startswith("settings") or case.startswith("a setting"):
        assert named.is_file()
        return
    if case == "tokens readable by all":
        assert stat.S_IMODE(named.stat().st_mode) == 0o600
        return
    assert list(named.parent.glob(f"{named.name}.damaged-*")), sorted(named.parent.iterdir())
    assert named.is_file()  # signed in again / a new platform: a sound file in its place


def test_a_read_only_config_folder_does_not_stop_the_app_or_a_command(
    home: Path, terminal: Terminal
) -> None:
    """Nothing is written at start: a read-only (or full) config folder costs nothing
    until the candidate changes a setting, and then costs a notice."""
    config = home / "config"
    config.chmod(0o500)
    command = [installed_gpseeker()]
    terminal.start(as_a_user(command), environment(home))
    terminal.wait_for(SIGNED_IN, timeout=60)
    terminal.press("C-q")
    assert "Traceback" not in terminal.wait_until_gone(SIGNED_IN)

    result = subprocess.run(
        as_a_user([installed_gpseeker(), "privacy", "status"]),
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    config.chmod(0o700)
