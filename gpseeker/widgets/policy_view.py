"""The platform's privacy policy: its summary, the whole text, and the notice shown
once when the policy changed since the candidate last saw it.

Every word of the policy comes from the server, so all of it is safe text. The notice
is checked by the app after it has connected (never before the first paint); this
module imports the models only inside functions, since app.py imports it lazily too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button

from gpseeker.widgets.dialog import Dialog
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join

if TYPE_CHECKING:
    from gpseeker.client import PlatformClient
    from gpseeker.core.models import PrivacyPolicy

__all__ = [
    "PolicyChangedDialog",
    "PolicyTextDialog",
    "check_policy_change",
    "policy_summary",
]


def policy_summary(policy: PrivacyPolicy) -> Content:
    """Version, date and whom to ask, in words."""
    contact = policy.contact
    lines = [
        safe_join(
            [
                safe_content("Privacy policy, version ", "bold"),
                safe_content(policy.version, "bold"),
                f", in effect since {policy.effective_date.isoformat()}",
            ]
        ),
        Content(""),
        safe_content("Questions about your personal information:", "bold"),
        safe_join(["  Operator: ", contact.operator]),
        safe_join(["  Address:  ", contact.address]),
        safe_join(["  E-mail:   ", contact.email]),
        safe_join(["  Hours:    ", contact.hours]),
    ]
    return Content("\n").join(lines)


_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s")


def reflow(text: str) -> str:
    """The policy's paragraphs as single lines, for the terminal to wrap.

    The platform sends text hard-wrapped for some other width; at 80 columns that
    wraps twice and leaves half-empty lines. A line that starts a list item or
    follows a blank line starts a new line; any other joins the one before.
    """
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if lines and line and lines[-1] and not _ITEM.match(line):
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line)
    return "\n".join(lines)


def _changes(policy: PrivacyPolicy) -> Content:
    if not policy.changes:
        return safe_content("The platform did not list what changed.")
    return Content("\n").join(safe_join(["• ", change]) for change in policy.changes)


class PolicyTextDialog(Dialog[None]):
    """The whole policy, scrollable by keys (the scroll has focus)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="policy_text.close"),
    ]

    CSS_PATH = "policy_view.tcss"

    def __init__(self, policy: PrivacyPolicy) -> None:
        super().__init__()
        self.policy = policy

    def compose(self) -> ComposeResult:
        policy = self.policy
        with Vertical():
            yield SafeText(
                safe_join(
                    [
                        "Privacy policy, version ",
                        policy.version,
                        f", in effect since {policy.effective_date.isoformat()}",
                    ]
                ),
                id="policy-text-title",
            )
            with VerticalScroll(id="policy-text-scroll", can_focus=True):
                yield SafeText(reflow(policy.text), id="policy-text")
            with Horizontal():
                yield SafeText("Arrows and Page Up/Down scroll · Esc closes", id="policy-text-keys")
                yield Button("Close", id="policy-text-close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#policy-text-scroll").focus()

    @on(Button.Pressed, "#policy-text-close")
    def _close(self) -> None:
        self.dismiss(None)


class PolicyChangedDialog(Dialog[None]):
    """The notice "The privacy policy changed": the new version, its date, what changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "OK", id="policy_changed.ok"),
    ]

    CSS_PATH = "policy_view.tcss"

    def __init__(self, policy: PrivacyPolicy) -> None:
        super().__init__()
        self.policy = policy

    def compose(self) -> ComposeResult:
        policy = self.policy
        with VerticalScroll():
            yield SafeText("The privacy policy changed", id="policy-changed-title")
            yield SafeText(
                safe_join(
                    [
                        "Version ",
                        policy.version,
                        f", in effect since {policy.effective_date.isoformat()}. What changed:",
                    ]
                ),
                id="policy-changed-version",
            )
            yield SafeText(_changes(policy), id="policy-changed-list")
            yield SafeText("Read the whole policy on the Account screen: F7, then 3, then t.")
            with Horizontal():
                yield Button("OK", id="policy-changed-ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#policy-changed-ok", Button).focus()

    @on(Button.Pressed, "#policy-changed-ok")
    def _ok(self) -> None:
        self.dismiss(None)


async def check_policy_change(
    app: App[None], client: PlatformClient, config_dir: Path, server: str | None
) -> None:
    """Show the notice if the policy differs from the version last seen on `server`
    (None: the local demo platform), then remember this version.

    Remembered only once the candidate has dismissed the notice: a crash before that
    shows it again next time.
    """
    from gpseeker.client import PlatformError
    from gpseeker.local.policy_notice import PolicySeen

    try:
        policy = await client.policy()
    except PlatformError:
        return  # the Account screen says why when the candidate opens it
    seen = PolicySeen(config_dir)
    if not seen.changed(server, policy):
        return
    # Not push_screen_wait: the worker ends now rather than wait on the candidate.
    app.push_screen(PolicyChangedDialog(policy), lambda _: seen.remember(server, policy))
