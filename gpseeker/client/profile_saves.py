"""Saving the profile so that a save whose answer was lost is never told as refused.

A save that timed out, or whose connection dropped, may have been stored all the
same. Three rules keep what the editor tells the candidate true:

- the same save (the same profile over the same version) sent again carries the same
  Idempotency-Key, so the platform answers it with its first answer ("saved") instead
  of acting twice or refusing it with 412 because of the version it made itself;
- a 412 is checked against what the platform holds before anyone is asked: if that
  is exactly the profile being saved, it is saved (there is nothing to choose); if
  it is exactly an earlier save of this editor whose answer was lost, the version
  moved because of that save, and the new one goes on over it;
- only a change made elsewhere comes back as `Stale`, for the candidate to decide.

Knows nothing of Textual: the editor (screens/profile.py) shows the outcome, in the
words of `failed_save_words` when it failed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gpseeker.client import PlatformError, PreconditionFailed

if TYPE_CHECKING:
    from gpseeker.client import PlatformClient
    from gpseeker.core.models import Profile, ProfileEnvelope

__all__ = ["ProfileSaves", "Stale", "failed_save_words"]

KEPT = 5
"""Unanswered saves remembered; the oldest is forgotten first (a 412 it caused is then
shown as a change made elsewhere: the differences are still shown, nothing is lost)."""


@dataclass(frozen=True)
class Stale:
    """Someone else saved since the version the form was typed over."""

    server: ProfileEnvelope
    """What the platform holds now, with its version."""


@dataclass(frozen=True)
class _Sent:
    content: dict[str, Any]
    etag: str
    key: str


def _content(profile: Profile) -> dict[str, Any]:
    """The profile as the platform stores it: equal content means the same profile."""
    return profile.model_dump(mode="json")


class ProfileSaves:
    """The editor's saves, and which of them were sent without an answer."""

    def __init__(self, new_key: Callable[[], str] = lambda: str(uuid.uuid4())) -> None:
        self._new_key = new_key
        self._unanswered: list[_Sent] = []

    @property
    def unanswered(self) -> bool:
        """Whether a save may have been stored without the editor knowing."""
        return bool(self._unanswered)

    def forget(self) -> None:
        """The candidate took the platform's version: earlier saves no longer matter."""
        self._unanswered.clear()

    async def save(
        self, client: PlatformClient, profile: Profile, etag: str
    ) -> ProfileEnvelope | Stale:
        """Save `profile` over version `etag`: the saved envelope, or `Stale`.

        Raises PlatformError when the platform refused or could not be asked; with
        `outcome_unknown` set, the save is remembered and sending it again is safe.
        """
        content = _content(profile)
        sent = self._sent(content, etag)
        try:
            envelope = await client.put_profile(profile, etag, idempotency_key=sent.key)
        except PreconditionFailed as error:
            if error.status != 412:
                raise
            return await self._after_412(client, profile, content, sent)
        except PlatformError as error:
            if sent in self._unanswered and (error.status is None or error.status >= 500):
                # This very save went out before and no answer came: that earlier try
                # may be stored, whatever this one met (a refused connection while the
                # platform restarts, say). "Not saved" would be a guess.
                error.outcome_unknown = True
            if error.outcome_unknown and sent not in self._unanswered:
                self._unanswered = [*self._unanswered, sent][-KEPT:]
            raise
        self._unanswered.clear()
        return envelope

    def _sent(self, content: dict[str, Any], etag: str) -> _Sent:
        """The same save as an unanswered one keeps its key; any other gets a new one."""
        for sent in self._unanswered:
            if sent.content == content and sent.etag == etag:
                return sent
        return _Sent(content, etag, self._new_key())

    async def _after_412(
        self, client: PlatformClient, profile: Profile, content: dict[str, Any], sent: _Sent
    ) -> ProfileEnvelope | Stale:
        server = await client.get_profile()
        held = _content(server.profile)
        if held == content:
            # The platform holds exactly this profile (an earlier try of ours, or the
            # same edit made elsewhere): it is saved, and nothing would be overwritten.
            self._unanswered.clear()
            return server
        ours = [earlier for earlier in self._unanswered if earlier is not sent]
        if any(earlier.content == held for earlier in ours):
            # The version moved because an earlier save of ours landed unanswered:
            # saving over it overwrites nobody else's change.
            self._unanswered.clear()
            return await self.save(client, profile, server.etag)
        return Stale(server)


def failed_save_words(error: PlatformError) -> tuple[str, str]:
    """A failed save's title and sentence: "Not saved" only when it surely was not."""
    kept = "Your changes are kept in the form and in the draft."
    if error.outcome_unknown:
        # It may well have been stored; the same save sent again carries the same
        # key, so the platform stores it at most once whatever happened.
        return (
            "Not confirmed",
            f"{error.message}. Your profile may have been saved all the same: press "
            f"Ctrl+S to send it again, and the platform saves it only once. {kept}",
        )
    return "Not saved", f"{error.message}. {kept}"
