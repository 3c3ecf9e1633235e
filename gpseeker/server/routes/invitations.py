"""The candidate's inbox: invitations relayed from employers, and the answers to them."""

from __future__ import annotations

from typing import Annotated, NoReturn

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy import func, select

from gpseeker.core.models import (
    MAX_ID,
    DeclineRequest,
    Invitation,
    ReplyRequest,
    ReportRequest,
    UnreadCount,
)
from gpseeker.server import idempotency, invitations
from gpseeker.server.deps import Caller, SeekerDep
from gpseeker.server.errors import error_responses
from gpseeker.server.tables import InvitationReportRow, InvitationRow, RelayedMessageRow

router = APIRouter(prefix="/api/v1/me/invitations", tags=["invitations"])

InvitationId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get(
    "",
    responses=error_responses(401, 403, 422),
    summary="Invitations relayed to you, unread first, then newest first, "
    "each with its scam-triage warnings",
)
async def list_invitations(
    caller: SeekerDep,
    unread: Annotated[bool, Query(description="only the unread ones")] = False,
) -> list[Invitation]:
    statement = (
        invitations.invitations_with_senders()
        .add_columns(RelayedMessageRow, InvitationReportRow)
        .outerjoin(RelayedMessageRow, RelayedMessageRow.invitation_id == InvitationRow.id)
        .outerjoin(InvitationReportRow, InvitationReportRow.invitation_id == InvitationRow.id)
        .where(InvitationRow.candidate_id == caller.user.id)
        .order_by(
            InvitationRow.read_at.is_not(None),  # false (unread) sorts first
            InvitationRow.sent_at.desc(),
            InvitationRow.id.desc(),
        )
    )
    if unread:
        statement = statement.where(InvitationRow.read_at.is_(None))
    rows = await caller.session.execute(statement)
    return [
        invitations.to_invitation(row, invitations.sender_of(name, status), answer, report)
        for row, name, status, answer, report in rows
    ]


@router.get(
    "/unread-count",
    responses=error_responses(401, 403),
    summary="How many invitations are unread (cheap enough to poll)",
)
async def unread_count(caller: SeekerDep) -> UnreadCount:
    count = await caller.session.scalar(
        select(func.count(InvitationRow.id)).where(
            InvitationRow.candidate_id == caller.user.id, InvitationRow.read_at.is_(None)
        )
    )
    return UnreadCount(unread=count or 0)


@router.get(
    "/{invitation_id}",
    responses=error_responses(401, 403, 404, 422),
    summary="One of your invitations (reading it here does not mark it read)",
)
async def get_invitation(caller: SeekerDep, invitation_id: InvitationId) -> Invitation:
    row, sender = await invitations.own_invitation(caller, invitation_id)
    return await _current(caller, row, sender)


async def _current(caller: Caller, row: InvitationRow, sender: invitations.Sender) -> Invitation:
    answer = await invitations.answer_of(caller.session, row.id)
    report = await invitations.report_of(caller.session, row.id)
    return invitations.to_invitation(row, sender, answer, report)


@router.post(
    "/{invitation_id}/read",
    responses=error_responses(401, 403, 404, 422),
    summary="Mark an invitation read; marking it again changes nothing",
)
async def mark_read(caller: SeekerDep, invitation_id: InvitationId) -> Invitation:
    row, sender = await invitations.own_invitation(caller, invitation_id)
    if row.read_at is None:
        row.read_at = caller.platform.settings.now()
        await caller.session.commit()
    return await _current(caller, row, sender)


@router.post(
    "/{invitation_id}/report",
    responses=error_responses(400, 401, 403, 404, 409, 422),
    summary="Report an invitation to the platform's operator (a scam, harassment, an "
    "employer that is not who it says); 409 already_reported",
)
async def report(caller: SeekerDep, invitation_id: InvitationId, body: ReportRequest) -> Invitation:
    row, sender = await invitations.own_invitation(caller, invitation_id)
    await invitations.report(caller, row, body)
    row.read_at = row.read_at or caller.platform.settings.now()
    await caller.session.commit()
    return await _current(caller, row, sender)


@router.post(
    "/{invitation_id}/reply",
    response_model=Invitation,
    responses=error_responses(400, 401, 403, 404, 409, 422),
    summary="Reply through the relay: the employer sees the text (leak-guarded) under "
    "your reference, and your e-mail or phone only if you share them; "
    "409 already_answered",
)
async def reply(
    caller: SeekerDep,
    invitation_id: InvitationId,
    body: ReplyRequest,
    request: Request,
    idempotency_key: idempotency.IdempotencyKey = None,
) -> Response:
    return await _answer(caller, invitation_id, body, request, idempotency_key)


@router.post(
    "/{invitation_id}/decline",
    response_model=Invitation,
    responses=error_responses(400, 401, 403, 404, 409, 422),
    summary="Decline: the employer sees that you declined, and the reason if given; "
    "409 already_answered",
)
async def decline(
    caller: SeekerDep,
    invitation_id: InvitationId,
    body: DeclineRequest,
    request: Request,
    idempotency_key: idempotency.IdempotencyKey = None,
) -> Response:
    return await _answer(caller, invitation_id, body, request, idempotency_key)


async def _answer(
    caller: Caller,
    invitation_id: int,
    body: ReplyRequest | DeclineRequest,
    request: Request,
    key: str | None,
) -> Response:

    async def act() -> Invitation:
        row, sender = await invitations.own_invitation(caller, invitation_id)
        if isinstance(body, ReplyRequest):
            answer = await invitations.reply(caller, row, sender, body)
        else:
            answer = await invitations.decline(caller, row, body)
        await caller.session.flush()
        report = await invitations.report_of(caller.session, row.id)
        return invitations.to_invitation(row, sender, answer, report)

    async def lost_race() -> NoReturn:
        # Another answer to the same invitation (a reply and a decline at once) won.
        row, _ = await invitations.own_invitation(caller, invitation_id)
        raise invitations.already_answered(row) from None

    return await idempotency.once(caller, request, key, body, 200, act, lost_race=lost_race)
