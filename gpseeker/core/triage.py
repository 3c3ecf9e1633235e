"""Scam triage: warnings on invitations that look like the usual recruitment scams.

Fake recruiters aimed at people moving to Japan follow a few patterns: they pull the
conversation off the platform (a free-mail address, a chat link, a LINE ID), ask for
money (a "deposit", a "training fee") or documents (passport, residence card, bank
account), or announce a job with no interview at all. `triage` names each pattern it
finds, in words the candidate can check against the text.

Pure: no I/O, depends only on phonenumbers, the standard library and the models, so
the server (which stores the warnings with the invitation) and any client (which may
run it again on a draft) agree. It errs on the side of warning: a warning is a prompt
to look closer, never a block, and every message says what was found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import phonenumbers

from gpseeker.core.models import TriageWarning

__all__ = ["FREE_MAIL_DOMAINS", "triage"]

# Free-mail providers (and the Japanese mobile carriers' mail): an employer writing
# from one of these instead of through the platform is the commonest sign of a fake
# recruiter, and an address at one never tells the platform who an employer is
# (server/organisations.py).
FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.jp",
        "ymail.com",
        "outlook.com",
        "outlook.jp",
        "hotmail.com",
        "hotmail.co.jp",
        "live.com",
        "live.jp",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "gmx.com",
        "gmx.net",
        "mail.com",
        "proton.me",
        "protonmail.com",
        "yandex.com",
        "yandex.ru",
        "mail.ru",
        "qq.com",
        "163.com",
        "126.com",
        "sina.com",
        "naver.com",
        "daum.net",
        "docomo.ne.jp",
        "ezweb.ne.jp",
        "softbank.ne.jp",
        "i.softbank.jp",
        "au.com",
        "ymail.ne.jp",
        "yahoo.co.uk",
        "pm.me",
        "gmx.de",
        "zoho.com",
        "tutanota.com",
        "tuta.io",
        "fastmail.com",
        "hey.com",
        "nifty.com",
        "ymobile.ne.jp",
        "rakuten.jp",
        "excite.co.jp",
        "infoseek.jp",
        "goo.jp",
    }
)

# Links that move the conversation to a chat or collect details in a form.
_CHAT_HOSTS = {
    "wa.me": "WhatsApp",
    "whatsapp.com": "WhatsApp",
    "t.me": "Telegram",
    "telegram.me": "Telegram",
    "telegram.org": "Telegram",
    "line.me": "LINE",
    "lin.ee": "LINE",
    "m.me": "Messenger",
    "messenger.com": "Messenger",
    "discord.gg": "Discord",
    "discord.com": "Discord",
    "signal.me": "Signal",
    "signal.group": "Signal",
    "weixin.qq.com": "WeChat",
    "u.wechat.com": "WeChat",
    "skype.com": "Skype",
    "join.skype.com": "Skype",
    "open.kakao.com": "KakaoTalk",
    "viber.com": "Viber",
    "forms.gle": "Google Forms",
    "docs.google.com/forms": "Google Forms",
    "forms.office.com": "Microsoft Forms",
    "typeform.com": "Typeform",
    "jotform.com": "Jotform",
    "surveymonkey.com": "SurveyMonkey",
    "bit.ly": "a link shortener",
    "tinyurl.com": "a link shortener",
}

_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_EMAIL_RE = re.compile(rf"[^\s@<>()\[\]{_CJK}:;,\"']+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)")
_URL_RE = re.compile(rf"(?:https?://|www\.)?((?:[a-z0-9-]+\.)+[a-z]{{2,}}(?:/[^\s<>\"'{_CJK}]*)?)")

# Messaging apps by name. A bare "@handle" is only a handle next to one of these names,
# so an ordinary "@" in a sentence does not fire.
_MESSENGERS: tuple[tuple[str, str], ...] = (
    ("WhatsApp", r"(?i:whats\s*app)"),
    ("Telegram", r"(?i:telegram)"),
    # "line" is an ordinary word ("bottom line:") and ライン ends オンライン ("online"),
    # so only the brand as written: LINE in capitals, a LINE ID, or ライン on its own.
    (
        "LINE",
        r"\bLINE\b|(?i:\bline\s*(?:id|account|アカウント)\b|\bline\s*で)|(?<![ァ-ヶー])ライン",
    ),
    ("WeChat", r"(?i:we\s*chat|weixin)|微信"),
    ("Skype", r"(?i:skype)"),
    ("KakaoTalk", r"(?i:kakao)|카카오"),
    ("Viber", r"(?i:viber)"),
    ("Signal", r"(?i:\bsignal\s*(?:app|messenger|[:：@]))"),
    ("Discord", r"(?i:discord)"),
    ("Messenger", r"(?i:facebook\s*messenger|\bfb\s*messenger)"),
)

# (what the candidate is asked for, pattern). English words as words; Japanese as
# written, since it has no spaces.
_MONEY: tuple[tuple[str, str], ...] = (
    ("a deposit", r"\bdeposits?\b|保証金|預り金|預かり金|デポジット"),
    (
        "a fee",
        r"\b(?:registration|processing|application|placement|visa|admin(?:istration)?|"
        r"service|agency|training|handling)\s+(?:fees?|charges?|costs?)\b|手数料|登録料|紹介料|"
        r"研修費|講習費|事務手数料",
    ),
    (
        "a payment",
        r"\b(?:pay|send|transfer|wire|remit)\s+(?:us|me|the|a|an|your|some)?\s*"
        r"(?:fees?|deposits?|money|payments?|amount|sum|cash)\b|"
        r"\bupfront\s+(?:payment|fee|cost)|\bpayment\s+(?:in advance|upfront|first)\b|"
        r"振込|振り込み|送金|前払い",
    ),
    (
        "the cost of training",
        r"\btraining\s+(?:fee|cost|charge|expenses?)s?\b|"
        r"\bcost\s+of\s+(?:the\s+)?training\b|研修費用",
    ),
    (
        "money in gift cards or crypto",
        r"\bgift\s*cards?\b|\bbitcoin\b|\bcrypto(?:currency)?\b|"
        r"\busdt\b|ギフトカード|電子マネー",
    ),
)

_DOCUMENTS: tuple[tuple[str, str], ...] = (
    ("your passport", r"\bpassports?\b|パスポート|旅券"),
    ("your residence card", r"\bresidence\s+card|\bzairyu\b|在留カード"),
    (
        "your bank account details",
        r"\bbank\s+(?:account|details|card|book|statement)|"
        r"\baccount\s+number\b|\bcash\s*card\b|口座|通帳|キャッシュカード",
    ),
    ("your My Number", r"\bmy\s*number\b|マイナンバー|個人番号"),
    (
        "a copy of your ID",
        r"\b(?:copy|copies|photo|scan|picture)\s+of\s+(?:your\s+)?"
        r"(?:id|identification|identity|driver'?s?\s+licen[cs]e)\b|\bid\s+(?:card\s+)?(?:copy|scan)\b|"
        r"身分証|運転免許証のコピー|本人確認書類",
    ),
)

_MONEY_ADVICE = "A real employer does not charge you to apply or to be hired."
_DOCUMENTS_ADVICE = "Do not send these before you have met the employer and seen a contract."

_HIRED = re.compile(
    r"\byou\s+(?:are|have\s+been|were|'re)\s+(?:hired|selected|accepted|employed|chosen)\b|"
    r"\byou(?:'ve| have)\s+got\s+the\s+job\b|\bcongratulations[,!]?\s+you\b.*\b(?:job|position)\b|"
    r"採用(?:されました|決定|が決まりました|内定)|内定(?:しました|です|が決まりました|決定)|"
    r"合格(?:しました|です)",
)
_INTERVIEW = re.compile(r"\binterview|\bmeet\s+(?:you|in person)|面接|面談")


def _fold(text: str) -> str:
    """Full-width letters and digits as ASCII, case folded: "ＬＩＮＥ" is "line"."""
    return unicodedata.normalize("NFKC", text).casefold()


def _off_platform(text: str) -> list[str]:
    found: list[str] = []
    for match in _EMAIL_RE.finditer(text):
        address, domain = match.group(0), match.group(1).rstrip(".")
        if domain in FREE_MAIL_DOMAINS:
            found.append(
                f"It asks you to write to a free-mail address ({address}) instead of replying here."
            )
        else:
            found.append(f"It gives an e-mail address ({address}) instead of replying here.")
    emails = "".join(match.group(0) for match in _EMAIL_RE.finditer(text))
    for match in _URL_RE.finditer(text):
        target = match.group(1).rstrip(".,;:!?)")
        if target in emails:
            continue
        for host, service in _CHAT_HOSTS.items():
            if (
                target == host
                or target.startswith((host + "/", "www." + host))
                or ("/" not in host and target.split("/")[0].endswith("." + host))
            ):
                found.append(f"It links to {service} ({target}) instead of replying here.")
                break
    return found


def _phones(original: str) -> list[str]:
    numbers = []
    for match in phonenumbers.PhoneNumberMatcher(original, "JP"):
        numbers.append(match.raw_string)
    if not numbers:
        return []
    listed = ", ".join(numbers)
    return [f"It gives a phone number ({listed}) to call instead of replying here."]


def _handles(text: str) -> list[str]:
    found = []
    for name, pattern in _MESSENGERS:
        match = re.search(pattern, text)
        if match is None:
            continue
        handle = re.search(r"@[\w.]{3,}", text[match.end() : match.end() + 40])
        detail = f" ({handle.group(0)})" if handle else ""
        found.append(f"It asks you to contact them on {name}{detail} instead of replying here.")
    return found


def _asks(rules: tuple[tuple[str, str], ...], text: str, advice: str) -> list[str]:
    wanted: list[str] = []
    for what, pattern in rules:
        if what not in wanted and re.search(pattern, text):
            wanted.append(what)
    if not wanted:
        return []
    listed = wanted[0] if len(wanted) == 1 else ", ".join(wanted[:-1]) + " and " + wanted[-1]
    return [f"It asks you for {listed}. {advice}"]


def _hired(text: str) -> list[str]:
    if _HIRED.search(text) and not _INTERVIEW.search(text):
        return ["It says you are hired or selected, but mentions no interview."]
    return []


_Rule = Callable[[str], list[str]]


def triage(subject: str, body: str) -> list[TriageWarning]:
    """The warnings for an invitation, in rule order, one per rule that fired."""
    original = f"{subject}\n{body}"
    text = _fold(original)
    rules: list[tuple[str, list[str]]] = [
        ("off_platform_contact", _off_platform(text)),
        ("phone_in_body", _phones(unicodedata.normalize("NFKC", original))),
        ("messaging_handle", _handles(unicodedata.normalize("NFKC", original))),
        ("asks_for_money", _asks(_MONEY, text, _MONEY_ADVICE)),
        ("asks_for_documents", _asks(_DOCUMENTS, text, _DOCUMENTS_ADVICE)),
        ("hired_without_interview", _hired(text)),
    ]
    warnings = []
    for rule, messages in rules:
        if messages:
            # One warning per rule, so a list can show the rule names at a glance.
            warnings.append(TriageWarning(rule=rule, message=" ".join(messages)))
    return warnings
