"""Ways to reach a person around the platform relay, found in folded text
(gpseeker/core/folding.py): e-mail addresses, written out or not, web addresses, handles
and phone-shaped numbers. The leak guard (privacy.py) hides every one of them.

Each detector is linear in the text and cheap when its sign is absent: a scan starts
only where an "@", an "at", a dot before a top-level domain, a platform's name or a
digit is, so ordinary prose costs a few `in` tests and no regular-expression pass.

Detectors return (start, end, what) in the folded text; `what` is "email", "link",
"handle" or "phone".
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
from collections.abc import Iterable, Iterator

import phonenumbers

__all__ = [
    "SHORTEST_PHONE_RUN",
    "Found",
    "digit_runs",
    "emails",
    "handles",
    "links",
    "phone_runs",
]

Found = tuple[int, int, str]

_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_WORD = rf"[^\W{_CJK}]"
_LABEL = rf"{_WORD}+(?:-+{_WORD}+)*"
_LOCAL = rf"(?:{_WORD}|[.+%-])+"

# "@" as people write it: the sign, or "at" in brackets or between spaces.
_AT = r"(?:\s*@\s*|\s*[\[\(\{<]\s*at\s*[\]\)\}>]\s*|\s+at\s+|\s*アットマーク\s*|\s+arroba\s+)"
# A dot with spaces on both sides counts ("example . com"); one with a space on one
# side only ends a sentence more often than it splits an address.
_DOT = r"(?:\.|\s+\.\s+|\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*|\s+dot\s+)"
# "@" as people write it in words: English, Japanese ("アットマーク"), Spanish and
# Portuguese ("arroba").
# A scan for each form, each starting with a literal: `re` skips to a literal in C,
# where a class of first characters ("@", "[", "a", ...) is tried at nearly every
# position of a long text, three times as slow. The space before a worded "at" is
# checked after it, so that a scan stops at each "at" rather than at every space.
_AT_SIGN_SCANS = tuple(
    (needle, re.compile(pattern))
    for needle, pattern in (
        ("@", "@"),
        ("アットマーク", "アットマーク"),
        *((opener, rf"\{opener}\s*at\s*[\]\)\}}>]") for opener in "[({<"),
        ("at", r"at(?<=\sat)\s"),
        ("arroba", r"arroba(?<=\sarroba)\s"),
    )
)
_DOMAIN_AFTER = re.compile(rf"\s*({_LABEL}(?:{_DOT}{_LABEL})+)")
_LOCAL_END = re.compile(rf"{_LOCAL}$")
_WORDED_DOT_END = re.compile(r"\s+dot\s+$")
# How far back from an "@" the local part may start: addresses are short, and a
# bound keeps a long run of letters before many "@" linear.
_LOCAL_REACH = 64

# Top-level domains common enough to be worth catching without a scheme. Left out on
# purpose: names that are usually file extensions or tech names (py, md, js, sh, rs,
# go, ts), which would hide ordinary skills such as "setup.py".
_TLDS = (
    "com|net|org|jp|io|dev|co|me|info|biz|app|ai|uk|de|fr|us|ca|au|cn|kr|tw|hk|sg|"
    "in|nz|eu|xyz|tech|site|online|page|ly|tv|cc|blog|edu|gov|ru|br|es|it|nl|ch|se|"
    "tokyo|link|ph|vn|th|id|my|example|ie|be|at|pl|pt|mx|ar|cl|za|dk|no|fi|cz|"
    "gr|il|tr|ua|ro|hu|sk|pe|ve|uy|ng|ke|eg|ma|pk|bd|lk|np|mo|email|me|mail"
)
_TLD_SET = frozenset(_TLDS.split("|"))
_URL_RE = re.compile(rf"(?:https?://|ftp://|www\.)[^\s<>\"'{_CJK}]+")
_TLD_AT = re.compile(rf"\.(?:{_TLDS})(?![\w-])")
_DOMAIN_BEFORE = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+$")
_PATH_AFTER = re.compile(rf"[/:?#][^\s<>\"'{_CJK}]*")
# Technology names that look like domains; a skill list must not turn into [hidden].
_NOT_DOMAINS = frozenset({"asp.net", "ado.net", "vb.net", "socket.io", "dot.net", "node.js"})
_TRAILING_PUNCTUATION = ".,;:!?)]}>'\""

# Where people give a handle: a platform's name, then the handle.
# Only names that are not also ordinary words: "Note:" and "Line:" start sentences.
_PLATFORMS = (
    "github", "gitlab", "twitter", "instagram", "facebook", "linkedin", "line id",
    "telegram", "discord", "skype", "wechat", "kakaotalk", "whatsapp", "mastodon",
    "bluesky", "tiktok", "qiita", "zenn", "youtube", "reddit", "weibo", "messenger",
    "kaggle", "微信", "カカオ", "ライン", "インスタ", "ツイッター", "フェイスブック", "ig", "fb",
)  # fmt: skip
_PLATFORM_HANDLE = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(p) for p in _PLATFORMS) + r")"
    r"(?:\s*の?\s*(?:id|handle|account|アカウント))?\s*(?:[:：=]|は)\s*@?([a-z0-9_][a-z0-9_.-]{1,38})"
    r"(?:#[0-9]{4}(?![0-9]))?"  # Discord's old "name#1234"
)
# "LINE: aiko_88", but not "Line: B-3 assembly": after a bare "line" only an id that
# looks like one (letters with digits or an underscore, four characters or more).
_LINE_HANDLE = re.compile(
    r"(?<![\w.])line\s*(?:の?\s*id\s*)?(?:[:：]|は)\s*@?"
    r"((?=[a-z0-9_.-]*[a-z])(?=[a-z0-9_.-]*[0-9_])[a-z0-9_.-]{4,38})"
)
_PLATFORM_PATH = re.compile(
    r"(?<![\w.])(?:github\.com|gitlab\.com|x\.com|twitter\.com|instagram\.com|"
    r"linkedin\.com/in|facebook\.com|t\.me|line\.me/ti/p)/@?[a-z0-9_.~-]+"
)
# "@name" where people put a handle: at the start, after a space, a colon or an
# opening bracket ("(@zquixote)"); not inside other text ("[@click=...]", "a@b").
_AT_HANDLE = re.compile(r"@([a-z0-9_](?:[a-z0-9_.]{0,38}[a-z0-9_])?)(?![\w@])")
_BEFORE_AT_HANDLE = "(（「:："
# Where a handle after a platform's name may be: its colon (or "は", "="), then the
# handle's first character. The scan starts from these, which prose rarely has
# (a "は" before Latin letters, a colon before a word), and looks back for the name.
# A scan for each sign (see _AT_SIGN_SCANS).
_HANDLE_SIGN_SCANS = tuple(
    (sign, re.compile(rf"{re.escape(sign)}\s*@?[a-z0-9_]")) for sign in ":：=は"
)
# How far before its sign a platform's name may start ("kakaotalk account :"), and
# how far after it the handle may end.
_NAME_REACH = 28
_HANDLE_LENGTH = 42
# Where an address of a platform's profile page may be: the path after its domain.
_PATH_SIGN = re.compile(r"\.(?:com|me)/")
_LONGEST_DOMAIN_NAME = len("instagram")
# A run of digits with the separators people put in phone numbers (Japanese ones
# included), and letters that stand in for digits ("09O-1234-5678"). It starts at
# the digit (a leading "+" or "(" is taken in after), so that `re` skips to the next
# digit in C instead of trying the pattern at every position.
# "の" too: "080の4417の2093" is how a number is read out, and written so.
_SEPARATORS = r"\s\-.()/・·ーの"
_LONG_GAP = re.compile(rf"[{_SEPARATORS}]{{4,}}")
_STAND_INS = "oOlI"
_GROUP = re.compile(r"[0-9]+")
_MOST_GROUPS = 12
_DIGIT_FOR = str.maketrans("oOlI", "0011")
_PHONE_DIGITS = range(9, 16)
# The fewest characters a run holding a phone number can have: its nine digits.
SHORTEST_PHONE_RUN = _PHONE_DIGITS.start


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING_PUNCTUATION:
        end -= 1
    return end


def emails(text: str) -> Iterator[Found]:
    """E-mail addresses: "ana@example.com", "ana ＠ example.com" (folded), "ana [at]
    example [dot] org", "zebedee dot q at probe-mail dot example"."""
    if "@" not in text and "at" not in text and "アットマーク" not in text and "arroba" not in text:
        return
    for sign in _scanned(_AT_SIGN_SCANS, text):
        domain = _DOMAIN_AFTER.match(text, sign.end())
        if domain is None:
            continue
        written_out = sign.group() != "@"
        spaced = sign.group() == "@" and (
            text[sign.start() - 1 : sign.start()].isspace() or domain.group().startswith(" ")
        )
        # "at" in a sentence ("at the office"), or an "@" standing apart
        # ("Instagram @seoyeon.plays"), is an address only before a dotted domain
        # that ends in a top-level domain.
        if (written_out or spaced) and not _tld_last(domain.group(1)):
            continue
        if domain.group(1) in _NOT_DOMAINS:
            continue
        begin = _local_start(text, sign.start())
        if begin is None:
            continue
        # "projects at quixote.dev" is a word and a link, not an address: written out,
        # an address spells its dots out too, or has one in its name.
        local = text[begin : sign.start()].strip()
        if written_out and "." in domain.group(1) and not re.search(r"[._+%-]|\sdot\s", local):
            continue
        yield begin, _trim(text, begin, domain.end()), "email"


