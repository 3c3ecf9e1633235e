"""PostgreSQL full-text search: the resume bank's and the jobs' text indexes
(`PostgresResumeSearch.DDL`, `PostgresJobSearch.DDL`); nothing on SQLite, whose
FTS5 indexes came with 0001.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

The statements are copies of the search classes' DDL at this revision, not
references to it: later changes to the search code need revisions of their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOLD_FUNCTION = (
    # Diacritics folded away, as SQLite's unicode61 does ("Jose" finds "José").
    "CREATE OR REPLACE FUNCTION gpseeker_fold(value text) RETURNS text "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ "
    r"SELECT normalize(regexp_replace(normalize(value, NFD), '[\u0300-\u036f]', '', 'g'), NFC)"
    " $$"
)

RESUME_SEARCH: tuple[str, ...] = (
    FOLD_FUNCTION,
    "ALTER TABLE resume_documents ADD COLUMN IF NOT EXISTS body_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, gpseeker_fold(body))) STORED",
    # Inline, not in TOAST: matching and ranking read it (see search.py).
    "ALTER TABLE resume_documents ALTER COLUMN body_tsv SET STORAGE MAIN",
    "CREATE INDEX IF NOT EXISTS ix_resume_documents_body_tsv "
    "ON resume_documents USING gin (body_tsv) WITH (fastupdate = off)",
)
"""`PostgresResumeSearch.DDL` at this revision."""

JOB_SEARCH: tuple[str, ...] = (
    FOLD_FUNCTION,
    "ALTER TABLE jobs ADD COLUMN IF NOT EXISTS search_tsv tsvector",
    "ALTER TABLE jobs ALTER COLUMN search_tsv SET STORAGE MAIN",
    # Weights: title A, skills B, company C, description D.
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
    # Jobs stored before the column existed: every job of a database at 0001.
    "UPDATE jobs SET search_tsv = gpseeker_job_tsv(jobs.title, jobs.description, "
    "jobs.skills, employers.company_name) FROM employers "
    "WHERE employers.id = jobs.employer_id AND jobs.search_tsv IS NULL",
    "CREATE INDEX IF NOT EXISTS ix_jobs_search_tsv ON jobs USING gin (search_tsv) "
    "WITH (fastupdate = off)",
)
"""`PostgresJobSearch.DDL` at this revision."""

DROP: tuple[str, ...] = (
    "DROP INDEX IF EXISTS ix_jobs_search_tsv",
    "DROP TRIGGER IF EXISTS employers_search_tsv ON employers",
    "DROP FUNCTION IF EXISTS gpseeker_employers_search_tsv()",
    "DROP TRIGGER IF EXISTS jobs_search_tsv ON jobs",
    "DROP FUNCTION IF EXISTS gpseeker_jobs_search_tsv()",
    "ALTER TABLE jobs DROP COLUMN IF EXISTS search_tsv",
    "DROP FUNCTION IF EXISTS gpseeker_job_tsv(text, text, json, text)",
    "DROP INDEX IF EXISTS ix_resume_documents_body_tsv",
    # The generated column uses gpseeker_fold, so it goes first.
    "ALTER TABLE resume_documents DROP COLUMN IF EXISTS body_tsv",
    "DROP FUNCTION IF EXISTS gpseeker_fold(text)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in (*RESUME_SEARCH, *JOB_SEARCH):
            # As the search classes run them: driver SQL, no bind-parameter parsing.
            op.get_bind().exec_driver_sql(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in DROP:
            op.get_bind().exec_driver_sql(statement)
