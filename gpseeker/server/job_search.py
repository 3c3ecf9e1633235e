"""Keyword matching for the job board: the one place with store-specific job SQL.

A `JobTextSearch` turns the words a seeker typed into a subquery of matching job ids
with a score (lower is better). Everything else a search does (filters, sort order,
pages) is portable SQLAlchemy in `job_pages.py`, joined onto that subquery, so a
PostgreSQL implementation only has to supply the matching and the score.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import (
    Float,
    String,
    Subquery,
    cast,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from gpseeker.server.search import MAX_WORDS
from gpseeker.server.tables import Employer, JobRow

# bm25 weights per indexed column, in the order of the FTS table's columns: a word in
# the title says far more about a job than the same word deep in its description.
TITLE_WEIGHT, COMPANY_WEIGHT, DESCRIPTION_WEIGHT, SKILLS_WEIGHT = 10.0, 4.0, 1.0, 5.0


MIN_PREFIX = 2


class JobTextSearch(Protocol):
    async def create_schema(self, connection: AsyncConnection) -> None:
        """Create (and fill, for jobs stored before it existed) the store's index."""

    def matches(self, words: Sequence[str], *, ranked: bool) -> Subquery:
        """Jobs whose text has every word (the last one as a prefix, so results follow
        typing): columns `job_id` and `score`, lower score = better match. Scoring
        costs time per match, so unless `ranked` every score is 0."""


def keywords(query: str) -> list[str]:
    return query.split()[:MAX_WORDS]


class SqliteJobSearch:
    """SQLite FTS5 over title, company, description and skills, ranked by bm25.

    A table with its own copy of the text rather than an external-content index: the
    company name lives in `employers` and the skills are a JSON list, so the indexed
    text is not a column of `jobs`. Triggers keep it in step, so the rest of the
    server writes only the portable tables. `prefix` indexes make the short prefixes
    of search-as-you-type ("py", "pyt") cheap.
    """

    _fts = table("jobs_fts", column("rowid"), column("jobs_fts"))

    async def create_schema(self, connection: AsyncConnection) -> None:
        statements = (
            "CREATE VIRTUAL TABLE IF NOT EXISTS jobs_fts USING fts5("
            "title, company, description, skills, "
            "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
            "CREATE TRIGGER IF NOT EXISTS jobs_fts_ai AFTER INSERT ON jobs BEGIN "
            "INSERT INTO jobs_fts(rowid, title, company, description, skills) "
            "VALUES (new.id, new.title, "
            "(SELECT company_name FROM employers WHERE id = new.employer_id), new.description, "
            "(SELECT group_concat(value, ' ') FROM json_each(new.skills))); END",
            "CREATE TRIGGER IF NOT EXISTS jobs_fts_ad AFTER DELETE ON jobs BEGIN "
            "DELETE FROM jobs_fts WHERE rowid = old.id; END",
            # Only a change of the indexed text re-indexes: closing a job does not.
            "CREATE TRIGGER IF NOT EXISTS jobs_fts_au "
            "AFTER UPDATE OF title, description, skills, employer_id ON jobs BEGIN "
            "DELETE FROM jobs_fts WHERE rowid = old.id; "
            "INSERT INTO jobs_fts(rowid, title, company, description, skills) "
            "VALUES (new.id, new.title, "
            "(SELECT company_name FROM employers WHERE id = new.employer_id), new.description, "
            "(SELECT group_concat(value, ' ') FROM json_each(new.skills))); END",
            # Jobs stored before the index existed (an older platform file).
            "INSERT INTO jobs_fts(rowid, title, company, description, skills) "
            "SELECT j.id, j.title, e.company_name, j.description, "
            "(SELECT group_concat(value, ' ') FROM json_each(j.skills)) "
            "FROM jobs j JOIN employers e ON e.id = j.employer_id "
            "WHERE j.id > (SELECT coalesce(max(rowid), 0) FROM jobs_fts)",
        )
        for statement in statements:
            await connection.execute(text(statement))

    def matches(self, words: Sequence[str], *, ranked: bool) -> Subquery:
        rank = (
            func.bm25(
                literal_column("jobs_fts"),
                TITLE_WEIGHT,
                COMPANY_WEIGHT,
                DESCRIPTION_WEIGHT,
                SKILLS_WEIGHT,
                type_=Float,
            )
            if ranked
            else literal(0.0, Float)
        )
        return (
            select(self._fts.c.rowid.label("job_id"), rank.label("score"))
            .where(literal_column("jobs_fts").op("MATCH")(fts5_query(words)))
            .subquery("matches")
        )


def fts5_query(words: Sequence[str]) -> str:
    """Every word as a quoted FTS5 string, so no input is FTS5 syntax (AND, NEAR, ^,
    column filters...); the last one also matches as a prefix ("pyth" finds Python)."""
    if len(words) > 1 and len(words[-1]) < MIN_PREFIX:
        # "python d" is someone typing "python developer": the lone letter would
        # match only the word "d" and empty the list for a keystroke. Until it grows,
        # the words before it decide. (Alone, "c" stays a word: the language C.)
        words = words[:-1]
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    # One letter as a prefix matches nearly every job and costs a pass over all of
    # them; from the second letter on the prefix narrows, using the prefix index.
    if quoted and len(words[-1]) >= MIN_PREFIX:
        quoted[-1] += "*"
    return " ".join(quoted)


class PortableJobSearch:
    """Case-insensitive substring matching on any store: correct, not fast, unranked
    (every match scores alike, so relevance falls back to newest first).

    Lets a PostgreSQL deployment run before its full-text implementation exists.
    """

    async def create_schema(self, connection: AsyncConnection) -> None:
        return None

    def matches(self, words: Sequence[str], *, ranked: bool) -> Subquery:
        statement = select(JobRow.id.label("job_id"), literal(0.0, Float).label("score")).join(
            Employer, Employer.id == JobRow.employer_id
        )
        for word in words:
            statement = statement.where(
                or_(
                    JobRow.title.icontains(word, autoescape=True),
                    JobRow.description.icontains(word, autoescape=True),
                    Employer.company_name.icontains(word, autoescape=True),
                    cast(JobRow.skills, String).icontains(word, autoescape=True),
                )
            )
        return statement.subquery("matches")


def job_search_for(dialect_name: str) -> JobTextSearch:
    return SqliteJobSearch() if dialect_name == "sqlite" else PortableJobSearch()