def _scanned(scans: Iterable[tuple[str, re.Pattern[str]]], text: str) -> Iterator[re.Match[str]]:
    """What `finditer` of the alternation of the scans' patterns finds, in order: each
    pattern's matches, merged by where they start, one overlapping an earlier one
    dropped. (Same as the alternation because no two of the patterns can match at one
    position: each starts with its own literal.) A pattern whose literal, `needle`, is
    not in the text costs one `in` test."""
    found = [pattern.finditer(text) for needle, pattern in scans if needle in text]
    end = 0
    for match in heapq.merge(*found, key=lambda match: match.start()):
        if match.start() >= end:
            end = match.end()
            yield match


def _tld_last(domain: str) -> bool:
    last = re.split(r"\s*\.\s*|\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*|\s+dot\s+", domain)[-1]
    return last in _TLD_SET


def _local_start(text: str, at: int) -> int | None:
    """Where the local part before an "@" (or "at") begins: "ana.souza", or "ana dot
    souza" written out."""
    end = at
    while end > 0 and text[end - 1].isspace():
        end -= 1
    position = end
    floor = max(0, end - _LOCAL_REACH)
    while position > floor:
        match = _LOCAL_END.search(text, floor, position)
        if match is None:
            break
        position = match.start()
        worded = _WORDED_DOT_END.search(text, floor, position)
        if worded is None:
            break
        position = worded.start()
    return position if position < end else None


