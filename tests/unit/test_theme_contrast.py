"""The high-contrast theme keeps every text/background pair at WCAG AA (4.5:1).

The colours are not the ones written in themes.py but the ones Textual derives from
them (`Theme.to_color_system().generate()`): the `$text-*`, `*-muted`, footer, cursor
and selection variables that the app's CSS and Textual's own widget CSS paint with.
Each pair below names the CSS that paints it, so a reviewer can check that it is a
pair the app really shows; `PAIRS_LEFT_OUT` says which generated pairs are not text
a person has to read, and why.

The ratio is WCAG 2.x: (L1 + 0.05) / (L2 + 0.05) over relative luminance. A colour
with alpha (`$foreground 50%`, `auto 87%`) is first blended over what lies beneath
it, as the terminal receives it.
"""

from __future__ import annotations

import pytest
from textual.color import Color

from gpseeker.ui.themes import HIGH_CONTRAST

AA_NORMAL_TEXT = 4.5


def relative_luminance(color: Color) -> float:
    """WCAG 2.x relative luminance of an opaque sRGB colour."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG 2.x contrast ratio of two opaque colours, from 1.0 to 21.0 (order free)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_ratio_known_values() -> None:
    assert contrast_ratio(Color.parse("#000000"), Color.parse("#FFFFFF")) == pytest.approx(21.0)
    assert contrast_ratio(Color.parse("#FFFFFF"), Color.parse("#000000")) == pytest.approx(21.0)
    assert contrast_ratio(Color.parse("#777777"), Color.parse("#FFFFFF")) == pytest.approx(
        4.48, abs=0.01
    )
    assert contrast_ratio(Color.parse("#767676"), Color.parse("#FFFFFF")) == pytest.approx(
        4.54, abs=0.01
    )
    assert contrast_ratio(Color.parse("#123456"), Color.parse("#123456")) == pytest.approx(1.0)


# --- what the app paints ---------------------------------------------------------------

VARIABLES = HIGH_CONTRAST.to_color_system().generate()


def _layer(spec: str, beneath: Color) -> Color:
    """One CSS colour value (`$name`, `$name 50%`, `auto 87%`, `#RRGGBBAA`), blended
    over `beneath` as Textual composes it. `auto` is Textual's contrast text: white or
    black, whichever suits what lies beneath."""
    words = spec.split()
    if words[0].startswith("$"):
        words = VARIABLES[words[0][1:]].split() + words[1:]
    alpha = 1.0
    for word in words[1:]:
        alpha *= float(word.rstrip("%")) / 100
    if words[0] == "auto":
        color = beneath.get_contrast_text(alpha)
    elif words[0] == "transparent":
        color = Color(0, 0, 0, 0)
    else:
        color = Color.parse(words[0])
        color = color.with_alpha(color.a * alpha)
    return beneath + color


def paint(background: tuple[str, ...], foreground: str) -> tuple[Color, Color]:
    """The opaque background (layers over the screen's `$background`) and text colour."""
    under = _layer("$background", Color(0, 0, 0))
    for layer in background:
        under = _layer(layer, under)
    return _layer(foreground, under), under


SURFACE = ("$surface",)
FOCUSED = ("$surface", "$foreground 5%")  # `background-tint: $foreground 5%` on :focus
PANEL = ("$panel",)
TOAST = ("$panel-lighten-1",)
BACKGROUNDS = {"background": ("$background",), "surface": SURFACE, "panel": PANEL}
COLOURED_TEXT = (
    *("text-primary", "text-secondary", "text-accent", "text-warning", "text-error"),
    *("text-success", "primary", "secondary", "accent", "warning", "error", "success"),
    *("foreground", "text", "text-muted"),
)

PAIRS: list[tuple[str, tuple[str, ...], str]] = [
    # Text on the three grounds every screen is made of: the screen ($background),
    # dialogs, inputs, lists and tables ($surface), and the header, the navigation bar
    # and the footer ($panel). The app's CSS writes $foreground, $text-muted (hints,
    # notes), $text-error / $error (field errors, sign-in error), $text-primary
    # (section titles); Rich markup and Textual widgets use the others.
    *(
        (f"${name}", ground, f"{name} on {where}")
        for name in COLOURED_TEXT
        for where, ground in BACKGROUNDS.items()
    ),
    # The footer: key letters and their descriptions (Footer, FooterKey).
    ("$footer-key-foreground", ("$footer-background",), "footer key"),
    ("$footer-description-foreground", ("$footer-background",), "footer description"),
    ("$footer-foreground", ("$footer-background",), "footer text"),
    # Tabs (TabbedContent): an inactive tab is `$foreground 50%`; the active tab of a
    # focused tab bar is the block cursor.
    ("$foreground 50%", ("$background",), "inactive tab"),
    ("$block-cursor-foreground", ("$block-cursor-background",), "focused active tab"),
    # Input (and the command palette's input): text, focused text, the cursor cell,
    # selected text, and the placeholder (`$text-disabled`), which carries the hint
    # of what to type, so it must be readable.
    ("$foreground", FOCUSED, "input text, focused"),
    ("$input-cursor-foreground", ("$input-cursor-background",), "input cursor cell"),
    ("$input-selection-foreground", (*SURFACE, "$input-selection-background"), "selection"),
    ("$text-disabled", SURFACE, "input placeholder"),
    ("$text-disabled", FOCUSED, "input placeholder, focused"),
    # TextArea: the suggestion and the placeholder.
    ("$text-muted", SURFACE, "text area suggestion"),
    # DataTable (the disclosure log) and OptionList / SelectionList / Select overlay
    # and the command palette's list: header row, cursor focused and blurred, the
    # fixed column, a disabled option.
    ("$foreground", PANEL, "data table header"),
    ("$block-cursor-foreground", ("$block-cursor-background",), "list / table cursor"),
    (
        "$block-cursor-blurred-foreground",
        (*SURFACE, "$block-cursor-blurred-background"),
        "list / table cursor, unfocused",
    ),
    ("$foreground", ("$secondary-muted",), "data table fixed column"),
    ("$text-disabled", SURFACE, "disabled option"),
    # Buttons: default, primary and error variants (the app uses these three), at
    # rest, focused (tinted; `b reverse` swaps the same two colours) and hovered.
    ("$button-foreground", SURFACE, "button"),
    ("$button-foreground", FOCUSED, "button, focused"),
    ("$button-foreground", ("$surface-darken-1",), "button, hovered"),
    ("$button-color-foreground", ("$primary",), "primary button"),
    ("$button-color-foreground", ("$primary-darken-2",), "primary button, hovered"),
    ("$button-color-foreground", ("$error",), "error button"),
    ("$button-color-foreground", ("$error-darken-2",), "error button, hovered"),
    # Checkbox / SelectionList: the ticked mark, and a focused label.
    ("$text-success", PANEL, "ticked box"),
    ("$block-cursor-foreground", ("$block-cursor-background",), "focused checkbox label"),
    # Select: the prompt before a value is chosen (`$foreground 50%`), and the value.
    ("$foreground 50%", SURFACE, "select prompt"),
    ("$foreground 50%", FOCUSED, "select prompt, focused"),
    ("$foreground", FOCUSED, "select value, focused"),
    # Notifications (Toast): body, title by severity (the app sends information,
    # warning and error notifications).
    ("$foreground", TOAST, "notification text"),
    ("$text-success", TOAST, "information title"),
    ("$text-warning", TOAST, "warning title"),
    ("$text-error", TOAST, "error title"),
    # Links: at rest and hovered (markup links in job descriptions and the policy).
    ("$link-color", ("$background",), "link"),
    ("$link-color-hover", ("$link-background-hover",), "link, hovered"),
    # Text selected with the mouse on any screen.
    ("$screen-selection-foreground", ("$screen-selection-background",), "selected text"),
]
"""(text colour, background layers over $background, what paints it)."""

PAIRS_LEFT_OUT = {
    "$panel-darken-2 on $panel": "the mark of an unticked Checkbox / SelectionList box, "
    "hidden on purpose: ticked reads as a visible X, unticked as none",
    "$foreground 25% on tabs, $text-disabled on buttons": "disabled controls, which "
    "WCAG 1.4.3 exempts",
    "$foreground 15%": "OptionList separators: lines, not text",
    "$foreground 40% (text area gutter)": "line numbers, which no text area shows",
    "$foreground on $accent-darken-1": "a DataTable's column-cursor header; the "
    "disclosure log uses a row cursor",
}


def _pair_id(pair: tuple[str, tuple[str, ...], str]) -> str:
    return pair[2]


@pytest.mark.parametrize("pair", PAIRS, ids=_pair_id)
def test_high_contrast_pair_meets_wcag_aa(pair: tuple[str, tuple[str, ...], str]) -> None:
    text, background, _where = pair
    foreground, ground = paint(background, text)
    ratio = contrast_ratio(foreground, ground)
    assert ratio >= AA_NORMAL_TEXT, f"{text} on {background}: {ratio:.2f}:1"


def test_selected_text_keeps_its_own_colour_only_when_readable() -> None:
    """`screen-selection-foreground: transparent` keeps each cell's own colour over a
    selection: then every coloured text must be readable on it, which the pairs above
    could not all be (white on 50% yellow is 4.2:1). The theme sets one opaque
    colour pair instead, checked above as "selected text"."""
    assert VARIABLES["screen-selection-foreground"] != "transparent"
