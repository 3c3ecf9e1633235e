"""The largest request body the platform reads: 413 before the rest of it arrives.

FastAPI reads a JSON body whole before validating it, so without a limit a 300 MB
body sent to the unauthenticated login cost 15 s and a gigabyte of memory before
its 422. The limit is enforced twice, both before any route runs its code:

- a `Content-Length` over the limit is refused at once, without reading a byte;
- the bytes that arrive are counted as they are received, so a chunked body (or one
  whose Content-Length lies) is cut off as soon as it passes the limit.

The refusal is the platform's usual `ErrorBody` with `Connection: close`, so that
the server stops reading what the client is still sending.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gpseeker.server.errors import error_response


class BodyTooLarge(HTTPException):
    """Raised into the app from `receive` once the body passes the limit.

    An HTTPException, so that FastAPI passes it on as it is (any other error while
    reading a body becomes its 400) and the app answers it quietly, instead of the
    catch-all logging a traceback for every oversized request.
    """

    def __init__(self) -> None:
        super().__init__(413)


def size_words(limit: int) -> str:
    """A byte count as people write it: 1 MiB, 512 KiB, 1000 bytes."""
    for unit, size in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if limit >= size and limit % size == 0:
            return f"{limit // size} {unit}"
    return f"{limit} bytes"


class BodyLimit:
    """ASGI middleware: refuse any request whose body is longer than `max_bytes`."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _declared_length(scope) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            # Whatever the app makes of the exception (FastAPI turns an error while
            # reading a body into a 400) is not sent: the answer is the 413 below.
            if exceeded:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except BodyTooLarge:
            pass
        except Exception:
            if not exceeded:
                raise
        if exceeded and not started:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = size_words(self.max_bytes)
        response = error_response(
            413,
            "body_too_large",
            f"The request body is larger than this platform accepts ({limit}).",
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


def _declared_length(scope: Scope) -> int:
    """The Content-Length the client announced; 0 when there is none (or it is not a
    number, which the server in front of the app refuses on its own)."""
    value = Headers(scope=scope).get("content-length", "")
    return int(value) if value.isascii() and value.isdigit() else 0
