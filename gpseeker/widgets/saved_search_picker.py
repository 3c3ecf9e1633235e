"""Pick one saved search (the Account screen's Delete key): a list of the names, each
with its search in words. Enter picks the highlighted one, Esc picks none; the caller
does the deleting, so the dialog never talks to the platform. Names and keywords come
from the platform: every option is safe text.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gpseeker.core.models import SavedSearch
from gpseeker.core.text import clean_line
from gpseeker.widgets.dialog import Dialog
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join
from gpseeker.widgets.save_search_dialog import query_words

__all__ = ["SavedSearchPicker"]


class SavedSearchPicker(Dialog[SavedSearch | None]):
    """Dismisses with the saved search chosen with Enter, or None (Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="saved_search_picker.cancel"),
    ]

    CSS_PATH = "saved_search_picker.tcss"

    def __init__(self, searches: list[SavedSearch]) -> None:
        super().__init__()
        self.searches = searches

    def compose(self) -> ComposeResult:
        options = [
            Option(
                safe_join(
                    [
                        safe_content(clean_line(search.name), "bold"),
                        "\n  ",
                        query_words(search.query),
                    ]
                )
            )
            for search in self.searches
        ]
        with Vertical():
            yield SafeText("Delete a saved search", id="picker-title")
            yield SafeText("Enter deletes the highlighted search · Esc cancels", id="picker-help")
            yield OptionList(*options, id="picker-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.searches[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
