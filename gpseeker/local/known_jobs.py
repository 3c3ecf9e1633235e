"""The jobs list kept for a fast start: the last landing page of jobs, with its owner.

On a warm start the Jobs screen shows this page at once, labelled with its age in
words, while the app connects to the platform; the fresh page replaces it (issue 16).

Which page: only the landing view's first page (an empty search box, the filters the
screen starts with). That is what a start shows; a page of another search under an
empty box would be a list of something the candidate cannot see they asked for.

Whose: one small file in the data directory holds one page and names the platform it
came from (its URL, or "embedded" for the local platform: the token store's key) and
the account (the e-mail of the sign-in kept in the token store). A page is shown only
to that platform and account; the next landing page of any other replaces it. Signing
out of the platform and erasing the account remove it (`forget`).

Untrusted: the file is read back through the API models, as an answer from the
platform is, and its jobs reach the screen only through the safe text widgets. It is a
cache: nothing in it exists only here, so a file that cannot be read or does not
validate (cut short, edited, written by another version) is ignored without a notice
and replaced by the next fresh page, never set aside as the candidate's own files are.
Nothing here imports Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import AwareDatetime, BaseModel, Field, ValidationError

from gpseeker.core.models import Job
from gpseeker.local.config import KNOWN_JOBS_FILE, TokenStore, write_file_atomically

__all__ = ["KNOWN_JOBS_FILE", "KnownPage", "Owner", "forget", "keep", "owner_of", "recall"]

MAX_JOBS = 100
"""More than a page (30): a file that claims more was not written by gpseeker."""
MAX_BYTES = 4 * 1024 * 1024
"""Larger than a page of the longest descriptions; a larger file is not read at all,
so an odd file cannot cost the start its memory."""


@dataclass(frozen=True)
class Owner:
    """Whose jobs a page is: a platform (token-store key) and a seeker account on it."""

    platform: str
    account: str
    """The account's e-mail address, case-folded (e-mail addresses are compared so)."""


class KnownPage(BaseModel):
    """The file's contents: one page of jobs, whose, and when the platform sent it."""

    format: Literal[1] = 1
    """Another version's file does not validate, and is ignored (then replaced)."""
    platform: str
    account: str
    saved_at: AwareDatetime
    """When the platform sent the page: its age, in words, is shown with it."""
    jobs: list[Job] = Field(max_length=MAX_JOBS)

    def belongs_to(self, owner: Owner) -> bool:
        return (self.platform, self.account) == (owner.platform, owner.account)


class _Whose(BaseModel):
    """Just enough of a file to tell which platform it belongs to."""

    platform: str


def known_jobs_path(data_dir: Path) -> Path:
    return data_dir / KNOWN_JOBS_FILE


def owner_of(tokens: TokenStore, server: str | None) -> Owner | None:
    """The platform `server` (None: the local one) and the seeker signed in to it, as
    the token store says; None when nobody is (then no page is kept or shown)."""
    stored = tokens.peek(server, "seeker")
    if stored is None:
        return None
    return Owner(TokenStore.key(server), stored.email.casefold())


def recall(data_dir: Path, owner: Owner | None) -> KnownPage | None:
    """The page kept for `owner`, or None: none kept, another's, or unreadable."""
    if owner is None:
        return None
    path = known_jobs_path(data_dir)
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        page = KnownPage.model_validate_json(path.read_bytes())
    except (OSError, ValueError):  # ValidationError is a ValueError
        return None
    return page if page.belongs_to(owner) else None


def keep(data_dir: Path, owner: Owner | None, jobs: Sequence[Job], saved_at: dt.datetime) -> bool:
    """Keep `jobs` (0600) as `owner`'s landing page; False if it could not be written.

    A failure is not reported: it costs only the next start's head start, and the
    candidate can do nothing about it that the other files' notices do not already say.
    """
    if owner is None:
        return False
    page = KnownPage(
        platform=owner.platform,
        account=owner.account,
        saved_at=saved_at,
        jobs=list(jobs[:MAX_JOBS]),
    )
    try:
        write_file_atomically(known_jobs_path(data_dir), page.model_dump_json(), mode=0o600)
    except OSError:
        return False
    return True


def forget(data_dir: Path, server: str | None) -> Path | None:
    """Remove the page kept from `server` (None: the local platform); returns its path
    if one was removed, for the message that lists what was erased.

    A file that cannot be read is removed too: whose it is cannot be told, and it may
    be this platform's. A page of another platform stays: it is not this sign-in's.
    """
    path = known_jobs_path(data_dir)
    try:
        whose: str | None = _Whose.model_validate_json(path.read_bytes()).platform
    except FileNotFoundError:
        return None
    except (OSError, ValueError, ValidationError):
        whose = None
    if whose is not None and whose != TokenStore.key(server):
        return None
    try:
        path.unlink()
    except FileNotFoundError:
        return None
    except OSError:
        return None  # a folder in its place: it holds no page, nothing was kept there
    return path
