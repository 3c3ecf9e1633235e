"""`gpseeker operator ...`: run a platform: check employer organisations, merge
duplicates, suspend abusers, approve accounts and work through candidates' reports.

Only an organisation the operator verified reaches the resume bank, masked profiles
and invitations, and candidates see it under the legal name verified here, never a
name an account typed. Operator accounts are never created by a signup: `operator
add` writes one straight to the platform's database, on the machine that runs it.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from pydantic import EmailStr, TypeAdapter, ValidationError

from gpseeker.cli import output
from gpseeker.cli.account import sign_out
from gpseeker.cli.context import (
    CliError,
    operator_client,
    read_password,
    remember,
    remote_server,
    server_option,
)
from gpseeker.cli.jobs import job_id
from gpseeker.cli.mail import DEFAULT_DATABASE, default_database
from gpseeker.cli.output import field, line, when
from gpseeker.cli.registry import Commands
from gpseeker.cli.views import member_lines, organisation_status_words
from gpseeker.client import NotFoundError, OperatorClient
from gpseeker.core.models import OperatorReport, Organisation, OrganisationStatus, ReportState
from gpseeker.core.text import clean_line

MIN_PASSWORD = 10
"""As for any account (SignupRequest): an operator's password guards the whole platform."""

STATUSES: tuple[OrganisationStatus, ...] = ("pending", "verified", "suspended", "merged")

_REPORT_WORDS: dict[ReportState, str] = {
    "open": "open: waiting for you",
    "resolved": "resolved",
    "dismissed": "dismissed",
}

VERIFY_HINT = (
    "Verify one: gpseeker operator verify ID --legal-name NAME "
    "[--also-known-as NAME]... [--domain DOMAIN]..."
)
CLOSE_HINT = "Close one: gpseeker operator close-report ID --resolved|--dismissed [--outcome TEXT]"


