"""Which platform a command talks to, and as whom.

`--server URL` beats `GPSEEKER_SERVER` beats the settings file; with none of them, a
candidate command talks to the local demo platform process, starting it if need be
(`gpseeker.composition` decides, for the app and the commands alike). Employer and operator
commands always need a server: there are no employers to play, and nothing to operate,
on the local demo platform.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from gpseeker import composition
from gpseeker.cli import output
from gpseeker.client import EmployerClient, OperatorClient, PlatformClient
from gpseeker.client.base import ApiClient
from gpseeker.local.config import StoredToken, TokenRole, TokenStore

PASSWORD_ENV = "GPSEEKER_PASSWORD"  # noqa: S105 - the variable's name, not a password


class CliError(Exception):
    """A problem the user can fix, said in one line; never shown with a traceback."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def server_option() -> argparse.ArgumentParser:
    """A parent parser adding --server to a command.

    SUPPRESS keeps a subcommand from overwriting `gpseeker --server URL <command>`
    with its own default: both spellings work.
    """
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--server",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="the platform's URL (default: GPSEEKER_SERVER, the settings file, "
        "or the local demo platform)",
    )
    return parent


def server_of(args: argparse.Namespace) -> str | None:
    try:
        return composition.server_url(getattr(args, "server", None))
    except composition.NotAServerURL as problem:
        raise CliError(str(problem)) from None


def remote_server(args: argparse.Namespace, what: str) -> str:
    server = server_of(args)
    if server is None:
        raise CliError(f"{what} needs a platform: pass --server URL or set GPSEEKER_SERVER")
    return server


def tokens() -> TokenStore:
    return TokenStore.default()


def remember(server: str | None, role: TokenRole, client: ApiClient) -> None:
    if client.session is not None:
        token = StoredToken(token=client.session.token, email=client.session.email)
        tokens().save(server, role, token)


async def seeker_client(args: argparse.Namespace) -> PlatformClient:
    server = server_of(args)
    if server is None:
        client = await composition.local_platform_client()
        for notice in client.notices:  # a damaged database set aside, say
            output.warning(notice.message)
        return client
    signin = f"gpseeker login --server {server} --email ADDRESS"
    stored = tokens().get(server, "seeker")
    if stored is None:
        raise CliError(f"not signed in to {server}: run {signin}")
    args.signin_hint = signin
    return PlatformClient(server, stored.token)


async def employer_client(args: argparse.Namespace) -> EmployerClient:
    server = remote_server(args, "an employer command")
    signin = f"gpseeker employer login --server {server} --email ADDRESS"
    stored = tokens().get(server, "employer")
    if stored is None:
        raise CliError(f"no employer signed in to {server}: run {signin}")
    args.signin_hint = signin
    return EmployerClient(server, stored.token)


async def operator_client(args: argparse.Namespace) -> OperatorClient:
    server = remote_server(args, "an operator command")
    signin = f"gpseeker operator login --server {server} --email ADDRESS"
    stored = tokens().get(server, "operator")
    if stored is None:
        raise CliError(f"no operator signed in to {server}: run {signin}")
    args.signin_hint = signin
    return OperatorClient(server, stored.token)


def read_password(*, confirm: bool = False) -> str:
    """GPSEEKER_PASSWORD for scripts, else a prompt that does not echo.

    Without a terminal (a pipe), the first line of standard input is the password.
    """
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError(f"no password: set {PASSWORD_ENV} or run in a terminal")
        return password
    password = getpass.getpass("Password: ")
    if confirm and getpass.getpass("Password again: ") != password:
        raise CliError("the two passwords differ")
    return password
