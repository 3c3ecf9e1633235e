"""Who gets which mail, the consent behind it, and the one-click unsubscribe tokens.

Mail is opt-in: a candidate with no row on a list is not subscribed and has never
consented. Turning a list on records when and how the candidate said yes (so the
platform can show its consent); turning it off records when they said stop. The
consent record is kept after an unsubscribe: it answers "when did I agree?".

Unsubscribe tokens are bearer secrets in a mail's link: kept only as SHA-256, bound
to one user and one list, deleted when used (so a reused link finds nothing, exactly
like a forged one). A token also expires, `ServerSettings.unsubscribe_link_days`
after its mail was made: an expired link answers like a forged one, and the JobMail
schedule deletes it (`gpseeker.server.pruning`), so the table does not grow with
every mail ever sent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import (
    ConsentSource,
    JobMailFrequency,
    MailList,
    Subscription,
    Subscriptions,
    SubscriptionsUpdate,
    UnsubscribeResult,
)
from gpseeker.server import tables
from gpseeker.server.settings import ServerSettings

MAIL_LISTS: tuple[MailList, ...] = ("jobmail", "newsletters")

CONSENT_METHODS: dict[ConsentSource, str] = {
    "app": "in the gpseeker app",
    "command": "with the gpseeker command",
    "api": "through the API",
    "signup": "when signing up",
}
"""How consent was given, in the words the candidate reads back."""

TOKEN_BYTES = 32
"""secrets.token_urlsafe(32): 256 bits, 43 characters; no guessing, no enumeration."""
MAX_TOKEN_LENGTH = 100
"""Longer is not a token of ours; refused before hashing anything."""


def _subscription(row: tables.SubscriptionRow | None) -> Subscription:
    if row is None:
        return Subscription(subscribed=False)
    return Subscription(
        subscribed=row.subscribed,
        consented_at=row.consented_at,
        consent_method=row.consent_method,
        unsubscribed_at=row.unsubscribed_at,
    )


async def _rows(session: AsyncSession, user_id: int) -> dict[str, tables.SubscriptionRow]:
    rows = await session.scalars(
        select(tables.SubscriptionRow).where(tables.SubscriptionRow.user_id == user_id)
    )
    return {row.mail_list: row for row in rows}


def _frequency(row: tables.SubscriptionRow | None) -> JobMailFrequency:
    return "daily" if row is not None and row.frequency == "daily" else "weekly"


async def subscriptions_of(session: AsyncSession, user: tables.User) -> Subscriptions:
    """The candidate's standing on every list; no row means not subscribed."""
    rows = await _rows(session, user.id)
    return Subscriptions(
        email=user.email,
        jobmail=_subscription(rows.get("jobmail")),
        jobmail_frequency=_frequency(rows.get("jobmail")),
        newsletters=_subscription(rows.get("newsletters")),
    )


def _row(
    session: AsyncSession,
    rows: dict[str, tables.SubscriptionRow],
    user_id: int,
    mail_list: MailList,
) -> tables.SubscriptionRow:
    row = rows.get(mail_list)
    if row is None:
        row = tables.SubscriptionRow(
            user_id=user_id, mail_list=mail_list, subscribed=False, frequency="weekly"
        )
        session.add(row)
        rows[mail_list] = row
    return row


def subscribe(row: tables.SubscriptionRow, via: ConsentSource, now: dt.datetime) -> None:
    """Off to on records the consent; on to on changes nothing (the first yes stands)."""
    if row.subscribed:
        return
    row.subscribed = True
    row.consented_at = now
    row.consent_method = CONSENT_METHODS[via]
    row.unsubscribed_at = None


def unsubscribe(row: tables.SubscriptionRow, now: dt.datetime) -> None:
    """On to off records when; consent history stays so the candidate can see it."""
    if not row.subscribed:
        return
    row.subscribed = False
    row.unsubscribed_at = now


async def update_subscriptions(
    session: AsyncSession, user: tables.User, update: SubscriptionsUpdate, now: dt.datetime
) -> Subscriptions:
    """Apply the fields the update gives (the others stay) and commit."""
    rows = await _rows(session, user.id)
    wanted: dict[MailList, bool | None] = {
        "jobmail": update.jobmail,
        "newsletters": update.newsletters,
    }
    for mail_list, on in wanted.items():
        if on is None:
            continue
        if on:
            subscribe(_row(session, rows, user.id, mail_list), update.via, now)
        elif mail_list in rows:  # no row already means "not subscribed"
            unsubscribe(rows[mail_list], now)
    if update.jobmail_frequency is not None:
        _row(session, rows, user.id, "jobmail").frequency = update.jobmail_frequency
    await session.commit()
    return await subscriptions_of(session, user)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def new_unsubscribe_token(
    session: AsyncSession, user_id: int, mail_list: MailList, now: dt.datetime
) -> str:
    """A fresh token for one message's link; only its hash is stored (not committed)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(
        tables.UnsubscribeToken(
            token_hash=token_hash(token), user_id=user_id, mail_list=mail_list, created_at=now
        )
    )
    return token


def unsubscribe_links_since(settings: ServerSettings) -> dt.datetime:
    """A token made before this has expired: its link no longer unsubscribes."""
    return settings.now() - dt.timedelta(days=settings.unsubscribe_link_days)


def _well_formed(token: str) -> bool:
    return bool(token) and len(token) <= MAX_TOKEN_LENGTH and token.isascii()


async def peek_unsubscribe_token(
    session: AsyncSession, token: str, valid_since: dt.datetime
) -> tuple[MailList, str] | None:
    """The list and address a token would unsubscribe, changing nothing; None if it
    is malformed, forged, used or made before `valid_since` (expired)."""
    if not _well_formed(token):
        return None
    found = (
        await session.execute(
            select(tables.UnsubscribeToken.mail_list, tables.User.email)
            .join(tables.User, tables.User.id == tables.UnsubscribeToken.user_id)
            .where(
                tables.UnsubscribeToken.token_hash == token_hash(token),
                tables.UnsubscribeToken.created_at >= valid_since,
            )
        )
    ).first()
    if found is None:
        return None
    mail_list, email = found
    return ("jobmail" if mail_list == "jobmail" else "newsletters"), email


async def use_unsubscribe_token(
    session: AsyncSession, token: str, now: dt.datetime, valid_since: dt.datetime
) -> UnsubscribeResult | None:
    """Unsubscribe the token's one address from its one list and consume the token.

    None for a malformed, forged, already used or expired (made before `valid_since`)
    token, with nothing changed: the caller answers all four the same way so a link
    tells nobody anything.
    """
    if not _well_formed(token):
        return None
    digest = token_hash(token)
    # Deleting first and acting only if a row went away makes two concurrent clicks
    # on one link consume it once.
    consumed = (
        await session.execute(
            delete(tables.UnsubscribeToken)
            .where(
                tables.UnsubscribeToken.token_hash == digest,
                tables.UnsubscribeToken.created_at >= valid_since,
            )
            .returning(tables.UnsubscribeToken.user_id, tables.UnsubscribeToken.mail_list)
        )
    ).first()
    if consumed is None:
        await session.rollback()
        return None
    user_id, mail_list = consumed
    user = await session.get(tables.User, user_id)
    if user is None or mail_list not in MAIL_LISTS:
        await session.rollback()
        return None
    row = (await _rows(session, user_id)).get(mail_list)
    if row is not None:
        unsubscribe(row, now)
    await session.commit()
    result_list: MailList = "jobmail" if mail_list == "jobmail" else "newsletters"
    return UnsubscribeResult(mail_list=result_list, email=user.email)
