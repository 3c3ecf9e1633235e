"""The `gpseeker` command: the terminal app by default, and a plain subcommand for
every task (one module per command group), for scripts, SSH and screen readers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Literal

from gpseeker import __version__


def build_parser() -> argparse.ArgumentParser:
    from gpseeker.cli import (
        account,
        applications,
        apply,
        data,
        db,
        employer,
        inbox,
        jobs,
        mail,
        operator,
        platform,
        privacy,
        profile,
        serve,
        subscriptions,
    )

    parser = argparse.ArgumentParser(
        prog="gpseeker",
        description="A privacy-first job search in your terminal. With no command, "
        "starts the terminal app.",
    )
    parser.add_argument("--version", action="version", version=f"gpseeker {__version__}")
    parser.add_argument(
        "--server",
        metavar="URL",
        help="the platform's URL (default: GPSEEKER_SERVER, the settings file, or the "
        "local demo platform)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for group in (
        account,
        profile,
        privacy,
        jobs,
        apply,
        applications,
        inbox,
        employer,
        operator,
        serve,
    ):
        group.register(commands)
    db.register(commands)
    for group in (data, subscriptions):
        group.register(commands)
    mail.register(commands)
    platform.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """The console-script entry point; returns the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    server = _only_server_option(arguments)
    if server is not False:
        # The terminal app: skip building every command (each imports the client and
        # the models), so the first screen paints sooner.
        return _run_app(server)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error (code 2)
        return stop.code if isinstance(stop.code, int) else 0
    if args.command is None:
        return _run_app(args.server)
    from gpseeker.cli.runner import run

    return run(args.handler, args)


def _only_server_option(arguments: list[str]) -> str | Literal[False] | None:
    """The server URL (or None) when the arguments only start the app, else False."""
    match arguments:
        case []:
            return None
        case ["--server", url] if not url.startswith("-"):
            return url
        case [single] if single.startswith("--server="):
            return single.removeprefix("--server=")
    return False


def _run_app(server: str | None) -> int:
    # Imported here so that plain subcommands never load Textual.
    from gpseeker.app import run_app
    from gpseeker.composition import NotAServerURL

    try:
        run_app(server=server)
    except NotAServerURL as problem:  # the same words as a plain command's
        from gpseeker.cli import output

        output.error(str(problem))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
