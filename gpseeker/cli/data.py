"""`gpseeker data ...`: the candidate's own data: export it, read the disclosure log,
ask an employer to forget an application, and delete the account.

"Nothing about you is hidden from you": each of these is one plain command, so a
screen-reader user or a script can do what the Account screen does. Deleting asks for
the account's e-mail address typed again, not a y/N: it cannot be undone, and a
typed address is much harder to give by reflex than a "y".
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path

import platformdirs

from gpseeker.cli import output
from gpseeker.cli.apply import confirm
from gpseeker.cli.context import CliError, seeker_client, server_of, server_option, tokens
from gpseeker.cli.jobs import job_id
from gpseeker.cli.output import field, line, when
from gpseeker.cli.registry import Commands
from gpseeker.cli.views import erase_request_fields, sender
from gpseeker.client import ValidationFailed
from gpseeker.core.disclosure_log import LogEntry, build_log, employers, filter_by_employer
from gpseeker.core.models import Application, DataExport
from gpseeker.core.text import clean_line, sentence
from gpseeker.local.config import Paths, write_file_atomically
from gpseeker.local.local_data import erase_local_traces

CONFIRM_EMAIL_ENV = "GPSEEKER_CONFIRM_EMAIL"
STDOUT = "-"
# An application the employer may still be acting on; asking to erase it withdraws it.
_FINISHED = ("withdrawn", "rejected")


def register(commands: Commands) -> None:
    group = commands.add_parser(
        "data",
        help="export your data, read the disclosure log, ask employers to forget you",
        description="Your data: export it, see every disclosure, ask an employer to "
        "erase an application, or delete your account.",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    server = server_option()
    as_json = output.json_option()

    summary = "save everything the platform holds about you to a JSON file"
    export = actions.add_parser(
        "export",
        parents=[server],
        help=summary,
        description=f"{sentence(summary[0].upper() + summary[1:])} Only you can read the "
        "file (mode 0600). PATH - writes to standard output.",
    )
    export.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="where to write (default: gpseeker-export-YYYY-MM-DD.json in your Documents "
        "folder, or your home folder if there is none)",
    )
    export.add_argument("--force", action="store_true", help="replace the file if it exists")
    export.set_defaults(handler=_export)

    summary = "list every time your details went to an employer, and who opened your profile"
    disclosures = actions.add_parser(
        "disclosures", parents=[server, as_json], help=summary, description=summary
    )
    disclosures.add_argument(
        "--employer", metavar="NAME", help="only employers whose name contains NAME"
    )
    disclosures.set_defaults(handler=_disclosures)

    summary = "ask the employer that received an application to erase it"
    forget = actions.add_parser(
        "forget",
        parents=[server],
        help=summary,
        description=f"{sentence(summary[0].upper() + summary[1:])} An application still "
        "active is withdrawn first. The employer answers through the platform; "
        "gpseeker data disclosures shows the answer.",
    )
    forget.add_argument(
        "application_id",
        type=job_id,
        metavar="APPLICATION_ID",
        help="the application's number, as in 'Application 7' (gpseeker applications)",
    )
    forget.add_argument("--yes", action="store_true", help="ask the employer without asking you")
    forget.set_defaults(handler=_forget)

    summary = "delete your account and everything the platform holds about you"
    delete = actions.add_parser(
        "delete",
        parents=[server],
        help=summary,
        description=f"{sentence(summary[0].upper() + summary[1:])} You confirm by typing "
        f"your e-mail address (or give it with --confirm-email or {CONFIRM_EMAIL_ENV}). "
        "It cannot be undone.",
    )
    delete.add_argument(
        "--confirm-email",
        metavar="ADDRESS",
        help=f"your account's e-mail address, for scripts (or set {CONFIRM_EMAIL_ENV})",
    )
    delete.set_defaults(handler=_delete)


# --- export ------------------------------------------------------------------------------


def default_export_path(today: dt.date | None = None) -> Path:
    name = f"gpseeker-export-{(today or dt.date.today()).isoformat()}.json"
    documents = platformdirs.user_documents_path()
    return (documents if documents.is_dir() else Path.home()) / name


async def _export(args: argparse.Namespace) -> int:
    path = _export_target(args)
    async with await seeker_client(args) as client:
        export = await client.export()
    if path is None:
        output.print_json(export)
        return 0
    try:
        # 0600 from the first byte: the file holds the whole profile and every message.
        write_file_atomically(path, output.json_text(export), mode=0o600)
    except OSError as problem:
        raise CliError(f"cannot write {path}: {problem.strerror or problem}") from None
    line(f"Wrote your data to {path}")
    line("Only you can read this file; it holds your whole profile, so keep it safe.")
    line()
    for label, count in export_counts(export):
        field(label, count)
    return 0


def _export_target(args: argparse.Namespace) -> Path | None:
    """Where the export goes (None: standard output), refused if it cannot go there.

    Checked before the platform is asked: an export holds everything, and fetching it
    only to refuse to write it would be a wasted wait.
    """
    if args.path == STDOUT:
        return None
    path = Path(args.path or default_export_path()).expanduser()
    if path.exists() and not args.force:
        raise CliError(f"{path} already exists: add --force to replace it, or give another PATH")
    if not path.parent.is_dir():
        # write_file_atomically would create it (0700); a typo should not make folders.
        raise CliError(f"there is no folder {path.parent} to write {path.name} in")
    return path


def export_counts(export: DataExport) -> list[tuple[str, int]]:
    """How many records of each kind the export holds, as its summary says."""
    return [
        ("Profile", 1),
        ("Applications", len(export.applications)),
        ("Invitations", len(export.invitations)),
        ("Disclosures", len(export.disclosures)),
        ("Profile views", len(export.profile_views)),
        ("Erase requests", len(export.erase_requests)),
        ("Blocked companies", len(export.blocked_companies)),
        ("Saved jobs", len(export.saved_jobs)),
        ("Saved searches", len(export.saved_searches)),
    ]


# --- the disclosure log ------------------------------------------------------------------


async def _disclosures(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        log = build_log(await client.disclosures(), await client.profile_views())
    shown = filter_by_employer(log, args.employer)
    if args.employer and not shown and log and not args.json:
        line(f"Nothing in your log from an employer named like {clean_line(args.employer)!r}.")
        line(f"Employers in your log: {', '.join(employers(log))}")
        return 0
    return output.listing(
        shown,
        log_entry_fields,
        as_json=args.json,
        empty="Your details have not been sent to any employer, "
        "and no employer has opened your profile.",
        whole=[_entry_data(entry) for entry in shown],
    )


def log_entry_fields(entry: LogEntry) -> list[tuple[str, object]]:
    """One entry as a labelled block; a label with nothing to say is left out rather
    than read aloud as "not set" in every profile view."""
    fields: list[tuple[str, object]] = [
        ("When", when(entry.at)),
        ("Employer", sender(entry.employer_name, entry.employer_status)),
        ("What", entry.what),
    ]
    if entry.job_title:
        job = entry.job_title
        if entry.application_id is not None:
            job = f"{job} (application {entry.application_id})"
        fields.append(("Job", job))
    fields.append(("Why", entry.why))
    if entry.erase_state is not None:
        fields.append(("Erase request", entry.erase_words))
    elif entry.application_id is not None:
        fields.append(
            ("Erase request", f"none; to ask: gpseeker data forget {entry.application_id}")
        )
    return fields


def _entry_data(entry: LogEntry) -> dict[str, object]:
    data = dataclasses.asdict(entry)
    data["at"] = entry.at.isoformat()
    return data


# --- forget one application --------------------------------------------------------------


async def _forget(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        # Read first, to name the employer and job in the question and to say whether
        # the application will be withdrawn: "forget 7?" is easy to say yes to wrongly.
        found = [a for a in await client.applications() if a.id == args.application_id]
        if not found:
            raise CliError(
                f"you have no application {args.application_id} (gpseeker applications lists them)"
            )
        application = found[0]
        asked = [r for r in await client.erase_requests() if r.application_id == application.id]
        if asked:
            line(f"You already asked about application {application.id}:")
            _show_request_fields(erase_request_fields(asked[0]))
            return 0
        _explain_forget(application)
        company = clean_line(application.company_name)
        if not args.yes and not confirm(
            f"Ask {company} to erase your application?", declined="nothing was asked"
        ):
            line("Nothing was asked.")
            return 1
        request = await client.request_erasure(application.id)
    line(sentence(f"Asked {company} to erase your application"))
    _show_request_fields(erase_request_fields(request))
    line()
    line("The employer answers through the platform; see it in: gpseeker data disclosures")
    return 0


def _explain_forget(application: Application) -> None:
    company = clean_line(application.company_name)
    field(f"Application {application.id}", application.job_title)
    field("Company", application.company_name)
    field("Status", output.term(application.status))
    line()
    line(f"This asks {company}, through the platform, to erase this application and the")
    line("details you sent with it.")
    if application.status not in _FINISHED:
        line("The application is withdrawn first: an employer cannot go on considering")
        line("an application it has erased.")
    line(f"{company} answers done or refused; a refusal comes with its reason.")
    line()


def _show_request_fields(fields: list[tuple[str, object]]) -> None:
    for label, value in fields:
        field(label, value)


# --- delete the account ------------------------------------------------------------------


async def _delete(args: argparse.Namespace) -> int:
    server = server_of(args)
    async with await seeker_client(args) as client:
        applications = await client.applications()
        _explain_delete(applications)
        typed = _confirm_email(args)
        try:
            receipt = await client.delete_account(typed)
        except ValidationFailed as problem:
            if any(f.path == "confirm_email" for f in problem.fields):
                raise CliError(
                    "nothing was deleted: that is not the e-mail address of this account"
                ) from None
            raise
    removed = erase_local_traces(Paths.current().data_dir, tokens(), server)
    line(f"Deleted the account {receipt.email} on {when(receipt.deleted_at)}.")
    if receipt.employers_with_applications:
        line("These employers may keep their copy of your application, as the law allows:")
        for name in receipt.employers_with_applications:
            line(f"- {name}")
    if removed:
        line("Erased from this computer:")
        for path in removed:
            line(f"- {path}")
    else:
        line("Nothing of the account was kept on this computer.")
    line(f"Signing in as {receipt.email} will now fail.")
    if server is None:
        line("The next gpseeker command starts a new, empty local account.")
    return 0


def _explain_delete(applications: list[Application]) -> None:
    line("Deleting your account erases your profile, applications, messages and")
    line("everything else the platform holds about you. It cannot be undone.")
    line("To keep a copy first: gpseeker data export")
    line()
    names = sorted({a.company_name for a in applications}, key=str.casefold)
    if not names:
        line("No employer has received an application from you.")
    else:
        line("These employers received an application from you and may keep their copy")
        line("of it, as the law allows:")
        for name in names:
            line(f"- {name}")
        line("To ask one to erase it first: gpseeker data forget APPLICATION_ID")
        line("(gpseeker applications lists the numbers).")
    line()


def _confirm_email(args: argparse.Namespace) -> str:
    """The address typed again: --confirm-email, the environment, or standard input.

    Like a password, a pipe's first line is the answer; at a terminal the question
    is asked. Nothing typed means nothing is deleted.
    """
    typed = args.confirm_email or os.environ.get(CONFIRM_EMAIL_ENV)
    if not typed:
        if sys.stdin.isatty():
            sys.stdout.write("Type your e-mail address to delete your account: ")
            sys.stdout.flush()
        typed = sys.stdin.readline().strip()  # "" at end of input: nothing typed
    if not typed:
        raise CliError(
            "nothing was deleted: no e-mail address was typed "
            f"(or give it with --confirm-email or {CONFIRM_EMAIL_ENV})"
        )
    return typed.strip()
