from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools import format_date

OPEN_STEP_STATES = ("current", "to_approve")
LATE_STEP_LIMIT = 10
MONITORING_HORIZON_DAYS = 30


class SopDashboard(models.AbstractModel):
    """Start page of the Organization Division: what runs, what is late, what is due.

    ``get_dashboard_data`` returns sections the client action ``sop_organisasi.dashboard``
    draws as tiles or tables; every row carries the window action it opens. Other addons
    add sections by extending ``_dashboard_sections``.
    Everything is read as the current user, so record rules apply.
    """

    _name = "sop.dashboard"
    _description = "SOP Dashboard"

    @api.model
    def get_dashboard_data(self):
        sections = [section for section in self._dashboard_sections() if section]
        return {"sections": sorted(sections, key=lambda s: s["sequence"])}

    def _dashboard_sections(self):
        return [
            self._section_my_desk(),
            self._section_counters(),
            self._section_late_steps(),
            self._section_steps_by_step(),
            self._section_monitoring_due(),
        ]

    # ----------------------------------------------------------- helpers
    @api.model
    def _window(self, name, model, domain=None, res_id=None, views=("list", "form")):
        """A window action on ``model``: one record's form, or a filtered list."""
        if res_id:
            return {
                "type": "ir.actions.act_window",
                "name": name,
                "res_model": model,
                "res_id": res_id,
                "views": [(False, "form")],
                "target": "current",
            }
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "domain": domain or [],
            "views": [(False, view) for view in views],
            "target": "current",
        }

    def _open_steps_domain(self):
        return [("state", "in", OPEN_STEP_STATES), ("case_id.state", "=", "running")]

    def _late_steps_domain(self):
        return [*self._open_steps_domain(), ("date_deadline", "<", fields.Datetime.now())]

    # ---------------------------------------------------------- sections
    def _section_counters(self):
        Step = self.env["sop.case.step"]
        _ = self.env._
        tiles = [
            {
                "label": _("Running cases"),
                "value": self.env["sop.case"].search_count([("state", "=", "running")]),
                "action": self._window(_("Running cases"), "sop.case", [("state", "=", "running")]),
            },
            {
                "label": _("Steps in progress"),
                "value": Step.search_count(self._open_steps_domain()),
                "action": self._window(_("Steps in progress"), "sop.case.step", self._open_steps_domain()),
            },
            {
                "label": _("Late steps"),
                "value": Step.search_count(self._late_steps_domain()),
                "level": "danger",
                "action": self._window(_("Late steps"), "sop.case.step", self._late_steps_domain()),
            },
            {
                "label": _("Steps waiting for approval"),
                "value": Step.search_count([("state", "=", "to_approve")]),
                "level": "warning",
                "action": self._window(
                    _("Steps waiting for approval"), "sop.case.step", [("state", "=", "to_approve")]
                ),
            },
            {
                "label": _("SOPs under review"),
                "value": self.env["sop.procedure"].search_count([("state", "=", "review")]),
                "level": "warning",
                "action": self._window(
                    _("SOPs under review"), "sop.procedure", [("state", "=", "review")], views=("list", "form")
                ),
            },
        ]
        return {"key": "counters", "sequence": 10, "type": "tiles", "title": _("SOP cases"), "tiles": tiles}

    def _section_my_desk(self):
        """What waits for the current user: SOPs and case steps to approve (one click), his steps."""
        _ = self.env._
        procedures = self.env["sop.procedure"].search([("state", "=", "review"), ("can_review", "=", True)])
        to_approve = self.env["sop.case.step"].search(
            [("state", "=", "to_approve"), ("can_review", "=", True)], order="date_finished asc, id asc"
        )
        mine = self.env["sop.case.step"].search(
            [*self._open_steps_domain(), ("state", "=", "current"), ("user_ids", "in", self.env.uid)],
            order="date_deadline asc, id asc",
        )
        approve = _("Approve")
        rows = [
            {
                "key": f"procedure-{procedure.id}",
                "cells": [_("SOP to approve"), procedure.display_name, procedure.unit_id.name or "", ""],
                "level": "warning",
                "action": self._window(procedure.display_name, "sop.procedure", res_id=procedure.id),
                "buttons": [
                    {
                        "label": approve,
                        "model": "sop.procedure",
                        "method": "validate_tier",
                        "id": procedure.id,
                        "done": _("Approved: %(name)s", name=procedure.display_name),
                    }
                ],
            }
            for procedure in procedures
        ]
        rows += [
            {
                **self._desk_step_row(step, "approve", _("Step to approve")),
                "level": "warning",
                "buttons": [
                    {
                        "label": approve,
                        "model": "sop.case.step",
                        "method": "validate_tier",
                        "id": step.id,
                        "done": _("Approved: %(name)s", name=step.case_id.name + " " + (step.code or "")),
                    }
                ],
            }
            for step in to_approve
        ]
        rows += [
            {**self._desk_step_row(step, "step", _("My step")), "level": "danger" if step.calendar_color == 1 else ""}
            for step in mine
        ]
        waiting = len(procedures) + len(to_approve)
        return {
            "key": "my_desk",
            "sequence": 5,
            "type": "table",
            "title": _("My desk"),
            "subtitle": _("Waiting for my approval: %(count)s", count=waiting),
            "columns": [_("What"), _("SOP or case step"), _("Unit or OPD"), _("Due")],
            "rows": rows,
            "empty": _("Nothing waits for you."),
        }

    def _desk_step_row(self, step, key, what):
        """A row of the desk for a case step: what it is, the case and step, its OPD, its deadline."""
        return {
            "key": f"{key}-{step.id}",
            "cells": [
                what,
                f"{step.case_id.name}: {step.display_name}",
                step.opd_id.name or "",
                step.case_id._format_moment(step.date_deadline),
            ],
            "action": self._window(step.display_name, "sop.case.step", res_id=step.id),
        }

    def _section_late_steps(self):
        _ = self.env._
        steps = self.env["sop.case.step"].search(
            self._late_steps_domain(), order="date_deadline asc, id asc", limit=LATE_STEP_LIMIT
        )
        rows = [
            {
                "key": step.id,
                "cells": [
                    step.case_id.name,
                    step.display_name,
                    ", ".join(step.user_ids.mapped("name")),
                    step.case_id._format_moment(step.date_deadline),
                ],
                "level": "danger",
                "action": self._window(step.display_name, "sop.case.step", res_id=step.id),
            }
            for step in steps
        ]
        return {
            "key": "late_steps",
            "sequence": 20,
            "type": "table",
            "title": _("Late steps"),
            "columns": [_("SOP case"), _("Case step"), _("Assigned to"), _("Due")],
            "rows": rows,
            "empty": _("No step is past its deadline."),
        }

    def _section_steps_by_step(self):
        _ = self.env._
        Step = self.env["sop.case.step"]
        now = fields.Datetime.now()
        groups = Step._read_group(self._open_steps_domain(), ["procedure_id", "code"], ["__count"])
        late = {
            (procedure, code): count
            for procedure, code, count in Step._read_group(
                [*self._open_steps_domain(), ("date_deadline", "<", now)], ["procedure_id", "code"], ["__count"]
            )
        }
        rows = []
        for procedure, code, count in sorted(groups, key=lambda g: (g[0].display_name or "", g[1] or "")):
            domain = [*self._open_steps_domain(), ("procedure_id", "=", procedure.id), ("code", "=", code)]
            late_count = late.get((procedure, code), 0)
            rows.append(
                {
                    "key": f"{procedure.id}-{code}",
                    "cells": [procedure.display_name, code or "", count, late_count],
                    "level": "danger" if late_count else "",
                    "action": self._window(f"{procedure.display_name} {code or ''}", "sop.case.step", domain),
                }
            )
        return {
            "key": "steps_by_step",
            "sequence": 30,
            "type": "table",
            "title": _("Running cases by step"),
            "columns": [_("SOP"), _("Case step"), _("In progress"), _("Past deadline")],
            "rows": rows,
            "empty": _("No case is running."),
        }

    def _section_monitoring_due(self):
        _ = self.env._
        today = fields.Date.context_today(self)
        horizon = today + timedelta(days=MONITORING_HORIZON_DAYS)
        procedures = self.env["sop.procedure"].search([("state", "=", "effective")])
        due = procedures.filtered(lambda p: p.monitoring_next_date and p.monitoring_next_date <= horizon)
        rows = [
            {
                "key": procedure.id,
                "cells": [
                    procedure.number or "",
                    procedure.name,
                    procedure.unit_id.name or "",
                    format_date(self.env, procedure.monitoring_next_date),
                ],
                "level": "danger" if procedure.monitoring_overdue else "",
                "action": self._window(procedure.display_name, "sop.procedure", res_id=procedure.id),
            }
            for procedure in due.sorted(lambda p: (p.monitoring_next_date, p.id))
        ]
        return {
            "key": "monitoring_due",
            "sequence": 40,
            "type": "table",
            "title": _("SOPs due for monitoring"),
            "columns": [_("SOP number"), _("SOP"), _("Unit"), _("Due")],
            "rows": rows,
            "empty": _("No SOP is due for monitoring in the next 30 days."),
        }
