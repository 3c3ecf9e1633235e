"""The sanitizer for untrusted text: no byte of it may drive the terminal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gpseeker.core.text import clean, clean_line, shorten

FORBIDDEN = {chr(code) for code in range(0x20) if chr(code) not in "\n\t"}
FORBIDDEN |= {chr(0x7F)} | {chr(code) for code in range(0x80, 0xA0)}
BIDI = {chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x2070))}


def forbidden_in(text: str) -> set[str]:
    return {char for char in text if char in FORBIDDEN or char in BIDI}


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        pytest.param("copy\x1b]52;c;aGVsbG8=\x07 me", "copy me", id="OSC 52 clipboard write"),
        pytest.param("a\x1b]52;c;aGVsbG8=\x1b\\b", "ab", id="OSC 52 ended by ST"),
        pytest.param("before\x1bcafter", "beforeafter", id="ESC c full reset"),
        pytest.param("\x1b[2Jcleared?", "cleared?", id="CSI erase screen"),
        pytest.param("where am I\x1b[6n", "where am I", id="CSI cursor position query"),
        pytest.param("\x1b[1;31mred\x1b[0m", "red", id="SGR colour"),
        pytest.param("x\x1bPq#0;2;0;0;0\x1b\\y", "xy", id="DCS sixel"),
        pytest.param("x\x1b_Gapc payload\x1b\\y", "xy", id="APC"),
        pytest.param("ok\x1b]0;evil title", "ok", id="unterminated OSC title"),
        pytest.param("\x9b31mred", "red", id="8-bit CSI"),
        pytest.param("x\x9d0;title\x07y", "xy", id="8-bit OSC"),
        pytest.param("x\x90dcs\x9cy", "xy", id="8-bit DCS with 8-bit ST"),
        pytest.param("invoice\u202egpj.exe", "invoicegpj.exe", id="right-to-left override"),
        pytest.param("a\u2066b\u2069c", "abc", id="bidi isolate"),
        pytest.param("a\u202ab\u202cc\u202bd\u202de", "abcde", id="bidi embeddings"),
        pytest.param("\u20681\u2067\u2069", "1", id="first-strong and RTL isolate"),
        pytest.param("\u206e¥100\u206f", "¥100", id="deprecated digit shapes"),
        pytest.param("nul\x00here", "nulhere", id="NUL"),
        pytest.param("ding\x07", "ding", id="BEL"),
        pytest.param("del\x7fete", "delete", id="DEL"),
        pytest.param("back\x08space", "backspace", id="backspace"),
        pytest.param("\x1b(Bcharset", "charset", id="ESC ( B designate charset"),
        pytest.param("trailing\x1b", "trailing", id="lone ESC at the end"),
    ],
)
def test_hostile_sequence_is_removed_whole(hostile: str, expected: str) -> None:
    cleaned = clean(hostile)
    assert cleaned == expected
    assert forbidden_in(cleaned) == set()


def test_markup_lookalikes_survive_as_characters() -> None:
    for text in ("[@click=app.quit]x[/]", "[link=https://x]", "[bold red]hi[/bold red]"):
        assert clean(text) == text


def test_newlines_and_tabs_are_kept_and_carriage_returns_become_newlines() -> None:
    assert clean("a\tb\nc") == "a\tb\nc"
    assert clean("one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_japanese_and_emoji_are_untouched() -> None:
    text = "東京で働きたい 🙂 ＪＬＰＴ Ｎ２"
    assert clean(text) == text


def test_zero_width_joiners_and_marks_are_kept() -> None:
    # Emoji and Persian need the joiner and non-joiner; Thai marks word boundaries
    # with the zero-width space; a right-to-left mark places a neutral character.
    # None of them reorders text, moves the cursor or takes a terminal cell.
    for text in (
        "\U0001f469\u200d\U0001f4bb",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35\u200b\u0e04\u0e23\u0e31\u0e1a",
        "pay\u200bpal\u2060\ufeff",
        "\u05e9\u05dc\u05d5\u05dd!\u200f \u200eabc\u061c",
    ):
        assert clean(text) == text


def test_long_words_are_kept_whole() -> None:
    # Wrapping is the renderer's job: the sanitizer neither cuts nor breaks a word.
    word = "W" * 2000
    assert clean(word) == word
    assert clean_line(f"a {word} b") == f"a {word} b"
    assert shorten(word, 10) == "W" * 9 + "…"


def test_clean_line_makes_one_line() -> None:
    assert clean_line("Senior\nengineer\tTokyo\x1b[2J") == "Senior engineer Tokyo"


def test_shorten_cuts_with_an_ellipsis() -> None:
    assert shorten("Backend engineer", 100) == "Backend engineer"
    assert shorten("Backend engineer", 8) == "Backend…"
    assert shorten("Backend engineer", 0) == ""


def test_shorten_counts_terminal_cells_for_wide_characters() -> None:
    # Each kanji takes two cells: five cells hold two of them and the ellipsis.
    assert shorten("東京都渋谷区", 5) == "東京…"
    assert shorten("東京", 4) == "東京"


@given(st.text())
def test_any_text_comes_out_without_controls(text: str) -> None:
    assert forbidden_in(clean(text)) == set()


@given(st.text(alphabet=st.sampled_from([*"ab[]\n\t\r\x1b\x07\x9b\x9c\x9d\\;]P_^X0:", "\u202e"])))
def test_clean_is_idempotent_even_on_escape_soup(text: str) -> None:
    once = clean(text)
    assert clean(once) == once
    assert forbidden_in(once) == set()


@given(st.text())
def test_clean_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


@given(
    st.text(alphabet=st.sampled_from([*"abc xyz", "東", "京", "ア"])),
    st.integers(min_value=1, max_value=40),
)
def test_shorten_fits_its_width_and_keeps_a_prefix(text: str, width: int) -> None:
    short = shorten(text, width)
    cells = sum(1 if char.isascii() or char == "…" else 2 for char in short)
    assert cells <= width
    if short != text:
        assert short.endswith("…")
        assert text.startswith(short[:-1])


LINE_BREAKS = {
    "CR": "\r",
    "CRLF": "\r\n",
    "VT": "\x0b",
    "FF": "\x0c",
    "NEL": "\x85",
    "LS": "\u2028",
    "PS": "\u2029",
    "LF": "\n",
}


@pytest.mark.parametrize("brk", LINE_BREAKS.values(), ids=LINE_BREAKS.keys())
def test_every_line_break_becomes_one_newline(brk: str) -> None:
    # Left raw, each starts a line in some terminal, pager or screen reader where the
    # code laying out the output saw none (VT and FF were dropped, joining the words).
    assert clean(f"Nobody Ltd{brk}Verified: yes") == "Nobody Ltd\nVerified: yes"
    assert clean_line(f"Nobody Ltd{brk}Verified: yes") == "Nobody Ltd Verified: yes"


@given(st.text(alphabet=st.sampled_from([*"ab \n\r\x0b\x0c\x85\u2028\u2029\x1b[m"])))
def test_no_line_break_but_newline_comes_out_and_clean_stays_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once
    assert set(once) <= set("ab \n[m")
