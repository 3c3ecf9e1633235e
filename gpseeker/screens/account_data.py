"""The Account screen's "your data": export, sign out, delete the account."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.content import Content
from textual.widgets import TabbedContent

from gpseeker.core.text import clean_line
from gpseeker.screens.account_base import AccountBase

if TYPE_CHECKING:
    from gpseeker.core.models import DeletionReceipt


def today() -> dt.date:
    """The day in the default export file name (a function so tests can fix it)."""
    return dt.date.today()


class DataActions(AccountBase):
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
            "computer with the jobs list kept for a fast start, and gpseeker closes. "
            "Your account and data stay as they are."
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
        from gpseeker.local.known_jobs import forget

        self._tokens.forget(self._server, "seeker")
        # The next account to sign in here must not see this one's jobs, even labelled.
        forget(self.gpseeker.data_dir, self._server)
        self.app.exit(message=f"Signed out of {clean_line(label)}.")

    @work(exclusive=True, group="account-delete", exit_on_error=False)
    async def action_delete(self) -> None:
        from gpseeker.client import PlatformError
        from gpseeker.local.local_data import erase_local_traces
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
                "and your sign-in, drafts and the jobs list kept for a fast start on this "
                "computer are removed."
            )

        self.app.push_screen(DeleteAccountDialog(client, names), deleted)
