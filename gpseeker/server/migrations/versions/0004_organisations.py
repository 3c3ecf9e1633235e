"""Employer organisations, the operator, blocks of organisations, reports, and
references that are never reused.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

What it does to existing data:

- every employer account becomes the admin of an organisation of its own, under the
  name it typed, status **pending** (with the id of the account, so references issued
  to the account stay valid for its organisation). Nothing an account typed was ever
  checked, so none is verified here: the operator verifies (and merges) them with
  `gpseeker operator verify|merge`. The embedded demo platform verifies its own demo
  employers when it starts;
- an employer's e-mail domain, unless a free-mail one, is claimed for its
  organisation (the first account of each domain wins; the operator can change it);
- every candidate gets the random secret their references are made from;
- blocks keep their names and become typed-name blocks, with their spellings;
- on SQLite, `users` is rebuilt with AUTOINCREMENT, so no id is ever given twice.

Tables that a pre-Alembic file's adoption already made with today's models
(`schema._adopt` runs `create_all` first) are left as they are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from gpseeker.core.privacy import company_key, company_keys, normalize_company

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The free-mail domains of server/organisations.py as they were at this revision.
FREE_MAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.co.jp",
        "yahoo.com",
        "outlook.com",
        "outlook.jp",
        "hotmail.com",
        "hotmail.co.jp",
        "live.com",
        "live.jp",
        "icloud.com",
        "me.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "mail.com",
        "docomo.ne.jp",
        "ezweb.ne.jp",
        "softbank.ne.jp",
        "i.softbank.jp",
    }
)


def _tables() -> set[str]:
    return set(sa.inspect(op.get_bind()).get_table_names())


def _columns(table: str) -> set[str]:
    return {column["name"] for column in sa.inspect(op.get_bind()).get_columns(table)}


def _legacy_alter_table(on: bool) -> None:
    """SQLite re-reads every trigger when a table is renamed, and the job index's
    triggers name `employers`, which a batch rebuild has just dropped: the legacy
    rename does not re-read them (the new table takes the name they use)."""
    if op.get_bind().dialect.name == "sqlite":
        op.get_bind().exec_driver_sql(f"PRAGMA legacy_alter_table={'ON' if on else 'OFF'}")


def upgrade() -> None:
    _legacy_alter_table(True)
    try:
        _upgrade()
    finally:
        _legacy_alter_table(False)


def _upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    tables = _tables()
    _create_organisation_tables(tables)
    _users(sqlite)
    _employers(sqlite)
    _candidate_refs(tables)
    _blocks(tables)
    if "invitation_reports" not in tables:
        op.create_table(
            "invitation_reports",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("invitation_id", sa.Integer(), nullable=False),
            sa.Column("candidate_id", sa.Integer(), nullable=False),
            sa.Column("organisation_id", sa.Integer(), nullable=False),
            sa.Column("reason", sa.Text(), nullable=False),
            sa.Column("state", sa.String(length=16), nullable=False),
            sa.Column("outcome", sa.Text(), nullable=False),
            sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
            sa.ForeignKeyConstraint(["candidate_id"], ["users.id"], ondelete="CASCADE"),
            sa.ForeignKeyConstraint(["invitation_id"], ["invitations.id"], ondelete="CASCADE"),
            sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("invitation_id"),
        )
        for column in ("candidate_id", "organisation_id", "state"):
            op.create_index(op.f(f"ix_invitation_reports_{column}"), "invitation_reports", [column])


def _create_organisation_tables(tables: set[str]) -> None:
    if "organisations" not in tables:
        op.create_table(
            "organisations",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("legal_name", sa.String(length=200), nullable=False),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("match_keys", sa.JSON(), nullable=False),
            sa.Column("suspended_reason", sa.String(length=1000), nullable=True),
            sa.Column("merged_into_id", sa.Integer(), nullable=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
            sa.ForeignKeyConstraint(["merged_into_id"], ["organisations.id"], ondelete="SET NULL"),
            sa.PrimaryKeyConstraint("id"),
            sqlite_autoincrement=True,
        )
        op.create_index(op.f("ix_organisations_status"), "organisations", ["status"])
    if "organisation_names" not in tables:
        op.create_table(
            "organisation_names",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("organisation_id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("kind", sa.String(length=8), nullable=False),
            sa.Column("key", sa.String(length=200), nullable=False),
            sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_organisation_names_key", "organisation_names", ["key"])
        op.create_index(
            op.f("ix_organisation_names_organisation_id"),
            "organisation_names",
            ["organisation_id"],
        )
    if "organisation_keys" not in tables:
        op.create_table(
            "organisation_keys",
            sa.Column("key", sa.String(length=200), nullable=False),
            sa.Column("organisation_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("key", "organisation_id"),
        )
        op.create_index(
            op.f("ix_organisation_keys_organisation_id"), "organisation_keys", ["organisation_id"]
        )
    if "organisation_domains" not in tables:
        op.create_table(
            "organisation_domains",
            sa.Column("domain", sa.String(length=253), nullable=False),
            sa.Column("organisation_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("domain"),
        )
        op.create_index(
            op.f("ix_organisation_domains_organisation_id"),
            "organisation_domains",
            ["organisation_id"],
        )


def _users(sqlite: bool) -> None:
    bind = op.get_bind()
    if "ref_secret" not in _columns("users"):
        op.add_column("users", sa.Column("ref_secret", sa.String(length=64), nullable=True))
    if sqlite:
        # AUTOINCREMENT needs the table made anew (foreign keys are off during
        # upgrades: schema._upgrade_to_head).
        with op.batch_alter_table(
            "users", recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass
        bind.exec_driver_sql(
            "UPDATE users SET ref_secret = lower(hex(randomblob(32))) "
            "WHERE role = 'seeker' AND ref_secret IS NULL"
        )
    else:
        bind.exec_driver_sql(
            "UPDATE users SET ref_secret = replace(gen_random_uuid()::text "
            "|| gen_random_uuid()::text, '-', '') WHERE role = 'seeker' AND ref_secret IS NULL"
        )


def _employers(sqlite: bool) -> None:
    bind = op.get_bind()
    if "organisation_id" in _columns("employers"):
        return  # adopted with today's models
    with op.batch_alter_table("employers") as batch:
        batch.add_column(sa.Column("organisation_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("org_role", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("approved", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("typed_company_name", sa.String(length=200), nullable=True))
    employers = bind.execute(
        sa.text(
            "SELECT e.id, e.company_name, u.email FROM employers e "
            "JOIN users u ON u.id = e.user_id WHERE e.organisation_id IS NULL ORDER BY e.id"
        )
    ).all()
    claimed = {row[0] for row in bind.execute(sa.text("SELECT domain FROM organisation_domains"))}
    for employer_id, name, email in employers:
        keys = sorted(company_keys(name))
        # created_at is copied as the store holds it (SQLite: text), not re-parsed.
        bind.execute(
            sa.text(
                "INSERT INTO organisations (id, legal_name, status, match_keys, created_at) "
                "SELECT id, company_name, 'pending', CAST(:keys AS JSON), created_at "
                "FROM employers WHERE id = :id"
            ),
            {"id": employer_id, "keys": json.dumps(keys)},
        )
        bind.execute(
            sa.text(
                "INSERT INTO organisation_names (organisation_id, name, kind, key) "
                "VALUES (:id, :name, 'legal', :key)"
            ),
            {"id": employer_id, "name": name, "key": company_key(name)},
        )
        for key in keys:
            bind.execute(
                sa.text("INSERT INTO organisation_keys (key, organisation_id) VALUES (:k, :id)"),
                {"k": key, "id": employer_id},
            )
        domain = email.rsplit("@", 1)[-1].lower()
        if domain not in FREE_MAIL and domain not in claimed:
            claimed.add(domain)
            bind.execute(
                sa.text(
                    "INSERT INTO organisation_domains (domain, organisation_id) VALUES (:d, :id)"
                ),
                {"d": domain, "id": employer_id},
            )
        bind.execute(
            sa.text(
                "UPDATE employers SET organisation_id = id, org_role = 'admin', "
                "approved = false, typed_company_name = company_name WHERE id = :id"
            ),
            {"id": employer_id},
        )
    if not sqlite and employers:
        bind.exec_driver_sql(
            "SELECT setval(pg_get_serial_sequence('organisations', 'id'), "
            "(SELECT max(id) FROM organisations))"
        )
    with op.batch_alter_table("employers") as batch:
        batch.alter_column("organisation_id", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("org_role", existing_type=sa.String(length=8), nullable=False)
        batch.alter_column("approved", existing_type=sa.Boolean(), nullable=False)
        batch.alter_column(
            "typed_company_name", existing_type=sa.String(length=200), nullable=False
        )
        batch.create_index(batch.f("ix_employers_organisation_id"), ["organisation_id"])
        batch.create_foreign_key(
            "fk_employers_organisation_id",
            "organisations",
            ["organisation_id"],
            ["id"],
            ondelete="RESTRICT",
        )


def _candidate_refs(tables: set[str]) -> None:
    if "organisation_id" in _columns("candidate_refs"):
        return
    bind = op.get_bind()
    # Copied out and back: renaming the table would keep its constraints' names.
    bind.exec_driver_sql(
        "CREATE TABLE candidate_refs_0003 AS SELECT employer_id, ref, candidate_id "
        "FROM candidate_refs"
    )
    op.drop_index(op.f("ix_candidate_refs_candidate_id"), table_name="candidate_refs")
    op.drop_table("candidate_refs")
    op.create_table(
        "candidate_refs",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=40), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("organisation_id", "ref"),
    )
    op.create_index(
        op.f("ix_candidate_refs_candidate_id"), "candidate_refs", ["candidate_id"], unique=False
    )
    # Each employer's organisation has the employer's id (above).
    bind.exec_driver_sql(
        "INSERT INTO candidate_refs (organisation_id, ref, candidate_id) "
        "SELECT employer_id, ref, candidate_id FROM candidate_refs_0003"
    )
    op.drop_table("candidate_refs_0003")


def _blocks(tables: set[str]) -> None:
    if "company_blocks" not in tables:
        op.create_table(
            "company_blocks",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("user_id", sa.Integer(), nullable=False),
            sa.Column("ident", sa.String(length=220), nullable=False),
            sa.Column("organisation_id", sa.Integer(), nullable=True),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("automatic", sa.Boolean(), nullable=False),
            sa.Column("dismissed", sa.Boolean(), nullable=False),
            sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="SET NULL"),
            sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(
            "ux_company_blocks_ident", "company_blocks", ["user_id", "ident"], unique=True
        )
        op.create_index(
            "ix_company_blocks_organisation",
            "company_blocks",
            ["organisation_id", "user_id"],
            sqlite_where=sa.text("dismissed IS false"),
            postgresql_where=sa.text("dismissed IS false"),
        )
    if "company_block_keys" not in tables:
        op.create_table(
            "company_block_keys",
            sa.Column("block_id", sa.Integer(), nullable=False),
            sa.Column("key", sa.String(length=200), nullable=False),
            sa.Column("user_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["block_id"], ["company_blocks.id"], ondelete="CASCADE"),
            sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("block_id", "key"),
        )
        op.create_index("ix_company_block_keys_key", "company_block_keys", ["key", "user_id"])
    if "blocked_companies" not in _tables():
        return
    bind = op.get_bind()
    old = bind.execute(
        sa.text(
            "SELECT user_id, name, automatic, dismissed FROM blocked_companies "
            "ORDER BY user_id, name"
        )
    ).all()
    seen: set[tuple[int, str]] = set()
    for user_id, name, automatic, dismissed in old:
        ident = f"name:{company_key(name)}"
        if (user_id, ident) in seen or ident == "name:":
            continue
        seen.add((user_id, ident))
        block_id = bind.execute(
            sa.text(
                "INSERT INTO company_blocks (user_id, ident, name, automatic, dismissed) "
                "VALUES (:user, :ident, :name, :automatic, :dismissed) RETURNING id"
            ),
            {
                "user": user_id,
                "ident": ident,
                "name": name,
                "automatic": bool(automatic),
                "dismissed": bool(dismissed),
            },
        ).scalar_one()
        if not dismissed:
            for key in company_keys(name):
                bind.execute(
                    sa.text(
                        "INSERT INTO company_block_keys (block_id, key, user_id) "
                        "VALUES (:block, :key, :user)"
                    ),
                    {"block": block_id, "key": key, "user": user_id},
                )
    op.drop_table("blocked_companies")


def downgrade() -> None:
    _legacy_alter_table(True)
    try:
        _downgrade()
    finally:
        _legacy_alter_table(False)


def _downgrade() -> None:
    """Back to 0003, keeping what 0003 can hold: every account, job, application and
    invitation; blocks by the names they had (a picked organisation by its legal
    name); each organisation's references for each of its accounts. Organisations,
    their other names and domains, reports, operators' roles and the candidates'
    reference secrets are gone (0004 makes new ones, so references found after a
    downgrade and upgrade differ; references recorded before keep working)."""
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.drop_table("invitation_reports")

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
    op.create_index(
        "ix_blocked_companies_company",
        "blocked_companies",
        ["normalized_name", "user_id"],
        sqlite_where=sa.text("dismissed IS false"),
        postgresql_where=sa.text("dismissed IS false"),
    )
    blocks = bind.execute(
        sa.text(
            "SELECT b.user_id, coalesce(o.legal_name, b.name), b.automatic, b.dismissed "
            "FROM company_blocks b LEFT JOIN organisations o ON o.id = b.organisation_id "
            "ORDER BY b.id"
        )
    ).all()
    kept: set[tuple[int, str]] = set()
    for user_id, name, automatic, dismissed in blocks:
        normalized = normalize_company(name)
        if not normalized or (user_id, normalized) in kept:
            continue
        kept.add((user_id, normalized))
        bind.execute(
            sa.text(
                "INSERT INTO blocked_companies (user_id, normalized_name, name, automatic, "
                "dismissed) VALUES (:user, :normalized, :name, :automatic, :dismissed)"
            ),
            {
                "user": user_id,
                "normalized": normalized,
                "name": name,
                "automatic": bool(automatic),
                "dismissed": bool(dismissed),
            },
        )
    op.drop_table("company_block_keys")
    op.drop_table("company_blocks")

    bind.exec_driver_sql(
        "CREATE TABLE candidate_refs_0004 AS SELECT organisation_id, ref, candidate_id "
        "FROM candidate_refs"
    )
    op.drop_index(op.f("ix_candidate_refs_candidate_id"), table_name="candidate_refs")
    op.drop_table("candidate_refs")
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
    bind.exec_driver_sql(
        "INSERT INTO candidate_refs (employer_id, ref, candidate_id) "
        "SELECT e.id, r.ref, r.candidate_id FROM candidate_refs_0004 r "
        "JOIN employers e ON e.organisation_id = r.organisation_id"
    )
    op.drop_table("candidate_refs_0004")

    # A job held for an unverified organisation was an open job in 0003.
    bind.exec_driver_sql("UPDATE jobs SET status = 'open' WHERE status = 'held'")
    with op.batch_alter_table("employers") as batch:
        batch.drop_constraint("fk_employers_organisation_id", type_="foreignkey")
        batch.drop_index(batch.f("ix_employers_organisation_id"))
        batch.drop_column("organisation_id")
        batch.drop_column("org_role")
        batch.drop_column("approved")
        batch.drop_column("typed_company_name")
    for table in ("organisation_domains", "organisation_keys", "organisation_names"):
        op.drop_table(table)
    op.drop_table("organisations")
    # 0003 knew no operators: they go, with their sign-ins.
    # (Foreign keys are off during upgrades: their rows go by hand.)
    for table in ("tokens", "idempotent_answers"):
        bind.exec_driver_sql(
            f"DELETE FROM {table} WHERE user_id IN (SELECT id FROM users WHERE role = 'operator')"  # noqa: S608
        )
    bind.exec_driver_sql("DELETE FROM users WHERE role = 'operator'")
    if sqlite:
        with op.batch_alter_table(
            "users", recreate="always", table_kwargs={"sqlite_autoincrement": False}
        ) as batch:
            batch.drop_column("ref_secret")
    else:
        op.drop_column("users", "ref_secret")
