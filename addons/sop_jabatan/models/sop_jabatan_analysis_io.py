# pylint: disable=consider-merging-classes-inherited
"""The job data of an OPD as documents: the peta jabatan, the ABK recap (PDF and XLSX), the XLSX
template and its import, the export of the figures. Every figure is read from the sheets' stored
columns in one query per document (no per-post queries): see tests/bench/bench_jabatan.py."""

from decimal import Decimal

from odoo import Command
from odoo import models
from odoo.addons.sop_organisasi.tools import xlsx_reader
from odoo.addons.sop_organisasi.tools.xlsx_writer import XLSX_MIMETYPE
from odoo.addons.sop_organisasi.tools.xlsx_writer import download_action
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools import abk
from ..tools import abk_xlsx
from ..tools import analysis_xlsx
from ..tools import pages
from ..tools import peta

SHEET_FIGURES = (
    "name",
    "job_code",
    "job_kind",
    "functional_level",
    "department_id",
    "post_id",
    "parent_post_id",
    "sequence",
    "workload_minutes",
    "jke_minutes",
    "staff_need_raw",
    "staff_need",
    "staff_pns",
    "staff_pppk",
    "staff_other",
    "staff_in_post",
    "staff_gap",
    "efficiency",
    "efficiency_defined",
    "efficiency_band_id",
)
PETA_REPORT = "sop_jabatan.action_report_peta_jabatan"
RECAP_REPORT = "sop_jabatan.action_report_abk_recap"


