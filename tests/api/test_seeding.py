"""The demo platform a new user starts on."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select

from gpseeker.server.demo import demo_employers
from gpseeker.server.tables import Employer, JobRow

from .conftest import PASSWORD, PlatformUsers


async def _counts(app: FastAPI) -> tuple[int, int]:
    async with app.state.platform.sessions() as session:
        employers = await session.scalar(select(func.count()).select_from(Employer))
        jobs = await session.scalar(select(func.count()).select_from(JobRow))
    return employers or 0, jobs or 0


async def test_seeding_loads_every_demo_employer_and_job_once(app: FastAPI) -> None:
    expected = demo_employers()
    await app.state.platform.seed_demo()
    counts = await _counts(app)
    assert counts == (len(expected), sum(len(demo.jobs) for demo in expected))
    await app.state.platform.seed_demo()
    assert await _counts(app) == counts


async def test_seeding_leaves_a_platform_with_employers_alone(
    app: FastAPI, users: PlatformUsers
) -> None:
    await users.employer()
    await app.state.platform.seed_demo()
    assert await _counts(app) == (1, 0)


async def test_nobody_can_sign_in_to_a_demo_employer(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    await app.state.platform.seed_demo()
    demo = demo_employers()[0]
    for password in (PASSWORD, "!unusable:"):
        response = await client.post(
            "/api/v1/auth/login", json={"email": demo.email, "password": password}
        )
        assert response.status_code == 401
