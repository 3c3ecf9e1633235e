"""The candidate's way to the local platform process: httpx over its Unix socket,
and the platform started again if it went away.

A platform can end under a long-running client: `gpseeker platform stop`, a crash, a
newer gpseeker replacing it. A connection that cannot even be made has sent nothing,
so this transport starts the platform (or finds the one another process started) and
sends the request once more; the client above sees a platform that never left. If it
cannot be started, the request fails as unreachable, with the reason and the log.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx

from gpseeker.client.errors import PlatformError
from gpseeker.local.local_files import FileNotice
from gpseeker.local_platform.files import PlatformFiles
from gpseeker.local_platform.starter import RunningPlatform, ensure_running


def over_socket(socket: Path) -> httpx.AsyncHTTPTransport:
    """Plain HTTP over the platform's Unix socket. No TLS can happen there, so no TLS
    context is made: loading the certificate store cost every command 20 ms."""
    return httpx.AsyncHTTPTransport(uds=os.fspath(socket), verify=False)


class LocalPlatformTransport(httpx.AsyncBaseTransport):
    def __init__(self, files: PlatformFiles, idle_seconds: float, running: RunningPlatform) -> None:
        self._files = files
        self._idle_seconds = idle_seconds
        self._http = over_socket(running.socket)
        self.notices: list[FileNotice] = []
        """What a platform started again had to repair, for whoever shows notices."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await self._http.handle_async_request(request)
        except httpx.ConnectError:
            pass  # nothing was sent: start the platform and send it once more
        try:
            running = await asyncio.to_thread(
                ensure_running, self._files, self._idle_seconds, any_code=True
            )
        except PlatformError as error:
            raise httpx.ConnectError(error.message, request=request) from None
        self.notices.extend(running.notices)
        await self._http.aclose()
        self._http = over_socket(running.socket)
        return await self._http.handle_async_request(request)

    async def aclose(self) -> None:
        await self._http.aclose()
