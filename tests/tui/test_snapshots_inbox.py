"""Snapshots of the inbox; each docstring says what a reviewer should see.

The candidate's fixed profile is saved and made SEARCHABLE; two employers on the same
platform find it in the resume bank and invite: "Kaizen Robotics" politely, with a
job attached, and "Quick Cash Jobs" with a body the triage flags (a WhatsApp handle,
a phone number, a deposit). The platform clock is fixed (noon, 2025-06-01, Tokyo),
so both arrived at the same minute; the newest (the scam) is listed first.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from gpseeker.app import GPSeekerApp

from .conftest import AppFactory
from .jobs_helpers import post
from .support import employer, settle
from .test_inbox import SCAM_BODY, invite, make_searchable

SnapCompare = Callable[..., bool]


def invited(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """run_before: two invitations arrive, the count is polled, the inbox opens, `keys`."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, GPSeekerApp)
        await settle(app, pilot)
        await make_searchable(app)
        home = app.data_dir.parent
        async with employer(home, "Kaizen Robotics") as boss:
            job = await post(boss, "Payments engineer")
            await invite(
                boss,
                "Payments engineer in Shibuya",
                "Hello,\n\nWe read your profile in the resume bank and would like to talk "
                "about our payments team. The job is attached.\n\nBest regards,\nKaizen "
                "Robotics hiring team",
                job.id,
            )
        async with employer(home, "Quick Cash Jobs") as scam:
            await invite(scam, "You are hired!", SCAM_BODY)
        app.refresh_unread()
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        if keys:
            await pilot.press(*keys)
            await settle(app, pilot)

    return run_before


def test_inbox_list_80x24(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24, the list alone: two rows, each marked "Unread" in reverse video; the
    first also "Be careful" ("You are hired!" from Quick Cash Jobs), the second the
    Kaizen Robotics invitation. The header ends "· 2 unread"; the status line reads
    "2 invitations, 2 unread" and the keys."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=invited())


def test_inbox_message_with_warning_80x24(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24 after Enter on the first row: the message over the list. From, Sent and
    Status lines, then a heavy-bordered block "Be careful: this message may be a scam"
    listing each rule that fired, then the body as sent. The header ends
    "· 1 unread": opening it marked it read."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=invited("enter"))


def test_inbox_side_by_side_120x40(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """120x40: list on the left, the highlighted (first) invitation on the right with
    its scam warning block. Shown side by side, it counts as read: its row now says
    only "Be careful" (no "Unread"), it stays where it was, the Kaizen Robotics row
    still says "Unread", and the header ends "· 1 unread"."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=invited())


def test_inbox_message_with_job_120x40(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """120x40 after moving down to the Kaizen Robotics invitation: no warning block;
    "About a job: press a to read it and apply" under the Status line, then the
    multi-line body. Neither row says "Unread" now; no unread count in the header."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=invited("down"))


def test_inbox_reply_dialog_80x24(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24, the reply dialog over the Kaizen Robotics invitation: "Reply to Kaizen
    Robotics: Payments engineer in Shibuya", an empty text area, two boxes, both blank
    (not X): "Share my e-mail address with this employer" and "Share my phone number
    with this employer", the line saying that sharing is a logged disclosure, and
    Send / Cancel."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=invited("down", "r"))
