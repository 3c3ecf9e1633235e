"""The one way the TUI shows text that came from outside (a server, a file, a user).

Company names, job descriptions and invitation bodies are data. Textual 8.2.8 parses
a plain `str` given to a Static as markup (so `[@click=app.quit]` would become a live
action) and its `Content` strips only a handful of C0 controls, letting ESC, BEL and
C1 bytes (OSC 52 clipboard writes, CSI sequences, `ESC c` resets) through to the
terminal. So untrusted text goes through `gpseeker.core.text.clean` first and is then
wrapped in a `Content` built from the plain string: no markup is ever parsed, and the
only styles are the constant ones chosen here, never ones taken from the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content, Span
from textual.widgets import Static

from gpseeker.core.text import clean, clean_line

__all__ = ["SafeText", "safe_content", "safe_join", "safe_line"]


def safe_content(text: str, style: str = "") -> Content:
    """`text` cleaned of control characters, as literal Content (never markup).

    `style` is for the caller's own constant styles ("bold"), never for anything
    derived from the text.
    """
    cleaned = clean(text)
    if not cleaned:
        return Content("")
    return Content(cleaned, [Span(0, len(cleaned), style)] if style else None)


def safe_line(text: str, style: str = "") -> Content:
    """`safe_content` for a heading or a label's value: any line break in `text`
    becomes a space, so a subject such as "Hi<CR>From: Trusted Bank" cannot draw a
    line that looks like the app's own "From:" under it."""
    return safe_content(clean_line(text), style)


def safe_join(parts: Iterable[Content | str], separator: str = "") -> Content:
    """Join trusted labels (`str`, written in this code base) and `safe_content` pieces.

    A bare `str` here is taken literally too, so a label can never turn into markup
    even if it one day carries a value from outside; but such values should still go
    through `safe_content` so that their control characters are removed.
    """
    pieces = [part if isinstance(part, Content) else safe_content(part) for part in parts]
    return Content(separator).join(pieces)


class SafeText(Static):
    """A Static that shows untrusted text literally: cleaned, no markup, no actions.

    It accepts only `str` (cleaned here) or `Content` made by `safe_content` /
    `safe_join`, so no code path can hand it a markup string by accident.
    """

    DEFAULT_CSS = """
    SafeText {
        height: auto;
    }
    """

    def __init__(
        self,
        text: str | Content = "",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        # markup=False as a second lock: even a str that slipped past _to_content
        # would not be parsed.
        super().__init__(_to_content(text), markup=False, name=name, id=id, classes=classes)

    def set_text(self, text: str | Content) -> None:
        """Replace what is shown; a `str` is cleaned first."""
        self.update(_to_content(text))

    def say(self, *parts: Content | str) -> None:
        """A status line's message: our labels (`str`) and outside words (`Content`
        from `safe_content`, or a `str` cleaned here) joined, and the line shown, since
        a dialog hides its status line until there is something to say."""
        self.set_text(safe_join(parts))
        self.display = True

    @property
    def text(self) -> str:
        """What is shown, as plain text (for tests and screen readers)."""
        content = self.content
        return content.plain if isinstance(content, Content) else str(content)


def _to_content(text: str | Content) -> Content:
    if not isinstance(text, Content):
        return safe_content(text)
    # A Content built some other way (Content(untrusted), say) still must not carry
    # control characters: check it, and if it does, keep its text without its styles
    # rather than guess how the spans map onto the cleaned text.
    if clean(text.plain) != text.plain:
        return safe_content(text.plain)
    return text
