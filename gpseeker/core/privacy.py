"""The masking rules and the leak guard: what an employer may see of a candidate.

Everything an employer receives about a candidate is built here, by `employer_view`,
from the profile and the candidate's visibility choices; the server calls it for
every employer-facing response and the TUI calls it on the unsaved draft for the live
preview, so the preview cannot drift from what employers get. The functions are pure
(no I/O, no clock unless `today` is omitted) and depend only on the models,
phonenumbers and the standard library.

Two contexts, as DESIGN.md's masking table says:

- ``search`` (the resume bank): no name, e-mail, phone, postal address or current
  company; past company names only if the candidate opted in, and never the current
  job's company even then; location as region and country only; age band, gender and
  nationality only if opted in. Every free-text field passes the full leak guard.
- ``application`` (the one employer the candidate applied to): name and e-mail,
  phone and postal address only if ticked in the apply dialog, current and past
  companies, location as entered.

Free text in the application context. The employer receives exactly the details the
apply dialog listed, so free text is guarded there too, but only against what was
*not* listed: the candidate's name, e-mail and current company are given openly, so
they stay as written (hiding "[hidden]" where the employer already has the name
would only garble the text); the phone number and the postal address stay only if
the candidate ticked them. Any other contact route (another phone number, any other
e-mail address, any URL) is hidden in both contexts: employers reach candidates only
through the platform relay.

The leak guard matches on a folded copy of the text (gpseeker/core/folding.py: NFKC, case,
invisible and combining characters dropped, look-alike letters read as Latin, kanji
numerals as digits), so "０９０ー１２３４ー５６７８", "IVAN   PETROV" or "Ivаn" with a
Cyrillic "а" are caught, but replaces spans of the text as written, so nothing the
candidate typed is rewritten except what is hidden. Contact routes that are not the
candidate's own (any e-mail address, written out or not, link, handle or phone
number) come from gpseeker/core/contact_routes.py. It errs on the side of hiding: a name
part that is also a common word ("May") is hidden too; the preview shows the
candidate each replacement and why, so they can reword.

Its cost is linear in the text: a profile's patterns are compiled only when a word
they need is in the text, and every detector scans only where its sign is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from typing import Literal

import phonenumbers

from gpseeker.core import contact_routes
from gpseeker.core.folding import fold, fold_value
from gpseeker.core.models import (
    REGION_OF_PREFECTURE,
    EmployerPreview,
    EmployerView,
    Location,
    OptionalDisclosure,
    Profile,
    Redaction,
    ViewContext,
    ViewEducation,
    ViewExperience,
    ViewLocation,
    Visibility,
)
from gpseeker.core.near_needle import spans_near

__all__ = [
    "HIDDEN",
    "age_band",
    "application_guard",
    "company_key",
    "company_keys",
    "current_companies",
    "employer_view",
    "leak_guard",
    "normalize_company",
    "preview",
    "searchable_text",
]

HIDDEN = "[hidden]"

# --- company names ------------------------------------------------------------------

# Japanese legal forms are unambiguous wherever they stand, so they are removed
# anywhere; Latin ones ("Co", "Inc") are ordinary letters, so only as whole words at
# the ends of the name.
_JA_LEGAL_FORMS = (
    "株式会社",
    "合同会社",
    "有限会社",
    "合資会社",
    "合名会社",
    "(株)",
    "(有)",
    "(同)",
)
_LATIN_LEGAL_WORDS = frozenset(
    {
        "kk",
        "gk",
        "co",
        "ltd",
        "inc",
        "llc",
        "corp",
        "corporation",
        "limited",
        "incorporated",
        "plc",
        "kabushiki",
        "kaisha",
        "godo",
        "yugen",
    }
)


# Module-level patterns: `re.sub(str, ...)` looks its pattern up in re's cache on every
# call, which a view's dozens of calls made a tenth of a realistic profile's cost.
_KK = re.compile(r"(?<!\w)([kg])\.\s*k\.?(?!\w)")
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_ADDRESS_SEPARATORS = re.compile(r"[\s,\-]+")
_NAME_SEPARATORS = re.compile(r"[\W_]+")


# Pure, and asked again for the same few names on every view of a profile.
@functools.lru_cache(maxsize=4096)
def normalize_company(name: str) -> str:
    """The comparable core of a company name.

    Casefolded and NFKC-normalised, punctuation dropped, legal forms removed from the
    ends (KK, K.K., Co., Ltd., Inc., LLC, GK, Corp., 株式会社, 合同会社, ...) and
    spaces collapsed, so "Sakura Systems K.K.", "sakura systems" and
    "株式会社 Sakura Systems" are one company. Used for blocking by name and for
    spotting the current company in free text.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    for form in _JA_LEGAL_FORMS:
        folded = folded.replace(form, " ")
    # "K.K." and "G.K." would otherwise fall apart into single letters.
    folded = _KK.sub(r" \1k ", folded)
    tokens = _PUNCTUATION.sub(" ", folded).split()
    while tokens and tokens[-1] in _LATIN_LEGAL_WORDS:
        tokens.pop()
    while tokens and tokens[0] in _LATIN_LEGAL_WORDS:
        tokens.pop(0)
    return " ".join(tokens)


def current_companies(profile: Profile) -> list[str]:
    """Where the candidate works now: the identity's current company and the company
    of every experience entry with no end date, each once, in that order.

    Both the leak guard and the automatic blocks use this, so a current job written
    only as an experience entry is as hidden, and as blocked, as one in the identity.
    """
    names: list[str] = []
    seen: set[str] = set()
    candidates = [profile.identity.current_company or ""]
    candidates += [entry.company for entry in profile.experience if entry.end is None]
    for name in candidates:
        core = normalize_company(name)
        if core and core not in seen:
            seen.add(core)
            names.append(name.strip())
    return names


