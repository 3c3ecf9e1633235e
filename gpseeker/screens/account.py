"""The Account screen: mail subscriptions, the disclosure log, the privacy policy,
and the candidate's data (export, sign out, delete the account).

Four tabs, one at a time, so that each stays readable at 80x24; `1` to `4` open
them. Each tab carries its own keys in the footer (bindings on the pane, shown while
focus is inside it); the same actions are bound on the screen, hidden, so every key
works from any tab and the command palette and F1 list them all.

Everything from the platform (addresses, employer names, job titles, the policy) is
safe text. Network calls run in workers; a failure is a notification in words.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import TabbedContent, TabPane

from gpseeker.screens.base import MainScreen
from gpseeker.text import clean_line
from gpseeker.widgets.disclosure_log_table import DisclosureLogTable
from gpseeker.widgets.safe_text import SafeText, safe_join

if TYPE_CHECKING:
    from gpseeker.client import PlatformError
    from gpseeker.config import TokenStore
    from gpseeker.disclosure_log import LogEntry
    from gpseeker.models import (
        Application,
        DeletionReceipt,
        PrivacyPolicy,
        SavedSearch,
        Subscription,
        Subscriptions,
    )

__all__ = ["AccountScreen", "subscription_words", "today"]


def today() -> dt.date:
    """The day in the default export file name (a function so tests can fix it)."""
    return dt.date.today()


def subscription_words(name: str, subscription: Subscription, frequency: str | None) -> str:
    """ "JobMail: subscribed, weekly — consent given 2026-11-27 in the gpseeker app"."""
    from gpseeker.widgets.job_format import local_date

    if not subscription.subscribed:
        words = f"{name}: not subscribed"
        if subscription.unsubscribed_at is not None:
            words += f" — unsubscribed {local_date(subscription.unsubscribed_at).isoformat()}"
        return words
    words = f"{name}: subscribed" + (f", {frequency}" if frequency else "")
    if subscription.consented_at is not None:
        words += f" — consent given {local_date(subscription.consented_at).isoformat()}"
        if subscription.consent_method:
            words += f" {clean_line(subscription.consent_method)}"
    return words


MAIL_KEYS = (
    "j JobMail on or off · f JobMail daily or weekly · n newsletters on or off · "
    "Delete removes a saved search"
)
NO_SAVED_SEARCHES = "You have no saved searches yet: save one on the Jobs screen with S."
DATA_TEXT = (
    "e  Export everything the platform holds about you to a JSON file.\n"
    "o  Sign out here and on the platform, then close gpseeker.\n"
    "d  Delete your account for good (asks for your e-mail address).\n"
    "\n"
    "Employers that received an application may keep their copy as the law allows; "
    "ask each to forget it first in the disclosure log (2, then x)."
)


def _pane_key(key: str, action: str, description: str) -> Binding:
    """A key shown in the footer while focus is in its tab; runs the screen's action."""
    return Binding(key, f"screen.{action}", description)


class _MailPane(TabPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        _pane_key("j", "jobmail", "JobMail on/off"),
        _pane_key("f", "frequency", "Daily/weekly"),
        _pane_key("n", "newsletters", "Newsletters on/off"),
    ]


class _LogPane(TabPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        _pane_key("slash", "filter", "Filter"),
        _pane_key("w", "withdraw", "Withdraw"),
        _pane_key("b", "block", "Block"),
        _pane_key("x", "forget", "Ask to forget"),
    ]


class _PolicyPane(TabPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        _pane_key("t", "policy_text", "Read the policy"),
    ]


class _DataPane(TabPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        _pane_key("e", "export", "Export"),
        _pane_key("o", "sign_out", "Sign out"),
        _pane_key("d", "delete", "Delete account"),
    ]


SECTIONS = {"mail": "1 Mail", "log": "2 Disclosure log", "policy": "3 Privacy policy"}
SECTIONS["data"] = "4 Your data"


