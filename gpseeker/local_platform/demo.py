"""Demo employers inviting the local candidate, so a new user sees the relay work.

Part of the local demo platform, not of the candidate's client: a moment after the
candidate's resume turns SEARCHABLE (however they turned it: the app, a plain command),
the platform lets its demo employers act, as ordinary employer clients over an
in-process transport to the platform's own app. Each demo employer signs in with the
password the platform's seeding wrote to `<home>/demo-employers.json` (0600, beside
the database, which holds everything the password could reach anyway), searches the
resume bank with its own jobs' skills, exactly as a real employer would (it does not
know who the candidate is), and sends an invitation with its best-matching job attached. Nothing
here reaches past the API: no server import, no database access, no back door.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Iterable
from pathlib import Path

import httpx
from pydantic import TypeAdapter, ValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gpseeker.client.employer import EmployerClient
from gpseeker.client.errors import AuthError, NotFoundError, PlatformError, RateLimited
from gpseeker.client.retry import RetryPolicy
from gpseeker.core.models import InvitationRequest, Job, ResumeBankHit, SentInvitation
from gpseeker.core.text import sentence

DEMO_EMPLOYERS_FILE = "demo-employers.json"
BASE_URL = "http://gpseeker.local"
# A demo employer tries this many of its skills: enough to find a matching profile,
# few enough that a candidate matching nobody costs well under a second.
SKILLS_PER_EMPLOYER = 12
DEMO_DELAY = 3.0
"""Seconds after the resume turns SEARCHABLE before the demo employers search the
resume bank and invite: soon enough that a new user sees the relay work, late enough
to read as employers finding them, not as an echo."""
VISIBILITY_PATH = "/api/v1/me/visibility"

log = logging.getLogger("gpseeker.local_platform.demo")

_PASSWORDS = TypeAdapter(dict[str, str])


def demo_passwords(home: Path) -> dict[str, str]:
    """The demo employers' sign-ins by e-mail address, in seeding order ({} if none)."""
    try:
        return _PASSWORDS.validate_json((home / DEMO_EMPLOYERS_FILE).read_bytes())
    except (FileNotFoundError, ValidationError):
        return {}


class DemoEmployers:
    """The local platform's app, with demo employers who answer a candidate turning
    SEARCHABLE by inviting them, `DEMO_DELAY` seconds later.

    An ASGI layer that watches the platform's answers for one thing, a saved
    visibility whose resume is searchable, and otherwise passes everything through
    untouched. The employers talk to the wrapped app directly: their requests are not
    the candidate's and never wake these employers again.
    """

    def __init__(self, app: ASGIApp, home: Path) -> None:
        self.app = app
        self.home = home
        self._transport = httpx.ASGITransport(app=app)
        self._pending: asyncio.Task[None] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not (
            scope["type"] == "http"
            and scope["method"] == "PUT"
            and scope["path"] == VISIBILITY_PATH
        ):
            await self.app(scope, receive, send)
            return
        status = 0
        body = bytearray()

        async def watching(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, watching)
        if status == 200 and _searchable(bytes(body)):
            self.invite_soon()

    def invite_soon(self) -> None:
        """Let the demo employers look, once, after the delay (a second switch while
        they wait changes nothing: they look at the resume as it is then)."""
        if self._pending is None or self._pending.done():
            self._pending = asyncio.get_running_loop().create_task(
                self._invite_after_delay(), name="demo-invitations"
            )

    async def wait(self) -> None:
        """Until the demo employers waiting to look (if any) have done so."""
        if self._pending is not None:
            await asyncio.shield(self._pending)

    async def _invite_after_delay(self) -> None:
        await asyncio.sleep(DEMO_DELAY)
        try:
            sent = await send_demo_invitations(self.home, self._transport)
        except PlatformError as error:
            # A demo nicety: the candidate's own choice is saved either way.
            log.warning("the demo employers could not invite: %s", error.message)
            return
        log.info("the demo employers sent %d invitation(s)", len(sent))

    async def aclose(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pending


def _searchable(body: bytes) -> bool:
    try:
        saved = json.loads(body)
    except ValueError:
        return False
    return isinstance(saved, dict) and saved.get("resume") == "searchable"


async def send_demo_invitations(
    home: Path, transport: httpx.AsyncBaseTransport, *, limit: int = 2
) -> list[SentInvitation]:
    """Let up to `limit` demo employers whose jobs match a searchable candidate invite
    them; returns the invitations sent by this call.

    Idempotent in effect: an employer that already invited a candidate it finds does
    not send again, and counts towards `limit`, so a second call sends nothing.
    """
    sent: list[SentInvitation] = []
    reached = 0
    for email, password in demo_passwords(home).items():
        if reached >= limit:
            break
        try:
            employer = await EmployerClient.login(
                BASE_URL, email, password, transport=transport, retry=RetryPolicy(attempts=1)
            )
        except AuthError:
            continue  # a demo account whose password changed: not ours to fix here
        try:
            invitation, already = await _invite_one(employer)
        finally:
            await employer.logout()
            # This closes the client only: httpx.ASGITransport.aclose does nothing,
            # so the next demo employer keeps using the shared transport.
            await employer.aclose()
        if invitation is not None:
            sent.append(invitation)
        if invitation is not None or already:
            reached += 1
    return sent


async def _invite_one(employer: EmployerClient) -> tuple[SentInvitation | None, bool]:
    """(the invitation sent, whether this employer had already invited its match)."""
    jobs = [job for job in await employer.my_jobs() if job.status == "open"]
    invited = {sent.candidate_ref for sent in await employer.sent_invitations()}
    for skill in _skills(jobs)[:SKILLS_PER_EMPLOYER]:
        page = await employer.search_resumes(skill, limit=5)
        for hit in page.items:
            if hit.candidate_ref in invited:
                return None, True
            job = _best_job(jobs, hit)
            try:
                sent = await employer.invite(hit.candidate_ref, _message(job, hit))
            except (NotFoundError, RateLimited):
                continue  # locked or blocked a moment ago, or this employer's cap
            return sent, False
    return None, False


def _skills(jobs: Iterable[Job]) -> list[str]:
    """Each distinct skill once, in the order the jobs list them."""
    seen: dict[str, str] = {}
    for job in jobs:
        for skill in job.skills:
            seen.setdefault(skill.casefold(), skill)
    return list(seen.values())


def _best_job(jobs: list[Job], hit: ResumeBankHit) -> Job:
    theirs = {skill.casefold() for skill in hit.skills}
    return max(jobs, key=lambda job: len(theirs & {s.casefold() for s in job.skills}))


def _message(job: Job, hit: ResumeBankHit) -> InvitationRequest:
    theirs = {skill.casefold() for skill in hit.skills}
    common = [skill for skill in job.skills if skill.casefold() in theirs]
    strengths = ", ".join(common[:3]) if common else "your background"
    company = job.company_name
    where = job.prefecture or "Japan"
    body = (
        f"Hello,\n\n"
        f"I am with the hiring team at {sentence(company)} We found your profile in the resume "
        f"bank and your experience with {strengths} stood out.\n\n"
        f"We are looking for a {job.title} in {where}, and we think you could be a "
        f"good fit. The job is attached to this message, so you can read the details "
        f"and apply from here if it interests you.\n\n"
        f"If you would like to hear more first, just reply through the platform and we "
        f"can arrange a short video interview at a time that suits you.\n\n"
        f"Best regards,\nThe hiring team at {company}"
    )
    return InvitationRequest(subject=f"{job.title} at {company}", body=body, job_id=job.id)
