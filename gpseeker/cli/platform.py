"""`gpseeker platform`: the local demo platform process, looked at, stopped, or run.

The app and the candidate's commands start it by themselves when no server is
configured; these commands are for the candidate who wants to know what runs on
their computer, and for when something went wrong (`logs`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
from pathlib import Path

from gpseeker.cli.context import CliError
from gpseeker.cli.output import data_json_text, json_option, line
from gpseeker.cli.registry import Commands
from gpseeker.local.config import Paths, load_settings
from gpseeker.local_platform.files import PlatformFiles, running_pid
from gpseeker.local_platform.identity import code_identity
from gpseeker.local_platform.starter import log_tail, probe, stop

DEFAULT_LOG_LINES = 40


def register(commands: Commands) -> None:
    group = commands.add_parser(
        "platform",
        help="the local demo platform process: status, stop, logs",
        description="With no server configured, gpseeker talks to a local demo platform: a "
        "process of its own, on a Unix socket in the data directory, started by the first "
        "gpseeker that needs it, shared by all of them, and ending by itself after "
        "platform_idle_seconds (default 900) without a request.",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser(
        "status", help="whether the local platform runs, and where", description="Whether "
        "the local demo platform runs: its process, socket, version and data directory, "
        "and how long until it ends if nothing asks it anything.", parents=[json_option()],
    )  # fmt: skip
    status.set_defaults(handler=_status)
    stopping = actions.add_parser(
        "stop",
        help="stop the local platform",
        description="Stop the local demo platform (it finishes the requests under way "
        "first). Any gpseeker that needs it again starts it again.",
    )
    stopping.set_defaults(handler=_stop)
    logs = actions.add_parser(
        "logs",
        help="the end of the local platform's log",
        description="Print the end of the local demo platform's log, where it says why it "
        "could not start or what it repaired.",
    )
    logs.add_argument(
        "--lines",
        metavar="N",
        type=int,
        default=DEFAULT_LOG_LINES,
        help=f"how many lines (default {DEFAULT_LOG_LINES})",
    )
    logs.set_defaults(handler=_logs)
    run = actions.add_parser(
        "run",
        help="run the local platform in this terminal (gpseeker starts it by itself)",
        description="Run the local demo platform in the foreground, logging here, until "
        "Ctrl+C, SIGTERM or the idle time passes. gpseeker starts it by itself, detached; "
        "run it by hand to watch it.",
    )
    run.add_argument(
        "--data-dir",
        metavar="PATH",
        type=Path,
        help="the data directory it serves (default: gpseeker's, GPSEEKER_HOME's if set)",
    )
    run.add_argument(
        "--idle-seconds",
        metavar="SECONDS",
        type=float,
        help="end after this long without a request (default: the platform_idle_seconds "
        "setting, or GPSEEKER_PLATFORM_IDLE_SECONDS)",
    )
    run.set_defaults(handler=_run)


def _files() -> PlatformFiles:
    return PlatformFiles(Paths.current().data_dir)


async def _status(args: argparse.Namespace) -> int:
    files = _files()
    about = probe(files)
    pid = about.pid if about is not None else running_pid(files)
    if args.json:
        fields = {"running": about is not None, "pid": pid, "log": str(files.log)}
        if about is not None:
            fields |= about.model_dump()
        sys.stdout.write(data_json_text(fields))
        return 0 if about is not None or pid is None else 1
    if about is None:
        if pid is None:
            line("The local demo platform is not running; gpseeker starts it when needed.")
        else:
            line(f"The local demo platform (process {pid}) runs but does not answer yet.")
        line(f"Data directory: {files.data_dir}")
        line(f"Log: {files.log}")
        return 0 if pid is None else 1
    started = dt.datetime.fromtimestamp(about.started_at).astimezone()
    line("The local demo platform is running.")
    line(f"Process: {about.pid}")
    line(f"Socket: {about.socket}")
    line(f"Version: {about.version} ({about.identity})")
    if about.identity != code_identity():
        line("This gpseeker is other code: the next command it runs starts it again.")
    line(f"Data directory: {about.data_dir}")
    line(f"Started: {started:%Y-%m-%d %H:%M:%S %Z}")
    line(
        f"Ends by itself after {about.idle_seconds:g} s without a request "
        f"(about {about.idle_left_seconds:.0f} s from now, if nothing asks it)"
    )
    line(f"Log: {files.log}")
    return 0


async def _stop(args: argparse.Namespace) -> int:
    files = _files()
    pid = stop(files)
    if pid is None:
        line("The local demo platform was not running.")
    else:
        line(f"The local demo platform (process {pid}) has stopped.")
    return 0


async def _logs(args: argparse.Namespace) -> int:
    files = _files()
    if args.lines < 0:
        raise CliError("--lines: give a number of lines, 0 or more")
    tail = log_tail(files, args.lines)
    if not tail:
        line(f"The local demo platform has no log yet ({files.log}).")
        return 0
    # The log quotes what others wrote (a damaged file's name, SQLite's error):
    # `line` cleans every control character out of it, as for any outside text.
    for text in tail:
        line(text)
    return 0


async def _run(args: argparse.Namespace) -> int:
    import logging

    from gpseeker.local_platform.daemon import AlreadyRunning, serve_local_platform

    data_dir = args.data_dir or Paths.current().data_dir
    idle = args.idle_seconds if args.idle_seconds is not None else load_settings().platform_idle()
    if idle <= 0:
        raise CliError("--idle-seconds: give a number of seconds above 0")
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # SIGTERM (`gpseeker platform stop`, a starter replacing an old platform) is a
    # normal end, exactly like Ctrl+C: uvicorn finishes the requests under way.
    args.exit_code_on_interrupt = 0
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        await serve_local_platform(data_dir.absolute(), idle)
    except AlreadyRunning:
        raise CliError(
            f"a local demo platform already runs for {data_dir} "
            "(gpseeker platform status says which)"
        ) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0
