"""`gpseeker subscriptions frequency daily|weekly`: the Account screen's F key as a plain
command. It changes only the pace: it never subscribes (subscribe --frequency does)."""

from __future__ import annotations

import json

from tests.cli.conftest import Gpseeker


def status(gpseeker: Gpseeker) -> dict[str, object]:
    data: dict[str, object] = json.loads(gpseeker("subscriptions", "--json").out)
    return data


def test_frequency_changes_the_pace_and_says_so(gpseeker: Gpseeker) -> None:
    gpseeker("subscriptions", "subscribe", "jobmail", "--frequency", "weekly")
    result = gpseeker("subscriptions", "frequency", "daily")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "JobMail comes daily now."
    assert result.out.splitlines()[1].startswith("JobMail: subscribed (daily), since ")
    assert status(gpseeker)["jobmail_frequency"] == "daily"


def test_frequency_never_subscribes(gpseeker: Gpseeker) -> None:
    before = status(gpseeker)["jobmail_frequency"]
    other = "daily" if before == "weekly" else "weekly"
    result = gpseeker("subscriptions", "frequency", other)
    assert result.code == 0, result.err
    assert result.out == f"JobMail comes {other} now.\nJobMail: not subscribed\n"
    after = status(gpseeker)
    assert after["jobmail_frequency"] == other
    assert after["jobmail"]["subscribed"] is False  # type: ignore[index]


def test_the_same_frequency_again_changes_nothing(gpseeker: Gpseeker) -> None:
    current = status(gpseeker)["jobmail_frequency"]
    result = gpseeker("subscriptions", "frequency", str(current))
    assert result.code == 0, result.err
    assert result.out.startswith(f"JobMail already comes {current}. Nothing changed.\n")


def test_only_daily_or_weekly(gpseeker: Gpseeker) -> None:
    result = gpseeker("subscriptions", "frequency", "hourly")
    assert result.code == 2
    assert "invalid choice: 'hourly'" in result.err
