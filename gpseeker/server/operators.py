"""The platform's operators: accounts that verify, merge and suspend employer
organisations and work through candidates' reports.

No request ever creates one (signup offers "seeker" and "employer" only): the first
operator is added on the database itself, by whoever runs the platform
(`gpseeker operator add EMAIL --db URL`), and signs in like anyone else.
"""

from __future__ import annotations

from sqlalchemy import select

from gpseeker.server.accounts import NewAccount, create_account, normalize_email
from gpseeker.server.errors import ApiError
from gpseeker.server.platform import Platform
from gpseeker.server.settings import ServerSettings
from gpseeker.server.tables import User


class OperatorExists(Exception):
    """The e-mail address already has an account (of any role)."""


async def add_operator(
    database_url: str, email: str, password: str, settings: ServerSettings | None = None
) -> None:
    """Create an operator account on the database (bringing its schema to head if it
    is empty or older, as `gpseeker db upgrade` would)."""
    platform = Platform(database_url, settings)
    try:
        await platform.start()
        address = normalize_email(email)
        async with platform.sessions() as session:
            if await session.scalar(select(User.id).where(User.email == address)) is not None:
                raise OperatorExists(f"{address} already has an account on this platform")
            try:
                await create_account(
                    session,
                    platform,
                    NewAccount(
                        email=address,
                        role="operator",
                        display_name=address,
                        password_hash=await platform.passwords.hash(password),
                    ),
                )
            except ApiError as error:
                raise OperatorExists(error.message) from None
            await session.commit()
    finally:
        await platform.aclose()
