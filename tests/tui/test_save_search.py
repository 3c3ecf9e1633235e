"""Saving a search for JobMail (S on the jobs screen) and deleting one (Delete on the
Account screen's Mail tab), driven by keys against the embedded platform.

Each test checks what the candidate would notice (the dialog, its words, a
notification, the Mail tab) and what the platform holds afterwards.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from gpseeker.app import GPSeekerApp
from gpseeker.core.models import JobQuery
from gpseeker.local_platform.in_process import database_url
from gpseeker.screens.account import NO_SAVED_SEARCHES, AccountScreen
from gpseeker.screens.jobs import JobsScreen
from gpseeker.ui.commands import screen_actions
from gpseeker.widgets.safe_text import SafeText
from gpseeker.widgets.save_search_dialog import SaveSearchDialog
from gpseeker.widgets.saved_search_picker import SavedSearchPicker
from tests.planted import plant_database, stand_in

from .jobs_helpers import fixed_job_clock, jobs_screen, search_for  # noqa: F401 (autouse)
from .support import candidate_profile, save_profile, screen_text, settle

NOTICE = "Saved the search “{}”. JobMail sends its new jobs once you subscribe (F7, Account)."


def notifications(app: GPSeekerApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def open_dialog(app: GPSeekerApp, pilot: Pilot[None], keywords: str) -> SaveSearchDialog:
    """Type `keywords` in the search box, go to the list (Enter), press S."""
    await save_profile(app, candidate_profile())  # Japanese N2: a filter to put in words
    await settle(app, pilot)
    if keywords:
        await search_for(app, pilot, keywords)
    await pilot.press("enter")  # from the search box to the list, where keys are keys
    await pilot.press("S")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, SaveSearchDialog), dialog
    return dialog


def name_box(dialog: SaveSearchDialog) -> Input:
    return dialog.query_one("#save-search-name", Input)


async def test_s_saves_the_search_on_screen_with_its_filters(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(app, pilot, "python")
        assert name_box(dialog).value == "python"
        what = dialog.query_one("#save-search-what", SafeText).text
        assert what == "Search: “python” · Japanese up to N2 (your level)"
        shown = screen_text(app)
        assert "Save this search for JobMail" in shown
        assert what in shown

        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, JobsScreen)
        searches = await (await app.client()).saved_searches()
        assert [search.name for search in searches] == ["python"]
        assert searches[0].query == screen.build_query()
        assert searches[0].query == JobQuery(q="python", japanese_max="N2")
        assert NOTICE.format("python") in notifications(app)


async def test_no_keywords_offers_all_jobs(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(app, pilot, "")
        assert name_box(dialog).value == "All jobs"
        what = dialog.query_one("#save-search-what", SafeText).text
        assert what == "Search: All jobs · Japanese up to N2 (your level)"


async def test_escape_cancels_and_saves_nothing(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(app, pilot, "python")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, JobsScreen)
        assert await (await app.client()).saved_searches() == []
        assert "Saved the search" not in notifications(app)


async def test_an_empty_name_is_refused_in_words_and_the_dialog_stays(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(app, pilot, "python")
        name_box(dialog).value = ""
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is dialog
        message = dialog.query_one("#save-search-message", SafeText)
        assert message.display
        assert message.text == "Not saved: the name is empty: type a name for the search."
        assert message.text in screen_text(app)
        assert await (await app.client()).saved_searches() == []

        await pilot.press(*"Tokyo work")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, JobsScreen)
        searches = await (await app.client()).saved_searches()
        assert [search.name for search in searches] == ["Tokyo work"]


async def test_a_search_that_cannot_be_sent_opens_no_dialog(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = jobs_screen(app)
        screen.filters = replace(screen.filters, min_salary_jpy=200_000_000)
        screen.job_list.focus()
        await pilot.press("S")
        await settle(app, pilot)
        assert app.screen is screen
        assert "That search cannot be sent:" in notifications(app)


# --- the Account screen ----------------------------------------------------------------


def saved_line(app: GPSeekerApp) -> str:
    screen = app.screen
    assert isinstance(screen, AccountScreen), screen
    return screen.query_one("#saved-searches", SafeText).text


async def test_the_mail_tab_lists_saved_searches_and_delete_removes_one(
    app: GPSeekerApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        client = await app.client()
        query = JobQuery(q="python", prefecture=["Tokyo"], remote=["hybrid"])
        await client.save_search("Tokyo backend", query)
        await pilot.press("f7")
        await settle(app, pilot)
        expected = "Your saved searches:\n• Tokyo backend — “python” · Tokyo, hybrid"
        assert saved_line(app) == expected
        assert "• Tokyo backend — “python” · Tokyo, hybrid" in screen_text(app)

        await pilot.press("delete")
        await settle(app, pilot)
        assert isinstance(app.screen, SavedSearchPicker)
        await pilot.press("escape")  # Esc deletes nothing
        await settle(app, pilot)
        assert len(await client.saved_searches()) == 1

        await pilot.press("delete")
        await settle(app, pilot)
        assert isinstance(app.screen, SavedSearchPicker)
        assert "Tokyo backend" in screen_text(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
        assert await client.saved_searches() == []
        assert saved_line(app) == NO_SAVED_SEARCHES
        assert "Deleted the saved search “Tokyo backend”." in notifications(app)

        await pilot.press("delete")
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
        assert "You have no saved searches to delete." in notifications(app)


async def test_a_saved_search_name_is_text_never_markup(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        client = await app.client()
        # Planted in the store: the platform refuses ESC in a request (tests/planted.py).
        name = stand_in("[b]x[/b] [@click=app.quit]go\x1b]52;c;aGk=\x07")
        await client.save_search(name, JobQuery())
        await plant_database(database_url(tui_home))
        await pilot.press("f7")
        await settle(app, pilot)
        # The whole OSC 52 sequence is gone, the markup is shown as typed.
        assert saved_line(app).endswith("• [b]x[/b] [@click=app.quit]go — All jobs · no filters")
        await pilot.press("delete")
        await settle(app, pilot)
        assert "[b]x[/b] [@click=app.quit]go" in screen_text(app)
        assert app.is_running


def test_both_keys_are_in_the_command_palette() -> None:
    titles = {item.title for item in screen_actions()}
    assert "Jobs: Save search (S)" in titles
    assert "Account: Delete a saved search (Delete)" in titles
