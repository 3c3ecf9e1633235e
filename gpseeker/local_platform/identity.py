"""Which gpseeker code a local platform process runs, to tell an old one from ours.

The version alone is not enough: an editable install, or a reinstall of the same
version, changes the code and not the number, and a platform left running from before
would go on serving the old code to the new client. So the identity is the version
and a digest of where the package is and when its newest module changed. Computing it
reads the package's folders (about 200 files, a few milliseconds): the starter does
so only on its way to a platform, never before the first paint.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from gpseeker import __version__


def code_identity(package: Path | None = None) -> str:
    """`<version>+<digest>`: equal for two processes running the same code."""
    root = package or Path(__file__).resolve().parent.parent
    newest = 0
    count = 0
    folders = [str(root)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    newest = max(newest, entry.stat().st_mtime_ns)
                    count += 1
    digest = hashlib.sha256(f"{root}\0{newest}\0{count}".encode()).hexdigest()[:12]
    return f"{__version__}+{digest}"
