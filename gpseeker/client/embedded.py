"""The local demo platform: the server app in this process, over httpx.ASGITransport.

Same HTTP semantics as a remote platform, with no port and nothing to start. The
first use creates a local seeker account; later uses sign in as it again.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
from pydantic import BaseModel, ValidationError

from gpseeker.client.errors import AuthError, PlatformError
from gpseeker.client.retry import RetryPolicy
from gpseeker.config import StoredToken, TokenStore, ensure_private_dir, write_file_atomically
from gpseeker.local_files import (
    FileNotice,
    is_damaged_database,
    set_aside,
    sqlite_says,
    why_unwritable,
)
from gpseeker.models import LoginRequest, Session, SignupRequest, SignupStarted

if TYPE_CHECKING:
    from gpseeker.client.seeker import PlatformClient

BASE_URL = "http://gpseeker.local"
LABEL = "Local demo platform"
DATABASE_FILE = "platform.sqlite3"
ACCOUNT_FILE = "local-account.json"
LOCAL_EMAIL = "you@example.com"
LOCAL_NAME = "Local Candidate"


class LocalAccount(BaseModel):
    """The embedded platform's own sign-in.

    Kept (0600) next to the database because the token alone is not enough: it can
    be revoked (`gpseeker logout`) or lost with the config directory, and then this
    password is the only way back into the local profile. It guards nothing the
    database file beside it does not already hold, and is never shown.
    """

    email: str
    password: str


def database_url(home: Path) -> str:
    return f"sqlite+aiosqlite:///{home / DATABASE_FILE}"


async def open_embedded(
    cls: type[PlatformClient], home: Path, *, tokens: TokenStore, server_settings: Any = None
) -> PlatformClient:
    """The embedded platform, started, seeded and signed in.

    A database SQLite calls damaged (cut short, overwritten) is set aside and a new
    one started in its place: the candidate gets a working local platform and a notice
    that names both files, instead of a traceback. Tried once: a second failure is
    not about that file.
    """
    ensure_private_dir(home)
    try:
        return await _open(cls, home, tokens, server_settings)
    except Exception as error:
        if not is_damaged_database(error):
            raise
        notice = set_aside_database(home / DATABASE_FILE, error)
    client = await _open(cls, home, tokens, server_settings)
    client.notices.insert(0, notice)
    return client


async def _open(
    cls: type[PlatformClient], home: Path, tokens: TokenStore, server_settings: Any
) -> PlatformClient:
    import dataclasses

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
    client = cls(
        BASE_URL,
        transport=transport,
        label=LABEL,
        # In-process calls do not fail transiently; a retry would only delay the error.
        retry=RetryPolicy(attempts=1),
        on_close=platform.aclose,
    )
    client._demo_home, client._demo_transport = home, transport
    try:
        await _sign_in_local_account(client, home, tokens)
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


async def _sign_in_local_account(client: PlatformClient, home: Path, tokens: TokenStore) -> None:
    stored = tokens.get(None, "seeker")
    if stored is not None:
        client._token = stored.token
        try:
            await client.me()
            return
        except AuthError:
            client._token = None  # revoked, or the database was reset: sign in afresh

    account = _read_account(home)
    if account is None:
        account = LocalAccount(email=LOCAL_EMAIL, password=secrets.token_urlsafe(24))
        # Written before the account exists, so a crash in between cannot leave an
        # account whose password nobody knows.
        write_file_atomically(home / ACCOUNT_FILE, account.model_dump_json(), mode=0o600)
        session = await _signup(client, account, home)
    else:
        try:
            session = await client._sign_in(
                "/auth/login", LoginRequest(email=account.email, password=account.password)
            )
        except AuthError:
            # The database was removed to start afresh; the saved password still fits.
            session = await _signup(client, account, home)
    try:
        tokens.save(None, "seeker", StoredToken(token=session.token, email=session.email))
    except OSError as error:
        # The session works without it; the next start signs in again the same way.
        client.notices.append(
            FileNotice(
                tokens.path,
                f"You are signed in, but the sign-in could not be kept in {tokens.path}: "
                f"{why_unwritable(error)}. gpseeker signs in again by itself next time.",
            )
        )
    # A token file found damaged while signing in was set aside: say so too.
    client.notices.extend(tokens.notices)
    tokens.notices.clear()


async def _signup(client: PlatformClient, account: LocalAccount, home: Path) -> Session:
    body = SignupRequest(
        email=account.email, password=account.password, role="seeker", full_name=LOCAL_NAME
    )
    # This platform mails no codes: the account is made at once, unless the address
    # has one already, which only its password (the file's) then opens.
    await client._send("POST", "/auth/signup", SignupStarted, body=body)
    try:
        return await client._sign_in(
            "/auth/login", LoginRequest(email=account.email, password=account.password)
        )
    except AuthError:
        raise PlatformError(
            f"the local demo platform in {home} has an account whose password file "
            f"({home / ACCOUNT_FILE}) does not match; move {home / DATABASE_FILE} away "
            "to start afresh",
            code="local_account_lost",
        ) from None


def _read_account(home: Path) -> LocalAccount | None:
    try:
        return LocalAccount.model_validate_json((home / ACCOUNT_FILE).read_bytes())
    except (FileNotFoundError, ValidationError):
        return None
