"""Verifying an employer's organisation in tests that are not about the operator: the
platform's own `organisations.verify`, as `gpseeker operator verify` asks it to.

The operator's routes and commands have tests of their own (tests/api/test_organisations.py,
tests/cli); elsewhere an employer simply needs to be one the platform has checked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from sqlalchemy import select

from gpseeker.core.models import OrganisationVerify
from gpseeker.server import ServerSettings, organisations
from gpseeker.server.platform import Platform
from gpseeker.server.tables import Employer, User


async def verify_organisation_of(
    platform: Platform,
    email: str,
    legal_name: str | None = None,
    also_known_as: Sequence[str] = (),
) -> int:
    """Verify the organisation of the employer account `email`; returns its id."""
    await platform.start()
    async with platform.sessions() as session:
        employer = await session.scalar(
            select(Employer).join(User, User.id == Employer.user_id).where(User.email == email)
        )
        assert employer is not None, f"no employer account {email}"
        request = OrganisationVerify(
            legal_name=legal_name or employer.typed_company_name,
            also_known_as=list(also_known_as),
        )
        await organisations.verify(
            session, platform.settings.now(), employer.organisation_id, request
        )
        await session.commit()
        return employer.organisation_id


def verify_on_database(database_url: str, email: str, legal_name: str | None = None) -> int:
    """`verify_organisation_of` from synchronous code, on a database that a running
    `gpseeker serve` uses (the platform keeps no state in memory, so its workers
    see the change at once)."""

    async def verify() -> int:
        platform = Platform(database_url, ServerSettings())
        try:
            return await verify_organisation_of(platform, email, legal_name)
        finally:
            await platform.aclose()

    return asyncio.run(verify())
