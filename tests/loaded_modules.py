"""What a fresh interpreter has imported after running some code: for the tests that
keep a process from loading what it does not use."""

from __future__ import annotations

import json
import subprocess
import sys


def modules_after(code: str) -> list[str]:
    """The names in `sys.modules` after `code` ran in a new interpreter, sorted."""
    probe = f"{code}\nimport json as _json, sys as _sys\nprint(_json.dumps(sorted(_sys.modules)))\n"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.splitlines()[-1])
    return loaded
