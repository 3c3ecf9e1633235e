"""The app's link to the platform: the first connection, noticing a loss, reconnecting.

One object owns the client for the whole app, so that every screen sees the same
state: connected, trying, or waiting to try again (on the schedule in
`gpseeker.ui.reconnect`). A loss is noticed by whichever request meets it first, through
the client's `on_reach` hook, and a request that gets through while the app is
waiting brings the next try forward. The client is kept across a loss (dialogs hold
it, and its sign-in stays good): a reconnect only checks that the platform answers.

Each try runs in a short worker rather than one loop that never ends, so that tests
(and anything else) can wait for all workers between two tries; the wait between
tries is a timer. The client package (httpx, pydantic) is imported only in a try,
never before the first paint.
"""

from __future__ import annotations

import asyncio
import copy
import math
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from gpseeker.ui.reconnect import Backoff, LinkStatus, Phase

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from gpseeker.client import PlatformClient, PlatformError

Opener = Callable[[], Awaitable["PlatformClient"]]
"""Opens a signed-in client (asking the candidate to sign in where that is needed)."""

FRESH_FAILURE = 1.0
"""Seconds during which a failed try answers for the platform: a screen asking for the
client then gets that failure at once instead of starting another try. Without it,
every screen that loads as the app starts would try again right after the first
failure, and the wait would double for nothing."""


class PlatformConnection:
    def __init__(
        self,
        app: App[Any],
        open_client: Opener,
        *,
        backoff: Backoff,
        on_status: Callable[[LinkStatus], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._app = app
        self._open_client = open_client
        self._backoff = backoff
        self._on_status = on_status
        self.clock = clock
        """The clock of `LinkStatus.retry_at`."""
        self.status = LinkStatus()
        self._client: PlatformClient | None = None
        self._outcome: asyncio.Future[PlatformClient] | None = None
        """What the try under way (or the next one) ends with, for whoever waits."""
        self._trying = False
        self._failures = 0
        """Tries in a row that failed: how long the next wait is."""
        self._error: PlatformError | None = None
        self._failed_at = -math.inf
        self._timer: Timer | None = None
        self._first_done = asyncio.Event()

    # --- what the app and the screens ask ------------------------------------------------

    @property
    def connected_client(self) -> PlatformClient | None:
        """The client while connected; None otherwise (for polls that should not wait)."""
        return self._client if self.status.connected else None

    async def first_try(self) -> None:
        """Wait until the first try since the start has ended, either way."""
        await self._first_done.wait()

    async def client(self) -> PlatformClient:
        """The client, once the platform answers.

        While disconnected, asking is a reason to try again at once (a candidate who
        presses Refresh or opens a screen wants the platform now, not at the end of
        the wait), unless a try failed a moment ago: then that failure is the answer.
        Raises the PlatformError of the try that failed.
        """
        if self.status.connected and self._client is not None:
            return self._client
        if not self._trying and self.status.phase in ("waiting", "stopped"):
            if self.clock() - self._failed_at < FRESH_FAILURE and self._error is not None:
                # A copy: the same exception raised in several workers would gather
                # all their tracebacks.
                raise copy.copy(self._error)
            self._try()
        return await asyncio.shield(self._pending())

    def start(self) -> None:
        """The first try (after the first paint: it imports the client)."""
        if self.status.phase == "connecting" and not self._trying:
            self._try()

    def retry_now(self) -> bool:
        """Try at once, without waiting; False if connected or a try is under way."""
        if self._trying or self.status.connected:
            return False
        self._try()
        return True

    async def aclose(self) -> None:
        self._stop_timer()
        if self._client is not None:
            client, self._client = self._client, None
            await client.aclose()

    # --- trying ------------------------------------------------------------------------

    def _pending(self) -> asyncio.Future[PlatformClient]:
        if self._outcome is None:
            self._outcome = asyncio.get_running_loop().create_future()
        return self._outcome

    def _try(self) -> None:
        self._stop_timer()
        self._trying = True
        outcome = self._pending()
        if self.status.phase != "connecting":
            self._set("trying", retry_at=None)
        self._app.run_worker(
            self._attempt(outcome),
            name="connect to the platform",
            group="connect",
            exit_on_error=False,
        )

    async def _attempt(self, outcome: asyncio.Future[PlatformClient]) -> None:
        try:
            if self._client is None:
                client = await self._open_client()
            else:
                client = await self._answers(self._client)
        except asyncio.CancelledError:  # the app is closing
            self._trying = False
            outcome.cancel()
            raise
        except Exception as error:
            self._failed(error, outcome)
        else:
            self._connected(client, outcome)

    @staticmethod
    async def _answers(client: PlatformClient) -> PlatformClient:
        """`client`, once its platform answers at all."""
        from gpseeker.client import PlatformError, Unavailable

        try:
            await client.me()
        except Unavailable:
            raise
        except PlatformError:
            # An answer, if only a refusal: the platform is back. What the refusal
            # means (a sign-in revoked meanwhile) is for the request that meets it.
            pass
        return client

    def _connected(self, client: PlatformClient, outcome: asyncio.Future[PlatformClient]) -> None:
        self._trying, self._outcome = False, None
        self._failures, self._error = 0, None
        self._client = client
        client.on_reach = self._reached
        outcome.set_result(client)
        self._first_done.set()
        self.status = LinkStatus("connected", ever_connected=True)
        self._on_status(self.status)

    def _failed(
        self, error: BaseException, outcome: asyncio.Future[PlatformClient], *, tried: bool = True
    ) -> None:
        """A try failed (`tried`), or a request found the platform gone."""
        from gpseeker.client import PlatformError, Unavailable, is_unreachable

        self._trying, self._outcome = False, None
        if not isinstance(error, PlatformError):
            # Failures that are not the platform's answer (an OSError of the local
            # platform's socket, say) are not PlatformErrors; their message is all a
            # screen can show.
            error = PlatformError(str(error) or type(error).__name__, code="not_connected")
        now = self.clock()
        self._error = error
        if tried:
            # Only a try answers for the platform for a moment (FRESH_FAILURE): after
            # one failed request (a lost answer, say) the next request tries again at
            # once, so that a Ctrl+S pressed right after is sent, not refused.
            self._failed_at = now
        self._failures += 1
        outcome.set_exception(error)
        outcome.exception()  # retrieved: nobody may be waiting, and asyncio would warn
        self._first_done.set()
        if isinstance(error, Unavailable):  # out of reach, or unavailable: time mends it
            delay = self._backoff.delay(self._failures)
            self._timer = self._app.set_timer(delay, self._try, name="reconnect")
            phase: Phase = "waiting"
            retry_at: float | None = now + delay
        else:
            phase, retry_at = "stopped", None
        self._set(phase, retry_at=retry_at, reason=error.message, unreachable=is_unreachable(error))

    def _reached(self, error: PlatformError | None) -> None:
        """The client's hook: after each request, whether the platform was reached."""
        if error is None:
            if self.status.phase == "waiting":
                self.retry_now()  # something got through: no need to wait any longer
        elif self.status.connected:
            self._failures = 0  # a fresh loss starts from the shortest wait
            self._failed(error, self._pending(), tried=False)

    def _set(self, phase: Phase, **changes: Any) -> None:
        fields = {
            "reason": self.status.reason,
            "unreachable": self.status.unreachable,
            "retry_at": self.status.retry_at,
            **changes,
        }
        self.status = LinkStatus(phase, ever_connected=self.status.ever_connected, **fields)
        self._on_status(self.status)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
