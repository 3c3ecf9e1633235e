"""A plain command loads only its own part of the command line (issue 16: a command
that imported every other one paid for it on each run), and parses exactly as the
whole command line does."""

from __future__ import annotations

import argparse

import pytest

from gpseeker.cli import COMMAND_MODULES, build_parser, command_word
from tests.loaded_modules import modules_after


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_the_table_names_every_command_in_help_order() -> None:
    assert list(_commands(build_parser())) == list(COMMAND_MODULES)


@pytest.mark.parametrize("command", list(COMMAND_MODULES))
def test_a_command_built_alone_has_the_same_help_as_in_the_whole(command: str) -> None:
    alone = _commands(build_parser(command))
    assert command in alone
    assert alone[command].format_help() == _commands(build_parser())[command].format_help()


@pytest.mark.parametrize(
    ("arguments", "word"),
    [
        (["jobs", "search", "python"], "jobs"),
        (["--server", "http://example.org", "profile", "show"], "profile"),
        (["--server=http://example.org", "login"], "login"),
        (["--help"], None),
        (["--version"], None),
        (["jbos", "search"], None),  # a typo: the whole parser names the choices
        (["--server"], None),
        ([], None),
    ],
)
def test_the_command_word_is_found_after_the_server_option(
    arguments: list[str], word: str | None
) -> None:
    assert command_word(arguments) == word


def test_a_typo_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    from gpseeker.cli import main

    assert main(["jbos", "search"]) == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'jbos'" in error
    assert "subscriptions" in error and "platform" in error


def test_a_jobs_command_imports_no_other_command_module() -> None:
    loaded = set(
        modules_after(
            "from gpseeker.cli import build_parser, command_word\n"
            "build_parser(command_word(['jobs', 'search', 'python']))"
            ".parse_args(['jobs', 'search', 'python'])\n"
        )
    )
    assert "gpseeker.cli.jobs" in loaded
    others = {f"gpseeker.cli.{module}" for module in COMMAND_MODULES.values()} - {
        "gpseeker.cli.jobs"
    }
    assert not loaded & others, f"jobs also loaded {sorted(loaded & others)}"
