"""Sign-in throttling and sign-up codes: the `throttles` counts (wrong passwords per
address and per client, sign-up mails per address) and the `pending_signups` waiting
for their mailed code.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-09

What it does to existing data: nothing. Two new, empty tables. Every account already
in `users` stays as it is and signs in as before: an account exists only once its
address is confirmed (a sign-up waits in `pending_signups` until then), so the
accounts made before this revision count as confirmed, with no column to fill in.

Tables that a pre-Alembic file's adoption already made with today's models
(`schema._adopt` runs `create_all` first) are left as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _tables() -> set[str]:
    return set(sa.inspect(op.get_bind()).get_table_names())


def upgrade() -> None:
    tables = _tables()
    if "throttles" not in tables:
        op.create_table(
            "throttles",
            sa.Column("name", sa.String(length=16), nullable=False),
            sa.Column("key", sa.String(length=64), nullable=False),
            sa.Column("count", sa.Integer(), nullable=False),
            sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=True),
            sa.PrimaryKeyConstraint("name", "key"),
        )
        # For pruning the counts whose window has passed.
        op.create_index(op.f("ix_throttles_first_at"), "throttles", ["first_at"])
    if "pending_signups" not in tables:
        op.create_table(
            "pending_signups",
            sa.Column("address_key", sa.String(length=64), nullable=False),
            sa.Column("role", sa.String(length=16), nullable=False),
            sa.Column("display_name", sa.String(length=200), nullable=False),
            sa.Column("company_name", sa.String(length=200), nullable=True),
            sa.Column("password_hash", sa.String(length=200), nullable=False),
            sa.Column("code_digest", sa.String(length=64), nullable=False),
            sa.Column("code_expires_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("code_tries", sa.Integer(), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("address_key"),
        )
        op.create_index(
            op.f("ix_pending_signups_code_expires_at"), "pending_signups", ["code_expires_at"]
        )


def downgrade() -> None:
    """Back to 0005: the counts and the waiting sign-ups are dropped (0005 has no
    place for them; a waiting sign-up is started again with a new code)."""
    op.drop_index(op.f("ix_pending_signups_code_expires_at"), table_name="pending_signups")
    op.drop_table("pending_signups")
    op.drop_index(op.f("ix_throttles_first_at"), table_name="throttles")
    op.drop_table("throttles")
