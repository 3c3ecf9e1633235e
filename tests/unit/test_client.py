"""The platform client against the real server app, in process (httpx.ASGITransport).

What a caller notices: the right typed error for each refusal, retries that hide a
transient failure but never repeat an unsafe POST, and an embedded platform that
signs its local account in by itself, once.
"""

from __future__ import annotations

import dataclasses
import socket
import stat
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from gpseeker.client import (
    AuthError,
    CodeRequired,
    EmployerClient,
    ForbiddenError,
    NotFoundError,
    PlatformClient,
    PreconditionFailed,
    RetryPolicy,
    Unavailable,
    ValidationFailed,
)
from gpseeker.core.models import InvitationRequest, Profile, Visibility
from gpseeker.local.config import TokenStore
from gpseeker.local_platform.in_process import open_local_platform
from gpseeker.server import ServerSettings, create_app
from tests.organisations import verify_organisation_of
from tests.signup_mail import signup_code

BASE = "http://platform.test"
PASSWORD = "correct horse battery staple"
# Like the embedded platform, this one mails no sign-up codes: `signup` signs in at
# once. The code path has a test of its own below (and tests/api/test_signup_codes.py).
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


class Flaky(httpx.AsyncBaseTransport):
    """Fails the first `failures` requests (with `error`, or a 503), then passes them on."""

    def __init__(
        self, inner: httpx.AsyncBaseTransport, failures: int, error: Exception | None = None
    ) -> None:
        self.inner, self.failures, self.error = inner, failures, error
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if len(self.requests) <= self.failures:
            if self.error is not None:
                raise self.error
            return httpx.Response(
                503, json={"error": {"code": "unavailable", "message": "try later"}}
            )
        return await self.inner.handle_async_request(request)


async def seeker(
    app: FastAPI, email: str = "mika@example.com", **options: object
) -> PlatformClient:
    transport = options.pop("transport", httpx.ASGITransport(app=app))
    return await PlatformClient.signup(
        BASE, email, PASSWORD, "Mika Tanaka", transport=transport, retry=NO_WAIT, **options
    )


# --- typed errors -------------------------------------------------------------------------


async def test_signup_signs_in_and_reports_who(app: FastAPI) -> None:
    async with await seeker(app) as client:
        account = await client.me()
        envelope = await client.get_profile()
    assert (account.email, account.role) == ("mika@example.com", "seeker")
    assert envelope.profile.identity.full_name == "Mika Tanaka"
    assert client.platform_label == "platform.test"


async def test_wrong_password_is_an_auth_error(app: FastAPI) -> None:
    await (await seeker(app)).aclose()
    with pytest.raises(AuthError) as caught:
        await PlatformClient.login(
            BASE, "mika@example.com", "not the password", transport=httpx.ASGITransport(app=app)
        )
    assert caught.value.status == 401
    assert caught.value.message


async def test_a_platform_that_mails_codes_needs_the_code_and_never_says_taken(
    tmp_path: Path,
) -> None:
    mail = tmp_path / "mail"
    # No spacing of mails to one address here: that limit has tests of its own.
    settings = dataclasses.replace(
        FAST, require_email_verification=True, mail_dir=mail, signup_mail_interval_seconds=0
    )
    app = create_app(f"sqlite+aiosqlite:///{tmp_path / 'coded.sqlite3'}", settings=settings)
    await app.state.platform.start()
    options = {"transport": httpx.ASGITransport(app=app), "retry": NO_WAIT}
    try:
        with pytest.raises(CodeRequired) as first:
            await PlatformClient.signup(BASE, "mika@example.com", PASSWORD, "Mika", **options)
        assert first.value.started.code_required
        assert "We sent a mail to mika@example.com" in first.value.message
        code = signup_code(mail, "mika@example.com")
        async with await PlatformClient.confirm_signup(
            BASE, "mika@example.com", code, **options
        ) as client:
            assert (await client.me()).email == "mika@example.com"
        with pytest.raises(ValidationFailed) as spent:
            await PlatformClient.confirm_signup(BASE, "mika@example.com", code, **options)
        assert spent.value.code == "code_expired"
        # The address has an account now: signing up again is answered as before.
        with pytest.raises(CodeRequired) as again:
            await PlatformClient.signup(BASE, "MIKA@example.com", PASSWORD, "Mika", **options)
        assert again.value.started == first.value.started
    finally:
        await app.state.platform.aclose()


