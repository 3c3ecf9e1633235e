"""A save whose first try was stored but whose answer was lost is reported as saved.

The client against the real server app in process; the transport lets each request
reach the platform and then loses the answer, as a timeout or a dropped connection
does. What a caller notices: "saved" (never a 412 from its own write), one new
version (never two), and, when no answer came at all, an error that says the outcome
is unknown rather than "not saved".
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from gpseeker.client import PlatformClient, RetryPolicy, Unavailable
from gpseeker.client.profile_saves import ProfileSaves, Stale, failed_save_words
from gpseeker.core.models import Profile, Visibility
from gpseeker.server import ServerSettings, create_app
from tests.lost_answers import LosesAnswers

BASE = "http://platform.test"
PASSWORD = "correct horse battery staple"
FAST = ServerSettings(
    password_time_cost=1, password_memory_cost_kib=1024, require_email_verification=False
)
NO_WAIT = RetryPolicy(attempts=3, base_delay=0)


@pytest.fixture
async def app(tmp_path: Path) -> AsyncIterator[FastAPI]:
    app = create_app(f"sqlite+aiosqlite:///{tmp_path / 'platform.sqlite3'}", settings=FAST)
    await app.state.platform.start()
    yield app
    await app.state.platform.aclose()


@pytest.fixture
async def token(app: FastAPI) -> str:
    transport = httpx.ASGITransport(app=app)
    async with await PlatformClient.signup(
        BASE, "mika@example.com", PASSWORD, "Mika Tanaka", transport=transport
    ) as client:
        assert client.token is not None
        return client.token


def client_over(app: FastAPI, token: str, transport: LosesAnswers) -> PlatformClient:
    return PlatformClient(BASE, token, transport=transport, retry=NO_WAIT)


def version(etag: str) -> int:
    return int(etag.strip('"'))


async def read(app: FastAPI, token: str) -> tuple[Profile, str]:
    async with PlatformClient(BASE, token, transport=httpx.ASGITransport(app=app)) as client:
        envelope = await client.get_profile()
    return envelope.profile, envelope.etag


@pytest.mark.parametrize("lost_by", [httpx.ReadTimeout, httpx.RemoteProtocolError])
async def test_a_retried_save_whose_first_try_was_stored_is_reported_saved(
    app: FastAPI, token: str, lost_by: type[httpx.TransportError]
) -> None:
    profile, etag = await read(app, token)
    wanted = profile.model_copy(update={"headline": "Stored on the first try"})
    lossy = LosesAnswers(httpx.ASGITransport(app=app), lost=1, error=lost_by)

    async with client_over(app, token, lossy) as client:
        saved = await client.put_profile(wanted, etag)

    assert saved.profile.headline == "Stored on the first try"
    assert len(lossy.sent) == 2 and lossy.keys[0] == lossy.keys[1] != ""
    stored, now = await read(app, token)
    assert stored.headline == "Stored on the first try"
    assert version(now) == version(saved.etag) == version(etag) + 1  # stored once


async def test_a_retried_resume_switch_is_keyed_and_reported_as_done(
    app: FastAPI, token: str
) -> None:
    lossy = LosesAnswers(httpx.ASGITransport(app=app), lost=1, path="/me/visibility")
    async with client_over(app, token, lossy) as client:
        switched = await client.set_visibility(Visibility(resume="searchable"))
    assert switched.resume == "searchable"
    assert len(lossy.sent) == 2 and lossy.keys[0] == lossy.keys[1] != ""


async def test_when_every_answer_is_lost_the_outcome_is_unknown_not_refused(
    app: FastAPI, token: str
) -> None:
    profile, etag = await read(app, token)
    lossy = LosesAnswers(httpx.ASGITransport(app=app), lost=3)
    async with client_over(app, token, lossy) as client:
        with pytest.raises(Unavailable) as caught:
            await client.put_profile(profile.model_copy(update={"headline": "Lost"}), etag)
    assert caught.value.outcome_unknown
    title, words = failed_save_words(caught.value)
    assert title == "Not confirmed"
    assert "may have been saved" in words
    assert "not saved" not in words.lower()


async def test_a_read_or_a_refused_connection_leaves_nothing_unknown(
    app: FastAPI, token: str
) -> None:
    lost_read = LosesAnswers(httpx.ASGITransport(app=app), lost=3, method="GET")
    async with client_over(app, token, lost_read) as client:
        with pytest.raises(Unavailable) as read_failed:
            await client.get_profile()
    assert not read_failed.value.outcome_unknown

    refused = LosesAnswers(httpx.ASGITransport(app=app), lost=0)
    refused.handle_async_request = _refuse  # type: ignore[method-assign]
    async with client_over(app, token, refused) as client:
        with pytest.raises(Unavailable) as never_arrived:
            await client.set_visibility(Visibility(resume="searchable"))
    assert not never_arrived.value.outcome_unknown
    assert failed_save_words(never_arrived.value)[0] == "Not saved"


async def _refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


async def test_the_same_save_sent_again_later_keeps_its_key_and_is_stored_once(
    app: FastAPI, token: str
) -> None:
    profile, etag = await read(app, token)
    wanted = profile.model_copy(update={"headline": "Sent twice by the candidate"})
    lossy = LosesAnswers(httpx.ASGITransport(app=app), lost=3)
    saves = ProfileSaves()
    async with client_over(app, token, lossy) as client:
        with pytest.raises(Unavailable):
            await saves.save(client, wanted, etag)
        assert saves.unanswered
        saved = await saves.save(client, wanted, etag)  # Ctrl+S again, answers flow now

    assert not isinstance(saved, Stale)
    assert saved.profile.headline == "Sent twice by the candidate"
    assert len(set(lossy.keys)) == 1  # every try, the candidate's second press included
    assert version((await read(app, token))[1]) == version(etag) + 1
    assert not saves.unanswered


async def test_a_412_caused_by_an_earlier_unanswered_save_of_ours_is_no_conflict(
    app: FastAPI, token: str
) -> None:
    profile, etag = await read(app, token)
    first = profile.model_copy(update={"headline": "Typed first"})
    more = first.model_copy(update={"summary": "Typed while no answer came"})
    lossy = LosesAnswers(httpx.ASGITransport(app=app), lost=3)
    saves = ProfileSaves()
    async with client_over(app, token, lossy) as client:
        with pytest.raises(Unavailable):
            await saves.save(client, first, etag)  # stored, but nobody heard
        saved = await saves.save(client, more, etag)  # over the same version: a 412

    # Not "changed elsewhere": the version moved because of our own first save.
    assert not isinstance(saved, Stale)
    stored, now = await read(app, token)
    assert (stored.headline, stored.summary) == ("Typed first", "Typed while no answer came")
    assert version(now) == version(etag) + 2


async def test_a_change_made_elsewhere_still_comes_back_for_the_candidate_to_decide(
    app: FastAPI, token: str
) -> None:
    profile, etag = await read(app, token)
    async with PlatformClient(BASE, token, transport=httpx.ASGITransport(app=app)) as elsewhere:
        await elsewhere.put_profile(profile.model_copy(update={"headline": "Laptop"}), etag)
    saves = ProfileSaves()
    async with PlatformClient(BASE, token, transport=httpx.ASGITransport(app=app)) as client:
        outcome = await saves.save(client, profile.model_copy(update={"headline": "Phone"}), etag)
    assert isinstance(outcome, Stale)
    assert outcome.server.profile.headline == "Laptop"


async def test_sending_an_unanswered_save_again_to_a_platform_that_is_down_stays_unconfirmed(
    app: FastAPI, token: str
) -> None:
    """Found by the fault suite (tests/e2e/test_faults.py): the platform was killed
    after a save arrived; Ctrl+S again met the restarting platform's refused
    connection and the editor said "Not saved", although the first save may have
    been stored (and here was)."""
    profile, etag = await read(app, token)
    wanted = profile.model_copy(update={"headline": "Stored before the crash"})
    lossy = LosesAnswers(httpx.ASGITransport(app=app), lost=3)
    saves = ProfileSaves()
    async with client_over(app, token, lossy) as client:
        with pytest.raises(Unavailable):
            await saves.save(client, wanted, etag)
        lossy.handle_async_request = _refuse  # type: ignore[method-assign]
        with pytest.raises(Unavailable) as again:
            await saves.save(client, wanted, etag)  # Ctrl+S while the platform restarts

    assert (await read(app, token))[0].headline == "Stored before the crash"
    title, words = failed_save_words(again.value)
    assert title == "Not confirmed"
    assert "may have been saved" in words
    assert "not saved" not in words.lower()
    assert saves.unanswered  # and the next Ctrl+S still sends it with the same key