def register(commands: Commands) -> None:
    group = commands.add_parser(
        "operator",
        help="run a platform: verify employer organisations, merge, suspend, reports",
        description="Run a platform (--server URL or GPSEEKER_SERVER) as its operator: "
        "verify employer organisations under their legal and other names and their "
        "e-mail domains, merge duplicates, suspend, approve accounts, and answer "
        "candidates' reports. `operator add` creates an operator on the database.",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    server = server_option()
    as_json = output.json_option()

    summary = "create an operator account directly on the platform's database"
    add = actions.add_parser(
        "add",
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]} (run it on the machine that "
        "runs `gpseeker serve`). Nobody can sign up as an operator; this is how the "
        "first one, and every later one, is made. The password is asked for twice, or "
        "read from GPSEEKER_PASSWORD.",
    )
    add.add_argument("email", metavar="EMAIL", help="the operator's e-mail address")
    add.add_argument(
        "--db",
        metavar="URL",
        help=f"SQLAlchemy database URL (default: the one `gpseeker serve` uses, "
        f"{DEFAULT_DATABASE} in the data directory)",
    )
    add.set_defaults(handler=_add)

    login = actions.add_parser(
        "login",
        parents=[server],
        help="sign in as an operator",
        description="Sign in to a platform as an operator. The password is asked for, or "
        "read from GPSEEKER_PASSWORD.",
    )
    login.add_argument("--email", required=True, help="the operator's e-mail address")
    login.set_defaults(handler=_login)

    logout = actions.add_parser(
        "logout", parents=[server], help="sign the operator out and forget the saved sign-in"
    )
    logout.set_defaults(handler=_logout)

    summary = "list employer organisations with their names, domains and accounts"
    orgs = actions.add_parser(
        "orgs",
        parents=[server, as_json],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}, and the organisations with a "
        "similar name (candidates for a merge).",
    )
    only = orgs.add_mutually_exclusive_group()
    only.add_argument(
        "--pending",
        action="store_const",
        const="pending",
        dest="status",
        help="only those waiting for verification (the queue)",
    )
    only.add_argument(
        "--status", choices=STATUSES, metavar="STATUS", help=f"only one of: {', '.join(STATUSES)}"
    )
    orgs.set_defaults(handler=_orgs)

    show = actions.add_parser("show", parents=[server, as_json], help="show one organisation")
    _org(show)
    show.set_defaults(handler=_show)

    summary = "verify an organisation under its legal name, other names and domains"
    verify = actions.add_parser(
        "verify",
        parents=[server, as_json],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}. Its accounts may then search the "
        "resume bank and invite candidates, its jobs are listed, and candidates see it "
        "under the legal name. Its other names (English, katakana, kanji, former names) "
        "are what candidates' blocks match; new employer accounts with an e-mail address "
        "at one of its domains join it. The accounts it has when first verified are "
        "approved. Verifying again renames it and adds names (a former name stays a "
        "name it goes by); --domain, when given, makes those exactly its domains.",
    )
    _org(verify)
    verify.add_argument("--legal-name", required=True, metavar="NAME", help="the legal name")
    verify.add_argument(
        "--also-known-as",
        action="append",
        default=[],
        metavar="NAME",
        help="another name it goes by (repeat for each)",
    )
    verify.add_argument(
        "--domain",
        action="append",
        default=[],
        metavar="DOMAIN",
        help="an e-mail domain of its own, e.g. umbrella.co.jp (repeat for each; never a "
        "free-mail domain)",
    )
    verify.set_defaults(handler=_verify)

    summary = "merge a duplicate organisation into another (one legal entity, one org)"
    merge = actions.add_parser(
        "merge",
        parents=[server, as_json],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}: the duplicate's accounts and "
        "jobs move to the other, and candidates' blocks of either hold for both.",
    )
    _org(merge)
    merge.add_argument(
        "--into", required=True, type=job_id, metavar="ORG", help="the organisation to keep"
    )
    merge.set_defaults(handler=_merge)

    summary = "suspend an organisation: no resume bank, no invitations, jobs unlisted"
    suspend = actions.add_parser(
        "suspend",
        parents=[server, as_json],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}; its open invitations are marked "
        "in candidates' inboxes.",
    )
    _org(suspend)
    suspend.add_argument("--reason", required=True, metavar="TEXT", help="why, for the record")
    suspend.set_defaults(handler=_suspend)

    approve = actions.add_parser(
        "approve",
        parents=[server, as_json],
        help="approve a pending employer account of an organisation",
    )
    approve.add_argument(
        "account_id", type=job_id, metavar="ACCOUNT_ID", help="the account's number (orgs lists it)"
    )
    approve.set_defaults(handler=_approve)

    summary = "list candidates' reports of invitations (open ones unless --all)"
    reports = actions.add_parser(
        "reports",
        parents=[server, as_json],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}: each with the candidate's reason "
        "and the invitation as they received it, oldest first.",
    )
    reports.add_argument("--all", action="store_true", help="also the closed reports")
    reports.set_defaults(handler=_reports)

    summary = "close a report as resolved or dismissed; the candidate sees it"
    close = actions.add_parser(
        "close-report",
        parents=[server, as_json],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}, with --outcome in words they read.",
    )
    close.add_argument("id", type=job_id, metavar="ID", help="the report's number")
    decision = close.add_mutually_exclusive_group(required=True)
    decision.add_argument(
        "--resolved", action="store_const", const="resolved", dest="state", help="acted on it"
    )
    decision.add_argument(
        "--dismissed",
        action="store_const",
        const="dismissed",
        dest="state",
        help="found nothing to act on",
    )
    close.add_argument(
        "--outcome", default="", metavar="TEXT", help="what was done, in words the candidate reads"
    )
    close.set_defaults(handler=_close_report)


def _org(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "org", type=job_id, metavar="ORG", help="the organisation's number (orgs lists it)"
    )


# --- accounts ---------------------------------------------------------------------------


