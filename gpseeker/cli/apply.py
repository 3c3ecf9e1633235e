"""`gpseeker apply ID`: apply to one job, knowing exactly what that employer receives.

Applying is consent, to one employer, for one job. So the command first prints the
job, then the very view the employer will receive (built locally with
`privacy.employer_view` from the saved profile, the same function the server uses),
then asks. Without a terminal to ask in, and without --yes, nothing is sent.

The cover note goes through the leak guard here first (`gpseeker.core.send_check`, on the
saved profile): the note is printed as the employer will receive it, each hidden part
is listed with its reason, and the one question asks to send it all as shown.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
import uuid
from pathlib import Path

from gpseeker.cli.context import CliError, seeker_client, server_option
from gpseeker.cli.jobs import job_id
from gpseeker.cli.output import field, line
from gpseeker.cli.registry import Commands
from gpseeker.cli.views import application_fields, show_employer_view, where
from gpseeker.client import ConflictError, PlatformClient, PlatformError
from gpseeker.core.models import Application, ApplicationRequest, Job, OptionalDisclosure, Profile
from gpseeker.core.privacy import employer_view
from gpseeker.core.send_check import COVER_NOTE, SendCheck, check_before_sending
from gpseeker.core.text import clean_line, sentence

ALREADY_APPLIED = (
    "you have already applied to this job; nothing new was sent (gpseeker applications)"
)
# The reference an employer gets is issued by the platform when the application
# arrives; the local preview cannot know it, and says so instead of inventing one.
REFERENCE_PLACEHOLDER = "given by the platform when you apply"


def register(commands: Commands) -> None:
    summary = "apply to a job, after seeing exactly what the employer will receive"
    parser = commands.add_parser(
        "apply",
        parents=[server_option()],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}. The employer receives your "
        "name and e-mail address, your profile as shown, and your cover note; your phone "
        "number and address only if you add --share-phone or --share-address.",
    )
    parser.add_argument("id", type=job_id, metavar="ID", help="the job's number, as in 'Job 12'")
    parser.add_argument(
        "--share-phone", action="store_true", help="also send your phone number to this employer"
    )
    parser.add_argument(
        "--share-address",
        action="store_true",
        help="also send your postal address to this employer",
    )
    note = parser.add_mutually_exclusive_group()
    note.add_argument("--note", metavar="TEXT", default="", help="a cover note to the employer")
    note.add_argument(
        "--note-file", type=Path, metavar="PATH", help="read the cover note from a file"
    )
    parser.add_argument(
        "--yes",
        action="store_true",
        help="send without asking (needed when there is no terminal to ask in)",
    )
    parser.set_defaults(handler=_apply)


def confirm(question: str, *, declined: str) -> bool:
    """Ask a yes/no question in the terminal; anything but yes is no.

    Without a terminal (a pipe, a script, cron) there is nobody to ask, and a missing
    answer must never count as consent: that is an error naming --yes. `declined`
    says what did not happen, e.g. "nothing was sent".
    """
    if not sys.stdin.isatty():
        raise CliError(
            f"{declined}: there is no terminal to confirm in; add --yes to go ahead without asking"
        )
    sys.stdout.write(f"{clean_line(question)} [y/N] ")
    sys.stdout.flush()
    answer = sys.stdin.readline()  # "" at end of input (Ctrl+D): no answer, so no
    return answer.strip().casefold() in ("y", "yes")


def show_hidden(check: SendCheck) -> None:
    """What the leak guard hides from a text about to be sent, and why, in words;
    nothing when it hides nothing. Printed right under the text as it will be sent."""
    if not check.hides_something:
        return
    line()
    line(check.heading)
    for reason in check.reasons:
        line(f"  - {reason}")


def as_shown(check: SendCheck) -> str:
    """The words that make the one question before sending ask about the text as
    printed ("Send your reply to X as shown?") when the leak guard changed it: the
    hidden parts are asked about in that same question, never in a second one."""
    return " as shown" if check.hides_something else ""


def closed_message(job: Job, *, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    if job.closes_at is not None and job.closes_at <= today:
        return f"this job closed on {job.closes_at.isoformat()}; nothing was sent"
    return "this job is closed to applications; nothing was sent"


async def _apply(args: argparse.Namespace) -> int:
    disclose: list[OptionalDisclosure] = []
    if args.share_phone:
        disclose.append("phone")
    if args.share_address:
        disclose.append("address")
    # Built (and so checked: a note over 5,000 characters) before anything is shown
    # or asked, so a refusal never comes after the user said yes.
    request = ApplicationRequest(cover_note=_read_note(args), disclose=disclose)

    async with await seeker_client(args) as client:
        job = await client.get_job(args.id)
        if job.status == "closed":
            raise CliError(closed_message(job))
        if job.applied:
            raise CliError(ALREADY_APPLIED)
        profile = (await client.get_profile()).profile
        _check_shareable(profile, disclose)
        check = check_before_sending(request.cover_note, profile, COVER_NOTE, disclose)
        # Validated again: "[hidden]" may be longer than what it replaces.
        request = ApplicationRequest(cover_note=check.sent, disclose=disclose)
        visibility = await client.get_visibility()
        view = employer_view(
            profile, visibility, "application", REFERENCE_PLACEHOLDER, disclose=disclose
        )

        company = clean_line(job.company_name)
        field(f"Job {job.id}", job.title)
        field("Company", job.company_name)
        field("Where", where(job))
        line()
        line(f"{company} will receive, for this job only:")
        show_employer_view(view)
        field("Cover note", request.cover_note or "none")
        show_hidden(check)
        line()
        line("Optional details:")
        for name, flag in (("phone", "--share-phone"), ("address", "--share-address")):
            field(
                name.capitalize(),
                f"included ({flag})"
                if name in disclose
                else f"not included (add {flag} to include it)",
            )
        line()
        question = f"Send your application to {company}{as_shown(check)}?"
        if not args.yes and not confirm(question, declined="nothing was sent"):
            line("Nothing was sent.")
            return 1

        application = await _send(client, job, request)

    line(sentence(f"Sent your application to {company}"))
    line()
    for label, value in application_fields(application):
        field(label, value)
    line()
    line("Follow it with: gpseeker applications")
    return 0


async def _send(client: PlatformClient, job: Job, request: ApplicationRequest) -> Application:
    # One key for this invocation: the client sends it with every retry of this one
    # request, so a retry after a timeout (the first try may have arrived) is
    # recognised by the platform and never becomes a second application.
    key = str(uuid.uuid4())
    try:
        return await client.apply(job.id, request, idempotency_key=key)
    except ConflictError as problem:
        if problem.code == "already_applied":
            raise CliError(ALREADY_APPLIED) from None
        if problem.code == "job_closed":
            # It closed while the user read the preview: read the job again for its date.
            with contextlib.suppress(PlatformError):  # keep the first answer's job then
                job = await client.get_job(job.id)
            raise CliError(closed_message(job)) from None
        raise


def _read_note(args: argparse.Namespace) -> str:
    if args.note_file is None:
        return str(args.note)
    try:
        return str(args.note_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as problem:
        reason = getattr(problem, "strerror", None) or str(problem)
        raise CliError(f"cannot read the cover note from {args.note_file}: {reason}") from None


def _check_shareable(profile: Profile, disclose: list[OptionalDisclosure]) -> None:
    """Refuse to "share" a detail the profile does not have: the user would believe the
    employer got a phone number that was never sent."""
    if "phone" in disclose and not profile.identity.phone:
        raise CliError(
            "--share-phone: your profile has no phone number; add it with "
            "gpseeker profile set identity.phone NUMBER, or leave --share-phone out"
        )
    if "address" in disclose and profile.identity.address is None:
        raise CliError(
            "--share-address: your profile has no postal address; add it with "
            "gpseeker profile set identity.address.city CITY (and the other address "
            "fields), or leave --share-address out"
        )
