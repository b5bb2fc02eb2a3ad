from odoo import Command
from odoo.addons.sop_organisasi.tools.workflow import as_workflow
from odoo.tests import new_test_user
from odoo.tests import tagged

from ..controllers.sop_public_page import FRAGMENTS
from .skm_common import SkmPhoneCase

# Runs in Chromium on a public page: the page's language, a label for every form control, one h1 and
# no skipped heading level, an alternative text for every image, and a contrast of at least 4.5:1 for
# the text of every visible element, computed from its colour and the backgrounds it is drawn on.
ACCESSIBILITY_JS = r"""
(function () {
    const errors = [];
    const lang = document.documentElement.getAttribute("lang");
    if (lang !== "id") {
        errors.push(`html lang is ${lang}`);
    }
    const visible = (el) => {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return rect.width > 1 && rect.height > 1 && style.visibility !== "hidden" && style.display !== "none";
    };
    for (const control of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
        const labelled =
            (control.id && document.querySelector(`label[for="${control.id}"]`)) ||
            control.closest("label") ||
            control.getAttribute("aria-label") ||
            control.getAttribute("aria-labelledby");
        if (!labelled) {
            errors.push(`form control without label: ${control.outerHTML.slice(0, 80)}`);
        }
    }
    const main = document.querySelector(".o_sop_public");
    const headings = main ? [...main.querySelectorAll("h1, h2, h3, h4, h5, h6")] : [];
    if (headings.filter((h) => h.tagName === "H1").length !== 1) {
        errors.push("the page has not exactly one h1");
    }
    let level = 0;
    for (const heading of headings) {
        const current = Number(heading.tagName[1]);
        if (level && current > level + 1) {
            errors.push(`heading level skipped: ${heading.tagName} ${heading.textContent.trim()}`);
        }
        level = current;
    }
    for (const image of document.querySelectorAll("img")) {
        if (!image.hasAttribute("alt")) {
            errors.push(`image without alt: ${image.src}`);
        }
    }
    const parse = (value) => {
        const match = value.match(/rgba?\(([^)]+)\)/);
        if (!match) {
            return null;
        }
        const parts = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
    };
    const blend = (top, bottom) => ({
        r: top.r * top.a + bottom.r * (1 - top.a),
        g: top.g * top.a + bottom.g * (1 - top.a),
        b: top.b * top.a + bottom.b * (1 - top.a),
        a: 1,
    });
    const background = (el) => {
        const layers = [];
        for (let node = el; node; node = node.parentElement) {
            const color = parse(getComputedStyle(node).backgroundColor);
            if (color && color.a > 0) {
                layers.push(color);
                if (color.a >= 1) {
                    break;
                }
            }
        }
        let result = { r: 255, g: 255, b: 255, a: 1 };
        for (const layer of layers.reverse()) {
            result = blend(layer, result);
        }
        return result;
    };
    const luminance = (c) => {
        const channel = (v) => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    };
    const ratioOf = (fg, bg) => {
        const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
        return (light + 0.05) / (dark + 0.05);
    };
    // the computation itself: black on white 21:1, #767676 on white passes (4.54), #777777 fails (4.48)
    const white = parse("rgb(255, 255, 255)");
    for (const [color, low, high] of [["rgb(0, 0, 0)", 20.9, 21.1], ["rgb(118, 118, 118)", 4.5, 4.6], ["rgb(119, 119, 119)", 4.4, 4.5]]) {
        const ratio = ratioOf(parse(color), white);
        if (!(ratio >= low && ratio < high)) {
            errors.push(`contrast of ${color} on white computed as ${ratio}`);
        }
    }
    let checked = 0;
    for (const el of document.body.querySelectorAll("*")) {
        const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
        if (!ownText || !visible(el) || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(el.tagName)) {
            continue;
        }
        const bg = background(el);
        const fg = blend(parse(getComputedStyle(el).color), bg);
        const ratio = ratioOf(fg, bg);
        checked++;
        if (ratio < 4.5) {
            errors.push(`contrast ${ratio.toFixed(2)} < 4.5: ${el.tagName} "${el.textContent.trim().slice(0, 40)}"`);
        }
    }
    if (!checked) {
        errors.push("no text checked");
    }
    if (errors.length) {
        console.error(`accessibility (${location.pathname}): ${errors.join(" | ")}`);
    } else {
        console.log("test successful");
    }
})();
"""


