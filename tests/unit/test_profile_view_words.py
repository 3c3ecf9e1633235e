"""A day's opens of the profile in words (issue 14): the platform merges them into one
entry with a count, and every place the candidate reads the log (the Privacy screen,
the Account screen's disclosure log, `gpseeker privacy views` and `gpseeker data
disclosures`) says how many times, in the reader's time zone."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator

import pytest

from gpseeker.core.disclosure_log import build_log, repeated_opens, times
from gpseeker.core.models import ProfileViewEvent
from gpseeker.widgets.disclosure_log_table import _what_cell, entry_sentence
from gpseeker.widgets.profile_views import view_sentence


@pytest.fixture(autouse=True)
def tokyo() -> Iterator[None]:
    """Local time is Tokyo's, so that the times read the same on any machine."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def opened(count: int, first: tuple[int, int], last: tuple[int, int]) -> ProfileViewEvent:
    """`count` opens on 7 Dec 2026 (Tokyo), from `first` to `last` (hours, minutes, UTC)."""
    day = dt.datetime(2026, 12, 7, tzinfo=dt.UTC)
    return ProfileViewEvent(
        at=day + dt.timedelta(hours=last[0], minutes=last[1]),
        first_at=day + dt.timedelta(hours=first[0], minutes=first[1]),
        count=count,
        day=dt.date(2026, 12, 7),
        employer_name="Fuji Robotics",
        context="search",
    )


def test_counts_in_words() -> None:
    assert [times(n) for n in (1, 2, 3, 30)] == ["once", "twice", "3 times", "30 times"]


def test_a_single_open_says_nothing_more_than_its_time() -> None:
    event = opened(1, (5, 0), (5, 0))
    assert repeated_opens(event) is None
    assert view_sentence(event).plain == (
        "Fuji Robotics (verified by the platform) opened your masked profile on "
        "2026-12-07 at 14:00."
    )


def test_thirty_opens_read_as_one_line_with_the_count_and_the_hours() -> None:
    event = opened(30, (0, 12), (5, 5))
    assert repeated_opens(event) == "30 times on 2026-12-07, from 09:12 to 14:05"
    assert view_sentence(event).plain == (
        "Fuji Robotics (verified by the platform) opened your masked profile 30 times on "
        "2026-12-07, from 09:12 to 14:05."
    )
    [entry] = build_log([], [event])
    assert entry.count == 30
    assert entry.what == (
        "opened your masked profile in the resume bank 30 times on 2026-12-07, from 09:12 to 14:05"
    )
    assert _what_cell(entry) == "viewed 30 times"
    assert "Opened your masked profile in the resume bank 30 times on 2026-12-07" in (
        entry_sentence(entry, None).plain
    )


def test_opens_in_one_minute_and_opens_over_two_local_dates() -> None:
    assert repeated_opens(opened(2, (3, 0), (3, 0))) == "twice on 2026-12-07 at 12:00"
    # The platform's day is Japan's; a reader elsewhere may see it span two dates.
    os.environ["TZ"] = "America/Sao_Paulo"
    time.tzset()
    assert repeated_opens(opened(3, (0, 0), (5, 0))) == (
        "3 times from 2026-12-06 21:00 to 2026-12-07 02:00"
    )


def test_an_older_platform_without_counts_reads_as_single_opens() -> None:
    event = ProfileViewEvent.model_validate(
        {"at": "2026-12-07T05:00:00Z", "employer_name": "Fuji Robotics", "context": "search"}
    )
    assert (event.count, event.first_at, event.day) == (1, None, None)
    assert repeated_opens(event) is None
    assert _what_cell(build_log([], [event])[0]) == "viewed profile"
