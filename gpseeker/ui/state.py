"""What the screens share about the signed-in candidate.

The profile editor and the privacy screen are two views of one draft: the privacy
screen's live preview must follow the editor keystroke by keystroke, before anything
is saved. So the draft lives here, owned by the app, and changes are announced on a
Signal that any screen may subscribe to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from textual.dom import DOMNode
from textual.signal import Signal

if TYPE_CHECKING:
    from gpseeker.core.models import Profile, ProfileEnvelope, Visibility

Change = Literal["profile", "draft", "visibility"]


@dataclass
class CandidateState:
    envelope: ProfileEnvelope | None = None
    """The profile as the server last confirmed it, with its ETag."""
    draft: Profile | None = None
    """The editor's current profile, built from every field that parses; None when the
    editor holds nothing unsaved."""
    visibility: Visibility | None = None
    """LOCKED / SEARCHABLE and the per-field choices, as saved."""
    changed: Signal[Change] = field(init=False)

    def bind(self, owner: DOMNode) -> None:
        self.changed = Signal(owner, "candidate-state-changed")

    @property
    def profile(self) -> Profile | None:
        """What the preview shows: the unsaved draft if there is one, else the saved profile."""
        if self.draft is not None:
            return self.draft
        return self.envelope.profile if self.envelope is not None else None

    @property
    def unsaved(self) -> bool:
        return self.draft is not None

    def set_saved(self, envelope: ProfileEnvelope) -> None:
        self.envelope = envelope
        self.draft = None
        self.changed.publish("profile")

    def set_draft(self, draft: Profile | None) -> None:
        self.draft = draft
        self.changed.publish("draft")

    def set_visibility(self, visibility: Visibility) -> None:
        self.visibility = visibility
        self.changed.publish("visibility")
