"""The knobs of the reference platform that a deployment or a test may turn."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Japan has no daylight saving time, so a fixed offset is exact and needs no tzdata.
JST = dt.timezone(dt.timedelta(hours=9), "JST")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class ServerSettings:
    """Settings for one platform instance; every worker of a deployment gets the same."""

    password_time_cost: int = 3
    """argon2 iterations; tests lower it so that signing up dozens of users stays fast."""
    password_memory_cost_kib: int = 65536
    """argon2 memory in KiB (argon2-cffi's default, the RFC 9106 low-memory profile)."""
    resume_bank_page_size: int = 20
    """Hits per resume-bank page when the employer does not ask for a size."""
    resume_bank_max_page_size: int = 100
    """The largest page an employer may ask for."""
    invitations_per_day: int = 50
    """How many invitations one employer may send in any 24 hours, so that no
    candidate can be flooded; counted in the database, so every worker agrees."""
    masked_view_cache_chars: int = 32_000_000
    """How much masked resume-bank views each worker process keeps (characters of
    their JSON; the longest profile the models accept masks to some 160,000), so
    that repeated opens of a profile are not masked again. 0 keeps none."""
    masked_view_cache_seconds: float = 600.0
    """How long a kept masked view may be served before it is masked afresh."""
    demo_password_file: Path | None = None
    """Embedded platform only: give the demo employers real random passwords, written
    here (0600), so the local demo can play the employer side through the API. None
    (a served platform) leaves them impossible to sign in to."""
    public_url: str = "http://127.0.0.1:8000"
    """Where users reach this platform from outside: the base of the unsubscribe links
    in every mail (behind a proxy, its https address)."""
    smtp_url: str | None = None
    """smtp://[user:password@]host[:port] (smtps:// for TLS from the start): where
    JobMail is delivered. None delivers into `mail_dir` instead."""
    mail_dir: Path | None = None
    """A Maildir that receives the mail when there is no SMTP server (the default for
    `gpseeker serve`: mail/ in its data directory)."""
    mail_from: str = "gpseeker JobMail <jobmail@gpseeker.invalid>"
    """The From: of every mail the platform sends."""
    policy_operator: str = "gpseeker reference platform (operator not configured)"
    """The personal-information handling business operator (APPI), as the privacy
    policy names it; the next three are its contact point for privacy questions."""
    policy_address: str = "Address not configured: set --policy-address"
    policy_email: str = "privacy@gpseeker.invalid"
    policy_hours: str = "Weekdays 10:00-17:00 JST"
    now: Callable[[], dt.datetime] = field(default=utc_now)
    """The clock (timezone-aware UTC). Replaceable so tests can travel in time."""

    def today(self) -> dt.date:
        """The calendar day in Japan, where `searchable_until` days are counted."""
        return self.now().astimezone(JST).date()
