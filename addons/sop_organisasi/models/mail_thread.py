from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _message_compute_author(self, author_id=None, email_from=None, raise_on_email=True):
        """A civil servant without an e-mail address still finishes steps and issues letters: on the
        product's records his notes go out with the company's address as sender (or none), instead
        of Odoo's "configure the sender's email address" error."""
        if not (raise_on_email and self._name.startswith("sop.") and not self.env.user.share):
            return super()._message_compute_author(author_id, email_from, raise_on_email)
        author_id, email_from = super()._message_compute_author(author_id, email_from, raise_on_email=False)
        return author_id, email_from or self.env.company.email_formatted or False
