"""The candidate's privacy controls and their disclosure log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy import select

from gpseeker.core.models import (
    ONE_LINE_PATTERN,
    BlockedCompanies,
    BlockedCompanyList,
    DisclosureEvent,
    OrganisationMatch,
    Profile,
    ProfileViewEvent,
    Visibility,
)
from gpseeker.server import candidates, erase_requests, idempotency, organisation_views
from gpseeker.server import profile_views as profile_views_log
from gpseeker.server.deps import SeekerDep
from gpseeker.server.errors import error_responses
from gpseeker.server.tables import Disclosure, Employer, JobRow, OrganisationRow

router = APIRouter(prefix="/api/v1/me", tags=["candidate"])


@router.get(
    "/visibility",
    responses=error_responses(401, 403),
    summary="Who may find the resume; a searchable period that ended reads as locked",
)
async def get_visibility(caller: SeekerDep) -> Visibility:
    row = await candidates.visibility_row(caller.session, caller.user.id)
    return candidates.effective_visibility(row, caller.platform.settings.today())


@router.put(
    "/visibility",
    response_model=Visibility,
    responses=error_responses(400, 401, 403, 422),
    summary="Lock the resume or make it searchable; takes effect at once "
    "(Idempotency-Key honoured)",
)
async def put_visibility(
    body: Visibility,
    caller: SeekerDep,
    request: Request,
    idempotency_key: idempotency.IdempotencyKey = None,
) -> Response:
    session, platform, user_id = caller.session, caller.platform, caller.user.id

    async def switch() -> Visibility:
        row = await candidates.visibility_row(session, user_id)
        candidates.apply_visibility(row, body, platform.settings.today())
        profile = Profile.model_validate((await candidates.profile_row(session, user_id)).data)
        await candidates.refresh_resume_document(session, platform, user_id, profile, row)
        return candidates.effective_visibility(row, platform.settings.today())

    # Keyed, because a retry whose first try had landed could otherwise undo a switch
    # made in between on another device (searchable here, locked there, searchable
    # again by the retry).
    return await idempotency.once(caller, request, idempotency_key, body, 200, switch)


@router.get(
    "/blocked-companies",
    responses=error_responses(401, 403),
    summary="Companies that can never find the candidate",
)
async def get_blocked_companies(caller: SeekerDep) -> BlockedCompanyList:
    return await candidates.blocked_companies(caller.session, caller.user.id)


@router.put(
    "/blocked-companies",
    responses=error_responses(400, 401, 403, 422),
    summary="Replace the blocked companies; leaving out the current company unblocks it",
)
async def put_blocked_companies(body: BlockedCompanies, caller: SeekerDep) -> BlockedCompanyList:
    await candidates.replace_blocked_companies(caller.session, caller.user.id, body.entries())
    await caller.session.commit()
    return await candidates.blocked_companies(caller.session, caller.user.id)


@router.get(
    "/blockable-organisations",
    responses=error_responses(401, 403, 422),
    summary="Verified organisations one of whose names matches a typed company name "
    "(letter case, spacing, punctuation, invisible characters and legal forms ignored)",
)
async def blockable_organisations(
    caller: SeekerDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=120,
            description="a company name",
            json_schema_extra={"pattern": ONE_LINE_PATTERN},
        ),
    ],
) -> list[OrganisationMatch]:
    return await organisation_views.blockable(caller.session, q)


@router.get(
    "/profile-views",
    responses=error_responses(401, 403),
    summary="Employers who opened the masked profile, newest first: one entry per "
    "organisation per day, with how many times",
)
async def profile_views(caller: SeekerDep) -> list[ProfileViewEvent]:
    return await profile_views_log.of_candidate(caller.session, caller.user.id)


@router.get(
    "/disclosures",
    responses=error_responses(401, 403),
    summary="Every time identity data left for an employer, newest first",
)
async def disclosures(caller: SeekerDep) -> list[DisclosureEvent]:
    # Each event names its job, and carries the answer to the candidate's request
    # that the employer erase what it received (if they asked).
    rows = await caller.session.execute(
        select(Disclosure, Employer.company_name, OrganisationRow.status, JobRow.title)
        .join(Employer, Employer.id == Disclosure.employer_id)
        .join(OrganisationRow, OrganisationRow.id == Employer.organisation_id)
        .outerjoin(JobRow, JobRow.id == Disclosure.job_id)
        .where(Disclosure.candidate_id == caller.user.id)
        .order_by(Disclosure.at.desc(), Disclosure.id.desc())
    )
    erase = await erase_requests.states_by_application(caller.session, caller.user.id)
    events: list[DisclosureEvent] = []
    for event, name, status, title in rows:
        state, reason = erase.get(event.application_id or 0, (None, ""))
        events.append(
            DisclosureEvent(
                id=event.id,
                at=event.at,
                employer_name=name,
                employer_status=organisation_views.status_of(status),
                fields=event.fields,
                reason=event.reason,
                job_id=event.job_id,
                application_id=event.application_id,
                job_title=title,
                erase_state=state,
                erase_reason=reason,
            )
        )
    return events
