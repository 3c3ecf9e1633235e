"""The line under the job search box: what the list shows, in words.

Usually the count and the filters ("48 jobs · f: filters"), or why a search failed.
While the list shows the jobs kept from an earlier run (`gpseeker.local.known_jobs`), it
says so first, with their age, so that nothing old passes for current:

    Jobs as of 3 hours ago — refreshing…
    Jobs as of 3 hours ago, not refreshed — Could not search: connection refused

The age is in words and moves with the clock (the app may wait a long while for a
platform out of reach); no colour carries it. Deliberately never "N jobs": that is the
fresh list's wording, which bench/startup.sh waits for as the first fresh page.
Errors may quote a server, so this is safe text.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.content import Content

from gpseeker.widgets import job_format
from gpseeker.widgets.safe_text import SafeText, safe_join

if TYPE_CHECKING:
    from textual.timer import Timer

__all__ = ["AGE_TICK", "JobStatus"]

AGE_TICK = 30.0
"""Seconds between two updates of the age: often enough for "N minutes ago"."""


class JobStatus(SafeText):
    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(text, id=id)
        self.known_since: dt.datetime | None = None
        """When the kept jobs on screen were sent; None while the list is current."""
        self._said: Content | None = None
        self._ticker: Timer | None = None

    def say(self, *parts: Content | str) -> None:
        """Say `parts` (after the first they may come from outside: errors). Over kept
        jobs only problems are said, so there they follow "not refreshed"."""
        self._said = safe_join(parts)
        self._show()

    def show_known(self, sent_at: dt.datetime) -> None:
        """The list now shows jobs kept from `sent_at`: label them with their age. A
        problem said before (the platform failed first) stays beside it."""
        self.known_since = sent_at
        if self._ticker is None:
            self._ticker = self.set_interval(AGE_TICK, self._show, name="known-jobs-age")
        self._show()

    def refreshing(self) -> None:
        """A new try for the fresh list is under way: the last problem is past."""
        if self.known_since is not None:
            self._said = None
            self._show()

    def show_current(self) -> None:
        """The list is the platform's again; the caller says what it shows next."""
        self.known_since = None
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def age(self) -> str:
        """ "3 hours ago": the age of the kept jobs ("" while the list is current)."""
        if self.known_since is None:
            return ""
        return job_format.age_words(self.known_since, job_format.now())

    def _show(self) -> None:
        if self.known_since is None:
            if self._said is not None:
                self.set_text(self._said)
            return
        if self._said is None:
            self.set_text(f"Jobs as of {self.age()} — refreshing…")
        else:
            self.set_text(safe_join([f"Jobs as of {self.age()}, not refreshed — ", self._said]))
