"""`gpseeker db`: the platform database's schema version, and its upgrade.

`gpseeker serve` refuses a database made by an older gpseeker instead of changing
it behind its operator's back; `gpseeker db upgrade` is the step it names.
"""

from __future__ import annotations

import argparse
import sys

from gpseeker.cli import output
from gpseeker.cli.context import CliError
from gpseeker.cli.mail import DEFAULT_DATABASE, default_database
from gpseeker.cli.output import line
from gpseeker.cli.registry import Commands

DB_HELP = (
    f"SQLAlchemy database URL (default: the one `gpseeker serve` uses, {DEFAULT_DATABASE} "
    "in the data directory)"
)


def register(commands: Commands) -> None:
    group = commands.add_parser(
        "db",
        help="the platform database's schema version, and its upgrade",
        description="The schema version of the database `gpseeker serve` runs on. After "
        "installing a newer gpseeker, back the database up, then run `gpseeker db upgrade`.",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    upgrade = actions.add_parser(
        "upgrade",
        help="bring the database to this gpseeker's schema",
        description="Bring the database to the schema this gpseeker needs: create it if "
        "empty, upgrade it if older. Back the database up first. Safe to repeat, and "
        "safe while another process does the same.",
    )
    upgrade.add_argument("--db", metavar="URL", help=DB_HELP)
    upgrade.set_defaults(handler=_upgrade)
    current = actions.add_parser(
        "current",
        parents=[output.json_option()],
        help="show the database's schema version and whether it needs an upgrade",
        description="Show the database's schema revision, the one this gpseeker needs, "
        "and whether `gpseeker db upgrade` has anything to do. Changes nothing.",
    )
    current.add_argument("--db", metavar="URL", help=DB_HELP)
    current.set_defaults(handler=_current)


def _describe(revision: str | None, state: str) -> str:
    if state == "empty":
        return "none (an empty database)"
    if state == "pre-alembic":
        return "none (made before schema versions)"
    return str(revision)


async def _current(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from gpseeker.server.schema import shown_url, status_of, upgrade_command

    database = args.db or default_database()
    try:
        status = await status_of(database)
    except (SQLAlchemyError, OSError) as problem:
        reason = getattr(problem, "orig", None) or problem
        raise CliError(f"cannot open the database {shown_url(database)}: {reason}") from None
    if args.json:
        sys.stdout.write(
            output.data_json_text(
                {
                    "database": shown_url(database),
                    "revision": status.revision,
                    "head": status.head,
                    "state": status.state,
                    "upgrade_needed": status.upgrade_needed,
                }
            )
        )
        return 0
    output.field("Database", shown_url(database))
    output.field("Schema", _describe(status.revision, status.state))
    output.field("This gpseeker needs", status.head)
    if status.state == "newer":
        output.field("Upgrade needed", "no: a newer gpseeker made this database; upgrade gpseeker")
    elif status.state == "empty":
        output.field("Upgrade needed", f"yes: create the schema with {upgrade_command(database)}")
    elif status.upgrade_needed:
        output.field(
            "Upgrade needed",
            f"yes: back it up, then {upgrade_command(database)}",
        )
    else:
        output.field("Upgrade needed", "no")
    return 0


async def _upgrade(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from gpseeker.server.schema import SchemaOutOfDate, shown_url, upgrade

    database = args.db or default_database()
    try:
        done = await upgrade(database)
    except SchemaOutOfDate as refused:
        raise CliError(str(refused)) from None
    except (SQLAlchemyError, OSError) as problem:
        reason = getattr(problem, "orig", None) or problem
        raise CliError(f"cannot upgrade the database {shown_url(database)}: {reason}") from None
    where = shown_url(database)
    if done.state_before == "current":
        line(f"The database is already at schema {done.after}: {where}")
    elif done.state_before == "empty":
        line(f"Created the schema at {done.after} in the empty database {where}")
    else:
        line(
            f"Upgraded the database from schema {_describe(done.before, done.state_before)} "
            f"to {done.after}: {where}"
        )
    return 0