class PublicPagesFixtures:
    """A unit with a service whose standard is effective, another whose standard is a draft, a published period."""

    @classmethod
    def _setup_public_pages(cls):
        env = cls.env
        cls.kabag = new_test_user(env, "skm_kabag_pages", groups="sop_organisasi.group_sop_approver")
        cls.unit.write(
            {
                "maklumat_text": "Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan.",
                "signatory_position": "Kepala Dinas Uji",
                "signatory_name": "Budi Santoso",
            }
        )
        cls.standard = env["sop.service.standard"].create(
            {
                "service_id": cls.service_b.id,
                "requirement_ids": [
                    Command.create({"name": "Kartu Tanda Penduduk", "copies": "1 lembar fotokopi"}),
                    Command.create({"name": "Formulir permohonan"}),
                ],
                "procedure_text": "Pemohon mengisi formulir, petugas memverifikasi, izin diterbitkan.",
                "duration_qty": 3,
                "duration_unit": "day",
                "cost_type": "free",
                "product": "Surat izin reklame",
                "complaint_channels": "SP4N-LAPOR! dan kotak pengaduan di loket",
            }
        )
        # made effective as the last tier does (the approval itself is tested with the standards)
        as_workflow(cls.standard).with_context(skip_validation_check=True).write(
            {"state": "effective", "date_effective": cls.period.date_start}
        )
        cls.draft = env["sop.service.standard"].create(
            {
                "service_id": cls.service_a.id,
                "requirement_ids": [Command.create({"name": "Syarat rahasia draf 5521"})],
                "product": "Produk draf 5522",
            }
        )
        cls._respond([4, 4, 3, 3, 4, 4, 3, 4, 2], service=cls.service_b)
        cls._respond([3, 3, 3, 3, 3, 3, 3, 3, 3], gender="Perempuan", service=cls.service_a)
        cls.env["sop.skm.followup"].create(
            {
                "population_id": cls.population.id,
                "element": "U9",
                "name": "Kotak pengaduan daring",
                "deadline": cls.period.date_end,
                "user_id": cls.sop_user.id,
            }
        )
        cls.period.action_close()
        cls.period.with_user(cls.kabag).action_publish()

    def _service_path(self, service):
        slug = self.env["ir.http"]._slug
        return f"/layanan/{slug(service.unit_id)}/{slug(service)}"


