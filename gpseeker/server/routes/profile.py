"""The candidate's own profile (optimistic concurrency with ETag / If-Match) and the
preview of what employers receive from it."""

from __future__ import annotations

import functools
import json
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import update

from gpseeker.core.models import (
    EmployerPreview,
    OptionalDisclosure,
    Profile,
    ProfileEnvelope,
    ViewContext,
)
from gpseeker.core.privacy import preview
from gpseeker.server import candidates, idempotency, masking
from gpseeker.server.deps import SeekerDep
from gpseeker.server.errors import ApiError, error_responses
from gpseeker.server.tables import ProfileRow

router = APIRouter(prefix="/api/v1/me", tags=["candidate"])

ETAG_HEADER = {
    "ETag": {
        "description": "The version of the profile; send it back as If-Match.",
        "schema": {"type": "string"},
    }
}
# What an employer the candidate applied to could receive at most.
APPLICATION_PREVIEW_DISCLOSURES: tuple[OptionalDisclosure, ...] = ("phone", "address")


def etag(version: int) -> str:
    return f'"{version}"'


def if_match_allows(header: str, version: int) -> bool:
    tags = [tag.strip() for tag in header.split(",")]
    return "*" in tags or etag(version) in tags


@router.get(
    "/profile",
    responses={200: {"headers": ETAG_HEADER}, **error_responses(401, 403)},
    summary="The whole profile, with its version as ETag",
)
async def get_profile(caller: SeekerDep, response: Response) -> ProfileEnvelope:
    row = await candidates.profile_row(caller.session, caller.user.id)
    response.headers["ETag"] = etag(row.version)
    return ProfileEnvelope(
        profile=Profile.model_validate(row.data), etag=etag(row.version), updated_at=row.updated_at
    )


class KeyedProfileWrite(BaseModel):
    """What makes two keyed profile saves the same request: the profile and the version
    it was typed over. A key sent again with another If-Match is a client bug, and is
    refused like any reused key."""

    if_match: str
    profile: Profile


@router.put(
    "/profile",
    response_model=ProfileEnvelope,
    responses={200: {"headers": ETAG_HEADER}, **error_responses(400, 401, 403, 412, 422, 428)},
    summary="Replace the profile; If-Match must carry the ETag it was read at "
    "(Idempotency-Key honoured: a retry gets the first answer, not its own 412)",
)
async def put_profile(
    body: Profile,
    caller: SeekerDep,
    request: Request,
    if_match: Annotated[
        str | None,
        Header(description="The ETag of the profile this edit started from."),
    ] = None,
    idempotency_key: idempotency.IdempotencyKey = None,
) -> Response:
    if not if_match:
        raise ApiError(
            428,
            "precondition_required",
            "Send If-Match with the ETag you read, so that no other edit is overwritten.",
        )
    session, platform, user_id = caller.session, caller.platform, caller.user.id

    async def save() -> ProfileEnvelope:
        row = await candidates.profile_row(session, user_id)
        current = row.version
        if not if_match_allows(if_match, current):
            raise _stale(current)
        now = platform.settings.now()
        data = body.model_dump(mode="json")
        # Compare-and-swap: another worker may have saved since the read above.
        result = await session.execute(
            update(ProfileRow)
            .where(ProfileRow.user_id == user_id, ProfileRow.version == current)
            .values(data=data, version=current + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            await session.rollback()
            raise _stale(current + 1)
        await candidates.block_current_companies(session, user_id, body)
        visibility = await candidates.visibility_row(session, user_id)
        await candidates.refresh_resume_document(session, platform, user_id, body, visibility)
        return ProfileEnvelope(profile=body, etag=etag(current + 1), updated_at=now)

    # Without a key, the retry of a save whose answer was lost would meet the version
    # its own first try made, and be told (412) that nothing was saved.
    write = KeyedProfileWrite(if_match=if_match, profile=body)
    answer = await idempotency.once(caller, request, idempotency_key, write, 200, save)
    # A replayed answer carries its version too: the ETag the first try answered.
    answer.headers["ETag"] = json.loads(bytes(answer.body))["etag"]
    return answer


def _stale(version: int) -> ApiError:
    return ApiError(
        412,
        "precondition_failed",
        "The profile changed since you read it; nothing was saved. Reload it and retry.",
        headers={"ETag": etag(version)},
    )


@router.get(
    "/employer-view",
    responses=error_responses(401, 403, 422),
    summary="Exactly what an employer receives from the saved profile",
)
async def employer_view(
    caller: SeekerDep,
    context: Annotated[ViewContext, Query(description="search: the resume bank")] = "search",
) -> EmployerPreview:
    row = await candidates.profile_row(caller.session, caller.user.id)
    visibility = candidates.stored_visibility(
        await candidates.visibility_row(caller.session, caller.user.id)
    )
    disclose = APPLICATION_PREVIEW_DISCLOSURES if context == "application" else ()
    return await masking.masked(
        caller.platform,
        functools.partial(
            preview,
            Profile.model_validate(row.data),
            visibility,
            context,
            disclose=disclose,
            today=caller.platform.settings.today(),
        ),
    )
