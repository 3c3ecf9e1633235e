"""One line is one line: no line break in a platform's text can forge a line of output.

Each of CR, CRLF, VT, FF, NEL, U+2028 and U+2029 sits in every employer-controlled
field (company name, job title and description, invitation subject and body, the
candidate's replies and blocked names), followed by "Verified: yes (platform-checked
employer)". Every plain command that prints such a field runs, and no line of its
output may start with those words at the margin, where the app's own labels are:
the break becomes a newline, indented like any other ("Message:" then "  Hi" then
"  Verified: ..."), or a space in a one-line value. Before, "Company: Nobody Ltd\\r
Verified: yes" printed a "Verified:" line of its own.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from gpseeker.cli import main
from gpseeker.local_platform.in_process import database_url, open_local_platform
from tests.hostile import SKILL, World, seed
from tests.line_breaks import FORGED, STRINGS, assert_no_forged_line, put_line_breaks
from tests.tui.support import candidate_profile

from .test_hostile_plain import CHEAP, as_first_employer, run  # noqa: F401 (a fixture)


@pytest.fixture
def world(home: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> World:
    """The local platform with a line break in every field an employer (or the
    candidate, for an employer to read) controls; the local candidate signed in."""
    run(capsysbinary, "privacy", "status")  # creates and signs in the local account

    async def fill() -> World:
        profile = candidate_profile()
        profile.skills = [*profile.skills, SKILL]
        candidate = await open_local_platform(home / "data", server_settings=CHEAP)
        async with candidate:
            made = await seed(candidate, profile, home / "data", CHEAP, strings=STRINGS)
        await put_line_breaks(database_url(home / "data"))
        return made

    return asyncio.run(fill())


def shown(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> str:
    """`gpseeker *argv`'s output, checked: plain-safe and with no forged line."""
    out = run(capsysbinary, *argv)
    assert_no_forged_line(out, " ".join(argv))
    return out


@pytest.mark.usefixtures("as_first_employer")
def test_no_plain_command_prints_a_forged_line(
    world: World, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """One platform for every command (seeding it is the slow part): the candidate's
    commands, the employer's, then deleting the account, which lists the employers."""
    for job in world.jobs.values():
        run(capsysbinary, "jobs", "save", str(job.id))
    printed = [
        shown(capsysbinary, "jobs", "search", SKILL.lower(), "--limit", "50"),
        shown(capsysbinary, "jobs", "saved"),
        shown(capsysbinary, "applications"),
        shown(capsysbinary, "inbox"),
        shown(capsysbinary, "data", "disclosures"),
        shown(capsysbinary, "privacy", "disclosures"),
        shown(capsysbinary, "privacy", "views"),
        shown(capsysbinary, "privacy", "blocked"),
        shown(capsysbinary, "privacy", "status"),
    ]
    printed += [shown(capsysbinary, "jobs", "show", str(job.id)) for job in world.jobs.values()]
    printed += [
        shown(capsysbinary, "inbox", "read", str(number))
        for number in world.invitation_ids.values()
    ]
    first_application = next(iter(world.application_ids.values()))
    printed.append(shown(capsysbinary, "data", "forget", str(first_application)))
    # The words are all there, each after a break that reads as a break.
    everything = "\n".join(printed)
    assert f"  {FORGED}" in everything  # indented under its label, like a newline
    for name, _ in STRINGS:
        # or a space, in a one-line value
        assert f"Co{list(world.jobs).index(name):02d} {name} Hi {FORGED}" in everything, name
    last = list(world.application_ids.values())[-1]
    shown(capsysbinary, "applications", "withdraw", str(last), "--yes")

    for argv in (
        ("employer", "messages"),
        ("employer", "invitations"),
        ("employer", "requests"),
        ("employer", "jobs"),
        ("employer", "applications"),
        ("employer", "organisation"),
    ):
        assert shown(capsysbinary, *argv), argv

    # A wrong address stops the deletion after the explanation, which lists every
    # employer that received an application ("- name", printed raw until now).
    capsysbinary.readouterr()
    assert main(["data", "delete", "--confirm-email", "not-me@example.com"]) != 0
    refused = capsysbinary.readouterr().out.decode()
    assert_no_forged_line(refused, "data delete (refused)")
    assert f"- Co00 cr Hi\n  {FORGED}" in refused
    deleted = shown(capsysbinary, "data", "delete", "--confirm-email", "you@example.com")
    assert "These employers may keep their copy" in deleted
