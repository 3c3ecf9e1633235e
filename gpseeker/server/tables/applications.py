"""Applications, their status timelines, and the answers kept for Idempotency-Key."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    ForeignKey,
    LargeBinary,
    String,
    Text,
    inspect,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime, partial_index


class ApplicationRow(Base):
    __tablename__ = "applications"
    __table_args__ = (
        # One live application per candidate and job, enforced by the store so that
        # two racing requests with different keys cannot both get through; after a
        # withdrawal the candidate may apply again.
        partial_index(
            "ux_applications_active",
            "candidate_id",
            "job_id",
            unique=True,
            where="status != 'withdrawn'",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    cover_note: Mapped[str] = mapped_column(Text)
    disclosed: Mapped[list[str]] = mapped_column(JSON)
    # The `EmployerView` (application context) built when the candidate applied: what
    # they consented to send. Later profile edits or a locked resume do not change it.
    candidate_view: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # Set when the employer answered the candidate's erase request "done": the
    # employer's copy (candidate_view, cover note) is cleared and the employer no
    # longer sees the application; the candidate keeps it in their own list.
    erased_for_employer_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)


class ApplicationEvent(Base):
    """One step of an application's timeline: appended, never edited."""

    __tablename__ = "application_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(String(1000), default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class IdempotentAnswer(Base):
    """The first answer to a POST that carried an Idempotency-Key, per user.

    In the database rather than in memory so that a retry reaching another worker
    (or the same one after a restart) still gets the first answer.
    """

    __tablename__ = "idempotent_answers"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    # SHA-256 of method, path and body: the same key with another request is refused.
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[int]
    body: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


def upgrade_applications_table(connection: Connection) -> None:
    """Add `erased_for_employer_at` to a platform database from before erase requests
    (`create_all` never alters an existing table). Run only when adopting a database
    from before migrations (`gpseeker.server.schema`), which then stamps it 0001."""
    columns = {
        column["name"]: column["type"] for column in inspect(connection).get_columns("applications")
    }
    # The model's own type: "TIMESTAMP" alone is without time zone on PostgreSQL.
    wanted = ApplicationRow.__table__.c.erased_for_employer_at.type.compile(
        dialect=connection.dialect
    )
    if "erased_for_employer_at" not in columns:
        connection.execute(
            text(f"ALTER TABLE applications ADD COLUMN erased_for_employer_at {wanted}")
        )
    elif connection.dialect.name == "postgresql" and not getattr(
        columns["erased_for_employer_at"], "timezone", True
    ):
        # An earlier version of this function added it without: the values it holds
        # were written as UTC.
        connection.execute(
            text(
                f"ALTER TABLE applications ALTER COLUMN erased_for_employer_at TYPE {wanted} "
                "USING erased_for_employer_at AT TIME ZONE 'UTC'"
            )
        )
