"""`gpseeker signup | login | logout`: a candidate's account on a remote platform.

The local demo platform needs none of these: it signs its local account in by itself.
"""

from __future__ import annotations

import argparse

from gpseeker.cli import output
from gpseeker.cli.context import (
    read_password,
    remember,
    remote_server,
    server_of,
    server_option,
    tokens,
)
from gpseeker.cli.registry import Commands
from gpseeker.cli.signup_code import add_code_options, sign_up
from gpseeker.client import (
    AuthError,
    EmployerClient,
    OperatorClient,
    PlatformClient,
    PlatformError,
)
from gpseeker.client.base import ApiClient
from gpseeker.local.config import Paths, TokenRole
from gpseeker.local.known_jobs import forget as forget_known_jobs


def register(commands: Commands) -> None:
    server = server_option()
    signup = commands.add_parser(
        "signup",
        parents=[server],
        help="create a candidate account on a platform and sign in",
        description="Create a candidate account on a platform and sign in. The password "
        "is asked for, or read from GPSEEKER_PASSWORD. The platform mails a code to the "
        "address: type it when asked, or finish later with --code CODE.",
    )
    signup.add_argument("--email", required=True, help="your e-mail address")
    signup.add_argument(
        "--name", help="your full name (never shown to employers in the resume bank)"
    )
    add_code_options(signup)
    signup.set_defaults(handler=_signup)

    login = commands.add_parser(
        "login",
        parents=[server],
        help="sign in to a platform as a candidate",
        description="Sign in to a platform as a candidate. The password is asked for, or "
        "read from GPSEEKER_PASSWORD.",
    )
    login.add_argument("--email", required=True, help="your e-mail address")
    login.set_defaults(handler=_login)

    logout = commands.add_parser(
        "logout",
        parents=[server],
        help="sign out of a platform and forget the saved sign-in",
        description="Sign out of a platform and forget the saved sign-in.",
    )
    logout.set_defaults(handler=_logout)


async def _signup(args: argparse.Namespace) -> int:
    server = remote_server(args, "signup")
    client = await sign_up(
        PlatformClient,
        server,
        args,
        "gpseeker signup",
        named=args.name,
        unnamed="signup needs --name (or --code CODE to finish a sign-up)",
        request=lambda password: PlatformClient.request_signup(
            server, args.email, password, args.name
        ),
    )
    if client is None:
        return 0
    async with client:
        remember(server, "seeker", client)
    output.line(f"Signed up and signed in to {server} as {args.email}.")
    output.line("Your resume is LOCKED until you make it searchable: gpseeker privacy searchable")
    return 0


async def _login(args: argparse.Namespace) -> int:
    server = remote_server(args, "login")
    password = read_password()
    try:
        client = await PlatformClient.login(server, args.email, password)
    except AuthError as refused:
        output.error(refused.message)
        output.error(
            "signed up but not typed the mailed code yet? "
            f"gpseeker signup --server {server} --email {args.email} --code CODE"
        )
        return 1
    async with client:
        remember(server, "seeker", client)
    output.line(f"Signed in to {server} as {args.email}.")
    return 0


async def _logout(args: argparse.Namespace) -> int:
    server = server_of(args)
    if server is None:
        output.line("The local demo platform keeps you signed in; there is nothing to sign out of.")
        return 0
    await sign_out(server, "seeker")
    return 0


async def sign_out(server: str, role: TokenRole) -> None:
    """Revoke the saved token on the server, then forget it here.

    It is forgotten even when the server cannot be reached: the user asked to be
    signed out on this machine, and a token that is not stored cannot be misused here.
    """
    stored = tokens().get(server, role)
    if stored is None:
        output.line(f"You were not signed in to {server}.")
        return
    client_class: type[ApiClient] = {
        "seeker": PlatformClient,
        "employer": EmployerClient,
        "operator": OperatorClient,
    }[role]
    try:
        async with client_class(server, stored.token) as client:
            await client.logout()
    except AuthError:
        pass  # the server had already ended this sign-in
    except PlatformError as problem:
        output.error(f"{problem.message} (the sign-in is forgotten here all the same)")
    tokens().forget(server, role)
    if role == "seeker":
        # The app's jobs list kept for a fast start is this account's: the next one to
        # sign in here must not see it, even labelled as old.
        forget_known_jobs(Paths.current().data_dir, server)
    output.line(f"Signed out of {server} ({stored.email}).")
