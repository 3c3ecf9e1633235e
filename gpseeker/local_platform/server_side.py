"""The local demo platform's server side: the reference app with the local settings,
started, seeded, and with its demo employers at work.

One composition for both ways the local platform runs: in its own process (`daemon`,
what the app and the plain commands use) and inside a test's process over
httpx.ASGITransport (`in_process`). Imports the server (FastAPI, SQLAlchemy): no
candidate-side process imports this module.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from starlette.types import ASGIApp

from gpseeker.client.embedded import DATABASE_FILE
from gpseeker.client.errors import PlatformError
from gpseeker.local.local_files import FileNotice, is_damaged_database, set_aside, sqlite_says
from gpseeker.local_platform.demo import DEMO_EMPLOYERS_FILE, DemoEmployers
from gpseeker.server import create_app
from gpseeker.server.platform import Platform
from gpseeker.server.settings import ServerSettings


def database_url(home: Path) -> str:
    return f"sqlite+aiosqlite:///{home / DATABASE_FILE}"


def local_settings(home: Path, base: ServerSettings | None = None) -> ServerSettings:
    """`base` (the defaults if None) as the local demo platform changes them."""
    return dataclasses.replace(
        base or ServerSettings(),
        # Only the local platform gives its demo employers real passwords (kept 0600
        # beside the database), so that they can invite the local candidate through
        # the ordinary employer API; a served platform keeps them impossible to sign
        # in to.
        demo_password_file=home / DEMO_EMPLOYERS_FILE,
        # One local user and no mailbox: there is nobody to send a sign-up code to,
        # and nobody to keep an account's existence from.
        require_email_verification=False,
        # Nobody but the candidate operates this platform: its policy says so rather
        # than naming an operator who does not exist.
        policy_operator="You: the local demo platform runs on this computer",
        policy_address=f"This computer, in {home}",
        policy_email="none: nothing is sent from this computer",
        policy_hours="any time",
        # Every password here is a random token kept in a 0600 file beside the
        # database (the local account's, the demo employers'), so a costly hash guards
        # nothing that reading the database would not already give away; at the
        # served platform's cost the eleven demo employers' hashes were most of a new
        # home's first start (2-4 s). argon2's least cost: one pass over 8 MiB.
        password_time_cost=1,
        password_memory_cost_kib=8 * 1024,
    )


@dataclass
class LocalPlatform:
    """The local platform, started and seeded, ready to answer."""

    app: ASGIApp
    """What to serve: the platform with its demo employers."""
    notices: list[FileNotice]
    """What opening it repaired (a damaged database set aside), for the candidate."""
    aclose: Callable[[], Awaitable[None]]
    """Stops the demo employers and lets go of the database."""


async def open_server_side(
    home: Path, server_settings: ServerSettings | None = None
) -> LocalPlatform:
    """Start the local platform on `<home>/platform.sqlite3`.

    A database SQLite calls damaged (cut short, overwritten) is set aside and a new
    one started in its place: the candidate gets a working local platform and a notice
    that names both files, instead of a traceback. Tried once: a second failure is not
    about that file.
    """
    settings = local_settings(home, server_settings)
    notices: list[FileNotice] = []
    try:
        platform, app = await _start(home, settings)
    except Exception as error:
        if not is_damaged_database(error):
            raise
        notices.append(set_aside_database(home / DATABASE_FILE, error))
        platform, app = await _start(home, settings)
    demo = DemoEmployers(app, home)

    async def aclose() -> None:
        await demo.aclose()
        await platform.aclose()

    return LocalPlatform(demo, notices, aclose)


async def _start(home: Path, settings: ServerSettings) -> tuple[Platform, ASGIApp]:
    app = create_app(database_url(home), settings=settings)
    platform: Platform = app.state.platform
    try:
        await platform.start()
        await platform.seed_demo()
    except BaseException:
        await platform.aclose()  # let go of the file, so that it can be set aside
        raise
    return platform, app


def set_aside_database(database: Path, error: BaseException) -> FileNotice:
    """Move a damaged database (and SQLite's journal files beside it) out of the way."""
    moved_to = set_aside(database)
    for suffix in ("-wal", "-shm", "-journal"):
        # A journal belongs to the file it was written for; beside a new database
        # SQLite would try to replay it.
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            set_aside(companion)
    if moved_to is None:
        raise PlatformError(
            f"the local demo platform's database {database} is damaged ({sqlite_says(error)}) "
            "and could not be moved aside: move it away yourself, and gpseeker will start "
            "a new one",
            code="local_database_damaged",
        ) from None
    return FileNotice(
        database,
        f"The local demo platform's database {database} was damaged (SQLite says: "
        f"{sqlite_says(error)}). It was moved to {moved_to} and a new, empty local "
        "platform was started: your profile, applications and messages from before are "
        "only in the moved file, from which SQLite's .recover command may rescue them.",
        severity="error",
    )
