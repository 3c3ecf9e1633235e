"""The local demo platform's own account, as its client sees it.

The platform itself is built by the composition root (`gpseeker.local_platform`):
this package never imports the server. The first use creates a local seeker
account; later uses sign in as it again.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import secrets
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from gpseeker.client.errors import AuthError, PlatformError
from gpseeker.core.models import LoginRequest, Session, SignupRequest, SignupStarted
from gpseeker.local.config import (
    LOCAL_ACCOUNT_FILE,
    StoredToken,
    TokenStore,
    write_file_atomically,
)
from gpseeker.local.local_files import FileNotice, why_unwritable

if TYPE_CHECKING:
    from gpseeker.client.seeker import PlatformClient

BASE_URL = "http://gpseeker.local"
LABEL = "Local demo platform"
DATABASE_FILE = "platform.sqlite3"
LOCAL_EMAIL = "you@example.com"
LOCAL_NAME = "Local Candidate"
ACCOUNT_LOCK_FILE = "local-account.lock"


class LocalAccount(BaseModel):
    """The local demo platform's own sign-in.

    Kept (0600) next to the database because the token alone is not enough: it can
    be revoked (`gpseeker logout`) or lost with the config directory, and then this
    password is the only way back into the local profile. It guards nothing the
    database file beside it does not already hold, and is never shown.
    """

    email: str
    password: str


async def sign_in_local_account(client: PlatformClient, home: Path, tokens: TokenStore) -> None:
    if await _kept_sign_in_works(client, tokens):
        return
    async with _account_lock(home):
        # Another gpseeker may have signed in (or made the account) while this waited.
        if await _kept_sign_in_works(client, tokens):
            return
        session = await _sign_in_or_sign_up(client, home)
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


async def _kept_sign_in_works(client: PlatformClient, tokens: TokenStore) -> bool:
    stored = tokens.get(None, "seeker")
    if stored is None:
        return False
    client._token = stored.token
    try:
        await client.me()
    except AuthError:
        client._token = None  # revoked, or the database was reset: sign in afresh
        return False
    return True


@contextlib.asynccontextmanager
async def _account_lock(home: Path) -> AsyncIterator[None]:
    """One gpseeker at a time makes the local account or signs in as it: two first
    commands at once each made an account with a password of its own, and the one
    file that keeps it could hold only one of them."""
    descriptor = os.open(home / ACCOUNT_LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        await asyncio.to_thread(fcntl.flock, descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


async def _sign_in_or_sign_up(client: PlatformClient, home: Path) -> Session:
    account = _read_account(home)
    if account is None:
        account = LocalAccount(email=LOCAL_EMAIL, password=secrets.token_urlsafe(24))
        # Written before the account exists, so a crash in between cannot leave an
        # account whose password nobody knows.
        write_file_atomically(home / LOCAL_ACCOUNT_FILE, account.model_dump_json(), mode=0o600)
        return await _signup(client, account, home)
    try:
        return await client._sign_in(
            "/auth/login", LoginRequest(email=account.email, password=account.password)
        )
    except AuthError:
        # The database was removed to start afresh; the saved password still fits.
        return await _signup(client, account, home)


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
            f"({home / LOCAL_ACCOUNT_FILE}) does not match; move {home / DATABASE_FILE} away "
            "to start afresh",
            code="local_account_lost",
        ) from None


def _read_account(home: Path) -> LocalAccount | None:
    try:
        return LocalAccount.model_validate_json((home / LOCAL_ACCOUNT_FILE).read_bytes())
    except (FileNotFoundError, ValidationError):
        return None
