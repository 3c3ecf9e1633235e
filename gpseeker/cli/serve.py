"""`gpseeker serve`: the reference platform under uvicorn, for many users."""

from __future__ import annotations

import argparse
import socket
import sys

from gpseeker.cli.context import CliError
from gpseeker.cli.output import line
from gpseeker.cli.registry import Commands
from gpseeker.config import Paths, ensure_private_dir

DEFAULT_DATABASE = "server.sqlite3"


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
    serve.set_defaults(handler=_serve)


async def _serve(args: argparse.Namespace) -> int:
    import uvicorn  # the server stack is imported only by the command that needs it
    from sqlalchemy.exc import SQLAlchemyError

    from gpseeker.server import create_app

    listener = _listen(args.host, args.port)  # first: a busy port fails before any work
    database = args.db
    if database is None:
        data_dir = ensure_private_dir(Paths.current().data_dir)
        database = f"sqlite+aiosqlite:///{data_dir / DEFAULT_DATABASE}"
    app = create_app(database)
    platform = app.state.platform
    try:
        await platform.start()
        if args.seed_demo:
            await platform.seed_demo()
    except (SQLAlchemyError, OSError) as problem:
        listener.close()
        reason = getattr(problem, "orig", None) or problem
        raise CliError(f"cannot open the database {database}: {reason}") from None
    host, port = listener.getsockname()[:2]
    line(f"gpseeker platform listening on http://{f'[{host}]' if ':' in host else host}:{port}")
    line(f"Database: {database}")
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        line("Note: this is plain HTTP; put it behind an HTTPS proxy before real use.")
    line("Stop with Ctrl+C.")
    sys.stdout.flush()
    # uvicorn shuts down gracefully on Ctrl+C, then raises the signal again for
    # whoever embeds it; for `gpseeker serve` that is the normal way to stop.
    args.exit_code_on_interrupt = 0
    server = uvicorn.Server(uvicorn.Config(app, log_level=args.log_level))
    await server.serve(sockets=[listener])
    return 0


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
