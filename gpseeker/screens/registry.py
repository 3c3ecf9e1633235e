"""The app's main screens by mode, loaded on first use.

Only the first screen is imported before the first paint; the others (the profile
editor pulls in pydantic models, the privacy screen the masking rules) load when
first opened. They are not preloaded: that costs ~2 MB for a ~150 ms wait saved
once, and the embedded app is held to 100 MB (DESIGN.md, speed budgets).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gpseeker.screens.base import MainScreen

SCREENS: dict[str, str] = {
    "jobs": "gpseeker.screens.jobs:JobsScreen",
    "applications": "gpseeker.screens.applications:ApplicationsScreen",
    "inbox": "gpseeker.screens.inbox:InboxScreen",
    "profile": "gpseeker.screens.profile:ProfileScreen",
    "privacy": "gpseeker.screens.privacy:PrivacyScreen",
    "account": "gpseeker.screens.account:AccountScreen",
}
"""mode -> "module:Class" of its screen."""


def screen_class(mode: str) -> type[MainScreen]:
    module, _, name = SCREENS[mode].partition(":")
    loaded: type[MainScreen] = getattr(importlib.import_module(module), name)
    return loaded


def factory(mode: str) -> Callable[[], Any]:
    """A MODES entry that imports the screen's module only when the mode opens."""

    def make() -> MainScreen:
        return screen_class(mode)()

    return make
