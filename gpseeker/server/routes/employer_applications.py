"""Applications to the employer's own jobs, as the candidates sent them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from sqlalchemy import select

from gpseeker.core.models import (
    MAX_ID,
    ApplicationStatus,
    ApplicationStatusUpdate,
    EmployerApplication,
)
from gpseeker.server import applications
from gpseeker.server.deps import EmployerDep
from gpseeker.server.errors import ApiError, error_responses, invalid, not_found
from gpseeker.server.tables import ApplicationRow, JobRow

router = APIRouter(prefix="/api/v1/employer", tags=["employer"])

ApplicationId = Annotated[int, Path(ge=1, le=MAX_ID)]
# "submitted" is where every application starts and "withdrawn" is the candidate's
# own decision: neither is the employer's to set.
EMPLOYER_STATUSES: frozenset[ApplicationStatus] = frozenset(
    {"viewed", "shortlisted", "interview", "offer", "rejected"}
)


@router.get(
    "/applications",
    responses=error_responses(401, 403, 404, 422),
    summary="Applications to your jobs (to one job with job_id), newest first; "
    "listing marks new ones as viewed for the candidate",
)
async def list_applications(
    caller: EmployerDep,
    job_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="only this job")] = None,
) -> list[EmployerApplication]:
    session = caller.session
    statement = (
        select(ApplicationRow, JobRow.title)
        .join(JobRow, JobRow.id == ApplicationRow.job_id)
        .where(
            ApplicationRow.employer_id == caller.employer.id,
            # Erased at the candidate's request: no longer the employer's to see.
            ApplicationRow.erased_for_employer_at.is_(None),
        )
        .order_by(ApplicationRow.created_at.desc(), ApplicationRow.id.desc())
    )
    if job_id is not None:
        job = await session.get(JobRow, job_id)
        if job is None or job.employer_id != caller.employer.id:
            raise not_found("That job")
        statement = statement.where(ApplicationRow.job_id == job_id)
    found = list(await session.execute(statement))
    seen = [row for row, _ in found if row.status == "submitted"]
    for row in seen:
        applications.change_status(session, row, "viewed", "", caller)
    if seen:
        await session.commit()
    return [applications.to_employer_application(row, title) for row, title in found]


@router.patch(
    "/applications/{application_id}",
    responses=error_responses(400, 401, 403, 404, 409, 422),
    summary="Move an application on; the candidate sees it in the timeline. "
    "409 application_withdrawn once the candidate withdrew",
)
async def set_status(
    application_id: ApplicationId, body: ApplicationStatusUpdate, caller: EmployerDep
) -> EmployerApplication:
    session = caller.session
    found = (
        await session.execute(
            select(ApplicationRow, JobRow.title)
            .join(JobRow, JobRow.id == ApplicationRow.job_id)
            .where(
                ApplicationRow.id == application_id,
                ApplicationRow.employer_id == caller.employer.id,
                ApplicationRow.erased_for_employer_at.is_(None),
            )
        )
    ).first()
    if found is None:
        raise not_found("That application")
    row, title = found
    if body.status not in EMPLOYER_STATUSES:
        allowed = ", ".join(sorted(EMPLOYER_STATUSES))
        raise invalid("status", f"an employer can set {allowed}")
    if row.status == "withdrawn":
        raise ApiError(
            409,
            "application_withdrawn",
            "The candidate withdrew this application; its status can no longer change.",
        )
    # The same status again (a retried PATCH) adds nothing to the timeline.
    if row.status != body.status:
        applications.change_status(session, row, body.status, body.note, caller)
        await session.commit()
    return applications.to_employer_application(row, title)
