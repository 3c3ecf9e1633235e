"""The jobs list kept for a fast start (gpseeker.local.known_jobs): kept privately, read back
only for its own platform and account, ignored when damaged, removed on request; and
its age in words."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from gpseeker.core.models import Job
from gpseeker.local.config import StoredToken, TokenStore
from gpseeker.local.known_jobs import (
    KNOWN_JOBS_FILE,
    MAX_BYTES,
    MAX_JOBS,
    KnownPage,
    Owner,
    forget,
    keep,
    owner_of,
    recall,
)
from gpseeker.widgets.job_format import age_words

AT = dt.datetime(2025, 6, 1, 3, 0, tzinfo=dt.UTC)
ME = Owner("embedded", "you@example.com")


def job(job_id: int, title: str = "Backend Engineer") -> Job:
    return Job(
        id=job_id,
        employer_id=1,
        company_name="Hoshi K.K.",
        title=title,
        description="Build things.",
        category="it",
        job_type="full_time",
        remote="hybrid",
        prefecture="Tokyo",
        city="Shibuya",
        salary_min=None,
        salary_max=None,
        salary_period="year",
        salary_yearly_min_jpy=None,
        japanese_required="none",
        english_required="none",
        visa_sponsorship=True,
        apply_from_overseas=True,
        skills=["Go"],
        status="open",
        posted_at=AT,
        closes_at=None,
        saved=True,
    )


def test_a_kept_page_reads_back_as_written_private_to_this_user(tmp_path: Path) -> None:
    jobs = [job(1), job(2, "Data [b]Analyst[/b]")]
    assert keep(tmp_path / "data", ME, jobs, AT)
    path = tmp_path / "data" / KNOWN_JOBS_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    page = recall(tmp_path / "data", ME)
    assert page is not None
    assert page.jobs == jobs
    assert page.saved_at == AT


@pytest.mark.parametrize(
    "reader",
    [
        Owner("embedded", "someone@example.com"),
        Owner("https://jobs.example.org", "you@example.com"),
        None,
    ],
    ids=["another account", "another platform", "nobody signed in"],
)
def test_a_page_is_read_only_by_its_own_platform_and_account(
    tmp_path: Path, reader: Owner | None
) -> None:
    keep(tmp_path, ME, [job(1)], AT)
    assert recall(tmp_path, reader) is None


def test_nothing_is_kept_for_nobody(tmp_path: Path) -> None:
    assert not keep(tmp_path, None, [job(1)], AT)
    assert not (tmp_path / KNOWN_JOBS_FILE).exists()


def test_the_owner_is_the_sign_in_kept_for_that_platform(tmp_path: Path) -> None:
    tokens = TokenStore(tmp_path / "tokens.json")
    assert owner_of(tokens, None) is None
    tokens.save(None, "seeker", StoredToken(token="t", email="You@Example.com"))
    tokens.save("https://jobs.example.org", "employer", StoredToken(token="e", email="hr@x.jp"))
    assert owner_of(tokens, None) == Owner("embedded", "you@example.com")
    assert owner_of(tokens, "https://jobs.example.org/") is None  # an employer is no seeker


def test_a_damaged_token_file_means_nobody_and_is_left_for_the_sign_in_to_report(
    tmp_path: Path,
) -> None:
    tokens = TokenStore(tmp_path / "tokens.json")
    tokens.path.write_bytes(b"{ not json")
    assert owner_of(tokens, None) is None
    assert tokens.path.read_bytes() == b"{ not json"  # not set aside by a mere look
    assert tokens.notices == []


DAMAGED = {
    "not UTF-8": b"\xff\xfe{",
    "not JSON": b"{ half",
    "not a page": b'["a", "list"]',
    "another version": json.dumps(
        {"format": 2, "platform": "embedded", "account": "you@example.com"}
    ).encode(),
    "no time zone": json.dumps(
        {
            "platform": "embedded",
            "account": "you@example.com",
            "saved_at": "2025-06-01T03:00:00",
            "jobs": [],
        }
    ).encode(),
    "a bad job": json.dumps(
        {
            "platform": "embedded",
            "account": "you@example.com",
            "saved_at": "2025-06-01T03:00:00Z",
            "jobs": [{"id": 1, "title": None}],
        }
    ).encode(),
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_file_is_ignored_then_replaced(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / KNOWN_JOBS_FILE
    path.write_bytes(content)
    assert recall(tmp_path, ME) is None
    assert keep(tmp_path, ME, [job(1)], AT)
    assert recall(tmp_path, ME) is not None


def test_a_folder_in_its_place_is_neither_read_nor_written(tmp_path: Path) -> None:
    (tmp_path / KNOWN_JOBS_FILE).mkdir()
    assert recall(tmp_path, ME) is None
    assert not keep(tmp_path, ME, [job(1)], AT)
    assert list(tmp_path.iterdir()) == [tmp_path / KNOWN_JOBS_FILE]  # no temporary left


def test_an_oversized_file_or_list_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / KNOWN_JOBS_FILE
    keep(tmp_path, ME, [job(1)], AT)
    with path.open("ab") as handle:
        handle.write(b" " * MAX_BYTES)
    assert recall(tmp_path, ME) is None
    too_many = KnownPage(platform="embedded", account="you@example.com", saved_at=AT, jobs=[])
    listed = json.loads(too_many.model_dump_json())
    listed["jobs"] = [json.loads(job(n).model_dump_json()) for n in range(MAX_JOBS + 1)]
    path.write_text(json.dumps(listed))
    assert recall(tmp_path, ME) is None


def test_forget_removes_this_platforms_page_and_says_where(tmp_path: Path) -> None:
    keep(tmp_path, Owner("https://jobs.example.org", "you@example.com"), [job(1)], AT)
    assert forget(tmp_path, None) is None  # another platform's page stays
    assert (tmp_path / KNOWN_JOBS_FILE).exists()
    assert forget(tmp_path, "https://jobs.example.org/") == tmp_path / KNOWN_JOBS_FILE
    assert not (tmp_path / KNOWN_JOBS_FILE).exists()
    assert forget(tmp_path, "https://jobs.example.org") is None  # nothing left to remove


def test_forget_removes_a_file_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / KNOWN_JOBS_FILE).write_bytes(b"\x00garbage")
    assert forget(tmp_path, None) == tmp_path / KNOWN_JOBS_FILE
    assert not (tmp_path / KNOWN_JOBS_FILE).exists()


@pytest.mark.parametrize(
    ("before", "words"),
    [
        (dt.timedelta(seconds=0), "a moment ago"),
        (dt.timedelta(seconds=59), "a moment ago"),
        (dt.timedelta(seconds=-30), "a moment ago"),  # the clock was set back
        (dt.timedelta(minutes=1), "1 minute ago"),
        (dt.timedelta(minutes=59, seconds=59), "59 minutes ago"),
        (dt.timedelta(hours=3, minutes=40), "3 hours ago"),
        (dt.timedelta(hours=1), "1 hour ago"),
        (dt.timedelta(days=1, hours=23), "1 day ago"),
        (dt.timedelta(days=12), "12 days ago"),
    ],
)
def test_the_age_in_words_never_says_less_than_it_is(before: dt.timedelta, words: str) -> None:
    assert age_words(AT - before, AT) == words
