"""The masked views a worker keeps (issue 13): bounded in size and in age, and
forgotten with the candidate."""

from __future__ import annotations

import datetime as dt

from gpseeker.core.models import EmployerView
from gpseeker.server.masking import MaskedViews, ViewKey


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def key(candidate: int, version: int = 1) -> ViewKey:
    return ViewKey(candidate, version, "{}", dt.date(2026, 12, 7))


def view(headline: str) -> EmployerView:
    # The cache never looks inside a view: the fields it does not need stay unset.
    return EmployerView.model_construct(candidate_ref="-", headline=headline)


def test_the_least_recently_opened_view_goes_first_when_the_budget_is_spent() -> None:
    views = MaskedViews(budget=300, ttl=600, clock=Clock())
    views.put(key(1), view("one"), 100)
    views.put(key(2), view("two"), 100)
    views.put(key(3), view("three"), 100)
    assert views.get(key(1)) is not None  # opened again: now the most recent
    views.put(key(4), view("four"), 100)
    assert views.get(key(2)) is None
    assert [views.get(key(n)) is not None for n in (1, 3, 4)] == [True, True, True]
    views.put(key(5), view("too big"), 301)
    assert views.get(key(5)) is None and len(views) == 3


def test_a_kept_view_is_masked_afresh_after_its_time() -> None:
    clock = Clock()
    views = MaskedViews(budget=1000, ttl=600, clock=clock)
    views.put(key(1), view("one"), 10)
    clock.now = 600
    assert views.get(key(1)) is not None
    clock.now = 601
    assert views.get(key(1)) is None and len(views) == 0


def test_another_revision_is_another_view_and_forgetting_drops_them_all() -> None:
    views = MaskedViews(budget=1000, ttl=600, clock=Clock())
    views.put(key(1, version=1), view("old"), 10)
    views.put(key(1, version=2), view("new"), 10)
    views.put(key(2), view("someone else"), 10)
    assert views.get(key(1, version=3)) is None
    views.forget(1)
    assert len(views) == 1 and views.get(key(2)) is not None
