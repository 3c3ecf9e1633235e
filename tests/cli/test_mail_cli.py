"""`gpseeker mail send-due` (once, for cron) and the mail options of `gpseeker serve`."""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
from pathlib import Path

import httpx

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.db import make_engine
from gpseeker.server.schema import INITIAL, downgrade, status_of
from tests.api.conftest import job_draft
from tests.cli.conftest import Gpseeker
from tests.organisations import verify_organisation_of

PASSWORD = "correct horse battery staple"


async def _seed(database: str) -> str:
    """A platform with one candidate on JobMail whose saved search matches one new
    job; returns the candidate's address."""
    settings = ServerSettings(password_time_cost=1, password_memory_cost_kib=1024)
    app = create_app(database, settings=settings)
    await app.state.platform.start()
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://platform.test") as web:
            seeker = await web.post(
                "/api/v1/auth/signup",
                json={"email": "ana@example.com", "password": PASSWORD, "full_name": "Ana"},
            )
            auth = {"Authorization": f"Bearer {seeker.json()['token']}"}
            employer = await web.post(
                "/api/v1/auth/signup",
                json={
                    "email": "hr@employer.example",
                    "password": PASSWORD,
                    "role": "employer",
                    "company_name": "Fuji Robotics Inc.",
                },
            )
            hr = {"Authorization": f"Bearer {employer.json()['token']}"}
            # Only a verified organisation's jobs are listed, and mailed.
            await verify_organisation_of(app.state.platform, "hr@employer.example")
            await web.post(
                "/api/v1/me/saved-searches",
                json={"name": "Kotlin", "query": {"q": "kotlin"}},
                headers=auth,
            )
            subscribed = await web.put(
                "/api/v1/me/subscriptions", json={"jobmail": True, "via": "command"}, headers=auth
            )
            assert subscribed.status_code == 200, subscribed.text
            job = job_draft("Kotlin Android developer", description="Apps.", skills=["Kotlin"])
            posted = await web.post("/api/v1/employer/jobs", json=job, headers=hr)
            assert posted.status_code == 201, posted.text
    finally:
        await app.state.platform.aclose()
    return "ana@example.com"


def test_send_due_fills_a_maildir_once(gpseeker: Gpseeker, tmp_path: Path) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'server.sqlite3'}"
    address = asyncio.run(_seed(database))
    mail_dir = tmp_path / "mail"
    options = (
        "--db",
        database,
        "--mail-dir",
        str(mail_dir),
        "--public-url",
        "https://jobs.example/",
    )

    result = gpseeker("mail", "send-due", *options)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == (
        f"Sent 1 JobMail digest to 1 candidate, via Maildir {mail_dir}."
    )
    (name,) = (mail_dir / "new").iterdir()
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(name.read_bytes())
    assert message["To"] == address
    assert str(message["List-Unsubscribe"]).startswith("<https://jobs.example/api/v1/unsubscribe/")
    assert "Kotlin Android developer" in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]

    again = gpseeker("mail", "send-due", *options)
    assert again.code == 0, again.err
    assert again.out == "Sent 0 JobMail digests to 0 candidates, via Maildir " + (
        f"{mail_dir}.\nNo digest was due.\n"
    )
    assert len(list((mail_dir / "new").iterdir())) == 1


def test_send_due_refuses_a_bad_smtp_url(gpseeker: Gpseeker, tmp_path: Path) -> None:
    result = gpseeker("mail", "send-due", "--smtp-url", "http://mail.example")
    assert result.code == 1
    assert result.err.startswith("error: --smtp-url: not an SMTP URL")


def test_serve_help_lists_the_mail_and_policy_options(gpseeker: Gpseeker) -> None:
    result = gpseeker("serve", "--help")
    assert result.code == 0
    for option in (
        "--smtp-url",
        "--mail-dir",
        "--public-url",
        "--mail-every",
        "--policy-operator",
        "--policy-address",
        "--policy-email",
        "--policy-hours",
    ):
        assert option in result.out, option


def test_send_due_refuses_an_out_of_date_database_and_leaves_it_alone(
    gpseeker: Gpseeker, tmp_path: Path
) -> None:
    """From cron, next to a served platform: upgrading is the operator's decision."""
    database = f"sqlite+aiosqlite:///{tmp_path / 'server.sqlite3'}"
    asyncio.run(_seed(database))

    async def back_to_the_first_revision() -> None:
        engine = make_engine(database)
        try:
            await downgrade(engine, INITIAL)
        finally:
            await engine.dispose()

    asyncio.run(back_to_the_first_revision())
    mail_dir = tmp_path / "mail"
    result = gpseeker("mail", "send-due", "--db", database, "--mail-dir", str(mail_dir))
    assert result.code == 1
    assert f"gpseeker db upgrade --db {database}" in result.err
    assert "Traceback" not in result.err
    assert not (mail_dir / "new").exists() or not list((mail_dir / "new").iterdir())
    assert asyncio.run(status_of(database)).revision == INITIAL
