"""`gpseeker employer ...`: play the employer against a platform, from a shell.

Used for demos and end-to-end tests, and by small employers without an ATS. An
employer only ever sees masked views under references, as the platform enforces.
"""

from __future__ import annotations

import argparse
import json
import uuid
from pathlib import Path

from gpseeker.cli import output
from gpseeker.cli.account import sign_out
from gpseeker.cli.context import (
    CliError,
    employer_client,
    read_password,
    remember,
    remote_server,
    server_option,
)
from gpseeker.cli.jobs import job_id
from gpseeker.cli.output import field, line, term
from gpseeker.cli.registry import Commands
from gpseeker.cli.signup_code import add_code_options, sign_up
from gpseeker.cli.views import (
    employer_erase_request_fields,
    hit_fields,
    job_fields,
    member_lines,
    relayed_message_fields,
    sent_invitation_fields,
    show_employer_view,
    show_received_application,
)
from gpseeker.client import ConflictError, EmployerClient, NotFoundError, PlatformError
from gpseeker.core.models import (
    ApplicationStatus,
    ApplicationStatusUpdate,
    EmployerOrganisation,
    EraseAnswer,
    InvitationRequest,
    JobDraft,
    JobPatch,
)
from gpseeker.core.text import clean_line

# The steps an employer takes; "submitted", "viewed" and "withdrawn" come from the
# platform and the candidate, so offering them here would only earn a refusal.
EMPLOYER_STATUSES: tuple[ApplicationStatus, ...] = ("shortlisted", "interview", "offer", "rejected")


def register(commands: Commands) -> None:
    group = commands.add_parser(
        "employer",
        help="act as an employer: post jobs, handle applications, search the resume bank",
        description="Act as an employer on a platform (--server URL or GPSEEKER_SERVER).",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    server = server_option()
    as_json = output.json_option()

    signup = actions.add_parser(
        "signup",
        parents=[server],
        help="create an employer account and sign in",
        description="Create an employer account and sign in. The platform mails a code "
        "to the address: type it when asked, or finish later with --code CODE.",
    )
    signup.add_argument("--email", required=True)
    signup.add_argument("--company", help="the company's name")
    add_code_options(signup)
    signup.set_defaults(handler=_signup)

    login = actions.add_parser("login", parents=[server], help="sign in as an employer")
    login.add_argument("--email", required=True)
    login.set_defaults(handler=_login)

    logout = actions.add_parser("logout", parents=[server], help="sign the employer out")
    logout.set_defaults(handler=_logout)

    summary = "show your organisation, its status and what your account may do"
    organisation = actions.add_parser(
        "organisation",
        parents=[server, as_json],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}. Only an organisation the "
        "platform's operator verified searches the resume bank, opens masked profiles, "
        "sends invitations and has its jobs listed. An admin also sees every account "
        "of the organisation.",
    )
    organisation.set_defaults(handler=_organisation)

    summary = "approve a pending account of your organisation (admins only)"
    approve = actions.add_parser(
        "approve",
        parents=[server, as_json],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}: a colleague who signed up with "
        "an address at your organisation's domain may then act for it.",
    )
    approve.add_argument(
        "account_id",
        type=job_id,
        metavar="ACCOUNT_ID",
        help="the account's number (employer organisation lists them)",
    )
    approve.set_defaults(handler=_approve)

    search = actions.add_parser(
        "search", parents=[server, as_json], help="find searchable candidates by keyword"
    )
    search.add_argument("query", metavar="QUERY", help="keywords, e.g. python tokyo")
    search.add_argument("--cursor", help="the next page, as printed after a full page")
    search.add_argument("--limit", type=int, default=20, help="hits per page (default 20)")
    search.set_defaults(handler=_search)

    view = actions.add_parser(
        "view", parents=[server, as_json], help="open one candidate's masked profile"
    )
    view.add_argument("ref", metavar="REF", help="a reference from employer search")
    view.set_defaults(handler=_view)

    post = actions.add_parser(
        "post-job",
        parents=[server],
        help="post a job described in a JSON file",
        description="Post a job described in a JSON file. The file is checked before "
        f"anything is sent. Fields: {', '.join(JobDraft.model_fields)}.",
    )
    post.add_argument("file", type=Path, metavar="FILE.json", help="the job, as a JSON object")
    post.set_defaults(handler=_post_job)

    jobs = actions.add_parser("jobs", parents=[server, as_json], help="list your company's jobs")
    jobs.set_defaults(handler=_jobs)

    close = actions.add_parser(
        "close-job", parents=[server], help="close a job: it takes no more applications"
    )
    close.add_argument("id", type=job_id, metavar="ID", help="the job's number")
    close.set_defaults(handler=_close_job)

    received = actions.add_parser(
        "applications",
        parents=[server, as_json],
        help="list the applications to your jobs, with what each candidate sent",
    )
    received.add_argument("--job", type=job_id, metavar="ID", help="only those to this job")
    received.set_defaults(handler=_applications)

    status = actions.add_parser(
        "set-status", parents=[server], help="move an application on, e.g. to interview"
    )
    status.add_argument("id", type=job_id, metavar="ID", help="the application's number")
    status.add_argument(
        "status", choices=EMPLOYER_STATUSES, metavar="STATUS",
        help=f"one of: {', '.join(EMPLOYER_STATUSES)}",
    )  # fmt: skip
    status.add_argument("--note", default="", help="a note that goes with the change")
    status.set_defaults(handler=_set_status)

    invite = actions.add_parser(
        "invite",
        parents=[server],
        help="write to a candidate from the resume bank, through the platform's relay",
        description="Write to a searchable candidate you found with employer search. The "
        "platform relays the message; you never learn who the candidate is unless they "
        "answer and choose to tell you.",
    )
    invite.add_argument("ref", metavar="REF", help="a reference from employer search")
    invite.add_argument("--subject", required=True, help="the invitation's subject")
    body = invite.add_mutually_exclusive_group(required=True)
    body.add_argument("--body", metavar="TEXT", help="the message")
    body.add_argument("--body-file", type=Path, metavar="PATH", help="read the message from a file")
    invite.add_argument("--job", type=job_id, metavar="ID", help="one of your jobs it is about")
    invite.set_defaults(handler=_invite)

    sent = actions.add_parser(
        "invitations", parents=[server, as_json], help="list the invitations you sent"
    )
    sent.set_defaults(handler=_invitations)

    messages = actions.add_parser(
        "messages",
        parents=[server, as_json],
        help="read candidates' answers to your invitations, under their references",
    )
    messages.set_defaults(handler=_messages)

    _register_requests(actions, server, as_json)


