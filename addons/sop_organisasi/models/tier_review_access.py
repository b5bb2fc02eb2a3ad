from odoo import api
from odoo import models
from odoo.exceptions import AccessError

# the documents whose approval tiers this addon relies on
SOP_REVIEWED_MODELS = ("sop.procedure", "sop.case.step")
# what base_tier_validation writes in the reviewer's own session: the turn of a tier
# (waiting -> pending, and the derived flag) when it recomputes who may review
TURN_FIELDS = {"status", "can_review"}


class TierReview(models.Model):
    """The reviews of SOPs and case steps change only through the tier actions.

    base_tier_validation lets every internal user write any review; here a user's session
    may only move a review to its turn and, as one of its reviewers, write the comment.
    Approving, rejecting, asking or dropping reviews is done by the documents' tier
    methods, as superuser, after base_tier_validation has checked the reviewer.
    """

    _inherit = "tier.review"

    def _sop_guarded(self):
        return self.filtered(lambda review: review.model in SOP_REVIEWED_MODELS)

    def _sop_refuse(self):
        raise AccessError(
            self.env._(
                "The approval reviews of an SOP or a case step change only through Validate and Reject "
                "by their reviewers."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("model") in SOP_REVIEWED_MODELS for vals in vals_list):
            self._sop_refuse()
        return super().create(vals_list)

    def write(self, vals):
        guarded = self._sop_guarded()
        if guarded and not self.env.su and not guarded._sop_session_may_write(vals):
            self._sop_refuse()
        return super().write(vals)

    def _sop_session_may_write(self, vals):
        open_reviews = all(review.status in ("waiting", "pending") for review in self)
        if set(vals) <= TURN_FIELDS:
            return "status" not in vals or (open_reviews and vals["status"] == "pending")
        if set(vals) == {"comment"}:
            return open_reviews and all(self.env.user in review.reviewer_ids for review in self)
        return False

    @api.ondelete(at_uninstall=False)
    def _unlink_sop_reviews_by_the_workflow(self):
        if not self.env.su and self._sop_guarded():
            self._sop_refuse()
