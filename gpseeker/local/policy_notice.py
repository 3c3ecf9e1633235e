"""Telling the candidate when the platform's privacy policy changed since they last
saw it: the version they saw is kept per platform in the config directory."""

from __future__ import annotations

import json
from pathlib import Path

from gpseeker.core.models import PrivacyPolicy
from gpseeker.local.config import TokenStore, write_file_atomically

SEEN_FILE = "policy-seen.json"


class PolicySeen:
    """The policy version last shown for each platform (None: the local demo one)."""

    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / SEEN_FILE

    def changed(self, server: str | None, policy: PrivacyPolicy) -> bool:
        """True when a version was seen before and this one differs. The first sight
        only records the version: there is no earlier policy to compare with."""
        seen = self._read().get(TokenStore.key(server))
        if seen is None:
            self.remember(server, policy)
            return False
        return seen != policy.version

    def remember(self, server: str | None, policy: PrivacyPolicy) -> None:
        """Record that the candidate has been shown this version."""
        data = self._read()
        data[TokenStore.key(server)] = policy.version
        write_file_atomically(self.path, json.dumps(data, indent=2) + "\n", mode=0o600)

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        return (
            {str(key): str(value) for key, value in data.items()} if isinstance(data, dict) else {}
        )
