"""The relay: employers invite candidates they found; candidates read, reply, decline.

Who may reach whom. An employer may invite only a candidate it holds its own
reference for (from the resume bank or an application) who is searchable today and
does not block it; any other reference gets the same 404 as opening it in the resume
bank, so an invitation cannot be used to probe whether someone exists or locked
their resume.

How many. Caps per sender alone are walked around by a second account or a new
organisation, so the caps are also per target, each over any 24 hours
(`ServerSettings`): per employer account, per organisation (all its accounts), per
candidate from all employers together, and per candidate from one organisation (so
that one organisation cannot use up a candidate's allowance and keep everyone else
out). They are counted from the invitations table itself, so every worker and every
restart agrees, and the 429 names the cap and when a place frees (`Retry-After`).

What a reply carries. The employer receives the reply under the candidate
reference and nothing else about the candidate, unless the candidate ticks
`share_email` / `share_phone`: then exactly those values travel, in their own
fields, and each sharing is logged as a disclosure. The reply text itself always
passes through the full leak guard (the resume bank's): name, e-mail, phone, postal
address, current company and any other contact route in the text become "[hidden]".
So a candidate cannot give themselves away by accident, and sharing is one explicit
tick rather than something typed; the candidate's copy of the reply is the guarded
text, so they see exactly what the employer received. A decline reason is guarded
the same way.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import (
    DeclineRequest,
    Invitation,
    InvitationReport,
    InvitationRequest,
    OrganisationStatus,
    Profile,
    RelayedMessage,
    ReplyRequest,
    ReportRequest,
    ReportState,
    SentInvitation,
    TriageWarning,
)
from gpseeker.core.privacy import leak_guard
from gpseeker.core.triage import triage
from gpseeker.server import candidates, organisation_views
from gpseeker.server.deps import Caller, EmployerCaller
from gpseeker.server.errors import ApiError, invalid, not_found
from gpseeker.server.jobs import is_open
from gpseeker.server.settings import JST
from gpseeker.server.tables import (
    CandidateRef,
    Disclosure,
    Employer,
    InvitationReportRow,
    InvitationRow,
    JobRow,
    OrganisationRow,
    RelayedMessageRow,
    User,
)

WINDOW = dt.timedelta(hours=24)


def already_answered(row: InvitationRow) -> ApiError:
    return ApiError(
        409,
        "already_answered",
        f"You have already {row.state} this invitation; nothing more was sent.",
    )


# --- the employer's side -------------------------------------------------------------


async def reachable_candidate(caller: EmployerCaller, candidate_ref: str) -> int:
    """The candidate behind this employer's reference, if it may reach them now."""
    session, settings = caller.session, caller.platform.settings
    organisation = caller.organisation
    candidate_id = await session.scalar(
        select(CandidateRef.candidate_id).where(
            CandidateRef.organisation_id == organisation.id, CandidateRef.ref == candidate_ref
        )
    )
    eligible = candidates.eligible_for(organisation.id, organisation.match_keys, settings.today())
    if candidate_id is None or (
        await session.scalar(select(User.id).where(User.id == candidate_id, eligible(User.id)))
        is None
    ):
        raise not_found("That candidate")
    return candidate_id


@dataclass(frozen=True)
class _Cap:
    """One daily cap: how many invitations, which ones count, and how a refusal reads."""

    limit: int
    counted: ColumnElement[bool]
    """Which invitations count against it (over invitations joined to their sender)."""
    refusal: str
    """The 429's words, with {count} and {wait} to fill in."""


async def _sqlite_writing(session: AsyncSession) -> bool:
    """Whether this SQLite session has begun writing, and so holds the write lock (an
    Idempotency-Key's claim has, for one)."""
    raw = await (await session.connection()).get_raw_connection()
    return bool(raw.driver_connection.in_transaction)  # type: ignore[union-attr]


