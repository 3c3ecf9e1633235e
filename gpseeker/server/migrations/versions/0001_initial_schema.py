"""The initial schema: the platform's tables as `create_all` made them before
migrations existed, and on SQLite the FTS5 indexes of the resume bank and the jobs.

Revision ID: 0001
Revises:
Create Date: 2026-11-27

The FTS5 statements are copies of what `SqliteFtsSearch` and `SqliteJobSearch`
created at every start, not calls to them: a migration must build the same schema
whatever the search code becomes later.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_FULL_TEXT = (
    # The resume bank: an external-content index over resume_documents.
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
    # The jobs: a table with its own copy of the text (company name and skills are
    # not columns of jobs).
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
    "CREATE TRIGGER IF NOT EXISTS jobs_fts_au "
    "AFTER UPDATE OF title, description, skills, employer_id ON jobs BEGIN "
    "DELETE FROM jobs_fts WHERE rowid = old.id; "
    "INSERT INTO jobs_fts(rowid, title, company, description, skills) "
    "VALUES (new.id, new.title, "
    "(SELECT company_name FROM employers WHERE id = new.employer_id), new.description, "
    "(SELECT group_concat(value, ' ') FROM json_each(new.skills))); END",
)
"""Copied from search.py and job_search.py as they were at this revision. The jobs
index's backfill is left out: the jobs table is new here, so it has no rows."""

SQLITE_SECURE_DELETE = "INSERT INTO resume_fts(resume_fts, rank) VALUES ('secure-delete', 1)"
"""Deleting a document then removes its words from the index at once (an erased
account); the option exists from SQLite 3.42 on."""

SQLITE_FULL_TEXT_DROP = (
    "DROP TRIGGER IF EXISTS jobs_fts_au",
    "DROP TRIGGER IF EXISTS jobs_fts_ad",
    "DROP TRIGGER IF EXISTS jobs_fts_ai",
    "DROP TABLE IF EXISTS jobs_fts",
    "DROP TRIGGER IF EXISTS resume_documents_au",
    "DROP TRIGGER IF EXISTS resume_documents_ad",
    "DROP TRIGGER IF EXISTS resume_documents_ai",
    "DROP TABLE IF EXISTS resume_fts",
)


