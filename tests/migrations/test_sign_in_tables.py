"""Revision 0006 on each store: the sign-in counts and waiting sign-ups arrive as two
empty tables, and every account made before them signs in as it did, on a platform
that confirms new addresses (no account is asked for a code after the upgrade)."""

from __future__ import annotations

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.db import make_engine
from gpseeker.server.schema import HEAD, downgrade, status_of
from tests.api.conftest import PASSWORD
from tests.migrations.test_schema import tables_in
from tests.migrations.test_upgrade_keeps_data import users_of


async def test_accounts_from_before_0006_sign_in_without_a_code(
    database_url: str, settings: ServerSettings
) -> None:
    async with users_of(create_app(database_url, settings=settings)) as users:
        ana = await users.seeker("Ana Souza", email="ana@example.com")
        hr = await users.employer("Fuji Robotics")
    engine = make_engine(database_url)
    try:
        await downgrade(engine, "0005")
    finally:
        await engine.dispose()
    assert (await status_of(database_url)).revision == "0005"
    assert not {"throttles", "pending_signups"} & await tables_in(database_url)

    assert settings.require_email_verification
    async with users_of(create_app(database_url, settings=settings)) as users:
        assert (await status_of(database_url)).revision == HEAD
        for account in (ana, hr):
            signed_in = await users.client.post(
                "/api/v1/auth/login", json={"email": account.email, "password": PASSWORD}
            )
            assert signed_in.status_code == 200, signed_in.text
            assert signed_in.json()["role"] == account.role
