"""The operator's routes: the organisation queue, verification, merges, suspensions,
account approvals, and candidates' reports. No other role reaches them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from sqlalchemy import select

from gpseeker.core.models import (
    MAX_ID,
    OperatorReport,
    Organisation,
    OrganisationMerge,
    OrganisationStatus,
    OrganisationSuspend,
    OrganisationVerify,
    ReportDecision,
    ReportState,
)
from gpseeker.server import organisation_views, organisations
from gpseeker.server.deps import Caller, OperatorDep
from gpseeker.server.errors import error_responses, not_found
from gpseeker.server.tables import (
    Employer,
    InvitationReportRow,
    InvitationRow,
    OrganisationRow,
    User,
)

router = APIRouter(prefix="/api/v1/operator", tags=["operator"])

Id = Annotated[int, Path(ge=1, le=MAX_ID)]


async def _organisation(caller: Caller, organisation_id: int) -> Organisation:
    row = await caller.session.get(OrganisationRow, organisation_id)
    if row is None:
        raise not_found("That organisation")
    return await organisation_views.for_operator(caller.session, row)


@router.get(
    "/organisations",
    responses=error_responses(401, 403, 422),
    summary="Organisations, pending first (the verification queue), then by name",
)
async def list_organisations(
    caller: OperatorDep,
    status: Annotated[OrganisationStatus | None, Query(description="only this status")] = None,
) -> list[Organisation]:
    statement = select(OrganisationRow).order_by(
        OrganisationRow.status != "pending", OrganisationRow.legal_name, OrganisationRow.id
    )
    if status is not None:
        statement = statement.where(OrganisationRow.status == status)
    rows = await caller.session.scalars(statement)
    return [await organisation_views.for_operator(caller.session, row) for row in rows]


@router.get(
    "/organisations/{organisation_id}",
    responses=error_responses(401, 403, 404, 422),
    summary="One organisation with its names, domains, accounts and look-alikes",
)
async def get_organisation(caller: OperatorDep, organisation_id: Id) -> Organisation:
    return await _organisation(caller, organisation_id)


@router.post(
    "/organisations/{organisation_id}/verify",
    responses=error_responses(400, 401, 403, 404, 409, 422),
    summary="Verify (or rename, or reinstate) an organisation under its legal name, "
    "with the other names it goes by and its e-mail domains; 409 name_taken or "
    "domain_taken when another organisation holds them (merge instead)",
)
async def verify(
    caller: OperatorDep, organisation_id: Id, body: OrganisationVerify
) -> Organisation:
    await organisations.verify(
        caller.session, caller.platform.settings.now(), organisation_id, body
    )
    await caller.session.commit()
    return await _organisation(caller, organisation_id)


@router.post(
    "/organisations/{organisation_id}/merge",
    responses=error_responses(400, 401, 403, 404, 422),
    summary="Merge a duplicate into the organisation it is: accounts, domains, "
    "references, blocks and reports move; answers the organisation merged into",
)
async def merge(caller: OperatorDep, organisation_id: Id, body: OrganisationMerge) -> Organisation:
    into = await organisations.merge(caller.session, organisation_id, body.into)
    await caller.session.commit()
    return await _organisation(caller, into.id)


@router.post(
    "/organisations/{organisation_id}/suspend",
    responses=error_responses(400, 401, 403, 404, 422),
    summary="Suspend an organisation: its jobs are unlisted, its accounts lose the "
    "resume bank and the relay, and candidates see its invitations marked",
)
async def suspend(
    caller: OperatorDep, organisation_id: Id, body: OrganisationSuspend
) -> Organisation:
    await organisations.suspend(caller.session, organisation_id, body.reason)
    await caller.session.commit()
    return await _organisation(caller, organisation_id)


@router.post(
    "/accounts/{account_id}/approve",
    responses=error_responses(401, 403, 404, 422),
    summary="Approve an employer account waiting to act for its organisation "
    "(the id is the account's, as listed under the organisation)",
)
async def approve_account(caller: OperatorDep, account_id: Id) -> Organisation:
    employer = await caller.session.get(Employer, account_id)
    if employer is None:
        raise not_found("That employer account")
    await organisations.approve(caller.session, employer)
    await caller.session.commit()
    return await _organisation(caller, employer.organisation_id)


def _state(value: str) -> ReportState:
    return "resolved" if value == "resolved" else "dismissed" if value == "dismissed" else "open"


async def _reports(caller: Caller, *conditions: object) -> list[OperatorReport]:
    rows = await caller.session.execute(
        select(InvitationReportRow, InvitationRow, OrganisationRow, User.email)
        .join(InvitationRow, InvitationRow.id == InvitationReportRow.invitation_id)
        .join(OrganisationRow, OrganisationRow.id == InvitationReportRow.organisation_id)
        .join(Employer, Employer.id == InvitationRow.employer_id)
        .join(User, User.id == Employer.user_id)
        .where(*conditions)  # type: ignore[arg-type]
        .order_by(
            InvitationReportRow.state != "open",
            InvitationReportRow.reported_at,
            InvitationReportRow.id,
        )
    )
    return [
        OperatorReport(
            id=report.id,
            reason=report.reason,
            state=_state(report.state),
            outcome=report.outcome,
            reported_at=report.reported_at,
            closed_at=report.closed_at,
            invitation_id=invitation.id,
            subject=invitation.subject,
            body=invitation.body,
            sent_at=invitation.sent_at,
            organisation=organisation_views.summary(organisation),
            sender_email=email,
        )
        for report, invitation, organisation, email in rows
    ]


@router.get(
    "/reports",
    responses=error_responses(401, 403, 422),
    summary="Candidates' reports of invitations, open ones first, oldest first",
)
async def reports(
    caller: OperatorDep,
    state: Annotated[ReportState | None, Query(description="only this state")] = None,
) -> list[OperatorReport]:
    conditions = [] if state is None else [InvitationReportRow.state == state]
    return await _reports(caller, *conditions)


@router.post(
    "/reports/{report_id}",
    responses=error_responses(400, 401, 403, 404, 422),
    summary="Close a report as resolved or dismissed, with words the candidate reads",
)
async def decide(caller: OperatorDep, report_id: Id, body: ReportDecision) -> OperatorReport:
    row = await caller.session.get(InvitationReportRow, report_id)
    if row is None:
        raise not_found("That report")
    row.state = body.state
    row.outcome = body.outcome
    row.closed_at = caller.platform.settings.now()
    await caller.session.commit()
    found = await _reports(caller, InvitationReportRow.id == report_id)
    return found[0]
