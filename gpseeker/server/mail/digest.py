"""What a JobMail digest lists: per saved search, the open jobs posted since `since`.

The search is the one the job list runs (`job_pages.find_jobs`), newest first, so a
digest shows exactly what the candidate would find by running the saved search.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import Job, JobQuery
from gpseeker.server.job_pages import find_jobs
from gpseeker.server.job_search import JobTextSearch
from gpseeker.server.jobs import jobs_by_id, to_job
from gpseeker.server.tables import SavedSearchRow

JOBS_PER_SEARCH = 20
"""A digest is a summary, not a dump: at most this many jobs for one search; the
rest are one search away in gpseeker."""


@dataclass(frozen=True)
class Section:
    """One saved search and its new jobs (newest first)."""

    search_name: str
    jobs: list[Job]
    more: bool
    """True when there were more new jobs than the digest lists."""


@dataclass(frozen=True)
class Digest:
    sections: list[Section]

    @property
    def job_count(self) -> int:
        """Distinct jobs: one job matching two searches is one new job."""
        return len({job.id for section in self.sections for job in section.jobs})


async def _saved_queries(session: AsyncSession, user_id: int) -> list[tuple[str, JobQuery]]:
    rows = await session.scalars(
        select(SavedSearchRow)
        .where(SavedSearchRow.user_id == user_id)
        .order_by(SavedSearchRow.created_at, SavedSearchRow.id)
    )
    queries: list[tuple[str, JobQuery]] = []
    for row in rows:
        try:
            query = JobQuery.model_validate(row.query)
        except ValidationError:
            # A search saved under an older, looser schema: skipped, not a crash of
            # everybody's JobMail.
            continue
        queries.append((row.name, query.model_copy(update={"sort": "newest"})))
    return queries


async def new_jobs(
    session: AsyncSession,
    text_search: JobTextSearch,
    user_id: int,
    since: dt.datetime,
    now: dt.datetime,
    today: dt.date,
) -> Digest:
    """The digest for one candidate; sections with no new job are left out."""
    sections: list[Section] = []
    for name, query in await _saved_queries(session, user_id):
        # Newest first, one more than listed: enough to know whether there are more.
        found = await find_jobs(
            session,
            text_search,
            query,
            cursor=None,
            limit=JOBS_PER_SEARCH + 1,
            now=now,
            today=today,
        )
        rows = await jobs_by_id(session, found.job_ids)
        fresh = [
            to_job(*rows[job_id], today)
            for job_id in found.job_ids
            if job_id in rows and rows[job_id][0].posted_at > since
        ]
        if fresh:
            sections.append(
                Section(name, fresh[:JOBS_PER_SEARCH], more=len(fresh) > JOBS_PER_SEARCH)
            )
    return Digest(sections)