async def _add(args: argparse.Namespace) -> int:
    try:
        email = TypeAdapter(EmailStr).validate_python(args.email)
    except ValidationError:
        raise CliError(f"{args.email!r} is not an e-mail address") from None
    password = read_password(confirm=True)
    if len(password) < MIN_PASSWORD:
        raise CliError(f"the password is too short: use at least {MIN_PASSWORD} characters")

    # The server, SQLAlchemy and the database drivers: only this command needs them.
    from sqlalchemy.exc import SQLAlchemyError

    from gpseeker.server.operators import OperatorExists, add_operator
    from gpseeker.server.schema import shown_url

    database = args.db or default_database()
    where = shown_url(database)
    try:
        await add_operator(database, email, password)
    except OperatorExists:
        raise CliError(
            f"{email} already has an account on {where}; an operator needs an address of its own"
        ) from None
    except (SQLAlchemyError, OSError) as problem:
        reason = getattr(problem, "orig", None) or problem
        raise CliError(f"cannot add the operator to the database {where}: {reason}") from None
    line(f"Added the operator {email} to the database {where}.")
    line(
        "Sign in on the platform that runs on it: "
        f"gpseeker operator login --server URL --email {email}"
    )
    return 0


async def _login(args: argparse.Namespace) -> int:
    server = remote_server(args, "an operator command")
    password = read_password()
    async with await OperatorClient.login(server, args.email, password) as client:
        remember(server, "operator", client)
    line(f"Signed in to {server} as the operator {args.email}.")
    return 0


async def _logout(args: argparse.Namespace) -> int:
    await sign_out(remote_server(args, "an operator command"), "operator")
    return 0


# --- organisations ----------------------------------------------------------------------


def organisation_fields(organisation: Organisation) -> list[tuple[str, object]]:
    """One organisation as the operator reads it, as a labelled block."""
    fields: list[tuple[str, object]] = [
        (f"Organisation {organisation.id}", organisation.legal_name),
        ("Status", organisation_status_words(organisation)),
        ("Also known as", [clean_line(name) for name in organisation.also_known_as]),
        ("Domains", [clean_line(domain) for domain in organisation.domains]),
        ("Accounts", member_lines(organisation.accounts) or "none"),
    ]
    if organisation.similar:
        similar = "".join(
            f"Organisation {other.id}: {clean_line(other.legal_name)} ({other.status})\n"
            for other in organisation.similar
        )
        fields.append(("Similar names", similar))
    fields.append(("Created", when(organisation.created_at)))
    return fields


def _show_organisation(organisation: Organisation) -> None:
    for label, value in organisation_fields(organisation):
        field(label, value)


async def _orgs(args: argparse.Namespace) -> int:
    async with await operator_client(args) as client:
        found = await client.organisations(args.status)
    if args.status == "pending":
        empty = "No organisation is waiting for verification."
    elif args.status is not None:
        empty = f"No {args.status} organisations."
    else:
        empty = "No employer organisations yet."
    pending = any(organisation.status == "pending" for organisation in found)
    return output.listing(
        found,
        organisation_fields,
        as_json=args.json,
        empty=empty,
        footer=[VERIFY_HINT] if pending else [],
    )


async def _organisation(client: OperatorClient, number: int) -> Organisation:
    try:
        return await client.organisation(number)
    except NotFoundError:
        raise _no_organisation(number) from None


def _no_organisation(number: int) -> CliError:
    return CliError(f"there is no organisation {number} (gpseeker operator orgs lists them)")


def _done(args: argparse.Namespace, organisation: Organisation, *sentences: str) -> int:
    """A change's answer: the organisation as JSON, or what happened and the result."""
    if args.json:
        output.print_json(organisation)
        return 0
    for sentence in sentences:
        line(sentence)
    line()
    _show_organisation(organisation)
    return 0


async def _show(args: argparse.Namespace) -> int:
    async with await operator_client(args) as client:
        organisation = await _organisation(client, args.org)
    if args.json:
        output.print_json(organisation)
    else:
        _show_organisation(organisation)
    return 0


