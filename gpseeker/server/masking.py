"""The leak guard off the event loop, and each employer's view masked once per revision.

Masking is pure Python: some 20 ms for the longest profile the models accept. On the
event loop that would hold every other request (a `/health` check among them) for
as long, once per view. So every call runs in a worker thread, through one
`CapacityLimiter` per worker process: however many employers open long profiles at
once, at most `masking_threads` threads mask at a time, and the event loop, which
needs the interpreter only briefly per request, is never one of many waiting for it.

And a resume-bank view depends only on the profile's revision, the candidate's
visibility choices and the day (an age band), never on who asks: the candidate's
reference is set per organisation afterwards. So `MaskedViews` keeps the masked view
(per worker process, bounded in size and age): repeated opens of a profile, by one
employer or many, cost a lookup instead of a masking. Nothing unmasked is kept, and
an entry is found only through a profile revision that is still current.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import anyio.to_thread
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import EmployerView, Profile, Visibility
from gpseeker.core.privacy import employer_view
from gpseeker.server.tables import ProfileRow

if TYPE_CHECKING:
    from gpseeker.server.platform import Platform

__all__ = ["MaskedViews", "ViewKey", "masked", "search_view"]

T = TypeVar("T")
# The reference a cached view carries until it is handed to an organisation.
_UNSET_REF = "-"


async def masked(platform: Platform, call: Callable[[], T]) -> T:
    """Run a call of the leak guard (`functools.partial(employer_view, ...)`) in a
    worker thread, at most `masking_threads` at a time."""
    return await anyio.to_thread.run_sync(call, limiter=platform.masking_limiter)


@dataclass(frozen=True)
class ViewKey:
    candidate_id: int
    version: int
    visibility: str  # the visibility choices as JSON: every one changes the view
    today: dt.date


@dataclass(frozen=True)
class _Entry:
    view: EmployerView
    size: int
    stored: float


class MaskedViews:
    """Masked resume-bank views by profile revision, the least recently used dropped
    first once their total size passes `budget` characters, each kept at most `ttl`
    seconds (so a deleted profile's masked view does not outlive it by long even
    in a worker that did not serve the deletion)."""

    def __init__(self, budget: int, ttl: float, clock: Callable[[], float]) -> None:
        self._budget, self._ttl, self._clock = budget, ttl, clock
        self._entries: OrderedDict[ViewKey, _Entry] = OrderedDict()
        self._size = 0

    def get(self, key: ViewKey) -> EmployerView | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if self._clock() - entry.stored > self._ttl:
            self._drop(key)
            return None
        self._entries.move_to_end(key)
        return entry.view

    def put(self, key: ViewKey, view: EmployerView, size: int) -> None:
        if size > self._budget:
            return
        if key in self._entries:
            self._drop(key)
        self._entries[key] = _Entry(view, size, self._clock())
        self._size += size
        while self._size > self._budget:
            self._drop(next(iter(self._entries)))

    def forget(self, candidate_id: int) -> None:
        """Drop every view of this candidate (a profile saved, locked or deleted)."""
        for key in [key for key in self._entries if key.candidate_id == candidate_id]:
            self._drop(key)

    def __len__(self) -> int:
        return len(self._entries)

    def _drop(self, key: ViewKey) -> None:
        self._size -= self._entries.pop(key).size


async def search_view(
    platform: Platform,
    session: AsyncSession,
    candidate_id: int,
    version: int,
    visibility: Visibility,
    candidate_ref: str,
) -> EmployerView | None:
    """The resume-bank view of a candidate for the organisation that knows them as
    `candidate_ref`, masked at most once per profile revision in this process; None
    when the candidate has no profile.

    `version` is the profile revision the caller read (with its other checks, in one
    statement); the profile itself is read only when no view of it is kept."""
    today = platform.settings.today()
    key = ViewKey(candidate_id, version, visibility.model_dump_json(), today)
    kept = platform.masked_views.get(key)
    if kept is None:
        row = await session.get(ProfileRow, candidate_id)
        if row is None:
            return None
        key = ViewKey(candidate_id, row.version, key.visibility, today)
        fresh, size = await masked(
            platform, functools.partial(_masked_search_view, row.data, visibility, today)
        )
        platform.masked_views.put(key, fresh, size)
        kept = fresh
    return kept.model_copy(update={"candidate_ref": candidate_ref})


def _masked_search_view(
    data: dict[str, object], visibility: Visibility, today: dt.date
) -> tuple[EmployerView, int]:
    view = employer_view(
        Profile.model_validate(data), visibility, "search", _UNSET_REF, today=today
    )
    return view, len(view.model_dump_json())
