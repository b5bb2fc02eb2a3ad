from odoo import fields
from odoo import models
from odoo.tools import format_date
from odoo.tools import formatLang


class SopDashboard(models.AbstractModel):
    """The division's dashboard also shows the SKM period's IKM and the SINOVIK stages."""

    _inherit = "sop.dashboard"

    def _dashboard_sections(self):
        return [*super()._dashboard_sections(), self._section_skm_ikm(), self._section_sinovik_stages()]

    def _skm_dashboard_period(self):
        """The open period covering today, else the latest one that has started."""
        Period = self.env["sop.skm.period"]
        today = fields.Date.context_today(self)
        return Period._skm_open_period(today) or Period.search(
            [("date_start", "<=", today)], order="date_start desc, id desc", limit=1
        )

    def _section_skm_ikm(self):
        _ = self.env._
        period = self._skm_dashboard_period()
        rows = [
            {
                "key": line.id,
                "cells": [
                    line.unit_id.name,
                    f"{line.response_count} / {line.sample_min}",
                    line.progress,
                    formatLang(self.env, line.ikm, digits=2) if line.response_count else "-",
                    line.category_label or "",
                ],
                "level": "" if line.response_count >= line.sample_min else "warning",
                "action": self._window(line.display_name, "sop.skm.population", res_id=line.id),
            }
            for line in period.population_ids.sorted(lambda p: (p.unit_id.name or "", p.id))
        ]
        return {
            "key": "skm_ikm",
            "sequence": 50,
            "type": "table",
            "title": _("IKM per unit"),
            "subtitle": period.name or "",
            "columns": [
                _("Service unit"),
                _("Responses / minimum sample"),
                _("Sample progress"),
                _("IKM"),
                _("Service quality"),
            ],
            "progress_column": 2,
            "rows": rows,
            "empty": _("No SKM period has started yet."),
        }

    def _section_sinovik_stages(self):
        _ = self.env._
        competitions = self.env["sop.sinovik.competition"].search([("state", "in", ("open", "evaluation"))])
        state_labels = dict(self.env["sop.sinovik.stage"]._fields["state"]._description_selection(self.env))
        rows = []
        for stage in competitions.stage_ids.sorted(lambda s: (s.competition_id.id, s.sequence, s.id)):
            assignments = stage.assignment_ids
            done = len(assignments.filtered(lambda a: a.state == "done"))
            dates = " - ".join(format_date(self.env, d) for d in (stage.date_start, stage.date_end) if d)
            rows.append(
                {
                    "key": stage.id,
                    "cells": [
                        stage.competition_id.name,
                        stage.name,
                        state_labels.get(stage.state, stage.state),
                        dates,
                        f"{done} / {len(assignments)}" if stage.is_scored else "",
                    ],
                    "level": "info" if stage.state == "open" else "",
                    "action": self._window(
                        stage.competition_id.name, "sop.sinovik.competition", res_id=stage.competition_id.id
                    ),
                }
            )
        return {
            "key": "sinovik_stages",
            "sequence": 60,
            "type": "table",
            "title": _("SINOVIK stages"),
            "columns": [_("SINOVIK competition"), _("Competition stage"), _("Status"), _("Dates"), _("Scores done")],
            "rows": rows,
            "empty": _("No SINOVIK competition is running."),
        }
