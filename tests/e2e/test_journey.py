"""The whole journey, in a real terminal: the installed `gpseeker --server URL` in tmux
at 80x24, played by keys only, against `gpseeker serve` on 127.0.0.1, while
`gpseeker employer ...` plays the other side.

The candidate signs up in the app, fills the profile, turns SEARCHABLE, checks the
preview, searches and applies to a job; the employer finds them as a reference,
invites them and moves the application on; the candidate reads and answers the
invitation, exports their data, unsubscribes from JobMail and deletes the account.
Each step asserts on what the screen shows, once in colour and once with NO_COLOR
(where every state must still read in words).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from gpseeker.core.text import sentence
from tests.e2e import test_serve_cli
from tests.e2e.terminal import Terminal, installed_gpseeker
from tests.signup_mail import signup_code

pytestmark = pytest.mark.e2e

server = test_serve_cli.server
person = test_serve_cli.person
Run = test_serve_cli.Run

PASSWORD = test_serve_cli.PASSWORD
EMAIL = "mika@example.com"
NAME = "Mika Tanaka"
PHONE = "090-1234-5678"
HEADLINE = "Zig and Rust developer"
SKILLS = "Zig, Rust, Kubernetes"
JOB_TITLE = "Zig storage engineer"
SUBJECT = "Zig role in Shibuya"
REPLY = "Tuesday 10:00 works."
TYPED_COMPANY = "Sakura Systems KK"
"""What the employer's account types at signup: the platform never shows it."""
COMPANY = "Sakura Systems K.K."
"""The verified organisation the operator merges the new account into."""

TERMINALS = {
    "colour": {"TERM": "xterm-256color"},
    "no-colour": {"TERM": "xterm-256color", "NO_COLOR": "1"},
}


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = Terminal(tmp_path / "tmux.sock")
    yield terminal
    terminal.close()


@pytest.mark.parametrize("variant", list(TERMINALS))
def test_the_whole_journey_by_keys(
    variant: str, server: str, terminal: Terminal, tmp_path: Path
) -> None:
    employer = person(tmp_path, "employer")
    job = employer_posts_a_job(employer, server, tmp_path)

    home = tmp_path / "candidate"
    terminal.start(
        [installed_gpseeker(), "--server", server],
        {"GPSEEKER_HOME": str(home), **TERMINALS[variant]},
    )
    sign_up_in_the_app(terminal, server, tmp_path)
    fill_the_profile(terminal)
    turn_searchable_and_check_the_preview(terminal)
    search_and_apply(terminal)

    ref = employer_finds_the_candidate(employer, server)
    employer_invites(employer, server, ref)
    employer_moves_the_application_on(employer, server, job)

    see_the_new_status(terminal)
    read_and_answer_the_invitation(terminal)
    employer_reads_the_answer(employer, server, ref)

    export_the_data(terminal, tmp_path / "export.json")
    unsubscribe_from_jobmail(terminal)
    delete_the_account(terminal, server)
    the_address_no_longer_signs_in(tmp_path, server)


# --- the employer, by plain subcommands ----------------------------------------------


def employer_posts_a_job(employer: Run, server: str, tmp_path: Path) -> str:
    """The employer signs up and posts the job the candidate will apply to; its number."""
    test_serve_cli.signed_up(
        employer, tmp_path, "employer", "signup", "--server", server,
        "--email", "hr@sakura.example", "--company", TYPED_COMPANY,
    )  # fmt: skip
    test_serve_cli.operator_admits(tmp_path, server, "hr@sakura.example", into=COMPANY)
    draft = tmp_path / "job.json"
    draft.write_text(
        json.dumps(
            {
                "title": JOB_TITLE,
                "description": "Build a fast storage engine in Zig.",
                "category": "engineering",
                "job_type": "full_time",
                "prefecture": "Tokyo",
                "skills": ["Zig"],
            }
        )
    )
    posted = employer("employer", "post-job", str(draft), "--server", server).stdout
    number = re.match(r"Posted job (\d+)\.", posted)
    assert number is not None, posted
    return number.group(1)


def employer_finds_the_candidate(employer: Run, server: str) -> str:
    """A keyword search finds the candidate masked, as a reference only."""
    found = employer("employer", "search", "zig", "--server", server).stdout
    assert f"Headline: {HEADLINE}" in found, found
    for secret in (NAME, EMAIL, "5678"):
        assert secret not in found
    reference = re.search(r"^Reference: (\S+)$", found, re.MULTILINE)
    assert reference is not None, found
    return reference.group(1)


