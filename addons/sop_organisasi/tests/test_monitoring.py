import datetime
import io

import openpyxl
from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tests.common import BaseCase
from odoo.tools import mute_logger

from ..tools.schedule import next_monitoring_date
from .common import TestSopCommon

D = datetime.date

CRITERIA = [
    "Mampu mendorong peningkatan kinerja",
    "Mudah dipahami",
    "Mudah dilaksanakan",
    "Semua orang dapat menjalankan perannya masing-masing",
    "Mampu mengatasi permasalahan yang berkaitan dengan proses",
    "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
    "Sinergi satu dengan lainnya",
]


@tagged("post_install", "-at_install")
class TestMonitoringSchedule(BaseCase):
    def test_every_six_months_from_effective_date(self):
        effective = D(2026, 1, 15)
        self.assertIsNone(next_monitoring_date(None))
        self.assertEqual(next_monitoring_date(effective), D(2026, 7, 15))
        # on time, a bit early or a bit late: counts for the nearest due date
        self.assertEqual(next_monitoring_date(effective, D(2026, 7, 15)), D(2027, 1, 15))
        self.assertEqual(next_monitoring_date(effective, D(2026, 6, 1)), D(2027, 1, 15))
        self.assertEqual(next_monitoring_date(effective, D(2026, 9, 1)), D(2027, 1, 15))
        # a monitoring right after the SOP became effective still leaves the first due date
        self.assertEqual(next_monitoring_date(effective, D(2026, 2, 1)), D(2026, 7, 15))
        self.assertEqual(next_monitoring_date(effective, D(2028, 1, 10)), D(2028, 7, 15))
        # month ends are kept valid
        self.assertEqual(next_monitoring_date(D(2026, 8, 31)), D(2027, 2, 28))


