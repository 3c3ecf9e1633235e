"""Scam triage: each rule fires on its pattern, and ordinary invitations stay clean."""

from __future__ import annotations

import pytest

from gpseeker.core.triage import triage


def rules(subject: str, body: str) -> list[str]:
    return [warning.rule for warning in triage(subject, body)]


def message(body: str, rule: str) -> str:
    [found] = [w.message for w in triage("Job offer", body) if w.rule == rule]
    return found


CLEAN = [
    (
        "Backend role in Shibuya",
        "Hello, we liked your profile. Would you be open to an interview next week at "
        "our Osaka office? Salary 4.5M yen a year, visa support, relocation paid.",
    ),
    (
        "面接のご案内",
        "プロフィールを拝見しました。来週、オンラインで面接はいかがでしょうか。給与の支払いは月末です。",
    ),
    (
        "Hotel front desk",
        "Our careers page is https://azumino-ryokan.example/careers. The bottom line: "
        "we pay transport costs, and there is no fee of any kind. Online interview by video.",
    ),
    ("Python developer", "We use FastAPI, PostgreSQL and setup.py packaging. Reply here."),
]


@pytest.mark.parametrize(("subject", "body"), CLEAN)
def test_ordinary_invitations_raise_no_warning(subject: str, body: str) -> None:
    assert triage(subject, body) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Write to recruit.tokyo@gmail.com", "free-mail address (recruit.tokyo@gmail.com)"),
        ("Contact hr@yahoo.co.jp today", "free-mail address (hr@yahoo.co.jp)"),
        ("連絡は tanaka@163.com まで", "free-mail address (tanaka@163.com)"),
        ("Mail hr@some-agency.example", "an e-mail address (hr@some-agency.example)"),
        ("Fill in https://forms.gle/abc123", "Google Forms (forms.gle/abc123)"),
        ("Chat at https://wa.me/819012345678", "WhatsApp (wa.me/819012345678)"),
        ("Join t.me/tokyojobs", "Telegram (t.me/tokyojobs)"),
    ],
)
def test_off_platform_contact(body: str, found: str) -> None:
    assert found in message(body, "off_platform_contact")
    assert "instead of replying here" in message(body, "off_platform_contact")


@pytest.mark.parametrize(
    "body", ["Call 090-1234-5678", "Call +81 3-1234-5678", "電話：０９０－１２３４－５６７８"]
)
def test_phone_in_body(body: str) -> None:
    assert "phone number" in message(body, "phone_in_body")


@pytest.mark.parametrize(
    ("body", "service"),
    [
        ("Message us on WhatsApp", "WhatsApp"),
        ("Add our LINE ID: tokyo_jobs", "LINE"),
        ("LINEで連絡してください", "LINE"),
        ("Telegram @recruiter_jp", "Telegram (@recruiter_jp)"),
        ("Add me on WeChat", "WeChat"),
        ("My Skype is hr.tokyo", "Skype"),
        ("KakaoTalk: hr123", "KakaoTalk"),
    ],
)
def test_messaging_handle(body: str, service: str) -> None:
    assert f"contact them on {service}" in message(body, "messaging_handle")


@pytest.mark.parametrize(
    ("body", "what"),
    [
        ("A registration fee of 30,000 yen is needed.", "a fee"),
        ("Please transfer the deposit first.", "a deposit"),
        ("The training cost is 50,000 yen.", "the cost of training"),
        ("保証金として3万円を振り込んでください。", "a deposit"),
        ("事務手数料が必要です。", "a fee"),
        ("Pay with gift cards.", "money in gift cards or crypto"),
    ],
)
def test_asks_for_money(body: str, what: str) -> None:
    found = message(body, "asks_for_money")
    assert what in found and "does not charge you" in found


@pytest.mark.parametrize(
    ("body", "what"),
    [
        ("Send a scan of your passport.", "your passport"),
        ("Please send your residence card.", "your residence card"),
        ("在留カードの写真を送ってください。", "your residence card"),
        ("We need your bank account number.", "your bank account details"),
        ("マイナンバーを教えてください。", "your My Number"),
        ("Send a copy of your ID.", "a copy of your ID"),
    ],
)
def test_asks_for_documents(body: str, what: str) -> None:
    assert what in message(body, "asks_for_documents")


@pytest.mark.parametrize(
    "body",
    ["Congratulations, you are hired!", "You have been selected for the job.", "採用決定です。"],
)
def test_hired_without_interview(body: str) -> None:
    assert "no interview" in message(body, "hired_without_interview")


def test_selected_for_an_interview_is_fine() -> None:
    assert rules("Next step", "You have been selected for an interview next week.") == []
    assert rules("次のステップ", "書類選考に合格しました。面接の日程を調整させてください。") == []


def test_one_warning_per_rule_in_rule_order() -> None:
    body = (
        "You are hired! Pay a deposit, send your passport, call 090-1234-5678 "
        "or WhatsApp us, or mail boss@gmail.com and hr@hotmail.com."
    )
    assert rules("Offer", body) == [
        "off_platform_contact",
        "phone_in_body",
        "messaging_handle",
        "asks_for_money",
        "asks_for_documents",
        "hired_without_interview",
    ]
    both = message(body, "off_platform_contact")
    assert "boss@gmail.com" in both and "hr@hotmail.com" in both


def test_the_subject_counts_too() -> None:
    assert rules("Add me on WhatsApp", "Details inside.") == ["messaging_handle"]
