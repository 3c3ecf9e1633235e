"""FastAPI dependencies: the database session and who is calling."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.server.accounts import user_for_token
from gpseeker.server.errors import forbidden, unauthorized
from gpseeker.server.platform import Platform
from gpseeker.server.tables import Employer, User

bearer = HTTPBearer(auto_error=False, description="The token from signup or login.")


def get_platform(request: Request) -> Platform:
    platform: Platform = request.app.state.platform
    return platform


PlatformDep = Annotated[Platform, Depends(get_platform)]


async def get_session(platform: PlatformDep) -> AsyncIterator[AsyncSession]:
    # An embedded client runs no lifespan; starting here too means a forgotten
    # start() costs one check instead of a crash.
    if not platform.started:
        await platform.start()
    async with platform.sessions() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


@dataclass
class Caller:
    user: User
    token: str
    session: AsyncSession
    platform: Platform


@dataclass
class EmployerCaller(Caller):
    employer: Employer


async def get_caller(
    session: SessionDep, platform: PlatformDep, credentials: Credentials
) -> Caller:
    if credentials is None:
        raise unauthorized()
    user = await user_for_token(session, credentials.credentials)
    if user is None:
        raise unauthorized("This sign-in has ended (signed out or unknown token); sign in again.")
    return Caller(user=user, token=credentials.credentials, session=session, platform=platform)


CallerDep = Annotated[Caller, Depends(get_caller)]


async def get_seeker(caller: CallerDep) -> Caller:
    if caller.user.role != "seeker":
        raise forbidden("job seeker")
    return caller


async def get_employer(caller: CallerDep) -> EmployerCaller:
    if caller.user.role != "employer":
        raise forbidden("employer")
    employer = await caller.session.scalar(
        select(Employer).where(Employer.user_id == caller.user.id)
    )
    if employer is None:
        raise forbidden("employer")
    return EmployerCaller(
        user=caller.user,
        token=caller.token,
        session=caller.session,
        platform=caller.platform,
        employer=employer,
    )


SeekerDep = Annotated[Caller, Depends(get_seeker)]
EmployerDep = Annotated[EmployerCaller, Depends(get_employer)]