def links(text: str) -> Iterator[Found]:
    """Web addresses, with a scheme, "www." or a bare domain ("quixote.dev/cv")."""
    if "://" in text or "www." in text:
        for match in _URL_RE.finditer(text):
            yield match.start(), _trim(text, match.start(), match.end()), "link"
    if "." not in text:
        return
    for tld in _TLD_AT.finditer(text):
        head = _DOMAIN_BEFORE.search(text, max(0, tld.start() - 253), tld.start() + 1)
        if head is None:
            continue
        start = head.start()
        # After "@" it is an e-mail's domain (emails() has it); a Japanese sentence may
        # run straight into a domain, so a letter before it does not matter.
        if start > 0 and text[start - 1] in "@.-_":
            continue
        end = tld.end()
        path = _PATH_AFTER.match(text, end)
        if path is not None:
            end = path.end()
        if text[start : tld.end()] in _NOT_DOMAINS:
            continue
        yield start, _trim(text, start, end), "link"


def handles(text: str) -> Iterator[Found]:
    """Accounts elsewhere: "github: zquixote", "LINE ID: aiko_88", "@zquixote",
    "x.com/zquixote"."""
    if "@" in text:
        for match in _AT_HANDLE.finditer(text):
            before = text[match.start() - 1 : match.start()]
            if not before or before.isspace() or before in _BEFORE_AT_HANDLE:
                yield match.start(), match.end(), "handle"
    # A handle follows a platform's name and a colon (or "は"): the scan starts at
    # each sign with a handle after it and looks back a few characters for the name,
    # instead of trying every name at every position of the text.
    resume = 0
    for sign in _scanned(_HANDLE_SIGN_SCANS, text):
        at = sign.start()
        if at < resume:
            continue
        low, high = max(0, at - _NAME_REACH), min(len(text), at + _HANDLE_LENGTH)
        for pattern in (_PLATFORM_HANDLE, _LINE_HANDLE):
            found = pattern.search(text, low, high)
            while found is not None and found.end() <= at:  # an earlier handle's
                found = pattern.search(text, found.end(), high)
            if found is not None and found.start() < at:
                yield found.start(), found.end(), "handle"
                resume = found.end()
                break
    # Or it is the path of the platform's address ("github.com/zquixote").
    if "/" in text:
        for sign in _PATH_SIGN.finditer(text):
            at = sign.start()
            for start in range(max(0, at - _LONGEST_DOMAIN_NAME), at):
                found = _PLATFORM_PATH.match(text, start)
                if found is not None:
                    yield found.start(), found.end(), "handle"
                    break