async def test_a_revoked_token_is_an_auth_error(app: FastAPI) -> None:
    client = await seeker(app)
    token = client.token
    await client.logout()
    async with PlatformClient(BASE, token, transport=httpx.ASGITransport(app=app)) as stale:
        with pytest.raises(AuthError):
            await stale.get_visibility()


async def test_stale_profile_write_is_a_failed_precondition(app: FastAPI) -> None:
    async with await seeker(app) as client:
        first = await client.get_profile()
        changed = first.profile.model_copy(update={"headline": "Backend engineer"})
        saved = await client.put_profile(changed, first.etag)
        older = first.profile.model_copy(update={"headline": "Overwrites?"})
        with pytest.raises(PreconditionFailed) as caught:
            await client.put_profile(older, first.etag)
        assert caught.value.status == 412
        assert (await client.get_profile()).profile.headline == saved.profile.headline


async def test_server_side_validation_names_the_field(app: FastAPI) -> None:
    async with await seeker(app) as client:
        envelope = await client.get_profile()
        # Skip the client's own check to see what the server says.
        identity = envelope.profile.identity.model_construct(
            full_name="Mika Tanaka", email="mika@example.com", phone="12345"
        )
        bad = Profile.model_construct(**{**dict(envelope.profile), "identity": identity})
        with pytest.raises(ValidationFailed) as caught:
            await client.put_profile(bad, envelope.etag)
    assert caught.value.status == 422
    assert [field.path for field in caught.value.fields] == ["identity.phone"]


async def test_client_side_validation_fails_before_any_request() -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    with pytest.raises(ValidationFailed) as caught:
        await PlatformClient.signup(
            BASE, "not-an-email", "short", "Mika", transport=httpx.MockTransport(record)
        )
    assert {field.path for field in caught.value.fields} == {"email", "password"}
    assert sent == []


async def test_employer_refusals_are_typed(app: FastAPI) -> None:
    async with await EmployerClient.signup(
        BASE, "hr@sakura.example", PASSWORD, "Sakura Systems KK",
        transport=httpx.ASGITransport(app=app),
    ) as employer:  # fmt: skip
        with pytest.raises(ForbiddenError) as pending:
            await employer.search_resumes("python")
        assert pending.value.code == "organisation_pending"
        assert "waiting for verification by the platform" in pending.value.message
        await verify_organisation_of(app.state.platform, "hr@sakura.example")
        with pytest.raises(NotFoundError):
            await employer.view_candidate("no-such-reference")
    async with await seeker(app) as candidate:
        as_employer = EmployerClient(BASE, candidate.token, transport=httpx.ASGITransport(app=app))
        async with as_employer:
            with pytest.raises(ForbiddenError):
                await as_employer.search_resumes("python")


async def test_a_seeker_command_refuses_an_employer_account(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app)
    await (
        await EmployerClient.signup(
            BASE, "hr@example.com", PASSWORD, "Sakura KK", transport=transport
        )
    ).aclose()
    with pytest.raises(ForbiddenError) as caught:
        await PlatformClient.login(BASE, "hr@example.com", PASSWORD, transport=transport)
    assert caught.value.code == "wrong_role"
    assert "employer account" in caught.value.message


async def test_a_searchable_candidate_is_found_by_an_employer(app: FastAPI) -> None:
    async with await seeker(app) as candidate:
        envelope = await candidate.get_profile()
        profile = envelope.profile.model_copy(
            update={"headline": "Rust developer", "skills": ["Rust", "Kubernetes"]}
        )
        await candidate.put_profile(profile, envelope.etag)
        await candidate.set_visibility(Visibility(resume="searchable"))
        await candidate.set_blocked_companies(["Other Corp"])
        assert [c.name for c in (await candidate.blocked_companies()).companies] == ["Other Corp"]
    async with await EmployerClient.signup(
        BASE, "hr@sakura.example", PASSWORD, "Sakura KK", transport=httpx.ASGITransport(app=app)
    ) as employer:
        await verify_organisation_of(app.state.platform, "hr@sakura.example")
        page = await employer.search_resumes("rust")
        assert [hit.headline for hit in page.items] == ["Rust developer"]
        view = await employer.view_candidate(page.items[0].candidate_ref)
    assert view.full_name is None and view.email is None
    async with await PlatformClient.login(
        BASE, "mika@example.com", PASSWORD, transport=httpx.ASGITransport(app=app)
    ) as candidate:
        views = await candidate.profile_views()
    assert [event.employer_name for event in views] == ["Sakura KK"]


