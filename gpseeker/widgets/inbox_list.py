"""The inbox list: one invitation in two lines, its state in words.

Unread, replied, declined, reported, a suspended sender and "be careful" are words on
the row, never a colour alone (DESIGN.md: state is never told by colour). The sender
is the organisation's verified legal name with the platform's word on it ("verified by
the platform"), never a name the sender typed. The name and subject come from outside
and go through safe text; the markers are ours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from gpseeker.core.text import clean_line, shorten
from gpseeker.core.vocabulary import sender_words
from gpseeker.widgets.safe_text import safe_content, safe_join

if TYPE_CHECKING:
    from gpseeker.core.models import Invitation

__all__ = ["invitation_markers", "invitation_row", "sender", "sent_words"]

STATE_WORDS = {"open": "", "replied": "Replied", "declined": "Declined"}

ROW_NAME_CELLS = 30
"""The sender's name is cut to this many cells on a row, so that the platform's word
on it ("(verified by the platform)") and the date still fit at 80 columns: a mark cut
off by the edge of the list would say nothing. The message view shows it whole."""


def sender(invitation: Invitation, width: int | None = None) -> str:
    """ "Hakata Pixel Works K.K. (verified by the platform)": the organisation's verified
    legal name, cleaned (and cut to `width` cells), and what the platform says of it."""
    name = clean_line(invitation.employer_name)
    if width is not None:
        name = shorten(name, width)
    return sender_words(name, invitation.employer_status)


def sent_words(invitation: Invitation) -> str:
    """The candidate's local date and time the invitation arrived: "2025-06-01 12:00"."""
    return invitation.sent_at.astimezone().strftime("%Y-%m-%d %H:%M")


def invitation_markers(invitation: Invitation) -> list[str]:
    """ "Unread", "Replied" / "Declined", "Suspended", "Reported", "Be careful": what the
    row says before the subject."""
    markers = [] if invitation.read else ["Unread"]
    if STATE_WORDS[invitation.state]:
        markers.append(STATE_WORDS[invitation.state])
    if invitation.employer_status == "suspended":
        markers.append("Sender suspended")
    if invitation.report is not None:
        markers.append("Reported")
    if invitation.warnings:
        markers.append("Be careful")
    return markers


def invitation_row(invitation: Invitation) -> Content:
    """Markers and subject on the first line; the sender, marked, and date on the second."""
    first: list[Content | str] = []
    for marker in invitation_markers(invitation):
        first += [safe_content(marker, "bold reverse"), " "]
    # Unread subjects in bold as well, for those who see it; the word is what counts.
    first.append(safe_content(clean_line(invitation.subject), "" if invitation.read else "bold"))
    second = safe_join(["  ", sender(invitation, ROW_NAME_CELLS), f" · {sent_words(invitation)}"])
    return Content("\n").join([safe_join(first), second])
