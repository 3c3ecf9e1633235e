"""Demo employers invite the local candidate through the ordinary employer API.

The local platform itself does it (`gpseeker.local_platform.demo`), a moment after the
candidate's resume turns SEARCHABLE, however it was turned: the candidate's client
only saves the visibility, as it would on any platform.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from gpseeker.client import AuthError, EmployerClient, PlatformClient
from gpseeker.core.models import Visibility
from gpseeker.local.config import TokenStore
from gpseeker.local_platform import demo
from gpseeker.local_platform.demo import DemoEmployers, send_demo_invitations
from gpseeker.local_platform.in_process import open_local_platform
from gpseeker.local_platform.server_side import open_server_side
from gpseeker.local_platform.session import local_client, sign_in
from gpseeker.server import ServerSettings, create_app

FAST = ServerSettings(password_time_cost=1, password_memory_cost_kib=1024)


@pytest.fixture(autouse=True)
def short_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "DEMO_DELAY", 0.01)


@pytest.fixture
async def local(tmp_path: Path) -> AsyncIterator[tuple[PlatformClient, DemoEmployers]]:
    """The candidate's client of the local platform, and the platform's demo employers."""
    home = tmp_path / "data"
    home.mkdir(mode=0o700)
    platform = await open_server_side(home, FAST)
    assert isinstance(platform.app, DemoEmployers)
    client = local_client(httpx.ASGITransport(app=platform.app), on_close=platform.aclose)
    await sign_in(client, home, TokenStore(tmp_path / "config" / "tokens.json"))
    async with client:
        yield client, platform.app


async def make_searchable(client: PlatformClient, skills: list[str]) -> None:
    envelope = await client.get_profile()
    profile = envelope.profile.model_copy(
        update={"headline": "Backend developer", "skills": skills}
    )
    await client.put_profile(profile, envelope.etag)
    await client.set_visibility(Visibility(resume="searchable"))


async def test_turning_searchable_brings_invitations_from_matching_demo_employers_once(
    local: tuple[PlatformClient, DemoEmployers], tmp_path: Path
) -> None:
    client, employers = local
    home = tmp_path / "data"
    await client.set_visibility(Visibility(resume="locked"))
    await employers.wait()
    assert await client.invitations() == []  # locked: nobody can find it
    await make_searchable(client, ["Python", "FastAPI", "PostgreSQL"])
    await employers.wait()
    inbox = await client.invitations()
    assert 1 <= len(inbox) <= 2
    for invitation in inbox:
        assert invitation.job_id is not None and invitation.warnings == []
        job = await client.get_job(invitation.job_id)
        assert job.company_name == invitation.employer_name
    assert await client.unread_count() == len(inbox)
    # Turning it again, or the employers looking again, sends nothing new.
    await client.set_visibility(Visibility(resume="searchable"))
    await employers.wait()
    assert await send_demo_invitations(home, httpx.ASGITransport(app=employers.app)) == []
    assert len(await client.invitations()) == len(inbox)
    passwords = home / "demo-employers.json"
    assert stat.S_IMODE(passwords.stat().st_mode) == 0o600


async def test_a_profile_matching_no_demo_job_gets_nothing(
    local: tuple[PlatformClient, DemoEmployers],
) -> None:
    client, employers = local
    await make_searchable(client, ["Underwater basket weaving"])
    await employers.wait()
    assert await client.invitations() == []


async def test_a_served_platform_sends_no_demo_invitations(tmp_path: Path) -> None:
    """`gpseeker serve --seed-demo` has the demo employers, but they never act."""
    settings = dataclasses.replace(FAST, require_email_verification=False)
    app = create_app(f"sqlite+aiosqlite:///{tmp_path / 'served.sqlite3'}", settings=settings)
    await app.state.platform.seed_demo()
    try:
        transport = httpx.ASGITransport(app=app)
        async with await PlatformClient.signup(
            "http://served.test", "me@example.com", "a long enough password", "Me",
            transport=transport,
        ) as client:  # fmt: skip
            await make_searchable(client, ["Python", "FastAPI", "PostgreSQL"])
            await asyncio.sleep(0.2)
            assert await client.invitations() == []
    finally:
        await app.state.platform.aclose()


async def embedded(tmp_path: Path) -> PlatformClient:
    tokens = TokenStore(tmp_path / "config" / "tokens.json")
    return await open_local_platform(tmp_path / "data", tokens=tokens, server_settings=FAST)


async def test_a_served_platform_keeps_demo_employers_impossible_to_sign_in(
    tmp_path: Path,
) -> None:
    # First the embedded platform writes its demo passwords...
    async with await embedded(tmp_path):
        pass
    email, password = next(
        iter(json.loads((tmp_path / "data" / "demo-employers.json").read_text()).items())
    )
    # ...while a platform seeded without the setting (`gpseeker serve --seed-demo`)
    # gives the same demo accounts no usable password.
    app = create_app(f"sqlite+aiosqlite:///{tmp_path / 'served.sqlite3'}", settings=FAST)
    await app.state.platform.seed_demo()
    try:
        with pytest.raises(AuthError):
            await EmployerClient.login(
                "http://served.test", email, password, transport=httpx.ASGITransport(app=app)
            )
    finally:
        await app.state.platform.aclose()
