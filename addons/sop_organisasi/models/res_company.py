from markupsafe import Markup

from odoo import api
from odoo import fields
from odoo import models

from ..tools.dates import DEFAULT_TZ

# time zones Odoo gives when nobody chose one: not a deliberate choice for a city in WIB
UNSET_TZ = (False, "", "UTC", "Etc/UTC", "GMT")


class ResCompany(models.Model):
    _inherit = "res.company"

    kop_government_name = fields.Char(
        string="Government Name (Letterhead)",
        help="First line of the letterhead (kop surat), e.g. PEMERINTAH KOTA MOJOKERTO.",
    )
    kop_unit_name = fields.Char(
        string="Unit Name (Letterhead)",
        help="Second line of the letterhead, e.g. SEKRETARIAT DAERAH.",
    )
    kop_address = fields.Text(
        string="Address Lines (Letterhead)",
        help="Address, phone and fax as printed under the unit name.",
    )
    kop_city_line = fields.Char(
        string="City Line (Letterhead)", help="Last line of the letterhead, e.g. MOJOKERTO 61314."
    )
    sop_sign_place = fields.Char(
        string="Signing Place",
        help="Printed before the date of signed letters and certificates, e.g. Mojokerto. Empty: the company's city.",
    )
    sop_paper_size = fields.Selection(
        [("f4", "F4 / Folio (215 x 330 mm)"), ("a4", "A4 (210 x 297 mm)")],
        string="SOP Paper Size",
        default="f4",
        required=True,
        help="Paper of printed SOPs, letters and reports.",
    )

    sop_monitoring_start_date = fields.Date(
        string="SOP Monitoring Since",
        default=lambda self: self._default_sop_monitoring_start_date(),
        help="When the city started monitoring its SOPs with this application: the first monitoring "
        "of an SOP is due 6 months after this date or after the SOP became effective, whichever is later. "
        "By default the day the SOP application was installed.",
    )

    @api.model
    def _default_sop_monitoring_start_date(self):
        """The day the SOP application was installed: its first records (also when the column is
        added by an upgrade; ``ir_module_module`` rows have no creation date)."""
        [(first,)] = (
            self.env["ir.model.data"]
            .sudo()
            ._read_group([("module", "=", "sop_organisasi")], aggregates=["create_date:min"])
        )
        return (first or fields.Datetime.now()).date()

    @api.model
    def _action_sop_document_settings(self):
        """SOP › Configuration › Documents: the current company's letterhead, logo and paper."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Documents"),
            "res_model": "res.company",
            "res_id": self.env.company.id,
            "view_mode": "form",
            "views": [(self.env.ref("sop_organisasi.res_company_view_form_sop_documents").id, "form")],
            "target": "current",
        }

    def _sop_adopt_wib(self):
        """Put a company still on Odoo's default working calendar and time zone on the city's WIB
        calendar and ``Asia/Jakarta`` (with its users without a zone of their own). A calendar or zone
        somebody chose is kept. Each change is said in the company's chatter; returns the companies
        that changed."""
        standard = self.env.ref("resource.resource_calendar_std", raise_if_not_found=False)
        wib = self.env.ref("sop_organisasi.resource_calendar_pemkot", raise_if_not_found=False)
        if standard and standard.tz in UNSET_TZ:
            standard.tz = DEFAULT_TZ
        changed = self.browse()
        for company in self:
            notes = []
            if (
                wib
                and wib.company_id in (company, self.env["res.company"])
                and company.resource_calendar_id in (standard, self.env["resource.calendar"])
            ):
                previous = company.resource_calendar_id.name or "-"
                company.resource_calendar_id = wib
                notes.append(self.env._("working calendar: %(new)s instead of %(old)s", new=wib.name, old=previous))
            if company.partner_id.tz in UNSET_TZ:
                company.partner_id.tz = DEFAULT_TZ
                notes.append(self.env._("time zone: %(tz)s", tz=DEFAULT_TZ))
                users = (
                    self.env["res.users"]
                    .with_context(active_test=False)
                    .search([("company_id", "=", company.id), ("share", "=", False), ("tz", "in", UNSET_TZ)])
                )
                if users:
                    users.write({"tz": DEFAULT_TZ})
                    notes.append(self.env._("time zone of %(count)s users without one", count=len(users)))
            if notes:
                body = Markup("<p>%s</p><ul>%s</ul>") % (
                    self.env._("Upgrade of the SOP addons: Mojokerto works in WIB (UTC+7)."),
                    Markup("").join(Markup("<li>%s</li>") % note for note in notes),
                )
                company.partner_id.message_post(body=body)
                changed |= company
        return changed
