"""Runs one command and turns every expected failure into `error: ...` lines.

A user's mistake, a refused connection or a server's refusal is never a traceback:
one line per problem on stderr and exit code 1 (argparse uses 2 for usage).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from pydantic import ValidationError

from gpseeker.cli import output
from gpseeker.cli.context import CliError
from gpseeker.cli.registry import Handler
from gpseeker.client import AuthError, PlatformError, field_errors, is_unreachable
from gpseeker.core.models import FieldError
from gpseeker.local.config import check_local_files


def run(handler: Handler, args: argparse.Namespace) -> int:
    # Before the command reads them: a damaged settings or token file is reported
    # once, here, and the command goes on with the defaults or signed out.
    for notice in check_local_files()[1]:
        output.warning(notice.message)
    try:
        return asyncio.run(handler(args)) or 0
    except CliError as problem:
        output.error(problem.message)
        return problem.exit_code
    except ValidationError as problem:  # a model the command built itself
        _fields(field_errors(problem), "")
    except PlatformError as problem:
        for text in error_lines(problem, getattr(args, "signin_hint", None)):
            output.error(text)
    except BrokenPipeError:
        # The reader went away (`gpseeker privacy policy | head`): that is its choice,
        # not an error. Point stdout at nothing so the interpreter's final flush
        # cannot raise again, and exit as a piped Unix tool does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        # 130 says "interrupted" to a calling script; a command whose normal end is
        # Ctrl+C (serve) sets its own code.
        return int(getattr(args, "exit_code_on_interrupt", 130))
    return 1


def error_lines(problem: PlatformError, signin_hint: str | None = None) -> list[str]:
    """What a command prints (each line after "error: ") when the platform refused or
    could not be asked; the fault suite checks these words against what was stored."""
    lines = _field_lines(problem.fields, problem.message)
    if problem.outcome_unknown:
        # The answer was lost, not the request: never let "cannot reach" read as
        # "nothing happened".
        lines.append(
            "the platform may have done it all the same (its answer was lost); "
            "check before running the command again"
        )
    elif is_unreachable(problem):
        # A plain command is one try (with the client's few quick retries), not a
        # session: it does not wait for the platform; it says what to do instead.
        lines.append(
            "check the address and that the platform is running, then run the command again"
        )
    if isinstance(problem, AuthError) and signin_hint:
        lines.append(f"the saved sign-in was refused; sign in again: {signin_hint}")
    return lines


def _fields(fields: list[FieldError], message: str) -> None:
    for text in _field_lines(fields, message):
        output.error(text)


def _field_lines(fields: list[FieldError], message: str) -> list[str]:
    if not fields:
        return [message]
    return [
        f"{problem.path}: {problem.message}" if problem.path else problem.message
        for problem in fields
    ]
