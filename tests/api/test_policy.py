"""GET /policy: the privacy policy, readable without signing in."""

from __future__ import annotations

import dataclasses

import httpx
import pytest

from gpseeker.core.models import PrivacyPolicy
from gpseeker.server import ServerSettings, policy


async def test_anyone_reads_the_policy(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/policy")
    assert response.status_code == 200, response.text
    read = PrivacyPolicy.model_validate(response.json())
    assert read.version == policy.VERSION
    assert read.changes
    # The promises, in words.
    for words in (
        "masked",
        "only when you apply",
        "logged",
        "export",
        "delete your account",
        "opt-in",
        "one-click unsubscribe",
    ):
        assert words in read.text.replace("\n   ", " "), words


async def test_the_contact_comes_from_the_settings(settings: ServerSettings) -> None:
    configured = dataclasses.replace(
        settings,
        policy_operator="Example K.K.",
        policy_address="1-1 Chiyoda, Tokyo",
        policy_email="privacy@example.jp",
        policy_hours="Mon-Fri 9:00-18:00 JST",
    )
    contact = policy.current_policy(configured).contact
    assert (contact.operator, contact.address, contact.email, contact.hours) == (
        "Example K.K.",
        "1-1 Chiyoda, Tokyo",
        "privacy@example.jp",
        "Mon-Fri 9:00-18:00 JST",
    )


async def test_a_new_version_is_served_at_once(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(policy, "VERSION", "2099-01-01")
    response = await client.get("/api/v1/policy")
    assert response.json()["version"] == "2099-01-01"
