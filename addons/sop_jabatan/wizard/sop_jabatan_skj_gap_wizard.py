from collections import defaultdict

from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.xlsx_writer import attach_xlsx
from odoo.addons.sop_organisasi.tools.xlsx_writer import download_action
from odoo.tools import SQL

from ..tools import skj_gap_xlsx
from ..tools import skj_match

GAP_REPORT = "sop_jabatan.action_report_skj_gap"
HOLDER_COLUMNS = (
    "employee_id",
    "employee_name",
    "nip",
    "post_id",
    "opd_id",
    "year",
    "competency_count",
    "not_assessed_count",
    "training_need_count",
    "jpm",
    "category_id",
    "meets_standard",
)


class SopJabatanSkjGapWizard(models.TransientModel):
    """The competency gap report: the job-person match of every holder of an OPD (or of the city) against his
    post's effective SKJ, the competencies below the standard and the training needs, as PDF or XLSX. Rows are
    read with the user's rights (a liaison: his OPDs' holders)."""

    _name = "sop.jabatan.skj.gap.wizard"
    _description = "Competency Gap Report"

    opd_id = fields.Many2one(
        "hr.department", string="OPD", domain=[("is_opd", "=", True)], help="Empty: every OPD you may see."
    )

    # ------------------------------------------------------------------ data
    def _sop_domain(self):
        self.ensure_one()
        return [("opd_id", "=", self.opd_id.id)] if self.opd_id else []

    def _sop_select(self, model_name, domain, columns, order):
        """Rows of a report model as dicts, one query, with the user's access rules."""
        Model = self.env[model_name]
        Model.check_access("read")
        query = Model._search(domain, order=order)
        return self.env.execute_query_dict(query.select(*(SQL.identifier(query.table, name) for name in columns)))

    def _sop_names(self, model_name, ids):
        records = self.env[model_name].sudo().browse(sorted(set(ids) - {None}))
        return {record.id: record.display_name for record in records}

    def _sop_holders(self):
        """One dict per holder: OPD, post, employee, NIP, JPM, category, counts and the competencies assessed
        below the standard (text ``name assessed/required``); in OPD, post and name order."""
        rows = self._sop_select(
            "sop.jabatan.skj.holder", self._sop_domain(), HOLDER_COLUMNS, "opd_id, post_id, employee_name, id"
        )
        below = defaultdict(list)
        skills = {}
        for row in self._sop_select(
            "sop.jabatan.skj.match",
            [*self._sop_domain(), ("training_need", "=", True)],
            ("employee_id", "skill_id", "required_level", "assessed_level"),
            "employee_id, competency_group, skill_id",
        ):
            below[row["employee_id"]].append(row)
            skills[row["skill_id"]] = None
        skill_names = self._sop_names("hr.skill", skills)
        posts = self._sop_names("hr.job", [row["post_id"] for row in rows])
        opds = self._sop_names("hr.department", [row["opd_id"] for row in rows])
        categories = self._sop_names("sop.jabatan.jpm.band", [row["category_id"] for row in rows])
        result = []
        for number, row in enumerate(rows, start=1):
            gaps = below.get(row["employee_id"], [])
            result.append(
                {
                    "number": number,
                    "opd": opds.get(row["opd_id"], ""),
                    "post": posts.get(row["post_id"], ""),
                    "employee": row["employee_name"] or "",
                    "nip": row["nip"] or "",
                    "year": row["year"],
                    "competencies": row["competency_count"],
                    "not_assessed": row["not_assessed_count"],
                    "training_needs": row["training_need_count"],
                    "jpm": row["jpm"],
                    "category": categories.get(row["category_id"], ""),
                    "meets": bool(row["meets_standard"]),
                    "below": ", ".join(
                        f"{skill_names[gap['skill_id']]} {gap['assessed_level']}/{gap['required_level']}"
                        for gap in gaps
                    ),
                }
            )
        return result

    def _sop_summary(self, holders):
        """Per OPD: holders, fully assessed ones, those meeting the standard, mean JPM and holders per category;
        then the total."""
        by_opd = {}
        for holder in holders:
            by_opd.setdefault(holder["opd"], []).append(holder)
        categories = [band["name"] for band in self.env["sop.jabatan.jpm.band"]._sop_table()]

        def line(label, rows):
            values = [row["jpm"] for row in rows if row["jpm"] is not None]
            return {
                "opd": label,
                "holders": len(rows),
                "assessed": sum(1 for row in rows if not row["not_assessed"]),
                "meets": sum(1 for row in rows if row["meets"]),
                "jpm": float(skj_match.percent(sum(values), 100 * len(values))) if values else None,
                "categories": [sum(1 for row in rows if row["category"] == name) for name in categories],
            }

        lines = [line(opd, rows) for opd, rows in by_opd.items()]
        return categories, lines, line(self.env._("Total"), holders)

    def _sop_training_needs(self):
        """Competency, level needed, employees assessed below it and their OPDs, from the rows the user sees."""
        groups = self.env["sop.jabatan.skj.match"]._read_group(
            [*self._sop_domain(), ("training_need", "=", True)],
            ["skill_id", "required_level", "opd_id"],
            ["__count"],
        )
        needs = {}
        for skill, level, opd, count in groups:
            need = needs.setdefault(
                (skill.id, level),
                {"competency": skill.sudo().display_name, "level": level, "employees": 0, "opds": set()},
            )
            need["employees"] += count
            need["opds"].add(opd.sudo().display_name)
        rows = sorted(needs.values(), key=lambda need: (-need["employees"], need["competency"], need["level"]))
        for need in rows:
            need["opd_count"] = len(need["opds"])
            need["opds"] = ", ".join(sorted(need["opds"]))
        return rows

    def _sop_posts(self):
        """For the OPD's PDF: per post, its competencies (with the level required) and a row per holder with the
        assessed level of each competency, its gap, the JPM and the category."""
        rows = self._sop_select(
            "sop.jabatan.skj.match",
            self._sop_domain(),
            (
                "post_id",
                "employee_id",
                "employee_name",
                "nip",
                "skill_id",
                "required_level",
                "assessed_level",
                "assessed",
                "gap",
            ),
            "post_id, employee_name, employee_id, competency_group, skill_id",
        )
        holders = {holder.employee_id.id: holder for holder in self._sop_holder_records()}
        skill_names = self._sop_names("hr.skill", [row["skill_id"] for row in rows])
        post_names = self._sop_names("hr.job", [row["post_id"] for row in rows])
        posts = {}
        for row in rows:
            post = posts.setdefault(
                row["post_id"], {"name": post_names[row["post_id"]], "competencies": {}, "holders": {}}
            )
            post["competencies"].setdefault(row["skill_id"], (skill_names[row["skill_id"]], row["required_level"]))
            holder = post["holders"].setdefault(
                row["employee_id"],
                {"employee": row["employee_name"], "nip": row["nip"] or "", "levels": {}, "record": None},
            )
            holder["levels"][row["skill_id"]] = (row["assessed_level"] if row["assessed"] else None, row["gap"])
            holder["record"] = holders.get(row["employee_id"])
        result = []
        for post in sorted(posts.values(), key=lambda post: post["name"]):
            skills = list(post["competencies"])
            result.append(
                {
                    "name": post["name"],
                    "competencies": [post["competencies"][skill] for skill in skills],
                    "holders": [
                        {
                            "employee": holder["employee"],
                            "nip": holder["nip"],
                            "levels": [holder["levels"].get(skill, (None, None)) for skill in skills],
                            "jpm": holder["record"].jpm if holder["record"] else None,
                            "category": holder["record"].category_id.name if holder["record"] else "",
                        }
                        for holder in post["holders"].values()
                    ],
                }
            )
        return result

    def _sop_holder_records(self):
        return self.env["sop.jabatan.skj.holder"].search(self._sop_domain())

    def _sop_title(self):
        scope = self.opd_id.name if self.opd_id else self.env._("All OPDs")
        return self.env._("Competency Gap Report: %(scope)s", scope=scope)

    def _sop_headers(self):
        _ = self.env._
        return {
            "number": _("No."),
            "opd": _("OPD"),
            "post": _("Post"),
            "employee": _("Employee"),
            "nip": _("NIP"),
            "year": _("SKJ Year"),
            "competencies": _("Competencies"),
            "not_assessed": _("Not Assessed"),
            "training_needs": _("Training Needs"),
            "jpm": _("JPM (%)"),
            "category": _("Category"),
            "below": _("Below the Standard (assessed/required)"),
            "holders": _("Holders"),
            "assessed": _("Fully Assessed"),
            "meets": _("Meet the Standard"),
            "mean_jpm": _("Mean JPM (%)"),
            "competency": _("Competency"),
            "level": _("Level Needed"),
            "employees": _("Employees Below the Level"),
            "opd_count": _("OPDs"),
            "opds": _("OPD Names"),
            "summary": _("Summary"),
            "needs": _("Training Needs"),
        }

    def _sop_gap_xlsx(self):
        holders = self._sop_holders()
        categories, summary, total = self._sop_summary(holders)
        return skj_gap_xlsx.gap_workbook(
            (self._sop_title(), self.env.company.name),
            self._sop_headers(),
            holders=holders,
            summary=(categories, summary, total),
            needs=self._sop_training_needs(),
        )

    # ------------------------------------------------------------------ actions
    def action_xlsx(self):
        self.ensure_one()
        filename = self.env._("Competency Gap %(scope)s.xlsx", scope=self.opd_id.name or self.env._("City"))
        return download_action(attach_xlsx(self, filename, self._sop_gap_xlsx()))

    def action_pdf(self):
        self.ensure_one()
        return self.env.ref(GAP_REPORT).report_action(self)
