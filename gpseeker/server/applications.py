"""Applying to a job, and the application's life afterwards (status timeline).

Applying is consent, to one employer, for one job: the application view is built
once, when the candidate applies, and stored with the application. The employer
always reads that snapshot, so later profile edits (or locking the resume) never
change what was sent, and the disclosure log lists exactly its identity fields.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import (
    Application,
    ApplicationRequest,
    ApplicationStatus,
    EmployerApplication,
    EmployerView,
    OptionalDisclosure,
    OrganisationStatus,
    Profile,
    StatusChange,
    Visibility,
)
from gpseeker.core.privacy import application_guard, employer_view
from gpseeker.server import candidates, masking
from gpseeker.server.deps import Caller
from gpseeker.server.errors import ApiError, not_found
from gpseeker.server.jobs import is_open
from gpseeker.server.tables import (
    ApplicationEvent,
    ApplicationRow,
    Disclosure,
    Employer,
    JobRow,
)

ALWAYS_DISCLOSED = ("full_name", "email")
# The whole application view (headline, experience, current company...) goes too;
# the log names it once rather than field by field.
PROFILE_FIELD = "profile"
OPTIONAL_ORDER: tuple[OptionalDisclosure, ...] = ("phone", "address")


def job_closed(job: JobRow) -> ApiError:
    when = f" on {job.closes_at.isoformat()}" if job.closes_at and job.status == "open" else ""
    return ApiError(
        409,
        "job_closed",
        f"“{job.title}” closed{when} and no longer takes applications; nothing was sent.",
    )


def already_applied(job: JobRow) -> ApiError:
    return ApiError(
        409,
        "already_applied",
        f"You have already applied to “{job.title}”; see it under Applications.",
    )


async def apply(caller: Caller, job_id: int, request: ApplicationRequest) -> Application:
    """Create the application, its first timeline step and its disclosure event.

    The caller commits; the unique index on live applications turns a race between
    two different keys into an IntegrityError there.
    """
    session, platform, user_id = caller.session, caller.platform, caller.user.id
    settings = platform.settings
    job = await session.get(JobRow, job_id)
    if job is None:
        raise not_found("That job")
    if not is_open(job, settings.today()):
        raise job_closed(job)
    if await live_application(session, user_id, job_id) is not None:
        raise already_applied(job)
    employer = await session.get(Employer, job.employer_id)
    if employer is None:
        raise not_found("That job")

    ref = await candidates.issue_ref(session, platform, employer.organisation_id, user_id)
    profile = Profile.model_validate((await candidates.profile_row(session, user_id)).data)
    visibility = candidates.stored_visibility(await candidates.visibility_row(session, user_id))
    view, cover_note = await masking.masked(
        platform,
        functools.partial(_masked_application, profile, visibility, ref, request, settings.today()),
    )
    fields = disclosed_fields(view, request.disclose)
    now = settings.now()
    row = ApplicationRow(
        job_id=job.id,
        candidate_id=user_id,
        employer_id=employer.id,
        status="submitted",
        cover_note=cover_note,
        disclosed=fields,
        candidate_view=view.model_dump(mode="json"),
        created_at=now,
    )
    session.add(row)
    await session.flush()
    event = ApplicationEvent(application_id=row.id, status="submitted", note="", at=now)
    session.add(event)
    session.add(
        Disclosure(
            candidate_id=user_id,
            employer_id=employer.id,
            fields=fields,
            reason=f"application to {job.title}",
            job_id=job.id,
            application_id=row.id,
            at=now,
        )
    )
    return to_application(row, job.title, employer.company_name, [event])


def _masked_application(
    profile: Profile,
    visibility: Visibility,
    ref: str,
    request: ApplicationRequest,
    today: dt.date,
) -> tuple[EmployerView, str]:
    view = employer_view(
        profile, visibility, "application", ref, disclose=request.disclose, today=today
    )
    # The note goes to this employer with the application: what the application
    # hands over may stay in it, any other contact route is hidden (the candidate's
    # app showed them so before sending).
    note, _ = application_guard(request.cover_note, profile, "cover note", request.disclose)
    return view, note


def disclosed_fields(view: EmployerView, ticked: Sequence[OptionalDisclosure]) -> list[str]:
    """The identity fields the view really carries: a ticked phone the profile does
    not have is not sent, so it is not logged as sent either."""
    optional = [name for name in OPTIONAL_ORDER if name in ticked and getattr(view, name)]
    return [*ALWAYS_DISCLOSED, *optional, PROFILE_FIELD]


async def live_application(
    session: AsyncSession, user_id: int, job_id: int
) -> ApplicationRow | None:
    found: ApplicationRow | None = await session.scalar(
        select(ApplicationRow).where(
            ApplicationRow.candidate_id == user_id,
            ApplicationRow.job_id == job_id,
            ApplicationRow.status != "withdrawn",
        )
    )
    return found


async def timelines(
    session: AsyncSession, application_ids: Sequence[int]
) -> dict[int, list[ApplicationEvent]]:
    found: dict[int, list[ApplicationEvent]] = defaultdict(list)
    if application_ids:
        events = await session.scalars(
            select(ApplicationEvent)
            .where(ApplicationEvent.application_id.in_(application_ids))
            .order_by(ApplicationEvent.at, ApplicationEvent.id)
        )
        for event in events:
            found[event.application_id].append(event)
    return found


def change_status(
    session: AsyncSession,
    row: ApplicationRow,
    status: ApplicationStatus,
    note: str,
    caller: Caller,
) -> ApplicationEvent:
    row.status = status
    event = ApplicationEvent(
        application_id=row.id, status=status, note=note, at=caller.platform.settings.now()
    )
    session.add(event)
    return event


def to_application(
    row: ApplicationRow,
    job_title: str,
    company_name: str,
    events: Sequence[ApplicationEvent],
    employer_status: OrganisationStatus = "verified",
) -> Application:
    return Application(
        id=row.id,
        job_id=row.job_id,
        job_title=job_title,
        company_name=company_name,
        employer_status=employer_status,
        status=row.status,
        cover_note=row.cover_note,
        disclosed=list(row.disclosed),
        timeline=[_step(event) for event in events],
        created_at=row.created_at,
    )


def to_employer_application(row: ApplicationRow, job_title: str) -> EmployerApplication:
    return EmployerApplication(
        id=row.id,
        job_id=row.job_id,
        job_title=job_title,
        status=row.status,
        candidate=EmployerView.model_validate(row.candidate_view),
        cover_note=row.cover_note,
        created_at=row.created_at,
    )


def _step(event: ApplicationEvent) -> StatusChange:
    return StatusChange(status=event.status, at=event.at, note=event.note)
