from odoo import api
from odoo import fields
from odoo import models


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
