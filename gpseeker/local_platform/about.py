"""What the local platform process says about itself, at `GET /_local/about`.

Outside the platform's API (`/api/v1`): only the local platform process answers it,
and only its own starters and `gpseeker platform status` ask, over its socket.
"""

from __future__ import annotations

from pydantic import BaseModel

ABOUT_PATH = "/_local/about"


class PlatformAbout(BaseModel):
    pid: int
    identity: str
    """The code it runs (`identity.code_identity`): another one is from an older (or
    newer) gpseeker, and is replaced."""
    version: str
    data_dir: str
    socket: str
    idle_seconds: float
    """How long it runs without a request before it ends by itself."""
    idle_left_seconds: float
    """How long from now it would end, if no request came."""
    started_at: float
    """When it started answering, as a Unix time."""
