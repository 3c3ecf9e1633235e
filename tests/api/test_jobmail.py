"""JobMail end to end: a digest of new matching jobs, delivered by real SMTP (aiosmtpd
on 127.0.0.1) or into a Maildir, whose one-click link unsubscribes exactly once."""

from __future__ import annotations

import dataclasses
import email.parser
import email.policy
import mailbox
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from fastapi import FastAPI

from gpseeker.server.mail import SendReport, send_due
from gpseeker.server.platform import Platform
from tests.planted import plant, stand_in

from .conftest import Clock, PlatformUsers, User

SUBSCRIPTIONS = "/api/v1/me/subscriptions"
SEARCH = {"q": "kotlin", "prefecture": ["Tokyo"]}
PLAIN_COMPANY = "Fuji Robotics Inc."
"""For tests about something else than what the sanitiser does to a name."""


class Collector:
    """An aiosmtpd handler that keeps every envelope it is given."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def smtp_server() -> Iterator[tuple[Collector, int]]:
    collector = Collector()
    port = free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    yield collector, port
    controller.stop()


def platform_of(app: FastAPI) -> Platform:
    platform: Platform = app.state.platform
    return platform


def configure(app: FastAPI, **changes: Any) -> Platform:
    """Point the platform's mail somewhere (settings are frozen: replaced whole)."""
    platform = platform_of(app)
    platform.settings = dataclasses.replace(platform.settings, **changes)
    return platform


def parse(raw: bytes) -> EmailMessage:
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    return message


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    content: str = part.get_content()
    return content


def job_link_paths(message: EmailMessage) -> list[str]:
    """The path of each job link in the body ("  Job 12: https://.../jobs/12")."""
    return [
        urlsplit(line.split(": ", 1)[1]).path
        for line in text_of(message).splitlines()
        if line.startswith("  Job ")
    ]