# --- retries ------------------------------------------------------------------------------


async def test_get_is_retried_through_503s(app: FastAPI) -> None:
    flaky = Flaky(httpx.ASGITransport(app=app), failures=0)
    async with await seeker(app, transport=flaky) as client:
        flaky.failures = len(flaky.requests) + 2
        visibility = await client.get_visibility()
    assert visibility.resume == "locked"
    assert [r.method for r in flaky.requests[-3:]] == ["GET", "GET", "GET"]


async def test_after_the_last_try_a_503_is_unavailable(app: FastAPI) -> None:
    delays: list[float] = []

    async def no_sleep(seconds: float) -> None:
        delays.append(seconds)

    flaky = Flaky(httpx.ASGITransport(app=app), failures=0)
    client = await seeker(app, transport=flaky)
    client._retry, client._sleep = RetryPolicy(attempts=3, base_delay=0.2), no_sleep
    flaky.failures = len(flaky.requests) + 10
    with pytest.raises(Unavailable) as caught:
        await client.get_visibility()
    await client.aclose()
    assert caught.value.status == 503
    assert len(delays) == 2 and 0.1 <= delays[0] <= 0.2 and 0.2 <= delays[1] <= 0.4


async def test_connection_errors_are_retried(app: FastAPI) -> None:
    flaky = Flaky(httpx.ASGITransport(app=app), failures=2, error=httpx.ConnectError("refused"))
    async with await seeker(app, transport=flaky) as client:
        assert (await client.me()).email == "mika@example.com"
    assert len(flaky.requests) == 5  # two refused + signup and login, then me


async def test_post_without_idempotency_key_is_not_retried(app: FastAPI) -> None:
    flaky = Flaky(httpx.ASGITransport(app=app), failures=0)
    client = await seeker(app, transport=flaky)
    flaky.failures = len(flaky.requests) + 1
    before = len(flaky.requests)
    with pytest.raises(Unavailable):
        await client.logout()  # a POST without a key: maybe it arrived, do not repeat
    await client.aclose()
    assert len(flaky.requests) == before + 1
    assert "Idempotency-Key" not in flaky.requests[-1].headers


async def invite_searchable(app: FastAPI, candidate: PlatformClient) -> int:
    """Make `candidate` searchable and send them one invitation; its id."""
    envelope = await candidate.get_profile()
    profile = envelope.profile.model_copy(update={"headline": "Rust developer"})
    await candidate.put_profile(profile, envelope.etag)
    await candidate.set_visibility(Visibility(resume="searchable"))
    async with await EmployerClient.signup(
        BASE, "hr@sakura.example", PASSWORD, "Sakura KK", transport=httpx.ASGITransport(app=app)
    ) as employer:
        await verify_organisation_of(app.state.platform, "hr@sakura.example")
        page = await employer.search_resumes("rust")
        sent = await employer.invite(
            page.items[0].candidate_ref, InvitationRequest(subject="Hello", body="A role?")
        )
    return sent.id


async def test_a_post_without_a_key_is_retried_when_the_platform_was_busy(app: FastAPI) -> None:
    """The platform's 503 "busy" promises nothing changed: marking an invitation read
    (a POST without a key) goes through on the next try instead of failing."""

    class Busy(Flaky):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path.endswith("/read") and not self.requests:
                self.requests.append(request)
                return httpx.Response(
                    503,
                    json={"error": {"code": "busy", "message": "The platform is busy."}},
                    headers={"Retry-After": "1"},
                )
            return await self.inner.handle_async_request(request)

    busy = Busy(httpx.ASGITransport(app=app), failures=0)
    async with await seeker(app, transport=busy) as client:
        invitation_id = await invite_searchable(app, client)
        read = await client.mark_read(invitation_id)
    assert read.read
    assert [request.url.path for request in busy.requests] == [
        f"/api/v1/me/invitations/{invitation_id}/read"
    ]


async def test_a_post_retried_after_a_timeout_reuses_its_idempotency_key(app: FastAPI) -> None:
    await (await seeker(app)).aclose()
    flaky = Flaky(httpx.ASGITransport(app=app), failures=1, error=httpx.ReadTimeout("slow"))
    async with await PlatformClient.login(
        BASE, "mika@example.com", PASSWORD, transport=flaky, retry=NO_WAIT
    ) as client:
        assert (await client.me()).email == "mika@example.com"
    first, second = flaky.requests[0], flaky.requests[1]
    assert first.url.path == second.url.path == "/api/v1/auth/login"
    assert first.headers["Idempotency-Key"] == second.headers["Idempotency-Key"]
    assert first.headers["Idempotency-Key"]


