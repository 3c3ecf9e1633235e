"""JobMail and newsletters: consent, and the one-click unsubscribe link of every mail."""

from __future__ import annotations

import html
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from gpseeker.core.models import Subscriptions, SubscriptionsUpdate, UnsubscribeResult
from gpseeker.server import subscriptions
from gpseeker.server.bodies import strictly
from gpseeker.server.deps import PlatformDep, SeekerDep, SessionDep
from gpseeker.server.errors import ApiError, error_responses

router = APIRouter(prefix="/api/v1", tags=["mail"])

# Any string: a malformed token (too long, say) must answer exactly like a forged
# one (404), not with a 422 that tells the two apart; the length check is ours.
Token = Annotated[str, Path(description="the token from the mail's link")]


def _no_such_link() -> ApiError:
    return ApiError(
        404,
        "not_found",
        "This unsubscribe link is not valid (it may have been used already, or be "
        "too old). "
        "You can change your mail at any time in gpseeker.",
    )


@router.get(
    "/me/subscriptions",
    responses=error_responses(401, 403),
    summary="JobMail (with its frequency) and newsletters, with the consent behind each",
)
async def get_subscriptions(caller: SeekerDep) -> Subscriptions:
    return await subscriptions.subscriptions_of(caller.session, caller.user)


@router.put(
    "/me/subscriptions",
    responses=error_responses(400, 401, 403, 422),
    summary="Turn lists on or off; only the fields given change, consent is recorded",
)
async def put_subscriptions(
    body: SubscriptionsUpdate, caller: SeekerDep, request: Request
) -> Subscriptions:
    body = await strictly(request, SubscriptionsUpdate)  # `0` is not "no": see bodies.py
    return await subscriptions.update_subscriptions(
        caller.session, caller.user, body, caller.platform.settings.now()
    )


@router.post(
    "/unsubscribe/{token}",
    responses=error_responses(404),
    summary="One-click unsubscribe (RFC 8058): the link's one address leaves its one list",
)
async def unsubscribe(
    token: Token, session: SessionDep, platform: PlatformDep
) -> UnsubscribeResult:
    # The body (`List-Unsubscribe=One-Click`, form encoded, or nothing) carries no
    # information: the token says who and which list, so the body is not read.
    settings = platform.settings
    result = await subscriptions.use_unsubscribe_token(
        session, token, settings.now(), subscriptions.unsubscribe_links_since(settings)
    )
    if result is None:
        raise _no_such_link()
    return result


@router.get(
    "/unsubscribe/{token}",
    response_class=HTMLResponse,
    # The error stays JSON like every other: said so, or the schema would claim HTML.
    responses={
        404: {
            "description": "Not Found",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
        }
    },
    summary="The confirmation page for a person who opens the link: asks, changes nothing",
)
async def confirm_unsubscribe(
    token: Token, session: SessionDep, platform: PlatformDep
) -> HTMLResponse:
    # A GET never unsubscribes: mail scanners and link previews fetch links on their
    # own. The person confirms with one button, which POSTs to the same address.
    found = await subscriptions.peek_unsubscribe_token(
        session, token, subscriptions.unsubscribe_links_since(platform.settings)
    )
    if found is None:
        raise _no_such_link()
    mail_list, email = found
    name = "JobMail" if mail_list == "jobmail" else "newsletters"
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8>"
        f"<title>Unsubscribe from gpseeker {name}</title>"
        f"<p>Are you sure you want to unsubscribe {html.escape(email)} from {name}?</p>"
        "<form method=post><input type=hidden name=List-Unsubscribe value=One-Click>"
        "<button type=submit>Unsubscribe</button></form></html>"
    )
    return HTMLResponse(page)
