"""`gpseeker privacy ...`: who may see the candidate, what they would see, and the
platform's privacy policy."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from gpseeker.cli import output
from gpseeker.cli.context import CliError, seeker_client, server_of, server_option
from gpseeker.cli.output import field, line, when
from gpseeker.cli.registry import Commands, Handler
from gpseeker.cli.views import sender, show_employer_view
from gpseeker.client import PlatformClient
from gpseeker.core.disclosure_log import repeated_opens
from gpseeker.core.models import (
    BlockedCompany,
    BlockedCompanyList,
    BlockEntry,
    OrganisationMatch,
    PrivacyPolicy,
    ProfileViewEvent,
    Visibility,
)
from gpseeker.core.text import clean_line

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
    block = add("block", "never be found by this organisation, under any of its names", _block)
    block.description = (
        "Block an organisation: every account it has, now and later, and every name the "
        "platform verified for it. The platform lists the verified organisations that go "
        "by a name like NAME; pick one (at the prompt, or with --org ID), or keep NAME as "
        "typed (0 at the prompt, or --as-typed): it then blocks every organisation "
        "verified under a matching name, now or later."
    )
    block.add_argument("name", metavar="NAME", help="the organisation's name, in any spelling")
    picked = block.add_mutually_exclusive_group()
    picked.add_argument(
        "--org",
        type=_number,
        metavar="ID",
        help="block this verified organisation (its number, as listed) without asking",
    )
    picked.add_argument(
        "--as-typed",
        action="store_true",
        help="block NAME as typed without asking: every organisation verified under a "
        "matching name",
    )
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


def _number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an organisation's number")
    return int(text)


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
    field("Blocked companies", len(blocked.companies))
    for company in blocked.companies:
        for text in block_lines(company):
            line(text)
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

BLOCK_HOLDS = (
    "A blocked organisation's every account, now and later, finds no trace of you: not "
    "in the resume bank, not by opening your profile, not by inviting you, not under an "
    "old reference."
)
BLOCK_CANNOT = (
    "A block cannot hide you from an organisation the platform has not verified yet "
    "(those cannot search at all), match a name the platform never recorded for it, or "
    "stop someone who already knows you."
)


async def _block(args: argparse.Namespace) -> int:
    typed = args.name.strip()
    if not typed:
        raise CliError("give the company's name, e.g. gpseeker privacy block 'Acme Corp'")
    async with await seeker_client(args) as client:
        current = await client.blocked_companies()
        if args.org is None and _typed_block(current, typed) is not None:
            line(f"{typed} is already blocked.")
            return 0
        matches = await client.blockable_organisations(typed)
        entry = _chosen(args, typed, matches)
        if entry.organisation_id is not None and any(
            company.organisation_id == entry.organisation_id for company in current.companies
        ):
            line(f"{entry.name} is already blocked.")
            return 0
        if entry.organisation_id is None and _typed_block(current, typed) is not None:
            line(f"{typed} is already blocked.")
            return 0
        _show_blocked(await client.set_blocked_companies([*block_entries(current), entry]))
    return 0


def _typed_block(blocked: BlockedCompanyList, name: str) -> BlockedCompany | None:
    """The block of `name` as typed (no organisation picked), if there is one."""
    wanted = name.strip().casefold()
    for company in blocked.companies:
        if company.organisation_id is None and company.name.strip().casefold() == wanted:
            return company
    return None


def block_entries(blocked: BlockedCompanyList) -> list[BlockEntry]:
    """The list as it is, to send back with a change: picked organisations keep their
    ids, and automatic blocks stay (the platform dismisses one that is left out)."""
    return [
        BlockEntry(name=company.name, organisation_id=company.organisation_id)
        for company in blocked.companies
    ]


def _chosen(args: argparse.Namespace, typed: str, matches: list[OrganisationMatch]) -> BlockEntry:
    """What to block: the organisation picked (--org, or a number at the prompt), or
    the name as typed (--as-typed, 0 at the prompt, or nothing matches)."""
    if args.as_typed:
        return BlockEntry(name=typed)
    if args.org is not None:
        for match in matches:
            if match.id == args.org:
                return BlockEntry(name=match.legal_name, organisation_id=match.id)
        _show_matches(typed, matches)
        raise CliError(
            f"organisation {args.org} is not a verified organisation matching {typed!r}; "
            "nothing was blocked"
        )
    if not matches:
        line(f"No verified organisation goes by a name like {typed!r} today.")
        line(
            "Blocking the name as typed: it holds for any organisation the platform "
            "verifies later under a matching name."
        )
        line()
        return BlockEntry(name=typed)
    _show_matches(typed, matches)
    if not sys.stdin.isatty():
        raise CliError(
            f"{typed!r} matches {len(matches)} verified organisation"
            f"{'s' if len(matches) != 1 else ''}: pick one with --org ID, or keep the "
            "name as typed with --as-typed; nothing was blocked"
        )
    sys.stdout.write(f"Block which? Type its number, or 0 to keep {clean_line(typed)!r}: ")
    sys.stdout.flush()
    answer = sys.stdin.readline().strip()  # "" at end of input: no answer, so no block
    if answer == "0":
        return BlockEntry(name=typed)
    if answer.isdigit() and 1 <= int(answer) <= len(matches):
        match = matches[int(answer) - 1]
        return BlockEntry(name=match.legal_name, organisation_id=match.id)
    raise CliError(
        f"{answer!r} is not one of the numbers 0 to {len(matches)}; nothing was blocked"
        if answer
        else "no number was typed; nothing was blocked"
    )


def _show_matches(typed: str, matches: list[OrganisationMatch]) -> None:
    if not matches:
        line(f"No verified organisation goes by a name like {typed!r} today.")
        return
    line(f"Verified organisations that go by a name like {typed!r}:")
    for number, match in enumerate(matches, start=1):
        names = [clean_line(name) for name in match.also_known_as]
        known = f"; also known as {', '.join(names)}" if names else ""
        matched = clean_line(match.matched_name)
        said = {clean_line(match.legal_name), *names}
        via = "" if matched in said else f"; matched {matched!r}"
        line(
            f"{number}. {clean_line(match.legal_name)} (organisation {match.id}, "
            f"--org {match.id}){known}{via}"
        )
    line(
        f"0. Keep {typed!r} as typed: it blocks every organisation verified under a "
        "matching name, now or later"
    )


async def _unblock(args: argparse.Namespace) -> int:
    wanted = args.name.strip().casefold()
    async with await seeker_client(args) as client:
        current = await client.blocked_companies()
        keep = [
            entry
            for entry, company in zip(block_entries(current), current.companies, strict=True)
            if wanted
            not in {company.name.strip().casefold(), (company.organisation_name or "").casefold()}
        ]
        if len(keep) == len(current.companies):
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


def block_lines(company: BlockedCompany) -> list[str]:
    """One block in words: what it blocks, why it is there, what it holds today."""
    if company.organisation_name is not None:
        shown = f"{clean_line(company.organisation_name)} (organisation {company.organisation_id})"
    else:
        shown = clean_line(company.name)
    if company.automatic:
        shown += " (automatic: your current company)"
    lines = [f"- {shown}"]
    if company.matches:
        matches = ", ".join(clean_line(name) for name in company.matches)
        lines.append(f"  Holds today: {matches}")
    else:
        lines.append(
            "  Holds today: no verified organisation yet; any verified later under a matching name"
        )
    return lines


def _show_blocked(blocked: BlockedCompanyList) -> None:
    if not blocked.companies:
        line("No companies are blocked.")
    else:
        line("Blocked organisations:")
        for company in blocked.companies:
            for text in block_lines(company):
                line(text)
        if any(company.automatic for company in blocked.companies):
            line("Automatic blocks come from your profile; unblock one to let it find you.")
    line()
    line(BLOCK_HOLDS)
    line(BLOCK_CANNOT)


# --- what employers did -----------------------------------------------------------------


async def _views(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        events = await client.profile_views()
    where = {
        "search": "your masked profile, from the resume bank",
        "application": "your application",
    }
    return output.listing(
        events,
        lambda e: _view_fields(e, where[e.context]),
        as_json=args.json,
        empty="No employer has opened your profile.",
    )


def _view_fields(event: ProfileViewEvent, where: str) -> list[tuple[str, object]]:
    """One organisation's opens on one day; a single open reads as it always did, more
    add how many times (the platform merges a day's opens into one entry)."""
    fields: list[tuple[str, object]] = [
        ("When", when(event.at)),
        ("Employer", sender(event.employer_name, event.employer_status)),
        ("Opened", where),
    ]
    repeated = repeated_opens(event)
    if repeated is not None:
        fields.append(("How often", repeated))
    return fields


async def _disclosures(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        events = await client.disclosures()
    return output.listing(
        events,
        lambda e: [
            ("When", when(e.at)),
            ("Employer", sender(e.employer_name, e.employer_status)),
            ("Details sent", e.fields),
            ("Why", e.reason),
        ],
        as_json=args.json,
        empty="Your details have not been sent to any employer.",
    )


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
