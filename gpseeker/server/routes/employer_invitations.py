"""The employer's side of the relay: invite a candidate, follow invitations, read replies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from sqlalchemy import select

from gpseeker.core.models import InvitationRequest, RelayedMessage, SentInvitation
from gpseeker.server import idempotency, invitations
from gpseeker.server.deps import EmployerDep, VerifiedEmployerDep
from gpseeker.server.errors import error_responses
from gpseeker.server.tables import InvitationRow, RelayedMessageRow

router = APIRouter(prefix="/api/v1/employer", tags=["employer"])


@router.post(
    "/candidates/{candidate_ref}/invitations",
    status_code=201,
    response_model=SentInvitation,
    responses=error_responses(400, 401, 403, 404, 422, 429),
    summary="Invite a candidate you found, through the relay (you never learn who they "
    "are); 404 as for the resume bank; 422 on job_id unless one of your open jobs; "
    "429 rate_limited with Retry-After past a daily cap (per account, organisation, "
    "candidate, or candidate from one organisation; the message names it)",
)
async def invite(
    caller: VerifiedEmployerDep,
    candidate_ref: Annotated[str, Path(max_length=64)],
    body: InvitationRequest,
    request: Request,
    idempotency_key: idempotency.IdempotencyKey = None,
) -> Response:
    return await idempotency.once(
        caller,
        request,
        idempotency_key,
        body,
        201,
        lambda: invitations.invite(caller, candidate_ref, body),
    )


@router.get(
    "/invitations",
    responses=error_responses(401, 403),
    summary="Your invitations, newest first, under candidate references, with their state",
)
async def sent_invitations(caller: EmployerDep) -> list[SentInvitation]:
    rows = await caller.session.scalars(
        select(InvitationRow)
        .where(InvitationRow.employer_id == caller.employer.id)
        .order_by(InvitationRow.sent_at.desc(), InvitationRow.id.desc())
    )
    return [invitations.to_sent(row) for row in rows]


@router.get(
    "/messages",
    responses=error_responses(401, 403),
    summary="Candidates' replies and declines to your invitations, newest first",
)
async def messages(caller: EmployerDep) -> list[RelayedMessage]:
    rows = await caller.session.execute(
        select(RelayedMessageRow, InvitationRow.candidate_ref)
        .join(InvitationRow, InvitationRow.id == RelayedMessageRow.invitation_id)
        .where(
            RelayedMessageRow.employer_id == caller.employer.id,
            InvitationRow.employer_id == caller.employer.id,
        )
        .order_by(RelayedMessageRow.at.desc(), RelayedMessageRow.id.desc())
    )
    return [invitations.to_message(row, ref) for row, ref in rows]
