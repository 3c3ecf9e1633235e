"""The profile-views log: which organisations opened the candidate's profile, when,
and how many times that day.

Each line names the organisation by its verified legal name, marked in words ("verified
by the platform"), never by a name its account typed; the name comes from outside and
is shown through safe text.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from gpseeker.core.disclosure_log import repeated_opens
from gpseeker.core.models import ProfileViewEvent
from gpseeker.core.text import clean_line
from gpseeker.core.vocabulary import sender_words
from gpseeker.widgets.safe_text import SafeText, safe_join

__all__ = ["ProfileViewsLog", "view_sentence"]


def view_sentence(event: ProfileViewEvent) -> Content:
    """One log line in words: the organisation's verified legal name, marked ("verified
    by the platform"), as literal text."""
    when = event.at.astimezone().strftime("%Y-%m-%d at %H:%M")
    what = (
        "opened your masked profile"
        if event.context == "search"
        else "opened the profile you sent with your application"
    )
    who = sender_words(clean_line(event.employer_name), event.employer_status)
    # One line per organisation and day, however often it opened the profile.
    repeated = repeated_opens(event)
    if repeated is not None:
        return safe_join([who, f" {what} {repeated}."])
    return safe_join([who, f" {what} on {when}."])


class ProfileViewsLog(Vertical):
    """Who opened the candidate's profile, newest first."""

    DEFAULT_CSS = """
    ProfileViewsLog {
        height: auto;
    }
    ProfileViewsLog > .section {
        text-style: bold;
        margin-top: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("Who opened your profile", classes="section", markup=False)
        yield SafeText("Loading…", id="views-body")

    def show(self, events: Sequence[ProfileViewEvent]) -> None:
        body = self.query_one("#views-body", SafeText)
        if not events:
            body.set_text("No employer has opened your profile yet.")
            return
        newest_first = sorted(events, key=lambda event: event.at, reverse=True)
        body.set_text(Content("\n").join(view_sentence(event) for event in newest_first))
