"""The one sanitizer for text that came from outside (a server, a file, another user).

Job descriptions, company names and invitation bodies are data: never terminal
control. `clean` removes every escape sequence it recognises as a whole (so no
parameter bytes are left behind as litter), then every remaining control character,
so that nothing from such text can move the cursor, retitle the window, answer a
device-status query, write the clipboard (OSC 52) or reset the terminal. It also
removes the bidirectional override and isolate controls, which can make text read
differently from what it is ("gpj.exe" shown as "exe.jpg").

Which invisible format characters go, and why:

- Removed: the bidi embeddings, overrides and isolates (U+202A-U+202E,
  U+2066-U+2069). They reorder whole runs of text, so an employer could make a file
  name, an amount or a URL read backwards; nothing a job board shows needs them
  (Arabic or Hebrew text lays itself out from its letters' own direction).
- Removed: the deprecated format controls U+206A-U+206F (symmetric swapping, Arabic
  form shaping, "national digit shapes"). Unicode deprecates them, no text needs
  them, and a terminal honouring them would show digits other than the ones sent.
- Kept: the zero-width joiner and non-joiner (U+200D, U+200C). Emoji sequences
  (woman, U+200D, laptop: one "technologist") and Persian, Indic and other
  scripts need them to spell words.
- Kept: the zero-width space, word joiner and byte-order mark (U+200B, U+2060,
  U+FEFF) and the directional marks (U+200E, U+200F, U+061C). They mark line-break
  and word boundaries in Thai, Khmer or Japanese and the direction of neutral
  characters at the edge of right-to-left text; they cannot reverse a run, move the
  cursor or take a terminal cell (Rich and terminals agree they are zero-width),
  so they change nothing the reader sees (they can make two look-alike strings
  differ, which matters to comparing names, not to showing them). JSON output
  escapes them (`cli/output.py`) so that a script sees that they are there.

Every way of breaking a line becomes a newline: CR, CRLF, VT, FF, NEL (U+0085) and
the Unicode line and paragraph separators (U+2028, U+2029). Left as they were, a
terminal, a pager or a screen reader may start a new line where the code that lays
out the output saw none, at the margin rather than indented under its label: a
company named "Nobody Ltd", CR, "Verified: yes" would print a line that reads like
the app's own. As a newline, the break is one that plain output indents and the TUI
lays out like any other (Rich counts U+2028 as zero cells, so left raw it would
also put a layout out of step with what a terminal draws).

Markup is not this module's job: `clean` leaves "[", "]" and "@" alone, so
"[@click=app.quit]" stays those characters. Whoever renders the result must do so
without markup (the safe-text widget in `widgets/` does), and plain output prints it
as it is.

Pure standard library, so the CLI, the widgets and the tests share it cheaply.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ELLIPSIS", "clean", "clean_line", "sentence", "shorten"]

ELLIPSIS = "…"

# Escape sequences, after ECMA-48 and what xterm-like terminals actually parse. Each
# form also has a one-byte C1 introducer (0x9b for CSI, 0x9d for OSC, ...), which
# terminals in 8-bit mode honour, so both spellings are removed the same way.
# CAN (0x18) and SUB (0x1a) abort a sequence in a terminal, so they end one here too.
_CSI = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
# OSC ends with BEL or ST (ESC \ or 0x9c); an unterminated one swallows the rest of
# the text, as it would in a terminal.
_OSC = r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c\x18\x1a]*(?:\x07|\x1b\\|\x9c)?"
# DCS, SOS, PM and APC end with ST only.
_STRING = r"(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c\x18\x1a]*(?:\x1b\\|\x9c)?"
# Any other escape: ESC, intermediate bytes, one final byte ("ESC c" resets the
# terminal, "ESC ( B" picks a character set, "ESC 7" saves the cursor).
_OTHER_ESCAPE = r"\x1b[\x20-\x2f]*[\x30-\x7e]?"
_SEQUENCE_RE = re.compile("|".join((_CSI, _OSC, _STRING, _OTHER_ESCAPE)))

# CRLF first, so that it makes one newline rather than two.
_LINE_BREAK_RE = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")

_CONTROL_RE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f"  # C0 except tab (0x09) and newline (0x0a)
    "\x7f-\x9f"  # DEL and C1
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2066-\u2069"  # bidi isolates
    "\u206a-\u206f"  # deprecated format controls (digit shapes, swapping)
    "]"
)


def clean(text: str) -> str:
    """`text` without escape sequences, control characters or bidi overrides.

    Newlines and tabs are kept; every other line break ("\\r\\n", a lone "\\r", VT,
    FF, NEL, U+2028, U+2029) becomes "\\n" (a bare carriage return would also let
    later text overwrite earlier text on the line). Idempotent: cleaning clean text
    changes nothing.
    """
    without_sequences = _SEQUENCE_RE.sub("", text)
    unified = _LINE_BREAK_RE.sub("\n", without_sequences)
    return _CONTROL_RE.sub("", unified)


def clean_line(text: str) -> str:
    """`clean(text)` for a one-line cell: newlines and tabs become spaces."""
    return clean(text).replace("\n", " ").replace("\t", " ")


def _cells(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    # CJK and full-width characters take two terminal cells.
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def shorten(text: str, width: int) -> str:
    """`text` cut to at most `width` terminal cells, ending in "…" if it was cut.

    Counts cells rather than characters so that Japanese text lines up in columns.
    Expects text already through `clean` or `clean_line`.
    """
    if width <= 0:
        return ""
    if sum(_cells(char) for char in text) <= width:
        return text
    budget = width - _cells(ELLIPSIS)
    kept: list[str] = []
    used = 0
    for char in text:
        cells = _cells(char)
        if used + cells > budget:
            break
        kept.append(char)
        used += cells
    return "".join(kept).rstrip() + ELLIPSIS


def sentence(text: str) -> str:
    """`text` with a full stop, unless it already ends in one: a company called
    "Sakura Systems K.K." ends "... to Sakura Systems K.K.", not "K.K..".
    """
    return text if text.endswith(".") else f"{text}."
