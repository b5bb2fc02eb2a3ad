from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

SKJ_LAMPIRAN_REPORT = "sop_jabatan.action_report_skj_lampiran"


class SopJabatanSkjSet(models.Model):
    """The competency standards (SKJ) of an OPD's posts for a year: made by a case of the SKJ SOP, filled in
    by the OPD, verified by the division, approved by the Kabag; the lampiran of the Keputusan Wali Kota."""

    _name = "sop.jabatan.skj.set"
    _description = "Competency Standards (SKJ) of an OPD for a Year"
    _inherit = ["sop.jabatan.opd.year.mixin"]
    _sop_lines_field = "skj_ids"

    previous_id = fields.Many2one(
        "sop.jabatan.skj.set", string="Previous Version", copy=False, readonly=True, index=True
    )
    skj_ids = fields.One2many("sop.jabatan.skj", "skj_set_id", string="Posts", copy=True)
    skj_count = fields.Integer(string="Number of Posts", compute="_compute_skj_count", store=True)

    _sql_constraints = [
        ("year_real", "CHECK(year > 1900)", "The year of the SKJ must be a real year."),
    ]

    def _sop_name_prefix(self):
        return self.env._("SKJ")

    @api.depends("skj_ids")
    def _compute_skj_count(self):
        for rec in self:
            rec.skj_count = len(rec.skj_ids)

    # ------------------------------------------------------------------ checks
    def _sop_check_complete(self):
        for rec in self:
            problems = [] if rec.skj_ids else [self.env._("it has no posts")]
            for skj in rec.skj_ids:
                problems += skj._sop_problems()
            if problems:
                raise UserError(
                    self.env._(
                        "%(document)s is not complete: %(problems)s.",
                        document=rec.name,
                        problems="; ".join(problems[:20]),
                    )
                )

    # ------------------------------------------------------------------ flow
    def _sop_on_effective(self):
        for rec in self:
            filename = self.env._("Lampiran SKJ %(opd)s %(year)s.pdf", opd=rec.opd_id.name, year=rec.year)
            rec._sop_attach_to_cases(SKJ_LAMPIRAN_REPORT, filename.replace("/", "-"))
        return True

    def action_print_lampiran(self):
        """The lampiran of the Keputusan Wali Kota (PDF) of this version."""
        self.ensure_one()
        self.check_access("read")
        return self.env.ref(SKJ_LAMPIRAN_REPORT).report_action(self)

    def _sop_decree_title(self):
        """'KEPUTUSAN WALI KOTA MOJOKERTO' from the letterhead's government name ('PEMERINTAH KOTA ...')."""
        self.ensure_one()
        government = (self.company_id.kop_government_name or self.company_id.name or "").upper()
        region = government.removeprefix("PEMERINTAH").strip()
        if region.startswith("KOTA "):
            return f"KEPUTUSAN WALI {region}"
        if region.startswith("KABUPATEN "):
            return f"KEPUTUSAN BUPATI {region.removeprefix('KABUPATEN ').strip()}"
        return f"KEPUTUSAN KEPALA DAERAH {region}".strip()

    def action_open_skjs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sop_jabatan.sop_jabatan_skj_action")
        action["domain"] = [("skj_set_id", "=", self.id)]
        action["context"] = {"default_skj_set_id": self.id}
        return action
