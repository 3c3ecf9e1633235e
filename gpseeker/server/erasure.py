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

PostgreSQL keeps a deleted row as a dead tuple (and its index entries) until VACUUM,
so there `scrub_files` vacuums the tables the deletion reached: the rows and their
index entries are then gone for every query, and their space is free for reuse.
It is not zeroed, though: PostgreSQL has no secure_delete, so the old bytes stay in
the page's free space until overwritten, a GIN index keeps a word's key (with no
row under it) until a REINDEX, and the write-ahead log and backups hold copies
until they are recycled. Encrypted storage covers those; the platform cannot.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import Table, delete, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from gpseeker.core.models import DeletionReceipt
from gpseeker.server.accounts import normalize_email
from gpseeker.server.db import Base
from gpseeker.server.deps import Caller
from gpseeker.server.errors import invalid
from gpseeker.server.platform import Platform
from gpseeker.server.tables import ApplicationRow, Employer, JobRow, ResumeDocument, User

log = logging.getLogger(__name__)

CHECKPOINT_TRIES = 10
CHECKPOINT_PAUSE_S = 0.05
VACUUM_TIMEOUT = "10s"


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
    platform.masked_views.forget(user.id)
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
        if platform.engine.dialect.name == "postgresql":
            await vacuum_candidate_tables(connection)
            return
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


def candidate_tables() -> list[Table]:
    """The tables an erased candidate's rows are deleted from: `users` and every
    table that cascades from it, directly or through another such table, except
    through the employer side (an employer's jobs are not the candidate's)."""
    stop = {Employer.__tablename__, JobRow.__tablename__}
    reached: list[Table] = [User.__table__]  # type: ignore[list-item]
    for table in Base.metadata.sorted_tables:  # parents before children
        if table.name in stop or table in reached:
            continue
        if any(
            fk.ondelete == "CASCADE" and fk.column.table in reached for fk in table.foreign_keys
        ):
            reached.append(table)
    return reached


async def vacuum_candidate_tables(connection: AsyncConnection) -> None:
    """VACUUM, so the erased rows' dead tuples and their index entries (the GIN
    index's postings too) are removed now rather than whenever autovacuum next comes by.

    Bounded: only the tables the erasure reached, each skipped if another VACUUM
    holds it (that one removes the same tuples), and a statement timeout, because a
    VACUUM's index passes grow with the whole table and the candidate is waiting for
    the answer. If the timeout hits, the rows are still deleted and unreachable;
    autovacuum finishes the job.
    """
    names = ", ".join(
        connection.dialect.identifier_preparer.quote(t.name) for t in candidate_tables()
    )
    # VACUUM cannot run inside a transaction block.
    autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
    await autocommit.exec_driver_sql(f"SET statement_timeout = '{VACUUM_TIMEOUT}'")
    try:
        # INDEX_CLEANUP ON: by default a VACUUM that finds few dead tuples may leave
        # the index entries for later: the postings of the erased words.
        await autocommit.exec_driver_sql(f"VACUUM (SKIP_LOCKED, INDEX_CLEANUP ON) {names}")
    except DBAPIError:
        log.warning("VACUUM after an erasure did not finish; autovacuum will", exc_info=True)
    finally:
        await autocommit.exec_driver_sql("RESET statement_timeout")
