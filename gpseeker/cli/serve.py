"""`gpseeker serve`: the reference platform under uvicorn, for many users."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import logging
import os
import re
import signal
import socket
import sys
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from gpseeker.cli.context import CliError
from gpseeker.cli.mail import DEFAULT_DATABASE, add_mail_options, default_database, mail_settings
from gpseeker.cli.output import line
from gpseeker.cli.registry import Commands
from gpseeker.cli.tunables import setting_pair, settings_from

if TYPE_CHECKING:
    from uvicorn.supervisors import Multiprocess

    from gpseeker.server.platform import Platform
    from gpseeker.server.settings import ServerSettings

DEFAULT_MAIL_EVERY = 3600
WORKER_START_GRACE = 60.0
"""Seconds after the start during which a worker that does not answer uvicorn's
health check yet is left to finish importing instead of being replaced."""
WORKER_STOP_GRACE = 30.0
"""Seconds a worker has to finish its requests after the stop before it is killed."""
POLICY_OPTIONS = {
    "operator": "the business operator handling personal information, as the privacy "
    "policy names it",
    "address": "the operator's postal address, for privacy questions",
    "email": "the e-mail address for privacy questions",
    "hours": "when the privacy contact answers, e.g. 'Weekdays 10:00-17:00 JST'",
}

INVITATION_CAPS = (
    (
        "invitations-per-organisation-per-day",
        100,
        "how many invitations all the accounts of one organisation may send together "
        "in any 24 hours",
    ),
    (
        "invitations-per-candidate-per-day",
        20,
        "how many invitations one candidate may receive from all employers together in "
        "any 24 hours",
    ),
    (
        "invitations-per-candidate-per-organisation-per-day",
        3,
        "how many of those may come from one organisation",
    ),
)
"""Option, default (ServerSettings', written out: importing the server here would cost
every command FastAPI's import; a test checks they agree) and meaning."""


def register(commands: Commands) -> None:
    serve = commands.add_parser(
        "serve",
        help="run the platform server (FastAPI under uvicorn)",
        description="Run the gpseeker platform server for many users. The database "
        "schema is checked (an empty database is created) before any request is answered; "
        "an older one is refused until `gpseeker db upgrade`. With --workers N, N "
        "processes share the port; the demo seeding and the JobMail schedule run once, "
        "in the process that started them. Stop with Ctrl+C or SIGTERM.",
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
        "--workers",
        metavar="N",
        type=_at_least_one("worker process", "worker processes"),
        default=1,
        help="worker processes sharing the port (default 1, in this process); each "
        "keeps all its state in the database, so any of them can answer any request. "
        "Use several on PostgreSQL: SQLite lets one of them write at a time",
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
        "--invitations-per-day",
        metavar="N",
        type=_at_least_one("invitation", "invitations"),
        help="how many invitations one employer account may send in any 24 hours "
        "(default 50); counted in the database, so every worker agrees",
    )
    # The caps per target: the one above alone is walked around by a second account.
    for option, default, meaning in INVITATION_CAPS:
        serve.add_argument(
            f"--{option}",
            metavar="N",
            type=_at_least_one("invitation", "invitations"),
            help=f"{meaning} (default {default})",
        )
    serve.add_argument(
        "--max-body",
        metavar="SIZE",
        type=_byte_size,
        help="the largest request body accepted, in bytes or with a unit: 512KiB, 2MiB "
        "(default 1MiB); a longer one is answered 413 before the rest is read",
    )
    serve.add_argument(
        "--no-email-verification",
        action="store_true",
        help="make an account at sign-up, without the code mailed to its address (a "
        "closed test platform, or addresses confirmed some other way); sign-up still "
        "answers alike whether or not an address has an account",
    )
    serve.add_argument(
        "--set",
        metavar="NAME=VALUE",
        type=setting_pair,
        action="append",
        default=[],
        help="tune a platform setting that has no option of its own, such as "
        "sign_in_free_failures=10 or idempotency_key_days=14 (repeat for more); the "
        "README's settings table lists them with their defaults",
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
    for option in ("invitations-per-day", *(cap[0] for cap in INVITATION_CAPS)):
        value = getattr(args, option.replace("-", "_"))
        if value is not None:
            fields[option.replace("-", "_")] = value
    if args.max_body is not None:
        fields["max_body_bytes"] = args.max_body
    if args.no_email_verification:
        fields["require_email_verification"] = False
    fields.update(settings_from(args.set))
    return fields


_UNITS = {"": 1, "b": 1, "k": 1024, "kib": 1024, "m": 1024**2, "mib": 1024**2}
MIN_BODY = 1024


def _byte_size(text: str) -> int:
    """argparse `type=` for --max-body: 1048576, 1024KiB or 1MiB (K and M mean KiB and
    MiB; a body limit is no place to guess between 1,000 and 1,024)."""
    found = re.fullmatch(r"\s*([0-9]+)\s*([a-z]*)\s*", text.casefold(), re.ASCII)
    if found is None or found.group(2) not in _UNITS:
        raise argparse.ArgumentTypeError(
            f"give a size in bytes or with a unit (512KiB, 2MiB), not {text!r}"
        )
    size = int(found.group(1)) * _UNITS[found.group(2)]
    if size < MIN_BODY:
        raise argparse.ArgumentTypeError(f"needs at least 1KiB, not {text!r}: no signup fits")
    return size


def _at_least_one(one: str, many: str) -> Callable[[str], int]:
    """argparse `type=` for a count of at least one: its error becomes
    `argument --OPTION: ...` and exit 2."""

    def count(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"give a whole number of {many}, not {text!r}"
            ) from None
        if number < 1:
            raise argparse.ArgumentTypeError(f"needs at least 1 {one}, not {number}")
        return number

    return count


async def _serve(args: argparse.Namespace) -> int:
    from gpseeker.server import ServerSettings

    if args.mail_every < 0:
        raise CliError("--mail-every: give a number of seconds, or 0 for no schedule")
    listener = _listen(args.host, args.port)  # first: a busy port fails before any work
    host, port = listener.getsockname()[:2]
    address = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    # SIGTERM (systemd, docker stop, kill) is a normal stop, exactly like Ctrl+C.
    previous_term = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        settings = ServerSettings(**_settings_fields(args, address))
        database = args.db or default_database()
        return await _serve_on(args, listener, address, database, settings)
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        listener.close()


async def _serve_on(
    args: argparse.Namespace,
    listener: socket.socket,
    address: str,
    database: str,
    settings: ServerSettings,
) -> int:
    import uvicorn  # the server stack is imported only by the command that needs it

    from gpseeker.server import Platform, create_app

    app = None
    if args.workers == 1:
        app = create_app(database, settings=settings, upgrade_schema=False)
        platform: Platform = app.state.platform
    else:
        # The parent's own platform: it seeds and sends JobMail, and serves nothing.
        platform = Platform(database, settings, upgrade_schema=False)
    workers: _Workers | None = None
    try:
        await _open(platform, database, seed=args.seed_demo)
        if app is None:
            # Ctrl+C is ours before anyone is told the platform listens: a stop that
            # comes right after the banner must reach every worker.
            workers = _Workers.prepare(args, listener, database, settings)
        line(f"gpseeker platform listening on {address}")
        line(f"Database: {database}")
        line(f"Mail: {_mail_plan(settings, args.mail_every)}")
        if args.workers > 1:
            line(f"Workers: {args.workers} processes (each logs its process id as it starts)")
        if args.host not in ("127.0.0.1", "localhost", "::1"):
            line("Note: this is plain HTTP; put it behind an HTTPS proxy before real use.")
        line("Stop with Ctrl+C.")
        sys.stdout.flush()
        # uvicorn shuts down gracefully on Ctrl+C, then raises the signal again for
        # whoever embeds it; for `gpseeker serve` that is the normal way to stop.
        args.exit_code_on_interrupt = 0
        mail = _start_mail_schedule(platform, args.mail_every, args.log_level)
        try:
            if app is not None:
                server = uvicorn.Server(uvicorn.Config(app, log_level=args.log_level))
                await server.serve(sockets=[listener])
            else:
                assert workers is not None
                await _run_workers(workers)
        finally:
            if mail is not None:
                mail.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await mail
    finally:
        await platform.aclose()
    return 0


async def _open(platform: Platform, database: str, *, seed: bool) -> None:
    """Bring an empty database to the current schema (once, before any worker), refuse
    an out-of-date one, and seed the demo if asked."""
    from sqlalchemy.exc import SQLAlchemyError

    from gpseeker.server.schema import SchemaOutOfDate, prepare_for_serving

    try:
        await prepare_for_serving(database)
        await platform.start()
        if seed:
            await platform.seed_demo()
    except SchemaOutOfDate as problem:
        raise CliError(str(problem)) from None
    except (SQLAlchemyError, OSError) as problem:
        reason = getattr(problem, "orig", None) or problem
        raise CliError(f"cannot open the database {database}: {reason}") from None


@dataclasses.dataclass
class _Workers:
    """uvicorn's `Multiprocess` supervisor with this event loop's stop handlers."""

    supervisor: Multiprocess
    stop: asyncio.Event
    environment: contextlib.ExitStack

    @classmethod
    def prepare(
        cls,
        args: argparse.Namespace,
        listener: socket.socket,
        database: str,
        settings: ServerSettings,
    ) -> _Workers:
        import uvicorn
        from uvicorn.supervisors import Multiprocess

        from gpseeker.server.worker import APP, worker_environment

        config = uvicorn.Config(APP, factory=True, workers=args.workers, log_level=args.log_level)
        environment = contextlib.ExitStack()
        environment.enter_context(_environment(worker_environment(database, settings)))
        supervisor = Multiprocess(config, sockets=[listener])
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        # After Multiprocess installed its handlers: these two stop the workers from
        # here; the others (SIGHUP restarts, SIGTTIN/SIGTTOU resize) stay uvicorn's.
        for stopping in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(stopping, stop.set)
        return cls(supervisor, stop, environment)


async def _run_workers(workers: _Workers) -> None:
    """Run the workers on the listener until Ctrl+C or SIGTERM.

    uvicorn's `Multiprocess` supervisor starts, health-checks and replaces them; its
    own loop blocks, so here its steps run from this event loop (which also runs the
    JobMail schedule), each blocking step in a thread.
    """
    supervisor, stop = workers.supervisor, workers.stop
    loop = asyncio.get_running_loop()
    with workers.environment:
        try:
            if not stop.is_set():
                await asyncio.to_thread(supervisor.init_processes)
            started = time.monotonic()
            while not stop.is_set() and not supervisor.should_exit.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), 0.5)
                if not stop.is_set():
                    starting = time.monotonic() - started < WORKER_START_GRACE
                    await asyncio.to_thread(_supervise, supervisor, starting)
        finally:
            # Still handled while the workers stop, so a second Ctrl+C cannot kill
            # this process and leave them running.
            await asyncio.to_thread(_stop_workers, supervisor)
            for stopping in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(stopping)
    if not stop.is_set():
        raise CliError("a worker failed to start (see its error above); all workers stopped")


