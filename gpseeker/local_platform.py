"""The local demo platform: the server app in this process, over httpx.ASGITransport.

Same HTTP semantics as a remote platform, with no port and nothing to start. With
`connect` (the app) and `cli.context` (the plain commands) this is the composition
root: the one place that builds the server for a client, so that the client package
never imports it. The first use creates a local seeker account; later uses sign in as
it again (`client.embedded`).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from gpseeker.client import PlatformClient, PlatformError
from gpseeker.client.embedded import BASE_URL, DATABASE_FILE, LABEL, sign_in_local_account
from gpseeker.client.retry import RetryPolicy
from gpseeker.config import TokenStore, ensure_private_dir
from gpseeker.local_files import FileNotice, is_damaged_database, set_aside, sqlite_says

if TYPE_CHECKING:
    from gpseeker.server.settings import ServerSettings


def database_url(home: Path) -> str:
    return f"sqlite+aiosqlite:///{home / DATABASE_FILE}"


async def open_local_platform(
    home: Path,
    *,
    tokens: TokenStore | None = None,
    server_settings: ServerSettings | None = None,
) -> PlatformClient:
    """The local demo platform, started, seeded and signed in as its local account.

    Imports the server (FastAPI, SQLAlchemy: ~400 ms) only now, so a caller that
    paints a screen first never waits for it. A database SQLite calls damaged (cut
    short, overwritten) is set aside and a new one started in its place: the
    candidate gets a working local platform and a notice that names both files,
    instead of a traceback. Tried once: a second failure is not about that file.
    """
    tokens = tokens or TokenStore.default()
    ensure_private_dir(home)
    try:
        return await _open(home, tokens, server_settings)
    except Exception as error:
        if not is_damaged_database(error):
            raise
        notice = set_aside_database(home / DATABASE_FILE, error)
    client = await _open(home, tokens, server_settings)
    client.notices.insert(0, notice)
    return client


async def _open(
    home: Path, tokens: TokenStore, server_settings: ServerSettings | None
) -> PlatformClient:
    from gpseeker.client.demo_relay import DEMO_EMPLOYERS_FILE
    from gpseeker.server import create_app  # the slow import, deferred to this moment
    from gpseeker.server.settings import ServerSettings

    # Only the embedded platform gives its demo employers real passwords (kept 0600
    # beside the database), so that they can invite the local candidate through the
    # ordinary employer API; a served platform keeps them impossible to sign in to.
    settings = dataclasses.replace(
        server_settings or ServerSettings(),
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
    )
    app = create_app(database_url(home), settings=settings)
    platform = app.state.platform
    try:
        await platform.start()
        await platform.seed_demo()
    except BaseException:
        await platform.aclose()  # let go of the file, so that it can be set aside
        raise
    transport = httpx.ASGITransport(app=app)
    client = PlatformClient(
        BASE_URL,
        transport=transport,
        label=LABEL,
        # In-process calls do not fail transiently; a retry would only delay the error.
        retry=RetryPolicy(attempts=1),
        on_close=platform.aclose,
    )
    client._demo_home, client._demo_transport = home, transport
    try:
        await sign_in_local_account(client, home, tokens)
    except BaseException:
        await client.aclose()
        raise
    return client


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
