"""The navigation line: every main screen, its key, and which one is open (in words)."""

from __future__ import annotations

from typing import NamedTuple

from textual.content import Content
from textual.widgets import Static


class Room(NamedTuple):
    mode: str
    title: str
    key: str


ROOMS: tuple[Room, ...] = (
    Room("jobs", "Jobs", "f2"),
    Room("applications", "Applications", "f3"),
    Room("inbox", "Inbox", "f4"),
    Room("profile", "Profile", "f5"),
    Room("privacy", "Privacy", "f6"),
    Room("account", "Account", "f7"),
)


class Navigation(Static):
    """One line; the open room is marked with brackets, not only with colour."""

    DEFAULT_CSS = """
    Navigation {
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    def __init__(self, current: str) -> None:
        super().__init__(self._line(current))

    @staticmethod
    def _line(current: str) -> Content:
        parts: list[Content] = []
        for room in ROOMS:
            label = f"{room.key.upper()} {room.title}"
            if room.mode == current:
                parts.append(Content.styled(f"[{label}]", "bold reverse"))
            else:
                parts.append(Content(f" {label} "))
        return Content(" ").join(parts)
