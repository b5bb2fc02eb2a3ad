from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.duration import UNIT_SELECTION
from odoo.addons.sop_organisasi.tools.duration import format_duration
from odoo.addons.sop_organisasi.tools.workflow import as_workflow
from odoo.addons.sop_organisasi.tools.workflow import in_workflow
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools.service_standard import COMPONENT_SELECTION
from ..tools.service_standard import format_amount


class SopServiceStandard(models.Model):
    """Standar Pelayanan of one SKM service (Permenpan RB 15/2014): the six service-delivery components
    shown to the public and the eight management components, versioned and approved through tiers."""

    _name = "sop.service.standard"
    _description = "Service Standard"
    _inherit = ["sop.document.version.mixin"]
    _order = "opd_id, unit_id, service_id, revision desc, id desc"
    _sop_version_key = ("service_id",)
    _sop_opd_field = "opd_id"
    # the liaison writes her OPD's drafts only (record rules): she still posts on her submitted versions
    _mail_post_access = "read"

    service_id = fields.Many2one(
        "sop.skm.service",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The service (jenis layanan) of an SKM service unit this standard sets.",
    )
    unit_id = fields.Many2one(related="service_id.unit_id", store=True, string="Service Unit")
    opd_id = fields.Many2one(related="service_id.unit_id.opd_id", store=True, string="OPD", index=True)
    company_id = fields.Many2one(related="service_id.unit_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    previous_id = fields.Many2one(
        "sop.service.standard", string="Previous Version", readonly=True, copy=False, index=True
    )
    # ------------------------------------------------ service-delivery components (shown to the public)
    requirement_ids = fields.One2many(
        "sop.service.standard.requirement", "standard_id", string="Requirements", copy=True
    )
    procedure_id = fields.Many2one(
        "sop.procedure",
        string="SOP of the Procedure",
        ondelete="restrict",
        domain=[("state", "=", "effective")],
        help="The effective SOP of the library that describes the procedure: its flowchart is printed.",
    )
    procedure_text = fields.Text(
        string="Procedure (text)", help="The procedure in words, where no SOP of the library describes it."
    )
    duration_qty = fields.Float(string="Service Time", digits=(16, 2))
    duration_unit = fields.Selection(UNIT_SELECTION, string="Time Unit")
    duration_display = fields.Char(string="Service Time (text)", compute="_compute_duration_display")
    cost_type = fields.Selection(
        [("free", "Free of Charge"), ("paid", "Paid")], string="Cost/Tariff", default="free", required=True
    )
    cost_amount = fields.Monetary(string="Amount", currency_field="currency_id")
    cost_legal_basis = fields.Text(
        string="Legal Basis of the Cost", help="The regulation setting the tariff (or the exemption)."
    )
    cost_display = fields.Char(string="Cost (text)", compute="_compute_cost_display")
    product = fields.Text(string="Service Product", help="What the citizen receives (document, permit...).")
    complaint_channels = fields.Text(
        string="Complaints, Suggestions and Input",
        help="Where and how complaints, suggestions and input are received and handled (SP4N-LAPOR!, "
        "phone, box, e-mail...).",
    )
    # ------------------------------------------------ management components
    legal_line_ids = fields.One2many("sop.service.standard.legal", "standard_id", string="Legal Basis", copy=True)
    facilities = fields.Text(string="Facilities and Infrastructure")
    staff_competence = fields.Text()
    internal_supervision = fields.Text()
    staff_count = fields.Integer(string="Number of Staff")
    staff_count_note = fields.Char(string="Staff (detail)", help="e.g. 2 front office, 1 back office")
    service_guarantee = fields.Text()
    safety_guarantee = fields.Text(string="Security and Safety Guarantee")
    performance_evaluation = fields.Text(string="Staff Performance Evaluation")

    _sql_constraints = [
        ("staff_count_positive", "CHECK(staff_count >= 0)", "The number of staff cannot be negative."),
        ("cost_amount_positive", "CHECK(cost_amount IS NULL OR cost_amount >= 0)", "The cost cannot be negative."),
    ]

    @api.depends("service_id.name", "unit_id.name", "revision")
    def _compute_display_name(self):
        for rec in self:
            name = rec.service_id.name or self.env._("New Service Standard")
            if rec.unit_id:
                name = f"{name} - {rec.unit_id.name}"
            rec.display_name = f"{name} (rev. {rec.revision})" if rec.revision else name

    @api.depends("duration_qty", "duration_unit")
    def _compute_duration_display(self):
        for rec in self:
            rec.duration_display = format_duration(rec.duration_qty, rec.duration_unit)

    @api.depends("cost_type", "cost_amount")
    def _compute_cost_display(self):
        for rec in self:
            if rec.cost_type == "free":
                rec.cost_display = self.env._("Free of charge")
            else:
                rec.cost_display = format_amount(rec.cost_amount) if rec.cost_amount else ""

    @api.constrains("duration_qty", "duration_unit")
    def _check_duration(self):
        for rec in self:
            if rec.duration_qty < 0:
                raise ValidationError(self.env._("The service time cannot be negative."))
            if bool(rec.duration_qty) != bool(rec.duration_unit):
                raise ValidationError(self.env._("Give the service time with its unit (e.g. 3 days)."))

    @api.constrains("procedure_id")
    def _check_procedure_effective(self):
        if in_workflow(self.env):
            return  # a revision keeps the SOP of its version; Submit asks for the effective one
        for rec in self.filtered("procedure_id"):
            if rec.procedure_id.sudo().state != "effective":
                raise ValidationError(
                    self.env._(
                        "The procedure of a service standard is an effective SOP (%(sop)s is not).",
                        sop=rec.procedure_id.sudo().display_name,
                    )
                )

    @api.constrains("service_id", "state", "revision")
    def _check_one_open_version(self):
        self._sop_check_versions()

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow(self.env):
            service_ids = [vals.get("service_id") for vals in vals_list if vals.get("service_id")]
            if service_ids and self.sudo().search_count([("service_id", "in", service_ids)]):
                raise UserError(
                    self.env._("This service already has a service standard: open it and use Revise for a new version.")
                )
        return super().create(vals_list)

    def _check_state_conditions(self, vals):
        # the workflow sets the state after its own checks (Verify asks the tiers, the last validation
        # makes the version effective): base_tier_validation's check on write is for the others
        if in_workflow(self.env):
            return False
        return super()._check_state_conditions(vals)

    # ------------------------------------------------------------------ workflow hooks
    def _sop_missing_components(self):
        """The labels of the components still empty (a draft is submitted with none of them empty)."""
        self.ensure_one()
        labels = dict(COMPONENT_SELECTION)
        checks = {
            "requirements": bool(self.requirement_ids),
            "procedure": bool(self.procedure_id or (self.procedure_text or "").strip()),
            "time": bool(self.duration_qty and self.duration_unit),
            "cost": self.cost_type == "free" or bool(self.cost_amount and (self.cost_legal_basis or "").strip()),
            "product": bool((self.product or "").strip()),
            "complaints": bool((self.complaint_channels or "").strip()),
            "legal_basis": bool(self.legal_line_ids),
            "facilities": bool((self.facilities or "").strip()),
            "competence": bool((self.staff_competence or "").strip()),
            "supervision": bool((self.internal_supervision or "").strip()),
            "staff_count": self.staff_count > 0,
            "guarantee": bool((self.service_guarantee or "").strip()),
            "safety": bool((self.safety_guarantee or "").strip()),
            "evaluation": bool((self.performance_evaluation or "").strip()),
        }
        labels.update(self._sop_component_labels())
        return [labels[key] for key, done in checks.items() if not done]

    @api.model
    def _sop_component_labels(self):
        """{component key: label in the user's language} (the selection of the follow-up plans' component)."""
        field = self.env["sop.skm.followup"]._fields["standard_component"]
        return dict(field._description_selection(self.env))

    def _sop_check_complete(self):
        for rec in self:
            missing = rec._sop_missing_components()
            if missing:
                raise UserError(
                    self.env._(
                        "The service standard %(standard)s is not complete. Fill in: %(missing)s.",
                        standard=rec.display_name,
                        missing=", ".join(missing),
                    )
                )
            if rec.procedure_id and rec.procedure_id.state != "effective":
                raise UserError(
                    self.env._(
                        "The SOP %(sop)s of the procedure is no longer effective: choose its effective version.",
                        sop=rec.procedure_id.display_name,
                    )
                )
        return True

    def _sop_on_effective(self):
        for rec in self.filtered("case_ids"):
            rec._sop_attach_to_cases(
                "sop_survey.action_report_service_standard_lampiran",
                f"Standar Pelayanan - {rec.service_id.name} (rev. {rec.revision}).pdf",
            )
        return True

    # ------------------------------------------------------------------ the link to the SKM
    def _sop_component_summary(self, key, limit=90):
        """A short text of the component ``key`` (a key of tools.service_standard.COMPONENTS) for the SKM
        report and dashboard, beside the element measuring it."""
        self.ensure_one()
        values = {
            "requirements": "; ".join(self.requirement_ids.mapped("name")),
            "procedure": self.sudo().procedure_id.display_name or self.procedure_text,
            "time": self.duration_display,
            "cost": self.cost_display,
            "product": self.product,
            "complaints": self.complaint_channels,
            "legal_basis": "; ".join(self.legal_line_ids.mapped("name")),
            "facilities": self.facilities,
            "competence": self.staff_competence,
            "supervision": self.internal_supervision,
            "staff_count": str(self.staff_count or ""),
            "guarantee": self.service_guarantee,
            "safety": self.safety_guarantee,
            "evaluation": self.performance_evaluation,
        }
        text = " ".join((values.get(key) or "").split())
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

    # ------------------------------------------------------------------ cases of SOP 11
    @api.model
    def _sop_open_for_case(self, case):
        """The drafts of the standards of every service of the case's OPD: the draft in progress, the
        revision of the effective one, or a new one; the case is linked to each."""
        services = (
            self.env["sop.skm.service"]
            .sudo()
            .search([("unit_id.opd_id", "=", case.opd_id.id), ("unit_id.active", "=", True)])
        )
        opened = self.browse()
        for service in services:
            document, pending = self._sop_open_version({"service_id": service.id}, case)
            if not pending:
                as_workflow(document)._sop_ask_liaisons(case)
            opened |= document
        return opened.with_env(self.env)

    def _sop_ask_liaisons(self, case):
        """A to-do on the new draft for each internal liaison of the OPD: fill it in."""
        deadline = case.date_deadline and fields.Date.to_date(case.date_deadline)
        for user in case.opd_id.liaison_user_ids.filtered(lambda u: u.active and u._is_internal()):
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=deadline or None,
                summary=self.env._("Fill in the service standard"),
                user_id=user.id,
            )

    # ------------------------------------------------------------------ printing
    def _sop_lampiran_standards(self):
        """The standards printed in the lampiran of the OPDs of ``self``: per service, the version in
        ``self`` or else its latest effective one."""
        chosen = {rec.service_id.id: rec for rec in self}
        services = self.env["sop.skm.service"].search([("unit_id.opd_id", "in", self.opd_id.ids)])
        result = self.browse()
        for service in services:
            rec = chosen.get(service.id) or self.search(
                [("service_id", "=", service.id), ("state", "=", "effective")], limit=1
            )
            result |= rec
        return result

    def action_print_lampiran(self):
        """The decree lampiran of the OPD: every service's standard (this version for this service)."""
        return self.env.ref("sop_survey.action_report_service_standard_lampiran").report_action(
            self._sop_lampiran_standards(), config=False
        )

    def action_print_board(self):
        return self.env.ref("sop_survey.action_report_service_standard_board").report_action(self, config=False)
