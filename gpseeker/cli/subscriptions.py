"""`gpseeker subscriptions [status|subscribe|unsubscribe|frequency]`: JobMail and
newsletters.

"Mail stops when you say so": unsubscribing is one command and one question, asked
with the account's real address ("Are you sure you want to unsubscribe
you@example.com?"), so that a person with two accounts knows which one stops. As with
every question in gpseeker, anything but y/yes is no, and a no exits 1 with "Nothing
changed." so a script can tell that nothing happened.
"""

from __future__ import annotations

import argparse

from gpseeker.cli import output
from gpseeker.cli.apply import confirm
from gpseeker.cli.context import CliError, seeker_client, server_option
from gpseeker.cli.output import field, line
from gpseeker.cli.registry import Commands
from gpseeker.core.models import MailList, Subscription, Subscriptions, SubscriptionsUpdate
from gpseeker.core.text import clean_line

LISTS: tuple[MailList, ...] = ("jobmail", "newsletters")
LIST_NAMES: dict[MailList, str] = {"jobmail": "JobMail", "newsletters": "Newsletters"}


def register(commands: Commands) -> None:
    server = server_option()
    as_json = output.json_option()
    summary = "say which mail you get (JobMail, newsletters), or change it"
    group = commands.add_parser(
        "subscriptions",
        parents=[server, as_json],
        help=summary,
        description="Say which mail you get: JobMail (jobs matching your saved searches) "
        "and newsletters, each subscribed or not, since when and how you agreed.",
    )
    # `gpseeker subscriptions` alone is the status, as `gpseeker applications` is its list.
    group.set_defaults(handler=_status)
    actions = group.add_subparsers(dest="action", metavar="ACTION")

    summary = "say which mail you get, and since when"
    status = actions.add_parser("status", parents=[server], help=summary, description=summary)
    # SUPPRESS, so that `subscriptions --json status` keeps the --json given before it.
    status.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of text"
    )
    status.set_defaults(handler=_status)

    summary = "start getting JobMail or newsletters"
    subscribe = actions.add_parser("subscribe", parents=[server], help=summary, description=summary)
    _list_argument(subscribe)
    subscribe.add_argument(
        "--frequency",
        choices=("daily", "weekly"),
        help="how often JobMail comes (JobMail only; default: as before, else weekly)",
    )
    subscribe.set_defaults(handler=_subscribe)

    summary = "stop getting JobMail or newsletters, after one question"
    unsubscribe = actions.add_parser(
        "unsubscribe",
        parents=[server],
        help=summary,
        description="Stop getting JobMail or newsletters. Asks once: 'Are you sure you "
        "want to unsubscribe ADDRESS?'; anything but y or yes changes nothing (exit 1).",
    )
    _list_argument(unsubscribe)
    unsubscribe.add_argument("--yes", action="store_true", help="unsubscribe without asking")
    unsubscribe.set_defaults(handler=_unsubscribe)

    # The Account screen's F key: the pace only, subscribed or not (subscribe
    # --frequency would also subscribe, which a change of pace must never do).
    summary = "set how often JobMail comes (daily or weekly), subscribed or not"
    frequency = actions.add_parser("frequency", parents=[server], help=summary, description=summary)
    frequency.add_argument(
        "frequency", choices=("daily", "weekly"), metavar="FREQUENCY", help="daily or weekly"
    )
    frequency.set_defaults(handler=_frequency)


def _list_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("list", choices=LISTS, metavar="LIST", help="jobmail or newsletters")


def state_words(subscriptions: Subscriptions, mail_list: MailList) -> str:
    """One list's state in words (never colour): "subscribed (weekly), since
    2026-11-27 in the gpseeker app", or "not subscribed"."""
    subscription: Subscription = getattr(subscriptions, mail_list)
    if not subscription.subscribed:
        if subscription.unsubscribed_at is not None:
            return f"not subscribed (you unsubscribed on {_day(subscription)})"
        return "not subscribed"
    words = "subscribed"
    if mail_list == "jobmail":
        words += f" ({subscriptions.jobmail_frequency})"
    if subscription.consented_at is not None:
        words += f", since {subscription.consented_at.astimezone().date().isoformat()}"
        if subscription.consent_method:
            # The server's words ("in the gpseeker app"); one line, cleaned.
            words += f" {clean_line(subscription.consent_method)}"
    return words


def _day(subscription: Subscription) -> str:
    assert subscription.unsubscribed_at is not None
    return subscription.unsubscribed_at.astimezone().date().isoformat()


def show(subscriptions: Subscriptions) -> None:
    field("Mail goes to", subscriptions.email)
    for mail_list in LISTS:
        field(LIST_NAMES[mail_list], state_words(subscriptions, mail_list))


async def _status(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        subscriptions = await client.subscriptions()
    if args.json:
        output.print_json(subscriptions)
    else:
        show(subscriptions)
    return 0


async def _subscribe(args: argparse.Namespace) -> int:
    mail_list: MailList = args.list
    name = LIST_NAMES[mail_list]
    if args.frequency and mail_list != "jobmail":
        # Checked before connecting: newsletters have no frequency to set.
        raise CliError(f"--frequency is for jobmail only; {name} come when there is news")
    async with await seeker_client(args) as client:
        current = await client.subscriptions()
        already = getattr(current, mail_list).subscribed
        same_frequency = args.frequency in (None, current.jobmail_frequency)
        if already and same_frequency:
            # Saying yes again would only move the recorded date of consent.
            line(f"{clean_line(current.email)} is already subscribed to {name}.")
            field(name, state_words(current, mail_list))
            return 0
        update = SubscriptionsUpdate.model_validate(
            {mail_list: True, "via": "command"}
            | ({"jobmail_frequency": args.frequency} if args.frequency else {})
        )
        changed = await client.set_subscriptions(update)
    line(f"Subscribed {clean_line(changed.email)} to {name}.")
    field(name, state_words(changed, mail_list))
    return 0


async def _unsubscribe(args: argparse.Namespace) -> int:
    mail_list: MailList = args.list
    name = LIST_NAMES[mail_list]
    async with await seeker_client(args) as client:
        current = await client.subscriptions()
        email = clean_line(current.email)
        if not getattr(current, mail_list).subscribed:
            line(f"{email} is not subscribed to {name}. Nothing changed.")
            return 0
        if not args.yes and not confirm(
            f"Are you sure you want to unsubscribe {email}?", declined="nothing changed"
        ):
            line("Nothing changed.")
            return 1
        changed = await client.set_subscriptions(
            SubscriptionsUpdate.model_validate({mail_list: False, "via": "command"})
        )
    line(f"Unsubscribed {clean_line(changed.email)} from {name}: no more {name} will be sent.")
    field(name, state_words(changed, mail_list))
    return 0


async def _frequency(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        current = await client.subscriptions()
        if current.jobmail_frequency == args.frequency:
            line(f"JobMail already comes {args.frequency}. Nothing changed.")
            field("JobMail", state_words(current, "jobmail"))
            return 0
        changed = await client.set_subscriptions(
            SubscriptionsUpdate.model_validate(
                {"jobmail_frequency": args.frequency, "via": "command"}
            )
        )
    line(f"JobMail comes {changed.jobmail_frequency} now.")
    field("JobMail", state_words(changed, "jobmail"))
    return 0
