"""Jobs on the server side: storing a posted `JobDraft`, comparing salaries, and
turning rows into the `Job` a seeker or an employer reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVarTuple, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    exists,
    inspect,
    or_,
    select,
    text,
)
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import Job, JobDraft
from gpseeker.server.tables import (
    ApplicationRow,
    Employer,
    JobRow,
    OrganisationRow,
    SavedJobRow,
)

# What one unit of each salary period is worth in a year. Hourly pay assumes a
# full-time year of 2,000 hours (40 h x 50 weeks), the usual conversion; a part-time
# job paying by the hour therefore compares as if worked full time.
YEARLY_FACTOR = {"year": 1, "month": 12, "hour": 2000}

_Ts = TypeVarTuple("_Ts")


def yearly_jpy(amount: int | None, period: str) -> int | None:
    """`amount` yen per `period` as yen a year; None (not stated) stays None."""
    return None if amount is None else amount * YEARLY_FACTOR[period]


def job_row(employer_id: int, draft: JobDraft, posted_at: dt.datetime) -> JobRow:
    return JobRow(
        employer_id=employer_id,
        status="open",
        posted_at=posted_at,
        salary_yearly_min_jpy=yearly_jpy(draft.salary_min, draft.salary_period),
        **draft.model_dump(mode="python"),
    )


def upgrade_jobs_table(connection: Connection) -> None:
    """Bring a platform database from before job search up to date: `create_all`
    creates missing tables (with their indexes) but never alters an existing one.
    Run only when adopting a database from before migrations
    (`gpseeker.server.schema`), which then stamps it 0001."""
    columns = {column["name"] for column in inspect(connection).get_columns("jobs")}
    if "salary_yearly_min_jpy" not in columns:
        connection.execute(text("ALTER TABLE jobs ADD COLUMN salary_yearly_min_jpy INTEGER"))
        connection.execute(
            text(
                "UPDATE jobs SET salary_yearly_min_jpy = salary_min * CASE salary_period "
                "WHEN 'hour' THEN 2000 WHEN 'month' THEN 12 ELSE 1 END"
            )
        )
    for index in cast(Table, JobRow.__table__).indexes:
        index.create(connection, checkfirst=True)


def is_open(job: JobRow, today: dt.date) -> bool:
    """Open, and not past its last day (a job closes at the end of `closes_at` in Japan)."""
    return job.status == "open" and (job.closes_at is None or job.closes_at >= today)


def open_condition(today: dt.date) -> ColumnElement[bool]:
    """`is_open` in SQL: what a search may return and what may be applied to."""
    return and_(
        JobRow.status == "open",
        or_(JobRow.closes_at.is_(None), JobRow.closes_at >= today),
    )


def to_job(
    row: JobRow,
    company_name: str,
    today: dt.date,
    *,
    saved: bool = False,
    applied: bool = False,
    for_employer: bool = False,
) -> Job:
    """The wire form of a job. A job past its closing day reads as "closed": that is
    what it is to a seeker, though its employer never pressed the button. A "held"
    job (its organisation not verified, or suspended) is closed to a seeker and, to
    its employer, open but not listed."""
    held = row.status == "held"
    still_open = is_open(row, today) or (
        for_employer and held and (row.closes_at is None or row.closes_at >= today)
    )
    return Job(
        id=row.id,
        employer_id=row.employer_id,
        company_name=company_name,
        title=row.title,
        description=row.description,
        category=row.category,
        job_type=row.job_type,
        remote=row.remote,
        prefecture=row.prefecture,
        city=row.city,
        salary_min=row.salary_min,
        salary_max=row.salary_max,
        salary_period=row.salary_period,
        salary_yearly_min_jpy=row.salary_yearly_min_jpy,
        japanese_required=row.japanese_required,
        english_required=row.english_required,
        visa_sponsorship=row.visa_sponsorship,
        apply_from_overseas=row.apply_from_overseas,
        skills=list(row.skills),
        status="open" if still_open else "closed",
        listed=not held,
        posted_at=row.posted_at,
        closes_at=row.closes_at,
        saved=saved,
        applied=applied,
    )


def _listed(statement: Select[*_Ts], ids: list[int]) -> Select[*_Ts]:
    """`statement` (over JobRow and Employer) narrowed to the listed jobs among `ids`."""
    # A job of an organisation the platform never verified was never listed: to a
    # seeker it does not exist (its company name is only what an account typed).
    return (
        statement.join(Employer, Employer.id == JobRow.employer_id)
        .join(OrganisationRow, OrganisationRow.id == Employer.organisation_id)
        .where(JobRow.id.in_(ids), OrganisationRow.verified_at.is_not(None))
    )


async def jobs_by_id(
    session: AsyncSession, job_ids: Iterable[int]
) -> dict[int, tuple[JobRow, str]]:
    """Rows and company names for `job_ids`, in one query."""
    ids = list(job_ids)
    if not ids:
        return {}
    rows = await session.execute(_listed(select(JobRow, Employer.company_name), ids))
    return {row.id: (row, company) for row, company in rows}


async def seeker_jobs(
    session: AsyncSession, user_id: int, job_ids: list[int], today: dt.date
) -> list[Job]:
    """`job_ids` as Jobs in that order, with this seeker's saved/applied flags; ids
    that no longer exist are left out."""
    if not job_ids:
        return []
    # The flags ride along as EXISTS columns instead of costing a round trip each;
    # each is one index probe per job (saved_jobs' key, the live-application index).
    saved = exists().where(SavedJobRow.user_id == user_id, SavedJobRow.job_id == JobRow.id)
    applied = exists().where(
        ApplicationRow.candidate_id == user_id,
        ApplicationRow.job_id == JobRow.id,
        ApplicationRow.status != "withdrawn",
    )
    rows = await session.execute(
        _listed(
            select(JobRow, Employer.company_name, saved.label("saved"), applied.label("applied")),
            job_ids,
        )
    )
    found = {row[0].id: row for row in rows}
    return [
        to_job(job, company, today, saved=is_saved, applied=is_applied)
        for job, company, is_saved, is_applied in (found[i] for i in job_ids if i in found)
    ]
