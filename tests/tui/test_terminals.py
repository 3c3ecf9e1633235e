"""The app from a plain terminal: 16 colours, NO_COLOR, animations off, no blinking
cursor, and a window that changes size.

Pilot tests over the embedded platform. The colour tests build the app under a given
environment (Textual reads TERM and NO_COLOR when the App is created) and read the
screen as the terminal would receive it (support.screen_output). The tmux test in
tests/e2e checks the installed app with NO_COLOR from first start to the privacy
switch; these check the states that need data: Saved and Applied rows, the unread
count, and an error in a dialog.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual import constants
from textual.widgets import Input

from gpseeker.app import GPSeekerApp, run_app
from gpseeker.core.models import ApplicationRequest
from gpseeker.widgets.job_filters import FilterDialog

from .conftest import AppFactory
from .jobs_helpers import (
    fixed_job_clock,  # noqa: F401 (autouse fixture)
    jobs_screen,
    post,
    rows,
    search_for,
)
from .support import (
    EmbeddedTestConnector,
    candidate_profile,
    employer,
    save_profile,
    screen_output,
    screen_text,
    settle,
)

_SGR = re.compile(r"\x1b\[([0-9;:]*)m")


@pytest.fixture(autouse=True)
def no_cursor_blink() -> None:
    """Overrides conftest's fixture of that name: these tests need Input's real
    `cursor_blink` reactive to see what the app sets, not a class-wide False."""


def colour_codes(output: str) -> set[str]:
    """The SGR parameters that pick a foreground or background colour."""
    codes: set[str] = set()
    for parameters in _SGR.findall(output):
        words = parameters.split(";")
        for index, word in enumerate(words):
            if word in {"38", "48"}:
                codes.add(";".join(words[index : index + 2]))  # 38;5 (256) or 38;2 (RGB)
            elif word.isdigit() and (30 <= int(word) <= 49 or 90 <= int(word) <= 107):
                codes.add(word)
    return codes


async def test_cursor_blink_off_reaches_the_jobs_screen_and_a_dialog(
    make_app: AppFactory,
) -> None:
    app = make_app(cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        search = app.screen.query_one("#job-search", Input)
        search.focus()
        await pilot.pause()
        assert search.cursor_blink is False

        jobs_screen(app).job_list.focus()
        await pilot.press("f")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FilterDialog)
        for _ in range(4):
            await pilot.press("tab")
        salary = dialog.query_one("#filter-min-salary", Input)
        assert dialog.focused is salary
        assert salary.cursor_blink is False


async def test_the_cursor_blinks_by_default(make_app: AppFactory) -> None:
    """The control for the test above: without the setting, Textual's own default."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        search = app.screen.query_one("#job-search", Input)
        search.focus()
        await pilot.pause()
        assert search.cursor_blink is True


def test_run_app_reads_cursor_blink_from_the_settings_file(
    tui_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tui_home / "config").mkdir()
    (tui_home / "config" / "settings.toml").write_text("cursor_blink = false\n")
    started: list[GPSeekerApp] = []
    monkeypatch.setattr(GPSeekerApp, "run", lambda self: started.append(self))
    run_app()
    assert [app.cursor_blink for app in started] == [False]


@pytest.mark.parametrize("theme", ["gpseeker-dark", "gpseeker-high-contrast"])
async def test_a_16_colour_terminal_gets_16_colours_and_the_same_words(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, theme: str
) -> None:
    """TERM=xterm without COLORTERM: Rich picks its 16-colour system, and every colour
    the app paints is sent as one of the 16 ANSI colours (no 256 or RGB codes)."""
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "auto")  # not a CI override
    app = make_app(theme=theme)
    assert app.console.color_system == "standard"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        codes = colour_codes(screen_output(app))
        assert codes, "nothing coloured at all"
        assert not {code for code in codes if code.startswith(("38", "48"))}, codes
        text = screen_text(app)
        assert "[F2 Jobs]" in text
        assert re.search(r"\d+ jobs", text)


async def test_with_no_color_every_state_reads_in_words(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, tui_home: Path
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        async with employer(tui_home, "Plain Terminal K.K.") as boss:
            applied = await post(boss, "Accessibility engineer")
            saved = await post(boss, "Accessibility tester")
        client = await app.client()
        await client.apply(applied.id, ApplicationRequest(cover_note="Hello"))
        await client.save_job(saved.id)
        await search_for(app, pilot, "accessibility")
        assert {row.split()[0] for row in rows(app)} >= {"Applied", "Saved"}
        text = screen_text(app)
        assert "Applied" in text and "Saved" in text

        app.unread = 2  # what the poll sets when two invitations are unread
        await pilot.pause()
        assert "2 unread" in screen_text(app).splitlines()[0]

        # An error in a dialog is a sentence, not a red box.
        jobs_screen(app).job_list.focus()
        await pilot.press("f")
        await settle(app, pilot)
        for _ in range(4):
            await pilot.press("tab")
        await pilot.press(*"999999999", "enter")
        await settle(app, pilot)
        assert "between ¥0 and ¥100,000,000 a year" in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)

        await pilot.press("f6")
        await settle(app, pilot)
        assert "Your resume is LOCKED" in screen_text(app)


async def test_resizing_keeps_the_search_the_selection_and_typed_text(
    app: GPSeekerApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        await settle(app, pilot)
        await search_for(app, pilot, "python")
        screen = jobs_screen(app)
        screen.job_list.focus()
        await pilot.press("down")
        await settle(app, pilot)
        job = screen.job_list.current
        assert job is not None
        await pilot.press("enter")  # the job, full screen at 80 columns
        await settle(app, pilot)
        assert screen.detail.job == job

        for size in [(120, 40), (80, 24)]:
            await pilot.resize_terminal(*size)
            await settle(app, pilot)
            assert screen.detail.job == job
            assert job.title in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)

        await pilot.press("f")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FilterDialog)
        for _ in range(4):
            await pilot.press("tab")
        await pilot.press(*"4000000")
        for size in [(120, 40), (80, 24)]:
            await pilot.resize_terminal(*size)
            await settle(app, pilot)
            assert app.screen is dialog
            assert dialog.query_one("#filter-min-salary", Input).value == "4000000"
        await pilot.press("escape")
        await settle(app, pilot)

        assert app.screen is screen
        assert screen.query_one("#job-search", Input).value == "python"
        assert screen.job_list.current == job


@pytest.mark.parametrize(
    ("environment", "level"), [(None, "none"), ("none", "none"), ("full", "full")]
)
def test_animations_are_off_unless_textual_animations_says_otherwise(
    tui_home: Path, monkeypatch: pytest.MonkeyPatch, environment: str | None, level: str
) -> None:
    """Textual reads TEXTUAL_ANIMATIONS once, when it is imported; the constant is set
    here as a process started with that environment would have it."""
    if environment is None:
        monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    else:
        monkeypatch.setenv("TEXTUAL_ANIMATIONS", environment)
    monkeypatch.setattr(constants, "TEXTUAL_ANIMATIONS", constants._get_textual_animations())
    app = GPSeekerApp(EmbeddedTestConnector(tui_home), data_dir=tui_home / "data")
    assert app.animation_level == level
