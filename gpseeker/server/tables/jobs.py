"""Jobs as employers posted them, and what seekers keep of them (saved jobs, searches)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime

# Every column a search filters on: with them all in an index, filtering never
# reads the wide rows (descriptions), only narrow index entries. Measured at 100k
# jobs, that is the difference between ~100 ms and ~5 ms for a filter-only count.
JOB_FACETS = (
    "closes_at",
    "prefecture",
    "remote",
    "job_type",
    "category",
    "japanese_required",
    "english_required",
    "visa_sponsorship",
    "apply_from_overseas",
)


class JobRow(Base):
    __tablename__ = "jobs"
    __table_args__ = (
        # Newest first: walked in order, stopping after one page.
        Index("ix_jobs_newest", "status", "posted_at", "salary_yearly_min_jpy", *JOB_FACETS),
        # Highest salary first, and the minimum-salary filter.
        Index("ix_jobs_salary", "status", "salary_yearly_min_jpy", "posted_at", *JOB_FACETS),
        # Keyword matches arrive as job ids: checking their filters by id stays in
        # this index instead of reading each matching job's row.
        Index(
            "ix_jobs_id_facets", "id", "status", "posted_at", "salary_yearly_min_jpy", *JOB_FACETS
        ),
    )

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
    # salary_min as yen a year (see jobs.yearly_jpy), kept in step on every write so
    # that filtering and sorting by salary compare like with like, using an index.
    salary_yearly_min_jpy: Mapped[int | None] = mapped_column(default=None)
    japanese_required: Mapped[str] = mapped_column(String(8))
    english_required: Mapped[str] = mapped_column(String(16))
    visa_sponsorship: Mapped[bool] = mapped_column(Boolean)
    apply_from_overseas: Mapped[bool] = mapped_column(Boolean)
    skills: Mapped[list[str]] = mapped_column(JSON)
    closes_at: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    posted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class SavedJobRow(Base):
    __tablename__ = "saved_jobs"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    job_id: Mapped[int] = mapped_column(
        ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class SavedSearchRow(Base):
    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    # A `models.JobQuery` as JSON, re-validated when read: JobMail runs it as saved.
    query: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
