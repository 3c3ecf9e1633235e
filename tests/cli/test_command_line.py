"""The command line itself: help, usage errors, and failures without tracebacks."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from gpseeker.cli import build_parser
from tests.cli.conftest import Gpseeker


def _subcommands(parser: argparse.ArgumentParser, prefix: str = "") -> list[tuple[str, str]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                name = f"{prefix}{choice.dest}"
                found.append((name, choice.help or ""))
                found.extend(_subcommands(action.choices[choice.dest], f"{name} "))
    return found


def test_every_command_says_what_it_does_in_one_line() -> None:
    commands = _subcommands(build_parser())
    assert {"profile set", "privacy lock", "employer search", "serve"} <= {n for n, _ in commands}
    for name, summary in commands:
        assert summary and "\n" not in summary, f"gpseeker {name} has no one-line help"


def test_a_group_without_its_action_is_a_usage_error(gpseeker: Gpseeker) -> None:
    result = gpseeker("privacy")
    assert result.code == 2
    assert "required: ACTION" in result.err


def test_employer_commands_need_a_server(gpseeker: Gpseeker) -> None:
    result = gpseeker("employer", "search", "python")
    assert result.code == 1
    assert result.err == (
        "error: an employer command needs a platform: pass --server URL or set GPSEEKER_SERVER\n"
    )


def test_a_server_without_a_scheme_is_explained(gpseeker: Gpseeker) -> None:
    result = gpseeker("privacy", "status", "--server", "127.0.0.1:8000")
    assert result.code == 1
    assert "write it like http://127.0.0.1:8000" in result.err


def test_not_signed_in_to_a_remote_says_how(gpseeker: Gpseeker) -> None:
    result = gpseeker("--server", "http://127.0.0.1:9", "profile", "show")
    assert result.code == 1
    assert result.err == (
        "error: not signed in to http://127.0.0.1:9: run gpseeker login "
        "--server http://127.0.0.1:9 --email ADDRESS\n"
    )


def test_a_refused_connection_is_one_line_not_a_traceback(
    gpseeker: Gpseeker, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("GPSEEKER_PASSWORD", "correct horse battery staple")
    url = f"http://127.0.0.1:{port}"
    result = gpseeker("login", "--server", url, "--email", "mika@example.com")
    assert result.code == 1
    assert result.err == (
        f"error: cannot reach {url}: connection refused\n"
        "error: check the address and that the platform is running, then run the command again\n"
    )


def test_logout_of_the_local_platform_is_a_no_op(gpseeker: Gpseeker) -> None:
    result = gpseeker("logout")
    assert result.code == 0
    assert "keeps you signed in" in result.out


def test_gpseeker_server_points_commands_at_a_remote(
    gpseeker: Gpseeker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GPSEEKER_SERVER", "http://127.0.0.1:9/")
    result = gpseeker("employer", "search", "python")
    assert result.code == 1
    assert result.err.startswith("error: no employer signed in to http://127.0.0.1:9: run")


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`gpseeker privacy policy | head -3`: the pipe closes before the output ends."""
    command = f"{Path(sys.executable).parent / 'gpseeker'} privacy policy | head -3"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        env={**os.environ, "GPSEEKER_HOME": str(tmp_path)},
        timeout=120,
    )
    assert result.stdout.startswith("Privacy policy: version")
    assert len(result.stdout.splitlines()) == 3
    assert "Traceback" not in result.stderr and "BrokenPipeError" not in result.stderr