def employer_invites(employer: Run, server: str, ref: str) -> str:
    """An invitation through the relay, to the reference the search gave."""
    sent = employer(
        "employer", "invite", ref, "--subject", SUBJECT,
        "--body", "We liked your profile.\nCould we talk on Tuesday?", "--server", server,
    ).stdout  # fmt: skip
    number = re.match(rf"Sent invitation (\d+) to {re.escape(ref)}\.", sent)
    assert number is not None, sent
    return number.group(1)


def employer_moves_the_application_on(employer: Run, server: str, job: str) -> str:
    """The one application to the job moves to interview, with a note."""
    received = json.loads(
        employer("employer", "applications", "--job", job, "--json", "--server", server).stdout
    )
    assert len(received) == 1, received
    application = str(received[0]["id"])
    employer("employer", "set-status", application, "interview",
             "--note", "Let us meet", "--server", server)  # fmt: skip
    return application


def employer_reads_the_answer(employer: Run, server: str, ref: str) -> None:
    """The reply arrives under the reference, without the name or e-mail."""
    messages = employer("employer", "messages", "--server", server).stdout
    assert f"Candidate: {ref}" in messages, messages
    assert f"Message: {REPLY}" in messages, messages
    for secret in (NAME, EMAIL):
        assert secret not in messages


def the_address_no_longer_signs_in(tmp_path: Path, server: str) -> None:
    """After deletion, `gpseeker login` with the old address and password fails."""
    again = person(tmp_path, "after-deletion")
    refused = again("login", "--server", server, "--email", EMAIL, ok=False)
    assert refused.returncode != 0, refused.stdout
    assert refused.stderr.startswith("error: "), refused.stderr


# --- the candidate, by keys only -----------------------------------------------------


def sign_up_in_the_app(terminal: Terminal, server: str, tmp_path: Path) -> None:
    """The sign-in screen opens with the cursor in the e-mail box; Enter in the
    name box asks for the account, and the cursor waits in the box for the code the
    platform mailed; Enter there creates the account."""
    terminal.wait_for(f"Sign in to {server}", timeout=30)
    terminal.enter_text(EMAIL)
    terminal.tab()
    terminal.enter_text(PASSWORD, shows="•" * len(PASSWORD))
    terminal.tab()
    terminal.enter_text(NAME)
    terminal.press("Enter")
    terminal.wait_for_all(f"We sent a mail to {EMAIL}", "Code from the e-mail", timeout=30)
    terminal.enter_text(signup_code(tmp_path / "server-home" / "data" / "mail", EMAIL))
    terminal.press("Enter")
    terminal.wait_for_all("[F2 Jobs]", f"· {EMAIL}", timeout=30)  # the header: who is signed in


def fill_the_profile(terminal: Terminal) -> None:
    terminal.press("F5")
    terminal.wait_for("Contact details — private: never shown in the resume bank")
    # The form opens on the full name, filled from sign-up; Tab walks the fields.
    terminal.wait_for_field("Full name", NAME)
    # The loaded form focuses the full name just after it shows: a Tab sent in
    # between would be undone, so give the app that moment.
    terminal.settle(0.5)
    fill(terminal, "Phone", PHONE)
    fill(terminal, "Headline", HEADLINE)
    fill(terminal, "Skills", SKILLS)
    terminal.press("C-s")
    terminal.wait_for("Profile saved.")
    terminal.wait_until_gone("unsaved changes")


def fill(terminal: Terminal, label: str, text: str) -> None:
    """Tab to the field labelled `label`, type `text`, and see it there."""
    terminal.tab_to(label)
    terminal.type(text)
    terminal.wait_for_field(label, text)
    terminal.settle()


def turn_searchable_and_check_the_preview(terminal: Terminal) -> None:
    terminal.press("F6")
    terminal.wait_for_all("Your resume is LOCKED", "No employer can find you")
    terminal.press("s")
    terminal.wait_for_all("Your resume is SEARCHABLE", "In the resume bank")
    # v switches the preview and scrolls it into view: first what the one employer
    # applied to receives (name included), then back to the masked resume-bank view.
    terminal.press("v")
    terminal.wait_for_all("What the one employer you apply to receives", f"Name: {NAME}")
    terminal.press("v")
    screen = terminal.wait_for_all("What an employer who finds you by keyword sees", HEADLINE)
    body = "\n".join(screen.splitlines()[2:])  # below the header, which names the account
    for secret in (NAME, EMAIL, PHONE, "5678"):
        assert secret not in body, f"{secret!r} shows in the resume-bank preview:\n{screen}"


