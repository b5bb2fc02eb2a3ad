from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from ..tools.letter_number import DEFAULT_PATTERN
from ..tools.letter_number import LetterNumberError
from ..tools.letter_number import check_pattern
from .sop_signatory_mixin import SIGNATORY_PREFIXES
from .sop_signatory_mixin import signatory_position_text


class SopLetterTemplate(models.Model):
    """A letter ("surat dinas") produced while running an SOP, e.g. at step A.2 of the SKJ SOP."""

    _name = "sop.letter.template"
    _description = "SOP Letter Template"
    _inherit = ["sop.signatory.mixin"]
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=False)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    step_ids = fields.Many2many(
        "sop.step",
        "sop_letter_template_step_rel",
        "template_id",
        "step_id",
        string="SOP Steps",
        help="The SOP steps that produce this letter: 'Generate Letter' on a case step offers these templates.",
    )
    classification_code = fields.Char(
        required=True,
        help="Kode klasifikasi arsip, the first part of the number, e.g. 800 (kepegawaian).",
    )
    unit_code = fields.Char(
        required=True,
        help="Code of the issuing unit, e.g. 417.112. The agenda counter runs per unit code and year.",
    )
    number_pattern = fields.Char(
        required=True,
        default=DEFAULT_PATTERN,
        help="Placeholders: {classification}, {agenda}, {unit}, {year}. The default gives e.g. 800/123/417.112/2026.",
    )
    nature = fields.Char(string="Nature (Sifat)", default="Biasa")
    attachment_note = fields.Char(string="Enclosures (Lampiran)", default="-")
    subject = fields.Char(
        required=True,
        help="Perihal. Placeholders as in the body, e.g. Penyusunan SKJ Tahun {{ object.year }}.",
    )
    body_html = fields.Html(
        string="Body",
        sanitize_attributes=False,
        help="Placeholders {{ object.<field path> }} are replaced by the fields of the letter "
        "(object = the letter: opd_id, year, date_long, number, res_name ...). "
        "Plain field paths are rendered for everybody; other expressions need the mail template editor group.",
    )
    place = fields.Char(
        required=True,
        default=lambda self: self._default_signatory_place(),
        help="Printed before the date: Mojokerto, 16 Maret 2026. Defaults to the company's signing place.",
    )
    signatory_prefix = fields.Selection(
        SIGNATORY_PREFIXES,
        help="a.n. when signing on behalf of the official, Plt./Plh./Pj. for an acting official.",
    )
    signatory_position = fields.Char(required=True, help="Base position, e.g. SEKRETARIS DAERAH KOTA MOJOKERTO.")
    signatory_own_position = fields.Char(
        string="Signer's Own Position",
        help="With a.n.: the position of the official who actually signs, printed under the a.n. line.",
    )
    signatory_name = fields.Char(required=True)
    signatory_display = fields.Char(compute="_compute_signatory_display", string="Signed as")
    letter_count = fields.Integer(compute="_compute_letter_count")

    @api.depends("signatory_prefix", "signatory_position", "signatory_own_position")
    def _compute_signatory_display(self):
        for rec in self:
            rec.signatory_display = rec._signatory_position_text().replace("\n", " / ")

    def _signatory_position_text(self):
        """The base position with its a.n./Plt. prefix; with a.n. the signer's own position below."""
        self.ensure_one()
        return signatory_position_text(self.signatory_prefix, self.signatory_position, self.signatory_own_position)

    def _compute_letter_count(self):
        counts = dict(
            self.env["sop.letter"]._read_group([("template_id", "in", self.ids)], ["template_id"], ["__count"])
        )
        for rec in self:
            rec.letter_count = counts.get(rec, 0)

    @api.constrains("number_pattern")
    def _check_number_pattern(self):
        for rec in self:
            try:
                check_pattern(rec.number_pattern)
            except LetterNumberError as exc:
                raise ValidationError(
                    self.env._(
                        "The number pattern '%(pattern)s' is not valid (%(problem)s): use {classification}, "
                        "{agenda}, {unit} and {year}; {agenda} is required.",
                        pattern=rec.number_pattern,
                        problem=exc,
                    )
                ) from exc

    @api.constrains("subject", "body_html")
    def _check_placeholders(self):
        if self.env.su or self.env.user.has_group("mail.group_mail_template_editor"):
            return
        Mixin = self.env["mail.render.mixin"]
        for rec in self:
            for text in (rec.subject, str(rec.body_html or "")):
                if Mixin._has_unsafe_expression_template_inline_template(text, "sop.letter"):
                    raise ValidationError(
                        self.env._(
                            "'%(name)s' uses a placeholder that only mail template editors may use. "
                            "Allowed: %(allowed)s.",
                            name=rec.name,
                            allowed=", ".join(
                                "{{ " + expr + " }}" for expr in self.env["sop.letter"].mail_allowed_qweb_expressions()
                            ),
                        )
                    )

    def action_open_generate_wizard(self):
        self.ensure_one()
        return self.env["sop.letter"]._get_generate_wizard_action({"default_template_id": self.id})

    def action_view_letters(self):
        self.ensure_one()
        return self.env["sop.letter"]._get_letters_action(
            [("template_id", "=", self.id)], context={"default_template_id": self.id}
        )
