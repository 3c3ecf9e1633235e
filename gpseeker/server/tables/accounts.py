"""Accounts, their bearer tokens, employer companies, and the server's own secrets."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime


class User(Base):
    __tablename__ = "users"
    # Ids are never reused (SQLite would otherwise give a deleted account's id to the
    # next signup; PostgreSQL's sequences never do).
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # Candidates only: the random secret their references are made from
    # (security.candidate_ref). Gone with the account, so a deleted candidate's
    # references can never be computed again, for anyone.
    ref_secret: Mapped[str | None] = mapped_column(String(64), default=None)


class Token(Base):
    """A bearer token, kept only as its SHA-256 so a leaked database signs nobody in."""

    __tablename__ = "tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Employer(Base):
    """An employer account's place in its organisation.

    `company_name` is the name candidates are shown: the organisation's legal name,
    written here by `server/organisations.py` (never by the account) so that the job
    search's text indexes carry it. What the account typed at signup stays in
    `typed_company_name`, for the operator only.
    """

    __tablename__ = "employers"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    # "admin" approves the organisation's new accounts; "member" does not.
    org_role: Mapped[str] = mapped_column(String(8), default="member")
    # A new account of a verified organisation waits for an admin or the operator.
    approved: Mapped[bool] = mapped_column(Boolean, default=False)
    company_name: Mapped[str] = mapped_column(String(200))
    typed_company_name: Mapped[str] = mapped_column(String(200))
    # privacy.normalize_company(company_name), kept for the SQL that needs a name.
    normalized_name: Mapped[str] = mapped_column(String(200), index=True)
    about: Mapped[str] = mapped_column(String(5000), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ServerSecret(Base):
    """Secrets live in the database so that every worker of a deployment agrees on them."""

    __tablename__ = "server_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
