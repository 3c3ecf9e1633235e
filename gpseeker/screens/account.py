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

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import TabbedContent, TabPane

from gpseeker.core.text import clean_line
from gpseeker.screens.account_data import DataActions
from gpseeker.screens.account_log import LogActions
from gpseeker.widgets.disclosure_log_table import DisclosureLogTable
from gpseeker.widgets.safe_text import SafeText, safe_join

if TYPE_CHECKING:
    from gpseeker.core.models import (
        Application,
        PrivacyPolicy,
        SavedSearch,
        Subscription,
        Subscriptions,
    )

__all__ = ["AccountScreen", "subscription_words"]


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


class AccountScreen(LogActions, DataActions):
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

    CSS_PATH = "account.tcss"

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

    def reload(self) -> None:
        self.load()

    # --- loading ----------------------------------------------------------------------

    @work(exclusive=True, group="account-load", exit_on_error=False)
    async def load(self) -> None:
        from gpseeker.client import PlatformError
        from gpseeker.core.disclosure_log import build_log

        try:
            client = await self._client()
            self.show_subscriptions(await client.subscriptions())
            self.show_saved_searches(await client.saved_searches())
            self.applications = await client.applications()
            log = build_log(await client.disclosures(), await client.profile_views())
            self.show_policy(await client.policy())
        except PlatformError as error:
            self.missed_platform = True
            self._failed("load your account", error)
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
        from gpseeker.core.models import SubscriptionsUpdate

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

    # --- the policy -------------------------------------------------------------------

    def action_policy_text(self) -> None:
        from gpseeker.widgets.policy_view import PolicyTextDialog

        self.query_one(TabbedContent).active = "policy"
        if self.policy is None:
            self.notify("The privacy policy is still loading.", markup=False)
            return
        self.app.push_screen(PolicyTextDialog(self.policy))
