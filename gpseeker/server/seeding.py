"""Loading the demo employers and their jobs into a fresh platform."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from gpseeker.server.accounts import NewAccount, create_account, normalize_email
from gpseeker.server.demo import demo_employers
from gpseeker.server.errors import ApiError
from gpseeker.server.jobs import job_row
from gpseeker.server.tables import Employer

if TYPE_CHECKING:
    from gpseeker.server.platform import Platform


async def seed_demo(platform: Platform) -> bool:
    """Add the demo employers and jobs unless the platform has employers already.

    Demo accounts get a password hash no password matches: they exist to be found,
    not to be signed in to. Returns whether anything was added.
    """
    now = platform.settings.now()
    async with platform.sessions() as session:
        if await session.scalar(select(Employer.id).limit(1)) is not None:
            return False
        try:
            for demo in demo_employers(platform.settings.today()):
                user = await create_account(
                    session,
                    platform,
                    NewAccount(
                        email=normalize_email(demo.email),
                        role="employer",
                        display_name=demo.company_name,
                        password_hash=platform.passwords.unusable(),
                        company_name=demo.company_name,
                        about=demo.about,
                    ),
                )
                employer_id = await session.scalar(
                    select(Employer.id).where(Employer.user_id == user.id)
                )
                assert employer_id is not None
                for draft, days_ago in demo.jobs:
                    session.add(job_row(employer_id, draft, now - dt.timedelta(days=days_ago)))
        except ApiError:
            # Another worker seeded the same accounts first; theirs stand.
            await session.rollback()
            return False
        await session.commit()
        return True