async def check_rate(caller: EmployerCaller, candidate_id: int) -> None:
    """429, naming the cap, once an invitation to `candidate_id` would pass one of the
    caps of the last 24 hours; the caller then adds the invitation and commits.

    On PostgreSQL two transaction locks (the candidate's, then the organisation's:
    always in that order, so two invitations never wait on each other in a circle)
    make the count and the insert one step for everyone inviting this candidate or
    from this organisation: many accounts inviting at the same instant cannot all
    count "one place left". On SQLite the driver begins a transaction only at the
    first write, so counts read before it are no part of the transaction that
    inserts: a write that changes nothing takes the file's one write lock first, and
    the counts and the insert are one step for every writer there too. (An
    Idempotency-Key's claim did that by chance; a request without one went past the
    cap.)"""
    session, settings = caller.session, caller.platform.settings
    organisation_id = caller.organisation.id
    if caller.platform.engine.dialect.name == "postgresql":
        for space, key in (("candidate", candidate_id), ("organisation", organisation_id)):
            await session.execute(
                text("SELECT pg_advisory_xact_lock(hashtext(:space), :key)"),
                {"space": f"gpseeker-invitations-{space}", "key": key},
            )
    elif not await _sqlite_writing(session):
        await session.execute(text("DELETE FROM invitations WHERE 0"))
    from_organisation = Employer.organisation_id == organisation_id
    to_candidate = InvitationRow.candidate_id == candidate_id
    caps = (
        _Cap(
            settings.invitations_per_candidate_per_organisation_per_day,
            and_(to_candidate, from_organisation),
            "Your organisation has sent this candidate {count} invitations in the last 24 "
            "hours, the most one organisation may send one candidate",
        ),
        _Cap(
            settings.invitations_per_day,
            InvitationRow.employer_id == caller.employer.id,
            "You have sent {count} invitations in the last 24 hours, the most one account may send",
        ),
        _Cap(
            settings.invitations_per_organisation_per_day,
            from_organisation,
            "Your organisation's accounts have sent {count} invitations together in the "
            "last 24 hours, the most one organisation may send",
        ),
        _Cap(
            settings.invitations_per_candidate_per_day,
            to_candidate,
            "This candidate has received {count} invitations in the last 24 hours from "
            "all employers together, the most the platform relays to one person, so "
            "that nobody is flooded",
        ),
    )
    now = settings.now()
    recent = (
        select(InvitationRow.sent_at)
        .join(Employer, Employer.id == InvitationRow.employer_id)
        .where(InvitationRow.sent_at > now - WINDOW)
    )
    # Two counts, each along an index: the candidate's invitations, and the
    # organisation's (its accounts', by each account's index).
    to_them, to_them_from_us = (
        await session.execute(
            select(func.count(), func.count().filter(from_organisation))
            .select_from(InvitationRow)
            .join(Employer, Employer.id == InvitationRow.employer_id)
            .where(to_candidate, InvitationRow.sent_at > now - WINDOW)
        )
    ).one()
    from_us, from_me = (
        await session.execute(
            select(
                func.count(),
                func.count().filter(InvitationRow.employer_id == caller.employer.id),
            )
            .select_from(InvitationRow)
            .join(Employer, Employer.id == InvitationRow.employer_id)
            .where(from_organisation, InvitationRow.sent_at > now - WINDOW)
        )
    ).one()
    for cap, count in zip(caps, (to_them_from_us, from_me, from_us, to_them), strict=True):
        if count < cap.limit:
            continue
        # A place frees when the invitation `count - limit` places from the oldest
        # leaves the window (the oldest, unless racing requests or a lowered setting
        # left more than the cap in it).
        freed_by = await session.scalar(
            recent.where(cap.counted)
            .order_by(InvitationRow.sent_at)
            .offset(count - cap.limit)
            .limit(1)
        )
        wait = max(1, math.ceil(((freed_by + WINDOW) - now).total_seconds())) if freed_by else 1
        again = (now + dt.timedelta(seconds=wait)).astimezone(JST)
        raise ApiError(
            429,
            "rate_limited",
            cap.refusal.format(count=count)
            + f". Try again in {_duration(wait)} (from {again:%Y-%m-%d %H:%M} Japan time).",
            headers={"Retry-After": str(wait)},
        )


