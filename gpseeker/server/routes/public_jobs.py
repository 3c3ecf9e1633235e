"""`GET /jobs/{id}`: a listed job as a web page, without signing in (JobMail's links).

Outside /api/v1 on purpose: it is a page for people, not part of the JSON contract.
Only a job any seeker's search could show is served: a job whose organisation the
platform never verified, or holds (suspended), answers 404 exactly as a number that
never existed, and so does anything that is not a job's number.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import HTMLResponse

from gpseeker.server.deps import PlatformDep, SessionDep
from gpseeker.server.jobs import jobs_by_id, to_job
from gpseeker.server.public_job_page import HEADERS, job_page, not_found_page

router = APIRouter(tags=["jobs"])

LARGEST_ID = 2**31 - 1
"""Job ids are 32-bit INTEGER on PostgreSQL, which refuses to bind a bigger number."""

_HTML = {"text/html": {"schema": {"type": "string"}}}


def _job_id(text: str) -> int | None:
    """The job's number in the path, or None: a mistyped link gets the page's 404
    rather than a JSON validation error a browser shows as a wall of text."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(LARGEST_ID)):
        return None
    number = int(text)
    return number if 1 <= number <= LARGEST_ID else None


@router.get(
    "/jobs/{job_id}",
    response_class=HTMLResponse,
    responses={
        200: {"content": _HTML},
        404: {
            "description": "No such listed job (HTML; JSON for a path that is not text)",
            "content": {
                **_HTML,
                "application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}},
            },
        },
    },
    summary="A listed job as a web page anyone can open (the links in JobMail)",
)
async def job_page_for_anyone(
    job_id: Annotated[str, Path(description="the job's number")],
    session: SessionDep,
    platform: PlatformDep,
) -> HTMLResponse:
    number = _job_id(job_id)
    found = await jobs_by_id(session, [number]) if number is not None else {}
    if number is None or number not in found or found[number][0].status == "held":
        return HTMLResponse(not_found_page(), status_code=404, headers=HEADERS)
    row, company = found[number]
    return HTMLResponse(job_page(to_job(row, company, platform.settings.today())), headers=HEADERS)