def search_and_apply(terminal: Terminal) -> None:
    terminal.press("F2")
    terminal.wait_for("jobs · f: filters")
    # The search box has the focus when the screen opens, and "/" is then typed into
    # it (reported: the footer offers "/ Search" there); Ctrl+U empties the box
    # either way, so the query is what the candidate meant.
    terminal.press("/")
    terminal.settle()
    terminal.press("C-u")
    terminal.settle()
    terminal.type("zig storage")
    terminal.wait_for_all("1 job for “zig storage”", JOB_TITLE)
    terminal.press("Down")  # into the list, on the one job
    terminal.settle()
    terminal.press("a")
    terminal.wait_for_all(
        f"Apply to {JOB_TITLE} at {COMPANY}",
        "What this employer will receive",
        f"Name: {NAME}",
        f"E-mail: {EMAIL}",
    )
    terminal.press("C-s")
    terminal.wait_for_all("Application sent", f"Applied to {JOB_TITLE} at")


def see_the_new_status(terminal: Terminal) -> None:
    """The employer's status change and its note reach the Applications screen."""
    terminal.press("F3")
    terminal.wait_for_all("[F3 Applications]", "1 application", JOB_TITLE)
    terminal.wait_for_all("Status: Invited to interview", "Let us meet")


def read_and_answer_the_invitation(terminal: Terminal) -> None:
    terminal.press("F4")
    terminal.wait_for_all("1 invitation, 1 unread", f"Unread {SUBJECT}", "· 1 unread")
    terminal.press("Enter")
    terminal.wait_for_all(
        "1 invitation, 0 unread", f"From: {COMPANY}", "Status: read, not answered",
        "We liked your profile.",
    )  # fmt: skip
    terminal.press("r")
    terminal.wait_for_all(f"Reply to {COMPANY}: {SUBJECT}", "Ctrl+S sends")
    terminal.settle()
    terminal.type(REPLY)
    terminal.wait_for(REPLY)
    terminal.press("C-s")
    terminal.wait_for_all(sentence(f"Reply sent to {COMPANY}"), "Status: read, you replied")


def export_the_data(terminal: Terminal, export: Path) -> None:
    terminal.press("F7")
    terminal.wait_for_all("[F7 Account]", "4 Your data")
    terminal.press("4")
    terminal.wait_for("e  Export everything the platform holds about you")
    terminal.press("e")
    terminal.wait_for_all("Export your data", "Enter exports")
    terminal.settle()
    terminal.press("C-u")  # the box offers a path in the home directory: use ours
    terminal.settle()
    terminal.type(str(export))
    terminal.wait_for(export.name)
    terminal.press("Enter")
    terminal.wait_for_all("Exported", "Your data was written to")  # the path wraps
    data = json.loads(export.read_text())
    text = json.dumps(data)
    for expected in (EMAIL, HEADLINE, SUBJECT, REPLY, JOB_TITLE):
        assert expected in text, f"{expected!r} is missing from the export"
    assert export.stat().st_mode & 0o077 == 0  # only the candidate can read it


def unsubscribe_from_jobmail(terminal: Terminal) -> None:
    terminal.press("1")
    terminal.wait_for("JobMail: not subscribed")
    terminal.press("j")  # JobMail is off until the candidate says yes: say it first
    terminal.wait_for_all("Subscribed to JobMail.", "JobMail: subscribed, weekly")
    terminal.press("j")
    terminal.wait_for_all(
        "Unsubscribe from JobMail", f"Are you sure you want to unsubscribe {EMAIL}?"
    )
    terminal.press("y")
    terminal.wait_for_all(f"Unsubscribed {EMAIL} from", "JobMail: not subscribed — unsubscribed")


def delete_the_account(terminal: Terminal, server: str) -> None:
    terminal.press("4")
    terminal.wait_for("d  Delete your account for good")
    terminal.press("d")
    terminal.wait_for_all(
        "Delete your account for good",
        sentence(f"These employers received an application from you: {COMPANY}"),
        "Type your e-mail address to confirm:",
    )
    terminal.settle()
    terminal.type(EMAIL)
    terminal.wait_for_all("Type your e-mail address to confirm:", EMAIL)
    terminal.press("Enter")
    host = server.removeprefix("http://")
    # The app closes and says so in the shell it leaves.
    terminal.wait_for(f"Your account {EMAIL} is erased on {host}", timeout=30)
