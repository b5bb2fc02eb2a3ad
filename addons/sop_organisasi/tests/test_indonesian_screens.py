import io

import openpyxl
from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

YEAR_FIELDS = ("year", "period_year")


@tagged("post_install", "-at_install")
class TestIndonesianScreens(TransactionCase):
    """What an Indonesian user of Mojokerto sees: approval screens, import errors, years, revisions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"].search([("name", "=", "sop_organisasi")])._update_translations(["id_ID"])
        cls.env_id = cls.env(context=dict(cls.env.context, lang="id_ID"))

    def test_tier_validation_screens_are_indonesian(self):
        # the banner and buttons of base_tier_validation (a qweb template inserted in the form views)
        label = self.env_id.ref("base_tier_validation.tier_validation_label")
        arch = label.arch_db
        self.assertIn('string="Validasi"', arch)
        self.assertIn('string="Tolak"', arch)
        self.assertIn("Data ini perlu", arch)
        buttons = self.env_id.ref("base_tier_validation.tier_validation_buttons").arch_db
        self.assertIn('string="Ajukan Validasi"', buttons)
        # field labels and states of the approval
        fields = self.env_id["sop.case.step"].fields_get(["validation_status", "review_ids"], ["string", "selection"])
        self.assertEqual(fields["validation_status"]["string"], "Status Validasi")
        statuses = dict(self.env_id["tier.review"].fields_get(["status"], ["selection"])["status"]["selection"])
        self.assertEqual(statuses["pending"], "Menunggu")
        # the reviews widget and the systray menu (web client terms, one dictionary for every module)
        translations, _lang = self.env["ir.http"].get_translations_for_webclient(
            ["web", "base_tier_validation", "sop_organisasi"], "id_ID"
        )
        terms = {m["id"]: m["string"] for module in translations.values() for m in module["messages"]}
        self.assertEqual(terms.get("Reviews"), "Tinjauan")
        self.assertEqual(terms.get("Pending"), "Menunggu")
        self.assertEqual(terms.get("Validation Date"), "Tanggal Validasi")
        # and the form of a step requiring approval shows them
        arch = self.env_id["sop.case.step"].get_views([(False, "form")])["views"]["form"]["arch"]
        arch = arch.decode() if isinstance(arch, bytes) else arch
        self.assertIn("Validasi", arch)
        self.assertNotIn('string="Validate"', arch)

    def test_every_import_error_line_is_indonesian(self):
        skj = self.env.ref("sop_organisasi.sop_skj")
        book = openpyxl.load_workbook(io.BytesIO(skj._export_xlsx()))
        sheet = book["Prosedur"]
        waktu = next(c.column_letter for c in sheet[4] if c.value == "Waktu")
        tim = next(c.column_letter for c in sheet[4] if c.value == "Tim")
        sheet[f"{waktu}7"] = "2 hri"
        sheet[f"{tim}4"] = "Tim Siluman"
        buffer = io.BytesIO()
        book.save(buffer)
        content = buffer.getvalue()
        # the reader's problems (unknown time) stop the import first
        with self.assertRaises(UserError) as error:
            self.env_id["sop.procedure"]._import_xlsx(content)
        message = str(error.exception)
        self.assertIn("Prosedur!I7: waktu '2 hri' tidak dikenal", message)
        self.assertNotIn("unknown time", message)
        # the matching problems (unknown actor) once the file reads well
        sheet[f"{waktu}7"] = "2 jam"
        buffer = io.BytesIO()
        book.save(buffer)
        with self.assertRaises(UserError) as error:
            self.env_id["sop.procedure"]._import_xlsx(buffer.getvalue())
        self.assertIn(f"Prosedur!{tim}4: pelaksana 'Tim Siluman' tidak dikenal", str(error.exception))
        # English users still read English
        with self.assertRaisesRegex(UserError, "unknown time '2 hri'"):
            self.env(context=dict(self.env.context, lang="en_US"))["sop.procedure"]._import_xlsx(content)

    def test_years_are_printed_without_thousand_separator(self):
        """An integer year shown in a form or list of our modules has formatting off ("2026", not "2.026")."""
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.ui.view"), ("module", "in", ("sop_organisasi", "sop_survey"))]
        )
        views = self.env["ir.ui.view"].browse(data.mapped("res_id")).filtered(lambda v: v.type in ("form", "list"))
        offenders = []
        for view in views:
            model = self.env.get(view.model)
            if model is None:
                continue
            for node in etree.fromstring(view.arch_db.encode()).iter("field"):
                name = node.get("name")
                field = model._fields.get(name)
                if name in YEAR_FIELDS and field is not None and field.type == "integer":
                    options = node.get("options") or ""
                    if "'enable_formatting': false" not in options.replace('"', "'"):
                        offenders.append(f"{view.xml_id or view.name}: {name}")
        self.assertEqual(offenders, [])
        self.assertTrue(views, "the check found the views of the SOP modules")

    def test_original_version_prints_no_revision_number(self):
        procedure = self.env["sop.procedure"].create({"name": "SOP Uji Revisi"})
        self.assertEqual(procedure.revision_no, 0)
        self.assertEqual(procedure.revision_display, "-")
        skj = self.env.ref("sop_organisasi.sop_skj")
        self.assertEqual(skj.revision_display, "01/13-03-2018")
