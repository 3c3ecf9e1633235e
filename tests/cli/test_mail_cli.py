"""`gpseeker mail send-due` (once, for cron) and the mail options of `gpseeker serve`."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.parser
import email.policy
from pathlib import Path

import httpx
from sqlalchemy import func, select

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.accounts import NewAccount, create_account
from gpseeker.server.db import make_engine
from gpseeker.server.platform import Platform
from gpseeker.server.schema import INITIAL, downgrade, status_of
from gpseeker.server.subscriptions import new_unsubscribe_token
from gpseeker.server.tables import IdempotentAnswer, UnsubscribeToken
from tests.api.conftest import PlatformUsers, job_draft
from tests.cli.conftest import Gpseeker
from tests.organisations import verify_organisation_of

PASSWORD = "correct horse battery staple"


async def _seed(database: str) -> str:
    """A platform with one candidate on JobMail whose saved search matches one new
    job; returns the candidate's address."""
    # No sign-up codes: the only mail in this test's Maildir is the one `send-due` sends.
    settings = ServerSettings(
        password_time_cost=1, password_memory_cost_kib=1024, require_email_verification=False
    )
    app = create_app(database, settings=settings)
    await app.state.platform.start()
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://platform.test") as web:
            users = PlatformUsers(web, app.state.platform)
            auth = (await users.seeker("Ana", email="ana@example.com")).auth
            employer = await users.employer(
                "Fuji Robotics Inc.", verified=False, email="hr@employer.example"
            )
            hr = employer.auth
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


def test_send_due_also_deletes_expired_links_and_idempotency_answers(
    gpseeker: Gpseeker, tmp_path: Path
) -> None:
    """From cron (`--mail-every 0`), nothing else prunes: send-due does what the
    schedule of `gpseeker serve` does before each run."""
    database = f"sqlite+aiosqlite:///{tmp_path / 'server.sqlite3'}"

    async def plant_rows() -> None:
        """A candidate with two mails' links (91 and 89 days old) and two answers to
        Idempotency-Keys (8 and 6 days old), written as the platform writes them."""
        platform = Platform(database, ServerSettings())
        try:
            await platform.start()
            now = platform.settings.now()
            async with platform.sessions() as session:
                user = await create_account(
                    session,
                    platform,
                    NewAccount(
                        email="ana@example.com",
                        role="seeker",
                        display_name="Ana",
                        password_hash="not-a-hash",
                    ),
                )
                await session.flush()
                for link_age, answer_age, key in ((91, 8, "expired"), (89, 6, "young")):
                    made = now - dt.timedelta(days=link_age)
                    await new_unsubscribe_token(session, user.id, "jobmail", made)
                    session.add(
                        IdempotentAnswer(
                            user_id=user.id,
                            key=key,
                            fingerprint="0" * 64,
                            status=201,
                            body=b"{}",
                            created_at=now - dt.timedelta(days=answer_age),
                        )
                    )
                await session.commit()
        finally:
            await platform.aclose()

    async def rows() -> tuple[int, int]:
        """How many unsubscribe tokens and Idempotency-Key answers there are."""
        engine = make_engine(database)
        try:
            async with engine.connect() as connection:
                tokens = await connection.scalar(select(func.count()).select_from(UnsubscribeToken))
                answers = await connection.scalar(
                    select(func.count()).select_from(IdempotentAnswer)
                )
                return int(tokens or 0), int(answers or 0)
        finally:
            await engine.dispose()

    asyncio.run(plant_rows())
    assert asyncio.run(rows()) == (2, 2)
    result = gpseeker("mail", "send-due", "--db", database, "--mail-dir", str(tmp_path / "mail"))
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == (
        "Deleted 1 expired Idempotency-Key answers and 1 expired unsubscribe links."
    )
    assert asyncio.run(rows()) == (1, 1)  # the young ones stay
