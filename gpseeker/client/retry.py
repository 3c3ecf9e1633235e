"""When and how long the client waits before trying a request again."""

from __future__ import annotations

import random
from dataclasses import dataclass

import httpx

# A gateway in front of the platform answers 502/504 while a worker restarts;
# like 503 they say "try again", unlike 500 which says "this request is broken".
RETRY_STATUSES = frozenset({502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3
    """Tries in all, the first one included."""
    base_delay: float = 0.2
    """Seconds before the second try; doubles for each further try."""
    max_delay: float = 3.0

    def delay(self, failed_attempts: int) -> float:
        """Exponential backoff with jitter, so many clients do not retry in step."""
        delay = min(self.max_delay, self.base_delay * 2.0 ** (failed_attempts - 1))
        return delay * random.uniform(0.5, 1.0)  # noqa: S311 - jitter, not a secret


def never_sent(error: httpx.TransportError) -> bool:
    """True if the request cannot have reached the server (safe to retry any method)."""
    return isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


RETRYABLE_ERRORS = (httpx.NetworkError, httpx.TimeoutException, httpx.RemoteProtocolError)
