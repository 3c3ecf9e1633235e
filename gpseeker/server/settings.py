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
    password_hashes_at_once: int = 1
    """argon2 hashes one worker computes at the same time (sign-ins, sign-ups). One
    hash already keeps four threads busy (argon2-cffi's parallelism), so a second at
    once makes both slower rather than the pair faster on a small machine."""
    password_hashes_for_clean_tries: int = 1
    """Hashes one worker may compute beside those, only for a sign-in with no failed
    try behind it (for its address or its client) and for sign-ups: during a flood of
    wrong passwords an honest sign-in starts at once instead of after the flood's
    hash. The flood's hashes also run at a lower priority than everything else."""
    password_hash_queue: int = 16
    """Requests of one worker that may wait for a hash; past that they are answered
    503 "busy" with Retry-After (the clients retry), so a flood costs a stranger a
    refusal rather than costing everyone else a long wait."""
    password_hash_queue_per_client: int = 2
    """Of those, how many may come from one client address (an IPv6 /64) at once.
    The next free turn goes to the client served least recently, so a client that
    keeps the queue full is served after everyone else."""
    sign_in_free_failures: int = 5
    """Wrong passwords for one e-mail address (with an account or not) before each
    further try waits: 1 second, then twice as long after each failure. Counted in
    the database, so every worker and every restart agrees."""
    sign_in_client_free_failures: int = 20
    """Wrong passwords and sign-up codes from one client address (an IPv6 /64)
    before its tries wait the same way; higher, as many people may share one address
    (an office, a mobile network)."""
    sign_in_max_wait_seconds: int = 900
    """The longest wait the doubling reaches (15 minutes)."""
    sign_in_window_seconds: int = 86400
    """Failures are counted for this long from the first one; a quiet window starts
    afresh. A correct password clears its e-mail address's count at once."""
    require_email_verification: bool = True
    """A new account exists only once its owner types the code mailed to the address.
    Sign-up answers alike whether or not the address has an account (the owner gets a
    note instead of a code), so nobody learns who has one. The embedded demo platform
    turns it off: it has one local user and no mailbox."""
    signup_code_minutes: int = 30
    """How long a mailed sign-up code works."""
    signup_code_tries: int = 5
    """Wrong tries a mailed code allows; then it is spent and a new one is needed."""
    signup_mail_interval_seconds: int = 60
    """The least time between two sign-up mails (a code or a note) to one address."""
    signup_mails_per_day: int = 5
    """Sign-up mails to one address in 24 hours from the first, so nobody can flood
    someone's mailbox through the sign-up form."""
    max_body_bytes: int = 1024 * 1024
    """The largest request body read, in bytes; a longer one is answered 413 before the
    rest arrives. 1 MiB leaves room for the largest valid profile (thirty experience
    entries of 5,000 characters, in Japanese) and stops a body of hundreds of MB from
    costing the server its memory."""
    resume_bank_page_size: int = 20
    """Hits per resume-bank page when the employer does not ask for a size."""
    resume_bank_max_page_size: int = 100
    """The largest page an employer may ask for."""
    invitations_per_day: int = 50
    """How many invitations one employer account may send in any 24 hours, so that no
    candidate can be flooded; counted in the database, so every worker agrees."""
    invitations_per_organisation_per_day: int = 100
    """How many invitations all the accounts of one organisation may send together in
    any 24 hours: a second account of the same organisation adds no allowance beyond
    this (two accounts' worth by default)."""
    invitations_per_candidate_per_day: int = 20
    """How many invitations one candidate may receive in any 24 hours from all
    employers together: new accounts and new organisations cannot flood one person.
    Past it the next employer waits for a place, so it is set well above what a
    sought-after candidate gets from honest employers."""
    invitations_per_candidate_per_organisation_per_day: int = 3
    """How many of those one organisation (all its accounts) may send one candidate in
    any 24 hours, so that no single organisation can use up the candidate's allowance
    and keep other employers from reaching them."""
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
    unsubscribe_link_days: int = 90
    """How long the one-click unsubscribe link of a mail works (a used one works no
    more at once). Three times the 30 days the US CAN-SPAM Act asks an opt-out to
    keep working, so an old digest still unsubscribes; after that the link answers
    as a forged one does and the JobMail schedule deletes it."""
    idempotency_key_days: int = 7
    """How long the first answer to an Idempotency-Key is kept for a retry. The
    clients retry within minutes, but the app keeps a dialog's key while the dialog
    is open, through a laptop's sleep over a weekend; after that the JobMail
    schedule deletes it (a retry then acts anew, and the platform's own rules, one
    application per job and one answer per invitation, still refuse a repeat)."""
    disk_space_low_bytes: int = 100 * 1024 * 1024
    """Below this much free space where the SQLite file is, /api/v1/health reports the
    free space as low: a warning for the operator while there is still room to act,
    before writes fail."""
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
