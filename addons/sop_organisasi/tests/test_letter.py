import datetime
import os
import re
import shutil
import subprocess
import tempfile
import threading
import unittest
from unittest.mock import patch

from odoo import Command
from odoo import api
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.modules.registry import DummyRLock
from odoo.modules.registry import Registry
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from ..models.sop_letter import SopLetter
from ..models.sop_signatory_mixin import signatory_position_html
from ..models.sop_signatory_mixin import signatory_position_text
from ..tools.letter_number import LetterNumberError
from ..tools.letter_number import format_letter_number
from .case_common import SopCaseRunCase
from .common import TestSopCommon

D = datetime.date


class LetterCase(TestSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.liaison = new_test_user(cls.env, "letter_liaison", groups="sop_organisasi.group_sop_opd_user")
        cls.other_liaison = new_test_user(cls.env, "letter_liaison2", groups="sop_organisasi.group_sop_opd_user")
        cls.opd = cls.env["hr.department"].create(
            {"name": "Dinas Uji Coba", "is_opd": True, "liaison_user_ids": [Command.set(cls.liaison.ids)]}
        )
        cls.other_opd = cls.env["hr.department"].create(
            {"name": "Dinas Lain", "is_opd": True, "liaison_user_ids": [Command.set(cls.other_liaison.ids)]}
        )
        cls.template = cls.env["sop.letter.template"].create(
            {
                "name": "Surat uji",
                "classification_code": "800",
                "unit_code": "999.001",
                "subject": "Penyusunan SKJ Tahun {{ object.year }}",
                "body_html": "<p>Penyusunan SKJ pada {{ object.opd_id.name }} tanggal {{ object.date_long }}.</p>",
                "place": "Mojokerto",
                "signatory_prefix": "plt",
                "signatory_position": "SEKRETARIS DAERAH KOTA MOJOKERTO",
                "signatory_name": "Dr. Ir. GENTUR PRIHANTONO S.P., M.T.",
                "signatory_rank": "Pembina Utama Madya",
                "signatory_nip": "195901091987121002",
            }
        )
        cls.Letter = cls.env["sop.letter"]

    def _letter(self, date, template=None, opd=None, user=None):
        Letter = self.Letter.with_user(user) if user else self.Letter
        return Letter._generate(template or self.template, opd=opd or self.opd, date=date)


@tagged("post_install", "-at_install")
class TestLetterNumber(LetterCase):
    def test_agenda_per_unit_and_year(self):
        first = self._letter(D(2026, 3, 16))
        second = self._letter(D(2026, 11, 2))
        self.assertEqual(first.name, "800/1/999.001/2026")
        self.assertEqual(second.name, "800/2/999.001/2026")
        self.assertEqual((first.agenda_no, second.agenda_no), (1, 2))
        next_year = self._letter(D(2027, 1, 4))
        self.assertEqual(next_year.name, "800/1/999.001/2027", "the counter restarts every year")
        # the counter belongs to the unit code, not to the template
        same_unit = self.template.copy({"name": "Surat uji lain", "classification_code": "005"})
        self.assertEqual(self._letter(D(2026, 12, 1), template=same_unit).name, "005/3/999.001/2026")
        other_unit = self.template.copy({"name": "Surat unit lain", "unit_code": "999.002"})
        self.assertEqual(self._letter(D(2026, 12, 1), template=other_unit).name, "800/1/999.002/2026")

    def test_pattern_formatting(self):
        self.assertEqual(format_letter_number(None, "800", 123, "417.112", 2026), "800/123/417.112/2026")
        self.assertEqual(
            format_letter_number("{unit}-{agenda}/{classification}/{year}", "800", 7, "417.112", 2026),
            "417.112-7/800/2026",
        )
        with self.assertRaises(LetterNumberError):
            format_letter_number("{classification}/{unit}/{year}", "800", 1, "417.112", 2026)
        with self.assertRaisesRegex(ValidationError, "not valid"):
            self.template.number_pattern = "{classification}/{number}/{year}"
        with self.assertRaisesRegex(ValidationError, "not valid"):
            self.template.number_pattern = "{classification}/{unit}/{year}"
        self.template.number_pattern = "{classification}/{agenda}/SKJ/{unit}/{year}"
        self.assertEqual(self._letter(D(2026, 3, 16)).name, "800/1/SKJ/999.001/2026")

    def test_placeholders_checked_for_non_editors(self):
        admin_template = self.template.with_user(self.sop_admin)
        admin_template.subject = "Surat untuk {{ object.opd_id.name }}"
        with self.assertRaisesRegex(ValidationError, "only mail template editors"):
            admin_template.subject = "{{ object.env['res.users'].search([]) }}"

    def test_invalid_nip_rejected(self):
        with self.assertRaisesRegex(ValidationError, "NIP"):
            self.template.signatory_nip = "1959010919871210"


@tagged("post_install", "-at_install")
class TestLetterAgenda(LetterCase):
    """The agenda book: every number taken, given back or void when its letter fails."""

    def _entries(self):
        return self.env["sop.letter.agenda"].search([("unit_code", "=", "999.001")], order="agenda_no")

    def test_issued_letters_are_in_the_agenda_book(self):
        letter = self._letter(D(2026, 3, 16))
        entry = self._entries()
        self.assertEqual((entry.name, entry.agenda_no, entry.year), ("800/1/999.001/2026", 1, 2026))
        self.assertEqual((entry.state, entry.letter_id, entry.user_id), ("issued", letter, self.env.user))
        self.assertEqual(entry.with_user(self.sop_user).letter_id, letter, "SOP users read the agenda book")
        with self.assertRaises(AccessError):
            entry.with_user(self.sop_user).write({"void_reason": "x"})
        with self.assertRaises(AccessError):
            entry.with_user(self.liaison).read(["name"])
        letter.with_user(self.sop_admin).unlink()
        self.assertEqual(entry.state, "void", "a deleted letter leaves its number void, not silently free")
        self.assertIn("Letter deleted by", entry.void_reason)
        self.assertEqual(self._letter(D(2026, 3, 17)).name, "800/2/999.001/2026")

    def test_failed_letter_gives_its_number_back(self):
        self._letter(D(2026, 3, 16))
        with (
            patch.object(SopLetter, "_print_and_attach", side_effect=UserError("wkhtmltopdf failed")),
            self.assertRaisesRegex(UserError, "wkhtmltopdf failed"),
        ):
            self._letter(D(2026, 3, 17))
        self.assertFalse(self.Letter.search([("unit_code", "=", "999.001"), ("agenda_no", "=", 2)]))
        self.assertEqual(self._entries().mapped("agenda_no"), [1], "the last number is given back")
        self.assertEqual(self._letter(D(2026, 3, 18)).name, "800/2/999.001/2026", "no gap")

    def test_failed_number_is_void_after_a_later_one(self):
        Agenda = self.env["sop.letter.agenda"]
        taken = [Agenda._take(self.template, self.env.company, "999.001", "800", D(2026, 3, 16)) for _i in range(2)]
        self.assertEqual([number["agenda_no"] for number in taken], [1, 2])
        Agenda._give_back(taken[0]["agenda_entry"], "Letter not generated: PDF error")
        first, second = self._entries()
        self.assertEqual((first.state, first.void_reason), ("void", "Letter not generated: PDF error"))
        self.assertEqual((second.state, second.void_reason), ("no_letter", False))
        Agenda._give_back(taken[1]["agenda_entry"], "Letter not generated")
        self.assertEqual(self._entries(), first, "the last number went back to the counter")
        self.assertEqual(self._letter(D(2026, 3, 17)).name, "800/2/999.001/2026")

    def test_agenda_book_in_indonesian(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"].search([("name", "=", "sop_organisasi")])._update_translations(["id_ID"])
        env_id = self.env(context={"lang": "id_ID"})
        self.assertEqual(env_id.ref("sop_organisasi.sop_letter_agenda_menu").name, "Buku Agenda")
        states = dict(env_id["sop.letter.agenda"]._fields["state"]._description_selection(env_id))
        self.assertEqual((states["issued"], states["void"]), ("Terbit", "Batal"))
        labels = env_id["sop.letter.agenda"].fields_get(["agenda_no", "void_reason"], ["string"])
        self.assertEqual(labels["void_reason"]["string"], "Alasan Batal")

    def test_refused_user_takes_no_number(self):
        with self.assertRaises(AccessError):
            self._letter(D(2026, 3, 16), user=self.liaison)
        self.assertFalse(self._entries())
        self.assertEqual(self._letter(D(2026, 3, 16)).name, "800/1/999.001/2026")


@tagged("post_install", "-at_install")
class TestLetterContent(LetterCase):
    def test_signature_prefixes(self):
        self.assertEqual(signatory_position_text("plt", "SEKRETARIS DAERAH"), "Plt. SEKRETARIS DAERAH")
        self.assertEqual(signatory_position_text("plh", "KEPALA BAGIAN"), "Plh. KEPALA BAGIAN")
        self.assertEqual(signatory_position_text("pj", "WALI KOTA"), "Pj. WALI KOTA")
        self.assertEqual(signatory_position_text(False, "KEPALA BAGIAN"), "KEPALA BAGIAN")
        self.assertEqual(
            signatory_position_text("an", "SEKRETARIS DAERAH", "Asisten Pemerintahan"),
            "a.n. SEKRETARIS DAERAH\nAsisten Pemerintahan",
        )
        html = signatory_position_html("a.n. SEKRETARIS DAERAH\nAsisten <Pemerintahan>")
        self.assertIn('<span style="text-transform: none;">a.n.</span> SEKRETARIS DAERAH<br/>', html)
        self.assertIn("Asisten &lt;Pemerintahan&gt;", html, "the text is escaped")
        self.template.write({"signatory_prefix": "an", "signatory_own_position": "ASISTEN PEMERINTAHAN"})
        self.assertEqual(
            self.template.signatory_display, "a.n. SEKRETARIS DAERAH KOTA MOJOKERTO / ASISTEN PEMERINTAHAN"
        )
        letter = self._letter(D(2026, 3, 16))
        self.assertEqual(letter.signatory_position, "a.n. SEKRETARIS DAERAH KOTA MOJOKERTO\nASISTEN PEMERINTAHAN")
        # a snapshot: changing the template later does not change the letter
        self.template.signatory_name = "Orang Lain"
        self.assertEqual(letter.signatory_name, "Dr. Ir. GENTUR PRIHANTONO S.P., M.T.")

    def test_rendered_letter(self):
        letter = self._letter(D(2026, 3, 16))
        self.assertEqual(letter.subject, "Penyusunan SKJ Tahun 2026")
        self.assertIn("Penyusunan SKJ pada Dinas Uji Coba tanggal 16 Maret 2026.", letter.body_html)
        self.assertEqual(letter.addressee, "Kepala Dinas Uji Coba")
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "sop_organisasi.action_report_sop_letter", letter.ids
        )
        html = html.decode()
        company = self.env.company
        for text in (
            company.kop_government_name,
            company.kop_unit_name,
            company.kop_city_line,
            "800/1/999.001/2026",
            "Mojokerto, 16 Maret 2026",
            'Yth. <span class="sop-letter-addressee">Kepala Dinas Uji Coba</span>',
            "Penyusunan SKJ Tahun 2026",
            "Penyusunan SKJ pada Dinas Uji Coba",
            '<span style="text-transform: none;">Plt.</span> SEKRETARIS DAERAH KOTA MOJOKERTO',
            "Dr. Ir. GENTUR PRIHANTONO S.P., M.T.",
            "Pembina Utama Madya",
            "NIP. 19590109 198712 1 002",
        ):
            self.assertIn(text, html)
        self.assertNotIn("{{", html, "every placeholder is rendered")

    def test_generation_attaches_and_logs(self):
        letter = self._letter(D(2026, 3, 16))
        attachment = letter.attachment_id
        self.assertTrue(attachment)
        self.assertEqual((attachment.res_model, attachment.res_id), ("sop.letter", letter.id))
        self.assertEqual(attachment.name, "Surat-800-1-999.001-2026.pdf")
        message = letter.message_ids.filtered(lambda m: attachment in m.attachment_ids)
        self.assertIn("800/1/999.001/2026", message.body)

    def test_wizard_without_case(self):
        wizard = (
            self.env["sop.letter.wizard"]
            .with_user(self.sop_user)
            .create({"template_id": self.template.id, "opd_id": self.other_opd.id, "date": "2026-04-01"})
        )
        action = wizard.action_generate()
        letter = self.Letter.browse(action["res_id"])
        self.assertEqual(letter.name, "800/1/999.001/2026")
        self.assertEqual(letter.opd_id, self.other_opd)
        self.assertEqual(letter.create_uid, self.sop_user)

    def test_paper_follows_company(self):
        report = self.env.ref("sop_organisasi.action_report_sop_letter")
        self.env.company.sop_paper_size = "a4"
        self.assertEqual(report.get_paperformat(), self.env.ref("sop_organisasi.paperformat_a4_portrait"))
        self.env.company.sop_paper_size = "f4"
        self.assertEqual(report.get_paperformat(), self.env.ref("sop_organisasi.paperformat_f4_portrait"))
        monitoring = self.env.ref("sop_organisasi.action_report_sop_monitoring")
        self.assertEqual(monitoring.get_paperformat(), self.env.ref("sop_organisasi.paperformat_f4_landscape"))

    def test_shipped_templates(self):
        notification = self.env.ref("sop_organisasi.sop_letter_template_skj_notification")
        cover = self.env.ref("sop_organisasi.sop_letter_template_skj_cover")
        self.assertEqual(notification.step_ids, self.env.ref("sop_organisasi.sop_skj_step_a2"))
        self.assertEqual(cover.step_ids, self.env.ref("sop_organisasi.sop_skj_step_b12"))
        letter = self._letter(D(2026, 3, 16), template=cover)
        self.assertEqual(letter.subject, "Penyampaian Laporan Hasil Penyusunan SKJ Dinas Uji Coba")
        self.assertTrue(letter.name.endswith("/417.112/2026"))


@tagged("post_install", "-at_install")
class TestLetterAccess(LetterCase):
    def test_opd_liaison_reads_only_own_letters(self):
        mine = self._letter(D(2026, 3, 16))
        theirs = self._letter(D(2026, 3, 17), opd=self.other_opd)
        visible = self.Letter.with_user(self.liaison).search([("id", "in", (mine | theirs).ids)])
        self.assertEqual(visible, mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.liaison).read(["name"])
        with self.assertRaises(AccessError):
            mine.with_user(self.liaison).write({"subject": "Diubah"})
        with self.assertRaises(AccessError):
            self._letter(D(2026, 3, 18), user=self.liaison)

    def test_staff_generates_but_does_not_configure(self):
        letter = self._letter(D(2026, 3, 16), user=self.sop_user)
        self.assertEqual(letter.name, "800/1/999.001/2026")
        with self.assertRaises(AccessError):
            self.template.with_user(self.sop_user).write({"subject": "Lain"})
        with self.assertRaises(AccessError):
            letter.with_user(self.sop_user).unlink()
        with self.assertRaises(AccessError):
            self.Letter.with_user(self.plain_user).search([])


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"), "needs wkhtmltopdf and poppler")
class TestLetterPdf(HttpCase):
    """A real PDF. HttpCase: the report assets wkhtmltopdf asks the test server for are
    served inside the test transaction, so rows written by the test cannot block them."""

    def test_pdf_render(self):
        opd = self.env["hr.department"].create({"name": "Dinas Uji Coba", "is_opd": True})
        template = self.env.ref("sop_organisasi.sop_letter_template_skj_notification")
        letter = (
            self.env["sop.letter"]
            .with_context(force_report_rendering=True)
            ._generate(template, opd=opd, date=D(2026, 3, 16))
        )
        pdf = letter.attachment_id.raw
        self.assertTrue(pdf.startswith(b"%PDF"), "the attached file is a real PDF")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(
                ["pdftotext", "-layout", handle.name, "-"], capture_output=True, check=True, text=True
            ).stdout
        text = re.sub(r"\s+", " ", text)
        for expected in (
            "PEMERINTAH KOTA MOJOKERTO",
            "SEKRETARIAT DAERAH",
            letter.name,
            "/417.112/2026",
            "Mojokerto, 16 Maret 2026",
            "Kepala Dinas Uji Coba",
            "Penyusunan Standar Kompetensi Jabatan",
            "Plt. SEKRETARIS DAERAH KOTA MOJOKERTO",
            "NIP. 19590109 198712 1 002",
        ):
            self.assertIn(expected, text)
        if os.environ.get("SOP_LETTER_DUMP"):  # SOP_LETTER_DUMP=/tmp/letter.pdf to look at it
            with open(os.environ["SOP_LETTER_DUMP"], "wb") as handle:
                handle.write(pdf)


@tagged("post_install", "-at_install")
class TestCaseLetter(SopCaseRunCase):
    """'Generate Letter' on step A.2 of a running SKJ case."""

    def test_generate_letter_at_case_step(self):
        case = self._new_case()
        first = case.current_step_id
        self.assertEqual(first.code, "A.1")
        self.assertFalse(first.letter_template_ids)
        with self.assertRaisesRegex(UserError, "No letter template"):
            first.with_user(first.user_ids[0]).action_generate_letter()
        first.with_user(first.user_ids[0]).action_finish()
        step = case.current_step_id
        self.assertEqual(step.code, "A.2")
        template = self.env.ref("sop_organisasi.sop_letter_template_skj_notification")
        self.assertEqual(step.letter_template_ids, template)
        template.unit_code = "999.417"  # a counter of its own, whatever the database already numbered
        # only the people of the step act on it
        with self.assertRaises(AccessError):
            step.with_user(self.analis).action_generate_letter()

        action = step.with_user(self.kasubbag).action_generate_letter(date=D(2026, 3, 16))
        letter = self.env["sop.letter"].browse(action["res_id"])
        self.assertEqual(letter.case_id, case)
        self.assertEqual(letter.case_step_id, step)
        self.assertEqual(letter.opd_id, self.opd)
        self.assertEqual(letter.name, "800/1/999.417/2026")
        self.assertEqual(letter.subject, "Penyusunan Standar Kompetensi Jabatan (SKJ) Tahun 2026")
        self.assertIn("pada Dinas Kesehatan Uji.", letter.body_html)
        self.assertEqual(step.letter_ids, letter)
        self.assertEqual(case.letter_ids, letter)
        self.assertEqual(case.action_view_letters()["domain"], [("case_id", "=", case.id)])
        # the PDF is attached to the step as its output document and logged on the case
        attachment = letter.attachment_id
        self.assertEqual((attachment.res_model, attachment.res_id), ("sop.case.step", step.id))
        self.assertIn(attachment, step.attachment_ids)
        message = case.message_ids.filtered(lambda m: attachment in m.attachment_ids)
        self.assertEqual(len(message), 1)
        self.assertIn("800/1/999.417/2026", message.body)
        self.assertEqual(message.author_id, self.kasubbag.partner_id)
        # the OPD liaison reads the letter addressed to their OPD, the other OPD does not
        self.assertEqual(letter.with_user(self.liaison).name, "800/1/999.417/2026")
        with self.assertRaises(AccessError):
            letter.with_user(self.other_liaison).read(["name"])
        # the liaison opens the step form: letters shown, templates not (configuration)
        step_form = self.env["sop.case.step"].with_user(self.liaison).get_views([(False, "form")])
        self.assertNotIn(b"letter_template_ids", step_form["views"]["form"]["arch"])
        self.assertEqual(step.with_user(self.liaison).letter_count, 1)

        # printing again replaces the PDF, on the step too
        letter.with_user(self.kasubbag).action_regenerate_pdf()
        self.assertNotEqual(letter.attachment_id, attachment)
        self.assertFalse(attachment.exists())
        self.assertIn(letter.attachment_id, step.attachment_ids)
        self.assertEqual(letter.name, "800/1/999.417/2026", "the number stays")
        # a second letter in the same year takes the next agenda number
        again = step.with_user(self.kasubbag).action_generate_letter(date=D(2026, 3, 17))
        self.assertEqual(self.env["sop.letter"].browse(again["res_id"]).name, "800/2/999.417/2026")
        step.with_user(self.kasubbag).action_finish()
        self.assertEqual(case.current_step_id.code, "A.3")
        with self.assertRaisesRegex(UserError, "in progress"):
            step.with_user(self.kasubbag).action_generate_letter()


@tagged("post_install", "-at_install")
class TestLetterConcurrency(TransactionCase):
    """Letters generated at the same time from separate database connections, as by
    simultaneous requests. The data is committed (other connections cannot see the
    test transaction) and deleted after each test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin_id = cls.env.ref("base.user_admin").id

    def setUp(self):
        super().setUp()
        # the post-install tests run under the registry lock, which a new environment in
        # another thread asks for: release it as HttpCase's test mode does
        self.patch(Registry, "_lock", DummyRLock())
        self.unit_code = f"999.race.{self._testMethodName[-12:]}"
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.admin_id, {})
            self.template_id = (
                env["sop.letter.template"]
                .create(
                    {
                        "name": "Surat serentak",
                        "classification_code": "800",
                        "unit_code": self.unit_code,
                        "subject": "Surat serentak {{ object.name }}",
                        "body_html": "<p>Nomor {{ object.name }}.</p>",
                        "signatory_position": "KEPALA BAGIAN ORGANISASI",
                        "signatory_name": "Uji Serentak",
                    }
                )
                .id
            )
        self.addCleanup(self._delete_committed_data)

    def _delete_committed_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            letters = env["sop.letter"].with_context(active_test=False).search([("unit_code", "=", self.unit_code)])
            env["ir.attachment"].search([("res_model", "=", "sop.letter"), ("res_id", "in", letters.ids)]).unlink()
            letters.unlink()
            if "sop.letter.agenda" in env:
                env["sop.letter.agenda"].search([("unit_code", "=", self.unit_code)]).unlink()
            env["ir.sequence"].search([("code", "=", f"sop.letter.agenda.{self.unit_code}")]).unlink()
            env["sop.letter.template"].browse(self.template_id).unlink()

    def _generate_at_once(self, count):
        """Generate ``count`` letters in ``count`` threads, each on its own connection; every
        transaction starts (takes its snapshot) before any of them numbers its letter.
        Return the agenda numbers and the errors."""
        barrier = threading.Barrier(count)
        numbers, errors = [], []

        def generate():
            try:
                with self.registry.cursor() as cr:  # committed at the end of the block
                    env = api.Environment(cr, self.admin_id, {})
                    template = env["sop.letter.template"].browse(self.template_id)
                    # the request has started its transaction
                    template.name  # noqa: B018  # pylint: disable=pointless-statement
                    barrier.wait(timeout=60)
                    agenda_no = env["sop.letter"]._generate(template, date=D(2026, 3, 16)).agenda_no
                numbers.append(agenda_no)
            except Exception as exc:  # reported by the test
                errors.append(exc)

        threads = [threading.Thread(target=generate) for _i in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=180)
        self.assertFalse(any(thread.is_alive() for thread in threads), "no letter hangs")
        return numbers, errors

    def _committed_letters(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            letters = env["sop.letter"].search([("unit_code", "=", self.unit_code)], order="agenda_no")
            return [(letter.agenda_no, letter.name, bool(letter.attachment_id)) for letter in letters]

    def test_first_letters_of_a_new_unit_code(self):
        """Two simultaneous first letters of a unit code: one counter, numbers 1 and 2."""
        numbers, errors = self._generate_at_once(2)
        self.assertEqual(errors, [])
        self.assertEqual(sorted(numbers), [1, 2])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            counters = env["ir.sequence"].search([("code", "=", f"sop.letter.agenda.{self.unit_code}")])
            self.assertEqual(len(counters), 1, "one counter per unit code")
        self.assertEqual(
            self._committed_letters(),
            [(1, f"800/1/{self.unit_code}/2026", True), (2, f"800/2/{self.unit_code}/2026", True)],
        )

    def test_many_letters_at_once(self):
        """Eight simultaneous letters on an existing counter: eight consecutive numbers, no error."""
        numbers, errors = self._generate_at_once(1)
        self.assertEqual((numbers, errors), ([1], []))
        numbers, errors = self._generate_at_once(8)
        self.assertEqual(errors, [])
        self.assertEqual(sorted(numbers), list(range(2, 10)))
        self.assertEqual([row[0] for row in self._committed_letters()], list(range(1, 10)))

    def test_failed_letter_on_its_own_connection(self):
        """The number of a letter whose PDF fails was committed at once: it is given back."""
        self.assertEqual(self._generate_at_once(1), ([1], []))
        with patch.object(SopLetter, "_print_and_attach", side_effect=UserError("wkhtmltopdf failed")):
            numbers, errors = self._generate_at_once(1)
        self.assertEqual((numbers, [str(error) for error in errors]), ([], ["wkhtmltopdf failed"]))
        self.assertEqual(self._generate_at_once(1), ([2], []))
        self.assertEqual([row[0] for row in self._committed_letters()], [1, 2])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            entries = env["sop.letter.agenda"].search([("unit_code", "=", self.unit_code)], order="agenda_no")
            self.assertEqual([(entry.agenda_no, entry.state) for entry in entries], [(1, "issued"), (2, "issued")])
