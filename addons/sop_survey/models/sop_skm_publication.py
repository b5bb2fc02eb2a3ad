from odoo import api
from odoo import models
from odoo.tools import SQL

from ..tools import skm_tally
from ..tools.public_pages import FOLLOWUP_STATES
from ..tools.skm_questionnaire import SKM_ELEMENTS

# what the public pages show: their stamp changes with any of these tables (rows written or deleted)
STAMP_TABLES = ("sop_skm_period", "sop_skm_population", "sop_skm_followup", "sop_skm_unit", "sop_skm_service")
STANDARD_TABLES = ("sop_service_standard", "sop_service_standard_requirement")


class SopSkmPublication(models.AbstractModel):
    """What the public pages (/skm/hasil, /layanan) read: published periods only, figures only.

    Nothing here returns an answer, a respondent's profile, a suggestion or a user: the IKM
    figures come from the tally's sums per (period, unit, element), the follow-up plans give
    their element, action, deadline, status and result.
    """

    _name = "sop.skm.publication"
    _description = "Published SKM Results"

    @api.model
    def _public_stamp_tables(self):
        """The tables whose rows the public pages show (extended by the service standards)."""
        if "sop.service.standard" in self.env:
            return STAMP_TABLES + STANDARD_TABLES
        return STAMP_TABLES

    @api.model
    def _public_stamp(self):
        """One short query: a text that changes whenever something a public page shows changes.

        The latest write and the row count of each table shown (a deletion lowers the count) and the
        last tally row of the published periods (a corrected answer of a published period).
        """
        parts = [
            SQL("(SELECT concat(max(write_date), '/', count(*)) FROM %s)", SQL.identifier(table))
            for table in self._public_stamp_tables()
        ]
        # what is published, by id: a publication shows at once, even within one transaction
        parts.append(SQL("(SELECT string_agg(id::text, ',' ORDER BY id) FROM sop_skm_period WHERE published)"))
        if "sop.service.standard" in self.env:
            parts.append(
                SQL(
                    "(SELECT string_agg(id::text, ',' ORDER BY id) FROM sop_service_standard WHERE state = 'effective')"
                )
            )
        parts.append(
            SQL(
                "(SELECT max(t.id) FROM %s t WHERE t.period_id IN (SELECT id FROM sop_skm_period WHERE published))",
                SQL.identifier(skm_tally.TABLE),
            )
        )
        self.env.flush_all()
        self.env.cr.execute(SQL("SELECT concat_ws('|', %s)", SQL(", ").join(parts)))
        return self.env.cr.fetchone()[0]

    @api.model
    def _published_periods(self):
        """The published periods, the latest first."""
        return self.env["sop.skm.period"].sudo().search([("published", "=", True)], order="date_start desc, id desc")

    @api.model
    def _results(self, periods, units=None):
        """``{(period id, unit id): IKM row}`` of the published ``periods`` (``sop.skm.ikm`` rows:
        respondents, nrr, element_index, ikm, category, label) from the tally's sums."""
        period_ids = periods.filtered("published").ids
        if not period_ids:
            return {}
        unit_filter = SQL("AND unit_id = ANY(%s)", units.ids) if units is not None else SQL()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT period_id, unit_id, element, SUM(answers), SUM(score_total), SUM(respondents)
                     FROM %s
                    WHERE period_id = ANY(%s) %s
                 GROUP BY period_id, unit_id, element""",
                SQL.identifier(skm_tally.TABLE),
                period_ids,
                unit_filter,
            )
        )
        groups = {}
        for period_id, unit_id, element, answers, total, respondents in self.env.cr.fetchall():
            group = groups.setdefault((period_id, unit_id), {"sums": {}, "respondents": 0})
            if element is None:
                group["respondents"] += int(respondents or 0)
            elif answers:
                group["sums"][element] = (total, answers)
        Ikm = self.env["sop.skm.ikm"].sudo()
        return {
            key: Ikm._skm_row(("period", "unit"), key, group)
            for key, group in groups.items()
            if group["respondents"] > 0
        }

    @api.model
    def _elements(self, row):
        """The nine elements of an IKM row: code, name, NRR and value (NRR x 25), None when unanswered."""
        return [
            {
                "code": code,
                "name": name,
                "nrr": row["nrr"].get(code) if row else None,
                "index": row["element_index"].get(code) if row else None,
            }
            for code, name, _question, _labels in SKM_ELEMENTS
        ]

    @api.model
    def _followups(self, period, unit):
        """The follow-up plans of ``unit`` in the published ``period`` (no owner: no personal data)."""
        if not period.published:
            return []
        plans = (
            self.env["sop.skm.followup"]
            .sudo()
            .search([("period_id", "=", period.id), ("unit_id", "=", unit.id)], order="deadline, id")
        )
        elements = {code: name for code, name, _question, _labels in SKM_ELEMENTS}
        return [
            {
                "element": plan.element,
                "element_name": elements.get(plan.element, ""),
                "action": plan.name,
                "deadline": plan.deadline,
                "state": plan.state,
                "state_label": FOLLOWUP_STATES.get(plan.state, plan.state),
                "result": plan.result if plan.state == "done" else False,
            }
            for plan in plans
        ]