def upgrade() -> None:
    op.create_table(
        "server_secrets",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email"),
    )
    op.create_table(
        "blocked_companies",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("normalized_name", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        sa.Column("dismissed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "normalized_name"),
    )
    op.create_table(
        "employers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("company_name", sa.String(length=200), nullable=False),
        sa.Column("normalized_name", sa.String(length=200), nullable=False),
        sa.Column("about", sa.String(length=5000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id"),
    )
    op.create_index(
        op.f("ix_employers_normalized_name"), "employers", ["normalized_name"], unique=False
    )
    op.create_table(
        "idempotent_answers",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "key"),
    )
    op.create_table(
        "profiles",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_table(
        "resume_documents",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("hit", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("candidate_id"),
    )
    op.create_index(
        op.f("ix_resume_documents_updated_at"), "resume_documents", ["updated_at"], unique=False
    )
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("query", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_saved_searches_user_id"), "saved_searches", ["user_id"], unique=False)
    op.create_table(
        "subscriptions",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("mail_list", sa.String(length=16), nullable=False),
        sa.Column("subscribed", sa.Boolean(), nullable=False),
        sa.Column("consented_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consent_method", sa.String(length=80), nullable=True),
        sa.Column("unsubscribed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("frequency", sa.String(length=8), nullable=False),
        sa.Column("last_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "mail_list"),
    )
    op.create_table(
        "tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index(op.f("ix_tokens_user_id"), "tokens", ["user_id"], unique=False)
    op.create_table(
        "unsubscribe_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("mail_list", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index(
        op.f("ix_unsubscribe_tokens_user_id"), "unsubscribe_tokens", ["user_id"], unique=False
    )
    op.create_table(
        "visibility",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("resume", sa.String(length=16), nullable=False),
        sa.Column("searchable_until", sa.Date(), nullable=True),
        sa.Column("show_past_companies", sa.Boolean(), nullable=False),
        sa.Column("show_age", sa.Boolean(), nullable=False),
        sa.Column("show_gender", sa.Boolean(), nullable=False),
        sa.Column("show_nationality", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_table(
        "candidate_refs",
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=40), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("employer_id", "ref"),
    )
    op.create_index(
        op.f("ix_candidate_refs_candidate_id"), "candidate_refs", ["candidate_id"], unique=False
    )
    op.create_table(
        "disclosures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_disclosures_candidate_id"), "disclosures", ["candidate_id"], unique=False
    )
    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("job_type", sa.String(length=32), nullable=False),
        sa.Column("remote", sa.String(length=16), nullable=False),
        sa.Column("prefecture", sa.String(length=32), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=False),
        sa.Column("salary_min", sa.Integer(), nullable=True),
        sa.Column("salary_max", sa.Integer(), nullable=True),
        sa.Column("salary_period", sa.String(length=8), nullable=False),
        sa.Column("salary_yearly_min_jpy", sa.Integer(), nullable=True),
        sa.Column("japanese_required", sa.String(length=8), nullable=False),
        sa.Column("english_required", sa.String(length=16), nullable=False),
        sa.Column("visa_sponsorship", sa.Boolean(), nullable=False),
        sa.Column("apply_from_overseas", sa.Boolean(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("closes_at", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_jobs_employer_id"), "jobs", ["employer_id"], unique=False)
    op.create_index(
        "ix_jobs_id_facets",
        "jobs",
        [
            "id",
            "status",
            "posted_at",
            "salary_yearly_min_jpy",
            "closes_at",
            "prefecture",
            "remote",
            "job_type",
            "category",
            "japanese_required",
            "english_required",
            "visa_sponsorship",
            "apply_from_overseas",
        ],
        unique=False,
    )
    op.create_index(
        "ix_jobs_newest",
        "jobs",
        [
            "status",
            "posted_at",
            "salary_yearly_min_jpy",
            "closes_at",
            "prefecture",
            "remote",
            "job_type",
            "category",
            "japanese_required",
            "english_required",
            "visa_sponsorship",
            "apply_from_overseas",
        ],
        unique=False,
    )
    op.create_index(
        "ix_jobs_salary",
        "jobs",
        [
            "status",
            "salary_yearly_min_jpy",
            "posted_at",
            "closes_at",
            "prefecture",
            "remote",
            "job_type",
            "category",
            "japanese_required",
            "english_required",
            "visa_sponsorship",
            "apply_from_overseas",
        ],
        unique=False,
    )
    op.create_table(
        "profile_views",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("context", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_profile_views_candidate_id"), "profile_views", ["candidate_id"], unique=False
    )
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("cover_note", sa.Text(), nullable=False),
        sa.Column("disclosed", sa.JSON(), nullable=False),
        sa.Column("candidate_view", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("erased_for_employer_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["candidate_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_applications_candidate_id"), "applications", ["candidate_id"], unique=False
    )
    op.create_index(
        op.f("ix_applications_employer_id"), "applications", ["employer_id"], unique=False
    )
    op.create_index(op.f("ix_applications_job_id"), "applications", ["job_id"], unique=False)
    op.create_index(
        "ux_applications_active",
        "applications",
        ["candidate_id", "job_id"],
        unique=True,
        sqlite_where=sa.text("status != 'withdrawn'"),
        postgresql_where=sa.text("status != 'withdrawn'"),
    )
    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("candidate_ref", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_invitations_candidate_sent", "invitations", ["candidate_id", "sent_at"], unique=False
    )
    op.create_index(
        "ix_invitations_employer_sent", "invitations", ["employer_id", "sent_at"], unique=False
    )
    op.create_table(
        "saved_jobs",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "job_id"),
    )
    op.create_index(op.f("ix_saved_jobs_job_id"), "saved_jobs", ["job_id"], unique=False)
    op.create_table(
        "application_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_application_events_application_id"),
        "application_events",
        ["application_id"],
        unique=False,
    )
    op.create_table(
        "erase_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=2000), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["candidate_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("application_id"),
    )
    op.create_index(
        op.f("ix_erase_requests_candidate_id"), "erase_requests", ["candidate_id"], unique=False
    )
    op.create_index(
        op.f("ix_erase_requests_employer_id"), "erase_requests", ["employer_id"], unique=False
    )
    op.create_table(
        "relayed_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invitation_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("shared_email", sa.String(length=320), nullable=True),
        sa.Column("shared_phone", sa.String(length=64), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["employer_id"], ["employers.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["invitation_id"], ["invitations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("invitation_id"),
    )
    op.create_index(
        op.f("ix_relayed_messages_employer_id"), "relayed_messages", ["employer_id"], unique=False
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_FULL_TEXT:
            op.execute(statement)
        version = op.get_bind().exec_driver_sql("SELECT sqlite_version()").scalar()
        if tuple(int(part) for part in str(version).split(".")[:2]) >= (3, 42):
            op.execute(SQLITE_SECURE_DELETE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_FULL_TEXT_DROP:
            op.execute(statement)
    op.drop_table("relayed_messages")
    op.drop_table("erase_requests")
    op.drop_table("application_events")
    op.drop_table("saved_jobs")
    op.drop_table("invitations")
    op.drop_table("applications")
    op.drop_table("profile_views")
    op.drop_table("jobs")
    op.drop_table("disclosures")
    op.drop_table("candidate_refs")
    op.drop_table("visibility")
    op.drop_table("unsubscribe_tokens")
    op.drop_table("tokens")
    op.drop_table("subscriptions")
    op.drop_table("saved_searches")
    op.drop_table("resume_documents")
    op.drop_table("profiles")
    op.drop_table("idempotent_answers")
    op.drop_table("employers")
    op.drop_table("blocked_companies")
    op.drop_table("users")
    op.drop_table("server_secrets")
