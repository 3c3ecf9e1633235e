"""Whose JobMail digest is due, and sending it: at most one digest per period.

Only JobMail is sent: the platform has no newsletter content, so a "newsletters"
subscription is recorded consent and nothing more until there is something to say.

A digest is due when the candidate is subscribed and the last one went out at least
a period ago (daily: 24 hours, weekly: 7 days), or none ever did. It lists the jobs
posted since the later of the last digest and the consent, so nothing is listed
twice and nothing from before the candidate said yes. A due candidate with nothing
new gets no mail and stays due: the first new job goes out at the next run, and the
period counts from that mail. `last_sent_at` moves only when a mail is sent, so no
candidate ever gets two digests within one period.

Several senders at once (two workers, or `gpseeker mail send-due` beside a server)
are safe: each claims a candidate with a conditional UPDATE ("still due?") committed
before sending, so only one of them sends. A delivery failure gives the claim back,
so the next run tries again.

The schedule is also the platform's one periodic task: each run first deletes the
expired Idempotency-Key answers and unsubscribe links (`gpseeker.server.pruning`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.server.mail.delivery import Mailer, destination, open_mailer
from gpseeker.server.mail.digest import new_jobs
from gpseeker.server.mail.message import digest_message
from gpseeker.server.platform import Platform
from gpseeker.server.pruning import prune_expired
from gpseeker.server.subscriptions import new_unsubscribe_token, token_hash
from gpseeker.server.tables import SubscriptionRow, UnsubscribeToken, User

log = logging.getLogger(__name__)

PERIODS = {"daily": dt.timedelta(days=1), "weekly": dt.timedelta(days=7)}


@dataclass
class SendReport:
    """What one run did, for the log and for `gpseeker mail send-due`."""

    destination: str
    """Where the mail went: "smtp://host:port" or "Maildir /path"."""
    due: int = 0
    """Subscribed candidates whose digest was due."""
    sent: int = 0
    """Digests sent, one per candidate, so also the number of recipients."""
    nothing_new: int = 0
    """Due, but no saved search found a new job (or there are no saved searches)."""
    failed: int = 0
    """Delivery failed; they stay due and are tried again next run."""


def due_condition(now: dt.datetime) -> ColumnElement[bool]:
    return and_(
        SubscriptionRow.mail_list == "jobmail",
        SubscriptionRow.subscribed.is_(True),
        or_(
            SubscriptionRow.last_sent_at.is_(None),
            and_(
                SubscriptionRow.frequency == "daily",
                SubscriptionRow.last_sent_at <= now - PERIODS["daily"],
            ),
            and_(
                SubscriptionRow.frequency != "daily",
                SubscriptionRow.last_sent_at <= now - PERIODS["weekly"],
            ),
        ),
    )


def since(row: SubscriptionRow, now: dt.datetime) -> dt.datetime:
    """Jobs after this are new: the later of the last digest and the consent."""
    marks = [mark for mark in (row.last_sent_at, row.consented_at) if mark is not None]
    return max(marks) if marks else now - PERIODS.get(row.frequency, PERIODS["weekly"])


async def _due_user_ids(platform: Platform, now: dt.datetime) -> list[int]:
    async with platform.sessions() as session:
        ids = await session.scalars(
            select(SubscriptionRow.user_id)
            .join(User, User.id == SubscriptionRow.user_id)
            .where(due_condition(now), User.role == "seeker")
            .order_by(SubscriptionRow.user_id)
        )
        return list(ids)


async def _claim(session: AsyncSession, user_id: int, now: dt.datetime) -> bool:
    """Mark the digest sent if it is still due; False if another sender was first or
    the candidate unsubscribed meanwhile."""
    claimed = await session.execute(
        update(SubscriptionRow)
        .where(SubscriptionRow.user_id == user_id, due_condition(now))
        .values(last_sent_at=now)
    )
    return bool(claimed.rowcount)  # type: ignore[attr-defined]


async def _give_back(
    platform: Platform, user_id: int, last_sent_at: dt.datetime | None, token: str
) -> None:
    async with platform.sessions() as session:
        await session.execute(
            update(SubscriptionRow)
            .where(SubscriptionRow.user_id == user_id, SubscriptionRow.mail_list == "jobmail")
            .values(last_sent_at=last_sent_at)
        )
        await session.execute(
            delete(UnsubscribeToken).where(UnsubscribeToken.token_hash == token_hash(token))
        )
        await session.commit()


async def _send_one(platform: Platform, mailer: Mailer, user_id: int, report: SendReport) -> None:
    settings = platform.settings
    now = settings.now()
    async with platform.sessions() as session:
        row = await session.get(SubscriptionRow, (user_id, "jobmail"))
        user = await session.get(User, user_id)
        if row is None or user is None:
            return
        start, previous = since(row, now), row.last_sent_at
        digest = await new_jobs(session, platform.job_search, user_id, start, now, settings.today())
        if not digest.sections:
            report.nothing_new += 1
            return
        token = await new_unsubscribe_token(session, user_id, "jobmail", now)
        if not await _claim(session, user_id, now):
            await session.rollback()
            return
        # Committed before sending: the link must work the moment the mail arrives.
        await session.commit()
        message = digest_message(
            digest=digest,
            mail_from=settings.mail_from,
            to=user.email,
            public_url=settings.public_url,
            token=token,
            since=start,
            now=now,
        )
    try:
        await mailer.send(message)
    except Exception:
        log.exception("JobMail to user %s could not be delivered; will retry", user_id)
        report.failed += 1
        await _give_back(platform, user_id, previous, token)
        return
    report.sent += 1


async def send_due(platform: Platform) -> SendReport:
    """Send every due JobMail digest once; newsletters are never sent (none exist).

    Raises MailNotConfigured when the settings give neither SMTP nor a Maildir.
    """
    await platform.start()
    report = SendReport(destination=destination(platform.settings))
    user_ids = await _due_user_ids(platform, platform.settings.now())
    report.due = len(user_ids)
    if not user_ids:
        return report
    async with open_mailer(platform.settings) as mailer:
        for user_id in user_ids:
            await _send_one(platform, mailer, user_id, report)
    return report


async def send_every(platform: Platform, seconds: float) -> None:
    """Prune expired rows and run `send_due`, now and then every `seconds`, until
    cancelled.

    For a server's background task, run once per deployment (by `gpseeker serve`,
    whatever its number of workers): the platform's periodic work. A failed run (SMTP
    down, database busy) is logged and the next run tries again; nothing here may
    take the server down. Cancelling (the server stopping) ends it between or during
    runs.
    """
    while True:
        await _prune(platform)
        try:
            report = await send_due(platform)
        except Exception:
            log.exception("JobMail run failed; trying again in %s seconds", seconds)
        else:
            if report.due:
                log.info(
                    "JobMail: %s sent, %s with nothing new, %s failed (%s)",
                    report.sent,
                    report.nothing_new,
                    report.failed,
                    report.destination,
                )
        await asyncio.sleep(seconds)


async def _prune(platform: Platform) -> None:
    """`prune_expired`, logged; a failure waits for the next run like a failed send."""
    try:
        pruned = await prune_expired(platform)
    except Exception:
        log.exception("Pruning expired rows failed; trying again next run")
        return
    if pruned:
        log.info(
            "Pruned %s expired Idempotency-Key answers and %s expired unsubscribe links",
            pruned.idempotent_answers,
            pruned.unsubscribe_tokens,
        )