async def test_a_refused_connection_says_which_server() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    url = f"http://127.0.0.1:{port}"
    async with PlatformClient(url, "token", retry=NO_WAIT) as client:
        with pytest.raises(Unavailable) as caught:
            await client.get_visibility()
    assert caught.value.message == f"cannot reach {url}: connection refused"


# --- the embedded platform ----------------------------------------------------------------


async def test_embedded_creates_the_local_account_once_and_reuses_it(tmp_path: Path) -> None:
    home, tokens = tmp_path / "data", TokenStore(tmp_path / "config" / "tokens.json")
    async with await open_local_platform(home, tokens=tokens, server_settings=FAST) as first:
        assert first.platform_label == "Local demo platform"
        envelope = await first.get_profile()
        edited = envelope.profile.model_copy(update={"headline": "Kept across runs"})
        await first.put_profile(edited, envelope.etag)
        token = first.token
    assert stat.S_IMODE((home / "local-account.json").stat().st_mode) == 0o600
    assert tokens.get(None, "seeker").token == token  # type: ignore[union-attr]

    async with await open_local_platform(home, tokens=tokens, server_settings=FAST) as again:
        assert again.token == token  # the saved token, no new sign-in
        assert (await again.get_profile()).profile.headline == "Kept across runs"
        assert (await again.me()).email == "you@example.com"


async def test_embedded_signs_in_again_when_the_token_was_revoked(tmp_path: Path) -> None:
    home, tokens = tmp_path / "data", TokenStore(tmp_path / "config" / "tokens.json")
    async with await open_local_platform(home, tokens=tokens, server_settings=FAST) as first:
        envelope = await first.get_profile()
        await first.put_profile(
            envelope.profile.model_copy(update={"headline": "Still mine"}), envelope.etag
        )
        await first.logout()
    async with await open_local_platform(home, tokens=tokens, server_settings=FAST) as again:
        assert (await again.get_profile()).profile.headline == "Still mine"
    async with await open_local_platform(home, tokens=TokenStore(tmp_path / "lost.json"),
                                             server_settings=FAST) as without_token:  # fmt: skip
        assert (await without_token.get_profile()).profile.headline == "Still mine"


def test_the_client_imports_neither_textual_nor_the_server() -> None:
    code = (
        "import sys, gpseeker.client, gpseeker.cli; "
        "loaded = [m for m in ('textual', 'fastapi', 'sqlalchemy', 'gpseeker.server') "
        "if m in sys.modules]; print(loaded)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


class Interrupted(Flaky):
    """Answers the first `failures` requests as the platform does when it lost its
    database connection while committing: it cannot tell whether the write was kept."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if len(self.requests) <= self.failures:
            return httpx.Response(
                503,
                json={
                    "error": {
                        "code": "interrupted",
                        "message": "The platform lost its connection to its database while "
                        "saving, so it cannot tell whether this was saved.",
                    }
                },
                headers={"Retry-After": "1"},
            )
        return await self.inner.handle_async_request(request)


async def test_a_keyed_post_is_repeated_with_its_key_when_the_save_was_interrupted(
    app: FastAPI,
) -> None:
    await (await seeker(app)).aclose()
    interrupted = Interrupted(httpx.ASGITransport(app=app), failures=1)
    async with await PlatformClient.login(
        BASE, "mika@example.com", PASSWORD, transport=interrupted, retry=NO_WAIT
    ) as client:
        assert (await client.me()).email == "mika@example.com"
    first, second = interrupted.requests[0], interrupted.requests[1]
    assert first.url.path == second.url.path == "/api/v1/auth/login"
    assert first.headers["Idempotency-Key"] == second.headers["Idempotency-Key"]


async def test_a_post_without_a_key_is_not_repeated_when_the_save_was_interrupted(
    app: FastAPI,
) -> None:
    """Unlike "busy", "interrupted" promises nothing: the write may have been kept."""
    interrupted = Interrupted(httpx.ASGITransport(app=app), failures=0)
    client = await seeker(app, transport=interrupted)
    interrupted.failures = len(interrupted.requests) + 1
    before = len(interrupted.requests)
    with pytest.raises(Unavailable, match="cannot tell whether this was saved"):
        await client.logout()
    await client.aclose()
    assert len(interrupted.requests) == before + 1
