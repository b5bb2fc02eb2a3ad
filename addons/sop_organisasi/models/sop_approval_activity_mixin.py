from odoo import fields
from odoo import models
from odoo.exceptions import AccessError

from ..tools.workflow import in_workflow

REVIEW_ACTIVITY_XMLID = "sop_organisasi.mail_activity_type_sop_review"


class SopApprovalActivityMixin(models.AbstractModel):
    """A tier-validated record whose waiting reviewers each get a 'Review' activity.

    The activity is created when the reviewer's tier comes up, marked done when the
    reviewer validates or rejects, and removed when someone else's decision (or a
    restart of the validation) makes it pointless.
    """

    _name = "sop.approval.activity.mixin"
    _description = "Review Activities of Tier-Validated SOP Records"

    def _sop_reviews_in_turn(self, tiers):
        """``tiers`` (the reviews a validation or rejection is asked for), if they are all the current
        user's turn; every path to a review (button, base_tier_validation's comment wizard, RPC)
        respects the approval sequence."""
        self.ensure_one()
        if not tiers or in_workflow(self.env):
            return tiers
        sequences = self._get_sequences_to_approve(self.env.user)
        in_turn = self.review_ids.filtered(lambda r: r.sequence in sequences or r.approve_sequence_bypass)
        out_of_turn = tiers - in_turn
        if out_of_turn:
            raise AccessError(
                self.env._(
                    "It is not your turn to review %(name)s: earlier tiers (%(tiers)s) come first.",
                    name=self.display_name,
                    tiers=", ".join(out_of_turn.mapped("name")) or "-",
                )
            )
        return tiers

    def _sop_review_activity_target(self):
        """(record holding the activity, extra activity values) -- override."""
        self.ensure_one()
        return self, {}

    def _sop_review_activity_summary(self):
        self.ensure_one()
        return self.env._("Review %(name)s", name=self.display_name)[:250]

    def _sop_review_activities(self):
        self.ensure_one()
        target, extra = self._sop_review_activity_target()
        # searched, not read from activity_ids: that cache misses activities created meanwhile
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", target._name),
                    ("res_id", "=", target.id),
                    ("activity_type_id", "=", self.env.ref(REVIEW_ACTIVITY_XMLID).id),
                    ("sop_review_step_id", "=", extra.get("sop_review_step_id", False)),
                ]
            )
        )

    def _sop_sync_review_activities(self):
        for record in self.sudo():
            # searched: review_ids is not refreshed when reviews are created or removed meanwhile
            reviews = record.env["tier.review"].search([("model", "=", record._name), ("res_id", "=", record.id)])
            due_users = reviews._sop_due().reviewer_ids.filtered(lambda u: u.active and not u.share)
            activities = record._sop_review_activities()
            deciders = reviews.filtered(lambda r: r.status in ("approved", "rejected")).done_by
            asked = activities.user_id
            for activity in activities:
                if not activity.exists() or activity.user_id in due_users:
                    continue
                if activity.user_id in deciders:
                    activity.action_feedback(feedback=record.env._("Reviewed."))
                else:
                    activity.unlink()
            target, extra = record._sop_review_activity_target()
            for user in due_users - asked:
                # creating an activity can flush the reviews' computed status and sync again
                if user in record._sop_review_activities().user_id:
                    continue
                target.activity_schedule(
                    REVIEW_ACTIVITY_XMLID,
                    date_deadline=fields.Date.context_today(record),
                    summary=record._sop_review_activity_summary(),
                    user_id=user.id,
                    **extra,
                )
