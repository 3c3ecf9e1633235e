"""The candidate's applications: apply (with Idempotency-Key), follow, withdraw."""

from __future__ import annotations

from typing import Annotated, NoReturn

from fastapi import APIRouter, Path, Request, Response
from sqlalchemy import select

from gpseeker.core.models import MAX_ID, Application, ApplicationRequest
from gpseeker.server import applications, idempotency, organisation_views
from gpseeker.server.deps import SeekerDep
from gpseeker.server.errors import error_responses, not_found
from gpseeker.server.routes.jobs import JobId
from gpseeker.server.tables import ApplicationRow, Employer, JobRow, OrganisationRow

router = APIRouter(prefix="/api/v1", tags=["applications"])

ApplicationId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.post(
    "/jobs/{job_id}/applications",
    status_code=201,
    response_model=Application,
    responses=error_responses(400, 401, 403, 404, 409, 422),
    summary="Apply: the employer receives name, e-mail, the ticked fields and the "
    "application view; 409 job_closed or already_applied; 422 idempotency_key_reused",
)
async def apply(
    job_id: JobId,
    body: ApplicationRequest,
    caller: SeekerDep,
    request: Request,
    idempotency_key: idempotency.IdempotencyKey = None,
) -> Response:

    async def lost_race() -> NoReturn:
        # Another application to the same job (with another key) got there first.
        job = await caller.session.get(JobRow, job_id)
        assert job is not None  # it was there a moment ago; jobs are never deleted
        raise applications.already_applied(job) from None

    return await idempotency.once(
        caller,
        request,
        idempotency_key,
        body,
        201,
        lambda: applications.apply(caller, job_id, body),
        lost_race=lost_race,
    )


@router.get(
    "/me/applications",
    responses=error_responses(401, 403),
    summary="The candidate's applications with their status timelines, newest first",
)
async def my_applications(caller: SeekerDep) -> list[Application]:
    rows = await caller.session.execute(
        select(ApplicationRow, JobRow.title, Employer.company_name, OrganisationRow.status)
        .join(JobRow, JobRow.id == ApplicationRow.job_id)
        .join(Employer, Employer.id == ApplicationRow.employer_id)
        .join(OrganisationRow, OrganisationRow.id == Employer.organisation_id)
        .where(ApplicationRow.candidate_id == caller.user.id)
        .order_by(ApplicationRow.created_at.desc(), ApplicationRow.id.desc())
    )
    found = list(rows)
    events = await applications.timelines(caller.session, [row.id for row, *_ in found])
    return [
        applications.to_application(
            row, title, company, events[row.id], organisation_views.status_of(status)
        )
        for row, title, company, status in found
    ]


@router.delete(
    "/me/applications/{application_id}",
    responses=error_responses(401, 403, 404, 422),
    summary="Withdraw an application (the employer sees it withdrawn); "
    "withdrawing it again changes nothing",
)
async def withdraw(caller: SeekerDep, application_id: ApplicationId) -> Application:
    session = caller.session
    found = (
        await session.execute(
            select(ApplicationRow, JobRow.title, Employer.company_name)
            .join(JobRow, JobRow.id == ApplicationRow.job_id)
            .join(Employer, Employer.id == ApplicationRow.employer_id)
            .where(
                ApplicationRow.id == application_id,
                ApplicationRow.candidate_id == caller.user.id,
            )
        )
    ).first()
    if found is None:
        raise not_found("That application")
    row, title, company = found
    if row.status != "withdrawn":
        applications.change_status(session, row, "withdrawn", "", caller)
        await session.commit()
    events = await applications.timelines(session, [row.id])
    return applications.to_application(row, title, company, events[row.id])
