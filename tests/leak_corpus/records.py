"""The shapes of the corpus: a person, a leaking sentence, a clean sentence.

A leaking sentence names the exact substrings a guard must hide and why; a clean
sentence must come back from the guard unchanged. Both belong to one person of
`identities.PEOPLE`, so "not the candidate's name" or "not their company" means
something. Each group in the data modules carries a theme ("e-mail spelled out",
"tech names that look like domains"), which the scorer reports recall by.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

from gpseeker.core.models import Profile

Kind = Literal["name", "email", "phone", "address", "company", "link", "handle"]
"""Why a span must be hidden: the seven reasons of issue 13 (item 3).

"email" is any e-mail address, the candidate's or anyone's, however it is spelled;
"phone" any phone number; "company" the candidate's current company; "link" any URL
or bare domain; "handle" an account name after github:/twitter:/x.com//instagram/
LINE/WeChat/... or after "@"."""

KINDS: tuple[Kind, ...] = ("name", "email", "phone", "address", "company", "link", "handle")

Language = Literal["en", "ja", "mixed", "other"]
LANGUAGES: tuple[Language, ...] = ("en", "ja", "mixed", "other")


@dataclass(frozen=True)
class Person:
    """A candidate. `other_names` are the spellings of the name the candidate gave
    besides `full_name` (kanji, katakana, hiragana, romaji, Cyrillic): the optional
    identity fields issue 13 item 1 adds. The model has no field for them yet, so
    `profile` cannot carry them; `identities.profile_with_other_names` is the one
    place to wire them in when it does."""

    key: str
    profile: Profile
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Span:
    text: str
    kind: Kind


@dataclass(frozen=True)
class Leak:
    """A sentence that carries `who`'s identity: every span in `spans` must be gone
    from the guard's output."""

    who: str
    text: str
    spans: tuple[Span, ...]
    field: str = "summary"
    theme: str = ""

    @property
    def language(self) -> Language:
        return language_of(self.text)


@dataclass(frozen=True)
class Clean:
    """A sentence by `who` that must come back from the guard exactly as written."""

    who: str
    text: str
    field: str = "summary"
    theme: str = ""

    @property
    def language(self) -> Language:
        return language_of(self.text)


SpanTexts = str | tuple[str, ...]


def _texts(value: SpanTexts) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else value


def leak(
    who: str,
    text: str,
    *,
    field: str = "summary",
    name: SpanTexts = (),
    email: SpanTexts = (),
    phone: SpanTexts = (),
    address: SpanTexts = (),
    company: SpanTexts = (),
    link: SpanTexts = (),
    handle: SpanTexts = (),
) -> Leak:
    """A leaking sentence; each keyword lists the spans of that kind."""
    by_kind: tuple[tuple[Kind, SpanTexts], ...] = (
        ("name", name),
        ("email", email),
        ("phone", phone),
        ("address", address),
        ("company", company),
        ("link", link),
        ("handle", handle),
    )
    spans = [Span(value, kind) for kind, values in by_kind for value in _texts(values)]
    return Leak(who=who, text=text, spans=tuple(spans), field=field)


def clean(who: str, text: str, *, field: str = "summary") -> Clean:
    return Clean(who=who, text=text, field=field)


def leaks(theme: str, *items: Leak) -> tuple[Leak, ...]:
    """A themed group of leaking sentences."""
    return tuple(replace(item, theme=theme) for item in items)


def cleans(theme: str, *items: Clean) -> tuple[Clean, ...]:
    """A themed group of clean sentences."""
    return tuple(replace(item, theme=theme) for item in items)


_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f々〆〇]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def language_of(text: str) -> Language:
    """ "ja" when Japanese script dominates (a kanji or kana weighs two Latin letters,
    so "Pythonで開発" is Japanese), "en" when there is no Japanese at all (Latin
    text; "other" when another script such as Cyrillic or Hangul outweighs it), and
    "mixed" when Latin text carries Japanese words ("Zebedee (ゼベディー)")."""
    folded = unicodedata.normalize("NFKC", text)
    japanese = len(_JAPANESE.findall(folded))
    latin = len(_LATIN.findall(folded))
    letters = sum(char.isalpha() for char in folded)
    other = letters - japanese - latin
    if japanese == 0:
        return "other" if other > latin else "en"
    if japanese * 2 >= latin and japanese >= other:
        return "ja"
    if other > latin + japanese:
        return "other"
    return "mixed"
