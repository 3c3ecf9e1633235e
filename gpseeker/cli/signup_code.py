"""The mailed code that finishes a sign-up, from the command line.

`gpseeker signup` and `gpseeker employer signup` send the sign-up; a platform that
confirms addresses then mails a code. At a terminal the command asks for it at once
(a wrong one may be typed again); a script, or someone whose mail is slow, finishes
later with `--code CODE`, and `--resend` mails a new code. The platform's answer is
the same whether or not the address has an account, and so is this command's.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from gpseeker.cli import output
from gpseeker.cli.context import CliError, read_password
from gpseeker.client import ValidationFailed
from gpseeker.client.base import ApiClient
from gpseeker.core.models import SignupStarted

C = TypeVar("C", bound=ApiClient)


def add_code_options(parser: argparse.ArgumentParser) -> None:
    finish = parser.add_mutually_exclusive_group()
    finish.add_argument(
        "--code",
        metavar="CODE",
        help="finish a sign-up with the code mailed to the address (no password asked)",
    )
    finish.add_argument(
        "--resend",
        action="store_true",
        help="mail a new code for a sign-up that waits for one (the earlier one stops working)",
    )


def ask_code() -> str | None:
    """The code, typed at a terminal; None without one, or when Enter alone is pressed."""
    if not sys.stdin.isatty():
        return None
    try:
        typed = input("Code from the e-mail (Enter alone to finish later): ")
    except EOFError:
        return None
    return typed.strip() or None


def finish_later(command: str, server: str, email: str) -> None:
    output.line(
        f"To finish when the mail arrives: {command} --server {server} --email {email} --code CODE"
    )
    output.line(f"For a new code: {command} --server {server} --email {email} --resend")


async def finish_signup(
    kind: type[C], server: str, email: str, password: str, started: SignupStarted, command: str
) -> C | None:
    """A client signed in to the new account, or None when the code is to come later."""
    if not started.code_required:
        return await kind.login(server, email, password)
    output.line(started.message)
    code = ask_code()
    while code is not None:
        try:
            return await kind.confirm_signup(server, email, code)
        except ValidationFailed as problem:
            output.error(problem.message)
            if problem.code != "code_wrong":
                break  # spent or expired: only a new code helps
        code = ask_code()
    finish_later(command, server, email)
    return None


async def resend(kind: type[ApiClient], server: str, email: str, command: str) -> None:
    started = await kind.resend_code(server, email)
    output.line(started.message)
    finish_later(command, server, email)


async def sign_up(
    kind: type[C],
    server: str,
    args: argparse.Namespace,
    command: str,
    *,
    named: str | None,
    unnamed: str,
    request: Callable[[str], Awaitable[SignupStarted]],
) -> C | None:
    """The three ways `command` goes: `--resend` mails a new code; `--code` finishes a
    sign-up; otherwise a new sign-up (`named`: the name it needs, `unnamed` the error
    without one; `request(password)` sends it). A client signed in to the new account,
    or None when nothing more is to be done now."""
    if args.resend:
        await resend(kind, server, args.email, command)
        return None
    if args.code:
        return await kind.confirm_signup(server, args.email, args.code)
    if not named:
        raise CliError(unnamed)
    password = read_password(confirm=True)
    started = await request(password)
    return await finish_signup(kind, server, args.email, password, started, command)
