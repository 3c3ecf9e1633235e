"""The candidate's disclosure log: who saw their masked profile, who received what."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime


class ProfileView(Base):
    """One employer account's opens of one candidate's profile in one context on one
    day: merged (`server/profile_views.py`), so that opening a profile again and again
    grows `count`, not the table."""

    __tablename__ = "profile_views"
    # The key of the merge; starting with candidate_id, it also serves their log.
    __table_args__ = (
        Index(
            "ux_profile_views_daily", "candidate_id", "employer_id", "context", "day", unique=True
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"))
    context: Mapped[str] = mapped_column(String(16))
    day: Mapped[dt.date] = mapped_column(Date)
    """The platform's calendar day in Japan (`ServerSettings.today()`)."""
    first_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    """The latest open that day."""
    count: Mapped[int] = mapped_column(Integer)
    """How many times the profile was opened that day."""


class Disclosure(Base):
    """Identity data that left for an employer: appended, never edited."""

    __tablename__ = "disclosures"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"))
    fields: Mapped[list[str]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(String(500))
    # Applications arrive in a later issue; these become foreign keys then.
    job_id: Mapped[int | None] = mapped_column(default=None)
    application_id: Mapped[int | None] = mapped_column(default=None)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
