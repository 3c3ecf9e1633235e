"""The one list of hostile strings, and a platform full of them, for every hostile test.

Each string is something an employer (or, for a reply, another user) could put in a
field the candidate's terminal later shows: escape sequences a terminal acts on
(clipboard writes, titles, hyperlinks, resets, screen clears, device-status queries,
DCS, an OSC left open to swallow what follows, their 8-bit C1 spellings), text that
lies about itself (a bidi override, zero-width characters), a word too long for any
line, and Rich/Textual markup that would become a live action or a link if parsed.

`seed` puts every string into every employer-controlled field at once, through the
real API (C0 controls, which the platform refuses since issue 14, as stand-ins it then
plants in the store, as a server that is not this one could send them; see
tests/planted.py): one employer per string (its company name, under which the platform's
operator verifies its organisation, so that it may search and invite), one job each (title,
description), one invitation each (subject, body), plus a candidate reply, blocked
companies and profile views, so that each screen or command is visited once and
shows all of them. `assert_terminal_safe` is the byte-level check on what reached
the terminal (or stdout).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from gpseeker.client import EmployerClient, OperatorClient, PlatformClient
from gpseeker.client.embedded import BASE_URL
from gpseeker.core.models import (
    ApplicationRequest,
    InvitationRequest,
    Job,
    JobDraft,
    Profile,
    ReplyRequest,
    Visibility,
)
from gpseeker.local_platform.in_process import database_url
from gpseeker.server import ServerSettings, create_app
from gpseeker.server.operators import OperatorExists, add_operator
from tests.planted import plant, restore, stand_in

LONG_WORD = "W" * 2000
"""A 2,000-character word: it must wrap or be cut, never break a layout or crash."""

HOSTILE: tuple[tuple[str, str], ...] = (
    ("osc52", "\x1b]52;c;aGVsbG8=\x07"),  # write the clipboard
    ("osc0", "\x1b]0;pwned title\x07"),  # retitle the window
    ("osc8", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\"),  # a hidden link
    ("esc-c", "\x1bc"),  # full reset
    ("csi-2j", "\x1b[2J"),  # clear the screen
    ("csi-6n", "\x1b[6n"),  # make the terminal type its cursor position
    ("dcs", "\x1bPq#0;2;0;0;0\x1b\\"),  # device control string (sixel)
    ("c1-csi", "\x9b2J"),  # 8-bit CSI
    ("c1-osc", "\x9d0;pwned\x07"),  # 8-bit OSC
    ("bidi", "invoice\u202egpj.exe"),  # shows as "invoiceexe.jpg"
    ("zero-width", "pay\u200bpal\u200d\u2060 👩\u200d💻"),
    ("long-word", LONG_WORD),
    ("click", "[@click=app.quit]quit[/]"),
    ("link", "[link=https://evil.example]x[/link]"),
    ("close", "[/]"),
    ("index", "[0]"),
    # Last of all: an OSC never closed swallows the rest of its field, as it would in
    # a terminal, so it goes where nothing follows it.
    ("osc-open", "\x1b]0;evil title"),
)
"""(name, string) for each hostile input."""

LITERALS = (
    "[@click=app.quit]quit[/]",
    "[link=https://evil.example]x[/link]",
    "[/]",
    "[0]",
)
"""Markup lookalikes that must show as these very characters."""

# What must never reach the terminal from data. Textual writes its own CSI for
# cursor moves and styles (ESC [ ... H, ESC [ ... m), so the check on TUI output is on
# the sequences the data carries, which Textual never writes for itself, plus any raw
# C1 control, BEL and bidi control, which Textual never writes either.
CONTROL_PATTERNS: tuple[str, ...] = (
    "\x1b]52",
    "\x1b]0;",
    "\x1b]8;",
    "\x1bc",
    "\x1b[2J",
    "\x1b[6n",
    "\x1bP",
    "\x1b\\",
    "\x07",
)
_RAW = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069]")
# Plain output may carry no escape at all: no ESC, no C0 but newline and tab, no DEL,
# no C1, no bidi override or isolate.
_PLAIN_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Litter a sequence would leave if only its introducer were dropped.
_LITTER = ("aGVsbG8=", "52;c;", "pwned", "evil title", "#0;2;0;0;0")


def assert_terminal_safe(output: str, where: str = "") -> None:
    """No control sequence from the hostile data in `output` (what the terminal gets)."""
    for pattern in CONTROL_PATTERNS:
        assert pattern not in output, f"{where}: {pattern!r} reached the terminal"
    found = _RAW.search(output)
    assert found is None, f"{where}: raw control {found.group()!r} reached the terminal"
    for litter in _LITTER:
        assert litter not in output, f"{where}: {litter!r} left behind by a sequence"


def assert_plain_safe(out: bytes, where: str = "", *, as_json: bool = False) -> str:
    """Plain output as bytes: no ESC, C0 (but newline, tab), DEL, C1 or bidi control.

    JSON keeps the data whole, with its controls written as \\u escapes, so the
    sequences' parameters stay in it as harmless text.
    """
    assert b"\x1b" not in out, f"{where}: ESC in stdout"
    text = out.decode("utf-8")
    found = _PLAIN_FORBIDDEN.search(text)
    assert found is None, f"{where}: {found.group()!r} in stdout"
    for litter in () if as_json else _LITTER:
        assert litter not in text, f"{where}: {litter!r} left behind by a sequence"
    return text


def fit(prefix: str, text: str, limit: int) -> str:
    """`prefix text`, cut to `limit` characters (the long word is what gets cut)."""
    return f"{prefix} {text}"[:limit]


# --- a platform full of hostile text --------------------------------------------------

SKILL = "Quokkascript"
"""The candidate's one unusual skill: each hostile employer finds them by it."""

