"""The employer's own organisation: its status in words, and its admins' approvals."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from gpseeker.core.models import MAX_ID, EmployerOrganisation
from gpseeker.server import organisation_views, organisations
from gpseeker.server.deps import EmployerDep
from gpseeker.server.errors import ApiError, error_responses, not_found
from gpseeker.server.tables import Employer

router = APIRouter(prefix="/api/v1/employer/organisation", tags=["employer"])


@router.get(
    "",
    responses=error_responses(401, 403),
    summary="Your organisation, its status, and what your account may do now",
)
async def organisation(caller: EmployerDep) -> EmployerOrganisation:
    return await organisation_views.for_employer(
        caller.session, caller.organisation, caller.employer
    )


@router.post(
    "/members/{account_id}/approve",
    responses=error_responses(401, 403, 404, 422),
    summary="Admins: approve an account of your verified organisation",
)
async def approve_member(
    caller: EmployerDep, account_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> EmployerOrganisation:
    if caller.employer.org_role != "admin" or not caller.employer.approved:
        raise ApiError(
            403, "not_an_admin", "Only an approved admin of your organisation may approve accounts."
        )
    if caller.organisation.status != "verified":
        raise ApiError(
            403,
            "organisation_pending",
            "Accounts are approved once your organisation is verified by the platform.",
        )
    member = await caller.session.get(Employer, account_id)
    if member is None or member.organisation_id != caller.organisation.id:
        raise not_found("That account")
    await organisations.approve(caller.session, member)
    await caller.session.commit()
    return await organisation_views.for_employer(
        caller.session, caller.organisation, caller.employer
    )
