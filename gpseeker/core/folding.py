"""Folding text for matching: one normal form for the leak guard's text and patterns.

People write the same detail many ways, and a hostile writer picks the way a naive
match misses. The leak guard therefore compares a *folded* copy of the text with a
folded copy of each identity value, and this module is the one place that folds:

- NFKC: full-width letters and digits, half-width katakana and compatibility forms
  become their ordinary forms ("Ｉｖａｎ", "ｲﾊﾞﾝ" -> "ivan", "イバン");
- case folding;
- invisible characters (zero-width spaces and joiners, soft hyphens, bidi marks)
  and combining accents are dropped ("Ivа\u200bn", "Ivañ" -> "ivan"), except the kana
  voicing marks, which make a different sound (ガ is not カ);
- look-alike letters from other scripts become the Latin letter they imitate
  (Cyrillic "і", Greek "ο"), from Unicode's own confusables table as the
  confusable_homoglyphs package ships it, not a hand list;
- digits of every script and kanji numerals become ASCII digits ("〇九〇" -> "090"),
  and dash-like marks become "-".

The folded copy keeps, for each of its characters, the span of the original it came
from, so a match in the folded text replaces exactly what the person wrote.

Cost is linear: ASCII letters and the kana and kanji of ordinary Japanese are folded
by `str.lower`; runs of other characters by `str.translate` over a table that learns
each character the first time it is seen (so each distinct character is folded once
per process); only a text in which some character folds to nothing or to several is
walked in Python, to keep positions.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Folded", "fold", "fold_value"]

# Not "ー": in katakana it is a letter (the long vowel of "キホーテ").
_DASHES = frozenset("‐‑‒–—―−－﹣⁃")
_KANJI_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4"}
_KANJI_DIGITS |= {"五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_KANA_VOICING = frozenset("\u3099\u309a")
# Latin letters that carry their mark inside them, so no decomposition removes it.
_BARRED = {"đ": "d", "ð": "d", "ł": "l", "ø": "o", "ħ": "h", "ŧ": "t", "ƀ": "b", "ɨ": "i"}
_BARRED |= {"æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}
# Scripts whose letters are letters of their own language, never disguises for
# Latin ones: a katakana "ロ" stays a katakana "ロ".
_OWN_SCRIPTS = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f]")
_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


@functools.cache
def _look_alikes() -> dict[str, str]:
    """Each non-Latin character that Unicode lists as confusable with an ASCII letter
    or digit, mapped to that (lower-case) character."""
    from confusable_homoglyphs import confusables

    table: dict[str, str] = {}
    for char, glyphs in confusables.confusables_data.items():
        if len(char) != 1 or char.isascii() or _OWN_SCRIPTS.match(char):
            continue
        for glyph in glyphs:
            target = glyph["c"]
            if len(target) == 1 and target.isascii() and target.isalnum():
                table[char] = target.lower()
                break
    return table


@functools.cache
def _fold_char(char: str) -> str:
    category = unicodedata.category(char)
    if category in ("Cf", "Cc") and char not in "\n\t":
        return ""
    if category in ("Mn", "Me") and char not in _KANA_VOICING:
        return ""
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(
        c for c in decomposed if c in _KANA_VOICING or unicodedata.category(c) not in ("Mn", "Me")
    )
    folded = unicodedata.normalize("NFKC", kept).casefold()
    out: list[str] = []
    for c in folded:
        if c in _DASHES:
            out.append("-")
        elif c in _BARRED:
            out.append(_BARRED[c])

        elif c in _KANJI_DIGITS:
            out.append(_KANJI_DIGITS[c])
        elif c.isdecimal():
            out.append(str(unicodedata.decimal(c)))
        elif not c.isascii():
            out.append(_look_alikes().get(c, c))
        else:
            out.append(c)
    return "".join(out)


# Characters that fold to themselves: ASCII apart from its capitals, and the kana and
# kanji of ordinary Japanese text (but for the kanji numerals). Text made of them is
# folded by `str.lower`, which leaves the kana and kanji alone, in one C call; only
# the runs of other characters go through the table below. (A test checks that
# every character in these ranges folds to itself.)
_KANJI_NUMERAL_CODES = sorted(ord(char) for char in _KANJI_DIGITS if char != "〇")


def _kanji_without_numerals() -> str:
    ranges, low = [], 0x4E00
    for code in _KANJI_NUMERAL_CODES:
        if low <= code - 1:
            ranges.append(f"{chr(low)}-{chr(code - 1)}")
        low = code + 1
    return "".join(ranges) + f"{chr(low)}-\u9fff"


SELF_FOLDING = (
    "\u3001\u3002\u300c-\u300f\u3041-\u3096\u30a1-\u30fa\u30fc" + _kanji_without_numerals()
)
_CHANGING = re.compile(f"[^\\x00-\\x7f{SELF_FOLDING}]+")
# The same class, one character: `re` scans for a lone class in C, three times as fast
# as for the repeated one, which it tries at every position; a run is then matched
# from where its first character is.
_CHANGING_START = re.compile(f"[^\\x00-\\x7f{SELF_FOLDING}]")

# What a character folds to where that is exactly one character (most of them), for
# `str.translate`. A character that folds to nothing or to several, or to a voicing
# mark that joins the kana before it, maps to `_MOVES`, a character no folded text
# contains: its presence sends the text down the slow path that keeps track of
# positions. Characters are folded once per process, the first time a text holds
# them.
_MOVES = "\x00"
_UNIT_TABLE: dict[int, str] = {}
# Every character seen so far, with all it folds to.
_FOLDED: dict[int, str] = {}


def _learn(chars: str) -> None:
    for char in set(chars):
        code = ord(char)
        if code not in _FOLDED:
            folded = _fold_char(char)
            unit = len(folded) == 1 and folded not in _KANA_VOICING and folded != _MOVES
            _UNIT_TABLE[code] = folded if unit else _MOVES
            _FOLDED[code] = folded


class _Same:
    """The origin of a fold that changed no positions (ASCII text): character i of
    the folded text is character i of the original."""

    def __getitem__(self, index: int) -> tuple[int, int]:
        return index, index + 1


class _Origin:
    """Where each folded character came from: starts[i]..ends[i] of the original."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]