PASSWORD = "correct horse battery staple"
OPERATOR_EMAIL = "operator@platform.hostile.example"


@dataclass
class World:
    """What `seed` made, by hostile string name."""

    jobs: dict[str, Job] = field(default_factory=dict)
    invitation_ids: dict[str, int] = field(default_factory=dict)
    application_ids: dict[str, int] = field(default_factory=dict)

    def company(self, name: str) -> str:
        return self.jobs[name].company_name


def company_name(index: int, name: str, text: str) -> str:
    return fit(f"Co{index:02d} {name}", text, 120)


def job_draft(index: int, name: str, text: str) -> JobDraft:
    return JobDraft(
        title=fit(f"Job{index:02d} {SKILL} {name}", text, 120),
        description=f"Desc{index:02d} {name} {text}\nSecond line {text}",
        category="it",
        job_type="full_time",
        remote="hybrid",
        prefecture="Tokyo",
        city="Shibuya",
        salary_min=5_000_000,
        salary_max=7_000_000,
        japanese_required="none",
        visa_sponsorship=True,
        apply_from_overseas=True,
        skills=[SKILL],
    )


def reply_text(strings: tuple[tuple[str, str], ...] = HOSTILE) -> str:
    """The candidate's reply: every hostile string at once (an employer reads it)."""
    return "Reply " + " | ".join(f"{name}: {text}" for name, text in strings)


async def seed(
    candidate: PlatformClient,
    profile: Profile,
    db_home: Path,
    settings: ServerSettings,
    *,
    strings: tuple[tuple[str, str], ...] = HOSTILE,
    apply_to: Callable[[str], bool] = lambda name: True,
    reply_to: Callable[[str], bool] = lambda name: True,
) -> World:
    """Fill the platform in `db_home` with hostile employers, jobs and invitations.

    The candidate (`candidate`, signed in) becomes searchable with `profile` (which
    must list SKILL), blocks a hostile company name per string (names no employer
    has, so every employer still finds them), applies to each job, replies to each
    invitation with hostile text and asks one employer to erase its application.
    """
    strings = tuple((name, stand_in(text)) for name, text in strings)
    envelope = await candidate.get_profile()
    await candidate.put_profile(profile, envelope.etag)
    await candidate.set_visibility(Visibility(resume="searchable"))
    await candidate.set_blocked_companies(
        [fit(f"Blocked{i:02d}", text, 120) for i, (_, text) in enumerate(strings)]
    )
    world = World()
    with contextlib.suppress(OperatorExists):
        await add_operator(database_url(db_home), OPERATOR_EMAIL, PASSWORD, settings)
    server = create_app(database_url(db_home), settings=settings)
    await server.state.platform.start()
    transport = httpx.ASGITransport(app=server)
    try:
        checker = await OperatorClient.login(
            BASE_URL, OPERATOR_EMAIL, PASSWORD, transport=transport
        )
        for index, (name, text) in enumerate(strings):
            # One organisation each, verified under the hostile name it typed (the
            # name candidates are shown is still text from outside). The operator
            # gives it a domain of its own, which frees hostile.example for the next
            # signup to start an organisation of its own rather than join this one.
            boss = await EmployerClient.signup(
                BASE_URL,
                f"hr{index:02d}@hostile.example",
                PASSWORD,
                company_name(index, name, text),
                transport=transport,
            )
            async with boss:
                organisation = await boss.organisation()
                await checker.verify(
                    organisation.id,
                    organisation.legal_name,
                    domains=[f"co{index:02d}.hostile.example"],
                )
                job = await boss.post_job(job_draft(index, name, text))
                # As the clients will read it once the stand-ins are planted.
                world.jobs[name] = job.model_copy(
                    update={
                        field: restore(getattr(job, field))
                        for field in ("title", "description", "company_name", "city")
                    }
                )
                [hit] = (await boss.search_resumes(SKILL.lower())).items
                await boss.view_candidate(hit.candidate_ref)
                sent = await boss.invite(
                    hit.candidate_ref,
                    InvitationRequest(
                        subject=fit(f"Subj{index:02d} {name}", text, 200),
                        body=f"Body{index:02d} {name} {text}\nSecond line {text}",
                    ),
                )
                world.invitation_ids[name] = sent.id
        for name, job in world.jobs.items():
            if apply_to(name):
                application = await candidate.apply(job.id, ApplicationRequest())
                world.application_ids[name] = application.id
        for name, _ in strings:
            if reply_to(name):
                await candidate.reply(
                    world.invitation_ids[name], ReplyRequest(body=reply_text(strings))
                )
        first = next(iter(world.application_ids.values()), None)
        if first is not None:
            await candidate.request_erasure(first)
        await checker.aclose()
        await plant(server.state.platform.engine)
    finally:
        await server.state.platform.aclose()
    return world
