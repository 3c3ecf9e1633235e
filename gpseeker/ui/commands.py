"""Every key of every main screen in the command palette.

Textual's palette lists the app's system commands but not a screen's bindings, and a
power user should find "Profile: Save" from anywhere, by its name or by what it does
(the binding's tooltip, shown under it). Actions of the screen on top run there;
those of another screen switch to it first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple, cast

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from gpseeker.screens.help import format_key
from gpseeker.screens.registry import SCREENS, screen_class

if TYPE_CHECKING:
    from gpseeker.app import GPSeekerApp


class ScreenAction(NamedTuple):
    mode: str
    title: str
    action: str
    help: str


def screen_actions() -> Iterator[ScreenAction]:
    """(mode, "Profile: Save (Ctrl+S)", "save", help) for each described binding."""
    for mode in SCREENS:
        screen = screen_class(mode)
        for binding in screen.BINDINGS:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            keys = ", ".join(format_key(key.strip()) for key in binding.key.split(","))
            title = f"{screen.TITLE}: {binding.description} ({keys})"
            yield ScreenAction(mode, title, binding.action, binding.tooltip)


class ScreenCommands(Provider):
    @property
    def _app(self) -> GPSeekerApp:
        return cast("GPSeekerApp", self.app)

    async def _run(self, mode: str, action: str) -> None:
        if self._app.current_mode != mode:
            await self._app.switch_mode(mode)
        await self._app.run_action(action, self._app.screen)

    async def discover(self) -> Hits:
        for item in screen_actions():
            yield DiscoveryHit(
                item.title, lambda item=item: self._run(item.mode, item.action), help=item.help
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for item in screen_actions():
            score = matcher.match(item.title)
            title: str | Content = matcher.highlight(item.title)
            if score <= 0 and item.help:
                # Found by what it does ("Report this invitation to the platform"), not
                # only by its short name; ranked below every match on a name.
                score = matcher.match(item.help) / 2
                title = item.title
            if score > 0:
                yield Hit(
                    score,
                    title,
                    lambda item=item: self._run(item.mode, item.action),
                    help=item.help,
                )
