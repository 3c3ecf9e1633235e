"""Deleting what the platform keeps only for a while: old Idempotency-Key answers and
unsubscribe links past their lifetime.

Both tables grow with use (one answer per apply, reply or invitation; one token per
mail sent) and neither row is worth anything once its time is up: a retry comes
within minutes, and an expired link already answers as a forged one does. The JobMail
schedule (`mail.schedule.send_every`, in `gpseeker serve`) and `gpseeker mail
send-due` (cron's stand-in for it) prune before each run, so a platform that
serves for years holds a bounded number of them. A used unsubscribe link is deleted
the moment it is used (`subscriptions.use_unsubscribe_token`), so it never waits here.

Each kind is one DELETE by age; two pruners at once (the schedule and a cron job)
delete the same rows and are no worse for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete

from gpseeker.server.idempotency import idempotency_keys_since
from gpseeker.server.platform import Platform
from gpseeker.server.subscriptions import unsubscribe_links_since
from gpseeker.server.tables import IdempotentAnswer, UnsubscribeToken


@dataclass(frozen=True)
class Pruned:
    """How many rows one run deleted, for the log and for `gpseeker mail send-due`."""

    idempotent_answers: int = 0
    unsubscribe_tokens: int = 0

    def __bool__(self) -> bool:
        return bool(self.idempotent_answers or self.unsubscribe_tokens)


async def prune_expired(platform: Platform) -> Pruned:
    """Delete every expired unsubscribe token and Idempotency-Key answer; say how many."""
    await platform.start()
    settings = platform.settings
    async with platform.sessions() as session:
        answers = await session.execute(
            delete(IdempotentAnswer).where(
                IdempotentAnswer.created_at < idempotency_keys_since(settings)
            )
        )
        tokens = await session.execute(
            delete(UnsubscribeToken).where(
                UnsubscribeToken.created_at < unsubscribe_links_since(settings)
            )
        )
        await session.commit()
    return Pruned(
        idempotent_answers=answers.rowcount,  # type: ignore[attr-defined]
        unsubscribe_tokens=tokens.rowcount,  # type: ignore[attr-defined]
    )