def _register_requests(
    actions: Commands, server: argparse.ArgumentParser, as_json: argparse.ArgumentParser
) -> None:
    summary = "list candidates' requests to erase applications they sent you"
    requests = actions.add_parser(
        "requests",
        parents=[server, as_json],
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}, waiting ones first; or answer one.",
    )
    # `employer requests` alone lists them, as `applications` does for a candidate.
    requests.set_defaults(handler=_requests)
    steps = requests.add_subparsers(dest="step", metavar="ACTION")
    summary = "answer an erase request: done (you erased it) or refused (with --reason)"
    answer = steps.add_parser(
        "answer",
        parents=[server],
        help=summary,
        description="Answer a candidate's request to erase an application. done: you "
        "erased it, and it disappears from your side of the platform too. refused: you "
        "keep it as the law allows, and --reason tells the candidate why.",
    )
    answer.add_argument("id", type=job_id, metavar="ID", help="the request's number")
    answer.add_argument("answer", choices=("done", "refused"), metavar="done|refused")
    answer.add_argument(
        "--reason",
        default="",
        metavar="TEXT",
        help="why (needed with refused: the candidate reads it)",
    )
    answer.set_defaults(handler=_answer_request)


async def _signup(args: argparse.Namespace) -> int:
    server = remote_server(args, "an employer command")
    client = await sign_up(
        EmployerClient,
        server,
        args,
        "gpseeker employer signup",
        named=args.company,
        unnamed="employer signup needs --company (or --code CODE to finish a sign-up)",
        request=lambda password: EmployerClient.request_signup(
            server, args.email, password, args.company
        ),
    )
    if client is None:
        return 0
    async with client:
        remember(server, "employer", client)
        company = client.session.display_name if client.session else args.company
        line(f"Signed up and signed in to {server} as {args.email} ({clean_line(company)}).")
        try:
            organisation = await client.organisation()
        except PlatformError:
            # The account exists and is signed in; the status is one command away.
            line("See your organisation's status: gpseeker employer organisation")
            return 0
    line()
    for label, value in organisation_fields(organisation):
        field(label, value)
    return 0


