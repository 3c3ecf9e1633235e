"""Employer organisations as the platform's operator knows them: their names, their
e-mail domains, and the candidates' reports about what they sent."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime


class OrganisationRow(Base):
    """One legal entity. Employer accounts belong to one; candidates block one.

    `match_keys` is every `privacy.company_keys` of every name the organisation goes
    by, kept in step by `server/organisations.py` whenever its names change: the
    resume bank compares it with candidates' typed-name blocks on every search.
    """

    __tablename__ = "organisations"
    # Ids are never reused (SQLite's AUTOINCREMENT): references are issued per
    # organisation, and a new organisation must never inherit an old one's.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    legal_name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), index=True)
    match_keys: Mapped[list[str]] = mapped_column(JSON)
    suspended_reason: Mapped[str | None] = mapped_column(String(1000), default=None)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)


class OrganisationName(Base):
    """A name an organisation goes by: its legal name or another one the operator
    recorded (English, katakana, kanji, a former name)."""

    __tablename__ = "organisation_names"
    __table_args__ = (Index("ix_organisation_names_key", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(8))
    # privacy.company_key(name): two verified organisations may not share one.
    key: Mapped[str] = mapped_column(String(200))


class OrganisationKey(Base):
    """`organisations.match_keys` as rows, for the way back: which verified
    organisations a candidate's typed name matches."""

    __tablename__ = "organisation_keys"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class OrganisationDomain(Base):
    """An e-mail domain that identifies one organisation; free-mail domains never do."""

    __tablename__ = "organisation_domains"

    domain: Mapped[str] = mapped_column(String(253), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )


class InvitationReportRow(Base):
    """A candidate's report of an invitation, waiting in the operator's queue."""

    __tablename__ = "invitation_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(
        ForeignKey("invitations.id", ondelete="CASCADE"), unique=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), index=True)
    outcome: Mapped[str] = mapped_column(Text, default="")
    reported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
