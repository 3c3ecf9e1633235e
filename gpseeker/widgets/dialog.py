"""The frame every dialog shares: centred over the screen, bordered, never wider than
the terminal. A subclass yields one container (Vertical or VerticalScroll) first and
sets only what differs (its width, its height)."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    Dialog > Vertical, Dialog > VerticalScroll {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    """
