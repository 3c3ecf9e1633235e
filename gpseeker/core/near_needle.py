"""Finding a pattern's matches by scanning only around a word every match contains.

A regular expression that starts with an alternation, an optional part or a
lookbehind ("株式会社 Umbrella Corp" or "Umbrella Corp K.K.", at a word boundary) gets
no fast skip from Python's `re`: it is tried at every position of the text, at some
80 ns a character. The leak guard knows, for each of its patterns, a word that any
match must contain (the company's first word, the street's name), and that word is
rare in ordinary text: `str.find` locates it in C, and the pattern runs only in a
window around each place it occurs.

A window reaches `REACH` characters either side of the word, and windows that touch
are merged, so each occurrence is searched with at least `REACH // 2` characters of
context (prefixes such as "kabushiki kaisha " are shorter by far) and the text is
visited a bounded number of times: the cost stays linear however often the word
occurs. A match that a window's end cuts short (or whose lookahead saw the window's
end, not the text's) is matched again at the same start against the whole text. The
limit, which no leak-guard pattern comes near: a match must start within `REACH // 2`
characters before its word, and one that needs more than that after the word (a
company name with forty spaces between its words) and has no shorter form that ends
sooner is not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["REACH", "spans_near"]

REACH = 64
# A text this short is searched whole: one pass costs less than finding windows.
_WHOLE = 4 * REACH


def spans_near(pattern: re.Pattern[str], text: str, needle: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of every non-empty match of `pattern` in `text` that lies near
    an occurrence of `needle`, a word that every match of `pattern` contains."""
    at = text.find(needle)
    if at < 0:
        return
    size = len(text)
    if size <= _WHOLE:
        for match in pattern.finditer(text):
            yield match.span()
        return
    for low, high in _windows(text, needle, at):
        for match in pattern.finditer(text, low, high):
            if high < size and match.end() > high - REACH // 2:
                whole = pattern.match(text, match.start())
                if whole is None:
                    continue
                match = whole
            yield match.span()


def _windows(text: str, needle: str, at: int) -> Iterator[tuple[int, int]]:
    size, length, half = len(text), len(needle), REACH // 2
    low, high = max(0, at - REACH), min(size, at + length + REACH)
    while True:
        # Occurrences before `skip_to` already have `half` characters of context on
        # both sides inside the window: the next one worth a look starts there, so a
        # word repeated thousands of times costs one find per half a reach, not one
        # per occurrence.
        skip_to = max(at + 1, high - length - half)
        at = text.find(needle, skip_to)
        if at < 0:
            yield low, high
            return
        if at - REACH <= high:
            high = min(size, at + length + REACH)
        else:
            yield low, high
            low, high = at - REACH, min(size, at + length + REACH)
