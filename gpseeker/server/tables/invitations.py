"""Invitations relayed from employers to candidates, and the candidates' answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime


class InvitationRow(Base):
    __tablename__ = "invitations"
    __table_args__ = (
        # The daily cap counts one employer's invitations in a time window, and the
        # inbox lists one candidate's: both are range scans on these.
        Index("ix_invitations_employer_sent", "employer_id", "sent_at"),
        Index("ix_invitations_candidate_sent", "candidate_id", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"))
    candidate_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # The reference the employer addressed: what it sees in its sent list and in
    # replies, so it never needs anything else to tell candidates apart.
    candidate_ref: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    job_id: Mapped[int | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), default=None
    )
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    read_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    state: Mapped[str] = mapped_column(String(16), default="open")
    # Triage warnings computed once when sent: the rules judge the text, which never
    # changes afterwards.
    warnings: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class RelayedMessageRow(Base):
    """The candidate's one answer (reply or decline) to an invitation, as relayed."""

    __tablename__ = "relayed_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Unique: one answer per invitation, enforced by the store so two racing
    # requests cannot both answer.
    invitation_id: Mapped[int] = mapped_column(
        ForeignKey("invitations.id", ondelete="CASCADE"), unique=True
    )
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employers.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    shared_email: Mapped[str | None] = mapped_column(String(320), default=None)
    shared_phone: Mapped[str | None] = mapped_column(String(64), default=None)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
