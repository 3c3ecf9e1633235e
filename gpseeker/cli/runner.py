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
from gpseeker.client import AuthError, PlatformError, field_errors
from gpseeker.models import FieldError


def run(handler: Handler, args: argparse.Namespace) -> int:
    try:
        return asyncio.run(handler(args)) or 0
    except CliError as problem:
        output.error(problem.message)
        return problem.exit_code
    except ValidationError as problem:  # a model the command built itself
        _fields(field_errors(problem), "")
    except PlatformError as problem:
        _fields(problem.fields, problem.message)
        hint = getattr(args, "signin_hint", None)
        if isinstance(problem, AuthError) and hint:
            output.error(f"the saved sign-in was refused; sign in again: {hint}")
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


def _fields(fields: list[FieldError], message: str) -> None:
    if not fields:
        output.error(message)
    for problem in fields:
        output.error(f"{problem.path}: {problem.message}" if problem.path else problem.message)