@tagged("post_install", "-at_install")
class TestServicePages(PublicPagesFixtures, SkmPhoneCase):
    """/layanan over HTTP and in a phone's browser: only effective standards and published results."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_public_pages()

    def setUp(self):
        super().setUp()
        FRAGMENTS.clear()

    def test_the_list_names_the_units_and_services(self):
        page = self.url_open("/layanan")
        self.assertEqual(page.status_code, 200)
        self.assertIn('lang="id"', page.text)
        for text in ("Loket Perizinan Uji", "Izin Reklame", "Izin Usaha", self._service_path(self.service_b)):
            self.assertIn(text, page.text)

    def test_the_effective_standard_the_maklumat_and_the_published_ikm(self):
        page = self.url_open(self._service_path(self.service_b))
        self.assertEqual(page.status_code, 200)
        for text in (
            "Kartu Tanda Penduduk (1 lembar fotokopi)",
            "Pemohon mengisi formulir",
            "3 hari",
            "Gratis",
            "Surat izin reklame",
            "SP4N-LAPOR!",
            "Maklumat Pelayanan",
            "Kami sanggup menyelenggarakan pelayanan",
            "Budi Santoso",
            "SKM Uji",
        ):
            self.assertIn(text, page.text)
        ikm = self.env["sop.skm.publication"]._results(self.period)[(self.period.id, self.unit.id)]["ikm"]
        self.assertIn(f"{ikm:.2f}".replace(".", ","), page.text)

    def test_a_draft_standard_and_an_unpublished_period_never_appear(self):
        page = self.url_open(self._service_path(self.service_a))
        self.assertEqual(page.status_code, 200)
        self.assertIn("belum ditetapkan", page.text)
        self.assertNotIn("5521", page.text)
        self.assertNotIn("5522", page.text)
        # a revision of the effective standard in draft: the effective version stays on the page
        revision = self.standard._sop_open_revision()
        revision.requirement_ids[0].name = "Syarat revisi draf 5523"
        page = self.url_open(self._service_path(self.service_b))
        self.assertIn("Kartu Tanda Penduduk", page.text)
        self.assertNotIn("5523", page.text)
        self.period.with_user(self.kabag)._skm_unpublish("Populasi dikoreksi")
        page = self.url_open(self._service_path(self.service_b))
        self.assertNotIn("SKM Uji", page.text)
        self.assertIn("Belum ada hasil survei yang diterbitkan untuk unit ini", page.text)
        for path in ("/layanan", "/skm/hasil"):
            self.assertNotIn("SKM Uji", self.url_open(path).text, path)

    def test_a_standard_made_effective_shows_at_once(self):
        path = self._service_path(self.service_a)
        self.assertIn("belum ditetapkan", self.url_open(path).text)  # now cached
        as_workflow(self.draft).with_context(skip_validation_check=True).write(
            {"state": "effective", "date_effective": self.period.date_end}
        )
        page = self.url_open(path).text
        self.assertIn("Syarat rahasia draf 5521", page, "the cached page is rendered again once effective")
        self.assertNotIn("belum ditetapkan", page)

    def test_wrong_or_archived_services_are_not_found(self):
        slug = self.env["ir.http"]._slug
        for path in (
            f"/layanan/{slug(self.other_unit)}/{slug(self.service_b)}",
            f"/layanan/{slug(self.unit)}/999999",
            f"/layanan/{slug(self.unit)}/{'y' * 300}-{self.service_b.id}",
            "/layanan/x/y",
        ):
            self.assertEqual(self.url_open(path).status_code, 404, path)
        self.service_b.active = False
        self.assertEqual(self.url_open(self._service_path(self.service_b)).status_code, 404)
        self.assertNotIn("Izin Reklame", self.url_open("/layanan").text)

    def test_citizen_tour(self):
        """On a 390x844 phone: find the service, read its standard, see the unit's published IKM."""
        self.start_tour("/layanan", "sop_public_citizen_tour", login=None)

    def test_accessibility(self):
        slug = self.env["ir.http"]._slug
        for path in (
            "/layanan",
            self._service_path(self.service_b),
            self._service_path(self.service_a),
            "/skm/hasil",
            f"/skm/hasil/{slug(self.period)}/{slug(self.unit)}",
            "/skm/hasil/404",
        ):
            self.browser_js(path, ACCESSIBILITY_JS, login=None)


@tagged("post_install", "-at_install")
class TestPublishTour(PublicPagesFixtures, SkmPhoneCase):
    """The head of the division publishes a closed period in the backend."""

    browser_size = "1366x768"
    touch_enabled = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_public_pages()
        cls.period.with_user(cls.kabag)._skm_unpublish("Diterbitkan ulang dalam tur")

    def test_kabag_publishes_tour(self):
        self.start_tour("/odoo", "sop_skm_publish_tour", login=self.kabag.login)
        self.assertTrue(self.period.published)
        self.assertEqual(self.period.published_by_id, self.kabag)