class SopJabatanAnalysis(models.Model):
    _inherit = "sop.jabatan.analysis"

    # ------------------------------------------------------------------ the sheets' figures
    def _sop_sheet_rows(self):
        """The sheets of this version as dicts of their stored figures (one query), sorted by unit,
        code and name; with ``kelas`` when job grading is installed, and the labels of the kind."""
        self.ensure_one()
        Sheet = self.env["sop.jabatan.sheet"]
        names = [*SHEET_FIGURES, *(("grading_kelas",) if "grading_kelas" in Sheet._fields else ())]
        records = Sheet.search_read([("analysis_id", "=", self.id)], names, load=None)
        kinds = dict(Sheet._fields["job_kind"]._description_selection(self.env))
        levels = dict(Sheet._fields["functional_level"]._description_selection(self.env))
        units = dict(
            self.env["hr.department"]
            .sudo()
            .browse({r["department_id"] for r in records if r["department_id"]})
            .mapped(lambda d: (d.id, d.name))
        )
        bands = {
            row["id"]: row["code"] for row in self.env["sop.jabatan.efficiency.band"].sudo().search([])._as_table()
        }
        for record in records:
            record["kind"] = kinds.get(record["job_kind"], "")
            record["level"] = levels.get(record["functional_level"], "")
            record["unit"] = units.get(record["department_id"], "")
            record["kelas"] = record.get("grading_kelas") or None
            record["band"] = bands.get(record["efficiency_band_id"], "")
        records.sort(key=lambda r: (r["unit"], r["job_code"] or "", r["sequence"], r["name"] or "", r["id"]))
        return records

    def _sop_efficiency_label(self, record):
        """The EJ of a sheet row as printed: '0.1194', or why it is undefined."""
        if not record["jke_minutes"]:
            return self.env._("Undefined: no JKE for the year")
        if not record["efficiency_defined"]:
            return self.env._("Undefined: nobody in post")
        return f"{record['efficiency']:.4f}"

    # ------------------------------------------------------------------ ABK recap of the OPD
    def _sop_abk_recap_rows(self):
        """The ABK recap of this version: a row per post (e-Formasi order, see tools/abk_xlsx.py) and the total."""
        self.ensure_one()
        rows = []
        for number, record in enumerate(self._sop_sheet_rows(), start=1):
            defined = bool(record["jke_minutes"] and record["efficiency_defined"])
            rows.append(
                {
                    "number": number,
                    "unit": record["unit"],
                    "post": record["name"],
                    "code": record["job_code"] or "",
                    "kind": record["kind"],
                    "level": record["level"],
                    "kelas": record["kelas"],
                    "workload": record["workload_minutes"],
                    "jke": record["jke_minutes"] or None,
                    "need_raw": record["staff_need_raw"] if record["jke_minutes"] else None,
                    "need": record["staff_need"] if record["jke_minutes"] else None,
                    "pns": record["staff_pns"],
                    "pppk": record["staff_pppk"],
                    "other": record["staff_other"],
                    "in_post": record["staff_in_post"],
                    "gap": record["staff_gap"],
                    "efficiency": record["efficiency"] if defined else None,
                    "efficiency_label": self._sop_efficiency_label(record),
                    "band": record["band"] if defined else self._sop_efficiency_label(record),
                }
            )
        total = {
            "post": self.env._("Total of the OPD"),
            "workload": self.workload_minutes,
            "need_raw": sum(row["need_raw"] or 0 for row in rows),
            "need": self.staff_need,
            "pns": sum(row["pns"] for row in rows),
            "pppk": sum(row["pppk"] for row in rows),
            "other": sum(row["other"] for row in rows),
            "in_post": self.staff_in_post,
            "gap": self.staff_gap,
            "efficiency": self.efficiency if self.efficiency_defined else None,
            "efficiency_label": f"{self.efficiency:.4f}"
            if self.efficiency_defined
            else self.env._("Undefined: nobody in post"),
            "band": self._sop_band_code(self.efficiency) if self.efficiency_defined else "",
        }
        return rows, total

    def _sop_band_code(self, value):
        table = self.env["sop.jabatan.efficiency.band"].sudo().search([])._as_table()
        return abk.band_for(abk.as_decimal(value), table) or "-"

    def _sop_recap_headers(self):
        _ = self.env._
        return {
            "number": _("No."),
            "unit": _("Unit"),
            "post": _("Post"),
            "code": _("Post Code"),
            "kind": _("Kind of Post"),
            "level": _("Functional Level"),
            "kelas": _("Grade (Kelas)"),
            "workload": _("Total Workload (Minutes)"),
            "jke": _("JKE (Minutes)"),
            "need_raw": _("Staff Needed (Raw)"),
            "need": _("Staff Needed"),
            "pns": _("PNS"),
            "pppk": _("PPPK"),
            "other": _("Other"),
            "in_post": _("Staff in Post"),
            "gap": "+/−",
            "efficiency": _("EJ"),
            "band": _("Band"),
        }

    def _sop_abk_recap_xlsx(self):
        """The ABK recap of this version as XLSX bytes."""
        self.ensure_one()
        rows, total = self._sop_abk_recap_rows()
        title = self.env._("Workload Analysis (ABK) Recap %(year)s", year=self.year)
        subtitle = f"{self.opd_id.name} — {self._sop_state_label()}"
        return abk_xlsx.recap_workbook(title, subtitle, self._sop_recap_headers(), rows, total)

    def action_abk_recap_xlsx(self):
        """Download the ABK recap of this version (kept as an attachment of it)."""
        self.ensure_one()
        self.check_access("read")
        filename = self.env._("ABK Recap %(opd)s %(year)s.xlsx", opd=self.opd_id.name, year=self.year)
        return self._sop_download(filename, self._sop_abk_recap_xlsx())

    def _sop_abk_recap_pages(self):
        """The recap for the PDF: its rows split into printed pages, and the total."""
        rows, total = self._sop_abk_recap_rows()
        return pages.split_rows(rows), total

    def action_abk_recap_pdf(self):
        self.ensure_one()
        return self.env.ref(RECAP_REPORT).report_action(self)

    # ------------------------------------------------------------------ peta jabatan
    def _sop_peta_tree(self):
        """The posts of this version as a tree (tools/peta.py) with what each box prints."""
        self.ensure_one()
        records = self._sop_sheet_rows()
        posts = [
            {
                "id": record["post_id"],
                "parent_id": record["parent_post_id"],
                "kind": record["job_kind"],
                "name": record["name"],
                "kind_label": " ".join(filter(None, (record["kind"], record["level"]))),
                "kelas": record["kelas"],
                "in_post": record["staff_in_post"],
                "need": record["staff_need"] if record["jke_minutes"] else None,
                "gap": record["staff_gap"],
            }
            for record in records
        ]
        rank = {
            kind: index
            for index, (kind, _label) in enumerate(self.env["sop.jabatan.sheet"]._fields["job_kind"].selection)
        }
        # side by side: by kind (head, administrators, supervisors, ...), then as the version orders its posts
        order = {
            record["post_id"]: (rank.get(record["job_kind"], 99), record["sequence"], record["job_code"] or "", index)
            for index, record in enumerate(records)
        }
        return peta.build_tree(posts, key=lambda post: order[post["id"]])

    def _sop_peta_zoom(self, roots):
        """How much the drawing is scaled so that its box columns fit the width of the page."""
        return min(1.0, 9.0 / max(peta.columns(roots), 1))

    def action_peta_jabatan_pdf(self):
        self.ensure_one()
        return self.env.ref(PETA_REPORT).report_action(self)

    # ------------------------------------------------------------------ XLSX template, export, import
    def _sop_workbook_data(self, with_figures=False):
        self.ensure_one()
        records = self._sop_sheet_rows()
        names = {record["post_id"]: record["name"] for record in records}
        tasks = {}
        for task in self.env["sop.jabatan.task"].search_read(
            [("sheet_id.analysis_id", "=", self.id)],
            ["sheet_id", "name", "result", "result_unit", "volume", "standard_time", "time_unit", "workload_minutes"],
            order="sequence, id",
            load=None,
        ):
            task["workload"] = task["workload_minutes"]
            tasks.setdefault(task["sheet_id"], []).append(task)
        posts = []
        for record in records:
            defined = bool(record["jke_minutes"] and record["efficiency_defined"])
            posts.append(
                {
                    "code": record["job_code"] or "",
                    "name": record["name"],
                    "kind": " ".join(filter(None, (record["kind"], record["level"]))),
                    "unit": record["unit"],
                    "parent": names.get(record["parent_post_id"], ""),
                    "workload": record["workload_minutes"],
                    "need_raw": record["staff_need_raw"] if record["jke_minutes"] else None,
                    "need": record["staff_need"] if record["jke_minutes"] else None,
                    "in_post": record["staff_in_post"],
                    "gap": record["staff_gap"],
                    "efficiency": record["efficiency"] if defined else None,
                    "band": record["band"] if defined else self._sop_efficiency_label(record),
                    "tasks": tasks.get(record["id"], []),
                }
            )
        return {
            "title": self.env._("Job Data %(opd)s %(year)s", opd=self.opd_id.name, year=self.year),
            "subtitle": self._sop_state_label(),
            "posts": posts,
        }

    def action_download_template(self):
        """The XLSX template of a draft: its posts with their tasks so far, to be filled in and imported."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("The template is downloaded from a draft; export the figures instead."))
        content = analysis_xlsx.write_workbook(self._sop_workbook_data())
        filename = self.env._("Job Data Template %(opd)s %(year)s.xlsx", opd=self.opd_id.name, year=self.year)
        return self._sop_download(filename, content)

    def action_export_figures(self):
        """The posts with their ABK figures and the tasks with their workloads, as XLSX."""
        self.ensure_one()
        content = analysis_xlsx.write_workbook(self._sop_workbook_data(with_figures=True), with_figures=True)
        filename = self.env._("Job Data %(opd)s %(year)s.xlsx", opd=self.opd_id.name, year=self.year)
        return self._sop_download(filename, content)

    def _sop_download(self, filename, content):
        """Download ``content``: kept as an attachment of no record (its creator reads it), as an effective
        version takes no attachment."""
        attachment = self.env["ir.attachment"].create(
            {"name": filename.replace("/", "-"), "raw": content, "mimetype": XLSX_MIMETYPE}
        )
        return download_action(attachment)

    def _sop_import_xlsx(self, content):
        """Replace the tasks of the posts named in the workbook (all or nothing); return the sheets changed.

        Only a draft the user may write; every problem is raised in one UserError naming the cells."""
        self.ensure_one()
        self.check_access("write")
        if self.state != "draft":
            raise UserError(self.env._("Only a draft can be imported into."))
        sheets = self.sheet_ids
        posts = [{"id": sheet.id, "code": sheet.job_code, "name": sheet.name} for sheet in sheets]
        with xlsx_reader.user_errors(self.env, analysis_xlsx.LIMITS):
            tasks = analysis_xlsx.read_workbook(content, posts)
        changed = sheets.browse(list(tasks))
        try:
            with self.env.cr.savepoint():
                for sheet in changed:
                    sheet.write(
                        {
                            "task_ids": [Command.clear()]
                            + [
                                Command.create(
                                    {
                                        "sequence": 10 * position,
                                        "name": task["name"],
                                        "result": task["result"] or False,
                                        "result_unit": task["result_unit"] or False,
                                        "volume": float(task["volume"]),
                                        "standard_time": float(task["standard_time"]),
                                        "time_unit": task["time_unit"],
                                    }
                                )
                                for position, task in enumerate(tasks[sheet.id], start=1)
                            ]
                        }
                    )
        except AccessError:
            raise
        except (ValidationError, UserError) as exc:
            raise UserError(xlsx_reader.problems_message(self.env, [exc.args[0]])) from exc
        return changed

    # ------------------------------------------------------------------ the city recap
    def _sop_city_recap(self, year, include_open=False):
        """The city's recap for ``year``: a row per OPD (its effective version; with ``include_open``,
        the version being prepared where none is effective) and the city's total. Two queries."""
        states = ["effective", "draft", "submitted", "review"] if include_open else ["effective"]
        analyses = self.search_read(
            [("year", "=", year), ("state", "in", states)],
            [
                "opd_id",
                "state",
                "revision",
                "sheet_count",
                "workload_minutes",
                "staff_need",
                "staff_in_post",
                "staff_gap",
                "efficiency",
                "efficiency_defined",
            ],
            load=None,
        )
        chosen = {}
        for record in sorted(analyses, key=lambda r: (r["state"] == "effective", r["revision"])):
            chosen[record["opd_id"]] = record  # the effective version wins, then the latest revision
        table = self.env["sop.jabatan.efficiency.band"].sudo().search([])._as_table()
        states_label = dict(self._fields["state"]._description_selection(self.env))
        opd_names = dict(self.env["hr.department"].sudo().browse(list(chosen)).mapped(lambda d: (d.id, d.name)))
        rows = []
        for opd_id, record in chosen.items():
            defined = record["efficiency_defined"]
            rows.append(
                {
                    "opd": opd_names.get(opd_id, ""),
                    "state": states_label.get(record["state"], ""),
                    "posts": record["sheet_count"],
                    "workload": record["workload_minutes"],
                    "need": record["staff_need"],
                    "in_post": record["staff_in_post"],
                    "gap": record["staff_gap"],
                    "efficiency": record["efficiency"] if defined else None,
                    "efficiency_label": f"{record['efficiency']:.4f}"
                    if defined
                    else self.env._("Undefined: nobody in post"),
                    "band": (abk.band_for(abk.as_decimal(record["efficiency"]), table) or "-") if defined else "",
                }
            )
        rows.sort(key=lambda row: row["opd"])
        for number, row in enumerate(rows, start=1):
            row["number"] = number
        total = self._sop_city_total(rows, [record["id"] for record in chosen.values()], table)
        return rows, total

    def _sop_city_total(self, rows, analysis_ids, table):
        """The city's total: sums of the OPDs, and EU = Σ workload ÷ Σ (staff in post x JKE) over all posts."""
        capacity = Decimal(0)
        if analysis_ids:
            self.env["sop.jabatan.sheet"].flush_model(["analysis_id", "staff_in_post", "jke_minutes"])
            self.env.cr.execute(
                "SELECT COALESCE(SUM(staff_in_post::numeric * jke_minutes), 0) FROM sop_jabatan_sheet"
                " WHERE analysis_id = ANY(%s)",
                [analysis_ids],
            )
            capacity = Decimal(self.env.cr.fetchone()[0])
        workload = sum((abk.as_decimal(row["workload"]) for row in rows), Decimal(0))
        eu = abk.efficiency(workload, 1, capacity) if capacity else None
        return {
            "opd": self.env._("Total of the city"),
            "posts": sum(row["posts"] for row in rows),
            "workload": float(workload),
            "need": sum(row["need"] for row in rows),
            "in_post": sum(row["in_post"] for row in rows),
            "gap": sum(row["gap"] for row in rows),
            "efficiency": float(eu.quantize(Decimal("0.0001"))) if eu is not None else None,
            "efficiency_label": f"{eu:.4f}" if eu is not None else self.env._("Undefined: nobody in post"),
            "band": (abk.band_for(eu, table) or "-") if eu is not None else "",
        }
