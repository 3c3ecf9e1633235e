"""Every hostile string in every employer-controlled field, through every plain command.

`tests.hostile.seed` fills the local platform through its real API (hostile company
names, job titles and descriptions, invitation subjects and bodies, the candidate's
hostile replies, blocked names, profile views, an erase request). Then each command
that prints such a field runs in this process, and its stdout bytes are checked: no
ESC, no C0 but newline and tab, no DEL, no C1, no bidi override or isolate, and the
markup lookalikes are still there as characters. JSON output keeps the data, with
what a terminal would act on written as \\u escapes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from gpseeker.cli import employer as employer_commands
from gpseeker.cli import main
from gpseeker.client import EmployerClient, RetryPolicy
from gpseeker.client.embedded import BASE_URL
from gpseeker.local_platform.in_process import database_url, open_local_platform
from gpseeker.server import ServerSettings, create_app
from tests.hostile import (
    HOSTILE,
    LITERALS,
    LONG_WORD,
    PASSWORD,
    SKILL,
    World,
    assert_plain_safe,
    seed,
)
from tests.tui.support import candidate_profile

# The local platform's settings, as the embedded one runs it: no mailed sign-up codes.
CHEAP = ServerSettings(
    password_time_cost=1, password_memory_cost_kib=1024, require_email_verification=False
)


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str, as_json: bool = False) -> str:
    """`gpseeker *argv` in process; its stdout, checked byte by byte, as text."""
    capsysbinary.readouterr()
    code = main(list(argv))
    captured = capsysbinary.readouterr()
    assert code == 0, (argv, captured.err.decode())
    assert_plain_safe(captured.err, f"{argv} stderr")
    return assert_plain_safe(captured.out, str(argv), as_json=as_json)


@pytest.fixture
def world(home: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> World:
    """The local platform, full of hostile text, and its local candidate signed in."""
    run(capsysbinary, "privacy", "status")  # creates and signs in the local account

    async def fill() -> World:
        profile = candidate_profile()
        profile.skills = [*profile.skills, SKILL]
        candidate = await open_local_platform(home / "data", server_settings=CHEAP)
        async with candidate:
            return await seed(candidate, profile, home / "data", CHEAP)

    return asyncio.run(fill())


@pytest.fixture
def as_first_employer(world: World, home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`gpseeker employer ...` signed in as the first hostile employer (osc52).

    Employer commands insist on a remote platform; their client is handed the local
    platform over ASGI instead, as tests/cli/test_apply.py's `employer_cli` does.
    """

    async def token() -> str:
        server = create_app(database_url(home / "data"), settings=CHEAP)
        await server.state.platform.start()
        try:
            client = await EmployerClient.login(
                BASE_URL,
                "hr00@hostile.example",
                PASSWORD,
                transport=httpx.ASGITransport(app=server),
            )
            async with client:
                assert client.token is not None
                return client.token
        finally:
            await server.state.platform.aclose()

    signed_in = asyncio.run(token())

    async def client(args: argparse.Namespace) -> EmployerClient:
        server = create_app(database_url(home / "data"), settings=CHEAP)
        platform = server.state.platform
        await platform.start()
        return EmployerClient(
            BASE_URL,
            signed_in,
            transport=httpx.ASGITransport(app=server),
            retry=RetryPolicy(attempts=1),
            on_close=platform.aclose,
        )

    monkeypatch.setattr(employer_commands, "employer_client", client)
    yield


def strings_in(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)


def assert_literals(text: str, where: str) -> None:
    for literal in LITERALS:
        assert literal in text, f"{where}: {literal!r} lost"


def test_candidate_commands_print_hostile_text_only_as_text(
    world: World, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    found = run(capsysbinary, "jobs", "search", SKILL.lower(), "--limit", "50")
    assert_literals(found, "jobs search")
    assert "invoicegpj.exe" in found  # the override is gone, the text is not
    for name, job in world.jobs.items():
        shown = run(capsysbinary, "jobs", "show", str(job.id))
        assert f"Desc{list(world.jobs).index(name):02d} {name}" in shown
    # The long word is printed whole, on its own line: a terminal wraps it.
    assert LONG_WORD in run(capsysbinary, "jobs", "show", str(world.jobs["long-word"].id))

    applications = run(capsysbinary, "applications")
    assert "[@click=app.quit]quit[/]" in applications

    inbox = run(capsysbinary, "inbox")
    assert_literals(inbox, "inbox")
    for name, invitation_id in world.invitation_ids.items():
        read = run(capsysbinary, "inbox", "read", str(invitation_id))
        assert f"{name}" in read
    assert LONG_WORD in run(capsysbinary, "inbox", "read", str(world.invitation_ids["long-word"]))

    for argv in (
        ("data", "disclosures"),
        ("privacy", "disclosures"),
        ("privacy", "views"),
        ("privacy", "blocked"),
    ):
        out = run(capsysbinary, *argv)
        assert "Co00 osc52" in out or "Blocked00" in out, argv
        assert "[@click=app.quit]quit[/]" in out, argv


def test_json_keeps_the_data_escaped(
    world: World, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    exported = json.loads(run(capsysbinary, "data", "export", "-", as_json=True))
    raw = "\n".join(strings_in(exported))
    for name, text in HOSTILE:
        assert text[:60] in raw, name  # the data itself, not a cleaned copy
    for argv in (
        ("jobs", "search", SKILL.lower(), "--limit", "50", "--json"),
        ("inbox", "--json"),
        ("applications", "--json"),
    ):
        json.loads(run(capsysbinary, *argv, as_json=True))


@pytest.mark.usefixtures("as_first_employer")
def test_employer_commands_print_hostile_replies_only_as_text(
    world: World, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    messages = run(capsysbinary, "employer", "messages")
    # The relay hides URLs in what candidates write (the leak guard): "[link=[hidden]]".
    for literal in ("[@click=app.quit]quit[/]", "[link=", "[/]", "[0]"):
        assert literal in messages, literal
    assert "bidi: invoicegpj.exe" in messages
    for argv in (
        ("employer", "invitations"),
        ("employer", "requests"),
        ("employer", "jobs"),
        ("employer", "applications"),
    ):
        assert run(capsysbinary, *argv), argv