@dataclass(frozen=True)
class Folded:
    text: str
    _origin: _Origin | _Same

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original that folded characters start..end came from."""
        return self._origin[start][0], self._origin[end - 1][1]


def fold(text: str) -> Folded:
    if text.isascii():
        return Folded(text.lower(), _Same())
    pieces: list[str] = []
    position = 0
    for run in _changing_runs(text):
        pieces.append(text[position : run.start()].lower())
        chunk = run.group()
        _learn(chunk)
        folded = chunk.translate(_UNIT_TABLE)
        if _MOVES in folded:
            return _fold_moving(text)
        pieces.append(folded)
        position = run.end()
    pieces.append(text[position:].lower())
    # Nothing dropped, nothing widened: positions do not move.
    return Folded("".join(pieces), _Same())


def _changing_runs(text: str) -> Iterator[re.Match[str]]:
    """`_CHANGING.finditer(text)`, in a third of the time."""
    position = 0
    while (first := _CHANGING_START.search(text, position)) is not None:
        run = _CHANGING.match(text, first.start())
        assert run is not None  # the first character alone is a run
        yield run
        position = run.end()


def _fold_moving(text: str) -> Folded:
    """A fold in which some characters vanish or become several: each folded
    character remembers the span of the original it came from."""
    parts: list[str] = []
    origin = _Origin()
    starts, ends = origin.starts, origin.ends
    for run in _RUNS.finditer(text):
        start, stop = run.start(), run.end()
        chunk = run.group()
        if chunk.isascii():
            parts.append(chunk.lower())
            starts.extend(range(start, stop))
            ends.extend(range(start + 1, stop + 1))
            continue
        _learn(chunk)
        unit = chunk.translate(_UNIT_TABLE)
        if _MOVES not in unit:
            parts.append(unit)
            starts.extend(range(start, stop))
            ends.extend(range(start + 1, stop + 1))
            continue
        for offset, char in enumerate(chunk):
            position = start + offset
            folded = _FOLDED[ord(char)]
            if not folded:
                continue
            if folded[0] in _KANA_VOICING and parts and parts[-1]:
                # A voicing mark written apart (half-width "ｶﾞ") joins the kana before it.
                joined = unicodedata.normalize("NFC", parts[-1][-1] + folded[0])
                if len(joined) == 1:
                    parts[-1] = parts[-1][:-1] + joined
                    ends[-1] = position + 1
                    folded = folded[1:]
            parts.append(folded)
            starts.extend([position] * len(folded))
            ends.extend([position + 1] * len(folded))
    return Folded("".join(parts), origin)


def fold_value(value: str) -> str:
    return fold(value).text
