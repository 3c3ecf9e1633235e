"""The client-side helpers of "your data": the disclosure log in words, erasing what
this machine keeps after an account deletion, and noticing a changed privacy policy."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

from gpseeker.core.disclosure_log import build_log, employers, filter_by_employer
from gpseeker.core.models import DisclosureEvent, PolicyContact, PrivacyPolicy, ProfileViewEvent
from gpseeker.local.config import StoredToken, TokenStore
from gpseeker.local.known_jobs import KNOWN_JOBS_FILE, Owner, keep
from gpseeker.local.local_data import erase_local_traces
from gpseeker.local.policy_notice import PolicySeen

DAY = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def _disclosure(days: int, employer: str, **extra: object) -> DisclosureEvent:
    return DisclosureEvent.model_validate(
        {
            "id": days,
            "at": DAY + dt.timedelta(days=days),
            "employer_name": employer,
            "fields": ["full_name", "email", "phone"],
            "reason": "you applied",
            "application_id": 10 + days,
            "job_title": "Backend engineer",
            **extra,
        }
    )


def _view(days: int, employer: str) -> ProfileViewEvent:
    return ProfileViewEvent(
        at=DAY + dt.timedelta(days=days), employer_name=employer, context="search"
    )


def test_the_log_is_one_list_newest_first_with_both_kinds_in_words() -> None:
    log = build_log([_disclosure(1, "Kanto Robotics")], [_view(3, "Sakura Soft"), _view(0, "Aoi")])

    assert [entry.employer_name for entry in log] == ["Sakura Soft", "Kanto Robotics", "Aoi"]
    assert log[0].kind == "profile view"
    assert log[0].what == "opened your masked profile in the resume bank"
    assert log[1].what == "received your name, your e-mail address and your phone number"
    assert log[1].job_title == "Backend engineer"


def test_filtering_by_employer_ignores_case_and_lists_each_employer_once() -> None:
    log = build_log(
        [_disclosure(1, "Kanto Robotics"), _disclosure(2, "Sakura Soft")],
        [_view(3, "Sakura Soft"), _view(4, "Kanto Robotics")],
    )

    kept = filter_by_employer(log, "KANTO")
    assert {entry.employer_name for entry in kept} == {"Kanto Robotics"}
    assert len(kept) == 2
    assert filter_by_employer(log, None) == log
    assert employers(log) == ["Kanto Robotics", "Sakura Soft"]


def test_an_erase_request_reads_in_words_with_the_reason_of_a_refusal() -> None:
    pending, refused = build_log(
        [
            _disclosure(2, "Aoi", erase_state="pending"),
            _disclosure(1, "Kanto", erase_state="refused", erase_reason="tax records"),
        ],
        [],
    )

    assert pending.erase_words == "asked to forget you: waiting for the employer"
    assert refused.erase_words == "the employer refused to erase it (tax records)"
    assert build_log([_disclosure(0, "Aoi")], [])[0].erase_words == ""


def test_after_a_deletion_the_token_drafts_and_local_account_are_gone(tmp_path: Path) -> None:
    tokens = TokenStore(tmp_path / "config" / "tokens.json")
    tokens.save(None, "seeker", StoredToken(token="t1", email="you@example.com"))
    tokens.save("https://other.example", "seeker", StoredToken(token="t2", email="me@x.jp"))
    data = tmp_path / "data"
    (data / "drafts" / "replies").mkdir(parents=True)
    (data / "drafts" / "profile.json").write_text("{}")
    (data / "local-account.json").write_text("{}")
    (data / "platform.sqlite3").write_text("kept: it holds the demo employers")
    keep(data, Owner("embedded", "you@example.com"), [], dt.datetime.now(dt.UTC))

    removed = erase_local_traces(data, tokens, None)

    assert tokens.get(None, "seeker") is None
    assert tokens.get("https://other.example", "seeker") is not None
    assert not (data / "drafts").exists()
    assert not (data / "local-account.json").exists()
    assert (data / "platform.sqlite3").exists()
    assert not (data / KNOWN_JOBS_FILE).exists()
    assert set(removed) == {
        tokens.path,
        data / "drafts",
        data / KNOWN_JOBS_FILE,
        data / "local-account.json",
    }


def test_a_remote_deletion_keeps_the_local_demo_account(tmp_path: Path) -> None:
    tokens = TokenStore(tmp_path / "tokens.json")
    tokens.save("https://jobs.example", "seeker", StoredToken(token="t", email="me@x.jp"))
    (tmp_path / "local-account.json").write_text("{}")

    erase_local_traces(tmp_path, tokens, "https://jobs.example/")

    assert tokens.get("https://jobs.example", "seeker") is None
    assert (tmp_path / "local-account.json").exists()


def _policy(version: str) -> PrivacyPolicy:
    contact = PolicyContact(operator="Op", address="Tokyo", email="p@x.jp", hours="10-17")
    return PrivacyPolicy(
        version=version,
        effective_date=dt.date(2026, 11, 27),
        text="...",
        changes=["JobMail"],
        contact=contact,
    )


def test_a_policy_change_is_noticed_once_and_not_on_the_first_sight(tmp_path: Path) -> None:
    seen = PolicySeen(tmp_path)

    assert not seen.changed(None, _policy("1"))  # first sight: nothing to compare with
    assert not seen.changed(None, _policy("1"))
    assert seen.changed(None, _policy("2"))
    assert seen.changed(None, _policy("2"))  # until the candidate has been shown it
    seen.remember(None, _policy("2"))
    assert not seen.changed(None, _policy("2"))
    assert not seen.changed("https://jobs.example", _policy("2"))  # per platform
    assert stat.S_IMODE(seen.path.stat().st_mode) == 0o600
