"""The candidate's profile, who may see it, and which companies may never find it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime


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
    """A company that must never find the candidate, keyed by its normalised name.

    `automatic` rows come from the profile's current company. When the candidate
    removes one, the row stays with `dismissed` set, so that saving the profile again
    does not bring back a block they chose to lift.
    """

    __tablename__ = "blocked_companies"
    __table_args__ = (
        # The resume bank asks "has this candidate blocked the searching company?" of
        # every hit. By company first, PostgreSQL answers it from the few rows naming
        # that company instead of scanning every block on the platform (30 ms at 100k
        # candidates; 3 ms with this index).
        Index(
            "ix_blocked_companies_company",
            "normalized_name",
            "user_id",
            sqlite_where=text("dismissed IS false"),
            postgresql_where=text("dismissed IS false"),
        ),
    )

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    normalized_name: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)