async def _login(args: argparse.Namespace) -> int:
    server = remote_server(args, "an employer command")
    password = read_password()
    async with await EmployerClient.login(server, args.email, password) as client:
        remember(server, "employer", client)
    line(f"Signed in to {server} as {args.email}.")
    return 0


async def _logout(args: argparse.Namespace) -> int:
    await sign_out(remote_server(args, "an employer command"), "employer")
    return 0


# --- the organisation -----------------------------------------------------------------------

_ROLE_WORDS = {"admin": "admin (approves the organisation's accounts)", "member": "member"}


def organisation_fields(organisation: EmployerOrganisation) -> list[tuple[str, object]]:
    """The employer's organisation: what the platform says of it, and what this
    account may do now, in the platform's own sentence."""
    fields: list[tuple[str, object]] = [
        (f"Organisation {organisation.id}", organisation.legal_name),
        ("Status", _STATUS_WORDS[organisation.status]),
        ("Your role", _ROLE_WORDS[organisation.role]),
        ("Your account", "approved" if organisation.approved else "waiting for approval"),
        ("Resume bank and invitations", "yes" if organisation.can_search else "not yet"),
        ("Jobs listed", "yes" if organisation.jobs_listed else "no: posted jobs stay unlisted"),
        ("What you may do", organisation.message),
    ]
    if organisation.members:
        fields.append(("Accounts", member_lines(organisation.members)))
    return fields


_STATUS_WORDS = {
    "pending": "waiting for verification by the platform",
    "verified": "verified by the platform",
    "suspended": "suspended by the platform",
    "merged": "merged into another organisation by the platform",
}


