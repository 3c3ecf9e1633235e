"""The candidate's data: export, erasure of the account, requests that employers
forget an application, and the privacy policy."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from sqlalchemy import select

from gpseeker.core.models import (
    MAX_ID,
    AccountDeletion,
    DataExport,
    DeletionReceipt,
    EmployerEraseRequest,
    EraseAnswer,
    EraseRequest,
    ExportedAccount,
    PrivacyPolicy,
    Profile,
    SavedJobRecord,
)
from gpseeker.server import candidates, erase_requests, erasure, idempotency, policy
from gpseeker.server.deps import Caller, EmployerDep, PlatformDep, SeekerDep
from gpseeker.server.errors import error_responses
from gpseeker.server.routes import applications, invitations, privacy, saved
from gpseeker.server.subscriptions import subscriptions_of
from gpseeker.server.tables import Employer, JobRow, SavedJobRow

router = APIRouter(prefix="/api/v1", tags=["your data"])

ApplicationId = Annotated[int, Path(ge=1, le=MAX_ID)]
RequestId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/policy", summary="The privacy policy, its version and whom to ask (no sign-in)")
async def get_policy(platform: PlatformDep) -> PrivacyPolicy:
    return policy.current_policy(platform.settings)


@router.get(
    "/me/export",
    responses=error_responses(401, 403),
    summary="Everything the platform holds about you, as one JSON document",
)
async def export(caller: SeekerDep) -> DataExport:
    # Each part is what its own route answers, by calling that route: the export
    # cannot drift from what the candidate sees elsewhere.
    session, user = caller.session, caller.user
    profile = Profile.model_validate((await candidates.profile_row(session, user.id)).data)
    return DataExport(
        exported_at=caller.platform.settings.now(),
        account=ExportedAccount(
            email=user.email, display_name=user.display_name, created_at=user.created_at
        ),
        profile=profile,
        visibility=await privacy.get_visibility(caller),
        blocked_companies=(await privacy.get_blocked_companies(caller)).companies,
        applications=await applications.my_applications(caller),
        invitations=await invitations.list_invitations(caller, unread=False),
        disclosures=await privacy.disclosures(caller),
        profile_views=await privacy.profile_views(caller),
        erase_requests=await erase_requests.candidate_requests(session, user.id),
        subscriptions=await subscriptions_of(session, user),
        saved_jobs=await saved_job_records(caller),
        saved_searches=await saved.saved_searches(caller),
    )


async def saved_job_records(caller: Caller) -> list[SavedJobRecord]:
    """Saved jobs with when they were saved (the saved-jobs route answers whole jobs,
    without that date)."""
    rows = await caller.session.execute(
        select(SavedJobRow.job_id, JobRow.title, Employer.company_name, SavedJobRow.saved_at)
        .join(JobRow, JobRow.id == SavedJobRow.job_id)
        .join(Employer, Employer.id == JobRow.employer_id)
        .where(SavedJobRow.user_id == caller.user.id)
        .order_by(SavedJobRow.saved_at.desc(), SavedJobRow.job_id.desc())
    )
    return [
        SavedJobRecord(job_id=job_id, job_title=title, company_name=company, saved_at=at)
        for job_id, title, company, at in rows
    ]


@router.delete(
    "/me",
    responses=error_responses(400, 401, 403, 422),
    summary="Erase the account and everything of it, for good; confirm_email must be "
    "the account's address (422 otherwise, nothing deleted)",
)
async def delete_me(body: AccountDeletion, caller: SeekerDep) -> DeletionReceipt:
    return await erasure.delete_account(caller, body.confirm_email)


@router.post(
    "/me/applications/{application_id}/erase-request",
    status_code=201,
    response_model=EraseRequest,
    responses={200: {"model": EraseRequest}, **error_responses(401, 403, 404, 422)},
    summary="Ask the employer to erase this application (withdrawn first if active): "
    "201 when made, 200 with the request already made when asked again",
)
async def request_erasure(caller: SeekerDep, application_id: ApplicationId) -> Response:
    made, created = await erase_requests.request_erasure(caller, application_id)
    return Response(
        content=made.model_dump_json(),
        status_code=201 if created else 200,
        media_type="application/json",
    )


@router.get(
    "/me/erase-requests",
    responses=error_responses(401, 403),
    summary="Your erase requests with the employers' answers, newest first",
)
async def my_erase_requests(caller: SeekerDep) -> list[EraseRequest]:
    return await erase_requests.candidate_requests(caller.session, caller.user.id)


@router.get(
    "/employer/erase-requests",
    responses=error_responses(401, 403),
    summary="Candidates' requests to erase applications to your jobs, pending first",
)
async def employer_erase_requests(caller: EmployerDep) -> list[EmployerEraseRequest]:
    return await erase_requests.employer_requests(caller.session, caller.employer.id)


@router.post(
    "/employer/erase-requests/{request_id}/answer",
    response_model=EmployerEraseRequest,
    responses=error_responses(400, 401, 403, 404, 409, 422),
    summary='Answer "done" (the application leaves your side of the platform) or '
    '"refused" with a reason the candidate reads; 409 already_answered',
)
async def answer_erase_request(
    caller: EmployerDep,
    request_id: RequestId,
    body: EraseAnswer,
    request: Request,
    idempotency_key: idempotency.IdempotencyKey = None,
) -> Response:
    # A retry with the same key (an answer whose response was lost) gets the first
    # answer again rather than a conflict.
    return await idempotency.once(
        caller,
        request,
        idempotency_key,
        body,
        200,
        lambda: erase_requests.answer(caller, request_id, body),
    )
