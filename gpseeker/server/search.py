"""Keyword search over the resume bank: the one place with store-specific SQL.

`resume_documents` (a portable table) holds the masked text of every searchable
candidate. A `ResumeSearch` finds candidate ids in it; who is *eligible* (searchable,
not expired, not blocking this employer) is portable SQLAlchemy passed in by the
caller, so a PostgreSQL implementation only has to supply the text matching.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from sqlalchemy import (
    ColumnClause,
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
POSTGRES_RANKED_MATCHES_MAX = 500
"""ts_rank decompresses each match's tsvector: a few µs a match at resume sizes,
and the count that decides costs as much per row, hence a lower cap than bm25's."""


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
        if not await secure_delete_enabled(connection):
            # Without FTS5's secure-delete (before SQLite 3.42, or an index made by
            # one: the option is stored in the index) the only way: merge every
            # segment into one, which drops deleted entries (and, with PRAGMA
            # secure_delete, zeroes the old segments). It rewrites the whole index,
            # but accounts are rarely erased.
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


async def secure_delete_enabled(connection: AsyncConnection) -> bool:
    """Whether this resume index removes a deleted document's words at once."""
    if not await fts5_secure_delete_available(connection):
        return False
    value = await connection.scalar(
        text("SELECT v FROM resume_fts_config WHERE k = 'secure-delete'")
    )
    return bool(value == 1)


def fts5_query(words: Sequence[str]) -> str:
    """Every word as a quoted FTS5 string, so no input can be FTS5 syntax (AND, *, ^...)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


FOLD_FUNCTION = (
    # Diacritics folded away, as SQLite's unicode61 does ("Jose" finds "José"):
    # decompose, drop the combining accents, recompose (so kana keep their dakuten).
    # Built-in IMMUTABLE functions only, so that a generated column may use it, with
    # no extension to install (unaccent() is only STABLE, and an extension lives in
    # one schema of a database). Needs a UTF8 database, which normalize() requires.
    "CREATE OR REPLACE FUNCTION gpseeker_fold(value text) RETURNS text "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ "
    r"SELECT normalize(regexp_replace(normalize(value, NFD), '[\u0300-\u036f]', '', 'g'), NFC)"
    " $$"
)
"""Shared by both PostgreSQL searches: the same folding on the text and the query."""

TS_CONFIG: ColumnClause[Any] = literal_column("'simple'::regconfig")
"""No stemming and no stop words: employers type skills and names ("Go", "C", "IT"),
which an English configuration would stem or drop."""


def websearch_text(words: Sequence[str]) -> str:
    """Every word as a quoted phrase of websearch_to_tsquery, so no input is query
    syntax: `-python` excludes nothing and `or` is a word. A `"` cannot be escaped
    inside the quotes, and tokenizing drops it anyway, so it is removed."""
    return " ".join('"' + word.replace('"', "") + '"' for word in words)


def folded_tsquery(words: Sequence[str]) -> ColumnElement[Any]:
    return func.websearch_to_tsquery(TS_CONFIG, func.gpseeker_fold(websearch_text(words)))


class PostgresResumeSearch:
    """PostgreSQL full-text search: a generated tsvector column on `resume_documents`
    under a GIN index.

    Generated, so the rest of the server still writes only the portable table, and
    a deleted row's vector goes with it. What a deletion leaves (the dead tuple, and
    its index entries) is VACUUM's to remove: see `erasure.py`.
    """

    DDL: tuple[str, ...] = (
        FOLD_FUNCTION,
        "ALTER TABLE resume_documents ADD COLUMN IF NOT EXISTS body_tsv tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, gpseeker_fold(body))) STORED",
        # Inline (compressed) rather than out of line in TOAST, where a resume's vector
        # would otherwise go: every match or rank check then reads it from the row
        # itself. At 100k profiles this took such checks from ~20 to ~2 µs each, and
        # a search from ~50 ms to ~3 ms. Applies to rows written from now on.
        "ALTER TABLE resume_documents ALTER COLUMN body_tsv SET STORAGE MAIN",
        # fastupdate off: new entries go straight into the index's tree instead of a
        # pending list that every search scans in full until a VACUUM merges it
        # (the planner then prices the index out and reads the whole table). A
        # profile save pays a few ms more; profiles are saved far less than searched.
        "CREATE INDEX IF NOT EXISTS ix_resume_documents_body_tsv "
        "ON resume_documents USING gin (body_tsv) WITH (fastupdate = off)",
    )

    _documents = table("resume_documents", column("candidate_id"), column("body_tsv"))

    async def create_schema(self, connection: AsyncConnection) -> None:
        for statement in self.DDL:
            await connection.exec_driver_sql(statement)

    async def purge_deleted(self, connection: AsyncConnection) -> None:
        # The generated column and its index go with the row; what is left is dead
        # tuples, which `erasure.scrub_files` vacuums for every table.
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
        if not words:
            result = await session.scalars(newest_first(eligible).offset(offset).limit(limit))
            return list(result)
        documents = self._documents
        query = folded_tsquery(words)
        matches = documents.c.body_tsv.bool_op("@@")(query)
        cap = POSTGRES_RANKED_MATCHES_MAX
        capped = select(documents.c.candidate_id).where(matches).limit(cap + 1)
        count = await session.scalar(select(func.count()).select_from(capped.subquery()))
        # Past the cap, as on SQLite, newest accounts first: for a common word the
        # primary key, walked backwards, yields a page after a few dozen rows.
        order = (
            [func.ts_rank(documents.c.body_tsv, query).desc(), documents.c.candidate_id.desc()]
            if (count or 0) <= cap
            else [documents.c.candidate_id.desc()]
        )
        statement = (
            select(documents.c.candidate_id)
            .where(matches)
            .where(eligible(documents.c.candidate_id))
            .order_by(*order)
        )
        result = await session.scalars(statement.offset(offset).limit(limit))
        return list(result)


def search_for(dialect_name: str) -> ResumeSearch:
    if dialect_name == "sqlite":
        return SqliteFtsSearch()
    if dialect_name == "postgresql":
        return PostgresResumeSearch()
    raise ValueError(f"the platform runs on SQLite or PostgreSQL, not {dialect_name}")
