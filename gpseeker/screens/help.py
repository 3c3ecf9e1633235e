"""The `?` screen: every key of the screen it was opened from, and the global ones."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from gpseeker.widgets.dialog import Dialog


def format_key(key: str) -> str:
    """'ctrl+s' -> 'Ctrl+S', 'question_mark' -> '?', as a user would type it."""
    names = {
        "question_mark": "?",
        "exclamation_mark": "!",
        "escape": "Esc",
        "enter": "Enter",
        "tab": "Tab",
    }
    return "+".join(names.get(part, part.capitalize()) for part in key.split("+"))


class HelpScreen(Dialog[None]):
    """A scrollable list, one key per line, so a screen reader reads it in order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    CSS_PATH = "help.tcss"

    def __init__(self, screen_title: str, bindings: list[tuple[str, str]]) -> None:
        """`bindings` pairs the keys, already formatted, with what they do."""
        super().__init__()
        self._screen_title = screen_title
        self._keys = bindings

    def compose(self) -> ComposeResult:
        lines = [f"Keys on the {self._screen_title} screen", ""]
        width = max((len(keys) for keys, _ in self._keys), default=0)
        lines += [f"{keys:<{width}}  {text}" for keys, text in self._keys]
        lines += ["", "Esc closes this help."]
        with VerticalScroll():
            yield Static(Content("\n".join(lines)))

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
