"""Profile views merged per employer account, per candidate, per day: one row with a
count instead of one row per open, so an employer opening a profile again and again
grows a number, not the table (and the candidate's log reads "30 times on ...").

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08

What it does to existing data: every open already logged is kept in the count of its
day. The day is the platform's calendar day in Japan (`ServerSettings.today()`), the
same day the resume's searchable period is counted in; rows of one employer account,
one candidate, one context and one day become one row that keeps the first row's id,
the first and the last time of that day and how many there were.

A pre-Alembic file adopted with today's models (`schema._adopt`) still has the old
table (`create_all` leaves existing tables alone), so it is merged like any other; a
table that already has the new shape is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNIQUE_INDEX = "ux_profile_views_daily"
# The day in Japan of a naive-UTC (SQLite) or timestamptz (PostgreSQL) `at`, by the
# fixed +9 hours settings.JST uses (Japan has no daylight saving time).
DAY_IN_JAPAN = {
    "sqlite": "date(at, '+9 hours')",
    "postgresql": "CAST((at AT TIME ZONE 'UTC') + INTERVAL '9 hours' AS DATE)",
}


def _columns(table: str) -> set[str]:
    return {column["name"] for column in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    if "day" in _columns("profile_views"):
        return
    bind = op.get_bind()
    op.add_column("profile_views", sa.Column("day", sa.Date(), nullable=True))
    op.add_column("profile_views", sa.Column("first_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("profile_views", sa.Column("count", sa.Integer(), nullable=True))
    day = DAY_IN_JAPAN[bind.dialect.name]
    # Merged through a scratch table: one pass over the rows on either store, where
    # an UPDATE per group would read each candidate's views once per group. The
    # surviving row keeps its id, so the id sequence needs no repair.
    # (The SQL is built from this module's constants only.)
    bind.exec_driver_sql(
        "CREATE TABLE profile_views_0005 AS "  # noqa: S608
        "SELECT min(id) AS id, candidate_id, employer_id, context, "
        f"{day} AS day, min(at) AS first_at, max(at) AS last_at, count(*) AS opens "
        f"FROM profile_views GROUP BY candidate_id, employer_id, context, {day}"
    )
    bind.exec_driver_sql("DELETE FROM profile_views")
    bind.exec_driver_sql(
        "INSERT INTO profile_views (id, candidate_id, employer_id, context, day, first_at, "
        "at, count) SELECT id, candidate_id, employer_id, context, day, first_at, last_at, "
        "opens FROM profile_views_0005"
    )
    bind.exec_driver_sql("DROP TABLE profile_views_0005")
    # SQLite cannot make a column NOT NULL in place: the batch rebuilds the table.
    with op.batch_alter_table("profile_views") as batch:
        for column in ("day", "first_at", "count"):
            batch.alter_column(column, nullable=False)
        # The unique index starts with candidate_id, so it serves the candidate's
        # log as the old index did; two indexes would only cost every write.
        batch.drop_index("ix_profile_views_candidate_id")
        batch.create_index(
            UNIQUE_INDEX, ["candidate_id", "employer_id", "context", "day"], unique=True
        )


def downgrade() -> None:
    """Back to one row per open as 0004 had it; a merged row becomes one open at its
    last time (0004 cannot hold the count)."""
    with op.batch_alter_table("profile_views") as batch:
        batch.drop_index(UNIQUE_INDEX)
        batch.create_index("ix_profile_views_candidate_id", ["candidate_id"], unique=False)
        batch.drop_column("count")
        batch.drop_column("first_at")
        batch.drop_column("day")
