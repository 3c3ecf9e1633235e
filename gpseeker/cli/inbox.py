"""`gpseeker inbox [read|reply|decline|report]`: the invitations employers relay to you.

An employer who found the masked resume writes through the platform and never learns
who the candidate is. Answering keeps it that way unless the candidate says otherwise:
a reply goes under the candidate's reference, and the e-mail address or phone number
goes along only with --share-email / --share-phone, said plainly before asking, and
logged as a disclosure. As with apply, without a terminal to ask in and without --yes,
nothing is sent.

A reply goes through the leak guard here first, as the relay will guard it
(`gpseeker.core.send_check`, on the saved profile): it is printed as the employer will
receive it, each hidden part is listed with its reason, and the one question asks to
send it as shown.
"""

from __future__ import annotations

import argparse
import sys
import uuid

from gpseeker.cli import output
from gpseeker.cli.apply import as_shown, confirm, show_hidden
from gpseeker.cli.context import CliError, seeker_client, server_option
from gpseeker.cli.jobs import job_id
from gpseeker.cli.output import field, line, when
from gpseeker.cli.privacy import block_entries
from gpseeker.cli.registry import Commands
from gpseeker.cli.views import (
    invitation_fields,
    invitation_status,
    report_words,
    sender,
    show_invitation,
)
from gpseeker.client import ConflictError, NotFoundError, PlatformClient, PlatformError
from gpseeker.core.models import BlockEntry, DeclineRequest, Invitation, ReplyRequest
from gpseeker.core.send_check import REPLY, check_before_sending
from gpseeker.core.text import clean_line, sentence


def register(commands: Commands) -> None:
    server = server_option()
    as_json = output.json_option()
    group = commands.add_parser(
        "inbox",
        parents=[server, as_json],
        help="read and answer the invitations employers sent you",
        description="List the invitations employers sent you through the platform, "
        "unread first; or read, reply to or decline one. Employers reach you only while "
        "your resume is SEARCHABLE, and never learn your name or e-mail address unless "
        "you share them.",
    )
    group.add_argument("--unread", action="store_true", help="only the unread invitations")
    # `gpseeker inbox` alone lists them; the subcommands act on one.
    group.set_defaults(handler=_list)
    actions = group.add_subparsers(dest="action", metavar="ACTION")

    def number(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "id", type=job_id, metavar="ID", help="the invitation's number, as in 'Invitation 3'"
        )

    summary = "show the whole invitation and mark it read"
    read = actions.add_parser("read", parents=[server], help=summary, description=summary)
    number(read)
    # SUPPRESS, as for --server: a default here would overwrite `gpseeker inbox --json
    # read ID`'s flag, so both spellings work.
    read.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of text"
    )
    read.set_defaults(handler=_read)

    summary = "answer an invitation through the platform, under your reference"
    reply = actions.add_parser(
        "reply",
        parents=[server],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}. The employer receives your "
        "message and nothing else about you, unless you add --share-email or "
        "--share-phone. Without --message the text is read from standard input.",
    )
    number(reply)
    reply.add_argument("--message", metavar="TEXT", help="the reply (default: read standard input)")
    reply.add_argument(
        "--share-email",
        action="store_true",
        help="also give this employer your e-mail address (logged as a disclosure)",
    )
    reply.add_argument(
        "--share-phone",
        action="store_true",
        help="also give this employer your phone number (logged as a disclosure)",
    )
    _yes(reply)
    reply.set_defaults(handler=_reply)

    summary = "decline an invitation (the employer sees that you declined)"
    decline = actions.add_parser(
        "decline", parents=[server], help=summary, description=f"{summary[0].upper()}{summary[1:]}."
    )
    number(decline)
    decline.add_argument(
        "--reason", metavar="TEXT", default="", help="a reason, relayed to the employer"
    )
    decline.add_argument(
        "--block",
        action="store_true",
        help="also block this company: it can never find you in the resume bank again",
    )
    _yes(decline)
    decline.set_defaults(handler=_decline)

    summary = "report an invitation to the platform (a scam, abuse, a false name)"
    report = actions.add_parser(
        "report",
        parents=[server],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}. The platform's operator reads "
        "the invitation and your reason, and may suspend the employer. The report's "
        "state shows beside the invitation (gpseeker inbox read ID).",
    )
    number(report)
    report.add_argument(
        "--reason", required=True, metavar="TEXT", help="what is wrong with it, for the operator"
    )
    report.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of text"
    )
    report.set_defaults(handler=_report)


