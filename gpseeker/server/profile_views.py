"""Profile views: the log of who opened a candidate's masked profile, one row per
employer account, candidate, context and day (the platform's day, in Japan) with a
count.

Why merged. An employer that opens one profile thirty times tells the candidate one
thing ("viewed 30 times on 7 Dec"), not thirty lines; and a row per open let any
employer grow the table without bound. Recording is one `INSERT ... ON CONFLICT DO
UPDATE` on the unique (candidate, employer, context, day) index, the same statement
on both stores: two opens at once on two workers never find "no row yet" together and
then collide on the index (a unique violation, a 500); the store counts both.

The candidate reads one entry per organisation per day: the accounts of one
organisation are one employer to them (its verified legal name), so their rows are
added up when read, which also keeps the log right after the operator merges two
organisations.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.dialects import sqlite

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import ProfileViewEvent, ViewContext
from gpseeker.server import organisation_views
from gpseeker.server.deps import EmployerCaller
from gpseeker.server.tables import Employer, OrganisationRow, ProfileView


async def record(
    caller: EmployerCaller, candidate_id: int, context: ViewContext = "search"
) -> None:
    """Count one open of the candidate's profile by the caller's account today; the
    caller commits."""
    settings = caller.platform.settings
    now = settings.now()
    values = {
        "candidate_id": candidate_id,
        "employer_id": caller.employer.id,
        "context": context,
        "day": settings.today(),
        "first_at": now,
        "at": now,
        "count": 1,
    }
    key = [ProfileView.candidate_id, ProfileView.employer_id, ProfileView.context, ProfileView.day]
    statement: postgresql.Insert | sqlite.Insert
    if caller.platform.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql  # only on PostgreSQL: see db.py

        pg = postgresql.insert(ProfileView).values(values)
        statement = pg.on_conflict_do_update(index_elements=key, set_=_merged(pg.excluded.at))
    else:
        lite = sqlite.insert(ProfileView).values(values)
        statement = lite.on_conflict_do_update(index_elements=key, set_=_merged(lite.excluded.at))
    await caller.session.execute(statement)


def _merged(latest: ColumnElement[dt.datetime]) -> dict[str, ColumnElement[Any]]:
    """What an open adds to the day's row: one more, and the later of the two times
    (two workers' clocks, or two racing requests, need not arrive in order)."""
    return {
        "count": ProfileView.count + 1,
        "at": case((latest > ProfileView.at, latest), else_=ProfileView.at),
    }


async def of_candidate(session: AsyncSession, candidate_id: int) -> list[ProfileViewEvent]:
    """The candidate's log, newest first: one entry per organisation, context and day."""
    last = func.max(ProfileView.at)
    rows = await session.execute(
        select(
            last,
            func.min(ProfileView.first_at),
            func.sum(ProfileView.count),
            ProfileView.day,
            ProfileView.context,
            OrganisationRow.legal_name,
            OrganisationRow.status,
        )
        .join(Employer, Employer.id == ProfileView.employer_id)
        .join(OrganisationRow, OrganisationRow.id == Employer.organisation_id)
        .where(ProfileView.candidate_id == candidate_id)
        .group_by(
            ProfileView.day,
            ProfileView.context,
            OrganisationRow.id,
            OrganisationRow.legal_name,
            OrganisationRow.status,
        )
        .order_by(last.desc(), func.max(ProfileView.id).desc())
    )
    return [
        ProfileViewEvent(
            at=at,
            first_at=first_at,
            count=int(count),
            day=day,
            employer_name=name,
            employer_status=organisation_views.status_of(status),
            context=context,
        )
        for at, first_at, count, day, context, name, status in rows
    ]
