"""Demo employers invite the local candidate through the ordinary employer API."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import httpx
import pytest

from gpseeker.client import AuthError, EmployerClient, PlatformClient
from gpseeker.config import TokenStore
from gpseeker.local_platform import open_local_platform
from gpseeker.models import Visibility
from gpseeker.server import ServerSettings, create_app

FAST = ServerSettings(password_time_cost=1, password_memory_cost_kib=1024)


async def embedded(tmp_path: Path) -> PlatformClient:
    tokens = TokenStore(tmp_path / "config" / "tokens.json")
    return await open_local_platform(tmp_path / "data", tokens=tokens, server_settings=FAST)


async def make_searchable(client: PlatformClient, skills: list[str]) -> None:
    envelope = await client.get_profile()
    profile = envelope.profile.model_copy(
        update={"headline": "Backend developer", "skills": skills}
    )
    await client.put_profile(profile, envelope.etag)
    await client.set_visibility(Visibility(resume="searchable"))


async def test_matching_demo_employers_invite_once(tmp_path: Path) -> None:
    async with await embedded(tmp_path) as client:
        assert await client.demo_invitations() == []  # locked: nobody can find it
        await make_searchable(client, ["Python", "FastAPI", "PostgreSQL"])
        sent = await client.demo_invitations()
        assert 1 <= len(sent) <= 2
        inbox = await client.invitations()
        assert {i.subject for i in inbox} == {s.subject for s in sent}
        for invitation in inbox:
            assert invitation.job_id is not None and invitation.warnings == []
            job = await client.get_job(invitation.job_id)
            assert job.company_name == invitation.employer_name
        assert await client.unread_count() == len(sent)
        assert await client.demo_invitations() == []  # a second call sends none
        assert len(await client.invitations()) == len(sent)
    passwords = tmp_path / "data" / "demo-employers.json"
    assert stat.S_IMODE(passwords.stat().st_mode) == 0o600


async def test_a_profile_matching_no_demo_job_gets_nothing(tmp_path: Path) -> None:
    async with await embedded(tmp_path) as client:
        await make_searchable(client, ["Underwater basket weaving"])
        assert await client.demo_invitations() == []


async def test_a_remote_platform_sends_no_demo_invitations() -> None:
    async with PlatformClient("http://127.0.0.1:9", "token") as client:
        assert await client.demo_invitations() == []


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
