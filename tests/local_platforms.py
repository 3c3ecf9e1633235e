"""Stopping the local platform processes a test started.

Any `gpseeker` run without a server, in a subprocess, starts the local platform
process of its home, which would otherwise run on for its idle time (15 minutes)
after the test.
"""

from __future__ import annotations

from pathlib import Path

from gpseeker.local_platform.files import PID_FILE, PlatformFiles
from gpseeker.local_platform.starter import stop


def stop_local_platforms(under: Path) -> None:
    """Stop every local platform whose data directory is under `under`."""
    for pid_file in under.rglob(PID_FILE):
        stop(PlatformFiles(pid_file.parent))
