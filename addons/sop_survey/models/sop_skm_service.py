from odoo import api
from odoo import fields
from odoo import models


class SopSkmService(models.Model):
    _name = "sop.skm.service"
    _description = "SKM Service (jenis layanan)"
    _order = "unit_id, sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    unit_id = fields.Many2one("sop.skm.unit", string="Service Unit", required=True, index=True, ondelete="cascade")
    opd_id = fields.Many2one(related="unit_id.opd_id", store=True)
    active = fields.Boolean(default=True)
    public_url = fields.Char(compute="_compute_public_url", string="Public Link")
    standard_ids = fields.One2many("sop.service.standard", "service_id", string="Service Standards")
    standard_id = fields.Many2one(
        "sop.service.standard",
        string="Effective Standard",
        compute="_compute_standard_id",
        help="The service standard in force (the latest effective version).",
    )

    @api.depends("unit_id.access_token")
    def _compute_public_url(self):
        for service in self:
            unit_url = service.unit_id.public_url
            service.public_url = f"{unit_url}/{service.id}" if unit_url and service.id else False

    @api.depends("standard_ids.state")
    def _compute_standard_id(self):
        effective = self.env["sop.service.standard"].search(
            [("service_id", "in", self.ids), ("state", "=", "effective")], order="revision desc, id desc"
        )
        for service in self:
            service.standard_id = effective.filtered(lambda s, srv=service: s.service_id == srv)[:1]
