import base64
import uuid

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools.misc import consteq


class SopSkmUnit(models.Model):
    _name = "sop.skm.unit"
    _description = "SKM Service Unit"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    opd_id = fields.Many2one(
        "hr.department",
        string="OPD",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_opd", "=", True)],
        help="Government unit (OPD) responsible for this service unit; its liaison users see its results.",
    )
    active = fields.Boolean(default=True)
    access_token = fields.Char(
        string="Public Token",
        required=True,
        copy=False,
        readonly=True,
        index=True,
        default=lambda self: uuid.uuid4().hex,
        help="Secret part of the public survey link and QR code. Regenerate it to invalidate printed posters.",
    )
    service_ids = fields.One2many("sop.skm.service", "unit_id", string="Services")
    skm_rate_limit = fields.Integer(
        string="Answers per Address (10 min)",
        help="How many answers one network address may send to this unit in 10 minutes. Raise it when many "
        "citizens answer behind one public address (shared Wi-Fi); 0 uses the default (system parameter "
        "sop_survey.skm_rate_limit, 20). A tablet at the counter should use the kiosk link instead.",
    )
    kiosk_token = fields.Char(
        copy=False, readonly=True, groups="sop_organisasi.group_sop_user", help="Secret part of the kiosk link."
    )
    kiosk_url = fields.Char(
        compute="_compute_kiosk_url",
        string="Kiosk Link",
        groups="sop_organisasi.group_sop_user",
        help="Open this link on the unit's own survey tablet at the counter: answers sent from it are not "
        "limited per address. Keep it secret; a new kiosk link invalidates the old one.",
    )
    public_url = fields.Char(compute="_compute_public_url", string="Public Link")
    qr_code = fields.Binary(compute="_compute_public_url", string="QR Code")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True)

    _sql_constraints = [
        ("access_token_unique", "unique(access_token)", "The public token of a service unit must be unique."),
        ("skm_rate_limit_positive", "CHECK(skm_rate_limit >= 0)", "The answers per address cannot be negative."),
    ]

    @api.depends("access_token")
    def _compute_public_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        for unit in self:
            unit.public_url = f"{base_url}/skm/{unit.access_token}" if unit.access_token else False
            unit.qr_code = base64.b64encode(unit._skm_qr_png(unit.public_url)) if unit.public_url else False

    @api.depends("access_token", "kiosk_token")
    def _compute_kiosk_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        for unit in self:
            unit.kiosk_url = (
                f"{base_url}/skm/{unit.access_token}/kiosk/{unit.kiosk_token}" if unit.kiosk_token else False
            )

    def _skm_is_kiosk(self, kiosk_token):
        """Whether ``kiosk_token`` is this unit's current kiosk token."""
        self.ensure_one()
        secret = self.sudo().kiosk_token
        return bool(secret and kiosk_token) and consteq(secret, kiosk_token)

    def _skm_qr_png(self, value, size=300):
        return self.env["ir.actions.report"].barcode("QR", value, width=size, height=size, quiet=False)

    def action_regenerate_token(self):
        for unit in self:
            unit.access_token = uuid.uuid4().hex
        return True

    def action_kiosk_new_link(self):
        for unit in self:
            unit.kiosk_token = uuid.uuid4().hex
        return True

    def action_kiosk_stop(self):
        self.kiosk_token = False
        return True

    def action_print_poster(self):
        return self.env.ref("sop_survey.action_report_skm_poster").report_action(self, config=False)
