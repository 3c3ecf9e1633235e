"""The app's themes: its own dark and light, and a high-contrast one.

The high-contrast theme keeps every text/background pair at WCAG AA (4.5:1) or
better; the `ansi-*` built-ins are dropped because under NO_COLOR they collapse to
black on black.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="gpseeker-dark",
    primary="#4FA3E0",
    secondary="#7FB77E",
    accent="#F2B45A",
    warning="#F2B45A",
    error="#F07470",
    success="#7FB77E",
    foreground="#E6E6E6",
    background="#15191E",
    surface="#1D232A",
    panel="#26303A",
    dark=True,
)

LIGHT = Theme(
    name="gpseeker-light",
    primary="#1F5F99",
    secondary="#3D7A3C",
    accent="#9A5B00",
    warning="#8A5300",
    error="#B3261E",
    success="#2E6B2D",
    foreground="#1B1B1B",
    background="#FAFAF7",
    surface="#F0F0EA",
    panel="#E2E4DD",
    dark=False,
)

HIGH_CONTRAST = Theme(
    name="gpseeker-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFFF00",
    error="#FF8080",
    success="#80FF80",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#FFFFFF",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        # Textual paints placeholders (and disabled options) at `auto 38%`: 3.3:1 on
        # black. A placeholder says what to type, so it reads like a hint instead.
        "text-disabled": "auto 60%",
        # Mouse-selected text keeps its own colour over a 50% primary by default
        # (white on it is 4.2:1); black on opaque cyan reads at 16:1 and differs from
        # the yellow cursor.
        "screen-selection-background": "#00FFFF",
        "screen-selection-foreground": "#000000",
    },
)

THEMES: tuple[Theme, ...] = (DARK, LIGHT, HIGH_CONTRAST)
DEFAULT_THEME = DARK.name
DROPPED_THEMES: tuple[str, ...] = ("ansi-dark", "ansi-light")
