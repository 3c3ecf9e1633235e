"""Signing in and out, and who the caller is (signing up: `routes/signup.py`)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from sqlalchemy import select

from gpseeker.core.models import Account, LoginRequest, Role, Session
from gpseeker.server import accounts
from gpseeker.server.deps import CallerDep, PlatformDep, SessionDep
from gpseeker.server.errors import error_responses
from gpseeker.server.hashing import HashingBusy
from gpseeker.server.sign_in_guard import SignInGuard, invalid_credentials
from gpseeker.server.tables import User

router = APIRouter(prefix="/api/v1", tags=["accounts"])


def role_of(user: User) -> Role:
    roles: tuple[Role, ...] = ("seeker", "employer", "operator")
    return next((role for role in roles if role == user.role), "seeker")


def session_of(token: str, user: User) -> Session:
    return Session(
        token=token, role=role_of(user), email=user.email, display_name=user.display_name
    )


@router.post(
    "/auth/login",
    responses=error_responses(400, 401, 422, 429, 503),
    summary="Sign in",
    description="401 for a wrong password and an unknown address alike. After several "
    "wrong tries for one address (or from one client) each next try waits, longer "
    "each time: a try made too early is 429 with Retry-After. 503 busy (Retry-After) "
    "when this worker has too many passwords to check already.",
)
async def login(
    body: LoginRequest, request: Request, session: SessionDep, platform: PlatformDep
) -> Session:
    email = accounts.normalize_email(str(body.email))
    guard = SignInGuard.of(platform, request, email)
    await guard.check(session)
    user = await session.scalar(select(User).where(User.email == email))
    attempt = await guard.attempt(session)
    try:
        # An unknown account is checked against a decoy hash: same time, same answer.
        verified = await platform.passwords.verify(
            user.password_hash if user else None,
            body.password,
            client=guard.client,
            standing=attempt.standing,
        )
    except HashingBusy:
        await guard.cancel(session, attempt)
        raise
    if user is None or not verified:
        await guard.prune_now_and_then(session)
        await session.commit()
        raise invalid_credentials(attempt.wait_seconds())
    await guard.succeeded(session, attempt)
    token = await accounts.issue_token(session, platform, user)
    await session.commit()
    return session_of(token, user)


@router.post(
    "/auth/logout",
    status_code=204,
    responses=error_responses(401),
    summary="Sign out: the token stops working at once",
)
async def logout(caller: CallerDep) -> Response:
    await accounts.revoke_token(caller.session, caller.token)
    await caller.session.commit()
    return Response(status_code=204)


@router.get("/me", responses=error_responses(401), summary="The signed-in account")
async def me(caller: CallerDep) -> Account:
    return Account(
        email=caller.user.email, role=role_of(caller.user), display_name=caller.user.display_name
    )
