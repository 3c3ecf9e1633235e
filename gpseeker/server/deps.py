"""FastAPI dependencies: the database session and who is calling."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.server import organisations
from gpseeker.server.accounts import employer_for_token, user_for_token
from gpseeker.server.db_faults import first_line, lost_connection
from gpseeker.server.errors import ApiError, forbidden, unauthorized
from gpseeker.server.platform import Platform
from gpseeker.server.tables import Employer, OrganisationRow, User

log = logging.getLogger(__name__)
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
    session = platform.sessions()
    try:
        yield session
    finally:
        await close_session(session)


async def close_session(session: AsyncSession) -> None:
    """Close the session, also when its connection broke under it.

    This runs after the answer went out; the rollback of a connection the database
    has ended fails, and raising it would drop the client's connection after a
    complete answer ("Exception in ASGI application"). The pool discards the
    connection instead, and the next request pings its way to a fresh one.
    """
    try:
        await session.close()
    except DBAPIError as error:
        if not lost_connection(error):
            raise
        log.warning("discarded a database connection that had ended: %s", first_line(error))
        await session.invalidate()


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
    organisation: OrganisationRow


def _token(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None:
        raise unauthorized()
    return credentials.credentials


def _signed_out() -> ApiError:
    return unauthorized("This sign-in has ended (signed out or unknown token); sign in again.")


async def get_caller(
    session: SessionDep, platform: PlatformDep, credentials: Credentials
) -> Caller:
    token = _token(credentials)
    user = await user_for_token(session, token)
    if user is None:
        raise _signed_out()
    return Caller(user=user, token=token, session=session, platform=platform)


CallerDep = Annotated[Caller, Depends(get_caller)]


async def get_seeker(caller: CallerDep) -> Caller:
    if caller.user.role != "seeker":
        raise forbidden("job seeker")
    return caller


async def get_employer(
    session: SessionDep, platform: PlatformDep, credentials: Credentials
) -> EmployerCaller:
    # Not on top of get_caller: every employer route would then send a second
    # statement for the employer row that the sign-in query can join in.
    token = _token(credentials)
    found = await employer_for_token(session, token)
    if found is None:
        raise _signed_out()
    user, employer, organisation = found
    if user.role != "employer" or employer is None or organisation is None:
        raise forbidden("employer")
    return EmployerCaller(
        user=user,
        token=token,
        session=session,
        platform=platform,
        employer=employer,
        organisation=organisation,
    )


EmployerDep = Annotated[EmployerCaller, Depends(get_employer)]


async def get_verified_employer(caller: EmployerDep) -> EmployerCaller:
    """An employer that may reach candidates: an approved account of a verified
    organisation. Anyone else gets a 403 that says which step is missing."""
    refusal = organisations.refused(caller.organisation, caller.employer)
    if refusal is not None:
        raise refusal
    return caller


async def get_operator(caller: CallerDep) -> Caller:
    if caller.user.role != "operator":
        raise forbidden("platform operator")
    return caller


SeekerDep = Annotated[Caller, Depends(get_seeker)]
VerifiedEmployerDep = Annotated[EmployerCaller, Depends(get_verified_employer)]
OperatorDep = Annotated[Caller, Depends(get_operator)]
