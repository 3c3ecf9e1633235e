"""The employer's jobs: post, edit (own jobs only), list."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from sqlalchemy import select

from gpseeker.core.models import Job, JobDraft, JobPatch
from gpseeker.server import idempotency
from gpseeker.server.bodies import strictly
from gpseeker.server.deps import EmployerCaller, EmployerDep
from gpseeker.server.errors import error_responses, invalid, not_found
from gpseeker.server.jobs import job_row, to_job, yearly_jpy
from gpseeker.server.routes.jobs import JobId
from gpseeker.server.tables import JobRow

router = APIRouter(prefix="/api/v1/employer", tags=["employer"])

# JobPatch fields that a job cannot be without: null means "no", not "remove it".
REQUIRED_FIELDS = frozenset({"title", "description", "status"})


def _job(caller: EmployerCaller, row: JobRow) -> Job:
    return to_job(
        row, caller.employer.company_name, caller.platform.settings.today(), for_employer=True
    )


def _listed(caller: EmployerCaller) -> bool:
    return caller.organisation.status == "verified"


@router.post(
    "/jobs",
    status_code=201,
    response_model=Job,
    responses=error_responses(400, 401, 403, 422),
    summary="Post a job: open and searchable at once if your organisation is verified, "
    "otherwise kept unlisted until it is (Idempotency-Key honoured)",
)
async def post_job(
    body: JobDraft,
    caller: EmployerDep,
    request: Request,
    idempotency_key: idempotency.IdempotencyKey = None,
) -> Response:
    body = await strictly(request, JobDraft)
    session = caller.session

    async def post() -> Job:
        row = job_row(caller.employer.id, body, caller.platform.settings.now())
        if not _listed(caller):
            # Kept, and listed the moment the platform verifies the organisation.
            row.status = "held"
        session.add(row)
        await session.flush()
        return _job(caller, row)

    return await idempotency.once(caller, request, idempotency_key, body, 201, post)


@router.patch(
    "/jobs/{job_id}",
    responses=error_responses(400, 401, 403, 404, 422),
    summary="Change one of your jobs; fields left out stay as they are",
)
async def edit_job(job_id: JobId, body: JobPatch, caller: EmployerDep, request: Request) -> Job:
    body = await strictly(request, JobPatch)
    row = await caller.session.get(JobRow, job_id)
    # Another employer's job answers exactly like a job that does not exist.
    if row is None or row.employer_id != caller.employer.id:
        raise not_found("That job")
    changes = body.model_dump(exclude_unset=True)
    for name, value in changes.items():
        if value is None and name in REQUIRED_FIELDS:
            raise invalid(name, "cannot be removed; leave it out to keep it")
    low = changes.get("salary_min", row.salary_min)
    high = changes.get("salary_max", row.salary_max)
    if low is not None and high is not None and high < low:
        raise invalid("salary_max", "the highest salary is below the lowest")
    if changes.get("status") == "open" and not _listed(caller):
        changes["status"] = "held"
    for name, value in changes.items():
        setattr(row, name, value)
    row.salary_yearly_min_jpy = yearly_jpy(row.salary_min, row.salary_period)
    await caller.session.commit()
    return _job(caller, row)


@router.get(
    "/jobs",
    responses=error_responses(401, 403),
    summary="Your jobs, open and closed, newest first",
)
async def my_jobs(caller: EmployerDep) -> list[Job]:
    rows = await caller.session.scalars(
        select(JobRow)
        .where(JobRow.employer_id == caller.employer.id)
        .order_by(JobRow.posted_at.desc(), JobRow.id.desc())
    )
    return [_job(caller, row) for row in rows]
