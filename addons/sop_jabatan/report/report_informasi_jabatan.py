from odoo import api
from odoo import models
from odoo.addons.sop_organisasi.tools.number_format import format_number

from ..tools import abk

# section 3 of the Informasi Jabatan: the posts above, by kind (label as the annex prints it)
UNIT_CHAIN = (
    ("jpt_utama", "JPT Utama"),
    ("jpt_madya", "JPT Madya"),
    ("jpt_pratama", "JPT Pratama"),
    ("administrator", "Administrator"),
    ("pengawas", "Pengawas"),
    ("pelaksana", "Pelaksana"),
    ("fungsional", "Jabatan Fungsional"),
)
# section 13: the nine aspects of the work conditions (field of the sheet, label as printed)
WORK_CONDITIONS = (
    ("condition_place", "Tempat kerja"),
    ("condition_temperature", "Suhu"),
    ("condition_air", "Udara"),
    ("condition_room", "Keadaan ruangan"),
    ("condition_location", "Letak"),
    ("condition_lighting", "Penerangan"),
    ("condition_noise", "Suara"),
    ("condition_workplace", "Keadaan tempat kerja"),
    ("condition_vibration", "Getaran"),
)
TRAININGS = (
    ("training_leadership", "Penjenjangan/Kepemimpinan"),
    ("training_technical", "Teknis"),
    ("training_functional", "Fungsional"),
)


class ReportInformasiJabatan(models.AbstractModel):
    """The Informasi Jabatan (Permenpan RB 1/2020 annex) of every post of a job data version, one PDF:
    what a version attaches to its SOP cases when it becomes effective."""

    _name = "report.sop_jabatan.report_informasi_jabatan"
    _description = "Informasi Jabatan (all posts of the job data)"

    @api.model
    def _get_report_values(self, docids, data=None):
        analyses = self.env["sop.jabatan.analysis"].browse(docids)
        analyses.check_access("read")
        return self._values(analyses, analyses.sheet_ids)

    @api.model
    def _values(self, docs, sheets):
        return {
            "doc_ids": docs.ids,
            "doc_model": docs._name,
            "docs": docs,
            "informasi": {sheet.id: self._sheet_values(sheet) for sheet in sheets},
        }

    @api.model
    def _sheet_values(self, sheet):
        """Everything the template prints for the post ``sheet``, numbered as the annex is (figures in the
        Indonesian way, as the rest of the document, whatever the printing user's language)."""
        lang = "id_ID"
        jke = sheet.jke_minutes
        tasks = []
        for index, task in enumerate(sheet.task_ids, 1):
            need = abk.staff_need([task.workload_minutes], jke)[0] if jke else None
            tasks.append(
                {
                    "number": index,
                    "task": task,
                    "steps": [step.strip() for step in (task.steps or "").splitlines() if step.strip()],
                    "volume": format_number(task.volume, lang),
                    "hours": format_number(task.standard_minutes / 60, lang),
                    "jke_hours": format_number(jke / 60, lang) if jke else "-",
                    "need": format_number(need, lang, digits=4) if need is not None else "-",
                }
            )
        qualifications = sheet.qualification_ids
        kelas = sheet["grading_kelas"] if "grading_kelas" in sheet._fields else False
        return {
            "chain": self._unit_chain(sheet),
            "education": qualifications.filtered(lambda q: q.kind == "education").mapped("name"),
            "trainings": [
                (label, qualifications.filtered(lambda q, kind=kind: q.kind == kind).mapped("name"))
                for kind, label in TRAININGS
            ],
            "experience": qualifications.filtered(lambda q: q.kind == "experience").mapped("name"),
            "tasks": tasks,
            "workload": format_number(sheet.workload_minutes, lang),
            "need_raw": format_number(sheet.staff_need_raw, lang, digits=4) if jke else "-",
            "need": sheet.staff_need if jke else "-",
            "conditions": [(label, sheet[name] or "-") for name, label in WORK_CONDITIONS],
            "kelas": kelas or "-",
        }

    @api.model
    def _unit_chain(self, sheet):
        """The posts above ``sheet`` by kind (section 3, unit kerja): the sheet's post above, then, level by
        level, the post above as the same version records it (or the post's own when it has no sheet)."""
        sheets = {other.post_id.id: other for other in sheet.analysis_id.sheet_ids}
        names = {}
        post, seen = sheet.parent_post_id, set()
        while post and post.id not in seen:
            seen.add(post.id)
            above = sheets.get(post.id)
            kind = above.job_kind if above else post.sudo().job_kind
            names.setdefault(kind, above.name if above else post.sudo().name)
            post = above.parent_post_id if above else post.sudo().parent_id
        return [(label, names.get(kind, "-")) for kind, label in UNIT_CHAIN]


class ReportInformasiJabatanSheet(models.AbstractModel):
    """The Informasi Jabatan of the posts chosen (Print menu of the post sheets)."""

    _name = "report.sop_jabatan.report_informasi_jabatan_sheet"
    _inherit = "report.sop_jabatan.report_informasi_jabatan"
    _description = "Informasi Jabatan (one post)"

    @api.model
    def _get_report_values(self, docids, data=None):
        sheets = self.env["sop.jabatan.sheet"].browse(docids)
        sheets.check_access("read")
        return self._values(sheets, sheets)
