"""A labelled corpus for the leak guard (issue 13, item 6), and its scorer.

`PEOPLE` are twenty candidates; `LEAKS` are sentences that carry one candidate's
identity, each with the exact substrings that must be hidden and why; `CLEAN` are
sentences that look close but must come back untouched. `score.score(guard)` runs a
guard over them; `check.problems()` checks the data itself.

    .venv/bin/python -m tests.leak_corpus.score
"""

from __future__ import annotations

from . import clean_context, clean_lookalikes, leaks_contact, leaks_names, leaks_place_work
from .identities import PEOPLE
from .records import KINDS, Clean, Kind, Leak, Person, Span

LEAKS: tuple[Leak, ...] = leaks_names.LEAKS + leaks_contact.LEAKS + leaks_place_work.LEAKS
CLEAN: tuple[Clean, ...] = clean_lookalikes.CLEAN + clean_context.CLEAN

__all__ = ["CLEAN", "KINDS", "LEAKS", "PEOPLE", "Clean", "Kind", "Leak", "Person", "Span"]
