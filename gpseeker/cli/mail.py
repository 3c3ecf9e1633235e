"""`gpseeker mail send-due`: send the JobMail digests that are due, once (for cron),
and the mail options `gpseeker serve` shares with it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gpseeker.cli.context import CliError
from gpseeker.cli.output import line
from gpseeker.cli.registry import Commands
from gpseeker.local.config import Paths, ensure_private_dir

if TYPE_CHECKING:
    from gpseeker.server.settings import ServerSettings

DEFAULT_DATABASE = "server.sqlite3"
"""The database `gpseeker serve` uses by default (in the data directory)."""
DEFAULT_MAIL_DIR = "mail"


def add_mail_options(parser: argparse.ArgumentParser, *, public_url_default: str) -> None:
    parser.add_argument(
        "--smtp-url",
        metavar="URL",
        help="deliver mail by SMTP: smtp://[user:password@]host[:port] (STARTTLS when "
        "offered) or smtps://... (TLS); default: into the Maildir",
    )
    parser.add_argument(
        "--mail-dir",
        metavar="PATH",
        type=Path,
        help=f"the Maildir mail goes into without --smtp-url (default: {DEFAULT_MAIL_DIR}/ "
        "in the data directory)",
    )
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="where users reach the platform: the base of the links in every mail "
        f"(default: {public_url_default})",
    )


def default_database() -> str:
    data_dir = ensure_private_dir(Paths.current().data_dir)
    return f"sqlite+aiosqlite:///{data_dir / DEFAULT_DATABASE}"


def mail_settings(args: argparse.Namespace, public_url: str | None) -> dict[str, Any]:
    """ServerSettings fields from the mail options; checked, so a typo in the SMTP
    URL is one line now rather than a failed delivery later."""
    from gpseeker.server.mail.delivery import parse_smtp_url

    if args.smtp_url:
        try:
            parse_smtp_url(args.smtp_url)
        except ValueError as problem:
            raise CliError(f"--smtp-url: {problem}") from None
    mail_dir = args.mail_dir or Paths.current().data_dir / DEFAULT_MAIL_DIR
    chosen: dict[str, Any] = {"smtp_url": args.smtp_url, "mail_dir": mail_dir.expanduser()}
    url = args.public_url or public_url
    if url is not None:
        if not url.startswith(("http://", "https://")):
            raise CliError(f"--public-url: not an http:// or https:// address: {url}")
        chosen["public_url"] = url.rstrip("/")
    return chosen


def register(commands: Commands) -> None:
    summary = "send the JobMail digests that are due, once"
    group = commands.add_parser(
        "mail",
        help="the platform's mail (JobMail digests)",
        description="The platform's mail. `gpseeker serve` sends JobMail on a schedule; "
        "these commands do it by hand or from cron.",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    send_due = actions.add_parser(
        "send-due",
        help=summary,
        description="Send every JobMail digest that is due (daily or weekly, new jobs "
        "for the candidate's saved searches), once, and say how many went where. Like "
        "the schedule of `gpseeker serve`, it first deletes the expired unsubscribe "
        "links and Idempotency-Key answers.",
    )
    send_due.add_argument(
        "--db",
        metavar="URL",
        help=f"SQLAlchemy database URL (default: the one `gpseeker serve` uses, "
        f"{DEFAULT_DATABASE} in the data directory)",
    )
    add_mail_options(send_due, public_url_default="http://127.0.0.1:8000")
    send_due.set_defaults(handler=_send_due)


def describe(sent: int, due: int, nothing_new: int, failed: int, where: str) -> list[str]:
    digests = "digest" if sent == 1 else "digests"
    people = "candidate" if sent == 1 else "candidates"
    lines = [f"Sent {sent} JobMail {digests} to {sent} {people}, via {where}."]
    if due:
        lines.append(f"Due: {due}; nothing new for {nothing_new}; delivery failed for {failed}.")
    else:
        lines.append("No digest was due.")
    return lines


async def _send_due(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from gpseeker.server.mail import send_due
    from gpseeker.server.platform import Platform
    from gpseeker.server.pruning import prune_expired
    from gpseeker.server.schema import SchemaOutOfDate
    from gpseeker.server.settings import ServerSettings

    database = args.db or default_database()
    settings: ServerSettings = ServerSettings(**mail_settings(args, None))
    # A cron job must not upgrade a served database behind its operator's back: an
    # out-of-date schema is refused with the command that upgrades it, as serve does.
    platform = Platform(database, settings, upgrade_schema=False)
    try:
        # Cron's stand-in for the schedule of `gpseeker serve` does its pruning too.
        pruned = await prune_expired(platform)
        report = await send_due(platform)
    except SchemaOutOfDate as out_of_date:
        raise CliError(str(out_of_date)) from None
    except (SQLAlchemyError, OSError) as problem:
        reason = getattr(problem, "orig", None) or problem
        raise CliError(f"cannot send JobMail from {database}: {reason}") from None
    finally:
        await platform.aclose()
    for text in describe(
        report.sent, report.due, report.nothing_new, report.failed, report.destination
    ):
        line(text)
    if pruned:
        line(
            f"Deleted {pruned.idempotent_answers} expired Idempotency-Key answers and "
            f"{pruned.unsubscribe_tokens} expired unsubscribe links."
        )
    return 1 if report.failed else 0
