"""The labelled leak corpus (tests/leak_corpus) is sound data: every profile
validates, every labelled span is in its sentence, a perfect guard scores 100% and a
guard that hides nothing changes no clean sentence. The guard's own scores against it
are printed by `python -m tests.leak_corpus.score`; the test that holds the guard to
issue 13's floor (recall 97%, false positives 1%) is added when the guard meets it."""

from __future__ import annotations

from tests.leak_corpus import CLEAN, LEAKS
from tests.leak_corpus.check import problems


def test_the_corpus_has_no_problems() -> None:
    assert problems() == []


def test_the_corpus_is_large_enough_to_measure_with() -> None:
    assert len(LEAKS) >= 300
    assert len(CLEAN) >= 300
