"""Jobs as employers posted them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime


class JobRow(Base):
    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_status_posted", "status", "posted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(32))
    job_type: Mapped[str] = mapped_column(String(32))
    remote: Mapped[str] = mapped_column(String(16))
    prefecture: Mapped[str | None] = mapped_column(String(32))
    city: Mapped[str] = mapped_column(String(200), default="")
    salary_min: Mapped[int | None]
    salary_max: Mapped[int | None]
    salary_period: Mapped[str] = mapped_column(String(8))
    japanese_required: Mapped[str] = mapped_column(String(8))
    english_required: Mapped[str] = mapped_column(String(16))
    visa_sponsorship: Mapped[bool] = mapped_column(Boolean)
    apply_from_overseas: Mapped[bool] = mapped_column(Boolean)
    skills: Mapped[list[str]] = mapped_column(JSON)
    closes_at: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    posted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