async def _organisation(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        organisation = await client.organisation()
    if args.json:
        output.print_json(organisation)
        return 0
    for label, value in organisation_fields(organisation):
        field(label, value)
    waiting = [member for member in organisation.members if not member.approved]
    if waiting:
        line()
        line("Approve an account: gpseeker employer approve ACCOUNT_ID")
    return 0


async def _approve(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        try:
            organisation = await client.approve_member(args.account_id)
        except NotFoundError:
            raise CliError(
                f"your organisation has no account {args.account_id} "
                "(gpseeker employer organisation lists them)"
            ) from None
    if args.json:
        output.print_json(organisation)
        return 0
    line(f"Approved account {args.account_id}: it may now act for your organisation.")
    line()
    for label, value in organisation_fields(organisation):
        field(label, value)
    return 0


# --- the resume bank --------------------------------------------------------------------------


async def _search(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        page = await client.search_resumes(args.query, args.cursor, args.limit)
    more = f"More: gpseeker employer search {args.query!r} --cursor {page.next_cursor}"
    return output.listing(
        page.items,
        hit_fields,
        as_json=args.json,
        empty=f"No searchable candidate matches {args.query!r}.",
        whole=page,
        footer=[more] if page.next_cursor else [],
    )


async def _view(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        view = await client.view_candidate(args.ref)
    if args.json:
        output.print_json(view)
    else:
        show_employer_view(view)
    return 0


# --- jobs and applications ----------------------------------------------------------------


async def _post_job(args: argparse.Namespace) -> int:
    # Checked before connecting: a mistake in the file is reported field by field
    # (through the runner) without a round trip, and nothing half-valid is posted.
    draft = JobDraft.model_validate(_read_json(args.file))
    async with await employer_client(args) as client:
        job = await client.post_job(draft)
    line(f"Posted job {job.id}.")
    if not job.listed:
        line(UNLISTED)
    line()
    for label, value in job_fields(job):
        field(label, value)
    return 0


UNLISTED = (
    "It stays unlisted (nobody finds it) until the platform verifies your organisation: "
    "gpseeker employer organisation"
)


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as problem:
        raise CliError(f"cannot read {path}: {problem.strerror or problem}") from None
    except UnicodeDecodeError:
        raise CliError(f"{path} is not UTF-8 text") from None
    except json.JSONDecodeError as problem:
        raise CliError(
            f"{path} is not JSON: {problem.msg} at line {problem.lineno} column {problem.colno}"
        ) from None


async def _jobs(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        jobs = await client.my_jobs()
    return output.listing(
        jobs,
        lambda job: [
            *job_fields(job),
            ("Status", job.status),
            ("Listed", "yes" if job.listed else "no: your organisation is not verified"),
        ],
        as_json=args.json,
        empty="Your company has posted no jobs. Post one: gpseeker employer post-job FILE.json",
    )


async def _close_job(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        job = await client.edit_job(args.id, JobPatch(status="closed"))
    field(f"Closed job {job.id}", job.title)
    line("It takes no more applications; the ones already sent stay in employer applications.")
    return 0


async def _applications(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        received = await client.applications(job_id=args.job)
    if args.json:
        output.print_json(received)
        return 0
    if not received:
        line("No applications yet." if args.job is None else f"No applications to job {args.job}.")
    for number, application in enumerate(received):
        if number:
            line()
        show_received_application(application)
    return 0


async def _set_status(args: argparse.Namespace) -> int:
    update = ApplicationStatusUpdate(status=args.status, note=args.note)
    async with await employer_client(args) as client:
        application = await client.set_application_status(args.id, update)
    field(f"Application {application.id}", f"job {application.job_id}: {application.job_title}")
    field("Status", term(application.status))
    return 0


# --- invitations ------------------------------------------------------------------------


async def _invite(args: argparse.Namespace) -> int:
    # Built (and so checked: an empty subject, a body over 10,000 characters) before
    # connecting, so a mistake is reported field by field and nothing half-valid goes.
    request = InvitationRequest(subject=args.subject, body=_read_body(args), job_id=args.job)
    async with await employer_client(args) as client:
        # One key for this invocation, sent with every retry: a retry after a timeout
        # never lands a second copy in the candidate's inbox.
        key = str(uuid.uuid4())
        try:
            invitation = await client.invite(args.ref, request, idempotency_key=key)
        except NotFoundError:
            # Locked, blocking, deleted and never-issued references all answer the same
            # 404 on purpose; the message names every case and tells none apart.
            raise CliError(
                f"no candidate {args.ref} you can reach (the reference is yours only, and "
                "the candidate may have locked their resume or blocked you)"
            ) from None
        except PlatformError as problem:
            if problem.code == "rate_limited":
                # The platform's words name the cap that was reached (this account's,
                # the organisation's, or the candidate's) and when a place frees.
                words = clean_line(problem.message)
                raise CliError(f"nothing was sent: {words[:1].lower()}{words[1:]}") from None
            raise
    line(f"Sent invitation {invitation.id} to {invitation.candidate_ref}.")
    line()
    for label, value in sent_invitation_fields(invitation):
        field(label, value)
    line()
    line("Answers arrive in: gpseeker employer messages")
    return 0


def _read_body(args: argparse.Namespace) -> str:
    if args.body_file is None:
        return str(args.body)
    try:
        return str(args.body_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as problem:
        reason = getattr(problem, "strerror", None) or str(problem)
        raise CliError(f"cannot read the message from {args.body_file}: {reason}") from None


async def _invitations(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        sent = await client.sent_invitations()
    return output.listing(
        sent,
        sent_invitation_fields,
        as_json=args.json,
        empty="You have sent no invitations. Find candidates: gpseeker employer search QUERY",
    )


async def _messages(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        messages = await client.messages()
    return output.listing(
        messages,
        relayed_message_fields,
        as_json=args.json,
        empty="No answers to your invitations yet.",
    )


# --- requests to erase an application -----------------------------------------------------


async def _requests(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        requests = await client.erase_requests()
    return output.listing(
        requests,
        employer_erase_request_fields,
        as_json=args.json,
        empty="No candidate has asked you to erase an application.",
    )


async def _answer_request(args: argparse.Namespace) -> int:
    if args.answer == "refused" and not args.reason.strip():
        # Said before connecting, in the command's own terms (the model would only say
        # "reason"): the candidate is owed a reason they can read.
        raise CliError("refused needs --reason TEXT: the candidate reads why you keep it")
    answer = EraseAnswer(state=args.answer, reason=args.reason)
    async with await employer_client(args) as client:
        try:
            request = await client.answer_erase_request(args.id, answer)
        except NotFoundError:
            raise CliError(
                f"no erase request {args.id} for your company (gpseeker employer requests)"
            ) from None
        except ConflictError:
            raise CliError(
                f"erase request {args.id} is already answered; an answer cannot be changed"
            ) from None
    if request.state == "done":
        line(f"Answered erase request {request.id}: done. The application is erased.")
    else:
        line(f"Answered erase request {request.id}: refused. The candidate reads your reason.")
    for label, value in employer_erase_request_fields(request):
        field(label, value)
    return 0
