"""The platform's privacy policy: the promise of DESIGN.md in words a candidate reads.

Versioned by date: a client remembers the version it showed and tells the candidate
when it changes (`gpseeker.local.policy_notice`), so every change gets a new `VERSION`,
`EFFECTIVE_DATE` and `CHANGES`. The contact point comes from the server's settings,
since every operator of a platform has its own.
"""

from __future__ import annotations

import datetime as dt

from gpseeker.core.models import PolicyContact, PrivacyPolicy
from gpseeker.server.settings import ServerSettings

VERSION = "2026-11-27"
EFFECTIVE_DATE = dt.date(2026, 11, 27)

CHANGES = [
    "You can now export everything the platform holds about you as one JSON document.",
    "You can now delete your account; it is erased at once and cannot be recovered.",
    "You can now ask an employer to erase an application you sent; you see its answer "
    "beside the disclosure in your log.",
    "JobMail and newsletters are opt-in, and every mail carries a one-click unsubscribe link.",
]
"""What this version changed from the one before."""

TEXT = """\
Privacy policy of this gpseeker platform

1. You decide who sees you. Your resume is LOCKED (no employer can find or open it)
   or SEARCHABLE (employers find it by keyword). You can switch at any time and the
   switch takes effect at once. You can block companies that must never find you.

2. Searchable never means identifiable. In the resume bank employers see a masked
   resume only: never your name, postal address, phone number, e-mail address or the
   name of your current company. Your own free text is checked for these too. An
   employer reaches you only through the platform's relay.

3. Your details go to an employer only when you apply to one of its jobs, or when
   you choose to share your e-mail address or phone number in a reply to its
   invitation. Applying sends your name, your e-mail address, the details you ticked
   in the apply dialog and your application view to that employer, for that job,
   and to nobody else.

4. Every disclosure is logged: which employer received what, when and why. Employers
   opening your masked resume are logged too. You can read the whole log at any time.

5. You can see, correct and export all your data, as one JSON document. You can
   delete your account: the platform then erases everything it holds about you at
   once, and it cannot be recovered. Employers that received an application keep
   their own copy as the law allows; you can ask any of them to erase it, and you
   see their answer.

6. Mail is opt-in. You receive JobMail and newsletters only if you subscribe, and we
   record when and how you agreed. Every mail has a one-click unsubscribe link, and
   you can unsubscribe in the app at any time.

Questions about your personal information go to the contact point below.
"""


def current_policy(settings: ServerSettings) -> PrivacyPolicy:
    """The policy in force, with this platform's contact point.

    Reads the module's constants at call time, so a test can replace `VERSION`
    (monkeypatch) to play a policy change.
    """
    return PrivacyPolicy(
        version=VERSION,
        effective_date=EFFECTIVE_DATE,
        text=TEXT,
        changes=list(CHANGES),
        contact=PolicyContact(
            operator=settings.policy_operator,
            address=settings.policy_address,
            email=settings.policy_email,
            hours=settings.policy_hours,
        ),
    )
