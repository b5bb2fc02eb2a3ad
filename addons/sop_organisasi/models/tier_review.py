from odoo import api
from odoo import models


class TierReview(models.Model):
    """Reviews of SOPs and case steps put an activity on each reviewer's list while they wait."""

    _inherit = "tier.review"

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        self._sop_sync_review_activities(reviews._sop_reviewed_documents())
        return reviews

    def write(self, vals):
        res = super().write(vals)
        if "status" in vals:
            self._sop_sync_review_activities(self._sop_reviewed_documents())
        return res

    def unlink(self):
        documents = self._sop_reviewed_documents()
        res = super().unlink()
        self._sop_sync_review_activities(documents)
        return res

    def _sop_reviewed_documents(self):
        """The reviewed records that keep review activities (see sop.approval.activity.mixin)."""
        return [
            self.env[model].sudo().browse(res_id)
            for model, res_id in {(review.model, review.res_id) for review in self}
            if model in self.env and isinstance(self.env[model], self.pool["sop.approval.activity.mixin"])
        ]

    @api.model
    def _sop_sync_review_activities(self, documents):
        for document in documents:
            if document.exists():
                document._sop_sync_review_activities()

    def _sop_due(self):
        """The open reviews whose turn it is (the lowest tier first when the tiers go in sequence)."""
        open_reviews = self.filtered(lambda r: r.status in ("waiting", "pending"))
        if not open_reviews:
            return open_reviews
        next_sequence = min(open_reviews.mapped("sequence"))
        return open_reviews.filtered(lambda r: not r.approve_sequence or r.sequence == next_sequence)
