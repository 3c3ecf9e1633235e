"""Snapshots of the privacy screen; each docstring says what a reviewer should see.

The candidate's fixed profile (support.candidate_profile: a summary that repeats the
phone number, a current company) is saved on the in-process platform, the resume is
made SEARCHABLE with the age band shown, and the screen is opened with its workers
finished. The preview's clock is fixed (conftest.fixed_today).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from gpseeker.app import GPSeekerApp
from gpseeker.core.models import Visibility

from .conftest import AppFactory
from .support import candidate_profile, save_profile, settle

SnapCompare = Callable[..., bool]

pytestmark = pytest.mark.usefixtures("fixed_today")


def searchable(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """run_before: save the profile, make it searchable, open Privacy, press `keys`."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, GPSeekerApp)
        await save_profile(app, candidate_profile())
        client = await app.client()
        await client.set_visibility(Visibility(resume="searchable", show_age=True))
        await pilot.press("f6")
        await settle(app, pilot)
        if keys:
            await pilot.press(*keys)
            await settle(app, pilot)

    return run_before


def test_privacy_80x24_top(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24, top of the stacked screen: "Your resume is SEARCHABLE — employers can
    find the masked view in the preview by keyword." in words, the "Lock (l)" button,
    an empty "searchable until" field, and the four choices with only "Show your age"
    marked X. The footer lists l Lock, s Searchable, v Other preview, b Block company."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=searchable())


def test_privacy_80x24_preview(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24 after pressing v twice (to "When you apply" and back): the stacked screen
    scrolled to the "In the resume bank" preview. The summary reads "Call me on
    [hidden]." with [hidden] in reverse video; no name, phone or company is shown."""
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=searchable("v", "v"))


def test_privacy_120x40(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """120x40, side by side: controls (SEARCHABLE in words, age band ticked) and the
    blocked organisations on the left, with "Sakura Systems K.K. — automatic: your
    current company" listed and, under it, what it blocks today (the verified
    organisation of that name); on the right the "In the resume
    bank" preview with "Call me on [hidden]." in reverse video, "Age: 35-39", and at
    the end "Hidden by the leak guard (1 replacement ...)" with the reason "your
    summary contains your phone number". The log says no employer opened the profile."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=searchable())


def test_privacy_120x40_high_contrast(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """The 120x40 screen in the gpseeker-high-contrast theme: white on black, yellow
    accents; the same words as the default theme, and [hidden] still in reverse video."""
    app = make_app(theme="gpseeker-high-contrast")
    assert snap_compare(app, terminal_size=(120, 40), run_before=searchable())
