"""The check before a text of the candidate's leaves for an employer.

A reply to an invitation and an application's cover note are the candidate's own
words, sent to one employer. The leak guard hides identifying details in them (the
platform's relay runs it on every reply), and the candidate should not learn that
afterwards: before sending, the TUI dialogs and the plain commands show the text as
the employer will receive it and why each part is hidden, and the candidate sends it
as shown or goes back to edit it.

The check runs here, on the client, with `privacy.leak_guard` (the very function the
relay uses) on the candidate's saved profile, so what is shown is what would arrive.
When the guard hides nothing, nothing is asked. Pure and free of Textual: the plain
commands use it too, and both say it in the same words.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from gpseeker.core.models import OptionalDisclosure, Profile, Redaction
from gpseeker.core.privacy import HIDDEN, application_guard, leak_guard

__all__ = ["COVER_NOTE", "REPLY", "SendCheck", "check_before_sending"]

REPLY = "reply"
"""The `field` the platform's relay passes to the leak guard for a reply."""
COVER_NOTE = "cover note"
"""The `field` for an application's cover note."""


@dataclass(frozen=True)
class SendCheck:
    """A text as written, as the employer would receive it, and why they differ."""

    what: str
    """What the text is, in words: "reply" or "cover note"."""
    written: str
    sent: str
    redactions: tuple[Redaction, ...]

    @property
    def hides_something(self) -> bool:
        return bool(self.redactions) or self.sent != self.written

    @property
    def heading(self) -> str:
        """The line above the reasons, e.g. "Hidden from your reply by the leak guard
        (1 replacement, shown as [hidden]):"."""
        count = len(self.redactions) or 1
        noun = "replacement" if count == 1 else "replacements"
        return (
            f"Hidden from your {self.what} by the leak guard ({count} {noun}, shown as {HIDDEN}):"
        )

    @property
    def reasons(self) -> list[str]:
        """One reason in words per replacement, in the order they appear in the text."""
        # The guard gives one redaction per replacement; should a future guard change
        # the text without one, the candidate is still told that something is hidden.
        return [r.reason for r in self.redactions] or [
            f"your {self.what} contains a detail that could identify you"
        ]


def check_before_sending(
    text: str, profile: Profile, what: str, disclose: Collection[OptionalDisclosure] = ()
) -> SendCheck:
    """What the leak guard does to `text` (a REPLY or a COVER_NOTE) for this profile.

    A cover note goes with an application, which hands the employer the name, the
    e-mail, the current company and the ticked `disclose` fields anyway: only other
    details are hidden from it, as the platform does (`privacy.application_guard`)."""
    if what == COVER_NOTE:
        sent, redactions = application_guard(text, profile, what, disclose)
    else:
        sent, redactions = leak_guard(text, profile, what)
    return SendCheck(what, text, sent, tuple(redactions))