# Words that name a part or a branch of a company rather than the company itself:
# "Umbrellacorp Japan" and "Umbrellacorp Holdings" are Umbrellacorp for a block.
_GROUP_WORDS = frozenset(
    {"japan", "holdings", "holding", "group", "hd", "hds", "nihon", "nippon", "jp", "asia"}
)
_JA_GROUP_SUFFIXES = ("ホールディングス", "グループ", "ジャパン", "日本法人", "日本支社")
_HIRAGANA = range(0x3041, 0x3097)
_KANA_VOICING = ("\u3099", "\u309a")


def _fold_company(name: str) -> list[str]:
    """The words of a company name, folded: NFKC (full- and half-width alike), case,
    hiragana as katakana, invisible characters (zero-width spaces, joiners, bidi
    marks) and combining accents dropped, punctuation as spaces, Japanese legal forms
    removed wherever they stand."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name)).casefold()
    kept: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        # Kana voicing marks are combining too, but バ and ハ are different words.
        if category in ("Cf", "Mn", "Me", "Cc") and char not in _KANA_VOICING:
            continue
        code = ord(char)
        kept.append(chr(code + 0x60) if code in _HIRAGANA else char)
    folded = unicodedata.normalize("NFKC", "".join(kept))
    for form in _JA_LEGAL_FORMS:
        folded = folded.replace(form, " ")
    folded = _KK.sub(r" \1k ", folded)
    return _PUNCTUATION.sub(" ", folded).split()


def _strip_words(tokens: list[str], words: frozenset[str], keep: int = 1) -> list[str]:
    tokens = list(tokens)
    while len(tokens) > keep and tokens[-1] in words:
        tokens.pop()
    while len(tokens) > keep and tokens[0] in words:
        tokens.pop(0)
    return tokens


def _strip_ja_group(word: str) -> str:
    for suffix in _JA_GROUP_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


def company_key(name: str) -> str:
    """One organisation name's identity: folded, legal forms (K.K., 株式会社, Inc.,
    Co., Ltd., GK, ...) dropped from the ends, spaces and punctuation gone.
    "Umbrellacorp K.K.", "UMBRELLACORP" and "Umbrella\u200bcorp" share it. Two
    verified organisations may not share one (the operator merges them instead)."""
    # A name that is nothing but a legal form ("K.K.") names no company: "".
    tokens = _strip_words(_fold_company(name), _LATIN_LEGAL_WORDS, keep=0)
    return "".join(tokens)


def company_keys(name: str) -> frozenset[str]:
    """Every spelling of a name that a block by that name should hold against.

    The name with its legal forms dropped (`company_key`), the name with them kept
    ("Umbrella Corp" is also "umbrellacorp"), and the name without words for a part
    of a group ("Umbrellacorp Japan", "Umbrellacorp Holdings", "アンブレラコープ
    ジャパン" are Umbrellacorp). Two names match when their keys meet. Names in
    another script (katakana for a romaji name) match through the other names the
    operator records for an organisation, not by transliteration.
    """
    tokens = _fold_company(name)
    if not company_key(name):
        return frozenset()
    removable = _LATIN_LEGAL_WORDS | _GROUP_WORDS
    keys: set[str] = set()
    # Every way of dropping legal-form and group words from the ends, one at a time:
    # "Umbrella Corp Limited" is also "Umbrella Corp" and "Umbrella".
    start = 0
    while True:
        end = len(tokens)
        while True:
            part = tokens[start:end]
            # Only legal-form and group words left ("Inc"): that names no company.
            if any(token not in removable for token in part) or len(part) == len(tokens):
                keys.add("".join(part))
            if end - start > 1 and tokens[end - 1] in removable:
                end -= 1
            else:
                break
        if len(tokens) - start > 1 and tokens[start] in removable:
            start += 1
        else:
            break
    keys.add(company_key(name))
    keys |= {_strip_ja_group(key) for key in keys}
    return frozenset(key for key in keys if key)


# --- age ------------------------------------------------------------------------------


def age_band(birth_date: dt.date, today: dt.date) -> str:
    """A five-year band such as "30-34"; "65+" above, where few candidates are."""
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    age = today.year - birth_date.year - before_birthday
    if age < 0:
        raise ValueError("the birth date is after today")
    if age >= 65:
        return "65+"
    low = age // 5 * 5
    return f"{low}-{low + 4}"


# --- folding text for matching: gpseeker/core/folding.py --------------------------------------


def _is_wide(char: str) -> bool:
    # CJK scripts do not separate words with spaces, so word boundaries mean nothing.
    return unicodedata.east_asian_width(char) in ("W", "F")


# A Latin word ends where a letter of its own script does: Japanese runs straight
# into it ("Li Weiです", "Umbrella Corpで"), and that is still a word boundary.
_LATIN_WORD_BEFORE = r"(?<![^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])"
_LATIN_WORD_AFTER = r"(?![^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])"


_KATAKANA_CLASS = "\u30a1-\u30fa\u30fc"
_HIRAGANA_CLASS = "\u3041-\u3096\u30fc"
# An honorific after a name written in kana.
_HONORIFIC = "さん|さま|様|くん|君|ちゃん|氏|先生|サン"


# A place name with its address unit ("Quixotic-cho", "Sakae-machi"): on its own it
# still points at a few streets. Without a unit ("Namba") it is a neighbourhood
# anyone may name, and stays.
_PLACE = re.compile(r"[^\W\d_]{3,}[\s-]*(?:cho|machi|chome|dori|町|丁目|通)(?![^\W\d_])")
_ROOM = re.compile(r"[\s,#-]*(?:room|rm|no\.?|号室|号)?\s*[\d-]+(?:号室|号)?$")


def _address_spellings(value: str, *, building: bool = False) -> list[str]:
    """The ways an address line is written back: as given; its words in any order
    ("7-7-7 Quixotic-cho" is also "Quixotic-cho 7-7-7"); its place name alone
    ("Quixotic cho"); a building without its room number ("Windmill Tower").
    A one- or two-character value ("5") would hide every such number: none."""
    if len(value.replace(" ", "")) < 3:
        return []
    spellings = [value]
    words = [word for word in re.split(r"\s+", value) if word]
    # Reordered whole: every word stays, so "Tokyo Tower" is not the building.
    if 1 < len(words) <= 4:
        spellings += [" ".join(order) for order in itertools.permutations(words)]
    spellings += _chome_forms(value)
    for place in _PLACE.finditer(value):
        if place.group() != value:
            spellings.append(place.group())
            # Written with a space or a hyphen, or none: "quixotic cho".
            spellings.append(re.sub(r"[\s-]+", " ", place.group()))
    without_room = _ROOM.sub("", value).strip() if building else value
    if without_room != value and len(without_room) >= 4:
        spellings.append(without_room)
    return list(dict.fromkeys(spellings))


# A place name and its unit written as one word ("Hyakunincho", "Nambanaka"): apart,
# the patterns match it with a hyphen, a space or nothing between ("Hyakunin-cho").
_GLUED_UNIT = re.compile(
    r"(?<![^\W\d_])([^\W\d_]{3,}?)(cho|machi|chome|dori|naka|kita|minami|higashi|nishi)"
    r"(?![^\W\d_])"
)


def _unit_apart(value: str) -> str:
    return _GLUED_UNIT.sub(r"\1 \2", value)


_BLOCK_NUMBER = re.compile(r"(\d+)-(\d+)(?:-(\d+))?")


def _chome_forms(value: str) -> list[str]:
    """A Japanese block number as people also write it: "1-8-22 Daimyo" is "Daimyo
    1-chome 8-22", "1 Chome-8-22 Daimyo" and "Daimyo1丁目8番22号"."""
    block = _BLOCK_NUMBER.search(value)
    if block is None:
        return []
    chome, ban, go = block.group(1), block.group(2), block.group(3)
    place = (value[: block.start()] + " " + value[block.end() :]).strip()
    rest = f"{ban}-{go}" if go else ban
    numbers = [
        f"{chome}-chome {rest}",
        f"{chome}-chome-{rest}",
        f"{chome} chome-{rest}",
        f"{chome}丁目{ban}番{go}号" if go else f"{chome}丁目{ban}番",
        f"{chome}丁目{ban}番{go}" if go else f"{chome}丁目{ban}",
        f"{chome}丁目{rest}",
    ]
    if not go:
        # Two numbers are also a lot and its house: "基町10-3" is "基町10番3号".
        numbers += [f"{chome}番{ban}号", f"{chome}番地{ban}", f"{chome}番{ban}"]
    forms: list[str] = []
    for number in numbers:
        if place:
            forms += [f"{place} {number}", f"{number} {place}", f"{place}{number}"]
        else:
            forms.append(number)
    return forms


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _umlauts_spelled_out(name: str) -> str:
    return unicodedata.normalize("NFC", name).translate(_UMLAUTS)


def _kana_spellings(name: str) -> list[str]:
    """A name in kana, in both kana scripts: "たなか みさき" is also "タナカ ミサキ"
    (anything else in it, spaces or dots, stays as it is)."""
    if re.search(f"[{_KATAKANA_CLASS}]", name) and not re.search(f"[{_HIRAGANA_CLASS}]", name):
        return [name, "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in name)]
    if re.search(f"[{_HIRAGANA_CLASS}]", name) and not re.search(f"[{_KATAKANA_CLASS}]", name):
        return [name, "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in name)]
    return [name]


def _kana_bounded(part: str) -> str:
    """A name part in kana is a word of its own, not the inside of a longer word of
    its script: "リー" is a name, "リーダー" is not; "リーさん" is the name again."""
    core = re.escape(part)
    if re.fullmatch(f"[{_KATAKANA_CLASS}]+", part) or (
        # Hiragana runs on into the particles after it ("たなかです"): only a short
        # part, which hides inside ordinary words, needs the boundary.
        re.fullmatch(f"[{_HIRAGANA_CLASS}]+", part) and len(part) < 3
    ):
        script = _KATAKANA_CLASS if part[0] >= "\u30a1" else _HIRAGANA_CLASS
        return rf"(?<![{script}]){core}(?:(?={_HONORIFIC})|(?![{script}]))"
    return core


def _bounded(core: str, first: str, last: str) -> str:
    lead = _LATIN_WORD_BEFORE if re.match(r"\w", first) and not _is_wide(first) else ""
    trail = _LATIN_WORD_AFTER if re.match(r"\w", last) and not _is_wide(last) else ""
    return lead + core + trail


def _flexible(value: str, separator: str) -> str | None:
    """A pattern for `value` (already folded) with any `separator` run between words."""
    words = [word for word in _ADDRESS_SEPARATORS.split(value) if word]
    if not words:
        return None
    core = separator.join(re.escape(word) for word in words)
    return _bounded(core, words[0][0], words[-1][-1])


def _word(part: str) -> str:
    return _bounded(re.escape(part), part[0], part[-1])


def _titled_short_name(part: str) -> str:
    return rf"(?<!\w)(?:mr|ms|mrs|miss|mx|dr|prof)\.?\s*{re.escape(part)}(?!\w)"


def _honoured_short_name(part: str) -> str:
    return (
        rf"(?<!\w){re.escape(part)}(?:\s*(?:さん|様|氏|くん|君|先生)"
        r"|[\s-]*(?:san|sama|kun|chan|sensei)(?!\w))"
    )


def _address_pattern(written: str, building: bool) -> str | None:
    """One pattern for every spelling of an address line, longest first."""
    spellings = _address_spellings(written, building=building)
    patterns = [_flexible(spelling, r"[\s,\-]*") for spelling in spellings]
    found = [pattern for pattern in patterns if pattern is not None]
    return "|".join(f"(?:{pattern})" for pattern in found) or None


_LEGAL_PREFIX = r"(?:株式会社|合同会社|有限会社|\(株\)|kabushiki\s+kaisha)\s*"
_LEGAL_SUFFIX = (
    r"[\s,-]*(?:(?:k\.?\s?k|g\.?\s?k|co\.?,?\s*ltd|ltd|inc|llc|corps?|corporation"
    r"|limited|kabushiki\s+kaisha)\.?" + _LATIN_WORD_AFTER + "|株式会社|合同会社|有限会社|\\(株\\))"
)


def _company_pattern(words: tuple[str, ...]) -> str:
    """The company's name with or without its legal form, before or after it."""
    body = r"[\W_]*".join(re.escape(word) for word in words)
    first, last = words[0][0], words[-1][-1]
    lead = _LATIN_WORD_BEFORE if re.match(r"\w", first) and not _is_wide(first) else ""
    trail = _LATIN_WORD_AFTER if re.match(r"\w", last) and not _is_wide(last) else ""
    return f"(?:{_LEGAL_PREFIX}|{lead}){body}(?:{_LEGAL_SUFFIX}|{trail})"


# --- generic detectors ----------------------------------------------------------------

# Japanese is written without spaces, so an address or a link runs straight into the
# sentence around it ("連絡はivan@example.jpまで"); CJK characters end them.
_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_ADDRESS_CHAR = rf"(?:[^\W{_CJK}]|[.+%-])"
_LABEL = rf"[^\W{_CJK}]+(?:-+[^\W{_CJK}]+)*"
# The lookbehind starts a match only at the start of a run, which keeps a long run of
# letters without "@" linear instead of quadratic.
_EMAIL_RE = re.compile(rf"(?<!{_ADDRESS_CHAR}){_ADDRESS_CHAR}+\s*@\s*{_LABEL}(?:\.{_LABEL})+")
_URL_RE = re.compile(rf"(?:https?://|ftp://|www\.)[^\s<>\"'{_CJK}]+")
# Top-level domains common enough to be worth catching without a scheme. Left out on
# purpose: names that are usually file extensions or tech names (py, md, js, sh, rs,
# go, ts), which would hide ordinary skills such as "setup.py".
_TLDS = (
    "com|net|org|jp|io|dev|co|me|info|biz|app|ai|uk|de|fr|us|ca|au|cn|kr|tw|hk|sg|"
    "in|nz|eu|xyz|tech|site|online|page|ly|tv|cc|blog|edu|gov|ru|br|es|it|nl|ch|se|"
    "tokyo|link|ph|vn|th|id|my"
)
_BARE_DOMAIN_RE = re.compile(
    r"(?<![a-z0-9@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:" + _TLDS + r")(?![\w-])"
    r"(?:[/:?#][^\s<>\"'" + _CJK + r"]*)?"
)
# Technology names that look like domains; a skill list must not turn into [hidden].
_NOT_DOMAINS = frozenset({"asp.net", "ado.net", "vb.net", "socket.io", "dot.net"})
_DIGITS = re.compile(r"[0-9]+")
# A digit run less its separators and stand-in letters, in one C call.
_NOT_DIGITS = str.maketrans("", "", " \t\n\u2028\u2029\u3000-.()/・·ーのoOlI")


def _digits_of(run: str) -> str:
    digits = run.translate(_NOT_DIGITS)
    # A rarer space ("\u2009") is a separator too: the slower way then.
    return digits if digits.isascii() and digits.isdigit() else "".join(_DIGITS.findall(run))


# Every pattern of every profile, compiled once per process (a profile's patterns
# are built again for each view of it).
_compiled = functools.lru_cache(maxsize=4096)(re.compile)
_TRAILING_PUNCTUATION = ".,;:!?)]}>'\""

# When matches overlap, the one that contains the others explains it: an e-mail
# address, a link or a handle that holds the name is reported as what it is.
_PRIORITY = ("email", "any_email", "url", "handle", "phone", "address", "company", "name")


_Kind = Literal["name", "email", "phone", "address", "company", "any_email", "url", "handle"]
# A match: start and end in the folded text; its Redaction kind; the end of its reason
# ("your phone number"); and the key the application context may allow ("phone_own"
# is the candidate's number, "phone_other" anyone else's).
_Hit = tuple[int, int, _Kind, str, str]
# A span to hide: start and end in the original text, its kind and its reason.
_Span = tuple[int, int, _Kind, str]
# A pattern of the guard, or what writes it out when a text first needs it.
_Pattern = str | Callable[[], str | None]


def _where(field: str, profile: Profile, masked_titles: list[str] | None) -> str:
    """A human name for a view field, for reasons such as "your summary contains ..."."""
    simple = {
        "reply": "your reply",
        "cover note": "your cover note",
        "decline reason": "your reason for declining",
        "headline": "your headline",
        "summary": "your summary",
        "nationality": "your nationality",
        "location.country": "your country",
        "location.city": "your city",
    }
    if field in simple:
        return simple[field]
    item = re.fullmatch(r"(\w+)\[(\d+)\](?:\.(\w+))?", field)
    if item is None:
        return field
    group, number, part = item.group(1), int(item.group(2)) + 1, item.group(3)
    if group == "experience":
        titles = masked_titles or [entry.title for entry in profile.experience]
        title = titles[number - 1] if number - 1 < len(titles) else ""
        # A title is a fine label for its own description, but not for itself.
        label = f"experience {number}"
        if title and part != "title":
            label += f" ({title})"
        return f"{label} {part}" if part else label
    if group == "education":
        parts = {"field": "field of study", "school": "school"}
        return f"education {number} {parts.get(part or '', part or '')}".rstrip()
    names = {
        "skills": "your skills",
        "desired_jobs": "your desired jobs",
        "other_languages": "your other languages",
    }
    return f"item {number} of {names.get(group, group)}"


_WORDED_AT = re.compile(
    r"\s*[\[\(\{<]\s*at\s*[\]\)\}>]\s*|\s+at\s+|\s*@\s*|\s*アットマーク\s*|\s+arroba\s+"
)
_WORDED_DOT = re.compile(r"\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*|\s+dot\s+")


def _canonical_email(written: str) -> str:
    """ "ana dot souza at example dot com" as "ana.souza@example.com"."""
    return _WORDED_DOT.sub(".", _WORDED_AT.sub("@", written)).replace(" ", "")


class _Guard:
    """The leak guard for one profile: its identity values compiled into patterns."""

    def __init__(self, profile: Profile) -> None:
        identity = profile.identity
        self.profile = profile
        # Each pattern with a word that any match must contain: a text without it is
        # not scanned at all. Most texts contain no identity value, so a pattern is
        # written out (and compiled) only when a text first holds its word: building
        # all of a profile's patterns up front cost more than masking its texts.
        self._patterns: list[tuple[str, _Pattern, _Kind, str, str]] = []

        for written in identity.names():
            # "Müller" is also written "Mueller" (and folds to "muller" besides), and
            # "Lin Mei-ling" is also "Lin Meiling".
            spellings = [fold_value(written), fold_value(_umlauts_spelled_out(written))]
            spellings += [_INNER_HYPHEN.sub("", spelling) for spelling in spellings]
            for folded in dict.fromkeys(spellings):
                for spelling in dict.fromkeys(_kana_spellings(folded)):
                    self._add_name(spelling)

        self._email = fold_value(str(identity.email))

        self._phone_digits: str | None = None
        self._phone: phonenumbers.PhoneNumber | None = None
        if identity.phone:
            try:
                self._phone = phonenumbers.parse(identity.phone, "JP")
                self._phone_digits = phonenumbers.national_significant_number(self._phone)
            except phonenumbers.NumberParseException:
                self._phone = None

        address = identity.address
        if address is not None:
            for value, what in (
                (address.postal_code, "your postal code"),
                (address.street, "your street address"),
                (address.building, "your building"),
            ):
                written = _unit_apart(fold_value(value).replace("〒", "").strip())
                tokens = [token for token in _ADDRESS_SEPARATORS.split(written) if token]
                if tokens:
                    # One pattern a line; its rarest word (the longest) is in every
                    # spelling, so texts without it skip it.
                    needle = max(tokens, key=lambda token: (token.isalpha(), len(token)))
                    building = what == "your building"
                    pattern = functools.partial(_address_pattern, written, building)
                    self._add(pattern, "address", what, "address", needle)

        self._company_cores: set[str] = set()
        for company in current_companies(profile):
            core_name = normalize_company(company)
            self._company_cores.add(core_name)
            self._add_company(fold_value(core_name).split())

    def _add_company(self, words: list[str]) -> None:
        """Patterns for the current company, with or without its legal form, and
        without a word for a part of a group ("Victoria Harbour Capital Japan" is
        written "Victoria Harbour Capital" too)."""
        shorter = [words]
        if len(words) > 1 and words[-1] in ("japan", "holdings", "group", "jp", "日本"):
            shorter.append(words[:-1])
        for form in shorter:
            if form:
                pattern = functools.partial(_company_pattern, tuple(form))
                what = "the name of your current company"
                self._add(pattern, "company", what, "company", form[0])

    def _add_name(self, name: str) -> None:
        """Patterns for one spelling of the name (already folded)."""
        # Every punctuation mark separates name parts, brackets included: "Zebedee
        # Quixote (ゼベディー・キホーテ)" has four.
        parts = [part for part in _NAME_SEPARATORS.split(name) if part]
        if len(parts) > 1:
            for order in (parts, parts[::-1]):  # family name first, as in Japan
                full = functools.partial(_flexible, " ".join(order), r"[\s・·.,_-]*")
                self._add(full, "name", "your name", "name", order[0])
            if 2 < len(parts) <= 4:
                # Any two parts together ("Ng Ka-ho" of "Kenneth Ng Ka-ho") are the
                # person, even where each alone is a syllable; apart, not run
                # together ("Hong" is not "Ho Ng").
                for pair in itertools.permutations(parts, 2):
                    both = functools.partial(_flexible, " ".join(pair), r"[\s・·.,_-]+")
                    self._add(both, "name", "your name", "name", pair[0])
        for part in parts:
            if all(_is_wide(char) for char in part):
                if len(part) == 1:
                    # One character ("李") is the person beside an honorific only.
                    pattern = rf"{re.escape(part)}(?=\s*(?:さん|様|氏|先生|くん|ちゃん))"
                    self._add(pattern, "name", "your name", "name", part)
                if len(part) >= 2:
                    for spelling in _kana_spellings(part):
                        bounded = functools.partial(_kana_bounded, spelling)
                        self._add(bounded, "name", "your name", "name", spelling)
            # A digit in a folded name stood for a look-alike letter (Cyrillic "б"
            # folds to "6", on both sides), so it counts as a letter here.
            elif sum(char.isalnum() for char in part) >= 3:
                self._add(functools.partial(_word, part), "name", "your name", "name", part)
            elif part.isalnum():
                # "Li" or "Ng" alone is a common word or syllable; beside a title, or
                # as a name on its own line after a greeting, it is the person.
                titled = functools.partial(_titled_short_name, part)
                self._add(titled, "name", "your name", "name", part)
                honorific = functools.partial(_honoured_short_name, part)
                self._add(honorific, "name", "your name", "name", part)

    def _add(self, pattern: _Pattern, kind: _Kind, what: str, key: str, needle: str) -> None:
        self._patterns.append((needle, pattern, kind, what, key))

    def _pattern(self, index: int) -> str:
        """Pattern `index`, written out on first use ("" when it has none)."""
        needle, pattern, kind, what, key = self._patterns[index]
        if not isinstance(pattern, str):
            pattern = pattern() or ""
            self._patterns[index] = (needle, pattern, kind, what, key)
        return pattern

    def is_current_company(self, company: str) -> bool:
        return normalize_company(company) in self._company_cores

    def _hits(self, folded: str) -> list[_Hit]:
        hits: list[_Hit] = []
        for index, (needle, _, kind, what, key) in enumerate(self._patterns):
            if needle in folded and (pattern := self._pattern(index)):
                found = spans_near(_compiled(pattern), folded, needle)
                hits.extend((start, end, kind, what, key) for start, end in found)

        for start, end, _ in contact_routes.emails(folded):
            if _canonical_email(folded[start:end]) == self._email:
                hits.append((start, end, "email", "your e-mail address", "email"))
            else:
                what = "an e-mail address (employers reach you only through the platform relay)"
                hits.append((start, end, "any_email", what, "any_email"))
        for start, end, _ in contact_routes.links(folded):
            hits.append((start, end, "url", "a web address (a link can identify you)", "url"))
        for start, end, _ in contact_routes.handles(folded):
            what = "an account name elsewhere (a handle identifies you)"
            hits.append((start, end, "handle", what, "handle"))

        shortest = contact_routes.SHORTEST_PHONE_RUN
        if self._phone_digits:
            shortest = min(shortest, len(self._phone_digits))
        runs = list(contact_routes.digit_runs(folded, stand_ins=True, shortest=shortest))
        for start, end, digits in contact_routes.phone_runs(folded, runs=runs):
            own = self._phone_digits is not None and self._phone_digits in digits
            if own:
                hits.append((start, end, "phone", "your phone number", "phone_own"))
            else:
                # Even a number that is not the candidate's would let an employer call
                # around the relay (an office line, a friend's number).
                what = (
                    "a phone number (employers reach you only through the platform relay, "
                    "so no phone number is passed on)"
                )
                hits.append((start, end, "phone", what, "phone_other"))

        # However oddly spaced, or with letters for digits, and in however long a
        # run, the candidate's own digits are hidden.
        own_digits = self._phone_digits or ""
        for start, end in runs if own_digits else ():
            if own_digits in _digits_of(folded[start:end]):
                while not "0" <= folded[end - 1] <= "9":
                    end -= 1  # a trailing stand-in letter belongs to the next word
                if folded[start - 1 : start] == "+":
                    start -= 1
                hits.append((start, end, "phone", "your phone number", "phone_own"))
        return hits

    def guard(
        self,
        text: str,
        field: str,
        *,
        allowed: Collection[str] = (),
        masked_titles: list[str] | None = None,
    ) -> tuple[str, list[Redaction]]:
        [(masked, found)] = self.guard_all([text], allowed=allowed)
        if not found:
            return masked, []
        where = _where(field, self.profile, masked_titles)
        return masked, [_redaction(field, where, kind, what) for kind, what in found]

    def guard_all(
        self, texts: Sequence[str], *, allowed: Collection[str] = ()
    ) -> list[tuple[str, list[tuple[_Kind, str]]]]:
        """Each text masked, with the kind and the reason of each hidden span.

        The short texts are searched as one, joined by blank lines: a profile has
        dozens of short fields, and the cost of searching a short text is mostly
        per call, not per character. A match that runs across a join (a name's two
        parts ending one skill and starting the next) is not trusted: the texts it
        touches are searched again on their own, so each text is masked exactly as
        if it had been searched alone. A long text is searched on its own from the
        start, where the detectors' quick tests for their signs ("@", a digit, a
        platform's name) still skip most of it.
        """
        spans: list[list[_Span]] = [[] for _ in texts]
        alone = {index for index, text in enumerate(texts) if len(text) > _SEARCHED_ALONE}
        together = [index for index in range(len(texts)) if index not in alone]
        starts: list[int] = []
        position = 0
        for index in together:
            starts.append(position)
            position += len(texts[index]) + len(_JOIN)
        joined = _JOIN.join(texts[index] for index in together)
        for start, end, kind, what in self._spans(joined, allowed):
            first = bisect.bisect_right(starts, start) - 1
            last = bisect.bisect_right(starts, end - 1) - 1
            if first == last and end <= starts[first] + len(texts[together[first]]):
                spans[together[first]].append(
                    (start - starts[first], end - starts[first], kind, what)
                )
            else:
                alone.update(together[first : last + 1])
        for index in alone:
            spans[index] = self._spans(texts[index], allowed)
        return [_masked(text, found) for text, found in zip(texts, spans, strict=True)]

    def _spans(self, text: str, allowed: Collection[str]) -> list[_Span]:
        """What to hide in `text`: (start, end, kind, reason) in the original text."""
        if not text:
            return []
        folded = fold(text)
        return [
            (*folded.span(start, end), kind, what)
            for start, end, kind, what, key in self._hits(folded.text)
            if end > start and key not in allowed
        ]


# Texts searched together are joined by line breaks: they end e-mail addresses,
# links and handles, four of them end a run of digits, and a match that runs across
# them anyway is searched again text by text (_Guard.guard_all).
_JOIN = "\n\n\n\n"
# A text longer than this is searched on its own.
_SEARCHED_ALONE = 500


def _masked(text: str, spans: list[_Span]) -> tuple[str, list[tuple[_Kind, str]]]:
    """`text` with each span replaced; overlapping spans (a URL that contains the
    name) become one replacement, explained by the most specific reason."""
    if not spans:
        return text, []
    groups: list[tuple[int, int, _Kind, str]] = []
    for start, end, kind, what in sorted(spans):
        if groups and start < groups[-1][1]:
            g_start, g_end, g_kind, g_what = groups[-1]
            if _PRIORITY.index(kind) < _PRIORITY.index(g_kind):
                g_kind, g_what = kind, what
            groups[-1] = (g_start, max(g_end, end), g_kind, g_what)
        else:
            groups.append((start, end, kind, what))
    pieces: list[str] = []
    cursor = 0
    for start, end, _, _ in groups:
        pieces.extend((text[cursor:start], HIDDEN))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), [(kind, what) for _, _, kind, what in groups]


def _redaction(field: str, where: str, kind: _Kind, what: str) -> Redaction:
    return Redaction(field=field, kind=kind, reason=f"{where} contains {what}")


def _given_openly(disclose: Collection[OptionalDisclosure]) -> set[str]:
    """What an application hands the employer anyway, so its free text may say it:
    the name, the e-mail and the current company, and the phone and the postal address
    when ticked. Any other contact route stays hidden."""
    allowed = {"name", "email", "company"}
    if "phone" in disclose:
        allowed.add("phone_own")
    if "address" in disclose:
        allowed.add("address")
    return allowed


def application_guard(
    text: str, profile: Profile, field: str, disclose: Collection[OptionalDisclosure] = ()
) -> tuple[str, list[Redaction]]:
    """The leak guard for text that goes with an application (a cover note): only
    what the application does not hand over is hidden (see `_given_openly`)."""
    return _Guard(profile).guard(text, field, allowed=_given_openly(disclose))


def leak_guard(text: str, profile: Profile, field: str) -> tuple[str, list[Redaction]]:
    """Replace every identifying detail in `text` with "[hidden]", and say why.

    Hidden: the candidate's name (whole, in any case and spacing, and each part of
    three letters or more as a word), e-mail address, phone number in any format,
    postal code, street and building, current company (with or without its legal
    form), and any other e-mail address, phone number or URL. `field` names where the
    text sits ("summary", "experience[1].description") for the reasons.
    """
    return _Guard(profile).guard(text, field)


# --- the employer view ----------------------------------------------------------------


_JAPAN = frozenset({"japan", "日本", "nippon", "nihon"})


def _location(location: Location, context: ViewContext) -> ViewLocation:
    if context == "application":
        return ViewLocation(
            country=location.country,
            region=REGION_OF_PREFECTURE.get(location.prefecture or ""),
            prefecture=location.prefecture,
            city=location.city or None,
        )
    if location.country.strip().casefold() in _JAPAN:
        # A prefecture plus the rest of a masked profile narrows a candidate down too
        # far; the region is enough to judge a commute or a relocation.
        return ViewLocation(
            country="Japan", region=REGION_OF_PREFECTURE.get(location.prefecture or "")
        )
    return ViewLocation(country=location.country)


def _build(
    profile: Profile,
    visibility: Visibility,
    context: ViewContext,
    candidate_ref: str,
    disclose: Collection[OptionalDisclosure],
    today: dt.date | None,
) -> EmployerPreview:
    today = today or dt.date.today()
    identity = profile.identity
    guard = _Guard(profile)
    application = context == "application"
    allowed = _given_openly(disclose) if application else set()
    location = _location(profile.location, context)
    demographics = profile.demographics
    clean = _Cleaner(guard, _view_texts(profile, location), allowed)

    masked_titles = [
        clean(entry.title, f"experience[{index}].title")
        for index, entry in enumerate(profile.experience)
    ]
    clean.masked_titles = masked_titles

    def clean_all(values: list[str], group: str) -> list[str]:
        return [clean(value, f"{group}[{index}]") for index, value in enumerate(values)]

    headline = clean(profile.headline, "headline")
    summary = clean(profile.summary, "summary")
    skills = clean_all(profile.skills, "skills")

    experience: list[ViewExperience] = []
    for index, entry in enumerate(profile.experience):
        company: str | None = None
        if entry.company:
            # The current job is the one without an end date, or the one at the company
            # named as current; its name never reaches the resume bank.
            current = entry.end is None or guard.is_current_company(entry.company)
            if application or (visibility.show_past_companies and not current):
                company = clean(entry.company, f"experience[{index}].company")
        experience.append(
            ViewExperience(
                title=masked_titles[index],
                industry=clean(entry.industry, f"experience[{index}].industry"),
                years=entry.years(today),
                company=company,
                description=clean(entry.description, f"experience[{index}].description"),
            )
        )

    education: list[ViewEducation] = []
    for index, item in enumerate(profile.education):
        # The school narrows a candidate down; the masking table lists only the level
        # (and here the field of study) for the resume bank.
        school = None
        if application and item.school:
            school = clean(item.school, f"education[{index}].school")
        education.append(
            ViewEducation(
                level=item.level,
                field=clean(item.field, f"education[{index}].field"),
                school=school,
            )
        )

    location = location.model_copy(
        update={
            "country": clean(location.country, "location.country"),
            "city": clean(location.city, "location.city") if location.city else None,
        }
    )

    age = (
        age_band(demographics.birth_date, today)
        if visibility.show_age and demographics.birth_date
        else None
    )
    nationality = (
        clean(demographics.nationality, "nationality")
        if visibility.show_nationality and demographics.nationality
        else None
    )

    view = EmployerView(
        candidate_ref=candidate_ref,
        context=context,
        headline=headline,
        summary=summary,
        skills=skills,
        experience=experience,
        education=education,
        japanese=profile.languages.japanese,
        english=profile.languages.english,
        other_languages=clean_all(profile.languages.other, "other_languages"),
        visa_status=profile.visa_status,
        desired_jobs=clean_all(profile.preferences.desired_jobs, "desired_jobs"),
        job_types=list(profile.preferences.job_types),
        preferred_prefectures=list(profile.preferences.prefectures),
        remote=list(profile.preferences.remote),
        min_salary_jpy=profile.preferences.min_salary_jpy,
        start_date=profile.preferences.start_date,
        location=location,
        age_band=age,
        gender=demographics.gender if visibility.show_gender else None,
        nationality=nationality,
        full_name=identity.full_name if application else None,
        email=str(identity.email) if application else None,
        phone=identity.phone if application and "phone" in disclose else None,
        address=(
            identity.address.one_line()
            if application and "address" in disclose and identity.address
            else None
        ),
        current_company=identity.current_company if application else None,
    )
    return EmployerPreview(view=view, redactions=clean.redactions)


def _view_texts(profile: Profile, location: ViewLocation) -> dict[str, str]:
    """Every text a view of this profile may show, by field: masked in one pass (a
    text the view then leaves out costs a little time and is never reported)."""
    texts = {"headline": profile.headline, "summary": profile.summary}
    for index, entry in enumerate(profile.experience):
        texts[f"experience[{index}].title"] = entry.title
        texts[f"experience[{index}].company"] = entry.company or ""
        texts[f"experience[{index}].industry"] = entry.industry
        texts[f"experience[{index}].description"] = entry.description
    for index, item in enumerate(profile.education):
        texts[f"education[{index}].school"] = item.school or ""
        texts[f"education[{index}].field"] = item.field
    texts["location.country"] = location.country
    texts["location.city"] = location.city or ""
    texts["nationality"] = profile.demographics.nationality or ""
    groups = (
        ("skills", profile.skills),
        ("other_languages", profile.languages.other),
        ("desired_jobs", profile.preferences.desired_jobs),
    )
    for group, values in groups:
        for index, value in enumerate(values):
            texts[f"{group}[{index}]"] = value
    return texts


class _Cleaner:
    """A view's texts, masked together, handed out field by field; the reasons of
    the fields handed out are collected in the order the view shows them."""

    def __init__(self, guard: _Guard, texts: dict[str, str], allowed: Collection[str]) -> None:
        self._guard = guard
        self._texts = texts
        masked = guard.guard_all(list(texts.values()), allowed=allowed)
        self._masked = dict(zip(texts, masked, strict=True))
        self._allowed = allowed
        self.masked_titles: list[str] | None = None
        self.redactions: list[Redaction] = []

    def __call__(self, text: str, field: str) -> str:
        if self._texts.get(field) == text:
            masked, found = self._masked[field]
        else:
            # Not among the texts masked up front: masked now, on its own.
            [(masked, found)] = self._guard.guard_all([text], allowed=self._allowed)
        if found:
            where = _where(field, self._guard.profile, self.masked_titles)
            self.redactions.extend(_redaction(field, where, kind, what) for kind, what in found)
        return masked


def employer_view(
    profile: Profile,
    visibility: Visibility,
    context: ViewContext,
    candidate_ref: str,
    *,
    disclose: Collection[OptionalDisclosure] = (),
    today: dt.date | None = None,
) -> EmployerView:
    """What an employer receives about this candidate in `context`.

    `disclose` lists the optional details ticked in the apply dialog (application
    context only; ignored for search). `today` fixes the clock for years of
    experience and the age band.
    """
    return _build(profile, visibility, context, candidate_ref, disclose, today).view


def preview(
    profile: Profile,
    visibility: Visibility,
    context: ViewContext,
    candidate_ref: str = "preview",
    *,
    disclose: Collection[OptionalDisclosure] = (),
    today: dt.date | None = None,
) -> EmployerPreview:
    """The same view as `employer_view`, plus every leak-guard replacement and why."""
    return _build(profile, visibility, context, candidate_ref, disclose, today)


def searchable_text(view: EmployerView) -> str:
    """The text the resume bank indexes for keyword search.

    Built from the masked view, never from the profile, so a search can only find a
    candidate by words an employer is allowed to see; identity fields are left out
    even of an application-context view.
    """
    parts: list[str] = [view.headline, view.summary, *view.skills]
    for entry in view.experience:
        parts.extend((entry.title, entry.industry, entry.company or "", entry.description))
    for item in view.education:
        parts.extend((item.level, item.field))
    parts.extend(view.desired_jobs)
    parts.extend(view.other_languages)
    parts.extend((f"japanese {view.japanese}", f"english {view.english}"))
    parts.extend(view.preferred_prefectures)
    parts.extend((view.location.country, view.location.region or ""))
    return "\n".join(part for part in parts if part)
