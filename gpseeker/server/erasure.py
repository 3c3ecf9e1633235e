"""Erasing a candidate's account: everything the platform holds about them, at once,
and beyond recovery from the store's files.

Every table that holds something of a candidate refers to `users` with ON DELETE
CASCADE (SQLite enforces it: `db.py` turns foreign keys on), so deleting the user row
takes the profile, visibility, blocks, tokens, saved jobs and searches,
applications with their timelines, disclosures, profile views, candidate
references, invitations with the relayed replies, erase requests, subscriptions,
unsubscribe tokens and idempotency answers with it, in one transaction. The resume
document is deleted first, explicitly, so that the bank stops finding the candidate
even where the index is kept by hand rather than by triggers.

A deleted row is not yet gone from disk: SQLite would leave it in free space, the
write-ahead log keeps earlier copies of the pages, and FTS5 keeps deleted words in
its segments until they merge. `db.py` sets `PRAGMA secure_delete`, and after the
commit `scrub_files` purges the search index and checkpoints the WAL into the main
file, truncating it.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.models import DeletionReceipt
from gpseeker.server.accounts import normalize_email
from gpseeker.server.deps import Caller
from gpseeker.server.errors import invalid
from gpseeker.server.platform import Platform
from gpseeker.server.tables import ApplicationRow, Employer, ResumeDocument, User

log = logging.getLogger(__name__)

CHECKPOINT_TRIES = 10
CHECKPOINT_PAUSE_S = 0.05


async def delete_account(caller: Caller, confirm_email: str) -> DeletionReceipt:
    """Check the typed address, erase the account, and say which employers still hold
    an application (their own copies are theirs to answer for)."""
    session, platform, user = caller.session, caller.platform, caller.user
    if normalize_email(confirm_email) != normalize_email(user.email):
        raise invalid(
            "confirm_email",
            "is not this account's e-mail address; type it again to confirm. Nothing was deleted.",
        )
    employers = await employers_with_applications(session, user.id)
    await session.execute(delete(ResumeDocument).where(ResumeDocument.candidate_id == user.id))
    await session.execute(delete(User).where(User.id == user.id))
    await session.commit()
    await scrub_files(platform)
    return DeletionReceipt(
        deleted_at=platform.settings.now(),
        email=user.email,
        employers_with_applications=employers,
    )


async def employers_with_applications(session: AsyncSession, user_id: int) -> list[str]:
    """Distinct names of the companies that received an application, sorted."""
    names = await session.scalars(
        select(Employer.company_name)
        .join(ApplicationRow, ApplicationRow.employer_id == Employer.id)
        .where(ApplicationRow.candidate_id == user_id)
        .distinct()
        .order_by(Employer.company_name)
    )
    return list(names)


async def scrub_files(platform: Platform) -> None:
    """Leave no copy of deleted rows in the store's files: the search index's old
    segments, and (SQLite) the write-ahead log."""
    async with platform.engine.connect() as connection:
        await platform.search.purge_deleted(connection)
        await connection.commit()
        if platform.engine.dialect.name != "sqlite":
            return
        for _ in range(CHECKPOINT_TRIES):
            # (busy, frames in the log, frames checkpointed); busy means a reader
            # still needed old frames, so the log could not be truncated yet.
            result = await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            if not result.one()[0]:
                return
            await asyncio.sleep(CHECKPOINT_PAUSE_S)
        log.warning(
            "readers kept the write-ahead log busy: it may hold erased rows until the "
            "next full checkpoint"
        )
