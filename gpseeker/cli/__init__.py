"""The `gpseeker` command: the terminal app by default, and a plain subcommand for
every task (one module per command group), for scripts, SSH and screen readers."""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Literal

from gpseeker import __version__

# Each command's first word and the module that registers it, in `--help`'s order. A
# command builds only its own module's parser: importing every module (and with them
# the client and every model) would cost each plain command most of its run time.
COMMAND_MODULES: dict[str, str] = {
    "signup": "account",
    "login": "account",
    "logout": "account",
    "profile": "profile",
    "privacy": "privacy",
    "jobs": "jobs",
    "apply": "apply",
    "applications": "applications",
    "inbox": "inbox",
    "employer": "employer",
    "operator": "operator",
    "serve": "serve",
    "db": "db",
    "data": "data",
    "subscriptions": "subscriptions",
    "mail": "mail",
    "platform": "platform",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or only what `command` (a first word in
    COMMAND_MODULES) needs to parse and run."""
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
    modules = (
        dict.fromkeys(COMMAND_MODULES.values()) if command is None else [COMMAND_MODULES[command]]
    )
    for name in modules:
        group: ModuleType = importlib.import_module(f"gpseeker.cli.{name}")
        group.register(commands)
    return parser


def command_word(arguments: Sequence[str]) -> str | None:
    """The command the arguments name, when it is a known one and nothing before it
    asks for the whole parser (--help, --version, a typo)."""
    rest = iter(arguments)
    for argument in rest:
        if argument == "--server":
            next(rest, None)
        elif argument.startswith("--server="):
            continue
        elif argument in COMMAND_MODULES:
            return argument
        else:
            return None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """The console-script entry point; returns the exit code.

    With `argv` None the process is gpseeker's own, and it tunes the garbage collector
    for a process's life: off while modules load (tens of thousands of long-lived
    objects, which it would walk again and again), then frozen, so that neither later
    collections nor the one at exit walk that heap."""
    owns_process = argv is None
    if owns_process:
        gc.disable()
    try:
        return _main(sys.argv[1:] if argv is None else list(argv), owns_process)
    finally:
        if owns_process:
            gc.freeze()


def _main(arguments: list[str], owns_process: bool) -> int:
    # httpx imports its own command line (rich's console, every pygments lexer, click)
    # whenever those happen to be installed, as Textual and uvicorn install them: a
    # tenth of a second that no gpseeker process uses. A None entry makes that import
    # fail, and httpx falls back to a stub for its `httpx` command.
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    server = _only_server_option(arguments)
    if server is not False:
        # The terminal app: skip building every command (each imports the client and
        # the models), so the first screen paints sooner.
        return _run_app(server, owns_process)
    parser = build_parser(command_word(arguments))
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # --help, --version, or a usage error (code 2)
        return stop.code if isinstance(stop.code, int) else 0
    if args.command is None:
        return _run_app(args.server, owns_process)
    from gpseeker.cli.runner import run

    if owns_process:
        _loaded()
    return run(args.handler, args)


def _loaded() -> None:
    """The modules are in: keep the collector off what they made, and turn it on."""
    gc.freeze()
    gc.enable()


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


def _run_app(server: str | None, owns_process: bool = False) -> int:
    from gpseeker.composition import NotAServerURL, app_start, start_local_platform_soon

    try:
        start = app_start(server)
        start_local_platform_soon(start)
        # Imported here so that plain subcommands never load Textual.
        from gpseeker.app import run_app

        if owns_process:
            _loaded()
        run_app(start=start)
    except NotAServerURL as problem:  # the same words as a plain command's
        from gpseeker.cli import output

        output.error(str(problem))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
