"""Signing up tells nobody who has an account, and an account needs the mailed code.

A sign-up answers 202 with the same body whether or not the address has an account
(any letter case, either role), after the same work; the owner of a taken address
gets a note, a new address a code. The code is required, works once, expires, allows
few tries, and both it and the mails are throttled.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.security import Passwords
from tests.signup_mail import body_of, mails_to, signup_code

from .conftest import PASSWORD, Clock, PlatformUsers

SIGNUP = "/api/v1/auth/signup"
VERIFY = "/api/v1/auth/signup/verify"
RESEND = "/api/v1/auth/signup/resend"
# The new address has as many characters as the taken one, so even the length of
# the answer cannot differ.
TAKEN, NEW = "ana@example.com", "kai@example.com"


def mail_dir(app: FastAPI) -> Path:
    folder = app.state.platform.settings.mail_dir
    assert folder is not None
    return Path(folder)


def without_date(response: httpx.Response) -> dict[str, str]:
    return {name: value for name, value in response.headers.items() if name != "date"}


@pytest.mark.parametrize(
    ("typed", "typed_new", "fields"),
    [
        ("ana@example.com", "kai@example.com", {"full_name": "Someone Else"}),
        ("ANA@Example.COM", "KAI@Example.COM", {}),
        ("Ana@example.com", "Kai@example.com", {"role": "employer", "company_name": "Mallory"}),
    ],
    ids=["same-case", "other-case", "as-employer"],
)
async def test_a_taken_address_is_answered_exactly_like_a_new_one(
    client: httpx.AsyncClient,
    users: PlatformUsers,
    app: FastAPI,
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
    typed_new: str,
    fields: dict[str, Any],
    clock: Clock,
) -> None:
    await users.seeker("Ana Souza", email=TAKEN)
    clock.advance(minutes=5)  # past the spacing of mails to one address
    hashed: list[str] = []
    original = Passwords.hash

    async def counting(self: Passwords, password: str, **options: Any) -> str:
        hashed.append(password)
        return await original(self, password, **options)

    monkeypatch.setattr(Passwords, "hash", counting)
    body = {"password": "another long password", **fields}
    taken = await client.post(SIGNUP, json={"email": typed, **body})
    new = await client.post(SIGNUP, json={"email": typed_new, **body})

    assert taken.status_code == new.status_code == 202
    assert without_date(taken) == without_date(new)
    assert taken.content == new.content.replace(NEW.encode(), TAKEN.encode())
    assert taken.json()["code_required"] is True
    # The same work for both: the password was hashed each time.
    assert len(hashed) == 2
    # Only the owner of the mailbox learns which it was.
    [note] = [mail for mail in mails_to(mail_dir(app), TAKEN) if "tried" in mail["Subject"]]
    assert "has an account there already" in body_of(note)
    assert "sign-up code is" not in body_of(note)
    assert signup_code(mail_dir(app), NEW)
    # The account is untouched: its own password signs in, the new one does not.
    mine = await client.post("/api/v1/auth/login", json={"email": TAKEN, "password": PASSWORD})
    assert mine.status_code == 200
    theirs = await client.post(
        "/api/v1/auth/login", json={"email": TAKEN, "password": "another long password"}
    )
    assert theirs.status_code == 401


async def test_a_wrong_code_is_answered_alike_for_a_taken_and_a_new_address(
    client: httpx.AsyncClient, users: PlatformUsers, clock: Clock
) -> None:
    await users.seeker(email=TAKEN)
    answers = []
    for address in (TAKEN, NEW):
        clock.advance(minutes=5)  # past the spacing of mails to one address
        await client.post(SIGNUP, json={"email": address, "password": PASSWORD})
        answers.append(await client.post(VERIFY, json={"email": address, "code": "12345x"}))
        clock.advance(minutes=1)
        answers.append(await client.post(RESEND, json={"email": address}))
        answers.append(await client.post(RESEND, json={"email": address}))
    taken, new = answers[:3], answers[3:]
    assert [a.status_code for a in taken] == [a.status_code for a in new] == [400, 202, 429]
    for one, other in zip(taken, new, strict=True):
        assert one.content == other.content.replace(NEW.encode(), TAKEN.encode())


async def test_without_the_code_there_is_no_account_and_the_code_makes_it(
    client: httpx.AsyncClient, users: PlatformUsers, app: FastAPI
) -> None:
    started = await client.post(
        SIGNUP, json={"email": NEW, "password": PASSWORD, "full_name": "Kai Tanaka"}
    )
    assert started.status_code == 202
    refused = await client.post("/api/v1/auth/login", json={"email": NEW, "password": PASSWORD})
    assert refused.status_code == 401
    code = signup_code(mail_dir(app), NEW)
    made = await client.post(VERIFY, json={"email": NEW.upper(), "code": f" {code} "})
    assert made.status_code == 201, made.text
    assert made.json()["display_name"] == "Kai Tanaka"
    signed_in = await client.post("/api/v1/auth/login", json={"email": NEW, "password": PASSWORD})
    assert signed_in.status_code == 200


async def test_a_code_works_once(client: httpx.AsyncClient, app: FastAPI) -> None:
    await client.post(SIGNUP, json={"email": NEW, "password": PASSWORD})
    code = signup_code(mail_dir(app), NEW)
    assert (await client.post(VERIFY, json={"email": NEW, "code": code})).status_code == 201
    again = await client.post(VERIFY, json={"email": NEW, "code": code})
    assert again.status_code == 400
    assert again.json()["error"]["code"] == "code_expired"


async def test_a_code_expires(client: httpx.AsyncClient, app: FastAPI, clock: Clock) -> None:
    await client.post(SIGNUP, json={"email": NEW, "password": PASSWORD})
    code = signup_code(mail_dir(app), NEW)
    clock.advance(minutes=30, seconds=1)
    late = await client.post(VERIFY, json={"email": NEW, "code": code})
    assert late.status_code == 400
    assert late.json()["error"]["code"] == "code_expired"
    assert "Ask for a new one" in late.json()["error"]["message"]


async def test_a_code_allows_five_tries_then_even_the_right_one_is_refused(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    await client.post(SIGNUP, json={"email": NEW, "password": PASSWORD})
    code = signup_code(mail_dir(app), NEW)
    wrong = "000000" if code != "000000" else "111111"
    messages = []
    for _ in range(5):
        answer = await client.post(VERIFY, json={"email": NEW, "code": wrong})
        assert answer.json()["error"]["code"] == "code_wrong"
        messages.append(answer.json()["error"]["message"])
    assert "4 more tries" in messages[0]
    assert "1 more try" in messages[3]
    assert "last try" in messages[4]
    spent = await client.post(VERIFY, json={"email": NEW, "code": code})
    assert spent.status_code == 400
    assert spent.json()["error"]["code"] == "code_expired"


async def test_a_new_code_replaces_the_old_one(
    client: httpx.AsyncClient, app: FastAPI, clock: Clock
) -> None:
    await client.post(SIGNUP, json={"email": NEW, "password": PASSWORD})
    first = signup_code(mail_dir(app), NEW)
    clock.advance(seconds=60)
    resent = await client.post(RESEND, json={"email": NEW})
    assert resent.status_code == 202
    assert "new code is on its way" in resent.json()["message"]
    second = signup_code(mail_dir(app), NEW)
    assert len(mails_to(mail_dir(app), NEW)) == 2
    if first != second:
        old = await client.post(VERIFY, json={"email": NEW, "code": first})
        assert old.json()["error"]["code"] == "code_wrong"
    assert (await client.post(VERIFY, json={"email": NEW, "code": second})).status_code == 201


async def test_sign_up_mails_are_spaced_and_capped_per_address(
    client: httpx.AsyncClient, app: FastAPI, clock: Clock
) -> None:
    await client.post(SIGNUP, json={"email": NEW, "password": PASSWORD})
    too_soon = await client.post(RESEND, json={"email": NEW})
    assert too_soon.status_code == 429
    assert too_soon.headers["Retry-After"] == "60"
    assert too_soon.json()["error"]["code"] == "too_many_mails"
    assert "Try again in 1 minute." in too_soon.json()["error"]["message"]
    for _ in range(4):  # five mails in all
        clock.advance(seconds=60)
        assert (await client.post(RESEND, json={"email": NEW})).status_code == 202
    clock.advance(seconds=60)
    sixth = await client.post(SIGNUP, json={"email": NEW, "password": PASSWORD})
    assert sixth.status_code == 429
    # A place comes back when the first mail's day is over: 24 hours minus 5 minutes.
    assert sixth.headers["Retry-After"] == str(24 * 3600 - 5 * 60)
    assert "Try again in 24 hours." in sixth.json()["error"]["message"]
    assert len(mails_to(mail_dir(app), NEW)) == 5
    clock.advance(hours=24)
    assert (await client.post(RESEND, json={"email": NEW})).status_code == 202


async def test_wrong_codes_count_against_the_client_like_wrong_passwords(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    free = app.state.platform.settings.sign_in_client_free_failures
    for number in range(free):
        answer = await client.post(VERIFY, json={"email": f"x{number}@example.com", "code": "1"})
        assert answer.status_code == 400
    over = await client.post(VERIFY, json={"email": "y@example.com", "code": "1"})
    assert over.status_code == 400
    assert over.headers["Retry-After"] == "1"
    blocked = await client.post(VERIFY, json={"email": "z@example.com", "code": "1"})
    assert blocked.status_code == 429
    assert blocked.headers["Retry-After"] == "1"
    assert blocked.json()["error"]["code"] == "too_many_attempts"


async def test_a_platform_that_confirms_no_addresses_makes_the_account_at_once(
    database_url: str, settings: ServerSettings
) -> None:
    unconfirmed = dataclasses.replace(settings, require_email_verification=False)
    app = create_app(database_url, settings=unconfirmed)
    await app.state.platform.start()
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            answers = [
                await client.post(SIGNUP, json={"email": address, "password": PASSWORD})
                for address in (TAKEN, NEW, TAKEN.upper())
            ]
            assert [answer.status_code for answer in answers] == [202, 202, 202]
            assert answers[0].json()["code_required"] is False
            assert answers[0].content == answers[2].content
            login = await client.post(
                "/api/v1/auth/login", json={"email": TAKEN, "password": PASSWORD}
            )
            assert login.status_code == 200
    finally:
        await app.state.platform.aclose()
    assert mails_to(Path(str(settings.mail_dir)), TAKEN) == []


async def test_a_platform_without_mail_cannot_confirm_and_says_so(
    database_url: str, settings: ServerSettings
) -> None:
    app = create_app(database_url, settings=dataclasses.replace(settings, mail_dir=None))
    await app.state.platform.start()
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            answer = await client.post(SIGNUP, json={"email": NEW, "password": PASSWORD})
    finally:
        await app.state.platform.aclose()
    assert answer.status_code == 503
    assert answer.json()["error"]["code"] == "mail_unavailable"
