"""The leak guard against the labelled corpus (tests/leak_corpus): the sentences in
English and Japanese that carry a candidate's identity the ways people write it, and
the look-alike sentences that must stay as written. Issue 13's floor: recall at least
97%, false positives at most 1%. The scores are printed (`pytest -s`, or
`python -m tests.leak_corpus.score` for the misses themselves)."""

from __future__ import annotations

from gpseeker.core.privacy import leak_guard
from tests.leak_corpus.score import score

RECALL_FLOOR = 0.97
FALSE_POSITIVE_CEILING = 0.01


def test_the_guard_hides_what_people_write_and_leaves_the_rest() -> None:
    result = score(leak_guard)
    print(
        f"\nleak corpus: recall {result.recall:.1%} (whole spans {result.whole_recall:.1%}), "
        f"false positives {result.false_positive_rate:.1%}"
    )
    missed = [f"{miss.leak.who}: {miss.span.text!r}" for miss in result.misses]
    assert result.recall >= RECALL_FLOOR, f"recall {result.recall:.1%}; missed: {missed}"
    changed = [item.clean.text for item in result.false_positives]
    assert result.false_positive_rate <= FALSE_POSITIVE_CEILING, f"changed: {changed}"
