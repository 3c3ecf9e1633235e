"""The platform's other sides in this process: the operator and employers, on the local
demo platform's own database.

Operator and employer commands insist on a remote platform (`--server URL`). Here the
client classes those commands build are swapped for ones that reach the same app over
ASGI, so the commands' own code runs whole (sign-in, the saved token, every request)
without a server process; tests/e2e runs them against a real one.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from gpseeker.cli import account, context
from gpseeker.cli import employer as employer_commands
from gpseeker.cli import operator as operator_commands
from gpseeker.client import EmployerClient, OperatorClient, RetryPolicy
from gpseeker.client.base import ApiClient
from gpseeker.client.embedded import BASE_URL
from gpseeker.local_platform.in_process import database_url
from gpseeker.server import ServerSettings, create_app
from gpseeker.server.operators import OperatorExists, add_operator

C = TypeVar("C", bound=ApiClient)
T = TypeVar("T")

SERVER = "http://platform.test"
"""What the commands are told with --server; the requests never leave the process."""
PASSWORD = "correct horse battery staple"
"""Every in-process account's password (GPSEEKER_PASSWORD while commands run)."""
OPERATOR_EMAIL = "ops@platform.example"


def platform_settings(home: Path) -> ServerSettings:
    """The in-process platform's settings: as `gpseeker serve`'s, sign-up codes mailed
    into a Maildir (`mail_dir(home)`), where a test reads them as their owner would;
    cheap password hashing, which is not what these tests are about."""
    return ServerSettings(
        password_time_cost=1, password_memory_cost_kib=1024, mail_dir=mail_dir(home)
    )


def mail_dir(home: Path) -> Path:
    return home / "mail"


def in_process(kind: type[C], home: Path) -> type[C]:
    """`kind`, talking to the local platform in `home` over ASGI whatever URL it is given."""

    class InProcess(kind):  # type: ignore[valid-type,misc]
        def __init__(self, base_url: str, token: str | None = None, **options: Any) -> None:
            app = create_app(database_url(home / "data"), settings=platform_settings(home))
            self._platform = app.state.platform
            options.setdefault("transport", httpx.ASGITransport(app=app))
            options.setdefault("retry", RetryPolicy(attempts=1))
            super().__init__(base_url, token, on_close=self._platform.aclose, **options)

        async def _send(self, *args: Any, **kwargs: Any) -> Any:
            await self._platform.start()  # once; later calls return at once
            return await super()._send(*args, **kwargs)

    InProcess.__name__ = kind.__name__
    return InProcess


def serve_in_process(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Route every operator and employer command of this test to the local platform."""
    operator = in_process(OperatorClient, home)
    employer = in_process(EmployerClient, home)
    for module in (context, account, operator_commands):
        monkeypatch.setattr(module, "OperatorClient", operator, raising=False)
    for module in (context, account, employer_commands):
        monkeypatch.setattr(module, "EmployerClient", employer, raising=False)
    monkeypatch.setenv("GPSEEKER_PASSWORD", PASSWORD)


# --- straight through the clients, for a test's setting up ------------------------------


def on_platform(home: Path, act: Callable[[dict[str, Any]], Awaitable[T]]) -> T:
    """Run `act` with client options that reach the local platform in `home`."""

    async def run() -> T:
        app = create_app(database_url(home / "data"), settings=platform_settings(home))
        platform = app.state.platform
        await platform.start()
        await platform.seed_demo()
        try:
            return await act(
                {"transport": httpx.ASGITransport(app=app), "retry": RetryPolicy(attempts=1)}
            )
        finally:
            await platform.aclose()

    return asyncio.run(run())


async def ensure_operator(home: Path) -> None:
    with contextlib.suppress(OperatorExists):
        await add_operator(database_url(home / "data"), OPERATOR_EMAIL, PASSWORD)


async def verify_own_organisation(
    home: Path, employer: EmployerClient, options: dict[str, Any]
) -> None:
    """The operator verifies `employer`'s organisation under the name it signed up with,
    with its e-mail domain, as a real operator would after checking it."""
    organisation = await employer.organisation()
    if organisation.status == "verified":
        return
    assert employer.session is not None
    domain = employer.session.email.rsplit("@", 1)[-1]
    await ensure_operator(home)
    async with await OperatorClient.login(BASE_URL, OPERATOR_EMAIL, PASSWORD, **options) as ops:
        await ops.verify(organisation.id, organisation.legal_name, domains=[domain])
