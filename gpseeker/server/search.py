"""Keyword search over the resume bank: the one place with store-specific SQL.

`resume_documents` (a portable table) holds the masked text of every searchable
candidate. A `ResumeSearch` finds candidate ids in it; who is *eligible* (searchable,
not expired, not blocking this employer) is portable SQLAlchemy passed in by the
caller, so a PostgreSQL implementation only has to supply the text matching.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from gpseeker.server.tables import ResumeDocument

Eligibility = Callable[[SQLColumnExpression[int]], ColumnElement[bool]]
"""Given the candidate-id column of a search, the condition a hit must satisfy."""

MAX_WORDS = 20
RANKED_MATCHES_MAX = 5000


class ResumeSearch(Protocol):
    async def create_schema(self, connection: AsyncConnection) -> None:
        """Create what the store needs beyond the portable tables; idempotent."""

    async def search(
        self,
        session: AsyncSession,
        words: Sequence[str],
        eligible: Eligibility,
        *,
        offset: int,
        limit: int,
    ) -> list[int]:
        """Ids of eligible candidates whose text has every word, best match first."""

    async def purge_deleted(self, connection: AsyncConnection) -> None:
        """Make text deleted from `resume_documents` unrecoverable from the index's own
        storage too (an erased account); run after the deletion committed."""


def keywords(query: str) -> list[str]:
    """The words an employer typed; an empty list means "newest first"."""
    return query.split()[:MAX_WORDS]


def newest_first(eligible: Eligibility) -> Select[int]:
    candidate = ResumeDocument.candidate_id
    return (
        select(candidate)
        .where(eligible(candidate))
        .order_by(ResumeDocument.updated_at.desc(), candidate.desc())
    )


class SqliteFtsSearch:
    """SQLite FTS5, as an external-content index over `resume_documents`.

    Triggers keep the index in step with the table, so the rest of the server writes
    only the portable table. unicode61 folds case and diacritics ("Jose" finds
    "José"); it does not segment Japanese, which employers rarely type as keywords.
    """

    _fts = table("resume_fts", column("rowid"), column("rank"))

    async def create_schema(self, connection: AsyncConnection) -> None:
        statements = (
            "CREATE VIRTUAL TABLE IF NOT EXISTS resume_fts USING fts5("
            "body, content='resume_documents', content_rowid='candidate_id', "
            "tokenize='unicode61 remove_diacritics 2')",
            "CREATE TRIGGER IF NOT EXISTS resume_documents_ai AFTER INSERT ON resume_documents "
            "BEGIN INSERT INTO resume_fts(rowid, body) VALUES (new.candidate_id, new.body); END",
            "CREATE TRIGGER IF NOT EXISTS resume_documents_ad AFTER DELETE ON resume_documents "
            "BEGIN INSERT INTO resume_fts(resume_fts, rowid, body) "
            "VALUES ('delete', old.candidate_id, old.body); END",
            "CREATE TRIGGER IF NOT EXISTS resume_documents_au AFTER UPDATE ON resume_documents "
            "BEGIN INSERT INTO resume_fts(resume_fts, rowid, body) "
            "VALUES ('delete', old.candidate_id, old.body); "
            "INSERT INTO resume_fts(rowid, body) VALUES (new.candidate_id, new.body); END",
        )
        for statement in statements:
            await connection.execute(text(statement))
        if await fts5_secure_delete_available(connection):
            # Deleting a document then removes its words from the index at once;
            # otherwise they stay in old segments, marked deleted, until a merge.
            await connection.execute(
                text("INSERT INTO resume_fts(resume_fts, rank) VALUES ('secure-delete', 1)")
            )

    async def purge_deleted(self, connection: AsyncConnection) -> None:
        if not await fts5_secure_delete_available(connection):
            # Before SQLite 3.42 the only way: merge every segment into one, which
            # drops deleted entries (and, with PRAGMA secure_delete, zeroes the old
            # segments). It rewrites the whole index, but accounts are rarely erased.
            await connection.execute(text("INSERT INTO resume_fts(resume_fts) VALUES ('optimize')"))

    async def search(
        self,
        session: AsyncSession,
        words: Sequence[str],
        eligible: Eligibility,
        *,
        offset: int,
        limit: int,
    ) -> list[int]:
        if not words:
            statement = newest_first(eligible)
        else:
            matches = literal_column("resume_fts").op("MATCH")(fts5_query(words))
            count = await session.scalar(select(func.count()).select_from(self._fts).where(matches))
            # bm25 costs ~1 ms per thousand matches, and a word that nearly every
            # resume contains ranks them all alike anyway: past the cap, newest
            # accounts first (rowid order is free in FTS5).
            order = (
                self._fts.c.rank if (count or 0) <= RANKED_MATCHES_MAX else self._fts.c.rowid.desc()
            )
            statement = (
                select(self._fts.c.rowid)
                .where(matches)
                .where(eligible(self._fts.c.rowid))
                .order_by(order)
            )
        result = await session.scalars(statement.offset(offset).limit(limit))
        return list(result)


async def fts5_secure_delete_available(connection: AsyncConnection) -> bool:
    """FTS5's 'secure-delete' option exists from SQLite 3.42.0 on."""
    version = await connection.scalar(text("SELECT sqlite_version()"))
    return tuple(int(part) for part in str(version).split(".")[:2]) >= (3, 42)


def fts5_query(words: Sequence[str]) -> str:
    """Every word as a quoted FTS5 string, so no input can be FTS5 syntax (AND, *, ^...)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


class PortableSearch:
    """Case-insensitive substring matching on any store: correct, not fast.

    Lets a PostgreSQL deployment run before its full-text implementation exists.
    """

    async def create_schema(self, connection: AsyncConnection) -> None:
        return None

    async def purge_deleted(self, connection: AsyncConnection) -> None:
        # No index of its own: deleted rows are the store's business (PostgreSQL
        # reclaims them with VACUUM).
        return None

    async def search(
        self,
        session: AsyncSession,
        words: Sequence[str],
        eligible: Eligibility,
        *,
        offset: int,
        limit: int,
    ) -> list[int]:
        statement = newest_first(eligible)
        for word in words:
            statement = statement.where(ResumeDocument.body.icontains(word, autoescape=True))
        result = await session.scalars(statement.offset(offset).limit(limit))
        return list(result)


def search_for(dialect_name: str) -> ResumeSearch:
    return SqliteFtsSearch() if dialect_name == "sqlite" else PortableSearch()
