"""`gpseeker data ...` on the local demo platform: the export file (0600, whole profile,
never over an existing file by surprise), the disclosure log in labelled words,
asking an employer to forget an application, and deleting the account only for the
right address typed again."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import stat
from pathlib import Path

import pytest

from gpseeker.core.models import Job
from tests.cli.conftest import Gpseeker
from tests.cli.test_apply import Terminal
from tests.cli.test_jobs import post_job


@pytest.fixture
def applied(gpseeker: Gpseeker, home: Path) -> int:
    """The candidate applied to Hostile KK's job; the application's number."""
    gpseeker("privacy", "status")  # the local platform exists before the employer posts
    job: Job = post_job(home)
    result = gpseeker("apply", str(job.id), "--yes")
    assert result.code == 0, result.err
    found = re.search(r"^Application (\d+): ", result.out, re.M)
    assert found is not None
    return int(found[1])


def block_with(out: str, text: str) -> list[str]:
    for block in out.split("\n\n"):
        if text in block:
            return block.splitlines()
    raise AssertionError(f"no block with {text!r} in:\n{out}")


# --- export ------------------------------------------------------------------------------


def test_export_writes_a_private_file_with_the_profile(
    gpseeker: Gpseeker, tmp_path: Path, applied: int
) -> None:
    gpseeker("profile", "set", "headline", "Quokkascript developer")
    target = tmp_path / "mine.json"
    result = gpseeker("data", "export", str(target))
    assert result.code == 0, result.err
    assert result.out.startswith(f"Wrote your data to {target}\n")
    assert "Profile: 1\nApplications: 1\n" in result.out
    assert "Disclosures: 1\n" in result.out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["profile"]["identity"]["full_name"] == "Local Candidate"
    assert data["profile"]["headline"] == "Quokkascript developer"
    assert [a["id"] for a in data["applications"]] == [applied]
    assert data["account"]["email"] == "you@example.com"


def test_export_never_replaces_a_file_unless_told(gpseeker: Gpseeker, tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    target.write_text("keep me", encoding="utf-8")
    refused = gpseeker("data", "export", str(target))
    assert refused.code == 1
    assert refused.err == (
        f"error: {target} already exists: add --force to replace it, or give another PATH\n"
    )
    assert target.read_text(encoding="utf-8") == "keep me"

    forced = gpseeker("data", "export", str(target), "--force")
    assert forced.code == 0, forced.err
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_to_a_missing_folder_is_refused(gpseeker: Gpseeker, tmp_path: Path) -> None:
    result = gpseeker("data", "export", str(tmp_path / "no-such-folder" / "mine.json"))
    assert result.code == 1
    assert "there is no folder" in result.err
    assert not (tmp_path / "no-such-folder").exists()


def test_export_goes_to_documents_by_default(
    gpseeker: Gpseeker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "user"
    (user / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(user))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user / ".config"))  # no user-dirs.dirs
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    result = gpseeker("data", "export")
    assert result.code == 0, result.err
    name = f"gpseeker-export-{dt.date.today().isoformat()}.json"
    assert (user / "Documents" / name).is_file()
    assert result.out.startswith(f"Wrote your data to {user / 'Documents' / name}\n")


def test_export_to_standard_output(gpseeker: Gpseeker) -> None:
    result = gpseeker("data", "export", "-")
    assert result.code == 0, result.err
    assert json.loads(result.out)["profile"]["identity"]["email"] == "you@example.com"


# --- the disclosure log ------------------------------------------------------------------


def test_the_log_shows_the_employer_and_each_field_after_an_apply(
    gpseeker: Gpseeker, applied: int
) -> None:
    result = gpseeker("data", "disclosures")
    assert result.code == 0, result.err
    block = block_with(result.out, "Employer: Hostile KK")
    labels = [entry.split(":", 1)[0] for entry in block]
    assert labels == ["When", "Employer", "What", "Job", "Why", "Erase request"]
    assert block[2].startswith("What: received ")
    assert block[3] == f"Job: Zig Compiler Engineer (application {applied})"
    assert block[5] == f"Erase request: none; to ask: gpseeker data forget {applied}"

    data = json.loads(gpseeker("data", "disclosures", "--json").out)
    assert data[0]["employer_name"] == "Hostile KK"
    assert data[0]["application_id"] == applied


def test_the_log_by_employer(gpseeker: Gpseeker, applied: int) -> None:
    assert "Employer: Hostile KK" in gpseeker("data", "disclosures", "--employer", "hostile").out
    other = gpseeker("data", "disclosures", "--employer", "Sakura")
    assert other.code == 0, other.err
    assert other.out == (
        "Nothing in your log from an employer named like 'Sakura'.\n"
        "Employers in your log: Hostile KK\n"
    )


def test_an_empty_log(gpseeker: Gpseeker) -> None:
    result = gpseeker("data", "disclosures")
    assert result.out == (
        "Your details have not been sent to any employer, and no employer has opened "
        "your profile.\n"
    )
    assert gpseeker("data", "disclosures", "--json").out == "[]\n"


# --- forget one application ----------------------------------------------------------------


def test_forget_withdraws_and_asks_the_employer(gpseeker: Gpseeker, applied: int) -> None:
    result = gpseeker("data", "forget", str(applied), "--yes")
    assert result.code == 0, result.err
    assert "The application is withdrawn first" in result.out
    assert "Asked Hostile KK to erase your application.\n" in result.out
    assert "State: asked to forget you: waiting for the employer\n" in result.out
    assert "Status: withdrawn" in gpseeker("applications").out
    log = gpseeker("data", "disclosures").out
    assert "Erase request: asked to forget you: waiting for the employer" in log

    again = gpseeker("data", "forget", str(applied), "--yes")
    assert again.code == 0, again.err
    assert again.out.startswith(f"You already asked about application {applied}:\n")


@pytest.mark.parametrize("answer", ["n\n", ""])
def test_forget_asks_first(
    gpseeker: Gpseeker, applied: int, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    result = gpseeker("data", "forget", str(applied))
    assert result.code == 1
    assert result.out.endswith(
        "Ask Hostile KK to erase your application? [y/N] Nothing was asked.\n"
    )
    assert "Status: submitted" in gpseeker("applications").out


def test_forget_an_application_you_do_not_have(gpseeker: Gpseeker) -> None:
    result = gpseeker("data", "forget", "999", "--yes")
    assert result.code == 1
    assert result.err == "error: you have no application 999 (gpseeker applications lists them)\n"


# --- delete the account --------------------------------------------------------------------


def test_a_wrong_address_deletes_nothing(gpseeker: Gpseeker, applied: int) -> None:
    gpseeker("profile", "set", "headline", "Still here")
    result = gpseeker("data", "delete", "--confirm-email", "someone@example.com")
    assert result.code == 1
    assert result.err == (
        "error: nothing was deleted: that is not the e-mail address of this account\n"
    )
    # The user was told who keeps a copy, and how to ask them first.
    assert "may keep their copy\nof it, as the law allows:\n- Hostile KK\n" in result.out
    assert "gpseeker data forget APPLICATION_ID" in result.out
    # The account is intact: a later command still works on the same data.
    later = gpseeker("profile", "show")
    assert later.code == 0, later.err
    assert "Still here" in later.out
    assert "Status: submitted" in gpseeker("applications").out


def test_nothing_typed_deletes_nothing(gpseeker: Gpseeker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    result = gpseeker("data", "delete")
    assert result.code == 1
    assert result.err.startswith("error: nothing was deleted: no e-mail address was typed")


def test_the_right_address_typed_at_the_terminal_deletes(
    gpseeker: Gpseeker, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gpseeker("profile", "set", "headline", "Soon gone")
    account_file = home / "data" / "local-account.json"
    assert account_file.exists()
    monkeypatch.setattr("sys.stdin", Terminal("you@example.com\n"))
    result = gpseeker("data", "delete")
    assert result.code == 0, result.err
    assert "Type your e-mail address to delete your account: Deleted the account" in result.out
    assert "Erased from this computer:\n" in result.out
    assert f"- {account_file}\n" in result.out
    assert "Signing in as you@example.com will now fail.\n" in result.out
    assert not account_file.exists()
    # A new, empty local account: the old profile is gone.
    assert "Soon gone" not in gpseeker("profile", "show").out


def test_the_address_from_the_environment_for_scripts(
    gpseeker: Gpseeker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GPSEEKER_CONFIRM_EMAIL", "you@example.com")
    result = gpseeker("data", "delete")
    assert result.code == 0, result.err
    assert "Deleted the account you@example.com" in result.out
