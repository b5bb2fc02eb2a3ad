# pylint: disable=consider-merging-classes-inherited
"""The competency standards of an OPD as XLSX: the export and the import back into a draft (tools/skj_xlsx.py)."""

from odoo import Command
from odoo import models
from odoo.addons.sop_organisasi.tools import xlsx_reader
from odoo.addons.sop_organisasi.tools.xlsx_writer import XLSX_MIMETYPE
from odoo.addons.sop_organisasi.tools.xlsx_writer import download_action
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools import skj_xlsx


class SopJabatanSkjSet(models.Model):
    _inherit = "sop.jabatan.skj.set"

    def _sop_workbook_data(self):
        self.ensure_one()
        kinds = self.env["sop.jabatan.skj"]._sop_report_labels()["kinds"]
        posts = []
        for skj in self.skj_ids:
            posts.append(
                {
                    "code": skj.job_code or "",
                    "name": skj.name,
                    "kind": kinds.get(skj.job_kind, ""),
                    "affair": skj.government_affair or "",
                    "summary": skj.summary or "",
                    "competencies": [
                        {
                            "group": line.skill_id.skill_type_id.name,
                            "competency": line.skill_id.name,
                            "level": line.level,
                        }
                        for line in skj.competency_ids
                    ],
                    "requirements": [
                        {"kind": line.kind, "text": line.name, "grade": line.grade} for line in skj.requirement_ids
                    ],
                    "indicators": skj.indicator_ids.mapped("name"),
                }
            )
        return {"title": self.name, "subtitle": self._sop_state_label(), "posts": posts}

    def action_export_xlsx(self):
        """The SKJ of the OPD's posts as XLSX (to be filled in and imported back into a draft)."""
        self.ensure_one()
        self.check_access("read")
        content = skj_xlsx.write_workbook(self._sop_workbook_data())
        filename = self.env._("SKJ %(opd)s %(year)s.xlsx", opd=self.opd_id.name, year=self.year)
        attachment = self.env["ir.attachment"].create(
            {"name": filename.replace("/", "-"), "raw": content, "mimetype": XLSX_MIMETYPE}
        )
        return download_action(attachment)

    def action_open_import(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import SKJ from XLSX"),
            "res_model": "sop.jabatan.skj.import.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_skj_set_id": self.id},
        }

    def _sop_competency_names(self):
        skills = self.env["hr.skill"].sudo().search([("skill_type_id.sop_competency_group", "!=", False)])
        names = {}
        for skill in skills:
            names.setdefault(skill.name.strip().lower(), []).append(skill.id)
        return names

    def _sop_import_xlsx(self, content):
        """Replace the identity texts and the lines of the posts named in the workbook (all or nothing);
        return the SKJ changed. Only a draft the user may write; every problem in one UserError naming cells."""
        self.ensure_one()
        self.check_access("write")
        if self.state != "draft":
            raise UserError(self.env._("Only a draft can be imported into."))
        posts = [{"id": skj.id, "code": skj.job_code, "name": skj.name} for skj in self.skj_ids]
        with xlsx_reader.user_errors(self.env, skj_xlsx.LIMITS):
            found = skj_xlsx.read_workbook(content, posts, self._sop_competency_names())
        changed = self.skj_ids.browse(list(found))
        try:
            with self.env.cr.savepoint():
                for skj in changed:
                    skj.write(self._sop_import_values(found[skj.id]))
        except AccessError:
            raise
        except (ValidationError, UserError) as exc:
            raise UserError(xlsx_reader.problems_message(self.env, [exc.args[0]])) from exc
        return changed

    def _sop_import_values(self, data):
        values = {
            "competency_ids": [Command.clear()]
            + [
                Command.create({"skill_id": skill_id, "level": level, "sequence": position})
                for position, (skill_id, level) in enumerate(data["competencies"], start=1)
            ],
            "requirement_ids": [Command.clear()]
            + [
                Command.create({"kind": kind, "name": text, "grade": grade, "sequence": position})
                for position, (kind, text, grade) in enumerate(data["requirements"], start=1)
            ],
            "indicator_ids": [Command.clear()]
            + [
                Command.create({"name": text, "sequence": position})
                for position, text in enumerate(data["indicators"], start=1)
            ],
        }
        if data["affair"] is not None:
            values["government_affair"] = data["affair"] or False
            values["summary"] = data["summary"] or False
        return values
