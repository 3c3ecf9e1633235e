"""`gpseeker privacy ...`: who may see the candidate, what they would see, and the
platform's privacy policy."""

from __future__ import annotations

import argparse
import datetime as dt

from gpseeker.cli import output
from gpseeker.cli.context import CliError, seeker_client, server_of, server_option
from gpseeker.cli.output import blocks, field, line, when
from gpseeker.cli.registry import Commands, Handler
from gpseeker.cli.views import show_employer_view
from gpseeker.client import PlatformClient
from gpseeker.models import BlockedCompanyList, PrivacyPolicy, Visibility
from gpseeker.text import clean_line

LOCKED_MEANS = "No employer can find or open your resume."
SEARCHABLE_MEANS = (
    "Employers can find your masked resume by keyword. They never see your name, "
    "contact details or current company."
)
# The per-field opt-ins, as the user names them -> the Visibility flag.
SHOWABLE = {
    "past-companies": "show_past_companies",
    "age": "show_age",
    "gender": "show_gender",
    "nationality": "show_nationality",
}
SHOWABLE_LABELS = {
    "show_past_companies": "Past company names",
    "show_age": "Age band",
    "show_gender": "Gender",
    "show_nationality": "Nationality",
}


def register(commands: Commands) -> None:
    group = commands.add_parser(
        "privacy",
        help="decide who may find your resume, and see what they would see",
        description="Decide who may find your resume, and see what they would see.",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    server = server_option()
    as_json = output.json_option()

    def add(
        name: str, summary: str, handler: Handler, *, json: bool = False
    ) -> argparse.ArgumentParser:
        parents = [server, as_json] if json else [server]
        parser = actions.add_parser(name, parents=parents, help=summary, description=summary)
        parser.set_defaults(handler=handler)
        return parser

    add("status", "say whether your resume is locked or searchable", _status, json=True)
    add("lock", "lock your resume: no employer can find or open it", _lock)
    searchable = add(
        "searchable", "let employers find your masked resume in the resume bank", _searchable
    )
    searchable.add_argument(
        "--until", type=_date, metavar="YYYY-MM-DD", help="lock again by itself after this day"
    )
    preview = add("preview", "show exactly what an employer would see of you", _preview, json=True)
    preview.add_argument(
        "--context",
        choices=("search", "application"),
        default="search",
        help="search: the resume bank (default); application: an employer you applied to",
    )
    for name, summary, handler in (
        ("include", "show one more detail to employers (past-companies, age, ...)", _include),
        ("exclude", "hide that detail from employers again", _exclude),
    ):
        parser = add(name, summary, handler)
        parser.add_argument(
            "detail",
            choices=tuple(SHOWABLE),
            metavar="DETAIL",
            help=f"one of: {', '.join(SHOWABLE)}",
        )
    block = add("block", "never be found by this company", _block)
    block.add_argument("name", metavar="NAME", help="the company's name")
    unblock = add("unblock", "take a company off your blocked list", _unblock)
    unblock.add_argument("name", metavar="NAME", help="the company's name as listed")
    add("blocked", "list the companies that can never find you", _blocked, json=True)
    add("views", "list when employers opened your masked profile", _views, json=True)
    add(
        "disclosures",
        "list every time your details were sent to an employer",
        _disclosures,
        json=True,
    )
    add("policy", "show the privacy policy and whom to ask about your data", _policy, json=True)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-12-31") from None


# --- visibility -------------------------------------------------------------------------


async def _status(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        visibility = await client.get_visibility()
        blocked = await client.blocked_companies()
    if args.json:
        output.print_json(visibility)
        return 0
    show_state(visibility)
    for flag, label in SHOWABLE_LABELS.items():
        field(label, "shown to employers" if getattr(visibility, flag) else "hidden")
    count = len(blocked.companies)
    field("Blocked companies", f"{count} (gpseeker privacy blocked lists them)" if count else 0)
    return 0


def show_state(visibility: Visibility) -> None:
    """The resume switch in words (never colour alone) and what it means."""
    if visibility.resume == "locked":
        field("Resume", "LOCKED")
        line(LOCKED_MEANS)
        return
    until = visibility.searchable_until
    field("Resume", f"SEARCHABLE until {until.isoformat()}" if until else "SEARCHABLE")
    line(SEARCHABLE_MEANS)


async def _change_visibility(args: argparse.Namespace, **changes: object) -> int:
    async with await seeker_client(args) as client:
        current = await client.get_visibility()
        wanted = Visibility.model_validate(current.model_dump() | changes)
        show_state(await client.set_visibility(wanted))
    return 0


async def _lock(args: argparse.Namespace) -> int:
    return await _change_visibility(args, resume="locked", searchable_until=None)


async def _searchable(args: argparse.Namespace) -> int:
    return await _change_visibility(args, resume="searchable", searchable_until=args.until)


async def _include(args: argparse.Namespace) -> int:
    flag = SHOWABLE[args.detail]
    await _change_visibility(args, **{flag: True})
    field(SHOWABLE_LABELS[flag], "shown to employers")
    return 0


async def _exclude(args: argparse.Namespace) -> int:
    flag = SHOWABLE[args.detail]
    await _change_visibility(args, **{flag: False})
    field(SHOWABLE_LABELS[flag], "hidden")
    return 0


async def _preview(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        preview = await client.employer_view(args.context)
        visibility = await client.get_visibility()
    if args.json:
        output.print_json(preview)
        return 0
    if args.context == "search":
        line("In the resume bank, an employer sees:")
        if visibility.resume == "locked":
            line(
                "(Your resume is LOCKED, so no employer can find it now. This is what they "
                "would see if you made it searchable.)"
            )
    else:
        line("When you apply, that employer receives:")
    line()
    show_employer_view(preview.view)
    line()
    if not preview.redactions:
        line("Nothing was hidden from your free text.")
    else:
        line("Hidden as [hidden] by the leak guard:")
        for redaction in preview.redactions:
            line(f"- {redaction.field}: {redaction.reason}")
    return 0


# --- blocked companies ------------------------------------------------------------------


async def _block(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        names = _names(await client.blocked_companies())
        if any(name.casefold() == args.name.strip().casefold() for name in names):
            line(f"{args.name} is already blocked.")
            return 0
        _show_blocked(await client.set_blocked_companies([*names, args.name]))
    return 0


async def _unblock(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        names = _names(await client.blocked_companies())
        keep = [name for name in names if name.casefold() != args.name.strip().casefold()]
        if len(keep) == len(names):
            raise CliError(f"{args.name} is not on your blocked list (gpseeker privacy blocked)")
        _show_blocked(await client.set_blocked_companies(keep))
    return 0


async def _blocked(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        blocked = await client.blocked_companies()
    if args.json:
        output.print_json(blocked)
    else:
        _show_blocked(blocked)
    return 0


def _names(blocked: BlockedCompanyList) -> list[str]:
    return [company.name for company in blocked.companies]


def _show_blocked(blocked: BlockedCompanyList) -> None:
    if not blocked.companies:
        line("No companies are blocked.")
    else:
        line("Blocked companies (they never find you in the resume bank):")
        for company in blocked.companies:
            note = " (your current company, added automatically)" if company.automatic else ""
            line(f"- {company.name}{note}")
    line(
        "Blocking matches company names; it is not a guarantee against a company that "
        "uses another name."
    )


# --- what employers did -----------------------------------------------------------------


async def _views(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        events = await client.profile_views()
    if args.json:
        output.print_json(events)
        return 0
    where = {
        "search": "your masked profile, from the resume bank",
        "application": "your application",
    }
    blocks(
        (
            [("When", when(e.at)), ("Employer", e.employer_name), ("Opened", where[e.context])]
            for e in events
        ),
        empty="No employer has opened your profile.",
    )
    return 0


async def _disclosures(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        events = await client.disclosures()
    if args.json:
        output.print_json(events)
        return 0
    blocks(
        (
            [
                ("When", when(e.at)),
                ("Employer", e.employer_name),
                ("Details sent", e.fields),
                ("Why", e.reason),
            ]
            for e in events
        ),
        empty="Your details have not been sent to any employer.",
    )
    return 0


# --- the policy -------------------------------------------------------------------------


async def _policy(args: argparse.Namespace) -> int:
    async with await public_client(args) as client:
        policy = await client.policy()
    if args.json:
        output.print_json(policy)
    else:
        show_policy(policy)
    return 0


async def public_client(args: argparse.Namespace) -> PlatformClient:
    """A client for what anyone may read, such as the policy.

    The policy is public: people read it before signing up, or after deleting their
    account. So a remote platform is asked without a token (none is looked up); the
    local demo platform signs its local account in by itself anyway.
    """
    server = server_of(args)
    return await seeker_client(args) if server is None else PlatformClient(server)


def show_policy(policy: PrivacyPolicy) -> None:
    field("Privacy policy", f"version {policy.version}")
    field("In effect since", policy.effective_date)
    line()
    if policy.changes:
        line("What changed in this version:")
        for change in policy.changes:
            line(f"- {clean_line(change)}")
    else:
        line("What changed in this version: nothing was listed.")
    line()
    # As a field: every line of the text is indented under its label, so no line of it
    # can pose as a label of its own.
    field("Policy", policy.text)
    line()
    line("Questions about your personal information:")
    contact = policy.contact
    field("Operator", contact.operator)
    field("Address", contact.address)
    field("E-mail", contact.email)
    field("Hours", contact.hours)
