"""Keyword matching for the job board: the one place with store-specific job SQL.

A `JobTextSearch` turns the words a seeker typed into a subquery of matching job ids
with a score (lower is better). Everything else a search does (filters, sort order,
pages) is portable SQLAlchemy in `job_pages.py`, joined onto that subquery, so a
PostgreSQL implementation only has to supply the matching and the score.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import (
    ColumnClause,
    Float,
    Subquery,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    true,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from gpseeker.server.search import FOLD_FUNCTION, MAX_WORDS, websearch_text

# bm25 weights per indexed column, in the order of the FTS table's columns: a word in
# the title says far more about a job than the same word deep in its description.
TITLE_WEIGHT, COMPANY_WEIGHT, DESCRIPTION_WEIGHT, SKILLS_WEIGHT = 10.0, 4.0, 1.0, 5.0


MIN_PREFIX = 2

RANK_WEIGHTS: ColumnClause[Any] = literal_column("'{0.1, 0.4, 0.5, 1.0}'::real[]")
"""ts_rank's weights for D, C, B, A: description, company, skills, title, in the
proportions of the bm25 weights above."""


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
    typed, prefix = typed_words(words)
    quoted = ['"' + word.replace('"', '""') + '"' for word in typed]
    if prefix:
        # The prefix index makes this cheap from the second letter on.
        quoted[-1] += "*"
    return " ".join(quoted)


def typed_words(words: Sequence[str]) -> tuple[list[str], bool]:
    """The words to match and whether the last is a prefix: the search-as-you-type
    rules both stores share."""
    if len(words) > 1 and len(words[-1]) < MIN_PREFIX:
        # "python d" is someone typing "python developer": the lone letter would
        # match only the word "d" and empty the list for a keystroke. Until it grows,
        # the words before it decide. (Alone, "c" stays a word: the language C.)
        words = words[:-1]
    # One letter as a prefix matches nearly every job and costs a pass over all of
    # them; from the second letter on the prefix narrows.
    return list(words), bool(words) and len(words[-1]) >= MIN_PREFIX


class PostgresJobSearch:
    """PostgreSQL full-text search over title, skills, company and description, one
    weighted tsvector per job under a GIN index, ranked by ts_rank.

    A trigger-maintained column rather than a generated one: the company name lives
    in `employers`, and a generated column sees only its own row. One column holding
    all four texts keeps every query one GIN lookup, where a column on each table
    would need "each word in either", which no single index answers. A job's
    trigger fills it from the job and its employer; an employer's fires only when
    the company name changes and re-indexes that employer's jobs. The rest of the
    server writes only the portable tables.
    """

    DDL: tuple[str, ...] = (
        FOLD_FUNCTION,
        "ALTER TABLE jobs ADD COLUMN IF NOT EXISTS search_tsv tsvector",
        # Inline where it fits, as for resumes (see search.py): ranking reads it.
        "ALTER TABLE jobs ALTER COLUMN search_tsv SET STORAGE MAIN",
        # Weights: title A, skills B, company C, description D (see RANK_WEIGHTS).
        "CREATE OR REPLACE FUNCTION gpseeker_job_tsv("
        "title text, description text, skills json, company text) RETURNS tsvector "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT "
        "setweight(to_tsvector('simple'::regconfig, gpseeker_fold(coalesce(title, ''))), 'A')"
        " || setweight(to_tsvector('simple'::regconfig, gpseeker_fold(coalesce(("
        "SELECT string_agg(skill, ' ') FROM json_array_elements_text("
        "CASE WHEN json_typeof(skills) = 'array' THEN skills ELSE '[]'::json END) AS skill"
        "), ''))), 'B')"
        " || setweight(to_tsvector('simple'::regconfig, gpseeker_fold(coalesce(company, ''))), 'C')"
        " || setweight(to_tsvector('simple'::regconfig, gpseeker_fold(coalesce(description, ''))),"
        " 'D') $$",
        "CREATE OR REPLACE FUNCTION gpseeker_jobs_search_tsv() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "NEW.search_tsv = gpseeker_job_tsv(NEW.title, NEW.description, NEW.skills, "
        "(SELECT company_name FROM employers WHERE id = NEW.employer_id)); "
        "RETURN NEW; END $$",
        # Only a change of the indexed text re-indexes: closing a job does not.
        "CREATE OR REPLACE TRIGGER jobs_search_tsv "
        "BEFORE INSERT OR UPDATE OF title, description, skills, employer_id ON jobs "
        "FOR EACH ROW EXECUTE FUNCTION gpseeker_jobs_search_tsv()",
        "CREATE OR REPLACE FUNCTION gpseeker_employers_search_tsv() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "UPDATE jobs SET search_tsv = gpseeker_job_tsv(title, description, skills, "
        "NEW.company_name) WHERE employer_id = NEW.id; "
        "RETURN NULL; END $$",
        "CREATE OR REPLACE TRIGGER employers_search_tsv "
        "AFTER UPDATE OF company_name ON employers FOR EACH ROW "
        "WHEN (OLD.company_name IS DISTINCT FROM NEW.company_name) "
        "EXECUTE FUNCTION gpseeker_employers_search_tsv()",
        # Jobs stored before the column existed (an older platform database).
        "UPDATE jobs SET search_tsv = gpseeker_job_tsv(jobs.title, jobs.description, "
        "jobs.skills, employers.company_name) FROM employers "
        "WHERE employers.id = jobs.employer_id AND jobs.search_tsv IS NULL",
        # fastupdate off, as for resumes (see search.py): no pending list to scan.
        "CREATE INDEX IF NOT EXISTS ix_jobs_search_tsv ON jobs USING gin (search_tsv) "
        "WITH (fastupdate = off)",
    )

    async def create_schema(self, connection: AsyncConnection) -> None:
        for statement in self.DDL:
            await connection.exec_driver_sql(statement)

    _jobs = table("jobs", column("id"), column("search_tsv"))

    def matches(self, words: Sequence[str], *, ranked: bool) -> Subquery:
        typed, prefix = typed_words(words)
        whole = typed[:-1] if prefix else typed
        # Computed once in a FROM-less subquery (which the planner folds into a
        # constant), then used by both the GIN lookup and the rank. The prefix is a
        # lexeme of the folded last word with ":*" added to the query's own text form,
        # never to the user's text: whatever was typed stays a word. A last word with
        # no lexeme at all ("&") adds nothing, as an empty FTS5 phrase does.
        tsquery = (
            text(
                "SELECT websearch_to_tsquery('simple'::regconfig, gpseeker_fold(:whole)) && "
                "CASE WHEN numnode(last.q) = 0 THEN last.q "
                "ELSE (last.q::text || ':*')::tsquery END AS q "
                "FROM (SELECT phraseto_tsquery('simple'::regconfig, gpseeker_fold(:last)) AS q)"
                " AS last"
            )
            .bindparams(whole=websearch_text(whole), last=typed[-1] if prefix else "")
            .columns(column("q"))
            .subquery("typed")
        )
        jobs = self._jobs
        score = (
            cast(-func.ts_rank(RANK_WEIGHTS, jobs.c.search_tsv, tsquery.c.q), Float)
            if ranked
            else literal(0.0, Float)
        )
        return (
            select(jobs.c.id.label("job_id"), score.label("score"))
            .select_from(jobs)
            .join(tsquery, true())
            .where(jobs.c.search_tsv.bool_op("@@")(tsquery.c.q))
            .subquery("matches")
        )


def job_search_for(dialect_name: str) -> JobTextSearch:
    if dialect_name == "sqlite":
        return SqliteJobSearch()
    if dialect_name == "postgresql":
        return PostgresJobSearch()
    raise ValueError(f"the platform runs on SQLite or PostgreSQL, not {dialect_name}")
