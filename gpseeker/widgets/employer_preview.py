"""An EmployerPreview shown as linear, labelled text: what an employer would read.

One label and value per line, in the order an employer's screen lists them, so a
screen reader reads it top to bottom. Every value came from the profile (the
candidate's own words, but stored on and sent back by a server), so values go
through safe text; the labels are ours. Each leak-guard replacement is the literal
"[hidden]" in reverse video, so it stands out without colour, and the reasons are
listed under the view in words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from gpseeker.core.models import EmployerPreview, EmployerView, Redaction
from gpseeker.core.privacy import HIDDEN
from gpseeker.core.vocabulary import words
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join

__all__ = ["EmployerPreviewPanel", "preview_content"]

HIDDEN_STYLE = "bold reverse"
"""Reverse video reads in 16 colours, under NO_COLOR and in every theme."""

_HIDDEN_RE = re.compile(re.escape(HIDDEN))
_NOT_SHOWN = "not shown (you chose to hide it)"


def _listing(values: Sequence[str]) -> str:
    return ", ".join(values) if values else "(none)"


def _line(label: str, value: str | Content) -> Content:
    shown = value if isinstance(value, Content) else safe_content(value or "(none)")
    return safe_join([f"{label}: ", shown])


def _salary(amount: int | None) -> str:
    return f"at least ¥{amount:,} a year" if amount is not None else "(none)"


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else "(none)"


def _location(view: EmployerView) -> str:
    location = view.location
    parts = [location.city, location.prefecture, location.region, location.country]
    return ", ".join(part for part in parts if part)


def _experience(view: EmployerView) -> list[Content]:
    if not view.experience:
        return [_line("Experience", "(none)")]
    lines = [Content("Experience:")]
    for number, entry in enumerate(view.experience, 1):
        industry = f", {entry.industry}" if entry.industry else ""
        lines.append(safe_join([f"  {number}. ", entry.title, industry, f", {entry.years} years"]))
        if entry.company is not None:
            lines.append(safe_join(["     Company: ", entry.company]))
        if entry.description:
            lines.append(safe_join(["     ", entry.description]))
    return lines


def _education(view: EmployerView) -> list[Content]:
    if not view.education:
        return [_line("Education", "(none)")]
    lines = [Content("Education:")]
    for number, item in enumerate(view.education, 1):
        parts = [words(item.level), item.field, item.school or ""]
        lines.append(safe_join([f"  {number}. ", ", ".join(part for part in parts if part)]))
    return lines


def _languages(view: EmployerView) -> str:
    text = f"Japanese {view.japanese}, English {words(view.english)}"
    if view.other_languages:
        text += ", also " + ", ".join(view.other_languages)
    return text


def _identity(view: EmployerView) -> list[Content]:
    """Application context only: what the employer applied to learns about who you are.

    The view is built with every optional detail disclosed (the most that employer
    could receive), so phone and address carry the condition under which they go.
    """
    on_request = " (only if you tick it in the apply dialog)"
    return [
        _line("Name", view.full_name or "(none)"),
        _line("E-mail", view.email or "(none)"),
        safe_join(["Phone: ", view.phone or "(none)", on_request if view.phone else ""]),
        safe_join(
            ["Postal address: ", view.address or "(none)", on_request if view.address else ""]
        ),
        _line("Current company", view.current_company or "(none)"),
    ]


def preview_content(preview: EmployerPreview) -> Content:
    """The whole view as one Content, "[hidden]" marked, reasons listed at the end."""
    view = preview.view
    lines: list[Content] = []
    if view.context == "application":
        lines.extend(_identity(view))
    lines.append(_line("Headline", view.headline))
    lines.append(Content("Summary:"))
    lines.append(safe_content(view.summary or "(none)"))
    lines.append(_line("Skills", _listing(view.skills)))
    lines.extend(_experience(view))
    lines.extend(_education(view))
    lines.append(_line("Languages", _languages(view)))
    lines.append(_line("Visa status", words(view.visa_status or "(none)")))
    lines.append(_line("Location", _location(view)))
    lines.append(_line("Desired jobs", _listing(view.desired_jobs)))
    lines.append(_line("Job types", _listing([words(kind) for kind in view.job_types])))
    lines.append(_line("Preferred prefectures", _listing(view.preferred_prefectures)))
    lines.append(_line("Remote work", _listing(view.remote)))
    lines.append(_line("Salary", _salary(view.min_salary_jpy)))
    lines.append(_line("Can start", _date(view.start_date)))
    lines.append(_line("Age", view.age_band or _NOT_SHOWN))
    lines.append(_line("Gender", words(view.gender) if view.gender else _NOT_SHOWN))
    lines.append(_line("Nationality", view.nationality or _NOT_SHOWN))
    lines.append(Content(""))
    lines.extend(_reasons(preview.redactions))
    body = Content("\n").join(lines)
    return body.highlight_regex(_HIDDEN_RE, style=HIDDEN_STYLE)


def _reasons(redactions: Sequence[Redaction]) -> list[Content]:
    if not redactions:
        return [Content("Nothing was hidden by the leak guard.")]
    count = len(redactions)
    noun = "replacement" if count == 1 else "replacements"
    lines = [Content(f"Hidden by the leak guard ({count} {noun}, shown as {HIDDEN}):")]
    # Reasons are built by privacy.py from our own words plus the candidate's titles.
    lines.extend(safe_join(["  - ", redaction.reason]) for redaction in redactions)
    return lines


class EmployerPreviewPanel(Vertical):
    """A heading that says which view this is, a note, and the view itself."""

    DEFAULT_CSS = """
    EmployerPreviewPanel {
        height: auto;
    }
    EmployerPreviewPanel > .preview--heading {
        text-style: bold;
    }
    EmployerPreviewPanel > .preview--note {
        color: $text-muted;
        margin-bottom: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", classes="preview--heading", markup=False)
        yield Static("", classes="preview--note", markup=False)
        yield SafeText("Loading your profile…", classes="preview--body")

    def show(
        self,
        heading: str,
        note: str,
        preview: EmployerPreview | None,
    ) -> None:
        """`heading` and `note` are our own words; `preview` None means no profile yet."""
        self.query_one(".preview--heading", Static).update(heading)
        self.query_one(".preview--note", Static).update(note)
        body = self.query_one(".preview--body", SafeText)
        if preview is None:
            body.set_text("Your profile has not loaded yet.")
        else:
            body.set_text(preview_content(preview))
