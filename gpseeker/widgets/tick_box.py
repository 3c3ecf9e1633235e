"""A checkbox marked "X" when ticked and blank when not: every checkbox in the app.

Textual's own shows "X" either way and tells the two apart by colour only, which is
unreadable under NO_COLOR, in 16 colours and for a screen reader. Kept free of the
models so the jobs screen's filter dialog can use it before the first paint.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox

__all__ = ["TickBox"]


class TickBox(Checkbox):
    @property
    def _button(self) -> Content:
        button = super()._button
        inner = "X" if self.value else " "
        return Content.assemble(
            button[:1], (inner, self.get_visual_style("toggle--button")), button[2:]
        )
