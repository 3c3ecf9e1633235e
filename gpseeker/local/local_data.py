"""What this machine keeps about the candidate, and erasing it after the account is
deleted: the saved sign-in, unsent drafts, the jobs list kept for a fast start and,
for the local demo platform, the password of its local account."""

from __future__ import annotations

import shutil
from pathlib import Path

from gpseeker.local.config import LOCAL_ACCOUNT_FILE, TokenStore, drafts_dir
from gpseeker.local.known_jobs import forget as forget_known_jobs


def erase_local_traces(data_dir: Path, tokens: TokenStore, server: str | None) -> list[Path]:
    """Forget the sign-in to `server` (None: the local demo platform), remove the
    drafts and the jobs list kept from it; returns what was removed, for the message
    that says so."""
    removed: list[Path] = []
    if tokens.forget(server, "seeker"):
        removed.append(tokens.path)
    known_jobs = forget_known_jobs(data_dir, server)
    if known_jobs is not None:
        removed.append(known_jobs)
    drafts = drafts_dir(data_dir)
    if drafts.exists():
        shutil.rmtree(drafts)
        removed.append(drafts)
    if server is None:
        # The next start creates a new, empty local account rather than signing in
        # to the erased one.
        account = data_dir / LOCAL_ACCOUNT_FILE
        if account.exists():
            account.unlink()
            removed.append(account)
    return removed
