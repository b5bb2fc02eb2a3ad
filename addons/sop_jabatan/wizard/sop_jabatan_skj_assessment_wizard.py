import base64

from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools import xlsx_reader
from odoo.addons.sop_organisasi.tools.xlsx_writer import attach_xlsx
from odoo.addons.sop_organisasi.tools.xlsx_writer import download_action
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools import skj_assessment_xlsx
from ..tools import skj_match

ASSESSORS = ("sop_organisasi.group_sop_user", "hr.group_hr_user")


class SopJabatanSkjAssessmentWizard(models.TransientModel):
    """Import an assessment centre's results (employee, competency, level) into the employees' skills (hr_skills),
    all or nothing. Division staff and HR officers only: assessed levels are personal data."""

    _name = "sop.jabatan.skj.assessment.wizard"
    _description = "Import Assessment Results"

    file = fields.Binary(string="Workbook (XLSX)")
    filename = fields.Char()
    opd_id = fields.Many2one(
        "hr.department",
        string="OPD of the Template",
        domain=[("is_opd", "=", True)],
        help="The template lists the holders of this OPD's posts with the competencies of their SKJ.",
    )
    result = fields.Text(readonly=True)

    def _sop_check_assessor(self):
        if not any(self.env.user.has_group(group) for group in ASSESSORS):
            raise AccessError(
                self.env._("Only the division's staff and HR officers record assessed competency levels.")
            )

    def _sop_competencies(self):
        return self.env["hr.skill"].sudo().search([("skill_type_id.sop_competency_group", "!=", False)])

    def _sop_import(self, content):
        """Write the workbook's levels into the employees' skills; return (created, updated). Nothing is written
        unless every row is valid."""
        self._sop_check_assessor()
        employees = self.env["hr.employee"].sudo().search_read([], ["identification_id", "name"])
        skills = self._sop_competencies()
        with xlsx_reader.user_errors(self.env, self._sop_limit_message):
            levels = skj_assessment_xlsx.read_workbook(
                content,
                [{"id": e["id"], "nip": e["identification_id"], "name": e["name"]} for e in employees],
                [{"id": skill.id, "name": skill.name} for skill in skills],
            )
        return self._sop_write_levels(levels, skills)

    def _sop_limit_message(self, exc):
        problem = xlsx_reader.limit_problem(self.env, exc) or str(exc)
        return self.env._(
            "The workbook is too large to import: %(problem)s At most %(rows)s rows; import the results in parts.",
            problem=problem,
            rows=skj_assessment_xlsx.LIMITS.rows,
        )

    def _sop_write_levels(self, levels, skills):
        by_progress = {
            (level.skill_type_id.id, level.level_progress): level.id for level in skills.skill_type_id.skill_level_ids
        }
        skill_types = {skill.id: skill.skill_type_id for skill in skills}
        problems, values = [], []
        for employee_id, skill_id, level, row in levels:
            skill_type = skill_types[skill_id]
            level_id = by_progress.get((skill_type.id, level * skj_match.PROGRESS_PER_LEVEL))
            if not level_id:
                problems.append(
                    self.env._(
                        "%(ref)s: the competency type '%(type)s' has no level %(level)s (progress %(progress)s)",
                        ref=xlsx_reader.cell_ref(skj_assessment_xlsx.SHEET, row, 3),
                        type=skill_type.name,
                        level=level,
                        progress=level * skj_match.PROGRESS_PER_LEVEL,
                    )
                )
            values.append((employee_id, skill_id, skill_type.id, level_id))
        if problems:
            raise UserError(xlsx_reader.problems_message(self.env, problems))
        EmployeeSkill = self.env["hr.employee.skill"].sudo()
        existing = {
            (rec.employee_id.id, rec.skill_id.id): rec
            for rec in EmployeeSkill.search(
                [("employee_id", "in", list({v[0] for v in values})), ("skill_id", "in", list({v[1] for v in values}))]
            )
        }
        created = []
        updated = 0
        try:
            with self.env.cr.savepoint():
                for employee_id, skill_id, type_id, level_id in values:
                    record = existing.get((employee_id, skill_id))
                    if record:
                        if record.skill_level_id.id != level_id:
                            record.skill_level_id = level_id
                        updated += 1
                    else:
                        created.append(
                            {
                                "employee_id": employee_id,
                                "skill_id": skill_id,
                                "skill_type_id": type_id,
                                "skill_level_id": level_id,
                            }
                        )
                EmployeeSkill.create(created)
        except ValidationError as exc:
            raise UserError(xlsx_reader.problems_message(self.env, [exc.args[0]])) from exc
        return len(created), updated

    # ------------------------------------------------------------------ actions
    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the workbook to import."))
        created, updated = self._sop_import(base64.b64decode(self.file))
        self.result = self.env._(
            "%(count)s assessed levels imported: %(created)s new, %(updated)s replaced.",
            count=created + updated,
            created=created,
            updated=updated,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_template(self):
        """The workbook to fill in: the holders of the OPD's posts with their SKJ's competencies (levels empty),
        and the list of competencies."""
        self.ensure_one()
        self._sop_check_assessor()
        rows = []
        if self.opd_id:
            for match in self.env["sop.jabatan.skj.match"].search([("opd_id", "=", self.opd_id.id)]):
                rows.append(
                    {
                        "nip": match.nip or "",
                        "name": match.employee_name,
                        "competency": match.skill_id.name,
                        "level": match.assessed_level if match.assessed else None,
                    }
                )
        groups = dict(self.env["hr.skill.type"]._fields["sop_competency_group"]._description_selection(self.env))
        competencies = [
            {"group": groups.get(skill.skill_type_id.sop_competency_group, ""), "name": skill.name}
            for skill in self._sop_competencies()
        ]
        title = self.env._("Assessment Results") + (f": {self.opd_id.name}" if self.opd_id else "")
        content = skj_assessment_xlsx.write_template(title, competencies, rows)
        filename = self.env._("Assessment Template %(scope)s.xlsx", scope=self.opd_id.name or self.env._("City"))
        return download_action(attach_xlsx(self, filename, content))