class MonitoringCase(TestSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the city monitors its SOPs with the application since 2025
        cls.env.company.sop_monitoring_start_date = D(2025, 1, 1)
        cls.procedure = cls._create_procedure("Pengelolaan Arsip Uji")
        cls._write_locked(
            cls.procedure, {"state": "effective", "date_effective": D(2026, 1, 15), "number": "065/SOP/UJI/01"}
        )
        cls.other_procedure = cls._create_procedure("Prosedur Unit Lain", unit_id=cls.other_unit.id)
        cls._write_locked(
            cls.other_procedure, {"state": "effective", "date_effective": D(2026, 2, 1), "number": "065/SOP/UJI/02"}
        )
        cls.staff_other = new_test_user(cls.env, "sop_staff_other", groups="sop_organisasi.group_sop_user")
        cls.staff_other.sop_unit_ids = cls.other_unit

    def _monitoring(self, user=None, **vals):
        Monitoring = self.env["sop.monitoring"].with_user(user) if user else self.env["sop.monitoring"]
        values = {"unit_id": self.unit.id, "year": 2026, "semester": "1", "date": D(2026, 7, 10)}
        values.update(vals)
        return Monitoring.create(values)


@tagged("post_install", "-at_install")
class TestMonitoring(MonitoringCase):
    def test_monitoring_form(self):
        monitoring = self._monitoring(user=self.sop_user)
        self.assertEqual(monitoring.name, "Monitoring SOP Bagian Uji - Semester I 2026")
        monitoring.action_load_procedures()
        self.assertEqual(monitoring.line_ids.procedure_id, self.procedure, "only effective SOPs of the unit")
        monitoring.action_load_procedures()
        self.assertEqual(len(monitoring.line_ids), 1, "loading twice adds nothing")
        with self.assertRaisesRegex(UserError, "Assess every SOP"):
            monitoring.action_done()
        line = monitoring.line_ids
        with self.assertRaisesRegex(UserError, "Assess the SOP"):
            line.action_sign()
        line.write(
            {
                "assessment": "not_good",
                "note": "Waktu penyelesaian melebihi standar",
                "action": "Revisi mutu baku waktu",
            }
        )
        line.with_user(self.sop_user).action_sign()
        self.assertEqual(line.reviewer_id, self.sop_user)
        self.assertIn(self.sop_user.name, line.signature_display)
        self.assertEqual(monitoring.not_good_count, 1)
        monitoring.action_done()
        self.assertEqual(monitoring.state, "done")
        with self.assertRaisesRegex(UserError, "finished"):
            monitoring.action_load_procedures()

        # the schedule of the SOP follows the finished monitoring
        self.procedure.invalidate_recordset()
        self.assertEqual(self.procedure.monitoring_last_date, D(2026, 7, 10))
        self.assertEqual(self.procedure.monitoring_next_date, D(2027, 1, 15))
        self.assertEqual(self.other_procedure.monitoring_next_date, D(2026, 8, 1))
        self.assertFalse(self.other_procedure.monitoring_last_date)

        # PDF (Tabel 7 layout)
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "sop_organisasi.action_report_sop_monitoring", monitoring.ids
        )
        html = html.decode()
        for text in (
            self.env.company.kop_government_name,
            "MONITORING PELAKSANAAN SOP AP",
            "Berjalan dengan baik",
            "Tidak berjalan dengan baik",
            "Tindakan yang harus diambil",
            "Paraf penilai",
            "[065/SOP/UJI/01] Pengelolaan Arsip Uji",
            "Waktu penyelesaian melebihi standar",
            "Revisi mutu baku waktu",
            "10 Juli 2026",
        ):
            self.assertIn(text, html)

        # XLSX
        sheet = openpyxl.load_workbook(io.BytesIO(monitoring._export_xlsx())).active
        self.assertEqual(sheet["A1"].value, "MONITORING PELAKSANAAN SOP AP")
        self.assertEqual(sheet["C3"].value, "Bagian Uji")
        self.assertEqual(sheet["C4"].value, "Semester I 2026")
        self.assertEqual(sheet["C7"].value, "Penilaian terhadap penerapan")
        self.assertEqual(sheet["D8"].value, "Tidak berjalan dengan baik")
        self.assertEqual(sheet["A10"].value, 1)
        self.assertEqual(sheet["B10"].value, "[065/SOP/UJI/01] Pengelolaan Arsip Uji")
        self.assertIsNone(sheet["C10"].value)
        self.assertEqual(sheet["D10"].value, "V")
        self.assertEqual(sheet["E10"].value, "Waktu penyelesaian melebihi standar")
        self.assertEqual(sheet["F10"].value, "Revisi mutu baku waktu")
        self.assertIn(self.sop_user.name, sheet["G10"].value)
        action = monitoring.action_export_xlsx()
        self.assertTrue(action["url"].startswith("/web/content/"))

    def test_sop_listed_once(self):
        monitoring = self._monitoring()
        monitoring.action_load_procedures()
        with self.assertRaises(UniqueViolation), mute_logger("odoo.sql_db"), self.cr.savepoint():
            monitoring.line_ids.create({"monitoring_id": monitoring.id, "procedure_id": self.procedure.id})

    def test_access(self):
        monitoring = self._monitoring(user=self.sop_user)
        monitoring.action_load_procedures()
        # OPD users have no access to monitoring and evaluation
        with self.assertRaises(AccessError):
            self.env["sop.monitoring"].with_user(self.opd_user).search([])
        with self.assertRaises(AccessError):
            self.env["sop.evaluation"].with_user(self.opd_user).search([])
        # staff of another unit read it but do not change it nor create one for a unit not theirs
        self.assertEqual(monitoring.with_user(self.staff_other).name, monitoring.name)
        with self.assertRaises(AccessError):
            monitoring.with_user(self.staff_other).write({"date": D(2026, 7, 11)})
        with self.assertRaises(AccessError):
            monitoring.line_ids.with_user(self.staff_other).write({"assessment": "good"})
        with self.assertRaises(AccessError):
            self._monitoring(user=self.staff_other)
        self._monitoring(user=self.staff_other, unit_id=self.other_unit.id)
        # administrators edit all
        monitoring.with_user(self.sop_admin).write({"date": D(2026, 7, 12)})


