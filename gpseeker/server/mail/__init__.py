"""JobMail: the digest of new jobs for a candidate's saved searches, and its delivery.

`digest` finds what is new, `message` writes it as an e-mail, `delivery` hands it to
SMTP or a Maildir, and `schedule` decides whose digest is due and sends it.
"""

from gpseeker.server.mail.delivery import MailNotConfigured, destination
from gpseeker.server.mail.schedule import SendReport, send_due, send_every

__all__ = ["MailNotConfigured", "SendReport", "destination", "send_due", "send_every"]