def _supervise(supervisor: Multiprocess, starting: bool) -> None:
    """uvicorn's own supervision, but patient while the workers start: its health
    check gives a worker 5 s to answer, and a worker still importing the server
    stack on a busy machine does not, so uvicorn would kill and respawn it, again and
    again, and a stop arriving meanwhile waits for that churn. While starting, only a
    worker that has really exited is dealt with."""
    supervisor.handle_signals()
    if not starting or any(not worker.process.is_alive() for worker in supervisor.processes):
        supervisor.keep_subprocess_alive()


def _stop_workers(supervisor: Multiprocess) -> None:
    """SIGTERM every worker (each finishes its requests), then wait, and kill any still
    running after the grace: `serve` never leaves a worker behind."""
    supervisor.terminate_all()
    deadline = time.monotonic() + WORKER_STOP_GRACE
    for worker in supervisor.processes:
        worker.process.join(max(0.0, deadline - time.monotonic()))
        if worker.process.is_alive():
            worker.kill()
            worker.process.join()


@contextlib.contextmanager
def _environment(variables: dict[str, str]) -> Iterator[None]:
    """Set `variables` for the workers spawned inside, and restore them after."""
    before = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


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
    # Accepted connections inherit it: uvicorn writes a response's head and body
    # separately, and with Nagle on, the body of every answer after the first on a
    # keep-alive connection waited for the client's delayed ACK: +40 ms each.
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        listener.bind((host, port))
        listener.listen(2048)
    except OSError as problem:
        listener.close()
        reason = (problem.strerror or str(problem)).lower()
        raise CliError(f"cannot listen on {host}:{port}: {reason}") from None
    return listener
