"""`gpseeker privacy ...`: the resume switch, the preview and blocked companies."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gpseeker.cli.privacy import BLOCK_CANNOT, BLOCK_HOLDS
from gpseeker.client import EmployerClient
from tests.cli.conftest import Gpseeker
from tests.cli.test_apply import Terminal
from tests.cli.test_jobs import as_employer


def test_a_new_resume_is_locked(gpseeker: Gpseeker) -> None:
    result = gpseeker("privacy", "status")
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == [
        "Resume: LOCKED",
        "No employer can find or open your resume.",
    ]
    assert "Gender: hidden" in result.out


def test_searchable_until_a_day_then_locked_again(gpseeker: Gpseeker) -> None:
    result = gpseeker("privacy", "searchable", "--until", "2099-12-31")
    assert result.code == 0, result.err
    assert result.out.startswith("Resume: SEARCHABLE until 2099-12-31\n")
    assert gpseeker("privacy", "status").out.startswith("Resume: SEARCHABLE until 2099-12-31\n")
    assert json.loads(gpseeker("privacy", "status", "--json").out)["resume"] == "searchable"

    assert gpseeker("privacy", "lock").out.startswith("Resume: LOCKED\n")
    assert gpseeker("privacy", "status").out.startswith("Resume: LOCKED\n")


def test_a_date_that_is_not_a_date_is_a_usage_error(gpseeker: Gpseeker) -> None:
    result = gpseeker("privacy", "searchable", "--until", "next week")
    assert result.code == 2
    assert "'next week' is not a date like 2025-12-31" in result.err


def test_opting_in_to_a_detail_shows_in_status(gpseeker: Gpseeker) -> None:
    assert gpseeker("privacy", "include", "age").code == 0
    assert "Age band: shown to employers" in gpseeker("privacy", "status").out
    assert gpseeker("privacy", "exclude", "age").code == 0
    assert "Age band: hidden" in gpseeker("privacy", "status").out


def test_preview_hides_the_phone_in_free_text_and_says_why(gpseeker: Gpseeker) -> None:
    gpseeker("profile", "set", "identity.phone", "090-1234-5678")
    gpseeker("profile", "set", "headline", "Backend developer, call 090-1234-5678")
    result = gpseeker("privacy", "preview")
    assert result.code == 0, result.err
    assert "Headline: Backend developer, call [hidden]" in result.out
    assert "1234" not in result.out
    assert "you@example.com" not in result.out
    assert "Your resume is LOCKED" in result.out
    assert "- headline: your headline contains your phone number" in result.out


def test_preview_when_applying_includes_name_and_email(gpseeker: Gpseeker) -> None:
    result = gpseeker("privacy", "preview", "--context", "application")
    assert result.code == 0, result.err
    assert "When you apply, that employer receives:" in result.out
    assert "E-mail: you@example.com" in result.out
    assert "Phone: not shared" in result.out


def test_preview_json_is_what_an_employer_receives(gpseeker: Gpseeker) -> None:
    data = json.loads(gpseeker("privacy", "preview", "--json").out)
    assert data["view"]["context"] == "search"
    assert data["view"]["full_name"] is None and data["view"]["email"] is None


def test_block_and_unblock_a_name_no_organisation_goes_by(gpseeker: Gpseeker) -> None:
    blocked = gpseeker("privacy", "block", "Quokka Widgets KK")
    assert blocked.code == 0, blocked.err
    assert blocked.out.startswith(
        "No verified organisation goes by a name like 'Quokka Widgets KK' today.\n"
        "Blocking the name as typed: it holds for any organisation the platform verifies "
        "later under a matching name.\n\n"
        "Blocked organisations:\n"
        "- Quokka Widgets KK\n"
        "  Holds today: no verified organisation yet; any verified later under a matching "
        "name\n\n"
    )
    assert BLOCK_HOLDS in blocked.out and BLOCK_CANNOT in blocked.out
    assert gpseeker("privacy", "block", "quokka widgets kk").out == (
        "quokka widgets kk is already blocked.\n"
    )
    assert "- Quokka Widgets KK\n" in gpseeker("privacy", "blocked").out
    status = gpseeker("privacy", "status").out
    assert "Blocked companies: 1\n- Quokka Widgets KK\n" in status

    assert gpseeker("privacy", "unblock", "Quokka Widgets KK").code == 0
    assert "No companies are blocked." in gpseeker("privacy", "blocked").out
    missing = gpseeker("privacy", "unblock", "Quokka Widgets KK")
    assert missing.code == 1
    assert missing.err == (
        "error: Quokka Widgets KK is not on your blocked list (gpseeker privacy blocked)\n"
    )


SAKURA_MATCH = re.compile(
    r"^1\. Sakura Systems K\.K\. \(organisation (\d+), --org \1\); also known as "
    r"サクラシステムズ株式会社$",
    re.M,
)


def sakura(out: str) -> int:
    found = SAKURA_MATCH.search(out)
    assert found, out
    return int(found[1])


def test_a_name_that_matches_needs_a_choice_without_a_terminal(gpseeker: Gpseeker) -> None:
    result = gpseeker("privacy", "block", "SAKURA  systems")
    assert result.code == 1
    assert result.out.startswith(
        "Verified organisations that go by a name like 'SAKURA  systems':\n1. "
    )
    sakura(result.out)
    assert result.out.endswith(
        "0. Keep 'SAKURA  systems' as typed: it blocks every organisation verified under "
        "a matching name, now or later\n"
    )
    assert result.err == (
        "error: 'SAKURA  systems' matches 1 verified organisation: pick one with --org ID, "
        "or keep the name as typed with --as-typed; nothing was blocked\n"
    )
    assert "No companies are blocked." in gpseeker("privacy", "blocked").out


def test_block_a_verified_organisation_by_its_number(gpseeker: Gpseeker) -> None:
    number = sakura(gpseeker("privacy", "block", "サクラシステムズ").out)
    picked = gpseeker("privacy", "block", "サクラシステムズ", "--org", str(number))
    assert picked.code == 0, picked.err
    assert (
        f"Blocked organisations:\n- Sakura Systems K.K. (organisation {number})\n"
        "  Holds today: Sakura Systems K.K.\n"
    ) in picked.out
    again = gpseeker("privacy", "block", "Sakura Systems", "--org", str(number))
    assert again.out == "Sakura Systems K.K. is already blocked.\n"
    [block] = json.loads(gpseeker("privacy", "blocked", "--json").out)["companies"]
    assert block["organisation_id"] == number
    assert block["organisation_name"] == "Sakura Systems K.K."

    wrong = gpseeker("privacy", "block", "Sakura Systems", "--org", "999999")
    assert wrong.code == 1
    assert wrong.err == (
        "error: organisation 999999 is not a verified organisation matching 'Sakura "
        "Systems'; nothing was blocked\n"
    )
    assert gpseeker("privacy", "unblock", "Sakura Systems K.K.").code == 0
    assert "No companies are blocked." in gpseeker("privacy", "blocked").out


def test_keep_the_typed_name_with_as_typed(gpseeker: Gpseeker) -> None:
    kept = gpseeker("privacy", "block", "Sakura Systems Japan", "--as-typed")
    assert kept.code == 0, kept.err
    assert "- Sakura Systems Japan\n  Holds today: Sakura Systems K.K.\n" in kept.out
    [block] = json.loads(gpseeker("privacy", "blocked", "--json").out)["companies"]
    assert block["organisation_id"] is None


@pytest.mark.parametrize(
    ("answer", "shown"),
    [("1\n", "- Sakura Systems K.K. (organisation "), ("0\n", "- sakura systems\n")],
)
def test_pick_at_the_prompt(
    gpseeker: Gpseeker, monkeypatch: pytest.MonkeyPatch, answer: str, shown: str
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    picked = gpseeker("privacy", "block", "sakura systems")
    assert picked.code == 0, picked.err
    assert "Block which? Type its number, or 0 to keep 'sakura systems': " in picked.out
    assert shown in picked.out


def test_a_wrong_number_at_the_prompt_blocks_nothing(
    gpseeker: Gpseeker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal("7\n"))
    picked = gpseeker("privacy", "block", "sakura systems")
    assert picked.code == 1
    assert picked.err == "error: '7' is not one of the numbers 0 to 1; nothing was blocked\n"
    assert "No companies are blocked." in gpseeker("privacy", "blocked").out


def test_the_current_company_is_blocked_automatically(gpseeker: Gpseeker) -> None:
    gpseeker("profile", "set", "identity.current_company", "Acme KK")
    blocked = gpseeker("privacy", "blocked").out
    assert "- Acme KK (automatic: your current company)\n" in blocked
    assert "Automatic blocks come from your profile; unblock one to let it find you." in blocked


def test_an_open_ended_job_blocks_its_company_too(gpseeker: Gpseeker) -> None:
    added = gpseeker(
        "profile", "add-experience", "--title", "Engineer", "--company", "Sakura Systems K.K.",
        "--start", "2022-04",
    )  # fmt: skip
    assert added.code == 0, added.err
    blocked = gpseeker("privacy", "blocked").out
    assert "(automatic: your current company)\n  Holds today: Sakura Systems K.K.\n" in blocked


def test_repeated_opens_are_one_entry_with_how_many_times(gpseeker: Gpseeker, home: Path) -> None:
    assert gpseeker("profile", "set", "skills", "Quokkascript, Rust").code == 0
    assert gpseeker("privacy", "searchable").code == 0

    async def look(client: EmployerClient) -> None:
        [hit] = (await client.search_resumes("quokkascript")).items
        for _ in range(3):
            await client.view_candidate(hit.candidate_ref)

    as_employer(home, look)
    views = gpseeker("privacy", "views")
    assert views.code == 0, views.err
    # One entry for the organisation's day (the real clock: its minutes vary).
    assert views.out.count("Employer: Hostile KK (verified by the platform)\n") == 1
    assert re.search(r"^How often: 3 times (on|from) \d{4}-\d\d-\d\d", views.out, re.M)
    [entry] = json.loads(gpseeker("privacy", "views", "--json").out)
    assert entry["count"] == 3
    log = gpseeker("data", "disclosures").out
    assert "What: opened your masked profile in the resume bank 3 times " in log


def test_no_employer_has_looked_yet(gpseeker: Gpseeker) -> None:
    assert gpseeker("privacy", "views").out == "No employer has opened your profile.\n"
    assert gpseeker("privacy", "views", "--json").out == "[]\n"
    assert gpseeker("privacy", "disclosures").out == (
        "Your details have not been sent to any employer.\n"
    )
