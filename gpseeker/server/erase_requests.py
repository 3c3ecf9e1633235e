"""Asking an employer to forget an application, through the relay.

The candidate's application went to one employer (applying is consent, to one
employer, for one job); withdrawing that consent is a request the employer answers,
because the employer may have copied the application elsewhere or be bound to keep
it. The platform does what it controls: an application still active is withdrawn
first (an employer cannot go on considering what it was asked to erase), and an
answer "done" erases the employer's platform copy at once: the application leaves
the employer's lists, its stored view and cover note are cleared. The candidate
keeps their own record of it, and reads the answer (with the reason of a refusal)
in their requests and beside the disclosure in their log.
"""

from __future__ import annotations

from sqlalchemy import case, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import EmployerEraseRequest, EraseAnswer, EraseRequest, EraseState
from gpseeker.server import applications
from gpseeker.server.deps import Caller, EmployerCaller
from gpseeker.server.errors import ApiError, not_found
from gpseeker.server.tables import ApplicationRow, Employer, EraseRequestRow, JobRow

WITHDRAWN_NOTE = "withdrawn: you asked the employer to erase it"
ERASED_NAME = "(erased)"
"""What the employer's list shows for a candidate whose application it erased."""


def state(value: str) -> EraseState:
    return "done" if value == "done" else "refused" if value == "refused" else "pending"


# --- the candidate's side -------------------------------------------------------------


async def request_erasure(caller: Caller, application_id: int) -> tuple[EraseRequest, bool]:
    """The request for this application, made now if there is none yet; True when
    it was made by this call. Commits."""
    session, user_id = caller.session, caller.user.id
    row = await session.scalar(
        select(ApplicationRow).where(
            ApplicationRow.id == application_id, ApplicationRow.candidate_id == user_id
        )
    )
    if row is None:
        raise not_found("That application")
    created = await _request_for(session, application_id) is None
    if created:
        if row.status != "withdrawn":
            applications.change_status(session, row, "withdrawn", WITHDRAWN_NOTE, caller)
        session.add(
            EraseRequestRow(
                application_id=application_id,
                candidate_id=user_id,
                employer_id=row.employer_id,
                state="pending",
                requested_at=caller.platform.settings.now(),
            )
        )
        try:
            await session.commit()
        except IntegrityError:
            # The same request arriving twice at once: the other one made it.
            await session.rollback()
            created = False
    mine = await candidate_requests(session, user_id)
    return next(made for made in mine if made.application_id == application_id), created


async def _request_for(session: AsyncSession, application_id: int) -> EraseRequestRow | None:
    found: EraseRequestRow | None = await session.scalar(
        select(EraseRequestRow).where(EraseRequestRow.application_id == application_id)
    )
    return found


async def candidate_requests(session: AsyncSession, user_id: int) -> list[EraseRequest]:
    """Every request of this candidate, newest first."""
    rows = await session.execute(
        select(EraseRequestRow, JobRow.title, Employer.company_name)
        .join(ApplicationRow, ApplicationRow.id == EraseRequestRow.application_id)
        .join(JobRow, JobRow.id == ApplicationRow.job_id)
        .join(Employer, Employer.id == EraseRequestRow.employer_id)
        .where(EraseRequestRow.candidate_id == user_id)
        .order_by(EraseRequestRow.requested_at.desc(), EraseRequestRow.id.desc())
    )
    return [
        EraseRequest(
            id=row.id,
            application_id=row.application_id,
            employer_name=company,
            job_title=title,
            state=state(row.state),
            reason=row.reason,
            requested_at=row.requested_at,
            answered_at=row.answered_at,
        )
        for row, title, company in rows
    ]


async def states_by_application(
    session: AsyncSession, user_id: int
) -> dict[int, tuple[EraseState, str]]:
    """application id -> (state, refusal reason), for the disclosure log."""
    rows = await session.execute(
        select(EraseRequestRow.application_id, EraseRequestRow.state, EraseRequestRow.reason).where(
            EraseRequestRow.candidate_id == user_id
        )
    )
    return {application_id: (state(value), reason) for application_id, value, reason in rows}


# --- the employer's side --------------------------------------------------------------


async def employer_requests(
    session: AsyncSession, employer_id: int, request_id: int | None = None
) -> list[EmployerEraseRequest]:
    """Requests addressed to this employer (one, with `request_id`), pending first,
    then newest first."""
    statement = (
        select(EraseRequestRow, ApplicationRow, JobRow.title)
        .join(ApplicationRow, ApplicationRow.id == EraseRequestRow.application_id)
        .join(JobRow, JobRow.id == ApplicationRow.job_id)
        .where(EraseRequestRow.employer_id == employer_id)
        .order_by(
            case((EraseRequestRow.state == "pending", 0), else_=1),
            EraseRequestRow.requested_at.desc(),
            EraseRequestRow.id.desc(),
        )
        # Re-read after an answer: the session keeps objects across commits.
        .execution_options(populate_existing=True)
    )
    if request_id is not None:
        statement = statement.where(EraseRequestRow.id == request_id)
    return [_employer_request(*found) for found in await session.execute(statement)]


def _employer_request(
    row: EraseRequestRow, application: ApplicationRow, job_title: str
) -> EmployerEraseRequest:
    name = application.candidate_view.get("full_name") if application.candidate_view else None
    return EmployerEraseRequest(
        id=row.id,
        application_id=row.application_id,
        job_id=application.job_id,
        job_title=job_title,
        candidate_name=str(name) if name else ERASED_NAME,
        state=state(row.state),
        reason=row.reason,
        requested_at=row.requested_at,
        answered_at=row.answered_at,
    )


def already_answered() -> ApiError:
    return ApiError(
        409,
        "already_answered",
        "This erase request was already answered; an answer cannot be changed.",
    )


async def answer(
    caller: EmployerCaller, request_id: int, body: EraseAnswer
) -> EmployerEraseRequest:
    """Record the answer once (a conditional update, so two racing answers cannot
    both win) and, on "done", erase the employer's copy. The caller commits."""
    session, employer_id = caller.session, caller.employer.id
    current = await employer_requests(session, employer_id, request_id)
    if not current:
        raise not_found("That erase request")
    now = caller.platform.settings.now()
    answered = await session.execute(
        update(EraseRequestRow)
        .where(EraseRequestRow.id == request_id, EraseRequestRow.state == "pending")
        .values(state=body.state, reason=body.reason, answered_at=now)
    )
    if answered.rowcount != 1:  # type: ignore[attr-defined]
        await session.rollback()
        raise already_answered()
    if body.state == "done":
        await session.execute(
            update(ApplicationRow)
            .where(ApplicationRow.id == current[0].application_id)
            .values(erased_for_employer_at=now, candidate_view={}, cover_note="")
        )
    return (await employer_requests(session, employer_id, request_id))[0]
