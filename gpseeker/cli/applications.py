"""`gpseeker applications [withdraw ID]`: follow each application, withdraw one."""

from __future__ import annotations

import argparse

from gpseeker.cli import output
from gpseeker.cli.apply import confirm
from gpseeker.cli.context import CliError, seeker_client, server_option
from gpseeker.cli.jobs import job_id
from gpseeker.cli.output import field, line
from gpseeker.cli.registry import Commands
from gpseeker.cli.views import application_fields
from gpseeker.core.text import clean_line, sentence


def register(commands: Commands) -> None:
    server = server_option()
    as_json = output.json_option()
    group = commands.add_parser(
        "applications",
        parents=[server, as_json],
        help="list your applications with their status and timeline",
        description="List your applications, each with its status in words and its "
        "timeline; or withdraw one.",
    )
    # `gpseeker applications` alone lists them; the subcommands act on one.
    group.set_defaults(handler=_list)
    actions = group.add_subparsers(dest="action", metavar="ACTION")
    summary = "withdraw an application (the employer sees it as withdrawn)"
    withdraw = actions.add_parser("withdraw", parents=[server], help=summary, description=summary)
    withdraw.add_argument(
        "id", type=job_id, metavar="ID", help="the application's number, as in 'Application 7'"
    )
    withdraw.add_argument("--yes", action="store_true", help="withdraw without asking")
    withdraw.set_defaults(handler=_withdraw)


async def _list(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        applications = await client.applications()
    return output.listing(
        applications,
        application_fields,
        as_json=args.json,
        empty="You have not applied to any job yet. Find one: gpseeker jobs search",
    )


async def _withdraw(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        # Read first, to name the company and job in the question: "withdraw 7?" alone
        # is easy to answer yes to for the wrong application.
        found = [a for a in await client.applications() if a.id == args.id]
        if not found:
            raise CliError(f"you have no application {args.id} (gpseeker applications lists them)")
        application = found[0]
        if application.status == "withdrawn":
            line(f"Application {application.id} is already withdrawn.")
            return 0
        company = clean_line(application.company_name)
        title = clean_line(application.job_title)
        if not args.yes and not confirm(
            f"Withdraw your application to {company} for {title}?",
            declined="nothing was changed",
        ):
            line("Nothing was changed.")
            return 1
        application = await client.withdraw(application.id)
    line(sentence(f"Withdrew your application to {company}"))
    field("Status", output.term(application.status))
    return 0
