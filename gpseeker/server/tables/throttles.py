"""What the platform counts to slow strangers down: wrong passwords per address and per
client, sign-up mails per address; and the sign-ups waiting for their mailed code.

Both live in the database, not in a worker's memory, so every worker of a deployment
and every restart agree. Neither keeps an e-mail or client address in the clear: rows
are found by `throttle.key_of`, a keyed hash under the server secret.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from gpseeker.server.db import Base, UTCDateTime


class ThrottleRow(Base):
    """How many events of one kind (`name`) one key had since `first_at`, and until
    when its next one is refused (`blocked_until`, None: not refused)."""

    __tablename__ = "throttles"

    name: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    first_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    last_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    blocked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)


class PendingSignup(Base):
    """A sign-up waiting for the code mailed to its address; the account is made from
    it when the code is typed, and the row is deleted then (a code works once).

    A sign-up for an address that has an account gets a row too, with a code that is
    never sent: the answers to every later request (a wrong code, a resend) are then
    the same as for a new address, and tell nobody the account exists.
    """

    __tablename__ = "pending_signups"

    address_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str] = mapped_column(String(200))
    company_name: Mapped[str | None] = mapped_column(String(200), default=None)
    password_hash: Mapped[str] = mapped_column(String(200))
    code_digest: Mapped[str] = mapped_column(String(64))
    code_expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    code_tries: Mapped[int] = mapped_column(Integer, default=0)
    """Tries made with the current code, right or wrong."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
