"""Signing up, in and out, and who the caller is."""

from __future__ import annotations

from fastapi import APIRouter, Response
from sqlalchemy import select

from gpseeker.models import Account, LoginRequest, Role, Session, SignupRequest
from gpseeker.server import accounts
from gpseeker.server.deps import CallerDep, PlatformDep, SessionDep
from gpseeker.server.errors import ApiError, error_responses
from gpseeker.server.tables import User

router = APIRouter(prefix="/api/v1", tags=["accounts"])


def invalid_credentials() -> ApiError:
    # One answer for both causes, so the form cannot tell who has an account.
    return ApiError(401, "invalid_credentials", "The e-mail address or password is wrong.")


def role_of(user: User) -> Role:
    roles: tuple[Role, ...] = ("seeker", "employer", "operator")
    return next((role for role in roles if role == user.role), "seeker")


def _session(token: str, user: User) -> Session:
    return Session(
        token=token, role=role_of(user), email=user.email, display_name=user.display_name
    )


@router.post(
    "/auth/signup",
    status_code=201,
    responses=error_responses(400, 409, 422),
    summary="Create an account and sign in",
)
async def signup(body: SignupRequest, session: SessionDep, platform: PlatformDep) -> Session:
    user = await accounts.signup(session, platform, body)
    token = await accounts.issue_token(session, platform, user)
    await session.commit()
    return _session(token, user)


@router.post("/auth/login", responses=error_responses(400, 401, 422), summary="Sign in")
async def login(body: LoginRequest, session: SessionDep, platform: PlatformDep) -> Session:
    user = await session.scalar(
        select(User).where(User.email == accounts.normalize_email(str(body.email)))
    )
    # An unknown account is checked against a decoy hash: same time, same answer.
    verified = await platform.passwords.verify(user.password_hash if user else None, body.password)
    if user is None or not verified:
        raise invalid_credentials()
    token = await accounts.issue_token(session, platform, user)
    await session.commit()
    return _session(token, user)


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
