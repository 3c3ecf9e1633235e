"""Every command in the terminal app's palette has a plain twin, or a written reason
why it needs none (gpseeker/cli/parity.py); every twin is a real command.

The palette is read offline: the screens' keys from `screen_actions()`, the app's own
commands from `get_system_commands` on a stand-in screen (one with a help panel open
and a widget maximized, one without, so that Keys, Maximize and Minimize all show).
"""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest

from gpseeker.cli import build_parser
from gpseeker.cli.parity import NO_TWIN, TWINS
from gpseeker.ui.commands import screen_actions


class _NoConnector:
    remote = False

    async def connect(self) -> object:  # never called: the app is not run
        raise AssertionError("the parity test runs no app")


def _stand_in_screens() -> Iterator[Any]:
    def none() -> None:
        return None

    maximizable = SimpleNamespace(allow_maximize=True)
    yield SimpleNamespace(
        query=lambda _selector: [object()],
        maximized=object(),
        focused=maximizable,
        action_minimize=none,
        action_maximize=none,
    )
    yield SimpleNamespace(
        query=lambda _selector: [],
        maximized=None,
        focused=maximizable,
        action_minimize=none,
        action_maximize=none,
    )


def palette_commands(tmp_path: Path) -> set[str]:
    from gpseeker.app import GPSeekerApp

    names = {f"{item.mode}.{item.action}" for item in screen_actions()}
    app = GPSeekerApp(cast(Any, _NoConnector()), data_dir=tmp_path)
    for screen in _stand_in_screens():
        names |= {f"app.{command.title}" for command in app.get_system_commands(screen)}
    return names


@pytest.fixture(scope="module")
def palette(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    return palette_commands(tmp_path_factory.mktemp("parity"))


def test_the_stand_in_reaches_every_kind_of_palette_command(palette: set[str]) -> None:
    # If the palette were read wrongly, the next tests would pass on nothing.
    assert {"jobs.apply", "account.export", "app.Theme", "app.Go to Jobs", "app.Help"} <= palette
    assert {"app.Keys", "app.Maximize", "app.Minimize"} <= palette


def test_every_palette_command_has_a_plain_twin_or_a_reason(palette: set[str]) -> None:
    missing = sorted(palette - TWINS.keys() - NO_TWIN.keys())
    assert not missing, f"palette commands with no plain twin and no reason: {missing}"


def test_the_table_names_only_palette_commands(palette: set[str]) -> None:
    gone = sorted((TWINS.keys() | NO_TWIN.keys()) - palette)
    assert not gone, f"parity entries for palette commands that no longer exist: {gone}"


def test_a_command_has_a_twin_or_a_reason_never_both() -> None:
    assert not TWINS.keys() & NO_TWIN.keys()
    assert all(TWINS.values()), "a twin entry names at least one command"
    assert all(reason.strip() for reason in NO_TWIN.values())


def _subcommand_path(parser: argparse.ArgumentParser, words: list[str]) -> list[str]:
    """The leading words that name subcommands: ["data", "export"] of "data export x"."""
    path: list[str] = []
    for word in words:
        subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subparsers or word not in subparsers[0].choices:
            break
        parser = subparsers[0].choices[word]
        path.append(word)
    return path


TWIN_COMMANDS = sorted({command for commands in TWINS.values() for command in commands})


@pytest.mark.parametrize("command", TWIN_COMMANDS)
def test_each_twin_is_a_real_command(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    words = shlex.split(command)
    assert words[0] == "gpseeker"
    parser = build_parser()
    args = parser.parse_args(words[1:])  # a usage error exits 2 and fails here
    assert callable(getattr(args, "handler", None)), f"{command!r} runs nothing"

    path = _subcommand_path(parser, words[1:])
    assert path, f"{command!r} names no subcommand"
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args([*path, "--help"])
    assert stop.value.code == 0
    assert f"gpseeker {' '.join(path)}" in capsys.readouterr().out
