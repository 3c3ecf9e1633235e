"""Whether the request being answered has asked the database to commit.

When the connection breaks, what the platform may tell the user depends on it: before
any COMMIT was sent, the transaction died with the connection and nothing changed (a
503 "busy" that any client may repeat); once one was sent, the platform cannot know
whether the database kept it, and says so (only a write with an Idempotency-Key, or
one that is the same when repeated, may then be sent again).

The error handler opens a `RequestCommits` for each request; the engine's "commit"
event, which SQLAlchemy fires before sending COMMIT, marks it. SQLAlchemy runs its
events for asyncio in the same context as the awaiting task, so the marker is found.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine


@dataclass
class RequestCommits:
    sent: int = 0
    """COMMITs this request asked for (sent, or about to be)."""


_current: ContextVar[RequestCommits | None] = ContextVar("gpseeker_request_commits", default=None)


@contextmanager
def counting_commits() -> Iterator[RequestCommits]:
    """Count the commits of the code run inside (one request)."""
    commits = RequestCommits()
    token = _current.set(commits)
    try:
        yield commits
    finally:
        _current.reset(token)


def _note_commit(_connection: Any) -> None:
    commits = _current.get()
    if commits is not None:
        commits.sent += 1


def track_commits(engine: AsyncEngine) -> None:
    event.listen(engine.sync_engine, "commit", _note_commit)
