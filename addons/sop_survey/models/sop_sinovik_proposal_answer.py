from odoo import api
from odoo import fields
from odoo import models

from ..tools.sinovik_scoring import count_words


class SopSinovikProposalAnswer(models.Model):
    _name = "sop.sinovik.proposal.answer"
    _inherit = ["sop.sinovik.part.mixin"]
    _description = "SINOVIK Proposal Section Answer"
    _order = "proposal_id, sequence, id"

    section_id = fields.Many2one("sop.sinovik.section", required=True, ondelete="restrict")
    sequence = fields.Integer(related="section_id.sequence", store=True)
    max_words = fields.Integer(related="section_id.max_words")
    guidance = fields.Text(related="section_id.guidance")
    text = fields.Text()
    word_count = fields.Integer(compute="_compute_word_count", store=True)
    over_limit = fields.Boolean(compute="_compute_word_count", store=True)

    _sql_constraints = [
        ("section_unique", "unique(proposal_id, section_id)", "A section is answered once per proposal.")
    ]

    @api.depends("text", "section_id.max_words")
    def _compute_word_count(self):
        for answer in self:
            answer.word_count = count_words(answer.text)
            answer.over_limit = bool(answer.max_words and answer.word_count > answer.max_words)

    @api.constrains("section_id", "proposal_id")
    def _check_section_competition(self):
        self._check_same_competition(
            "section_id",
            lambda answer: self.env._(
                "The section %(section)s belongs to another competition than the proposal %(proposal)s.",
                section=answer.section_id.name,
                proposal=answer.proposal_id.name,
            ),
        )
