from odoo import models


class TierValidation(models.AbstractModel):
    """The banner's "Next: <tier>" in the user's language: base_tier_validation's own text is translated
    with its module's files only (it ships no Indonesian), so the SOP addon words it."""

    _inherit = "tier.validation"

    def _compute_next_review(self):
        for rec in self:
            review = rec.review_ids.sorted("sequence").filtered(lambda x: x.status == "pending")[:1]
            rec.next_review = review and self.env._("Next: %(review)s", review=review.name or "")
