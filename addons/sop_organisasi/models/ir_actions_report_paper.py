from odoo import fields
from odoo import models

# (company.sop_paper_size, orientation) -> paper format
SOP_PAPERFORMATS = {
    ("f4", "portrait"): "sop_organisasi.paperformat_f4_portrait",
    ("f4", "landscape"): "sop_organisasi.paperformat_f4_landscape",
    ("a4", "portrait"): "sop_organisasi.paperformat_a4_portrait",
    ("a4", "landscape"): "sop_organisasi.paperformat_a4_landscape",
}


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    sop_paper_orientation = fields.Selection(
        [("portrait", "Portrait"), ("landscape", "Landscape")],
        string="SOP Paper Orientation",
        help="When set, the paper (F4 or A4) follows the 'SOP Paper Size' of the company "
        "and this orientation, instead of the fixed paper format.",
    )

    def get_paperformat(self):
        if self.sop_paper_orientation:
            key = (self.env.company.sop_paper_size or "f4", self.sop_paper_orientation)
            paperformat = self.env.ref(SOP_PAPERFORMATS[key], raise_if_not_found=False)
            if paperformat:
                return paperformat
        return super().get_paperformat()
