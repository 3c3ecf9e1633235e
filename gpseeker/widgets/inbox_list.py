"""The inbox list: one invitation in two lines, its state in words.

Unread, replied, declined and "be careful" are words on the row, never a colour
alone (DESIGN.md: state is never told by colour). The employer's name and subject come
from outside and go through safe text; the markers are ours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from gpseeker.text import clean_line
from gpseeker.widgets.safe_text import safe_content, safe_join

if TYPE_CHECKING:
    from gpseeker.models import Invitation

__all__ = ["invitation_markers", "invitation_row", "sent_words"]

STATE_WORDS = {"open": "", "replied": "Replied", "declined": "Declined"}


def sent_words(invitation: Invitation) -> str:
    """The candidate's local date and time the invitation arrived: "2025-06-01 12:00"."""
    return invitation.sent_at.astimezone().strftime("%Y-%m-%d %H:%M")


def invitation_markers(invitation: Invitation) -> list[str]:
    """ "Unread", "Replied" / "Declined", "Be careful": what the row says before the subject."""
    markers = [] if invitation.read else ["Unread"]
    if STATE_WORDS[invitation.state]:
        markers.append(STATE_WORDS[invitation.state])
    if invitation.warnings:
        markers.append("Be careful")
    return markers


def invitation_row(invitation: Invitation) -> Content:
    """Markers and subject on the first line; employer and date on the second."""
    first: list[Content | str] = []
    for marker in invitation_markers(invitation):
        first += [safe_content(marker, "bold reverse"), " "]
    # Unread subjects in bold as well, for those who see it; the word is what counts.
    first.append(safe_content(clean_line(invitation.subject), "" if invitation.read else "bold"))
    second = safe_join(["  ", clean_line(invitation.employer_name), f" · {sent_words(invitation)}"])
    return Content("\n").join([safe_join(first), second])
