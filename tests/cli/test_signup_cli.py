"""`gpseeker signup` asks for the code mailed to the address (at a terminal at once,
from a script with --code later; --resend mails a new one), and `gpseeker login` says
in words when to try again after wrong passwords. In process, against the local
platform's database served as a remote platform that confirms addresses."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from gpseeker.cli import account
from gpseeker.client import PlatformClient
from gpseeker.local.config import TokenStore
from gpseeker.local.known_jobs import KNOWN_JOBS_FILE, Owner, keep
from tests.cli.conftest import Gpseeker
from tests.cli.platform_side import SERVER, in_process, mail_dir
from tests.signup_mail import signup_code

PASSWORD = "correct horse battery staple"
EMAIL = "kai@example.org"


@pytest.fixture
def remote(gpseeker: Gpseeker, home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Candidate account commands reach the local platform's database in process, as a
    remote platform that mails sign-up codes into `mail_dir(home)`."""
    assert gpseeker("privacy", "status").code == 0  # the platform's database exists
    monkeypatch.setattr(account, "PlatformClient", in_process(PlatformClient, home))
    monkeypatch.setenv("GPSEEKER_PASSWORD", PASSWORD)
    return mail_dir(home)


class Terminal(io.StringIO):
    """Standard input as a person at a terminal types it, line by line."""

    def isatty(self) -> bool:
        return True


def signed_in_as() -> str | None:
    stored = TokenStore.default().get(SERVER, "seeker")
    return None if stored is None else stored.email


def test_a_script_finishes_the_sign_up_later_with_the_code(
    gpseeker: Gpseeker, remote: Path
) -> None:
    asked = gpseeker("signup", "--server", SERVER, "--email", EMAIL, "--name", "Kai Tanaka")
    assert asked.code == 0, asked.err
    assert asked.out.startswith(f"We sent a mail to {EMAIL}. Type the code it holds")
    assert (
        f"To finish when the mail arrives: gpseeker signup --server {SERVER} --email {EMAIL} "
        "--code CODE\n"
    ) in asked.out
    assert f"For a new code: gpseeker signup --server {SERVER} --email {EMAIL} --resend\n" in (
        asked.out
    )
    assert signed_in_as() is None  # no account until the code comes back

    wrong = gpseeker("signup", "--server", SERVER, "--email", EMAIL, "--code", "00000x")
    assert wrong.code == 1
    assert wrong.err == "error: That is not the code in the mail; this code allows 4 more tries.\n"

    code = signup_code(remote, EMAIL)
    done = gpseeker("signup", "--server", SERVER, "--email", EMAIL, "--code", code)
    assert done.code == 0, done.err
    assert done.out.startswith(f"Signed up and signed in to {SERVER} as {EMAIL}.\n")
    assert signed_in_as() == EMAIL


def test_at_a_terminal_the_code_is_asked_for_and_may_be_typed_again(
    gpseeker: Gpseeker, remote: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = Terminal()
    monkeypatch.setattr("sys.stdin", typed)

    def read_code(prompt: str) -> str:
        assert prompt == "Code from the e-mail (Enter alone to finish later): "
        # The first answer is a typo; the second is the code that came by mail.
        if not typed.getvalue():
            typed.write("x")
            return "12345"
        return signup_code(remote, EMAIL)

    monkeypatch.setattr("builtins.input", read_code)
    result = gpseeker("signup", "--server", SERVER, "--email", EMAIL, "--name", "Kai Tanaka")
    assert result.code == 0, result.err
    assert "error: That is not the code in the mail" in result.err
    assert f"Signed up and signed in to {SERVER} as {EMAIL}.\n" in result.out
    assert signed_in_as() == EMAIL


def test_a_new_code_is_mailed_on_request_and_the_limit_is_said_in_words(
    gpseeker: Gpseeker, remote: Path
) -> None:
    gpseeker("signup", "--server", SERVER, "--email", EMAIL, "--name", "Kai Tanaka")
    too_soon = gpseeker("signup", "--server", SERVER, "--email", EMAIL, "--resend")
    assert too_soon.code == 1
    assert too_soon.err.startswith("error: Sign-up mails to this address are limited")
    assert "Try again in 1 minute.\n" in too_soon.err


def test_signup_needs_a_name_unless_it_finishes_with_a_code(
    gpseeker: Gpseeker, remote: Path
) -> None:
    refused = gpseeker("signup", "--server", SERVER, "--email", EMAIL)
    assert refused.code == 1
    assert refused.err == "error: signup needs --name (or --code CODE to finish a sign-up)\n"


def test_wrong_passwords_are_answered_with_when_to_try_again(
    gpseeker: Gpseeker, remote: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gpseeker("signup", "--server", SERVER, "--email", EMAIL, "--name", "Kai Tanaka")
    gpseeker("signup", "--server", SERVER, "--email", EMAIL, "--code", signup_code(remote, EMAIL))
    monkeypatch.setenv("GPSEEKER_PASSWORD", "not my password")
    answers = [gpseeker("login", "--server", SERVER, "--email", EMAIL) for _ in range(7)]
    assert all(answer.code == 1 for answer in answers)
    assert answers[0].err.startswith("error: The e-mail address or password is wrong.\n")
    assert "signed up but not typed the mailed code yet?" in answers[0].err
    assert "try again in 1 second.\n" in answers[5].err
    # Within the wait a try is refused, with when to try again. On a busy machine the
    # next command may start after a 1 s wait has passed: it is then a wrong try,
    # whose answer names a longer wait, and a later one falls within that.
    while "password is wrong" in answers[-1].err and len(answers) < 10:
        assert re.search(r"try again in \d+ seconds?\.\n", answers[-1].err)
        answers.append(gpseeker("login", "--server", SERVER, "--email", EMAIL))
    assert re.fullmatch(
        r"error: Too many wrong tries for this e-mail address or from your network\. "
        r"Try again in \d+ seconds?\.\n",
        answers[-1].err,
    )


def test_logout_also_removes_the_jobs_list_the_app_kept_for_this_platform(
    gpseeker: Gpseeker, remote: Path, home: Path
) -> None:
    gpseeker("signup", "--server", SERVER, "--email", EMAIL, "--name", "Kai Tanaka")
    code = signup_code(remote, EMAIL)
    assert gpseeker("signup", "--server", SERVER, "--email", EMAIL, "--code", code).code == 0
    data = home / "data"
    assert keep(data, Owner(TokenStore.key(SERVER), EMAIL), [], dt.datetime.now(dt.UTC))

    out = gpseeker("logout", "--server", SERVER)

    assert out.code == 0, out.err
    assert signed_in_as() is None
    assert not (data / KNOWN_JOBS_FILE).exists()