async def _verify(args: argparse.Namespace) -> int:
    async with await operator_client(args) as client:
        try:
            organisation = await client.verify(
                args.org, args.legal_name, args.also_known_as, args.domain
            )
        except NotFoundError:
            raise _no_organisation(args.org) from None
    name = clean_line(organisation.legal_name)
    return _done(
        args,
        organisation,
        f"Verified organisation {organisation.id} as {name}.",
        "Its approved accounts may search the resume bank and invite candidates, its "
        "jobs are listed, and candidates see it under this name.",
    )


async def _merge(args: argparse.Namespace) -> int:
    if args.org == args.into:
        raise CliError("an organisation cannot be merged into itself")
    async with await operator_client(args) as client:
        try:
            kept = await client.merge(args.org, args.into)
        except NotFoundError as problem:
            raise CliError(
                f"{problem.message} (gpseeker operator orgs lists the organisations)"
            ) from None
    return _done(
        args,
        kept,
        f"Merged organisation {args.org} into organisation {kept.id} "
        f"({clean_line(kept.legal_name)}).",
    )


async def _suspend(args: argparse.Namespace) -> int:
    async with await operator_client(args) as client:
        try:
            organisation = await client.suspend(args.org, args.reason)
        except NotFoundError:
            raise _no_organisation(args.org) from None
    return _done(
        args,
        organisation,
        f"Suspended organisation {organisation.id} ({clean_line(organisation.legal_name)}).",
        "Its accounts can no longer search the resume bank, open profiles or send "
        "invitations; its jobs are unlisted, and its open invitations are marked in "
        "candidates' inboxes.",
    )


async def _approve(args: argparse.Namespace) -> int:
    async with await operator_client(args) as client:
        try:
            organisation = await client.approve_account(args.account_id)
        except NotFoundError:
            raise CliError(
                f"there is no employer account {args.account_id} "
                "(gpseeker operator orgs lists the accounts)"
            ) from None
    return _done(
        args,
        organisation,
        f"Approved account {args.account_id} of organisation {organisation.id} "
        f"({clean_line(organisation.legal_name)}).",
    )


# --- reports ----------------------------------------------------------------------------


def report_fields(report: OperatorReport) -> list[tuple[str, object]]:
    """A report as the operator reads it: the candidate's reason first, then the
    invitation as the candidate received it, then the outcome if it was closed."""
    sender = report.organisation
    fields: list[tuple[str, object]] = [
        (f"Report {report.id}", _REPORT_WORDS[report.state]),
        ("Reason", report.reason),
        ("Reported", when(report.reported_at)),
        ("From", f"{clean_line(sender.legal_name)} (organisation {sender.id}, {sender.status})"),
        ("Sender account", report.sender_email),
        (f"Invitation {report.invitation_id}", report.subject),
        ("Sent", when(report.sent_at)),
        ("Message", report.body),
    ]
    if report.state != "open":
        fields.append(("Outcome", report.outcome or "none given"))
        if report.closed_at is not None:
            fields.append(("Closed", when(report.closed_at)))
    return fields


def _show_report(report: OperatorReport) -> None:
    for label, value in report_fields(report):
        field(label, value)


async def _reports(args: argparse.Namespace) -> int:
    async with await operator_client(args) as client:
        found = await client.reports(None if args.all else "open")
    return output.listing(
        found,
        report_fields,
        as_json=args.json,
        empty="No reports." if args.all else "No open reports.",
        footer=[CLOSE_HINT] if _any_open(found) else [],
    )


def _any_open(reports: Sequence[OperatorReport]) -> bool:
    return any(report.state == "open" for report in reports)


async def _close_report(args: argparse.Namespace) -> int:
    async with await operator_client(args) as client:
        try:
            report = await client.close_report(args.id, args.state, args.outcome)
        except NotFoundError:
            raise CliError(
                f"there is no report {args.id} (gpseeker operator reports --all lists them)"
            ) from None
    if args.json:
        output.print_json(report)
        return 0
    line(
        f"Closed report {report.id}: {report.state}. The candidate sees this beside the invitation."
    )
    line()
    _show_report(report)
    return 0
