"""Snapshots of the inbox; each docstring says what a reviewer should see.

The candidate's fixed profile is saved and made SEARCHABLE; two employers on the same
platform, each an organisation the operator verified, find it in the resume bank and
invite: "Kaizen Robotics K.K." (it signed up as "Kaizen Robotics"; the candidate sees
only the verified legal name) politely, with a job attached, and "Quick Cash Jobs"
with a body the triage flags (a WhatsApp handle, a phone number, a deposit). Every
sender reads "(verified by the platform)". The platform clock is fixed (noon,
2025-06-01, Tokyo), so both arrived at the same minute; the newest (the scam) is
listed first.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import TextArea

from gpseeker.app import GPSeekerApp

from .conftest import AppFactory
from .jobs_helpers import post
from .support import CANDIDATE_PHONE, employer, settle
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
        async with employer(home, "Kaizen Robotics", legal_name="Kaizen Robotics K.K.") as boss:
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


def reported() -> Callable[[Pilot[None]], Awaitable[None]]:
    """run_before: as `invited`, then the Kaizen invitation is reported with `!` and
    opened with Enter."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, GPSeekerApp)
        await invited("down", "exclamation_mark")(pilot)
        app.screen.query_one(TextArea).insert("The job link asks me to sign in elsewhere.")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        app.clear_notifications()  # the "Report sent" toast would hide the footer
        await pilot.pause()

    return run_before


def reply_checked() -> Callable[[Pilot[None]], Awaitable[None]]:
    """run_before: as `invited`, then a reply to the Kaizen invitation that gives the
    candidate's phone number, sent with Ctrl+S: the send-check stops it."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, GPSeekerApp)
        await invited("down", "r")(pilot)
        app.screen.query_one(TextArea).insert(
            "Thank you, I would be glad to talk about the payments team. Please call "
            f"me on {CANDIDATE_PHONE} any weekday after six, or write back here."
        )
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    return run_before


def test_inbox_list_80x24(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24, the list alone: two rows, each marked "Unread" in reverse video; the
    first also "Be careful" ("You are hired!" from "Quick Cash Jobs (verified by the
    platform)"), the second the "Kaizen Robotics K.K. (verified by the platform)"
    invitation. The header ends "· 2 unread"; the status line reads "2 invitations, 2
    unread" and the keys; the footer lists r Reply, d Decline, b Decline+block,
    ! Report, a Apply."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=invited())


def test_inbox_reported_message_80x24(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24, the Kaizen invitation open after reporting it with `!`: "From: Kaizen
    Robotics K.K. (verified by the platform)", Sent, "Status: read, not answered", then
    "Reported to the platform on 2025-06-01: open" in words, and the job line. The
    footer shows "! Report" beside the keys that answer (no "Read": it is open)."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=reported())


def test_inbox_message_with_warning_80x24(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24 after Enter on the first row: the message over the list. "From: Quick
    Cash Jobs (verified by the platform)", Sent and Status lines, then a
    heavy-bordered block "Be careful: this message may be a scam" listing each rule
    that fired, then the body as sent. The header ends "· 1 unread": opening it
    marked it read. The footer starts at esc Back (Read is done) and shows ! Report."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=invited("enter"))


def test_inbox_side_by_side_120x40(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """120x40: list on the left, the highlighted (first) invitation on the right with
    its scam warning block. Shown side by side, it counts as read: its row now says
    only "Be careful" (no "Unread"), it stays where it was, the Kaizen Robotics K.K.
    row still says "Unread", and the header ends "· 1 unread". Each row's second line
    keeps the whole "(verified by the platform)" mark; the half-width list cuts the
    time after it with "…" (the message's Sent line has it)."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=invited())


def test_inbox_message_with_job_120x40(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """120x40 after moving down to the Kaizen Robotics K.K. invitation: "From: Kaizen
    Robotics K.K. (verified by the platform)", no warning block; "About a job: press a
    to read it and apply" under the Status line, then the multi-line body. Neither row
    says "Unread" now; no unread count in the header."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=invited("down"))


def test_inbox_reply_dialog_80x24(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24, the reply dialog over the Kaizen Robotics invitation: "Reply to Kaizen
    Robotics K.K.: Payments engineer in Shibuya" (the verified legal name, not the
    "Kaizen Robotics" the account typed), an empty text area, two boxes, both blank
    (not X): "Share my e-mail address with this employer" and "Share my phone number
    with this employer", the line saying that sharing is a logged disclosure, and
    Send / Cancel."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=invited("down", "r"))


def test_inbox_reply_send_check_80x24(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24, the reply dialog after Ctrl+S on a reply that gives the phone number:
    nothing is sent yet. Under "Reply to Kaizen Robotics K.K.: ..." the bold line
    "Before it is sent: one part of your reply will be hidden from the employer", then
    "The employer will receive:" and the reply, marked by a bar on its left, with
    "[hidden]" in reverse video where the number was (the number appears nowhere), then
    "Hidden from your reply by the leak guard (1 replacement, shown as [hidden]):" and
    one reason in words ending "contains your phone number". Below, the keys line
    "Ctrl+S sends it as shown · Esc goes back to your text, as you wrote it", both share
    boxes blank and dimmed (fixed while the check shows), the disclosure note, and at
    the bottom right "Send as shown" and "Edit" (focused) where Send and Cancel were."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=reply_checked())