class AccountScreen(MainScreen):
    """Subscriptions, the disclosure log, the policy, export, sign out, delete."""

    MODE = "account"
    TITLE = "Account"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(number),
                f"section('{section}')",
                f"Show {title.partition(' ')[2]}",
                show=False,
                id=f"account.section.{section}",
            )
            for number, (section, title) in enumerate(SECTIONS.items(), start=1)
        ),
        Binding("j", "jobmail", "JobMail on/off", show=False, id="account.jobmail",
                tooltip="Subscribe to JobMail, or unsubscribe (asks first)"),
        Binding("f", "frequency", "JobMail daily/weekly", show=False, id="account.frequency",
                tooltip="Switch JobMail between daily and weekly"),
        Binding("n", "newsletters", "Newsletters on/off", show=False, id="account.newsletters",
                tooltip="Subscribe to the newsletters, or unsubscribe (asks first)"),
        # Not a Mail-tab footer key: at 80 columns it would push F1 Help out of the
        # footer and show as "del Delete"; the tab's key line says it instead.
        Binding("delete", "delete_search", "Delete a saved search", show=False,
                id="account.delete_search", tooltip="Pick a saved search and delete it"),
        Binding("slash", "filter", "Filter the log", show=False, id="account.filter",
                tooltip="Show only the entries of one employer"),
        Binding("w", "withdraw", "Withdraw application", show=False, id="account.withdraw",
                tooltip="Withdraw the application highlighted in the disclosure log"),
        Binding("b", "block", "Block company", show=False, id="account.block",
                tooltip="Block the employer highlighted in the disclosure log"),
        Binding("x", "forget", "Ask to forget", show=False, id="account.forget",
                tooltip="Ask the highlighted employer to erase your application"),
        Binding("t", "policy_text", "Read the policy", show=False, id="account.policy_text",
                tooltip="The whole privacy policy, scrollable"),
        Binding("e", "export", "Export your data", show=False, id="account.export",
                tooltip="Write everything the platform holds about you to a JSON file"),
        Binding("o", "sign_out", "Sign out", show=False, id="account.sign_out",
                tooltip="Sign out on the platform and on this computer, then close"),
        Binding("d", "delete", "Delete account", show=False, id="account.delete",
                tooltip="Erase your account for good (asks for your e-mail address)"),
        # Out of the footer, which the tab's own keys need at 80 columns; F1 lists it.
        Binding("r", "reload", "Reload", show=False, id="account.reload",
                tooltip="Load subscriptions, the log and the policy again"),
    ]  # fmt: skip

    DEFAULT_CSS = """
    AccountScreen #account-tabs { height: 1fr; }
    AccountScreen TabPane { padding: 0 1; height: 1fr; }
    AccountScreen .account-scroll { height: 1fr; }
    AccountScreen .account-line { margin-bottom: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.subscriptions: Subscriptions | None = None
        self.policy: PrivacyPolicy | None = None
        self.applications: list[Application] = []
        self.saved_searches: list[SavedSearch] | None = None

    def compose_body(self) -> ComposeResult:
        with TabbedContent(id="account-tabs", initial="mail"):
            with _MailPane(SECTIONS["mail"], id="mail"):  # noqa: SIM117
                with VerticalScroll(classes="account-scroll", can_focus=True, id="mail-scroll"):
                    yield SafeText("Loading your subscriptions…", id="jobmail-state",
                                   classes="account-line")  # fmt: skip
                    yield SafeText("", id="newsletters-state", classes="account-line")
                    yield SafeText("", id="mail-about", classes="account-line")
                    yield SafeText("", id="saved-searches", classes="account-line")
                    yield SafeText(MAIL_KEYS, id="mail-keys")
            with _LogPane(SECTIONS["log"], id="log"):
                yield DisclosureLogTable(id="log-view")
            with _PolicyPane(SECTIONS["policy"], id="policy"):  # noqa: SIM117
                with VerticalScroll(classes="account-scroll", can_focus=True, id="policy-scroll"):
                    yield SafeText("Loading the privacy policy…", id="policy-summary",
                                   classes="account-line")  # fmt: skip
                    yield SafeText("t  Read the whole policy.")
            with _DataPane(SECTIONS["data"], id="data"):  # noqa: SIM117
                with VerticalScroll(classes="account-scroll", can_focus=True, id="data-scroll"):
                    yield SafeText(DATA_TEXT, id="data-keys")

    def on_mount(self) -> None:
        self.query_one("#mail-scroll").focus()

    def on_screen_resume(self) -> None:
        # Applications and the log change on other screens: load them each time.
        self.load()

    # --- sections ---------------------------------------------------------------------

    def action_section(self, section: str) -> None:
        self.query_one(TabbedContent).active = section
        if section == "log":
            self.query_one(DisclosureLogTable).focus_table()
        else:
            self.query_one(f"#{section}-scroll").focus()

    def action_reload(self) -> None:
        self.load()

    # --- helpers ----------------------------------------------------------------------

    def _failed(self, what: str, error: PlatformError) -> None:
        detail = error.message
        if error.fields:
            detail = "; ".join(field.message for field in error.fields)
        # markup=False: the message may quote something from outside.
        self.notify(f"Could not {what}: {clean_line(detail)}", title="Not done",
                    severity="error", markup=False)  # fmt: skip

    @property
    def _server(self) -> str | None:
        """The platform's URL, or None for the local demo platform (token-store key)."""
        connector = self.gpseeker.connector
        return getattr(connector, "server", None) if connector.remote else None

    @property
    def _tokens(self) -> TokenStore:
        from gpseeker.config import TokenStore

        tokens = getattr(self.gpseeker.connector, "tokens", None)
        return tokens if isinstance(tokens, TokenStore) else TokenStore.default()

    # --- loading ----------------------------------------------------------------------

    @work(exclusive=True, group="account-load", exit_on_error=False)
    async def load(self) -> None:
        from gpseeker.client import PlatformError
        from gpseeker.disclosure_log import build_log

        try:
            client = await self._client()
            self.show_subscriptions(await client.subscriptions())
            self.show_saved_searches(await client.saved_searches())
            self.applications = await client.applications()
            log = build_log(await client.disclosures(), await client.profile_views())
            self.show_policy(await client.policy())
        except PlatformError as error:
            self._failed("load your account", error)
            return
        self._show_log(log)

    def _show_log(self, log: list[LogEntry]) -> None:
        statuses = {item.id: item.status for item in self.applications}
        self.query_one(DisclosureLogTable).show(log, statuses)

    @work(exclusive=True, group="account-log", exit_on_error=False)
    async def reload_log(self) -> None:
        from gpseeker.client import PlatformError
        from gpseeker.disclosure_log import build_log

        try:
            client = await self._client()
            self.applications = await client.applications()
            log = build_log(await client.disclosures(), await client.profile_views())
        except PlatformError as error:
            self._failed("load the disclosure log", error)
            return
        self._show_log(log)

    def show_subscriptions(self, subscriptions: Subscriptions) -> None:
        self.subscriptions = subscriptions
        self.query_one("#jobmail-state", SafeText).set_text(
            subscription_words("JobMail", subscriptions.jobmail, subscriptions.jobmail_frequency)
        )
        self.query_one("#newsletters-state", SafeText).set_text(
            subscription_words("Newsletters", subscriptions.newsletters, None)
        )
        self.query_one("#mail-about", SafeText).set_text(
            safe_join(
                [
                    "JobMail sends the new jobs of your saved searches (S on the Jobs screen) to ",
                    clean_line(subscriptions.email),
                    ". Nothing is sent without your yes, and every mail has a one-click "
                    "unsubscribe link.",
                ]
            )
        )

    def show_saved_searches(self, searches: list[SavedSearch]) -> None:
        from gpseeker.widgets.save_search_dialog import query_words

        self.saved_searches = searches
        if not searches:
            said = safe_join([NO_SAVED_SEARCHES])
        else:
            lines = [safe_join(["• ", clean_line(item.name), " — ", query_words(item.query)])
                     for item in searches]  # fmt: skip
            said = safe_join([safe_join(["Your saved searches:"]), *lines], "\n")
        self.query_one("#saved-searches", SafeText).set_text(said)

    def show_policy(self, policy: PrivacyPolicy) -> None:
        from gpseeker.widgets.policy_view import policy_summary

        self.policy = policy
        self.query_one("#policy-summary", SafeText).set_text(policy_summary(policy))

    # --- mail -------------------------------------------------------------------------

    def action_jobmail(self) -> None:
        self._toggle("jobmail", "JobMail")

    def action_newsletters(self) -> None:
        self._toggle("newsletters", "Newsletters")

    def _toggle(self, mail_list: str, name: str) -> None:
        from gpseeker.widgets.account_dialogs import UnsubscribeDialog

        self.action_section("mail")
        subscriptions = self.subscriptions
        if subscriptions is None:
            self.notify("Your subscriptions are still loading.", markup=False)
            return
        current: Subscription = getattr(subscriptions, mail_list)
        if not current.subscribed:
            self.change_mail({mail_list: True}, f"Subscribed to {name}.")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                done = f"Unsubscribed {clean_line(subscriptions.email)} from {name}."
                self.change_mail({mail_list: False}, done)

        self.app.push_screen(UnsubscribeDialog(name, subscriptions.email), answered)

    def action_frequency(self) -> None:
        self.action_section("mail")
        if self.subscriptions is None:
            self.notify("Your subscriptions are still loading.", markup=False)
            return
        frequency = "daily" if self.subscriptions.jobmail_frequency == "weekly" else "weekly"
        self.change_mail({"jobmail_frequency": frequency}, f"JobMail comes {frequency} now.")

    @work(exclusive=True, group="account-mail", exit_on_error=False)
    async def change_mail(self, changes: dict[str, object], done: str) -> None:
        from gpseeker.client import PlatformError
        from gpseeker.models import SubscriptionsUpdate

        try:
            update = SubscriptionsUpdate.model_validate({**changes, "via": "app"})
            saved = await (await self._client()).set_subscriptions(update)
        except PlatformError as error:
            self._failed("change your subscriptions", error)
            return
        self.show_subscriptions(saved)
        self.notify(done, title="Subscriptions", markup=False)

    def action_delete_search(self) -> None:
        from gpseeker.widgets.saved_search_picker import SavedSearchPicker

        self.action_section("mail")
        if self.saved_searches is None:
            self.notify("Your saved searches are still loading.", markup=False)
        elif not self.saved_searches:
            self.notify("You have no saved searches to delete.", markup=False)
        else:

            def chosen(search: SavedSearch | None) -> None:
                if search is not None:
                    self.delete_search(search)

            self.app.push_screen(SavedSearchPicker(self.saved_searches), chosen)

    @work(exclusive=True, group="account-saved-searches", exit_on_error=False)
    async def delete_search(self, search: SavedSearch) -> None:
        from gpseeker.client import PlatformError

        try:
            client = await self._client()
            await client.delete_saved_search(search.id)
            self.show_saved_searches(await client.saved_searches())
        except PlatformError as error:
            self._failed("delete the saved search", error)
            return
        self.notify(f"Deleted the saved search “{clean_line(search.name)}”.", markup=False)

    # --- the disclosure log -----------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one(TabbedContent).active = "log"
        self.query_one(DisclosureLogTable).focus_filter()

    def _application_entry(self, verb: str) -> LogEntry | None:
        self.query_one(TabbedContent).active = "log"
        entry = self.query_one(DisclosureLogTable).current
        if entry is None or entry.application_id is None:
            self.notify(f"Pick an application in the disclosure log to {verb}.", markup=False)
            return None
        return entry

    def action_withdraw(self) -> None:
        from gpseeker.widgets.job_confirm import ConfirmDialog

        entry = self._application_entry("withdraw")
        if entry is None or entry.application_id is None:
            return
        application_id = entry.application_id
        if self.query_one(DisclosureLogTable).statuses.get(application_id) == "withdrawn":
            self.notify("That application is already withdrawn.", markup=False)
            return
        question = safe_join(["Withdraw your application to ", entry.employer_name, "?"])
        dialog = ConfirmDialog("Withdraw application", question, yes="Withdraw", no="Keep")

        def answered(yes: bool | None) -> None:
            if yes:
                self.withdraw(application_id)

        self.app.push_screen(dialog, answered)

    @work(group="account-withdraw", exit_on_error=False)
    async def withdraw(self, application_id: int) -> None:
        from gpseeker.client import PlatformError

        try:
            changed = await (await self._client()).withdraw(application_id)
        except PlatformError as error:
            self._failed("withdraw the application", error)
            return
        self.notify(f"Withdrawn: {clean_line(changed.job_title)}.", markup=False)
        self.reload_log()

    def action_block(self) -> None:
        self.query_one(TabbedContent).active = "log"
        entry = self.query_one(DisclosureLogTable).current
        if entry is None:
            self.notify("Pick an entry in the disclosure log to block its employer.")
            return
        self.block(entry.employer_name)

    @work(group="account-block", exit_on_error=False)
    async def block(self, name: str) -> None:
        from gpseeker.client import PlatformError

        try:
            client = await self._client()
            names = [company.name for company in (await client.blocked_companies()).companies]
            if name.casefold() in (known.casefold() for known in names):
                self.notify(f"Already blocked: {clean_line(name)}.", markup=False)
                return
            await client.set_blocked_companies([*names, name])
        except PlatformError as error:
            self._failed("block the company", error)
            return
        self.notify(f"Blocked: {clean_line(name)}. It can never find you.", markup=False)

    def action_forget(self) -> None:
        from gpseeker.widgets.job_confirm import ConfirmDialog

        entry = self._application_entry("ask its employer to forget")
        if entry is None or entry.application_id is None:
            return
        if entry.erase_state is not None:
            self.notify(f"Already asked: {entry.erase_words}.", markup=False)
            return
        application_id = entry.application_id
        question = safe_join([
            "Ask ", entry.employer_name, " to erase your application",
            *((" for ", entry.job_title) if entry.job_title else ()),
            "? The request goes through the platform. It withdraws the application "
            "first: an employer cannot go on considering what it erased.",
        ])  # fmt: skip
        dialog = ConfirmDialog("Ask the employer to forget you", question,
                               yes="Ask to forget", no="Keep")  # fmt: skip

        def answered(yes: bool | None) -> None:
            if yes:
                self.forget(application_id)

        self.app.push_screen(dialog, answered)

    @work(group="account-forget", exit_on_error=False)
    async def forget(self, application_id: int) -> None:
        from gpseeker.client import PlatformError

        try:
            request = await (await self._client()).request_erasure(application_id)
        except PlatformError as error:
            self._failed("send the request", error)
            return
        self.notify(
            f"Asked {clean_line(request.employer_name)} to forget your application: "
            "waiting for the employer.",
            markup=False,
        )
        self.reload_log()

    # --- the policy -------------------------------------------------------------------

    def action_policy_text(self) -> None:
        from gpseeker.widgets.policy_view import PolicyTextDialog

        self.query_one(TabbedContent).active = "policy"
        if self.policy is None:
            self.notify("The privacy policy is still loading.", markup=False)
            return
        self.app.push_screen(PolicyTextDialog(self.policy))

    # --- your data --------------------------------------------------------------------

    @work(exclusive=True, group="account-export", exit_on_error=False)
    async def action_export(self) -> None:
        # Workers here only fetch and open the dialog, never wait on it: a worker
        # parked on a dialog would look busy to anything waiting for the screen.
        from gpseeker.client import PlatformError
        from gpseeker.widgets.account_dialogs import ExportDialog, default_export_path

        self.query_one(TabbedContent).active = "data"
        try:
            client = await self._client()
        except PlatformError as error:
            self._failed("export your data", error)
            return

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Your data was written to {clean_line(str(path))}",
                            title="Exported", markup=False, timeout=10)  # fmt: skip

        self.app.push_screen(ExportDialog(client, default_export_path(today())), written)

    def action_sign_out(self) -> None:
        from gpseeker.widgets.job_confirm import ConfirmDialog

        self.query_one(TabbedContent).active = "data"
        question = Content(
            "Sign out? Your sign-in is revoked on the platform and forgotten on this "
            "computer, and gpseeker closes. Your account and data stay as they are."
        )
        dialog = ConfirmDialog("Sign out", question, yes="Sign out", no="Stay")

        def answered(yes: bool | None) -> None:
            if yes:
                self.sign_out()

        self.app.push_screen(dialog, answered)

    @work(exclusive=True, group="account-sign-out", exit_on_error=False)
    async def sign_out(self) -> None:
        from gpseeker.client import PlatformError

        try:
            client = await self._client()
            label = client.platform_label
            await client.logout()
        except PlatformError as error:
            self._failed("sign out on the platform", error)
            return
        self._tokens.forget(self._server, "seeker")
        self.app.exit(message=f"Signed out of {clean_line(label)}.")

    @work(exclusive=True, group="account-delete", exit_on_error=False)
    async def action_delete(self) -> None:
        from gpseeker.client import PlatformError
        from gpseeker.local_data import erase_local_traces
        from gpseeker.widgets.account_dialogs import DeleteAccountDialog

        self.query_one(TabbedContent).active = "data"
        try:
            client = await self._client()
            applications = await client.applications()
        except PlatformError as error:
            self._failed("prepare the deletion", error)
            return
        names = sorted({clean_line(item.company_name) for item in applications}, key=str.casefold)
        label = clean_line(client.platform_label)

        def deleted(receipt: DeletionReceipt | None) -> None:
            if receipt is None:
                return
            erase_local_traces(self.gpseeker.data_dir, self._tokens, self._server)
            self.app.exit(
                message=f"Your account {clean_line(receipt.email)} is erased on {label}, "
                "and your sign-in and drafts on this computer are removed."
            )

        self.app.push_screen(DeleteAccountDialog(client, names), deleted)
