"""The job board as a seeker reads it: search with filters, and one job."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import Field, StringConstraints

from gpseeker.core.models import MAX_ID, ONE_LINE_PATTERN, Job, JobPage, JobQuery
from gpseeker.server.deps import SeekerDep
from gpseeker.server.errors import error_responses, not_found
from gpseeker.server.job_pages import find_jobs
from gpseeker.server.jobs import seeker_jobs

router = APIRouter(prefix="/api/v1", tags=["jobs"])

MAX_PAGE = 100
JobId = Annotated[int, Path(ge=1, le=MAX_ID)]


class JobSearchParams(JobQuery):
    """The query string of a search: a JobQuery plus where the page starts and its size.

    JobQuery forbids unknown fields (a typo in a filter is an error, not a silently
    wider search), so the page parameters need a model of their own.
    """

    # A query parameter is checked as sent, before the query strips it (text_params).
    q: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=200),  # JobQuery checks it
        Field(json_schema_extra={"pattern": ONE_LINE_PATTERN}),
    ] = ""
    cursor: str | None = Field(
        default=None,
        max_length=400,
        description="next_cursor of the previous page",
        json_schema_extra={"pattern": ONE_LINE_PATTERN},
    )
    limit: int = Field(default=20, ge=1, le=MAX_PAGE)


@router.get(
    "/jobs",
    responses=error_responses(400, 401, 403, 422),
    summary="Search open jobs: keywords (the last word as a prefix), filters, sort, pages",
)
async def search_jobs(caller: SeekerDep, params: Annotated[JobSearchParams, Query()]) -> JobPage:
    settings = caller.platform.settings
    query = JobQuery.model_validate(params.model_dump(exclude={"cursor", "limit"}))
    found = await find_jobs(
        caller.session,
        caller.platform.job_search,
        query,
        cursor=params.cursor,
        limit=params.limit,
        now=settings.now(),
        today=settings.today(),
    )
    items = await seeker_jobs(caller.session, caller.user.id, found.job_ids, settings.today())
    return JobPage(items=items, next_cursor=found.next_cursor, total=found.total)


@router.get(
    "/jobs/{job_id}",
    responses=error_responses(401, 403, 404, 422),
    summary="One job; a closed or expired one too, with status closed",
)
async def get_job(caller: SeekerDep, job_id: JobId) -> Job:
    jobs = await seeker_jobs(
        caller.session, caller.user.id, [job_id], caller.platform.settings.today()
    )
    if not jobs:
        raise not_found("That job")
    return jobs[0]
