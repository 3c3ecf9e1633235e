"""Snapshots of the Account screen at 80x24; each docstring says what a reviewer
should see.

The candidate is subscribed to JobMail (consent on the platform's fixed clock,
2025-06-01) and has applied to one job at "Acme Robotics"; the screen is opened with
its workers finished.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from gpseeker.app import GPSeekerApp
from gpseeker.core.models import ApplicationRequest, SubscriptionsUpdate

from .conftest import AppFactory
from .jobs_helpers import fixed_job_clock, post  # noqa: F401 (autouse fixture)
from .support import candidate_profile, employer, save_profile, settle

SnapCompare = Callable[..., bool]


def account(home: Path, *keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """run_before: subscribe to JobMail, apply to one job, open Account, press `keys`."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, GPSeekerApp)
        await settle(app, pilot)
        await save_profile(app, candidate_profile())
        client = await app.client()
        await client.set_subscriptions(SubscriptionsUpdate(jobmail=True, via="app"))
        async with employer(home, "Acme Robotics") as acme:
            await client.apply((await post(acme, "Robot Tamer")).id, ApplicationRequest())
        await pilot.press("f7")
        await settle(app, pilot)
        if keys:
            await pilot.press(*keys)
            await settle(app, pilot)

    return run_before


def test_account_mail_80x24(
    snap_compare: SnapCompare, make_app: AppFactory, tui_home: Path
) -> None:
    """The Account screen opens on "1 Mail": "JobMail: subscribed, weekly — consent
    given 2025-06-01 in the gpseeker app" and "Newsletters: not subscribed" in words,
    the four tabs "1 Mail  2 Disclosure log  3 Privacy policy  4 Your data", and the
    footer j JobMail on/off, f Daily/weekly, n Newsletters on/off, r Reload."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=account(tui_home))


def test_account_log_80x24(snap_compare: SnapCompare, make_app: AppFactory, tui_home: Path) -> None:
    """Tab 2: the disclosure log table with one row (2025-06-01, Acme Robotics, your
    application, Robot Tamer, not asked) and under it the entry in words, the employer
    marked "Acme Robotics (verified by the platform)", ending with the keys w withdraw,
    b block, x ask to forget, which the footer lists too."""
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=account(tui_home, "2"))


def test_account_unsubscribe_confirmation_80x24(
    snap_compare: SnapCompare, make_app: AppFactory, tui_home: Path
) -> None:
    """After j: one dialog, "Unsubscribe from JobMail", reading exactly "Are you sure
    you want to unsubscribe you@example.com?", with Unsubscribe (focused) and Cancel."""
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=account(tui_home, "j"))


def test_account_delete_dialog_80x24(
    snap_compare: SnapCompare, make_app: AppFactory, tui_home: Path
) -> None:
    """After d: what deleting erases, "These employers received an application from
    you: Acme Robotics." with the note that they may keep their copy as the law
    allows, the e-mail field (focused, empty) and the buttons "Delete my account" and
    "Keep my account", all inside 80x24."""
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=account(tui_home, "d"))
