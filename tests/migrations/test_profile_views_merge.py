"""Revision 0005 on each store: the profile views a platform logged one row per open
become one row per employer account, candidate and day (Japan's), with the count, the
first and the last time; and the merged rows go on counting new opens."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, func, select, text

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.db import UTCDateTime, make_engine
from gpseeker.server.schema import downgrade, upgrade
from gpseeker.server.tables import ProfileView
from tests.api.conftest import Clock
from tests.migrations.test_upgrade_keeps_data import users_of


def utc(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 4, 1, hour, minute, tzinfo=dt.UTC)


async def test_revision_0005_merges_the_views_logged_before_it(
    database_url: str, settings: ServerSettings, clock: Clock
) -> None:
    async with users_of(create_app(database_url, settings=settings)) as users:
        fuji = await users.employer("Fuji Robotics")
        momiji = await users.employer("Momiji Labs")
        ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
        fuji_ref = await users.ref_of(fuji, "haskell")
        await users.ref_of(momiji, "haskell")
        opened = await users.client.get(
            f"/api/v1/employer/resume-bank/{fuji_ref}", headers=fuji.auth
        )
        assert opened.status_code == 200, opened.text  # at 03:00 UTC, noon in Tokyo

    engine = make_engine(database_url)
    try:
        await downgrade(engine, "0004")
        async with engine.begin() as connection:
            ids = {
                email: employer_id
                for email, employer_id in await connection.execute(
                    text("SELECT u.email, e.id FROM users u JOIN employers e ON e.user_id = u.id")
                )
            }
            candidate = await connection.scalar(
                text("SELECT id FROM users WHERE email = :email"), {"email": ana.email}
            )
            # As 0004 logged them: a row per open. 14:59 UTC is 23:59 in Tokyo, 15:00
            # is the next day there.
            opens = [
                (fuji, utc(3, 10)),
                (fuji, utc(14, 59)),
                (fuji, utc(15, 0)),
                (fuji, utc(20, 0)),
                (momiji, utc(5, 0)),
            ]
            await connection.execute(
                text(
                    "INSERT INTO profile_views (candidate_id, employer_id, context, at) "
                    "VALUES (:candidate, :employer, 'search', :at)"
                ).bindparams(bindparam("at", type_=UTCDateTime())),
                [
                    {"candidate": candidate, "employer": ids[who.email], "at": at}
                    for who, at in opens
                ],
            )
    finally:
        await engine.dispose()

    await upgrade(database_url)

    async with users_of(create_app(database_url, settings=settings)) as users:
        response = await users.client.get("/api/v1/me/profile-views", headers=ana.auth)
        assert response.status_code == 200, response.text
        seen = [
            (v["employer_name"], v["day"], v["count"], v["first_at"], v["at"])
            for v in response.json()
        ]
        assert seen == [
            ("Fuji Robotics", "2025-04-02", 2, "2025-04-01T15:00:00Z", "2025-04-01T20:00:00Z"),
            ("Fuji Robotics", "2025-04-01", 3, "2025-04-01T03:00:00Z", "2025-04-01T14:59:00Z"),
            ("Momiji Labs", "2025-04-01", 1, "2025-04-01T05:00:00Z", "2025-04-01T05:00:00Z"),
        ]
        assert users.platform is not None
        async with users.platform.sessions() as session:
            assert await session.scalar(select(func.count()).select_from(ProfileView)) == 3

        # A new open on a merged day adds to its row (the unique index is in place).
        clock.now = utc(16, 0)  # 2025-04-02 01:00 in Tokyo
        opened = await users.client.get(
            f"/api/v1/employer/resume-bank/{fuji_ref}", headers=fuji.auth
        )
        assert opened.status_code == 200, opened.text
        newest = (await users.client.get("/api/v1/me/profile-views", headers=ana.auth)).json()[0]
        assert (newest["day"], newest["count"], newest["at"]) == (
            "2025-04-02",
            3,
            "2025-04-01T20:00:00Z",
        )
