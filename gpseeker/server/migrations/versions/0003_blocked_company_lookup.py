"""The blocked-companies lookup by company: the resume bank checks every hit against
the searching employer's blocks, and without it PostgreSQL scans every block on the
platform for each search.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A file adopted with today's models (schema._adopt) has no blocked_companies:
    # revision 0004 replaced it.
    if "blocked_companies" not in sa.inspect(op.get_bind()).get_table_names():
        return
    # IF NOT EXISTS: a pre-Alembic file is adopted by today's models' create_all
    # (schema.py), which already made this index, then stamped 0001 and upgraded.
    op.create_index(
        "ix_blocked_companies_company",
        "blocked_companies",
        ["normalized_name", "user_id"],
        sqlite_where=sa.text("dismissed IS false"),
        postgresql_where=sa.text("dismissed IS false"),
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_index("ix_blocked_companies_company", table_name="blocked_companies", if_exists=True)
