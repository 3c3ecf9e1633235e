"""The Account screen's disclosure log: filter it, and from an entry withdraw the
application, block the organisation, or ask the employer to forget the application."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.widgets import TabbedContent

from gpseeker.core.text import clean_line
from gpseeker.screens.account_base import AccountBase
from gpseeker.screens.blocking import block_organisation
from gpseeker.widgets.disclosure_log_table import DisclosureLogTable
from gpseeker.widgets.safe_text import safe_join

if TYPE_CHECKING:
    from gpseeker.core.disclosure_log import LogEntry
    from gpseeker.core.models import Application


class LogActions(AccountBase):
    applications: list[Application]
    """The candidate's applications, for their status in words beside each entry."""

    def _show_log(self, log: list[LogEntry]) -> None:
        statuses = {item.id: item.status for item in self.applications}
        self.query_one(DisclosureLogTable).show(log, statuses)

    @work(exclusive=True, group="account-log", exit_on_error=False)
    async def reload_log(self) -> None:
        from gpseeker.client import PlatformError
        from gpseeker.core.disclosure_log import build_log

        try:
            client = await self._client()
            self.applications = await client.applications()
            log = build_log(await client.disclosures(), await client.profile_views())
        except PlatformError as error:
            self._failed("load the disclosure log", error)
            return
        self._show_log(log)

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
            saved = await block_organisation(await self._client(), name)
        except PlatformError as error:
            self._failed("block the organisation", error)
            return
        if saved is None:
            self.notify(f"Already blocked: {clean_line(name)}.", markup=False)
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
