"""`gpseeker inbox ...` and the employer's `invite`, `invitations` and `messages`, in this
process on the local demo platform: invitations listed and read in words, answers
relayed under the reference only (identity only when the candidate says so, after
asking), decline-and-block, scam warnings said first, and hostile text kept inert."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from gpseeker.client import EmployerClient, PlatformError
from gpseeker.core.models import InvitationRequest, RelayedMessage, SentInvitation
from gpseeker.local_platform.in_process import database_url
from tests.cli import test_apply
from tests.cli.conftest import Gpseeker
from tests.cli.test_apply import Terminal
from tests.cli.test_jobs import CONTROL_BYTES, HOSTILE, SHOWN, as_employer
from tests.planted import plant_in_database, stand_in

# `gpseeker employer ...` in process, on the candidate's own local platform.
employer_cli = test_apply.employer_cli

# A skill no demo candidate has, so the employer's search finds exactly this candidate.
SKILL = "Quokkascript"
SCAM = "Great news, you are hired! Write to recruit.tokyo@gmail.com to start."


@pytest.fixture
def searchable(gpseeker: Gpseeker) -> None:
    for argv in (
        ("profile", "set", "headline", "Quokkascript developer"),
        ("profile", "set", "skills", f"{SKILL}, Rust"),
        ("profile", "set", "identity.phone", "090-1234-5678"),
        ("privacy", "searchable"),
    ):
        result = gpseeker(*argv)
        assert result.code == 0, (argv, result.err)


def invite(
    home: Path,
    subject: str = "Quokkascript role in Tokyo",
    body: str = "We liked your profile.\nCould we talk next week?",
    **employer: str,
) -> SentInvitation:
    """An employer finds the candidate in the resume bank and invites them."""

    async def act(client: EmployerClient) -> SentInvitation:
        [hit] = (await client.search_resumes(SKILL.lower())).items
        return await client.invite(hit.candidate_ref, InvitationRequest(subject=subject, body=body))

    return as_employer(home, act, **employer)


def relayed(home: Path) -> list[RelayedMessage]:
    """What the default employer (the one `invite` uses) received back."""

    async def act(client: EmployerClient) -> list[RelayedMessage]:
        return await client.messages()

    return as_employer(home, act)


def block_of(out: str, number: int) -> list[str]:
    for block in out.split("\n\n"):
        if block.startswith(f"Invitation {number}:"):
            return block.splitlines()
    raise AssertionError(f"no block for invitation {number} in:\n{out}")


# --- list and read ----------------------------------------------------------------------


@pytest.mark.usefixtures("searchable")
def test_the_inbox_lists_each_invitation_in_words(gpseeker: Gpseeker, home: Path) -> None:
    first = invite(home)
    second = invite(
        home, subject="Rust role", body="Hello.", email="hr@sakura.example", company="Sakura KK"
    )
    assert gpseeker("inbox", "read", str(first.id)).code == 0

    result = gpseeker("inbox")
    assert result.code == 0, result.err
    lines = block_of(result.out, first.id)
    assert lines[:2] == [
        f"Invitation {first.id}: Quokkascript role in Tokyo",
        "From: Hostile KK (verified by the platform)",
    ]
    assert re.fullmatch(r"Received: \d{4}-\d\d-\d\d \d\d:\d\d( \S+)?", lines[2])
    assert lines[3:] == ["Status: Read"]
    assert block_of(result.out, second.id)[1:4:2] == [
        "From: Sakura KK (verified by the platform)",
        "Status: Unread",
    ]
    # Unread first, and a count at the end in words.
    assert result.out.index(f"Invitation {second.id}:") < result.out.index(
        f"Invitation {first.id}:"
    )
    assert re.search(r"\n\n\d+ invitations, \d+ unread\n$", result.out)
    mine = json.loads(gpseeker("inbox", "--json").out)
    assert {first.id, second.id} <= {item["id"] for item in mine}
    unread = sum(1 for item in mine if not item["read"])
    assert result.out.endswith(f"\n{len(mine)} invitations, {unread} unread\n")

    only_unread = gpseeker("inbox", "--unread").out
    assert f"Invitation {second.id}:" in only_unread
    assert f"Invitation {first.id}:" not in only_unread


def test_an_empty_inbox_says_how_employers_reach_you(gpseeker: Gpseeker) -> None:
    result = gpseeker("inbox")
    assert result.code == 0, result.err
    assert result.out.startswith("No invitations yet.")
    assert gpseeker("inbox", "--json").out == "[]\n"


@pytest.mark.usefixtures("searchable")
def test_read_shows_the_whole_message_and_marks_it_read(gpseeker: Gpseeker, home: Path) -> None:
    sent = invite(home)
    result = gpseeker("inbox", "read", str(sent.id))
    assert result.code == 0, result.err
    assert result.out.startswith(
        f"Invitation {sent.id}: Quokkascript role in Tokyo\n"
        "From: Hostile KK (verified by the platform)\nReceived: "
    )
    assert "Status: Read\n" in result.out
    assert "Message:\n  We liked your profile.\n  Could we talk next week?\n" in result.out
    assert f"Answer: gpseeker inbox reply {sent.id} --message TEXT" in result.out
    assert "Be careful" not in result.out
    assert "Status: Read" in "\n".join(block_of(gpseeker("inbox").out, sent.id))
    as_json = json.loads(gpseeker("inbox", "read", str(sent.id), "--json").out)
    assert as_json["read"] is True

    unknown = gpseeker("inbox", "read", "999999")
    assert unknown.code == 1
    assert unknown.err == "error: you have no invitation 999999 (gpseeker inbox lists them)\n"


@pytest.mark.usefixtures("searchable")
def test_a_scam_warning_is_said_in_words_before_anything_else(
    gpseeker: Gpseeker, home: Path
) -> None:
    sent = invite(home, subject="Job offer", body=SCAM)
    lines = block_of(gpseeker("inbox").out, sent.id)
    assert lines[1] == "From: Hostile KK (verified by the platform)"
    warnings = [text for text in lines[2:] if text.startswith("Warning: ")]
    assert warnings, lines
    # Right after the sender: a screen reader hears them before the date and status.
    assert lines[2 : 2 + len(warnings)] == warnings
    assert any("gmail.com" in text for text in warnings)

    shown = gpseeker("inbox", "read", str(sent.id)).out
    before, body = shown.split("\nMessage: ")
    assert "\nBe careful: this message may be a scam:\n- " in before
    assert "Warning:" not in before  # said once, under the heading
    assert SCAM in body


# --- reply ------------------------------------------------------------------------------


@pytest.mark.usefixtures("searchable", "employer_cli")
def test_a_reply_reaches_the_employer_under_the_reference_only(
    gpseeker: Gpseeker, home: Path
) -> None:
    sent = invite(home)
    result = gpseeker("inbox", "reply", str(sent.id), "--message", "Yes, Tuesday works.", "--yes")
    assert result.code == 0, result.err
    assert (
        "Hostile KK will receive, under your reference only:\nMessage: Yes, Tuesday works.\n\n"
        "Your e-mail address is NOT shared; the employer sees only your reference.\n"
        "Your phone number is NOT shared.\n"
    ) in result.out
    assert result.out.endswith("Sent your reply to Hostile KK.\nStatus: Replied\n")
    assert "Status: Replied" in "\n".join(block_of(gpseeker("inbox").out, sent.id))

    messages = gpseeker("employer", "messages")
    assert messages.code == 0, messages.err
    assert re.match(
        rf"Message \d+: reply to invitation {sent.id}\n"
        rf"Candidate: {re.escape(sent.candidate_ref)}\n",
        messages.out,
    )
    assert "Message: Yes, Tuesday works.\n" in messages.out
    for secret in ("you@example.com", "Local Candidate", "E-mail", "Phone", "1234"):
        assert secret not in messages.out
    [message] = json.loads(gpseeker("employer", "messages", "--json").out)
    assert message["shared_email"] is None and message["shared_phone"] is None

    again = gpseeker("inbox", "reply", str(sent.id), "--message", "Again", "--yes")
    assert again.code == 1
    assert again.err == (
        f"error: you have already replied to invitation {sent.id}; nothing new was sent "
        f"(gpseeker inbox read {sent.id} shows it)\n"
    )
    assert len(relayed(home)) == 1


@pytest.mark.usefixtures("searchable", "employer_cli")
def test_share_email_says_so_and_the_employer_gets_it(gpseeker: Gpseeker, home: Path) -> None:
    sent = invite(home)
    result = gpseeker(
        "inbox", "reply", str(sent.id), "--message", "Mail me.", "--share-email", "--yes"
    )
    assert result.code == 0, result.err
    assert (
        "Your e-mail address WILL be shared with Hostile KK (logged as a disclosure).\n"
        "Your phone number is NOT shared.\n"
    ) in result.out
    messages = gpseeker("employer", "messages").out
    assert "E-mail: you@example.com\n" in messages
    assert "Phone" not in messages and "Local Candidate" not in messages
    [message] = relayed(home)
    assert message.shared_email == "you@example.com"
    assert message.shared_phone is None


@pytest.mark.usefixtures("searchable")
def test_a_reply_from_standard_input(
    gpseeker: Gpseeker, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = invite(home)
    monkeypatch.setattr("sys.stdin", io.StringIO("Piped reply\nsecond line\n"))
    result = gpseeker("inbox", "reply", str(sent.id), "--yes")
    assert result.code == 0, result.err
    [message] = relayed(home)
    assert message.body.startswith("Piped reply\nsecond line")

    monkeypatch.setattr("sys.stdin", Terminal(""))
    other = invite(home, subject="Another")
    typed = gpseeker("inbox", "reply", str(other.id), "--yes")
    assert typed.code == 1
    assert typed.err.startswith("error: no reply given: add --message TEXT, or pipe the text in")


@pytest.mark.usefixtures("searchable")
def test_without_a_terminal_or_yes_nothing_is_sent(gpseeker: Gpseeker, home: Path) -> None:
    sent = invite(home)
    result = gpseeker("inbox", "reply", str(sent.id), "--message", "Hi", "--share-email")
    assert result.code == 1
    assert result.err == (
        "error: nothing was sent: there is no terminal to confirm in; add --yes to go "
        "ahead without asking\n"
    )
    # The user still saw what would have gone.
    assert "Your e-mail address WILL be shared with Hostile KK" in result.out
    declined = gpseeker("inbox", "decline", str(sent.id), "--block")
    assert declined.code == 1
    assert declined.err.startswith("error: nothing was sent: there is no terminal")
    assert relayed(home) == []
    assert "Status: Unread" in "\n".join(block_of(gpseeker("inbox").out, sent.id))
    assert "No companies are blocked." in gpseeker("privacy", "blocked").out


@pytest.mark.usefixtures("searchable")
@pytest.mark.parametrize("answer", ["n\n", "\n", ""])
def test_anything_but_yes_at_the_prompt_sends_nothing(
    gpseeker: Gpseeker, home: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    sent = invite(home)
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    result = gpseeker("inbox", "reply", str(sent.id), "--message", "Hi")
    assert result.code == 1
    assert result.out.endswith("Send your reply to Hostile KK? [y/N] Nothing was sent.\n")
    assert relayed(home) == []


@pytest.mark.usefixtures("searchable")
def test_an_empty_reply_is_refused_before_anything_is_asked(gpseeker: Gpseeker, home: Path) -> None:
    sent = invite(home)
    result = gpseeker("inbox", "reply", str(sent.id), "--message", "  \n", "--yes")
    assert result.code == 1
    assert result.err == "error: the reply is empty; nothing was sent\n"
    assert result.out == ""


# --- the send-check: what the leak guard hides from the reply, asked once ---------------

REPLY_WITH_PHONE = "Yes, Tuesday works. Call me on 090-1234-5678 after six."
REPLY_AS_SENT = "Yes, Tuesday works. Call me on [hidden] after six."
REPLY_HIDDEN = (
    f"Message: {REPLY_AS_SENT}\n\n"
    "Hidden from your reply by the leak guard (1 replacement, shown as [hidden]):\n"
    "  - "
)


@pytest.mark.usefixtures("searchable")
def test_a_reply_giving_the_phone_number_is_shown_and_sent_as_the_employer_gets_it(
    gpseeker: Gpseeker, home: Path
) -> None:
    sent = invite(home)
    result = gpseeker("inbox", "reply", str(sent.id), "--message", REPLY_WITH_PHONE, "--yes")
    assert result.code == 0, result.err
    assert REPLY_HIDDEN in result.out
    hidden = result.out.split(REPLY_HIDDEN)[1].splitlines()
    assert hidden[0].endswith("contains your phone number")
    assert hidden[1:3] == [
        "",
        "Your e-mail address is NOT shared; the employer sees only your reference.",
    ]
    assert "1234" not in result.out
    assert "[y/N]" not in result.out  # --yes: nothing asked
    [message] = relayed(home)
    assert message.body == REPLY_AS_SENT
    assert message.shared_phone is None


@pytest.mark.usefixtures("searchable")
@pytest.mark.parametrize(("answer", "code"), [("y\n", 0), ("n\n", 1)])
def test_at_the_prompt_the_one_question_asks_to_send_the_reply_as_shown(
    gpseeker: Gpseeker, home: Path, monkeypatch: pytest.MonkeyPatch, answer: str, code: int
) -> None:
    sent = invite(home)
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    result = gpseeker("inbox", "reply", str(sent.id), "--message", REPLY_WITH_PHONE)
    assert result.code == code, result.err
    assert REPLY_HIDDEN in result.out
    assert result.out.count("[y/N]") == 1
    assert "\nSend your reply to Hostile KK as shown? [y/N] " in result.out
    assert [m.body for m in relayed(home)] == ([REPLY_AS_SENT] if code == 0 else [])


@pytest.mark.usefixtures("searchable")
def test_a_reply_with_hidden_parts_and_no_terminal_sends_nothing(
    gpseeker: Gpseeker, home: Path
) -> None:
    sent = invite(home)
    result = gpseeker("inbox", "reply", str(sent.id), "--message", REPLY_WITH_PHONE)
    assert result.code == 1
    assert result.err == (
        "error: nothing was sent: there is no terminal to confirm in; add --yes to go "
        "ahead without asking\n"
    )
    assert REPLY_HIDDEN in result.out  # the user still saw what would have gone, and why
    assert relayed(home) == []


# --- decline ----------------------------------------------------------------------------


@pytest.mark.usefixtures("searchable", "employer_cli")
def test_decline_and_block(gpseeker: Gpseeker, home: Path) -> None:
    sent = invite(home)
    result = gpseeker(
        "inbox", "decline", str(sent.id), "--reason", "Not looking", "--block", "--yes"
    )
    assert result.code == 0, result.err
    assert "Hostile KK will see that you declined, and your reason:\nReason: Not looking\n" in (
        result.out
    )
    assert (
        "Then Hostile KK will be blocked: none of its accounts can find you in the resume "
        "bank, open your profile or invite you again.\n"
    ) in result.out
    assert result.out.endswith(
        "Declined the invitation from Hostile KK.\n"
        "Blocked Hostile KK: none of its accounts can find you in the resume bank, open "
        "your profile or invite you again.\n"
    )
    # The sender's organisation is blocked by its number, not as a string.
    assert re.search(
        r"^- Hostile KK \(organisation \d+\)\n  Holds today: Hostile KK\n$",
        gpseeker("privacy", "blocked").out,
        re.M,
    )
    assert "Status: Declined" in "\n".join(block_of(gpseeker("inbox").out, sent.id))

    messages = gpseeker("employer", "messages").out
    assert re.match(rf"Message \d+: declined invitation {sent.id}\n", messages)
    assert "Reason: Not looking\n" in messages
    # Blocked: the employer can no longer find the candidate, nor invite them again.
    assert gpseeker("employer", "search", SKILL.lower()).out.startswith("No searchable candidate")
    again = gpseeker("employer", "invite", sent.candidate_ref, "--subject", "S", "--body", "B")
    assert again.code == 1
    assert again.err == (
        f"error: no candidate {sent.candidate_ref} you can reach (the reference is yours "
        "only, and the candidate may have locked their resume or blocked you)\n"
    )


@pytest.mark.usefixtures("searchable")
def test_decline_without_a_reason_and_twice(gpseeker: Gpseeker, home: Path) -> None:
    sent = invite(home)
    result = gpseeker("inbox", "decline", str(sent.id), "--yes")
    assert result.code == 0, result.err
    assert "Hostile KK will see that you declined, and nothing else.\n" in result.out
    assert result.out.endswith("Declined the invitation from Hostile KK.\n")
    [message] = relayed(home)
    assert message.kind == "declined"
    again = gpseeker("inbox", "decline", str(sent.id), "--yes")
    assert again.code == 1
    assert again.err.startswith(f"error: you have already declined invitation {sent.id};")


# --- the employer's commands ------------------------------------------------------------


@pytest.mark.usefixtures("searchable", "employer_cli")
def test_employer_invite_and_invitations(
    gpseeker: Gpseeker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = gpseeker("employer", "search", SKILL.lower()).out
    reference = re.search(r"^Reference: (\S+)$", found, re.M)
    assert reference is not None
    ref = reference[1]
    body = tmp_path / "body.txt"
    body.write_text("Dear candidate,\nplease call us.\n", encoding="utf-8")
    sent = gpseeker("employer", "invite", ref, "--subject", "Hello", "--body-file", str(body))
    assert sent.code == 0, sent.err
    number = re.match(rf"Sent invitation (\d+) to {re.escape(ref)}\.\n\n", sent.out)
    assert number is not None, sent.out
    assert f"Invitation {number[1]}: Hello\nCandidate: {ref}\nSent: " in sent.out
    assert "Status: not answered yet\n" in sent.out

    listed = gpseeker("employer", "invitations")
    assert listed.code == 0, listed.err
    assert listed.out.startswith(f"Invitation {number[1]}: Hello\nCandidate: {ref}\n")
    assert json.loads(gpseeker("employer", "invitations", "--json").out)[0]["candidate_ref"] == ref
    assert gpseeker("employer", "messages").out == "No answers to your invitations yet.\n"
    assert f"Invitation {number[1]}: Hello" in gpseeker("inbox").out

    unknown = gpseeker("employer", "invite", "no-such-ref", "--subject", "S", "--body", "B")
    assert unknown.code == 1
    assert unknown.err.startswith("error: no candidate no-such-ref you can reach")
    empty = gpseeker("employer", "invite", ref, "--subject", " ", "--body", "B")
    assert empty.code == 1
    assert empty.err.startswith("error: subject: ")

    async def flooded(*args: object, **kwargs: object) -> SentInvitation:
        raise PlatformError(
            "This candidate has received 20 invitations in the last 24 hours from all "
            "employers together. Try again in about 3 hours.",
            code="rate_limited",
            status=429,
        )

    monkeypatch.setattr(EmployerClient, "invite", flooded)
    limited = gpseeker("employer", "invite", ref, "--subject", "S", "--body", "B")
    assert limited.code == 1
    # The platform's words, which name the cap that was reached and when it frees.
    assert limited.err == (
        "error: nothing was sent: this candidate has received 20 invitations in the last "
        "24 hours from all employers together. Try again in about 3 hours.\n"
    )


# --- hostile text -----------------------------------------------------------------------


def test_hostile_invitation_text_prints_as_text(
    home: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    from gpseeker.cli import main

    def run(*argv: str) -> bytes:
        capsysbinary.readouterr()
        code = main(list(argv))
        out, err = capsysbinary.readouterr()
        assert code == 0, err.decode()
        return out

    # The `searchable` fixture's steps: it prints through capsys, which cannot be
    # used beside capsysbinary.
    run("profile", "set", "skills", f"{SKILL}, Rust")
    run("privacy", "searchable")
    # Planted in the store: the platform refuses ESC in a request (tests/planted.py).
    sent = invite(
        home,
        subject=stand_in(f"Subject {HOSTILE}"),
        body=stand_in(f"Body {HOSTILE}\nline two"),
        email="hr@evil.example",
        company=stand_in(f"Evil {HOSTILE}"),
    )
    plant_in_database(database_url(home / "data"))
    for argv in (
        ("inbox",),
        ("inbox", "--json"),
        ("inbox", "read", str(sent.id)),
        ("inbox", "read", str(sent.id), "--json"),
        ("inbox", "reply", str(sent.id), "--message", "Hi", "--yes"),
    ):
        out = run(*argv)
        assert CONTROL_BYTES.search(out) is None, (argv, out)
        assert b"\x1b" not in out and b"\x9b" not in out and b"\x07" not in out
        assert b"[@click=app.quit]quit[/]" in out

    shown = run("inbox", "read", str(sent.id)).decode()
    assert shown.startswith(
        f"Invitation {sent.id}: Subject {SHOWN}\nFrom: Evil {SHOWN} (verified by the platform)\n"
    )
    assert f"Message:\n  Body {SHOWN}\n  line two\n" in shown
    data = json.loads(run("inbox", "read", str(sent.id), "--json"))
    assert data["employer_name"] == f"Evil {HOSTILE}"  # JSON keeps the data, escaped
