"""Damaged or unwritable local files, met in the app: a notice that names the file,
and the app goes on (issue 15, parts 5 to 7).

What a candidate would notice: the notice's words, the header's "unsaved changes",
the question on Ctrl+Q, the theme they chose, and what is left on disk.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from gpseeker.app import GPSeekerApp
from gpseeker.client.embedded import DATABASE_FILE
from gpseeker.local.local_files import FileNotice
from gpseeker.local.profile_draft import DraftStore
from gpseeker.local_platform.in_process import open_local_platform
from gpseeker.screens.profile import ProfileScreen
from gpseeker.widgets.inbox_reply import ReplyDrafts
from gpseeker.widgets.profile_form_dialogs import ChoiceDialog

from .support import server_settings, settle
from .test_profile import SIZE, type_into, until

AppFactory = Callable[..., GPSeekerApp]


def notifications(app: GPSeekerApp) -> str:
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


def damaged_siblings(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


DAMAGED_DRAFTS = {
    "not UTF-8": b"\xff\xfe{\x00 half a draft",
    "not a draft": b'{"version": 1, "form": "what?"}',
    "cut short": b'{"version": 1, "saved_at": "2026-01-0',
}


def drafted_headline(store: DraftStore) -> str | None:
    draft = store.load() if store.exists() else None
    return None if draft is None else draft.form.headline


@pytest.mark.parametrize("content", DAMAGED_DRAFTS.values(), ids=DAMAGED_DRAFTS.keys())
async def test_a_damaged_draft_is_set_aside_named_and_drafting_goes_on(
    make_app: AppFactory, tui_home: Path, content: bytes
) -> None:
    store = DraftStore(tui_home / "data")
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        # A draft on disk opens the editor by itself, as after any unsaved session.
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen), "the editor opens")
        screen = app.screen
        await until(pilot, lambda: screen.has_class("-loaded"), "the profile is loaded")
        await settle(app, pilot)
        [moved] = damaged_siblings(store.path)
        shown = notifications(app)
        assert f"Your unsaved profile changes in {store.path} could not be read" in shown
        assert f"It was moved to {moved}" in shown
        assert moved.read_bytes() == content  # set aside, never deleted

        await type_into(pilot, "#headline", "Typed after the damage")
        await until(pilot, lambda: "unsaved changes" in app.sub_title, "the header says so")
        # Drafts are written as the typing goes: wait for the one that holds all of it.
        await until(pilot, lambda: drafted_headline(store) == "Typed after the damage",
                    "a new draft holds what was typed")  # fmt: skip

        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "quitting asks")
        assert app.is_running


async def test_a_folder_in_the_drafts_place_is_set_aside_and_drafting_goes_on(
    make_app: AppFactory, tui_home: Path
) -> None:
    store = DraftStore(tui_home / "data")
    store.path.mkdir(parents=True)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen), "the editor opens")
        screen = app.screen
        await until(pilot, lambda: screen.has_class("-loaded"), "the profile is loaded")
        await settle(app, pilot)
        assert "it is a folder, not a file" in notifications(app)
        assert damaged_siblings(store.path)

        await type_into(pilot, "#headline", "Kept")
        await until(pilot, store.exists, "a new draft is written")
        assert "Draft not written" not in notifications(app)


async def test_starting_never_writes_the_settings(make_app: AppFactory) -> None:
    """The theme from the settings is applied, not written back: a read-only or full
    disk cannot stop the app from starting."""
    written: list[str] = []

    def save_theme(theme: str) -> FileNotice | None:
        written.append(theme)
        return None

    app = make_app(theme="gpseeker-light", save_theme=save_theme)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "gpseeker-light"
        assert written == []

        app.theme = "gpseeker-high-contrast"  # the candidate picks one in the palette
        await pilot.pause()
        assert written == ["gpseeker-high-contrast"]


async def test_a_theme_that_cannot_be_saved_is_a_notice_and_still_applies(
    make_app: AppFactory, tui_home: Path
) -> None:
    def save_theme(theme: str) -> FileNotice | None:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app(save_theme=save_theme, config_dir=tui_home / "config")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.theme = "gpseeker-high-contrast"
        await pilot.pause()
        assert app.is_running
        assert app.theme == "gpseeker-high-contrast"
        shown = notifications(app)
        assert "Theme not saved" in shown
        assert "the disk is full" in shown
        assert str(tui_home / "config" / "settings.toml") in shown


async def test_a_damaged_local_database_is_set_aside_and_a_new_platform_starts(
    make_app: AppFactory, tui_home: Path
) -> None:
    client = await open_local_platform(tui_home, server_settings=server_settings())
    await client.aclose()
    database = tui_home / DATABASE_FILE
    with database.open("r+b") as handle:  # cut short, as a full disk or a crash leaves it
        handle.truncate(database.stat().st_size // 2)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "you@example.com" in app.sub_title, "it is connected")
        await settle(app, pilot)
        [moved] = damaged_siblings(database)
        shown = notifications(app)
        assert f"database {database} was damaged" in shown
        assert f"It was moved to {moved}" in shown
        assert "sqlalche.me" not in shown
        assert "Cannot reach the platform" not in shown
        await pilot.press("f5")
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        await until(pilot, lambda: screen.has_class("-loaded"), "the new profile loads")
        assert screen.query_one("#email", Input).value == "you@example.com"


def test_a_damaged_reply_draft_is_set_aside_and_the_reply_starts_empty(tmp_path: Path) -> None:
    drafts = ReplyDrafts(tmp_path)
    drafts.folder.mkdir(parents=True)
    drafts.path(7).write_bytes(b"Dear \xff")

    assert drafts.get(7) == ""

    [moved] = damaged_siblings(drafts.path(7))
    assert moved.read_bytes() == b"Dear \xff"
    [notice] = drafts.notices
    assert f"Your unsent reply in {drafts.path(7)} could not be read" in notice.message
    drafts.keep(7, "Dear Acme")
    drafts.write(7)
    assert ReplyDrafts(tmp_path).get(7) == "Dear Acme"
