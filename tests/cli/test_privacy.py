"""`gpseeker privacy ...`: the resume switch, the preview and blocked companies."""

from __future__ import annotations

import json

from tests.cli.conftest import Gpseeker


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


def test_block_and_unblock_a_company(gpseeker: Gpseeker) -> None:
    blocked = gpseeker("privacy", "block", "Sakura Systems KK")
    assert blocked.code == 0, blocked.err
    assert "- Sakura Systems KK" in blocked.out
    assert gpseeker("privacy", "block", "sakura systems kk").out == (
        "sakura systems kk is already blocked.\n"
    )
    assert "- Sakura Systems KK" in gpseeker("privacy", "blocked").out
    assert gpseeker("privacy", "status").out.count("Blocked companies: 1") == 1

    assert gpseeker("privacy", "unblock", "Sakura Systems KK").code == 0
    assert "No companies are blocked." in gpseeker("privacy", "blocked").out
    missing = gpseeker("privacy", "unblock", "Sakura Systems KK")
    assert missing.code == 1
    assert missing.err == (
        "error: Sakura Systems KK is not on your blocked list (gpseeker privacy blocked)\n"
    )


def test_the_current_company_is_blocked_automatically(gpseeker: Gpseeker) -> None:
    gpseeker("profile", "set", "identity.current_company", "Acme KK")
    assert (
        "- Acme KK (your current company, added automatically)"
        in gpseeker("privacy", "blocked").out
    )


def test_no_employer_has_looked_yet(gpseeker: Gpseeker) -> None:
    assert gpseeker("privacy", "views").out == "No employer has opened your profile.\n"
    assert gpseeker("privacy", "views", "--json").out == "[]\n"
    assert gpseeker("privacy", "disclosures").out == (
        "Your details have not been sent to any employer.\n"
    )
