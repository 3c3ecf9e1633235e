"""Plain output: linear text a screen reader can follow, or JSON for scripts.

One labelled field per line, blocks separated by a blank line, no colour, no box
drawing, no cursor movement. Every value passes through `gpseeker.core.text.clean`, since
most of it (company names, headlines, references) came from a server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from pydantic import BaseModel

from gpseeker.core.text import clean
from gpseeker.core.vocabulary import words as vocabulary_words

Shown = TypeVar("Shown")

NOT_SET = "not set"

# JSON escapes C0 controls itself; C1 controls and bidi/zero-width format characters
# it leaves raw, and some terminals act on those. Written as \uXXXX they stay the same
# data for a script and become harmless for a terminal.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def json_option() -> argparse.ArgumentParser:
    """A parent parser adding --json to a command that shows data."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parent


# How far a line's continuation is indented beyond the line itself, and how far a
# value over several lines is indented under its label: the same two spaces, so a
# break in a value reads the same wherever the value is printed.
CONTINUATION = "  "


def line(text: str = "") -> None:
    """One line of output; a line break inside it (from a value that was interpolated)
    continues indented beyond the line's own indent, so no value can start a line of
    its own that reads like the app's ("Verified: yes")."""
    first, *rest = clean(text).split("\n")
    indent = first[: len(first) - len(first.lstrip(" "))] + CONTINUATION
    sys.stdout.write("".join([first, *(f"\n{indent}{part}" for part in rest), "\n"]))


def field(label: str, value: object) -> None:
    """`Label: value`; text over several lines continues indented under its label.

    The value is cleaned before it is looked at, so that every kind of line break
    (CR, VT, FF, NEL, U+2028, ...) is a newline by then and is indented like one.
    """
    shown = clean(words(value))
    if "\n" in shown:
        line(f"{label}:")
        for part in shown.splitlines():
            line(f"{CONTINUATION}{part}")
    else:
        line(f"{label}: {shown}")


def heading(text: str) -> None:
    line(text)


def blocks(items: Iterable[Sequence[tuple[str, object]]], *, empty: str) -> None:
    """Several labelled blocks with a blank line between them, or `empty` if none."""
    first = True
    for block in items:
        if not first:
            line()
        first = False
        for label, value in block:
            field(label, value)
    if first:
        line(empty)


def listing(
    items: Sequence[Shown],
    fields: Callable[[Shown], Sequence[tuple[str, object]]],
    *,
    as_json: bool,
    empty: str,
    whole: object = None,
    footer: Sequence[str] = (),
) -> int:
    """A list command's whole output: JSON for `--json`, else one labelled block each
    (or `empty`), then `footer` after a blank line if there was anything to list.

    The one way a plain command prints a list, so that every list reads the same and
    all of it goes through the cleaning here. `whole` is what `--json` prints instead
    of the items when the items are part of something more (a page, with its cursor);
    models are dumped as the API sends them, other data as it stands.
    """
    if as_json:
        sys.stdout.write(data_json_text(_json_ready(items if whole is None else whole)))
        return 0
    blocks((fields(item) for item in items), empty=empty)
    if items and footer:
        line()
        for text in footer:
            line(text)
    return 0


def _json_ready(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [_json_ready(item) for item in value]
    return value


def words(value: object) -> str:
    """A value as a person reads it: yes/no, dates, lists joined, "not set"."""
    if value is None or value == "" or value == []:
        return NOT_SET if value is None or value == "" else "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return when(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(words(item) for item in value)
    return str(value)


def term(value: str | None) -> str | None:
    """A value from the models' vocabularies read aloud: 'needs_sponsorship' ->
    'needs sponsorship'. Only for those: a user's own text keeps its underscores."""
    return None if value is None else vocabulary_words(value)


def terms(values: Sequence[str]) -> list[str]:
    return [vocabulary_words(value) for value in values]


def when(moment: dt.datetime) -> str:
    """A timestamp in the reader's own time zone, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


def yen(amount: int | None) -> str:
    return NOT_SET if amount is None else f"{amount:,} yen a year"


def print_json(value: BaseModel | Sequence[BaseModel]) -> None:
    sys.stdout.write(json_text(value))


def json_text(value: BaseModel | Sequence[BaseModel]) -> str:
    """Models as indented JSON, ending in a newline, safe to show in a terminal."""
    data = (
        value.model_dump(mode="json")
        if isinstance(value, BaseModel)
        else [item.model_dump(mode="json") for item in value]
    )
    return data_json_text(data)


def data_json_text(data: object) -> str:
    """Plain JSON-ready data (dicts, lists, strings) as `json_text` writes models.

    For what is not a model, e.g. the disclosure log's entries; the same escaping
    applies, since their text came from a server just the same.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def error(message: str) -> None:
    """One problem, one line, on stderr."""
    sys.stderr.write(f"error: {clean(message).replace(chr(10), ' ')}\n")


def warning(message: str) -> None:
    """Something the user should know that did not stop the command, on stderr."""
    sys.stderr.write(f"warning: {clean(message).replace(chr(10), ' ')}\n")
