"""What the resume bank searches, and the per-employer references it hands out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime


class ResumeDocument(Base):
    """The masked search-view text of a searchable candidate, never identity values.

    Only candidates who chose "searchable" have a row; the store's full-text index
    (see `server/search.py`) is kept in step with this table.
    """

    __tablename__ = "resume_documents"

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    body: Mapped[str] = mapped_column(Text)
    # The search-result line (headline, skills, ...) taken from the same masked view,
    # so that a page of hits needs no masking work at query time.
    hit: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)


class CandidateRef(Base):
    """A reference issued to one organisation for one candidate; meaningless to any
    other. Every account of the organisation sees the same reference."""

    __tablename__ = "candidate_refs"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    ref: Mapped[str] = mapped_column(String(40), primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
