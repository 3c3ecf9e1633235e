"""A JobMail digest as an e-mail: our headers, the employers' words in the body only.

Everything an employer wrote (titles, company names, places) is untrusted: it goes
into the plain-text body through `gpseeker.core.text.clean_line`, so no escape sequence
or control character reaches a terminal mail reader, and never into a header. The
Subject is ours (a count), and the email package refuses a newline in any header.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from email.message import EmailMessage
from urllib.parse import urlsplit

from gpseeker.core.job_words import job_salary, where_words
from gpseeker.core.models import Job
from gpseeker.core.text import clean_line
from gpseeker.core.vocabulary import words
from gpseeker.server.mail.digest import Digest


def base_url(public_url: str) -> str:
    return public_url.rstrip("/")


def unsubscribe_url(public_url: str, token: str) -> str:
    return f"{base_url(public_url)}/api/v1/unsubscribe/{token}"


def job_url(public_url: str, job_id: int) -> str:
    """The job's public page (`routes/public_jobs.py`): it opens in any browser without
    signing in, where the JSON API would answer 401."""
    return f"{base_url(public_url)}/jobs/{job_id}"


def subject(digest: Digest) -> str:
    count = digest.job_count
    jobs = "job" if count == 1 else "jobs"
    searches = "search" if len(digest.sections) == 1 else "searches"
    return f"JobMail: {count} new {jobs} for your saved {searches}"


def _job_lines(job: Job, public_url: str) -> list[str]:
    return [
        f"- {clean_line(job.title)}",
        f"  {clean_line(job.company_name)}, {clean_line(where_words(job))}, {words(job.remote)}",
        f"  {clean_line(job_salary(job))}",
        f"  Job {job.id}: {job_url(public_url, job.id)}",
    ]


def body(digest: Digest, public_url: str, unsubscribe: str, since: dt.datetime) -> str:
    lines = [
        f"New jobs for your saved searches, posted since {since:%Y-%m-%d %H:%M} UTC.",
        "",
    ]
    for section in digest.sections:
        count = len(section.jobs)
        lines.append(f'Saved search "{clean_line(section.search_name)}": {count} new')
        for job in section.jobs:
            lines.extend(_job_lines(job, public_url))
        if section.more:
            lines.append("  More new jobs match: run this search in gpseeker to see them all.")
        lines.append("")
    lines += [
        "You get this mail because you turned JobMail on in gpseeker.",
        "To stop it, open this link and confirm (one step), or turn JobMail off",
        "in gpseeker:",
        unsubscribe,
        "",
    ]
    return "\n".join(lines)


def digest_message(
    *,
    digest: Digest,
    mail_from: str,
    to: str,
    public_url: str,
    token: str,
    since: dt.datetime,
    now: dt.datetime,
) -> EmailMessage:
    """The digest with RFC 8058 one-click unsubscribe headers for `token`."""
    link = unsubscribe_url(public_url, token)
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = to
    message["Subject"] = subject(digest)
    message["Date"] = email.utils.format_datetime(now)
    message["Message-ID"] = email.utils.make_msgid(
        "jobmail", domain=urlsplit(public_url).hostname or "gpseeker.invalid"
    )
    message["List-Unsubscribe"] = f"<{link}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies, please
    message.set_content(body(digest, public_url, link, since))
    return message
