"""`gpseeker subscriptions ...` on the local demo platform: each list's state in words,
subscribing records the command as the way consent was given, and unsubscribing asks
exactly one question with the account's real address and changes nothing on any
answer but yes."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.cli.conftest import Gpseeker
from tests.cli.test_apply import Terminal

QUESTION = "Are you sure you want to unsubscribe you@example.com? [y/N] "


def today() -> str:
    return dt.datetime.now().astimezone().date().isoformat()


def subscribed(gpseeker: Gpseeker, mail_list: str) -> bool:
    data = json.loads(gpseeker("subscriptions", "--json").out)
    return bool(data[mail_list]["subscribed"])


def test_status_says_each_list_in_words(gpseeker: Gpseeker) -> None:
    result = gpseeker("subscriptions")
    assert result.code == 0, result.err
    assert result.out == (
        "Mail goes to: you@example.com\nJobMail: not subscribed\nNewsletters: not subscribed\n"
    )
    assert gpseeker("subscriptions", "status").out == result.out
    as_json = json.loads(gpseeker("subscriptions", "--json", "status").out)
    assert as_json["jobmail"]["subscribed"] is False


def test_subscribe_with_a_frequency_says_since_when_and_how(gpseeker: Gpseeker) -> None:
    result = gpseeker("subscriptions", "subscribe", "jobmail", "--frequency", "daily")
    assert result.code == 0, result.err
    assert result.out.startswith("Subscribed you@example.com to JobMail.\n")
    status = gpseeker("subscriptions", "status").out.splitlines()
    assert status[1].startswith(f"JobMail: subscribed (daily), since {today()} ")
    assert status[2] == "Newsletters: not subscribed"

    data = json.loads(gpseeker("subscriptions", "status", "--json").out)
    assert data["email"] == "you@example.com"
    assert data["jobmail_frequency"] == "daily"
    assert data["jobmail"]["subscribed"] is True
    assert data["jobmail"]["consent_method"]  # how consent was given is recorded


def test_subscribing_again_records_nothing_new(gpseeker: Gpseeker) -> None:
    gpseeker("subscriptions", "subscribe", "newsletters")
    again = gpseeker("subscriptions", "subscribe", "newsletters")
    assert again.code == 0, again.err
    assert again.out.startswith("you@example.com is already subscribed to Newsletters.\n")


def test_newsletters_have_no_frequency(gpseeker: Gpseeker) -> None:
    result = gpseeker("subscriptions", "subscribe", "newsletters", "--frequency", "daily")
    assert result.code == 1
    assert result.err.startswith("error: --frequency is for jobmail only")
    assert not subscribed(gpseeker, "newsletters")


@pytest.mark.parametrize("answer", ["y\n", "yes\n", "YES\n"])
def test_unsubscribe_asks_once_with_the_real_address(
    gpseeker: Gpseeker, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    gpseeker("subscriptions", "subscribe", "jobmail")
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    result = gpseeker("subscriptions", "unsubscribe", "jobmail")
    assert result.code == 0, result.err
    assert result.out.startswith(
        f"{QUESTION}Unsubscribed you@example.com from JobMail: no more JobMail will be sent.\n"
    )
    assert "JobMail: not subscribed" in result.out
    assert not subscribed(gpseeker, "jobmail")


@pytest.mark.parametrize("answer", ["n\n", "\n", "", "unsubscribe\n"])
def test_anything_but_yes_changes_nothing(
    gpseeker: Gpseeker, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    gpseeker("subscriptions", "subscribe", "newsletters")
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    result = gpseeker("subscriptions", "unsubscribe", "newsletters")
    # Exit 1, as every "no" in gpseeker: a script can tell nothing happened.
    assert result.code == 1
    assert result.out == f"{QUESTION}Nothing changed.\n"
    assert subscribed(gpseeker, "newsletters")


def test_without_a_terminal_or_yes_nothing_changes(gpseeker: Gpseeker) -> None:
    gpseeker("subscriptions", "subscribe", "jobmail")
    result = gpseeker("subscriptions", "unsubscribe", "jobmail")
    assert result.code == 1
    assert result.err == (
        "error: nothing changed: there is no terminal to confirm in; add --yes to go "
        "ahead without asking\n"
    )
    assert subscribed(gpseeker, "jobmail")

    done = gpseeker("subscriptions", "unsubscribe", "jobmail", "--yes")
    assert done.code == 0, done.err
    assert not subscribed(gpseeker, "jobmail")
    assert f"JobMail: not subscribed (you unsubscribed on {today()})" in (
        gpseeker("subscriptions").out
    )


def test_unsubscribing_from_a_list_you_are_not_on_asks_nothing(gpseeker: Gpseeker) -> None:
    result = gpseeker("subscriptions", "unsubscribe", "newsletters")
    assert result.code == 0, result.err
    assert result.out == "you@example.com is not subscribed to Newsletters. Nothing changed.\n"
