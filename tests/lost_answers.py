"""A transport whose requests arrive but whose answers may be lost, as after a timeout
or a dropped connection: the platform acts, the client never hears of it."""

from __future__ import annotations

import asyncio

import httpx


class LosesAnswers(httpx.AsyncBaseTransport):
    """Passes every request on; loses the answers to the first `lost` requests with
    `method` to a path ending in `path`, raising `error` after the platform has acted.

    `hold`, when set, keeps such requests waiting before they are passed on, until the
    test sets it: a save "on its way" for as long as the test needs.
    """

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        *,
        lost: int = 1,
        method: str = "PUT",
        path: str = "/me/profile",
        error: type[httpx.TransportError] = httpx.ReadTimeout,
        hold: asyncio.Event | None = None,
    ) -> None:
        self.inner, self.lost, self.method, self.path = inner, lost, method, path
        self.error, self.hold = error, hold
        self.sent: list[httpx.Request] = []
        """The matching requests, as they left the client (retries included)."""

    def matches(self, request: httpx.Request) -> bool:
        return request.method == self.method and request.url.path.endswith(self.path)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self.matches(request):
            return await self.inner.handle_async_request(request)
        self.sent.append(request)
        if self.hold is not None:
            await self.hold.wait()
        response = await self.inner.handle_async_request(request)
        if len(self.sent) <= self.lost:
            await response.aread()
            raise self.error("the answer was lost on the way back", request=request)
        return response

    @property
    def keys(self) -> list[str]:
        return [request.headers.get("Idempotency-Key", "") for request in self.sent]

    async def aclose(self) -> None:
        await self.inner.aclose()