def _duration(seconds: int) -> str:
    if seconds >= 3600:
        return f"about {round(seconds / 3600)} hours"
    if seconds >= 60:
        return f"about {round(seconds / 60)} minutes"
    return f"{seconds} seconds"


async def invite(
    caller: EmployerCaller, candidate_ref: str, request: InvitationRequest
) -> SentInvitation:
    """Create the invitation; the caller commits."""
    session, settings = caller.session, caller.platform.settings
    candidate_id = await reachable_candidate(caller, candidate_ref)
    if request.job_id is not None:
        job = await session.get(JobRow, request.job_id)
        if (
            job is None
            or job.employer_id != caller.employer.id
            or not is_open(job, settings.today())
        ):
            raise invalid("job_id", "is not one of your open jobs")
    # After the 404 check, so a refused reference does not use up the allowance.
    await check_rate(caller, candidate_id)
    row = InvitationRow(
        employer_id=caller.employer.id,
        candidate_id=candidate_id,
        candidate_ref=candidate_ref,
        subject=request.subject,
        body=request.body,
        job_id=request.job_id,
        sent_at=settings.now(),
        state="open",
        warnings=[w.model_dump(mode="json") for w in triage(request.subject, request.body)],
    )
    session.add(row)
    await session.flush()
    return to_sent(row)


def to_sent(row: InvitationRow) -> SentInvitation:
    return SentInvitation(
        id=row.id,
        candidate_ref=row.candidate_ref,
        subject=row.subject,
        job_id=row.job_id,
        sent_at=row.sent_at,
        state=row.state,
    )


def to_message(row: RelayedMessageRow, candidate_ref: str) -> RelayedMessage:
    return RelayedMessage(
        id=row.id,
        invitation_id=row.invitation_id,
        candidate_ref=candidate_ref,
        kind=row.kind,
        body=row.body,
        shared_email=row.shared_email,
        shared_phone=row.shared_phone,
        at=row.at,
    )


# --- the candidate's side ------------------------------------------------------------


@dataclass(frozen=True)
class Sender:
    """Who an invitation is from, as the candidate is told: the organisation's
    verified legal name (never what the account typed) and its status now."""

    name: str
    status: OrganisationStatus


def sender_of(name: str, status: str) -> Sender:
    return Sender(name=name, status=organisation_views.status_of(status))


def invitations_with_senders() -> Select[InvitationRow, str, str]:
    return (
        select(InvitationRow, Employer.company_name, OrganisationRow.status)
        .join(Employer, Employer.id == InvitationRow.employer_id)
        .join(OrganisationRow, OrganisationRow.id == Employer.organisation_id)
    )


async def own_invitation(caller: Caller, invitation_id: int) -> tuple[InvitationRow, Sender]:
    """One of the caller's invitations with who sent it (404 for any other)."""
    found = (
        await caller.session.execute(
            invitations_with_senders().where(
                InvitationRow.id == invitation_id, InvitationRow.candidate_id == caller.user.id
            )
        )
    ).first()
    if found is None:
        raise not_found("That invitation")
    row, name, status = found
    return row, sender_of(name, status)


async def report_of(session: AsyncSession, invitation_id: int) -> InvitationReportRow | None:
    return await session.scalar(
        select(InvitationReportRow).where(InvitationReportRow.invitation_id == invitation_id)
    )


def to_report(row: InvitationReportRow) -> InvitationReport:
    state: ReportState = "open"
    if row.state in ("resolved", "dismissed"):
        state = "resolved" if row.state == "resolved" else "dismissed"
    return InvitationReport(
        id=row.id,
        reason=row.reason,
        state=state,
        outcome=row.outcome,
        reported_at=row.reported_at,
        closed_at=row.closed_at,
    )