def _yes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--yes",
        action="store_true",
        help="send without asking (needed when there is no terminal to ask in)",
    )


def _no_such(number: int) -> CliError:
    return CliError(f"you have no invitation {number} (gpseeker inbox lists them)")


def _already_answered(invitation: Invitation) -> CliError:
    done = "replied to" if invitation.state == "replied" else "declined"
    return CliError(
        f"you have already {done} invitation {invitation.id}; nothing new was sent "
        f"(gpseeker inbox read {invitation.id} shows it)"
    )


async def _invitation(client: PlatformClient, number: int) -> Invitation:
    try:
        return await client.invitation(number)
    except NotFoundError:
        raise _no_such(number) from None


# --- list and read ----------------------------------------------------------------------


async def _list(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        invitations = await client.invitations(unread_only=args.unread)
    unread = sum(1 for invitation in invitations if invitation_status(invitation) == "Unread")
    count = len(invitations)
    return output.listing(
        invitations,
        invitation_fields,
        as_json=args.json,
        empty=(
            "No unread invitations."
            if args.unread
            else "No invitations yet. Employers can write to you while your resume is "
            "SEARCHABLE (gpseeker privacy status)."
        ),
        footer=[f"{count} invitation{'s' if count != 1 else ''}, {unread} unread"],
    )


async def _read(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        try:
            # Marking read answers with the invitation itself: one request, and what
            # is shown is already the read state.
            invitation = await client.mark_read(args.id)
        except NotFoundError:
            raise _no_such(args.id) from None
    if args.json:
        output.print_json(invitation)
        return 0
    show_invitation(invitation)
    if invitation.state == "open" or invitation.report is None:
        line()
    if invitation.state == "open":
        line(f"Answer: gpseeker inbox reply {invitation.id} --message TEXT")
        line(f"Decline: gpseeker inbox decline {invitation.id} [--reason TEXT] [--block]")
    if invitation.report is None:
        line(f"Report it to the platform: gpseeker inbox report {invitation.id} --reason TEXT")
    return 0


# --- reply ------------------------------------------------------------------------------


async def _reply(args: argparse.Namespace) -> int:
    # Built (and so checked) before anything is asked, so a refusal never comes after
    # the user said yes.
    request = ReplyRequest(
        body=_message(args), share_email=args.share_email, share_phone=args.share_phone
    )
    async with await seeker_client(args) as client:
        invitation = await _invitation(client, args.id)
        if invitation.state != "open":
            raise _already_answered(invitation)
        profile = (await client.get_profile()).profile
        if request.share_phone and not profile.identity.phone:
            # Never "share" what is not there: the user would believe the employer got
            # a number that was never sent.
            raise CliError(
                "--share-phone: your profile has no phone number; add it with "
                "gpseeker profile set identity.phone NUMBER, or leave --share-phone out"
            )
        check = check_before_sending(request.body, profile, REPLY)
        # Validated again: "[hidden]" may be longer than what it replaces.
        request = ReplyRequest(
            body=check.sent, share_email=request.share_email, share_phone=request.share_phone
        )
        company = clean_line(invitation.employer_name)
        field(f"Invitation {invitation.id}", invitation.subject)
        field("From", sender(invitation.employer_name, invitation.employer_status))
        line()
        line(f"{company} will receive, under your reference only:")
        field("Message", request.body)
        show_hidden(check)
        line()
        line(
            f"Your e-mail address WILL be shared with {company} (logged as a disclosure)."
            if request.share_email
            else "Your e-mail address is NOT shared; the employer sees only your reference."
        )
        line(
            f"Your phone number WILL be shared with {company} (logged as a disclosure)."
            if request.share_phone
            else "Your phone number is NOT shared."
        )
        line()
        question = f"Send your reply to {company}{as_shown(check)}?"
        if not args.yes and not confirm(question, declined="nothing was sent"):
            line("Nothing was sent.")
            return 1
        # One key for this invocation: the client sends it with every retry, so a
        # retry after a timeout (the first try may have arrived) never replies twice.
        key = str(uuid.uuid4())
        try:
            answered = await client.reply(invitation.id, request, idempotency_key=key)
        except ConflictError as problem:
            if problem.code == "already_answered":
                raise _already_answered(await _invitation(client, invitation.id)) from None
            raise
    line(sentence(f"Sent your reply to {company}"))
    field("Status", invitation_status(answered))
    return 0


def _message(args: argparse.Namespace) -> str:
    if args.message is not None:
        text = str(args.message)
    elif sys.stdin.isatty():
        # A terminal would wait for text the user does not know to type; say how.
        raise CliError(
            "no reply given: add --message TEXT, or pipe the text in "
            "(for example: gpseeker inbox reply ID < reply.txt)"
        )
    else:
        text = sys.stdin.read()
    if not text.strip():
        raise CliError("the reply is empty; nothing was sent")
    return text


# --- decline ----------------------------------------------------------------------------


async def _decline(args: argparse.Namespace) -> int:
    request = DeclineRequest(reason=args.reason)
    async with await seeker_client(args) as client:
        invitation = await _invitation(client, args.id)
        if invitation.state != "open":
            raise _already_answered(invitation)
        company = clean_line(invitation.employer_name)
        field(f"Invitation {invitation.id}", invitation.subject)
        field("From", sender(invitation.employer_name, invitation.employer_status))
        line()
        if request.reason:
            line(f"{company} will see that you declined, and your reason:")
            field("Reason", request.reason)
        else:
            line(f"{company} will see that you declined, and nothing else.")
        if args.block:
            line(
                f"Then {company} will be blocked: none of its accounts can find you in the "
                "resume bank, open your profile or invite you again."
            )
        line()
        question = f"Decline the invitation from {company}{' and block it' if args.block else ''}?"
        if not args.yes and not confirm(question, declined="nothing was sent"):
            line("Nothing was sent.")
            return 1
        key = str(uuid.uuid4())  # one per invocation, as for a reply
        try:
            await client.decline(invitation.id, request, idempotency_key=key)
        except ConflictError as problem:
            if problem.code == "already_answered":
                raise _already_answered(await _invitation(client, invitation.id)) from None
            raise
        line(sentence(f"Declined the invitation from {company}"))
        if args.block:
            await _block(client, invitation.employer_name)
    return 0


async def _block(client: PlatformClient, name: str) -> None:
    """Block the sender: its organisation by number when a verified one goes by exactly
    this legal name (then every name and account of it is blocked), else the name."""
    company = clean_line(name)
    try:
        current = await client.blocked_companies()
        matches = await client.blockable_organisations(name)
        picked = next((match for match in matches if match.legal_name == name), None)
        if picked is not None:
            done = any(c.organisation_id == picked.id for c in current.companies)
            entry = BlockEntry(name=picked.legal_name, organisation_id=picked.id)
        else:
            done = any(
                c.organisation_id is None and c.name.strip().casefold() == name.strip().casefold()
                for c in current.companies
            )
            entry = BlockEntry(name=name)
        if done:
            line(f"{company} was already blocked.")
            return
        await client.set_blocked_companies([*block_entries(current), entry])
    except PlatformError as problem:
        # The decline went through; only the block failed, and the user must know
        # which half happened to finish the other by hand.
        raise CliError(
            f"the invitation was declined, but blocking {company} failed ({problem.message}); "
            "block it with: gpseeker privacy block NAME"
        ) from None
    line(
        f"Blocked {company}: none of its accounts can find you in the resume bank, "
        "open your profile or invite you again."
    )


# --- report -----------------------------------------------------------------------------


async def _report(args: argparse.Namespace) -> int:
    reason = args.reason.strip()
    if not reason:
        raise CliError("say why with --reason TEXT: the platform's operator reads it")
    async with await seeker_client(args) as client:
        invitation = await _invitation(client, args.id)
        already = invitation.report is not None
        if not already:
            try:
                invitation = await client.report_invitation(invitation.id, reason)
            except ConflictError as problem:
                if problem.code != "already_reported":
                    raise
                # Reported in between (another window, a retry): show that report.
                invitation = await _invitation(client, invitation.id)
                already = True
    if args.json:
        output.print_json(invitation)
        return 0
    if already:
        line(f"You already reported invitation {invitation.id}; nothing new was sent.")
    else:
        line(
            f"Reported invitation {invitation.id} from "
            + sentence(f"{clean_line(invitation.employer_name)} to the platform")
        )
        line(
            "The platform's operator reads it with your reason; its state shows in "
            f"gpseeker inbox read {invitation.id}"
        )
    line()
    _show_report(invitation)
    return 0


def _show_report(invitation: Invitation) -> None:
    report = invitation.report
    if report is None:  # the platform always answers with it; said rather than assumed
        return
    field(f"Invitation {invitation.id}", invitation.subject)
    field("From", sender(invitation.employer_name, invitation.employer_status))
    field("Your report", report.reason)
    field("Reported", report_words(report))
    field("Report sent", when(report.reported_at))
