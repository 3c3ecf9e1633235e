"""The plain twin of every command in the terminal app's palette (DESIGN.md,
"Keyboard, terminal and accessibility": every TUI task is also a plain subcommand).

A palette command is named `mode.action` for a screen's key (`jobs.apply`, as
`gpseeker.ui.commands.screen_actions` lists them) and `app.Title` for the app's own
system commands (`app.Theme`, `app.Go to Jobs`). Each one has either TWINS: the plain
commands that do the same, written as a person would type them with example values
(tests/cli/test_parity.py parses every one with `build_parser`), or NO_TWIN: why it
needs none. A reason is for what only moves around the terminal app or changes how it
draws itself; a task that changes or shows data never gets one.

This module is data only: it imports nothing, so that `gpseeker --help` stays fast
and the plain commands never load Textual.
"""

from __future__ import annotations

TWINS: dict[str, tuple[str, ...]] = {
    # Jobs. Plain commands read the platform afresh each time: "Refresh" and "Reload"
    # are the command that shows the same data, run again.
    "jobs.focus_search": ("gpseeker jobs search 'python backend'",),
    "jobs.filters": ("gpseeker jobs search python --prefecture Tokyo --visa --min-salary 6000000",),
    "jobs.toggle_save": ("gpseeker jobs save 12", "gpseeker jobs unsave 12"),
    "jobs.save_search": ("gpseeker jobs save-search 'Tokyo backend' python --prefecture Tokyo",),
    "jobs.apply": ("gpseeker apply 12",),
    "jobs.open": ("gpseeker jobs show 12",),
    "jobs.refresh": ("gpseeker jobs search python",),
    # Applications
    "applications.withdraw": ("gpseeker applications withdraw 7",),
    "applications.refresh": ("gpseeker applications",),
    # Inbox: `inbox read` prints the attached job's number for `apply`.
    "inbox.open": ("gpseeker inbox read 3",),
    "inbox.reply": ("gpseeker inbox reply 3 --message 'Happy to talk on Tuesday'",),
    "inbox.decline": ("gpseeker inbox decline 3 --reason 'Not looking right now'",),
    "inbox.decline_and_block": ("gpseeker inbox decline 3 --block",),
    "inbox.report": ("gpseeker inbox report 3 --reason 'Asks me to pay a fee'",),
    "inbox.apply": ("gpseeker apply 12",),
    # Profile: each plain change is saved at once; there is no draft to save.
    "profile.save": ("gpseeker profile set identity.phone 090-1234-5678",),
    "profile.reload": ("gpseeker profile show",),
    # Privacy
    "privacy.lock": ("gpseeker privacy lock",),
    "privacy.searchable": ("gpseeker privacy searchable",),
    "privacy.switch_preview": (
        "gpseeker privacy preview --context search",
        "gpseeker privacy preview --context application",
    ),
    "privacy.block": ("gpseeker privacy block 'Acme Corp'",),
    "privacy.reload": ("gpseeker privacy status", "gpseeker privacy views"),
    # Account: mail, the disclosure log, the policy, your data.
    "account.jobmail": (
        "gpseeker subscriptions subscribe jobmail",
        "gpseeker subscriptions unsubscribe jobmail",
    ),
    "account.frequency": ("gpseeker subscriptions frequency daily",),
    "account.newsletters": (
        "gpseeker subscriptions subscribe newsletters",
        "gpseeker subscriptions unsubscribe newsletters",
    ),
    "account.delete_search": ("gpseeker jobs searches", "gpseeker jobs delete-search 2"),
    "account.filter": ("gpseeker data disclosures --employer Acme",),
    "account.withdraw": ("gpseeker applications withdraw 7",),
    "account.block": ("gpseeker privacy block 'Acme Corp'",),
    "account.forget": ("gpseeker data forget 7",),
    "account.policy_text": ("gpseeker privacy policy",),
    "account.export": ("gpseeker data export",),
    "account.sign_out": ("gpseeker logout",),
    "account.delete": ("gpseeker data delete",),
    "account.reload": (
        "gpseeker subscriptions status",
        "gpseeker data disclosures",
        "gpseeker privacy policy",
    ),
}
"""Palette command -> the plain commands that do the same."""

_NAVIGATION = (
    "moves between the terminal app's screens, panes or list and detail; a plain "
    "command has no place to move: each one prints what it shows"
)
_LOOKS = "changes only how the terminal app draws itself; plain output is uncoloured text"

NO_TWIN: dict[str, str] = {
    "jobs.back": _NAVIGATION,
    "jobs.focus_list": _NAVIGATION,
    "inbox.back": _NAVIGATION,
    "account.section('mail')": _NAVIGATION,
    "account.section('log')": _NAVIGATION,
    "account.section('policy')": _NAVIGATION,
    "account.section('data')": _NAVIGATION,
    **{
        f"app.Go to {title}": _NAVIGATION
        for title in ("Jobs", "Applications", "Inbox", "Profile", "Privacy", "Account")
    },
    "app.Help": "lists the current screen's keys; plain commands have no keys, and "
    "`gpseeker --help` and `gpseeker COMMAND --help` list the commands and options",
    "app.Keys": "Textual's panel of the focused widget's keys; as app.Help",
    "app.Quit": "ends the terminal app; every plain command ends by itself",
    "app.Reconnect now": "a plain command connects afresh each time it runs, and one that "
    "cannot reach the platform says so and ends: running it again is the retry",
    "app.Theme": f"{_LOOKS} (the app's theme is the `theme` setting, or GPSEEKER_THEME)",
    "app.Maximize": _LOOKS,
    "app.Minimize": _LOOKS,
    "app.Screenshot": "saves a picture of the terminal app's screen; plain output is "
    "already text, to save with `> file`",
}
"""Palette command -> why it has no plain twin."""