async def report(caller: Caller, row: InvitationRow, request: ReportRequest) -> InvitationReportRow:
    """Put the invitation in the operator's queue; one report per invitation."""
    if await report_of(caller.session, row.id) is not None:
        raise ApiError(
            409,
            "already_reported",
            "You have already reported this invitation; the platform has it.",
        )
    employer = await caller.session.get(Employer, row.employer_id)
    if employer is None:
        raise not_found("That invitation")
    report_row = InvitationReportRow(
        invitation_id=row.id,
        candidate_id=caller.user.id,
        organisation_id=employer.organisation_id,
        reason=request.reason,
        state="open",
        outcome="",
        reported_at=caller.platform.settings.now(),
    )
    caller.session.add(report_row)
    await caller.session.flush()
    return report_row


async def answer_of(session: AsyncSession, invitation_id: int) -> RelayedMessageRow | None:
    return await session.scalar(
        select(RelayedMessageRow).where(RelayedMessageRow.invitation_id == invitation_id)
    )


def to_invitation(
    row: InvitationRow,
    sender: Sender,
    answer: RelayedMessageRow | None,
    report: InvitationReportRow | None = None,
) -> Invitation:
    return Invitation(
        id=row.id,
        employer_name=sender.name,
        employer_status=sender.status,
        subject=row.subject,
        body=row.body,
        job_id=row.job_id,
        sent_at=row.sent_at,
        read=row.read_at is not None,
        state=row.state,
        warnings=[TriageWarning.model_validate(w) for w in row.warnings],
        reply=answer.body if answer is not None and answer.kind == "reply" else None,
        decline_reason=answer.body if answer is not None and answer.kind == "declined" else None,
        report=to_report(report) if report is not None else None,
    )


async def reply(
    caller: Caller, row: InvitationRow, sender: Sender, request: ReplyRequest
) -> RelayedMessageRow:
    """Relay the guarded reply and log what was shared; the caller commits."""
    if row.state != "open":
        raise already_answered(row)
    if sender.status == "suspended":
        raise ApiError(
            409,
            "sender_suspended",
            f"The platform has suspended {sender.name}; replies to it are not relayed. "
            "You can still decline or report the invitation.",
        )
    session, now = caller.session, caller.platform.settings.now()
    profile = Profile.model_validate((await candidates.profile_row(session, caller.user.id)).data)
    body, _ = leak_guard(request.body, profile, "reply")
    identity = profile.identity
    email = str(identity.email) if request.share_email else None
    # A ticked phone the profile does not have is not sent, so not logged as sent.
    phone = identity.phone if request.share_phone and identity.phone else None
    shared = [name for name, value in (("email", email), ("phone", phone)) if value]
    if shared:
        session.add(
            Disclosure(
                candidate_id=caller.user.id,
                employer_id=row.employer_id,
                fields=shared,
                reason=f"reply to invitation {row.subject}",
                job_id=row.job_id,
                at=now,
            )
        )
    return _answer(caller, row, "reply", body, email, phone)


async def decline(caller: Caller, row: InvitationRow, request: DeclineRequest) -> RelayedMessageRow:
    """Relay "declined" with the guarded reason (it is free text to an employer too)."""
    if row.state != "open":
        raise already_answered(row)
    reason = request.reason
    if reason:
        profile = Profile.model_validate(
            (await candidates.profile_row(caller.session, caller.user.id)).data
        )
        reason, _ = leak_guard(reason, profile, "decline reason")
    return _answer(caller, row, "declined", reason, None, None)


def _answer(
    caller: Caller,
    row: InvitationRow,
    kind: str,
    body: str,
    email: str | None,
    phone: str | None,
) -> RelayedMessageRow:
    now = caller.platform.settings.now()
    row.state = "replied" if kind == "reply" else "declined"
    # Answering means it was read, whatever screen it was answered from.
    row.read_at = row.read_at or now
    message = RelayedMessageRow(
        invitation_id=row.id,
        employer_id=row.employer_id,
        kind=kind,
        body=body,
        shared_email=email,
        shared_phone=phone,
        at=now,
    )
    caller.session.add(message)
    return message
