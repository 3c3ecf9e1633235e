"""The candidate's disclosure log: who saw their masked profile, who received what."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime


class ProfileView(Base):
    __tablename__ = "profile_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"))
    context: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


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
