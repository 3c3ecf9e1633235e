"""A listed job as a small HTML page anyone can open: where a JobMail link leads.

The JSON API answers a browser without a bearer token with a 401 body, so a digest
linking there left the reader with nothing. This page needs no sign-in and shows what
any seeker's search shows of a listed job, nothing more: no saved or applied marks,
nothing about the reader. Applying stays in gpseeker, where the candidate sees what
the employer will receive; the page says how.

Every value an employer wrote (title, company, place, skills, description) goes
through `gpseeker.core.text.clean` and then `html.escape`, so it is text and never markup,
and the page carries a Content-Security-Policy that lets it load nothing, run no
script and submit no form, with its one style allowed by hash: even markup that
slipped through would do nothing.
"""

from __future__ import annotations

import base64
import hashlib
import html

from gpseeker.core.job_words import job_salary, where_words
from gpseeker.core.models import Job
from gpseeker.core.text import clean, clean_line
from gpseeker.core.vocabulary import sender_words, words
from gpseeker.server.settings import JST

__all__ = ["HEADERS", "job_page", "not_found_page"]

_STYLE = (
    "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:42rem;"
    "margin:2rem auto;padding:0 1rem}"
    "dt{font-weight:bold}dd{margin:0 0 .5rem 0}"
    ".description{white-space:pre-wrap;overflow-wrap:anywhere}"
    ".closed{font-weight:bold;border:2px solid;padding:.5rem}"
)
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()

HEADERS = {
    # Nothing to load, nothing to run, nowhere to post, no framing; only the style
    # above, by its hash.
    "Content-Security-Policy": (
        f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    # The link carries only the job's number, but where the reader goes next is theirs.
    "Referrer-Policy": "no-referrer",
    # For the mail's reader, not for search engines: the board is searched in gpseeker.
    "X-Robots-Tag": "noindex",
    # A job closes or is taken down: always ask again rather than show a stale copy.
    "Cache-Control": "no-cache",
}
"""Headers of every answer of the page, the 404 included."""


def _text(value: str) -> str:
    """Untrusted text as HTML text: cleaned of controls, then escaped."""
    return html.escape(clean(value), quote=True)


def _line(value: str) -> str:
    """Untrusted text that must stay on one line (a title, a name)."""
    return html.escape(clean_line(value), quote=True)


def _document(title: str, body: str) -> str:
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _level(value: str, *, none: str) -> str:
    return none if value == "none" else f"{words(value)} or better"


def job_page(job: Job) -> str:
    """The page of one listed job, open or closed."""
    title, company = _line(job.title), _line(job.company_name)
    facts = [
        ("Where", f"{where_words(job)}, {words(job.remote)}"),
        ("Salary", job_salary(job)),
        ("Type", f"{words(job.job_type)}, {words(job.category)}"),
        ("Japanese", _level(job.japanese_required, none="not required")),
        ("English", _level(job.english_required, none="not required")),
        ("Visa sponsorship", _yes_no(job.visa_sponsorship)),
        ("Apply from overseas", _yes_no(job.apply_from_overseas)),
        ("Skills", ", ".join(job.skills) or "none listed"),
        ("Posted", job.posted_at.astimezone(JST).date().isoformat()),
    ]
    if job.status == "open":
        facts.append(
            ("Closes", job.closes_at.isoformat() if job.closes_at else "open until filled")
        )
    listed = "".join(f"<dt>{name}</dt><dd>{_line(value)}</dd>\n" for name, value in facts)
    state = (
        ""
        if job.status == "open"
        else '<p class="closed">This job is closed: it no longer takes applications.</p>\n'
    )
    body = (
        f"<h1>{title}</h1>\n"
        f"<p>{html.escape(sender_words(clean_line(job.company_name), 'verified'))}</p>\n"
        f"{state}<dl>\n{listed}</dl>\n"
        f'<h2>Description</h2>\n<div class="description">{_text(job.description)}</div>\n'
        "<h2>Apply</h2>\n"
        "<p>Apply in gpseeker, where you see exactly what the employer will receive "
        "before anything is sent: open the app and search for the job, or run "
        f"<code>gpseeker jobs show {job.id}</code> and "
        f"<code>gpseeker apply {job.id}</code>.</p>\n"
    )
    return _document(f"{title} at {company}: gpseeker", body)


def not_found_page() -> str:
    """The answer for a job that is not listed (never was, taken down, or held)."""
    return _document(
        "Job not found: gpseeker",
        "<h1>This job is not on the board</h1>\n"
        "<p>It may have been taken down by its employer or by the platform. "
        "Search for jobs like it in gpseeker.</p>\n",
    )
