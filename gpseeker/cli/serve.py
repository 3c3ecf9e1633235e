"""`gpseeker serve`: the reference platform under uvicorn, for many users."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import socket
import sys
from typing import TYPE_CHECKING, Any

from gpseeker.cli.context import CliError
from gpseeker.cli.mail import DEFAULT_DATABASE, add_mail_options, default_database, mail_settings
from gpseeker.cli.output import line
from gpseeker.cli.registry import Commands

if TYPE_CHECKING:
    from gpseeker.server.platform import Platform
    from gpseeker.server.settings import ServerSettings

DEFAULT_MAIL_EVERY = 3600
POLICY_OPTIONS = {
    "operator": "the business operator handling personal information, as the privacy "
    "policy names it",
    "address": "the operator's postal address, for privacy questions",
    "email": "the e-mail address for privacy questions",
    "hours": "when the privacy contact answers, e.g. 'Weekdays 10:00-17:00 JST'",
}


def register(commands: Commands) -> None:
    serve = commands.add_parser(
        "serve",
        help="run the platform server (FastAPI under uvicorn)",
        description="Run the gpseeker platform server for many users.",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)"
    )
    serve.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy database URL (default: a SQLite "
        f"file, {DEFAULT_DATABASE}, in the data directory)",
    )
    serve.add_argument(
        "--seed-demo",
        action="store_true",
        help="load the demo employers and jobs (once; safe to repeat)",
    )
    serve.add_argument(
        "--log-level", default="info", choices=("critical", "error", "warning", "info", "debug")
    )
    add_mail_options(serve, public_url_default="http://HOST:PORT as listened")
    serve.add_argument(
        "--mail-every",
        metavar="SECONDS",
        type=float,
        default=DEFAULT_MAIL_EVERY,
        help=f"send due JobMail digests this often (default {DEFAULT_MAIL_EVERY}; 0 turns "
        "the schedule off, for `gpseeker mail send-due` from cron instead)",
    )
    for name, meaning in POLICY_OPTIONS.items():
        serve.add_argument(f"--policy-{name}", metavar="TEXT", help=meaning)
    serve.set_defaults(handler=_serve)


def _settings_fields(args: argparse.Namespace, listened: str) -> dict[str, Any]:
    fields = mail_settings(args, listened)
    for name in POLICY_OPTIONS:
        value = getattr(args, f"policy_{name}")
        if value is not None:
            fields[f"policy_{name}"] = value
    return fields


async def _serve(args: argparse.Namespace) -> int:
    import uvicorn  # the server stack is imported only by the command that needs it
    from sqlalchemy.exc import SQLAlchemyError

    from gpseeker.server import ServerSettings, create_app

    if args.mail_every < 0:
        raise CliError("--mail-every: give a number of seconds, or 0 for no schedule")
    listener = _listen(args.host, args.port)  # first: a busy port fails before any work
    host, port = listener.getsockname()[:2]
    address = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    try:
        settings = ServerSettings(**_settings_fields(args, address))
    except CliError:
        listener.close()
        raise
    database = args.db or default_database()
    app = create_app(database, settings=settings)
    platform = app.state.platform
    try:
        await platform.start()
        if args.seed_demo:
            await platform.seed_demo()
    except (SQLAlchemyError, OSError) as problem:
        listener.close()
        reason = getattr(problem, "orig", None) or problem
        raise CliError(f"cannot open the database {database}: {reason}") from None
    line(f"gpseeker platform listening on {address}")
    line(f"Database: {database}")
    line(f"Mail: {_mail_plan(settings, args.mail_every)}")
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        line("Note: this is plain HTTP; put it behind an HTTPS proxy before real use.")
    line("Stop with Ctrl+C.")
    sys.stdout.flush()
    # uvicorn shuts down gracefully on Ctrl+C, then raises the signal again for
    # whoever embeds it; for `gpseeker serve` that is the normal way to stop.
    args.exit_code_on_interrupt = 0
    server = uvicorn.Server(uvicorn.Config(app, log_level=args.log_level))
    mail = _start_mail_schedule(platform, args.mail_every, args.log_level)
    try:
        await server.serve(sockets=[listener])
    finally:
        if mail is not None:
            mail.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await mail
    return 0


def _mail_plan(settings: ServerSettings, every: float) -> str:
    from gpseeker.server.mail import destination

    schedule = f"due JobMail sent every {every:g} s" if every else "no schedule (--mail-every 0)"
    return f"{destination(settings)}; {schedule}; links to {settings.public_url}"


def _start_mail_schedule(
    platform: Platform, every: float, log_level: str
) -> asyncio.Task[None] | None:
    """The JobMail schedule as a task beside uvicorn on the same loop: cancelled when
    the server stops (Ctrl+C included), and its errors are logged, never raised."""
    if not every:
        return None
    from gpseeker.server.mail import send_every

    # uvicorn configures only its own loggers; the mail log goes beside them.
    logger = logging.getLogger("gpseeker.server.mail")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(log_level.upper())
        logger.propagate = False
    return asyncio.create_task(send_every(platform, every), name="jobmail-schedule")


def _listen(host: str, port: int) -> socket.socket:
    """Bind and listen here rather than in uvicorn: a port in use becomes one clear line
    (uvicorn would log and sys.exit), and with --port 0 the real port is known at once.
    Connections that arrive before uvicorn accepts wait in the backlog."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
        listener.listen(2048)
    except OSError as problem:
        listener.close()
        reason = (problem.strerror or str(problem)).lower()
        raise CliError(f"cannot listen on {host}:{port}: {reason}") from None
    return listener
