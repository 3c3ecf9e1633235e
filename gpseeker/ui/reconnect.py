"""When the app tries to reach the platform again, and how it says so in words.

Pure: no Textual, no I/O, so that the schedule and every sentence can be tested
alone. `gpseeker/ui/connection.py` runs the schedule; the screens show `status_words`.

The rules:

- A platform that cannot be reached (refused, dropped, timed out, a gateway's 502)
  or that answers "unavailable" is tried again by itself, after waits that double
  from about a second up to a cap (60 s unless set otherwise), each with jitter, so
  that a restarted platform is not met by every client in the same second.
- A failure that waiting does not mend (the answer is not a gpseeker platform's, a
  local file is damaged) is not retried by itself; the retry key tries again.
- The state is always told in words, with the time left and the key that tries now;
  never by colour alone.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Phase = Literal["connecting", "connected", "trying", "waiting", "stopped"]
"""connecting: the first try since the app started; connected; trying: a try after a
failure or a loss; waiting: until the next try by itself; stopped: until asked."""


@dataclass(frozen=True)
class Backoff:
    """The waits between tries by itself: `first`, doubling, never above `cap`."""

    first: float = 1.0
    """Seconds before the first try again."""
    cap: float = 60.0
    """The longest wait, in seconds (the `reconnect_max_seconds` setting)."""

    @classmethod
    def capped_at(cls, cap: float) -> Backoff:
        """A schedule that never waits longer than `cap` seconds (at least 0.1 s)."""
        cap = max(0.1, cap)
        return cls(first=min(cls.first, cap), cap=cap)

    def delay(self, failures: int, chance: Callable[[], float] = random.random) -> float:
        """Seconds to wait after `failures` tries in a row have failed (1, 2, ...).

        "Equal jitter": between half and all of the doubled wait, so that waits still
        grow while clients spread out; never below half of `first`.
        """
        ceiling = min(self.cap, self.first * 2.0 ** max(0, failures - 1))
        return ceiling / 2 + ceiling / 2 * chance()


@dataclass(frozen=True)
class LinkStatus:
    """Where the app stands with the platform, as the screens show it."""

    phase: Phase = "connecting"
    reason: str = ""
    """Why the last try failed, in the client's words (may quote the server: show it
    only through the safe-text widget)."""
    unreachable: bool = True
    """Whether that failure was a platform out of reach (else: one that answered
    "unavailable", or a failure of another kind, when stopped)."""
    retry_at: float | None = None
    """When the next try by itself starts, on the clock the status was made with."""
    ever_connected: bool = False

    @property
    def connected(self) -> bool:
        return self.phase == "connected"


def seconds_left(status: LinkStatus, now: float) -> int:
    """Whole seconds until the next try, rounded up and at least 1, as a countdown
    shows them ("reconnecting in 1 s" until the try starts)."""
    if status.retry_at is None:
        return 0
    return max(1, math.ceil(status.retry_at - now - 1e-9))


def status_words(status: LinkStatus, now: float, retry_key: str) -> str:
    """The sentence the status line shows; empty while connected or first connecting.

    `retry_key` is the key as the footer writes it ("F8").
    """
    what = "Platform unreachable" if status.unreachable else "Platform unavailable"
    why = f" ({status.reason})" if status.reason else ""
    if status.phase == "waiting":
        return (
            f"{what}: reconnecting in {seconds_left(status, now)} s — press {retry_key} "
            f"to retry now.{why}"
        )
    if status.phase == "trying":
        return f"{what}: reconnecting now…{why}"
    if status.phase == "stopped":
        return f"Could not open the platform{why}. Press {retry_key} to try again."
    return ""


def header_words(status: LinkStatus, label: str | None) -> str:
    """The first part of the header: where the app is connected, or that it is not.

    `label` is "host · e-mail" once the app has been connected, else None."""
    if status.phase == "connected":
        return label or "connected to the platform"
    if status.phase == "connecting":
        return "connecting to the platform…"
    state = "reconnecting…" if status.phase == "trying" else "not connected"
    return f"{label} · {state}" if label else state


@dataclass(frozen=True)
class Notice:
    """A notification for a change of the link: title, sentence, severity, seconds up."""

    title: str
    message: str
    severity: Literal["information", "warning", "error"]
    seconds: float


def change_notice(before: LinkStatus, after: LinkStatus) -> Notice | None:
    """What to notify when the link goes from `before` to `after`, if anything.

    Only the turns are notified (the first failure, a loss, the return); each try in
    between changes the status line alone, so a long outage does not pile up notices.
    """
    failed = after.phase in ("waiting", "stopped")
    if failed and before.phase == "connecting":
        # Not up for long: the status line says it for as long as it lasts, and a
        # notice still up after the platform is back would contradict it.
        return Notice("Cannot reach the platform", after.reason, "error", 10)
    if failed and before.phase == "connected":
        return Notice(
            "Connection lost",
            "The platform stopped answering. gpseeker reconnects by itself and keeps "
            "what you typed.",
            "warning",
            10,
        )
    if after.connected and not before.connected and before.phase != "connecting":
        again = " again" if before.ever_connected else ""
        return Notice("Connected", f"Connected to the platform{again}.", "information", 5)
    return None
