"""`gpseeker employer ...`: play the employer against a platform, from a shell.

Used for demos and end-to-end tests, and by small employers without an ATS. An
employer only ever sees masked views under references, as the platform enforces.
"""

from __future__ import annotations

import argparse

from gpseeker.cli import output
from gpseeker.cli.account import sign_out
from gpseeker.cli.context import (
    employer_client,
    read_password,
    remember,
    remote_server,
    server_option,
)
from gpseeker.cli.output import blocks, line
from gpseeker.cli.registry import Commands
from gpseeker.cli.views import hit_fields, show_employer_view
from gpseeker.client import EmployerClient


def register(commands: Commands) -> None:
    group = commands.add_parser(
        "employer",
        help="act as an employer: search the resume bank, open masked profiles",
        description="Act as an employer on a platform (--server URL or GPSEEKER_SERVER).",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    server = server_option()
    as_json = output.json_option()

    signup = actions.add_parser(
        "signup", parents=[server], help="create an employer account and sign in"
    )
    signup.add_argument("--email", required=True)
    signup.add_argument("--company", required=True, help="the company's name")
    signup.set_defaults(handler=_signup)

    login = actions.add_parser("login", parents=[server], help="sign in as an employer")
    login.add_argument("--email", required=True)
    login.set_defaults(handler=_login)

    logout = actions.add_parser("logout", parents=[server], help="sign the employer out")
    logout.set_defaults(handler=_logout)

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


async def _signup(args: argparse.Namespace) -> int:
    server = remote_server(args, "an employer command")
    password = read_password(confirm=True)
    async with await EmployerClient.signup(server, args.email, password, args.company) as client:
        remember(server, "employer", client)
    line(f"Signed up and signed in to {server} as {args.email} ({args.company}).")
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


async def _search(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        page = await client.search_resumes(args.query, args.cursor, args.limit)
    if args.json:
        output.print_json(page)
        return 0
    blocks(
        (hit_fields(hit) for hit in page.items),
        empty=f"No searchable candidate matches {args.query!r}.",
    )
    if page.next_cursor:
        line()
        line(f"More: gpseeker employer search {args.query!r} --cursor {page.next_cursor}")
    return 0


async def _view(args: argparse.Namespace) -> int:
    async with await employer_client(args) as client:
        view = await client.view_candidate(args.ref)
    if args.json:
        output.print_json(view)
    else:
        show_employer_view(view)
    return 0
