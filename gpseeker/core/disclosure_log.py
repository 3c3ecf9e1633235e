"""The disclosure log as the candidate reads it: one chronological list of what left
for employers (applications, shared reply details) and of who opened the masked
profile, shared by the Account screen and `gpseeker data disclosures`.

Pure: it takes what the platform answered and returns entries in words, so both
faces of the app say the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from gpseeker.core.models import DisclosureEvent, EraseState, OrganisationStatus, ProfileViewEvent
from gpseeker.core.vocabulary import DISCLOSED_FIELD_WORDS, in_a_list, words

EntryKind = Literal["disclosure", "profile view"]

ERASE_WORDS: dict[EraseState, str] = {
    "pending": "asked to forget you: waiting for the employer",
    "done": "the employer says it erased it",
    "refused": "the employer refused to erase it",
}


@dataclass(frozen=True)
class LogEntry:
    at: dt.datetime
    kind: EntryKind
    employer_name: str
    what: str
    """What the employer received or did, in words."""
    why: str
    job_title: str | None = None
    application_id: int | None = None
    erase_state: EraseState | None = None
    erase_reason: str = ""
    employer_status: OrganisationStatus = "verified"
    """What the platform says of the employer's organisation (vocabulary.sender_words)."""
    count: int = 1
    """A profile view: how many times the organisation opened the profile that day."""

    @property
    def erase_words(self) -> str:
        """The state of the request to forget, with the employer's reason if refused."""
        if self.erase_state is None:
            return ""
        words = ERASE_WORDS[self.erase_state]
        return f"{words} ({self.erase_reason})" if self.erase_reason else words


def build_log(
    disclosures: Iterable[DisclosureEvent], views: Iterable[ProfileViewEvent]
) -> list[LogEntry]:
    """Every event, newest first."""
    entries = [_from_disclosure(event) for event in disclosures]
    entries += [_from_view(event) for event in views]
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries


def filter_by_employer(entries: Sequence[LogEntry], employer: str | None) -> list[LogEntry]:
    """The entries of employers whose name contains `employer` (any case); all if None."""
    if not employer:
        return list(entries)
    wanted = employer.casefold()
    return [entry for entry in entries if wanted in entry.employer_name.casefold()]


def employers(entries: Iterable[LogEntry]) -> list[str]:
    """The employers that appear in the log, in alphabetical order, once each."""
    return sorted({entry.employer_name for entry in entries}, key=str.casefold)


def _from_disclosure(event: DisclosureEvent) -> LogEntry:
    return LogEntry(
        at=event.at,
        kind="disclosure",
        employer_name=event.employer_name,
        what="received "
        + in_a_list([DISCLOSED_FIELD_WORDS.get(f, words(f)) for f in event.fields]),
        why=event.reason,
        job_title=event.job_title,
        application_id=event.application_id,
        erase_state=event.erase_state,
        erase_reason=event.erase_reason,
        employer_status=event.employer_status,
    )


def _from_view(event: ProfileViewEvent) -> LogEntry:
    where = "in the resume bank" if event.context == "search" else "with your application"
    repeated = repeated_opens(event)
    return LogEntry(
        at=event.at,
        kind="profile view",
        employer_name=event.employer_name,
        what=f"opened your masked profile {where}" + (f" {repeated}" if repeated else ""),
        why="no identity data was sent: name, contacts and current company stay hidden",
        employer_status=event.employer_status,
        count=event.count,
    )


def times(count: int) -> str:
    """A count of opens in words: "once", "twice", "30 times"."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def repeated_opens(event: ProfileViewEvent) -> str | None:
    """How often, and between which times, an organisation opened the profile on one
    day ("30 times on 2025-06-01, from 09:12 to 14:05"), in the reader's time zone;
    None for a single open, which its own time says in full. The platform merges a
    day's opens into one entry, so the log stays one line per employer and day."""
    if event.count <= 1:
        return None
    first = (event.first_at or event.at).astimezone()
    last = event.at.astimezone()
    if first.date() != last.date():
        # The platform's day is Japan's; elsewhere it can span two local dates.
        return f"{times(event.count)} from {first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M}"
    if f"{first:%H:%M}" == f"{last:%H:%M}":
        return f"{times(event.count)} on {last:%Y-%m-%d} at {last:%H:%M}"
    return f"{times(event.count)} on {last:%Y-%m-%d}, from {first:%H:%M} to {last:%H:%M}"
