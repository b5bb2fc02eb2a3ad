import base64
import uuid

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.tools.misc import consteq

from ..tools.access import DIVISION
from ..tools.access import require_group
from ..tools.service_standard import MAKLUMAT_DEFAULT


class SopSkmUnit(models.Model):
    _name = "sop.skm.unit"
    _inherit = ["sop.signatory.mixin"]
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
        copy=False,
        readonly=True,
        groups="sop_organisasi.group_sop_user",
        help="Secret of the unit's kiosk, kept by its activated tablets in a cookie (never in a link).",
    )
    kiosk_activation_token = fields.Char(
        copy=False,
        readonly=True,
        groups="sop_organisasi.group_sop_user",
        help="One-time code of the kiosk activation link.",
    )
    kiosk_active = fields.Boolean(
        compute="_compute_kiosk_url", string="Kiosk Set Up", groups="sop_organisasi.group_sop_user"
    )
    kiosk_url = fields.Char(
        compute="_compute_kiosk_url",
        string="Kiosk Activation Link",
        groups="sop_organisasi.group_sop_user",
        help="Open this link once on the unit's own survey tablet at the counter: the tablet keeps the kiosk "
        "secret in a cookie and answers sent from it are not limited per address. The link works once; "
        "a new kiosk link ends every activated tablet.",
    )
    public_url = fields.Char(compute="_compute_public_url", string="Public Link")
    # computed apart: a list showing the links does not draw a QR image per unit
    qr_code = fields.Binary(compute="_compute_qr_code", string="QR Code")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True)
    # Maklumat Pelayanan: the unit's pledge to its service standards, signed by the head of the unit
    # (signatory_position, signatory_name, signatory_nip of sop.signatory.mixin)
    maklumat_text = fields.Text(
        string="Service Pledge (Maklumat)",
        default=lambda self: MAKLUMAT_DEFAULT,
        help="The pledge printed on the Maklumat Pelayanan poster, signed by the head of the unit.",
    )
    service_standard_ids = fields.One2many("sop.service.standard", "unit_id", string="Service Standards")

    _sql_constraints = [
        ("access_token_unique", "unique(access_token)", "The public token of a service unit must be unique."),
        ("skm_rate_limit_positive", "CHECK(skm_rate_limit >= 0)", "The answers per address cannot be negative."),
    ]

    @api.depends("access_token")
    def _compute_public_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        for unit in self:
            unit.public_url = f"{base_url}/skm/{unit.access_token}" if unit.access_token else False

    @api.depends("public_url")
    def _compute_qr_code(self):
        for unit in self:
            unit.qr_code = base64.b64encode(unit._skm_qr_png(unit.public_url)) if unit.public_url else False

    @api.depends("kiosk_token", "kiosk_activation_token")
    def _compute_kiosk_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        for unit in self:
            code = unit.sudo().kiosk_activation_token
            unit.kiosk_active = bool(unit.sudo().kiosk_token)
            unit.kiosk_url = f"{base_url}/skm/kiosk/activate/{code}" if code and unit.kiosk_active else False

    def _skm_is_kiosk(self, kiosk_token):
        """Whether ``kiosk_token`` (the cookie of a browser) is this unit's current kiosk secret."""
        self.ensure_one()
        secret = self.sudo().kiosk_token
        # consteq compares ASCII texts only: anything else a browser sends is no secret of ours
        if not (secret and isinstance(kiosk_token, str) and kiosk_token.isascii()):
            return False
        return consteq(secret, kiosk_token)

    def _skm_kiosk_cookie_name(self):
        self.ensure_one()
        return f"sop_skm_kiosk_{self.id}"

    @api.model
    def _skm_kiosk_activate(self, code):
        """The active unit whose activation code is ``code``, which is spent; an empty recordset otherwise."""
        unit = self.sudo().search([("kiosk_activation_token", "=", code), ("kiosk_token", "!=", False)], limit=1)
        if not unit or not consteq(unit.kiosk_activation_token, code):
            return self.browse()
        unit.kiosk_activation_token = False
        return unit

    def _skm_qr_png(self, value, size=300):
        return self.env["ir.actions.report"].barcode("QR", value, width=size, height=size, quiet=False)

    def action_regenerate_token(self):
        for unit in self:
            unit.access_token = uuid.uuid4().hex
        return True

    def _check_kiosk_rights(self):
        require_group(self.env, DIVISION, self.env._("Only the Organization Division sets up the SKM kiosks."))
        self.check_access("write")

    def action_kiosk_new_link(self):
        """A new kiosk secret (every activated tablet stops being the kiosk) and its activation link."""
        self._check_kiosk_rights()
        for unit in self:
            unit.kiosk_token = uuid.uuid4().hex
            unit.kiosk_activation_token = uuid.uuid4().hex
        return True

    def action_kiosk_activation_link(self):
        """One more activation link for the same kiosk (another tablet): activated tablets keep working."""
        self._check_kiosk_rights()
        for unit in self:
            if not unit.kiosk_token:
                raise UserError(self.env._("Set up the kiosk of %(unit)s first.", unit=unit.name))
            unit.kiosk_activation_token = uuid.uuid4().hex
        return True

    def action_kiosk_stop(self):
        self._check_kiosk_rights()
        self.write({"kiosk_token": False, "kiosk_activation_token": False})
        return True

    def action_print_poster(self):
        return self.env.ref("sop_survey.action_report_skm_poster").report_action(self, config=False)

    def action_print_maklumat(self):
        """The Maklumat Pelayanan poster (A4; the A3 poster is in the Print menu)."""
        return self.env.ref("sop_survey.action_report_maklumat_a4").report_action(self, config=False)
