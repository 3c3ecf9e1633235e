"""`gpseeker --help` and every subcommand's help say what it does in one line, and
every command that shows data can print it as JSON (DESIGN.md, "Keyboard, terminal
and accessibility").

Which commands show data is decided the other way round: every command that runs
something has --json unless it is listed in CHANGES_ONLY below. A new command that
shows data without --json fails here until it gets one; one that only changes
something (and says so in a sentence) is added to the list on purpose.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from gpseeker.cli import build_parser

CHANGES_ONLY = {
    # Sign-in and account life: each says in one sentence what it did.
    "signup",
    "login",
    "logout",
    "employer signup",
    "employer login",
    "employer logout",
    "operator add",
    "operator login",
    "operator logout",
    # One change each, confirmed in a sentence; the `show`/list command beside it has --json.
    "profile set",
    "profile add-experience",
    "profile remove-experience",
    "profile add-education",
    "profile remove-education",
    "privacy lock",
    "privacy searchable",
    "privacy include",
    "privacy exclude",
    "privacy block",
    "privacy unblock",
    "jobs save",
    "jobs unsave",
    "jobs save-search",
    "jobs delete-search",
    "apply",
    "applications withdraw",
    "inbox reply",
    "inbox decline",
    "employer post-job",
    "employer close-job",
    "employer set-status",
    "employer invite",
    "employer requests answer",
    "subscriptions subscribe",
    "subscriptions unsubscribe",
    "subscriptions frequency",
    "data forget",
    "data delete",
    # Writes the data itself, as JSON, to a file or standard output.
    "data export",
    # Run a server or a mail run; they report as they go.
    "serve",
    "mail send-due",
    # Upgrades the schema and says from which revision to which; `db current` has --json.
    "db upgrade",
    # The local platform process: stopped in a sentence, run reporting as it goes, and
    # its log printed as written; `platform status` has --json.
    "platform stop",
    "platform run",
    "platform logs",
}


def subcommands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str | None, argparse.ArgumentParser]]:
    """(("data", "export"), its one-line help, its parser) for every subcommand."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help for choice in action._choices_actions}
        for name, sub in action.choices.items():
            yield (*path, name), helps.get(name), sub
            yield from subcommands(sub, (*path, name))


ALL = list(subcommands(build_parser()))
NAMES = [" ".join(path) for path, _, _ in ALL]


def test_the_walk_finds_the_commands() -> None:
    assert {"jobs search", "data export", "employer requests answer"} <= set(NAMES)


@pytest.mark.parametrize(("path", "summary"), [(p, s) for p, s, _ in ALL], ids=NAMES)
def test_each_subcommand_says_what_it_does_in_one_line(
    path: tuple[str, ...], summary: str | None
) -> None:
    name = " ".join(path)
    assert summary and summary != argparse.SUPPRESS, f"{name} has no help"
    assert "\n" not in summary, f"{name}: help over several lines"
    assert len(summary) < 80, f"{name}: help longer than a line of a narrow terminal"
    # One style throughout: a lower-case phrase, no full stop (as argparse's own help).
    assert summary[0].islower() and not summary.endswith("."), f"{name}: {summary!r}"


def test_gpseeker_help_lists_every_command_with_its_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["--help"])
    assert stop.value.code == 0
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps long lines
    for path, summary, _ in ALL:
        if len(path) == 1:
            assert f"{path[0]} {summary}" in text


@pytest.mark.parametrize("path", [p for p, _, _ in ALL], ids=NAMES)
def test_each_subcommand_help_works(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args([*path, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: gpseeker {' '.join(path)}")
    assert not re.search("[\x1b\u2500-\u257f]", out)  # no colour, no box drawing


def _has_json(parser: argparse.ArgumentParser) -> bool:
    return any("--json" in action.option_strings for action in parser._actions)


def test_every_command_that_shows_data_has_json() -> None:
    runnable = {" ".join(p): sub for p, _, sub in ALL if sub.get_default("handler") is not None}
    lacking = sorted(
        n for n, sub in runnable.items() if n not in CHANGES_ONLY and not _has_json(sub)
    )
    assert not lacking, f"commands that show data without --json: {lacking}"
    stale = sorted(CHANGES_ONLY - runnable.keys())
    assert not stale, f"CHANGES_ONLY names commands that no longer exist: {stale}"
