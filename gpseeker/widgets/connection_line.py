"""The status line that says, in words, that the platform is out of reach and when the
app tries again: "Platform unreachable: reconnecting in 4 s — press F8 to retry now."

A line of the screen rather than only a notice, so that it stays while the state lasts
and a screen reader reaching the top of the screen reads it; hidden while connected.
It quotes the client's error (which may quote the server), so it is safe text.
"""

from __future__ import annotations

from gpseeker.widgets.safe_text import SafeText


class ConnectionLine(SafeText):
    DEFAULT_CSS = """
    ConnectionLine {
        display: none;
        padding: 0 1;
        background: $warning-muted;
        color: $foreground;
        text-style: bold;
    }
    ConnectionLine.-shown {
        display: block;
    }
    """

    def show_words(self, words: str) -> None:
        """Show `words` (from `gpseeker.ui.reconnect.status_words`); hide on empty."""
        self.set_text(words)
        self.set_class(bool(words), "-shown")