async def one_click(users: PlatformUsers, path: str) -> httpx.Response:
    """What a mail provider's one-click button does (RFC 8058): a form POST."""
    return await users.client.post(
        path,
        content=b"List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )


def link_path(message: EmailMessage) -> str:
    header = str(message["List-Unsubscribe"])
    assert header.startswith("<") and header.endswith(">"), header
    return urlsplit(header[1:-1]).path


async def seed(
    users: PlatformUsers,
    clock: Clock,
    frequency: str = "weekly",
    company: str = "Fuji \x1b[31mRobotics\x1b[0m Inc.",
) -> User:
    """A candidate with a saved search for Kotlin in Tokyo, subscribed to JobMail
    after one matching job was already posted, and then three new jobs: one that
    matches and two that do not (other keyword, other prefecture). The company's name
    is planted in the store, since the platform refuses an ESC in a request."""
    employer = await users.employer(stand_in(company))
    seeker = await users.seeker("Ana Souza")
    await users.post_job(employer, "Kotlin engineer posted before consent")
    response = await users.client.post(
        "/api/v1/me/saved-searches",
        json={"name": "Kotlin in Tokyo", "query": SEARCH},
        headers=seeker.auth,
    )
    assert response.status_code == 201, response.text
    clock.advance(minutes=1)
    response = await users.client.put(
        SUBSCRIPTIONS,
        json={"jobmail": True, "jobmail_frequency": frequency, "via": "app"},
        headers=seeker.auth,
    )
    assert response.status_code == 200, response.text
    clock.advance(minutes=1)
    await users.post_job(employer, "Kotlin Android developer", skills=["Kotlin"])
    await users.post_job(employer, "Accountant", skills=["Excel"])
    await users.post_job(employer, "Kotlin engineer in Osaka", prefecture="Osaka", city="Kita")
    assert users.platform is not None
    await plant(users.platform.engine)
    return seeker


async def jobmail_of(users: PlatformUsers, seeker: User) -> dict[str, Any]:
    response = await users.client.get(SUBSCRIPTIONS, headers=seeker.auth)
    jobmail: dict[str, Any] = response.json()["jobmail"]
    return jobmail


def check_digest(message: EmailMessage, seeker: User, platform: Platform) -> None:
    assert message["From"] == platform.settings.mail_from
    assert message["To"] == seeker.email
    assert message["Subject"] == "JobMail: 1 new job for your saved search"
    assert message["Date"] is not None and message["Message-ID"] is not None
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    base = platform.settings.public_url
    assert str(message["List-Unsubscribe"]).startswith(f"<{base}/api/v1/unsubscribe/")
    body = text_of(message)
    assert "Kotlin Android developer" in body
    assert "Accountant" not in body
    assert "Osaka" not in body
    assert "before consent" not in body
    assert "Fuji Robotics Inc." in body  # the escape sequence is gone, the words stay
    assert "\x1b" not in body
    assert "Shibuya, Tokyo (Kanto), hybrid" in body and "¥6,000,000–¥8,000,000 a year" in body
    assert f"{base}/jobs/" in body  # the page that opens without signing in
    assert "/api/v1/jobs/" not in body  # the API answers a browser 401
    assert link_path(message) in body  # the unsubscribe line in the body


async def check_unsubscribe_link(
    users: PlatformUsers, seeker: User, message: EmailMessage, clock: Clock
) -> None:
    path = link_path(message)
    page = await users.client.get(path)
    assert page.status_code == 200
    assert f"Are you sure you want to unsubscribe {seeker.email}" in page.text
    assert (await jobmail_of(users, seeker))["subscribed"] is True  # a GET changes nothing

    response = await one_click(users, path)
    assert response.status_code == 200, response.text
    assert response.json() == {"mail_list": "jobmail", "email": seeker.email, "unsubscribed": True}
    jobmail = await jobmail_of(users, seeker)
    assert jobmail["subscribed"] is False and jobmail["unsubscribed_at"] is not None

    again = await one_click(users, path)
    assert again.status_code == 404
    assert await jobmail_of(users, seeker) == jobmail  # nothing changed
    forged = await one_click(users, path[:-4] + "AAAA")
    assert forged.status_code == 404
    assert (await users.client.get(path)).status_code == 404


async def test_digest_by_smtp_and_its_one_click_link(
    app: FastAPI, users: PlatformUsers, clock: Clock, smtp_server: tuple[Collector, int]
) -> None:
    collector, port = smtp_server
    seeker = await seed(users, clock)
    # Signed up while sign-up codes still go to the Maildir the test users read.
    later = await users.employer()
    platform = configure(app, smtp_url=f"smtp://127.0.0.1:{port}")

    report = await send_due(platform)
    assert report == SendReport(destination=f"smtp://127.0.0.1:{port}", due=1, sent=1)
    (envelope,) = collector.envelopes
    assert envelope.rcpt_tos == [seeker.email]
    assert isinstance(envelope.original_content, bytes)
    message = parse(envelope.original_content)
    check_digest(message, seeker, platform)

    await check_unsubscribe_link(users, seeker, message, clock)
    clock.advance(days=8)
    await users.post_job(later, "Kotlin lead", skills=["Kotlin"])
    assert (await send_due(platform)).sent == 0
    assert len(collector.envelopes) == 1


async def test_digest_into_a_maildir(
    app: FastAPI, users: PlatformUsers, clock: Clock, tmp_path: Path
) -> None:
    seeker = await seed(users, clock)
    platform = configure(app, mail_dir=tmp_path / "digests")

    report = await send_due(platform)
    assert report.sent == 1 and report.destination == f"Maildir {tmp_path / 'digests'}"
    (name,) = (tmp_path / "digests" / "new").iterdir()
    message = parse(name.read_bytes())
    check_digest(message, seeker, platform)

    await check_unsubscribe_link(users, seeker, message, clock)
    clock.advance(days=8)
    assert (await send_due(platform)).sent == 0
    assert len(mailbox.Maildir(tmp_path / "digests")) == 1


async def test_a_used_link_does_not_unsubscribe_again_after_resubscribing(
    app: FastAPI, users: PlatformUsers, clock: Clock, tmp_path: Path
) -> None:
    seeker = await seed(users, clock)
    platform = configure(app, mail_dir=tmp_path / "digests")
    await send_due(platform)
    (name,) = (tmp_path / "digests" / "new").iterdir()
    path = link_path(parse(name.read_bytes()))
    assert (await one_click(users, path)).status_code == 200

    clock.advance(hours=1)
    await users.client.put(SUBSCRIPTIONS, json={"jobmail": True}, headers=seeker.auth)
    before = await jobmail_of(users, seeker)
    assert before["subscribed"] is True
    assert (await users.client.post(path)).status_code == 404  # no body: still one-click
    assert await jobmail_of(users, seeker) == before


async def test_a_digest_waits_for_its_period(
    app: FastAPI, users: PlatformUsers, clock: Clock, tmp_path: Path
) -> None:
    seeker = await seed(users, clock, frequency="daily")
    platform = configure(app, mail_dir=tmp_path / "digests")
    employer = await users.employer("Other Co.")
    assert (await send_due(platform)).sent == 1

    clock.advance(hours=1)
    await users.post_job(employer, "Kotlin backend engineer", skills=["Kotlin"])
    clock.advance(hours=22)
    assert (await send_due(platform)).sent == 0  # 23 hours: not yet
    clock.advance(hours=1)
    assert (await send_due(platform)).sent == 1
    assert (await send_due(platform)).sent == 0

    messages = [parse(path.read_bytes()) for path in (tmp_path / "digests" / "new").iterdir()]
    second = next(m for m in messages if "Kotlin backend engineer" in text_of(m))
    assert "Kotlin Android developer" not in text_of(second)  # listed once, in the first

    # Weekly: six days are not enough, seven are.
    await users.client.put(SUBSCRIPTIONS, json={"jobmail_frequency": "weekly"}, headers=seeker.auth)
    clock.advance(minutes=1)
    await users.post_job(employer, "Kotlin architect", skills=["Kotlin"])
    clock.advance(days=6)
    assert (await send_due(platform)).sent == 0
    clock.advance(days=1)
    assert (await send_due(platform)).sent == 1


async def test_no_mail_without_news_and_none_to_non_subscribers(
    app: FastAPI, users: PlatformUsers, clock: Clock, tmp_path: Path
) -> None:
    employer = await users.employer()
    quiet = await users.seeker("No searches")
    await users.client.put(SUBSCRIPTIONS, json={"jobmail": True}, headers=quiet.auth)
    newsletters_only = await users.seeker("Newsletters only")
    await users.client.put(SUBSCRIPTIONS, json={"newsletters": True}, headers=newsletters_only.auth)
    for seeker in (quiet, newsletters_only):
        await users.client.post(
            "/api/v1/me/saved-searches",
            json={"name": "Kotlin", "query": SEARCH},
            headers=seeker.auth,
        )
    waiting = await users.seeker("Waiting")
    platform = configure(app, mail_dir=tmp_path / "digests")  # after the sign-up mails
    await users.client.post(
        "/api/v1/me/saved-searches",
        json={"name": "Rust", "query": {"q": "rust"}},
        headers=waiting.auth,
    )
    await users.client.put(SUBSCRIPTIONS, json={"jobmail": True}, headers=waiting.auth)
    clock.advance(minutes=1)
    await users.post_job(employer, "Kotlin engineer", skills=["Kotlin"])
    await users.client.put(SUBSCRIPTIONS, json={"jobmail": False}, headers=quiet.auth)

    report = await send_due(platform)
    assert (report.due, report.sent, report.nothing_new) == (1, 0, 1)  # only "Waiting"
    clock.advance(hours=1)
    await users.post_job(employer, "Rust engineer", skills=["Rust"])
    assert (await send_due(platform)).sent == 1  # still due: the news goes out now
    assert len(mailbox.Maildir(tmp_path / "digests")) == 1


async def test_a_failed_delivery_is_tried_again(
    app: FastAPI, users: PlatformUsers, clock: Clock, smtp_server: tuple[Collector, int]
) -> None:
    collector, port = smtp_server
    seeker = await seed(users, clock)
    platform = configure(app, smtp_url=f"smtp://127.0.0.1:{free_port()}")  # nobody there
    report = await send_due(platform)
    assert (report.sent, report.failed) == (0, 1)
    assert collector.envelopes == []

    platform = configure(app, smtp_url=f"smtp://127.0.0.1:{port}")
    assert (await send_due(platform)).sent == 1
    (envelope,) = collector.envelopes
    assert envelope.rcpt_tos == [seeker.email]


async def awaiting_news(users: PlatformUsers, clock: Clock) -> User:
    """A candidate on weekly JobMail whose saved search (Kotlin in Tokyo) matches one
    job posted after they subscribed: one digest is due, with one job in it. Plain
    names only, for tests of the delivery and the links rather than of the text."""
    employer = await users.employer(PLAIN_COMPANY)
    seeker = await users.seeker("Ana Souza")
    for request in (
        users.client.post(
            "/api/v1/me/saved-searches",
            json={"name": "Kotlin in Tokyo", "query": SEARCH},
            headers=seeker.auth,
        ),
        users.client.put(SUBSCRIPTIONS, json={"jobmail": True, "via": "app"}, headers=seeker.auth),
    ):
        response = await request
        assert response.status_code in (200, 201), response.text
    clock.advance(minutes=1)
    await users.post_job(employer, "Kotlin Android developer", skills=["Kotlin"])
    return seeker


async def test_a_digest_link_opens_the_job_in_a_browser_without_signing_in(
    app: FastAPI, users: PlatformUsers, clock: Clock, tmp_path: Path
) -> None:
    await awaiting_news(users, clock)
    platform = configure(app, mail_dir=tmp_path / "digests")
    await send_due(platform)
    (name,) = (tmp_path / "digests" / "new").iterdir()
    (path,) = job_link_paths(parse(name.read_bytes()))

    page = await users.client.get(path)  # no Authorization: a browser from a mail
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>Kotlin Android developer</h1>" in page.text
    assert "Fuji Robotics Inc. (verified by the platform)" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]


