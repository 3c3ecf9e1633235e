"""The leak guard's fast scans find exactly what the plain patterns they replace find
(issue 13: linear time without losing a single match).

`digit_runs` stands in for `[0-9](?:[separators]{0,3}[0-9oOlI])*`, whose nested
repetition is slow on hostile input; `spans_near` scans only around a word that every
match contains. Hypothesis writes the texts, from the characters that decide where a
run or a match starts and ends, so the edges (gaps of three and four separators, a
letter before the first digit, a word at a window's end) come up often.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gpseeker.core import contact_routes, folding
from gpseeker.core.contact_routes import digit_runs, phone_runs
from gpseeker.core.folding import fold_value
from gpseeker.core.near_needle import spans_near
from gpseeker.core.privacy import _Guard, leak_guard
from tests.unit.test_leak_guard_forms import profile

_SEPARATORS = r"\s\-.()/・·ーの"
_WITH_STAND_INS = re.compile(rf"[0-9](?:[{_SEPARATORS}]{{0,3}}[0-9oOlI])*")
_DIGITS_ONLY = re.compile(rf"[0-9](?:[{_SEPARATORS}]{{0,3}}[0-9])*")

_DIGITISH_TEXT = st.text(alphabet="0123456789 -.()/・ーのoOlIx+a\n\t", max_size=400)


@settings(max_examples=400, deadline=None)
@given(_DIGITISH_TEXT, st.integers(min_value=1, max_value=12))
def test_digit_runs_are_the_runs_of_the_plain_pattern(text: str, shortest: int) -> None:
    for stand_ins, plain in ((True, _WITH_STAND_INS), (False, _DIGITS_ONLY)):
        runs = [m.span() for m in plain.finditer(text)]
        assert list(digit_runs(text, stand_ins=stand_ins)) == runs
        long_runs = [(start, end) for start, end in runs if end - start >= shortest]
        assert list(digit_runs(text, stand_ins=stand_ins, shortest=shortest)) == long_runs


def test_a_phone_after_a_hostile_run_of_digit_groups_is_still_found() -> None:
    # Thousands of "(0)" groups are one run, not tried as a number; the phone after a
    # gap of four spaces is a run of its own.
    text = "(0) " * 1250 + "   090-1234-5678"
    found = [text[start:end] for start, end, _ in phone_runs(text)]
    assert found == ["090-1234-5678"]


_COMPANY = re.compile(
    r"(?:株式会社|kabushiki\s+kaisha\s*)?(?<!\w)umbrella[\W_]*corp(?:\s*k\.k\.)?(?!\w)"
)
_WORDS = st.sampled_from(
    ["umbrella", "corp", "umbrellacorp", "kabushiki", "kaisha", "株式会社", "k.k.", "x", "-", " "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=400).map(" ".join))
def test_spans_near_a_word_are_the_matches_of_a_whole_scan(text: str) -> None:
    # Matches here are far shorter than half a window, as every leak-guard pattern's
    # are, so the windows must find every one of them.
    assert list(spans_near(_COMPANY, text, "umbrella")) == [
        m.span() for m in _COMPANY.finditer(text)
    ]


def test_a_match_running_past_its_window_is_found_whole() -> None:
    pattern = re.compile(r"umbrella(?: corp)*")
    text = "x" * 1000 + "umbrella" + " corp" * 60 + "x" * 1000
    assert list(spans_near(pattern, text, "umbrella")) == [(1000, len(text) - 1000)]


def test_a_word_written_thousands_of_times_is_found_every_time() -> None:
    text = "umbrella corp " * 2000
    assert len(list(spans_near(_COMPANY, text, "umbrella"))) == 2000


def test_the_guard_hides_the_company_wherever_it_stands_in_a_long_text() -> None:
    filler = "We shipped the release on time and wrote it up for the team. " * 80
    text = f"{filler}Umbrella Corp{filler}umbrella-corp"
    masked, redactions = leak_guard(text, profile(), "summary")
    assert fold_value("umbrella") not in fold_value(masked)
    assert {r.kind for r in redactions} == {"company"}
    assert masked.count("[hidden]") == 2


def test_the_characters_folded_by_lower_case_alone_fold_to_themselves() -> None:
    # fold() leaves runs of these to str.lower; each must be what folding it alone
    # gives, or a kanji numeral or a look-alike would slip through unread.
    self_folding = re.compile(f"[{folding.SELF_FOLDING}]")
    chars = [chr(code) for code in range(0x3000, 0xA000) if self_folding.match(chr(code))]
    assert len(chars) > 20_000
    assert [char for char in chars if fold_value(char) != char] == []
    assert fold_value("〇九〇・一二三四") == "090・1234"


_MIXED_TEXT = st.text(alphabet="aZ 0１ｱア漢字一〇。・－—\u200bé\u0301Ｉі\n", max_size=300)


@settings(max_examples=300, deadline=None)
@given(_MIXED_TEXT)
def test_fold_finds_the_runs_that_change_as_one_scan_would(text: str) -> None:
    # fold() finds each run from its first character, for speed; the runs must be
    # exactly those of the plain pattern, or a character would go unfolded.
    whole = [match.span() for match in folding._CHANGING.finditer(text)]
    assert [run.span() for run in folding._changing_runs(text)] == whole


# The signs as the one alternation each scan set stands for.
_AT_SIGNS = re.compile(
    r"@|アットマーク"
    r"|\[\s*at\s*[\]\)\}>]|\(\s*at\s*[\]\)\}>]|\{\s*at\s*[\]\)\}>]|<\s*at\s*[\]\)\}>]"
    r"|at(?<=\sat)\s|arroba(?<=\sarroba)\s"
)
_HANDLE_SIGNS = re.compile(r"[:：=は]\s*@?[a-z0-9_]")
_SIGN_PIECES = st.lists(
    st.sampled_from(
        ["at", " at ", "a", "t", " ", "\n", "[", "]", "(", ")", "{", "}", "<", ">", "@", "x",
         "arroba", " arroba ", "アットマーク", ":", "：", "=", "は", "_", "1", "@at", "that "]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_SIGN_PIECES)
@example("ana [ at ] example . com, (at) home, at: ko")  # a form inside another
def test_the_sign_scans_find_what_one_alternation_would(text: str) -> None:
    for scans, alternation in (
        (contact_routes._AT_SIGN_SCANS, _AT_SIGNS),
        (contact_routes._HANDLE_SIGN_SCANS, _HANDLE_SIGNS),
    ):
        expected = [match.span() for match in alternation.finditer(text)]
        assert [match.span() for match in contact_routes._scanned(scans, text)] == expected


_PIECES = st.sampled_from(
    [
        "Zebedee", "Quixote", "zebedee.q", "@", "probe-mail.example", " at ", " dot ", "090",
        "1234", "5678", "-", " ", "\n", "Umbrella", "Corp", "Jingumae", "1-2-3", "github:",
        "zquixote", "Mr.", "(", ")", "x.com/", "ゼベディー", "・", "キホーテ", "さん", "150-0001",
    ]
)  # fmt: skip
_TEXTS = st.lists(st.lists(_PIECES, max_size=12).map("".join), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_texts_masked_together_are_masked_as_each_alone(texts: list[str]) -> None:
    # A view's short texts are searched as one; matches that run across the joins
    # must not change a single character or reason.
    guard = _Guard(profile(name_japanese="キホーテ ゼベディー"))
    assert guard.guard_all(texts) == [guard.guard_all([text])[0] for text in texts]
