"""The candidate's profile, who may see it, and which companies may never find it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime, partial_index


class ProfileRow(Base):
    __tablename__ = "profiles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # The whole `models.Profile` as JSON: the server never queries inside it, the
    # resume bank searches the masked text in `resume_documents` instead.
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Bumped on every write; the ETag, and the guard of the compare-and-swap update.
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class VisibilityRow(Base):
    __tablename__ = "visibility"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    resume: Mapped[str] = mapped_column(String(16), default="locked")
    searchable_until: Mapped[dt.date | None] = mapped_column(Date, default=None)
    show_past_companies: Mapped[bool] = mapped_column(Boolean, default=False)
    show_age: Mapped[bool] = mapped_column(Boolean, default=False)
    show_gender: Mapped[bool] = mapped_column(Boolean, default=False)
    show_nationality: Mapped[bool] = mapped_column(Boolean, default=False)


class BlockedCompanyRow(Base):
    """A block: an organisation the candidate picked, or a name they typed.

    `ident` keeps one row per thing blocked: "org:ID" for a picked organisation,
    "name:KEY" for a typed name (KEY being privacy.company_key). `automatic` rows
    come from the profile's current companies; when the candidate removes one, the
    row stays with `dismissed` set, so that saving the profile again does not bring
    back a block they chose to lift.
    """

    __tablename__ = "company_blocks"
    __table_args__ = (
        Index("ux_company_blocks_ident", "user_id", "ident", unique=True),
        # "Has this candidate blocked the searching organisation?", asked of every
        # resume-bank hit: by organisation first, from the few rows naming it.
        partial_index(
            "ix_company_blocks_organisation",
            "organisation_id",
            "user_id",
            where="dismissed IS false",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    ident: Mapped[str] = mapped_column(String(220))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), default=None
    )
    name: Mapped[str] = mapped_column(String(200))
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)


class BlockedCompanyKey(Base):
    """Every spelling (privacy.company_keys) of a block's name, for the blocks in
    force: an organisation is blocked when one of its own keys is among them, so a
    typed name holds against organisations verified later under a matching name."""

    __tablename__ = "company_block_keys"
    __table_args__ = (Index("ix_company_block_keys_key", "key", "user_id"),)

    block_id: Mapped[int] = mapped_column(
        ForeignKey("company_blocks.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
