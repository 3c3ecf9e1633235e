"""What a seeker keeps: saved jobs and saved searches (the searches JobMail runs)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from sqlalchemy import delete, func, select

from gpseeker.core.models import MAX_ID, Job, JobQuery, SavedSearch, SavedSearchRequest
from gpseeker.server import idempotency
from gpseeker.server.bodies import strictly
from gpseeker.server.db import insert_ignoring_duplicates
from gpseeker.server.deps import SeekerDep
from gpseeker.server.errors import ApiError, error_responses, not_found
from gpseeker.server.jobs import seeker_jobs
from gpseeker.server.routes.jobs import JobId
from gpseeker.server.tables import JobRow, SavedJobRow, SavedSearchRow

router = APIRouter(prefix="/api/v1/me", tags=["candidate"])

MAX_SAVED_SEARCHES = 50
SearchId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get(
    "/saved-jobs",
    responses=error_responses(401, 403),
    summary="Saved jobs, most recently saved first (closed ones too, marked closed)",
)
async def saved_jobs(caller: SeekerDep) -> list[Job]:
    job_ids = await caller.session.scalars(
        select(SavedJobRow.job_id)
        .where(SavedJobRow.user_id == caller.user.id)
        .order_by(SavedJobRow.saved_at.desc(), SavedJobRow.job_id.desc())
    )
    return await seeker_jobs(
        caller.session, caller.user.id, list(job_ids), caller.platform.settings.today()
    )


@router.put(
    "/saved-jobs/{job_id}",
    status_code=204,
    responses=error_responses(401, 403, 404, 422),
    summary="Save a job; saving it again changes nothing",
)
async def save_job(caller: SeekerDep, job_id: JobId) -> Response:
    if await caller.session.get(JobRow, job_id) is None:
        raise not_found("That job")
    await caller.session.execute(
        insert_ignoring_duplicates(
            SavedJobRow.__table__,  # type: ignore[arg-type]
            caller.platform.engine.dialect.name,
        ).values(user_id=caller.user.id, job_id=job_id, saved_at=caller.platform.settings.now())
    )
    await caller.session.commit()
    return Response(status_code=204)


@router.delete(
    "/saved-jobs/{job_id}",
    status_code=204,
    responses=error_responses(401, 403, 422),
    summary="Unsave a job; unsaving one that is not saved changes nothing",
)
async def unsave_job(caller: SeekerDep, job_id: JobId) -> Response:
    await caller.session.execute(
        delete(SavedJobRow).where(
            SavedJobRow.user_id == caller.user.id, SavedJobRow.job_id == job_id
        )
    )
    await caller.session.commit()
    return Response(status_code=204)


def _saved_search(row: SavedSearchRow) -> SavedSearch:
    return SavedSearch(
        id=row.id,
        name=row.name,
        query=JobQuery.model_validate(row.query),
        created_at=row.created_at,
    )


@router.get(
    "/saved-searches",
    responses=error_responses(401, 403),
    summary="Saved searches, newest first",
)
async def saved_searches(caller: SeekerDep) -> list[SavedSearch]:
    rows = await caller.session.scalars(
        select(SavedSearchRow)
        .where(SavedSearchRow.user_id == caller.user.id)
        .order_by(SavedSearchRow.created_at.desc(), SavedSearchRow.id.desc())
    )
    return [_saved_search(row) for row in rows]


@router.post(
    "/saved-searches",
    status_code=201,
    response_model=SavedSearch,
    responses=error_responses(400, 401, 403, 409, 422),
    summary="Save a search under a name (Idempotency-Key honoured)",
)
async def save_search(
    body: SavedSearchRequest,
    caller: SeekerDep,
    request: Request,
    idempotency_key: idempotency.IdempotencyKey = None,
) -> Response:
    body = await strictly(request, SavedSearchRequest)
    session, user_id = caller.session, caller.user.id

    async def save() -> SavedSearch:
        count = await session.scalar(
            select(func.count())
            .select_from(SavedSearchRow)
            .where(SavedSearchRow.user_id == user_id)
        )
        if (count or 0) >= MAX_SAVED_SEARCHES:
            raise ApiError(
                409,
                "too_many_saved_searches",
                f"You can keep {MAX_SAVED_SEARCHES} saved searches; delete one to save another.",
            )
        row = SavedSearchRow(
            user_id=user_id,
            name=body.name,
            query=body.query.model_dump(mode="json"),
            created_at=caller.platform.settings.now(),
        )
        session.add(row)
        await session.flush()
        return _saved_search(row)

    return await idempotency.once(caller, request, idempotency_key, body, 201, save)


@router.delete(
    "/saved-searches/{search_id}",
    status_code=204,
    responses=error_responses(401, 403, 422),
    summary="Delete a saved search; deleting one that is gone changes nothing",
)
async def delete_saved_search(caller: SeekerDep, search_id: SearchId) -> Response:
    # No 404 for an unknown id: a retried DELETE whose first answer was lost must not
    # turn into an error, and another seeker's id is left alone all the same.
    await caller.session.execute(
        delete(SavedSearchRow).where(
            SavedSearchRow.id == search_id, SavedSearchRow.user_id == caller.user.id
        )
    )
    await caller.session.commit()
    return Response(status_code=204)
