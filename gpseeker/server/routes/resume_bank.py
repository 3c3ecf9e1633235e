"""The employer's resume bank: masked views only, under per-employer references."""

from __future__ import annotations

import base64
import binascii
import re
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from sqlalchemy import select
from sqlalchemy.orm import aliased

from gpseeker.core.models import ONE_LINE_PATTERN, EmployerView, ResumeBankHit, ResumeBankPage
from gpseeker.server import candidates, masking, profile_views
from gpseeker.server.db import insert_ignoring_duplicates
from gpseeker.server.deps import EmployerCaller, VerifiedEmployerDep
from gpseeker.server.errors import bad_cursor, error_responses, not_found
from gpseeker.server.search import Eligibility, keywords
from gpseeker.server.security import candidate_ref
from gpseeker.server.tables import (
    CandidateRef,
    ProfileRow,
    ResumeDocument,
    User,
    VisibilityRow,
)

router = APIRouter(prefix="/api/v1/employer", tags=["employer"])

MAX_PAGE = 100


def encode_cursor(offset: int) -> str:
    """`o:OFFSET` in base64url: where the next page starts in the ranked matches."""
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The offset encode_cursor wrote, read strictly; 400 `bad_cursor` for anything else.

    ASCII digits only (int() would also take " 5", "+5", "5_0" or "٣"), no leading
    zero, and at most 2**31 - 1: PostgreSQL binds OFFSET as a 32-bit INTEGER, and a
    bigger number failed there as a server error (or as an OverflowError in SQLite).
    """
    if not re.fullmatch(r"[A-Za-z0-9_-]*={0,2}", cursor):  # base64url, padded or not
        raise bad_cursor()
    cursor = cursor.rstrip("=")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except (binascii.Error, ValueError):
        raise bad_cursor() from None
    found = re.fullmatch(rb"o:(0|[1-9][0-9]{0,9})", raw)
    if found is None or int(found.group(1)) > 2**31 - 1:
        raise bad_cursor()
    return int(found.group(1))


@router.get(
    "/resume-bank",
    responses=error_responses(400, 401, 403, 422),
    summary="Search searchable candidates by keyword, best match first (empty: newest)",
)
async def search_resume_bank(
    caller: VerifiedEmployerDep,
    q: Annotated[
        str,
        Query(
            max_length=500,
            description="keywords; all must match",
            json_schema_extra={"pattern": ONE_LINE_PATTERN},
        ),
    ] = "",
    cursor: Annotated[
        str | None, Query(max_length=100, json_schema_extra={"pattern": ONE_LINE_PATTERN})
    ] = None,
    limit: Annotated[int | None, Query(ge=1, le=MAX_PAGE)] = None,
) -> ResumeBankPage:
    settings = caller.platform.settings
    size = min(limit or settings.resume_bank_page_size, settings.resume_bank_max_page_size)
    offset = decode_cursor(cursor) if cursor else 0
    eligible = _eligible(caller)
    ids = await caller.platform.search.search(
        caller.session, keywords(q), eligible, offset=offset, limit=size + 1
    )
    more = len(ids) > size
    ids = ids[:size]
    rows = await caller.session.execute(
        select(ResumeDocument.candidate_id, ResumeDocument.hit, User.ref_secret)
        .join(User, User.id == ResumeDocument.candidate_id)
        .where(ResumeDocument.candidate_id.in_(ids))
    )
    hits: dict[int, dict[str, Any]] = {}
    secrets: dict[int, str | None] = {}
    for candidate_id, hit, secret in rows:
        hits[candidate_id], secrets[candidate_id] = hit, secret
    refs = await _issue_refs(caller, secrets)
    await caller.session.commit()
    items = [
        ResumeBankHit.model_validate({**hits[candidate_id], "candidate_ref": refs[candidate_id]})
        for candidate_id in ids
        if candidate_id in hits  # unless locked between the search and this read
    ]
    return ResumeBankPage(items=items, next_cursor=encode_cursor(offset + size) if more else None)


@router.get(
    "/resume-bank/{candidate_ref}",
    responses=error_responses(401, 403, 404, 422),
    summary="Open one candidate's masked profile; the candidate sees that you did",
)
async def open_candidate(
    caller: VerifiedEmployerDep,
    candidate_ref: Annotated[str, Path(max_length=64)],
) -> EmployerView:
    session = caller.session
    # The row read for the view is an alias: the eligibility check's own EXISTS on
    # the visibility table must stay a subquery, not correlate to this row.
    shown = aliased(VisibilityRow)
    found = (
        await session.execute(
            select(CandidateRef.candidate_id, shown, ProfileRow.version)
            .join(shown, shown.user_id == CandidateRef.candidate_id)
            .join(ProfileRow, ProfileRow.user_id == CandidateRef.candidate_id)
            .where(
                CandidateRef.organisation_id == caller.organisation.id,
                CandidateRef.ref == candidate_ref,
                _eligible(caller)(CandidateRef.candidate_id),
            )
        )
    ).first()
    # Locked, blocked, unknown and another employer's reference: one identical answer,
    # so that a 404 tells the employer nothing about whether the candidate exists.
    if found is None:
        raise not_found("That candidate")
    candidate_id, visibility, version = found
    view = await masking.search_view(
        caller.platform,
        session,
        candidate_id,
        version,
        candidates.stored_visibility(visibility),
        candidate_ref,
    )
    if view is None:
        raise not_found("That candidate")
    await profile_views.record(caller, candidate_id, "search")
    await session.commit()
    return view


def _eligible(caller: EmployerCaller) -> Eligibility:
    organisation = caller.organisation
    return candidates.eligible_for(
        organisation.id, organisation.match_keys, caller.platform.settings.today()
    )


async def _issue_refs(caller: EmployerCaller, secrets: dict[int, str | None]) -> dict[int, str]:
    """Compute this organisation's references and record them, so opening one later
    is a key lookup instead of trying the HMAC against every candidate."""
    organisation_id = caller.organisation.id
    refs: dict[int, str] = {}
    for candidate_id, secret in secrets.items():
        if secret is None:
            refs[candidate_id] = await candidates.issue_ref(
                caller.session, caller.platform, organisation_id, candidate_id
            )
        else:
            refs[candidate_id] = candidate_ref(caller.platform.secret, organisation_id, secret)
    if refs:
        await caller.session.execute(
            insert_ignoring_duplicates(
                CandidateRef.__table__,  # type: ignore[arg-type]
                caller.platform.engine.dialect.name,
            ),
            [
                {"organisation_id": organisation_id, "ref": ref, "candidate_id": candidate_id}
                for candidate_id, ref in refs.items()
            ],
        )
    return refs
