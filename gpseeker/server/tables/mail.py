"""Who gets which mail (with the consent behind it), and the one-click unsubscribe
tokens put in every message."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime


class SubscriptionRow(Base):
    """One candidate's standing on one list ("jobmail" or "newsletters").

    No row means never subscribed: mail is opt-in.
    """

    __tablename__ = "subscriptions"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    mail_list: Mapped[str] = mapped_column(String(16), primary_key=True)
    subscribed: Mapped[bool]
    consented_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    consent_method: Mapped[str | None] = mapped_column(String(80), default=None)
    unsubscribed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    # JobMail only: "daily" or "weekly", and when the last digest went out (jobs
    # posted after it are what the next digest lists).
    frequency: Mapped[str] = mapped_column(String(8), default="weekly")
    last_sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)


class UnsubscribeToken(Base):
    """The token in one message's unsubscribe link, kept only as its SHA-256.

    Bound to one address (through the user) and one list; deleted when used, so a
    reused link finds nothing, exactly like a forged one.
    """

    __tablename__ = "unsubscribe_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    mail_list: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