@pytest.mark.parametrize("made", [(), ("new",), ("tmp", "cur")], ids=["empty", "new", "tmp-cur"])
async def test_an_existing_maildir_missing_its_parts_is_completed(
    app: FastAPI, users: PlatformUsers, clock: Clock, tmp_path: Path, made: tuple[str, ...]
) -> None:
    """`serve --mail-dir DIR` with DIR made beforehand (empty, or half a Maildir):
    mailbox.Maildir(create=True) made tmp/new/cur only for a missing DIR, so every
    delivery failed with FileNotFoundError on tmp/."""
    seeker = await awaiting_news(users, clock)
    mail_dir = tmp_path / "digests"  # not the platform's own (sign-up codes go there)
    mail_dir.mkdir()
    mail_dir.chmod(0o750)  # not mkdir(mode=): the umask would have its say
    for part in made:
        (mail_dir / part).mkdir()
    platform = configure(app, mail_dir=mail_dir)

    report = await send_due(platform)
    assert (report.sent, report.failed) == (1, 0)
    (name,) = (mail_dir / "new").iterdir()
    assert parse(name.read_bytes())["To"] == seeker.email
    assert len(mailbox.Maildir(mail_dir, create=False)) == 1
    for part in {"tmp", "new", "cur"} - set(made):
        assert (mail_dir / part).stat().st_mode & 0o777 == 0o700, part
    assert mail_dir.stat().st_mode & 0o777 == 0o750  # the operator's own mode stays
