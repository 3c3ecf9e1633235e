"""`gpseeker privacy policy`: the policy's version, date, what changed, its text and
whom to ask about personal information, in labelled lines or JSON, with or without
a sign-in."""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path

import httpx
import pytest

from gpseeker.cli import privacy as privacy_commands
from gpseeker.client import PlatformClient, RetryPolicy
from gpseeker.client.embedded import BASE_URL
from gpseeker.local_platform.in_process import database_url
from gpseeker.server import create_app
from tests.cli.conftest import Gpseeker


def test_the_policy_in_labelled_lines(gpseeker: Gpseeker) -> None:
    result = gpseeker("privacy", "policy")
    assert result.code == 0, result.err
    data = json.loads(gpseeker("privacy", "policy", "--json").out)
    lines = result.out.splitlines()
    assert lines[0] == f"Privacy policy: version {data['version']}"
    assert lines[1] == f"In effect since: {data['effective_date']}"
    assert "What changed in this version:" in lines
    for change in data["changes"]:
        assert f"- {change}" in lines
    assert "Policy:" in lines
    # Every line of the text sits indented under its label: none can pose as a label.
    first = data["text"].splitlines()[0]
    assert f"  {first}" in lines
    contact = data["contact"]
    assert result.out.endswith(
        "Questions about your personal information:\n"
        f"Operator: {contact['operator']}\n"
        f"Address: {contact['address']}\n"
        f"E-mail: {contact['email']}\n"
        f"Hours: {contact['hours']}\n"
    )


def test_the_policy_of_a_remote_platform_needs_no_sign_in(
    gpseeker: Gpseeker, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gpseeker("privacy", "status")  # the platform's database exists
    used: list[str | None] = []

    async def unsigned(args: argparse.Namespace) -> PlatformClient:
        # What public_client builds for a remote platform, over ASGI: no token at all.
        app = create_app(database_url(home / "data"))
        platform = app.state.platform
        await platform.start()
        client = PlatformClient(
            BASE_URL,
            transport=httpx.ASGITransport(app=app),
            retry=RetryPolicy(attempts=1),
            on_close=platform.aclose,
        )
        used.append(args.server)
        return client

    monkeypatch.setattr(privacy_commands, "public_client", unsigned)
    # Nobody is signed in to this server; the command must not ask for a sign-in.
    result = gpseeker("--server", "http://127.0.0.1:9", "privacy", "policy", "--json")
    assert result.code == 0, result.err
    assert used == ["http://127.0.0.1:9"]
    assert json.loads(result.out)["contact"]["email"]


def test_other_commands_still_want_a_sign_in_on_a_remote_platform(gpseeker: Gpseeker) -> None:
    result = gpseeker("--server", "http://127.0.0.1:9", "privacy", "status")
    assert result.code == 1
    assert result.err.startswith("error: not signed in to http://127.0.0.1:9")


def test_the_public_client_of_a_remote_platform_carries_no_token(home: Path) -> None:
    async def build() -> str | None:
        args = argparse.Namespace(server="http://127.0.0.1:9")
        async with await privacy_commands.public_client(args) as client:
            return client._token  # what every request would send as its bearer

    assert asyncio.run(build()) is None