def digit_runs(text: str, *, stand_ins: bool, shortest: int = 1) -> Iterator[tuple[int, int]]:
    """Runs of digits with up to three separators between each ("090 - 1234・5678"),
    and with `stand_ins`, letters standing in for digits after the first ("09O"), of
    `shortest` characters or more (shorter ones, the "2019" and "40" of prose, are
    skipped in C).

    These are the matches of `[0-9](?:[separators]{0,3}[0-9oOlI])*`, found without
    that pattern: its nested repetition costs some 100 ns a character in `re`, which
    a hostile "(0) (0) (0) ..." turns into milliseconds a field. A run of one
    character class is matched in C instead, then cut at gaps of four separators or
    more and trimmed to start at a digit and end at a digit (or stand-in).
    """
    last = "0123456789" + (_STAND_INS if stand_ins else "")
    for chunk in _run_pattern(stand_ins, shortest).finditer(text):
        start, stop = chunk.span()
        for gap in _LONG_GAP.finditer(text, start, stop):
            yield from _trimmed(text, start, gap.start(), last, shortest)
            start = gap.end()
        yield from _trimmed(text, start, stop, last, shortest)


@functools.cache
def _run_pattern(stand_ins: bool, shortest: int) -> re.Pattern[str]:
    # A run is one digit and then any of the class: only the long ones match.
    more = f"{{{shortest - 1},}}" if shortest > 1 else "*"
    digits = "0-9oOlI" if stand_ins else "0-9"
    return re.compile(f"[0-9][{digits}{_SEPARATORS}]{more}")


def _trimmed(
    text: str, start: int, stop: int, last: str, shortest: int
) -> Iterator[tuple[int, int]]:
    while start < stop and not "0" <= text[start] <= "9":
        start += 1
    while stop > start and text[stop - 1] not in last:
        stop -= 1
    if stop - start >= shortest:
        yield start, stop


def phone_runs(
    text: str, region: str = "JP", runs: Iterable[tuple[int, int]] | None = None
) -> Iterator[tuple[int, int, str]]:
    """Phone-shaped runs: (start, end, digits). Numbers of 9 to 15 digits that the
    phonenumbers library accepts as possible (JP by default), read with letters that
    stand in for digits. A run of digit groups (a phone beside a postal code, say) is
    tried a few groups at a time; a run of more than `_MOST_GROUPS` groups, which no
    person writes, is not tried at all, so a hostile string of digits costs one scan.
    (The candidate's own number is found even there: privacy.py looks for its digits.)
    `runs`: the text's `digit_runs(text, stand_ins=True, shortest=...)` if the caller
    has them already.
    """
    if runs is None:
        runs = digit_runs(text, stand_ins=True, shortest=SHORTEST_PHONE_RUN)
    for begin, end in runs:
        if end - begin < SHORTEST_PHONE_RUN:
            continue  # "2019", "120": too short to hold a phone number
        if text[begin - 1 : begin] == "(":
            begin -= 1
        if text[begin - 1 : begin] == "+":
            begin -= 1
        # A letter standing in for a digit counts only between digits ("2019 or").
        raw = text[begin:end].rstrip(_STAND_INS).translate(_DIGIT_FOR)
        groups = list(itertools.islice(_GROUP.finditer(raw), _MOST_GROUPS + 1))
        if len(groups) > _MOST_GROUPS:
            continue
        first = 0
        while first < len(groups):
            found = _number_from(raw, groups, first, region)
            if found is None:
                first += 1
                continue
            last, digits = found
            start = begin + (0 if first == 0 else groups[first].start())
            yield start, begin + groups[last].end(), digits
            first = last + 1


def _number_from(
    raw: str, groups: list[re.Match[str]], first: int, region: str
) -> tuple[int, str] | None:
    """The longest possible number of whole groups starting at group `first`."""
    best: tuple[int, str] | None = None
    digits = ""
    begin = 0 if first == 0 else groups[first].start()
    for last in range(first, len(groups)):
        digits += groups[last].group()
        if len(digits) > _PHONE_DIGITS.stop - 1:
            break
        if len(digits) not in _PHONE_DIGITS:
            continue
        candidate = re.sub("[・·ーの]", "-", raw[begin : groups[last].end()])
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number) and phonenumbers.is_valid_number(number):
            best = (last, digits)
    return best