@tagged("post_install", "-at_install")
class TestEvaluation(MonitoringCase):
    def test_seven_criteria_and_revision(self):
        evaluation = (
            self.env["sop.evaluation"]
            .with_user(self.sop_user)
            .create({"procedure_id": self.procedure.id, "date": D(2026, 7, 20)})
        )
        self.assertEqual(evaluation.line_ids.sorted("code").mapped("name"), CRITERIA)
        self.assertEqual(evaluation.line_ids.sorted("code").mapped("code"), list(range(1, 8)))
        with self.assertRaisesRegex(UserError, "seven criteria"):
            evaluation.action_done()
        lines = evaluation.line_ids.sorted("code")
        lines.write({"answer": "yes"})
        lines[2].write({"answer": "no", "note": "Terlalu banyak langkah"})
        with self.assertRaisesRegex(UserError, "outcome"):
            evaluation.action_done()
        evaluation.outcome = "keep"
        with self.assertRaisesRegex(UserError, "outcome 'revise'"):
            evaluation.action_start_revision()
        evaluation.write({"outcome": "revise", "action_note": "Sederhanakan langkah 2 dan 3"})
        evaluation.action_done()
        self.assertEqual(evaluation.yes_count, 6)

        action = evaluation.action_start_revision()
        revision = evaluation.revision_id
        self.assertEqual(action["res_id"], revision.id)
        self.assertEqual(revision.state, "draft")
        self.assertEqual(revision.previous_id, self.procedure)
        self.assertEqual(revision.revision_no, self.procedure.revision_no + 1)
        self.assertEqual(revision.number, self.procedure.number)
        self.assertEqual(self.procedure.state, "effective", "the SOP stays effective until the revision is")
        with self.assertRaisesRegex(UserError, "already started"):
            evaluation.action_start_revision()
        self.assertEqual(self.procedure.evaluation_count, 1)

        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "sop_organisasi.action_report_sop_evaluation", evaluation.ids
        )
        html = html.decode()
        for text in [
            *CRITERIA,
            "EVALUASI PENERAPAN SOP AP",
            "Terlalu banyak langkah",
            "Revisi (revise)",
            "20 Juli 2026",
        ]:
            self.assertIn(text, html)

        sheet = openpyxl.load_workbook(io.BytesIO(evaluation._export_xlsx())).active
        self.assertEqual(sheet["A1"].value, "EVALUASI PENERAPAN SOP AP")
        self.assertEqual(sheet["B3"].value, "[065/SOP/UJI/01] Pengelolaan Arsip Uji")
        self.assertEqual([sheet.cell(row=r, column=2).value for r in range(8, 15)], CRITERIA)
        self.assertEqual(sheet["C8"].value, "V")
        self.assertIsNone(sheet["D8"].value)
        self.assertIsNone(sheet["C10"].value)
        self.assertEqual(sheet["D10"].value, "V")
        self.assertEqual(sheet["E10"].value, "Terlalu banyak langkah")
        self.assertEqual(sheet["B16"].value, "Revisi (revise)")

    def test_evaluation_access(self):
        evaluation = self.env["sop.evaluation"].create({"procedure_id": self.procedure.id})
        with self.assertRaises(AccessError):
            evaluation.line_ids[0].with_user(self.staff_other).write({"answer": "yes"})
        with self.assertRaises(AccessError):
            self.env["sop.evaluation"].with_user(self.staff_other).create({"procedure_id": self.procedure.id})
        evaluation.line_ids[0].with_user(self.sop_user).write({"answer": "yes"})
        self.assertEqual(evaluation.with_user(self.staff_other).yes_count, 1)
