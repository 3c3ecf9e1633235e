"""Signing up: the request, the mailed code that makes the account, a new code.

Every answer here is the same whether or not the address has an account
(`gpseeker.server.signups` says how); only the mailbox's owner learns which it was.
"""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request

from gpseeker.core.models import Session, SignupCode, SignupCodeResend, SignupRequest, SignupStarted
from gpseeker.server import accounts, signups
from gpseeker.server.deps import PlatformDep, SessionDep
from gpseeker.server.errors import error_responses
from gpseeker.server.mail.account_mail import send_signup_mail
from gpseeker.server.routes.auth import session_of
from gpseeker.server.sign_in_guard import SignInGuard, client_address

router = APIRouter(prefix="/api/v1", tags=["accounts"])


@router.post(
    "/auth/signup",
    status_code=202,
    responses=error_responses(400, 422, 429, 503),
    summary="Ask for an account: a code is mailed to the address",
    description="Answers 202 with the same body whether or not the address has an "
    "account. A new address is mailed a code (POST /auth/signup/verify makes the "
    "account); an address with an account is mailed a note instead. With "
    "`code_required` false (a platform that does not confirm addresses) the account "
    "is made at once if the address is free: sign in with the password.",
)
async def signup(
    body: SignupRequest,
    request: Request,
    session: SessionDep,
    platform: PlatformDep,
    background: BackgroundTasks,
) -> SignupStarted:
    mail = await signups.start(session, platform, body, client_address(request))
    if mail is not None:
        # After the answer has gone: a mail server's pace never shows in its timing.
        background.add_task(send_signup_mail, platform.settings, mail)
    return signups.started(platform.settings, accounts.normalize_email(str(body.email)))


@router.post(
    "/auth/signup/verify",
    status_code=201,
    responses=error_responses(400, 422, 429),
    summary="Finish a sign-up with the mailed code: the account is made and signed in",
    description="400 `code_wrong` (with the tries left) or `code_expired` (expired, "
    "used, tried too often, or never sent): ask for a new code. Wrong codes count "
    "against the client address like wrong passwords (429 with Retry-After).",
)
async def verify(
    body: SignupCode, request: Request, session: SessionDep, platform: PlatformDep
) -> Session:
    email = accounts.normalize_email(str(body.email))
    guard = SignInGuard.of(platform, request, email)
    user = await signups.confirm(session, platform, email, body.code, guard)
    token = await accounts.issue_token(session, platform, user)
    await session.commit()
    return session_of(token, user)


@router.post(
    "/auth/signup/resend",
    status_code=202,
    responses=error_responses(400, 422, 429, 503),
    summary="Mail a new code for a waiting sign-up",
    description="The same 202 whatever the address: a waiting sign-up for a new "
    "address gets a new code (the earlier one stops working), one for a taken address "
    "the note again, and an address with no waiting sign-up nothing.",
)
async def resend(
    body: SignupCodeResend,
    session: SessionDep,
    platform: PlatformDep,
    background: BackgroundTasks,
) -> SignupStarted:
    email = accounts.normalize_email(str(body.email))
    mail = await signups.resend(session, platform, email)
    if mail is not None:
        background.add_task(send_signup_mail, platform.settings, mail)
    return signups.resent(platform.settings, email)
