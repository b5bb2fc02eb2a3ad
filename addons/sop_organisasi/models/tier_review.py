from odoo import api
from odoo import models
from odoo.exceptions import AccessError

# the documents whose approval tiers this addon relies on (and every versioned work product:
# sop.document.version.mixin)
SOP_REVIEWED_MODELS = ("sop.procedure", "sop.case.step")
VERSIONED_DOCUMENT_MIXIN = "sop.document.version.mixin"
# what base_tier_validation writes in the reviewer's own session: the turn of a tier
# (waiting -> pending, and the derived flag) when it recomputes who may review
TURN_FIELDS = {"status", "can_review"}


class TierReview(models.Model):
    """Reviews of SOPs and case steps put an activity on each reviewer's list while they wait,
    and change only through the tier actions.

    base_tier_validation lets every internal user write any review; here a user's session
    may only move a review to its turn and, as one of its reviewers, write the comment.
    Approving, rejecting, asking or dropping reviews is done by the documents' tier
    methods, as superuser, after base_tier_validation has checked the reviewer.
    """

    _inherit = "tier.review"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(self._sop_guarded_model(vals.get("model")) for vals in vals_list):
            self._sop_refuse()
        reviews = super().create(vals_list)
        self._sop_sync_review_activities(reviews._sop_reviewed_documents())
        return reviews

    def write(self, vals):
        guarded = self._sop_guarded()
        if guarded and not self.env.su and not guarded._sop_session_may_write(vals):
            self._sop_refuse()
        if not self.env.su and self._sop_guarded_model(vals.get("model")):
            self._sop_refuse()  # a review is not moved onto a guarded document either
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

    # ------------------------------------------------------------------ access
    def _sop_guarded_model(self, model):
        """Whether the reviews of ``model`` change only through its tier actions."""
        if model in SOP_REVIEWED_MODELS:
            return True
        return bool(model) and model in self.env and isinstance(self.env[model], self.pool[VERSIONED_DOCUMENT_MIXIN])

    def _sop_guarded(self):
        return self.filtered(lambda review: self._sop_guarded_model(review.model))

    def _sop_refuse(self):
        raise AccessError(self.env._("Approval reviews change only through Validate and Reject by their reviewers."))

    def _sop_session_may_write(self, vals):
        open_reviews = all(review.status in ("waiting", "pending") for review in self)
        if set(vals) <= TURN_FIELDS:
            return "status" not in vals or (open_reviews and vals["status"] == "pending" and self._sop_in_turn())
        if set(vals) == {"comment"}:
            return open_reviews and all(self.env.user in review.reviewer_ids for review in self)
        return False

    def _sop_in_turn(self):
        """Whether each of these reviews is due on its document (no earlier tier still open)."""
        Review = self.sudo()
        for model, res_id in {(review.model, review.res_id) for review in self}:
            due = Review.search([("model", "=", model), ("res_id", "=", res_id)])._sop_due()
            if self.filtered(lambda r, m=model, i=res_id: r.model == m and r.res_id == i) - due:
                return False
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_sop_reviews_by_the_workflow(self):
        if not self.env.su and self._sop_guarded():
            self._sop_refuse()
