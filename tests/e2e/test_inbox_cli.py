"""The installed `gpseeker` on both sides of the relay, against `gpseeker serve` on
127.0.0.1: an employer finds a searchable candidate as a reference and invites them,
the candidate lists, reads and answers with `gpseeker inbox`, and the employer reads
the answer with `gpseeker employer messages`: under the reference, never with the
candidate's name or e-mail address."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.e2e import test_serve_cli

COMPANY = "Sakura Systems K.K."

pytestmark = pytest.mark.e2e

# The same fixture and helper as the serve test: one server per test, one home per person.
server = test_serve_cli.server
person = test_serve_cli.person
signed_up = test_serve_cli.signed_up

SECRETS = ("Mika", "Tanaka", "mika@example.com", "1234", "5678")


def test_invite_read_reply_and_read_the_reply(server: str, tmp_path: Path) -> None:
    candidate = person(tmp_path, "candidate")
    employer = person(tmp_path, "employer")

    signed_up(candidate, tmp_path, "signup", "--server", server, "--email", "mika@example.com",
              "--name", "Mika Tanaka")  # fmt: skip
    candidate("profile", "set", "headline", "Zig and Rust developer", "--server", server)
    candidate("profile", "set", "skills", "Zig, Rust, Kubernetes", "--server", server)
    candidate("profile", "set", "identity.phone", "090-1234-5678", "--server", server)
    assert "Resume: SEARCHABLE" in candidate("privacy", "searchable", "--server", server).stdout
    assert candidate("inbox", "--server", server).stdout.startswith("No invitations yet.")

    signed_up(employer, tmp_path, "employer", "signup", "--server", server,
              "--email", "hr@sakura.example", "--company", "Sakura Systems KK")  # fmt: skip
    # The operator admits the account into the verified Sakura Systems K.K.
    test_serve_cli.operator_admits(tmp_path, server, "hr@sakura.example", into=COMPANY)
    found = employer("employer", "search", "zig", "--server", server).stdout
    reference = re.search(r"^Reference: (\S+)$", found, re.MULTILINE)
    assert reference is not None, found
    ref = reference.group(1)

    sent = employer(
        "employer", "invite", ref, "--subject", "Zig role in Shibuya",
        "--body", "We liked your profile.\nCould we talk on Tuesday?", "--server", server,
    ).stdout  # fmt: skip
    number = re.match(rf"Sent invitation (\d+) to {re.escape(ref)}\.\n", sent)
    assert number is not None, sent
    invitation = number.group(1)
    assert (
        "Status: not answered yet\n"
        in employer("employer", "invitations", "--server", server).stdout
    )
    # A reference this employer was never given reaches nobody.
    stranger = employer("employer", "invite", "nobody", "--subject", "S", "--body", "B",
                        "--server", server, ok=False)  # fmt: skip
    assert stranger.returncode == 1
    assert stranger.stderr.startswith("error: no candidate nobody you can reach")

    inbox = candidate("inbox", "--server", server).stdout
    assert (
        f"Invitation {invitation}: Zig role in Shibuya\n"
        "From: Sakura Systems K.K. (verified by the platform)\nReceived: "
    ) in inbox
    assert "Status: Unread\n" in inbox
    assert inbox.endswith("\n1 invitation, 1 unread\n")

    shown = candidate("inbox", "read", invitation, "--server", server).stdout
    assert "Status: Read\n" in shown
    assert "Message:\n  We liked your profile.\n  Could we talk on Tuesday?\n" in shown
    assert candidate("inbox", "--server", server).stdout.endswith("\n1 invitation, 0 unread\n")
    assert candidate("inbox", "--unread", "--server", server).stdout == "No unread invitations.\n"

    # No terminal and no --yes: nothing goes.
    unsent = candidate("inbox", "reply", invitation, "--message", "Hi", "--server", server,
                       ok=False)  # fmt: skip
    assert unsent.returncode == 1
    assert "nothing was sent" in unsent.stderr
    assert employer("employer", "messages", "--server", server).stdout == (
        "No answers to your invitations yet.\n"
    )

    replied = candidate("inbox", "reply", invitation, "--message", "Tuesday 10:00 works.",
                        "--yes", "--server", server).stdout  # fmt: skip
    assert "Your e-mail address is NOT shared; the employer sees only your reference." in replied
    assert replied.endswith("Sent your reply to Sakura Systems K.K.\nStatus: Replied\n")

    messages = employer("employer", "messages", "--server", server).stdout
    assert re.match(
        rf"Message \d+: reply to invitation {invitation}\nCandidate: {re.escape(ref)}\n", messages
    ), messages
    assert "Message: Tuesday 10:00 works.\n" in messages
    for secret in (*SECRETS, "E-mail", "Phone"):
        assert secret not in messages
    as_json = employer("employer", "messages", "--json", "--server", server).stdout
    assert [m["candidate_ref"] for m in json.loads(as_json)] == [ref]
    for secret in SECRETS:
        assert secret not in as_json
    assert "Status: replied\n" in employer("employer", "invitations", "--server", server).stdout
