import re
from contextlib import contextmanager

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError

from ..tools.dates import format_date_long
from ..tools.workflow import as_workflow
from ..tools.workflow import written_fields
from ..tools.xlsx_writer import download_action
from ..tools.year import Year
from .sop_letter_agenda import VOID_REASON_KEY

LETTER_REPORT = "sop_organisasi.action_report_sop_letter"

# placeholders every user may render (others need the mail template editor group)
LETTER_PLACEHOLDERS = (
    "object.name",
    "object.date_long",
    "object.place_date",
    "object.place",
    "object.year",
    "object.period_year",
    "object.case_id.name",
    "object.case_id.year",
    "object.case_id.period",
    "object.case_id.opd_id.name",
    "object.case_id.procedure_id.name",
    "object.case_step_id.code",
    "object.subject",
    "object.addressee",
    "object.opd_id.name",
    "object.opd_id.opd_code",
    "object.res_name",
    "object.signatory_name",
    "object.company_id.name",
    "object.company_id.kop_unit_name",
    "object.company_id.kop_government_name",
)


class SopLetter(models.Model):
    """A numbered letter generated from a template, with its PDF."""

    _name = "sop.letter"
    _description = "SOP Letter"
    _inherit = ["mail.thread", "sop.signatory.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["name", "subject", "addressee"]

    name = fields.Char(string="Number", readonly=True, copy=False, index=True, tracking=True)
    template_id = fields.Many2one("sop.letter.template", required=True, ondelete="restrict", index=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    year = Year(compute="_compute_year", store=True)
    date_long = fields.Char(string="Date (Indonesian)", compute="_compute_date_values")
    place_date = fields.Char(compute="_compute_date_values", help="Mojokerto, 16 Maret 2026")
    place = fields.Char()
    opd_id = fields.Many2one("hr.department", string="Addressed OPD", index=True, tracking=True)
    addressee = fields.Char(help="Printed after 'Yth.'; defaults to the head of the OPD.")
    classification_code = fields.Char(readonly=True)
    unit_code = fields.Char(readonly=True, index=True)
    agenda_no = fields.Integer(string="Agenda No.", readonly=True, copy=False)
    nature = fields.Char(string="Nature (Sifat)")
    attachment_note = fields.Char(string="Enclosures (Lampiran)")
    subject = fields.Char()
    body_html = fields.Html(string="Body")
    signatory_position = fields.Char(help="Snapshot of the template at generation, with its a.n./Plt. prefix.")
    res_model = fields.Char(string="Related Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Related Record", model_field="res_model", readonly=True, index=True)
    res_name = fields.Char(string="Related To", compute="_compute_res_name")
    attachment_id = fields.Many2one("ir.attachment", string="PDF", readonly=True, copy=False)
    case_step_id = fields.Many2one("sop.case.step", readonly=True, index="btree_not_null", ondelete="set null")
    case_id = fields.Many2one("sop.case", readonly=True, index="btree_not_null", ondelete="set null", tracking=True)
    period_year = Year(
        compute="_compute_period_year",
        store=True,
        help="The year the letter is about: the year of its case, else the year of the letter date.",
    )

    _sql_constraints = [
        (
            "agenda_unique",
            "unique(company_id, unit_code, year, agenda_no)",
            "An agenda number can only be used once per unit and year.",
        )
    ]

    @api.depends("date")
    def _compute_year(self):
        for rec in self:
            rec.year = rec.date.year if rec.date else 0

    @api.depends("date", "case_id.year")
    def _compute_period_year(self):
        for rec in self:
            rec.period_year = rec.case_id.year or (rec.date.year if rec.date else 0)

    @api.depends("date", "place")
    def _compute_date_values(self):
        for rec in self:
            rec.date_long = format_date_long(rec.date)
            rec.place_date = f"{rec.place}, {rec.date_long}" if rec.place else rec.date_long

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        for rec in self:
            record = rec._get_related_record()
            rec.res_name = record.sudo().display_name if record else False

    def mail_allowed_qweb_expressions(self):
        return super().mail_allowed_qweb_expressions() + LETTER_PLACEHOLDERS

    def _get_related_record(self):
        self.ensure_one()
        if not self.res_model or not self.res_id or self.res_model not in self.env:
            return None
        record = self.env[self.res_model].browse(self.res_id).exists()
        return record or None

    def _get_form_action(self):
        """Window action opening this letter."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sop.letter",
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.model
    def _get_letters_action(self, domain, context=None):
        """Window action listing the letters of ``domain`` (the "Letters" smart buttons)."""
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Letters"),
            "res_model": "sop.letter",
            "view_mode": "list,form",
            "domain": domain,
        }
        if context:
            action["context"] = context
        return action

    @api.model
    def _get_generate_wizard_action(self, context):
        """Window action opening the "Generate Letter" wizard, with its defaults in ``context``."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Generate Letter"),
            "res_model": "sop.letter.wizard",
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    # ------------------------------------------------------------ generation
    @api.model
    def _prepare_from_template(self, template, opd=None, date=None, record=None):
        vals = {
            "template_id": template.id,
            "company_id": template.company_id.id,
            "date": date or fields.Date.context_today(self),
            "place": template.place,
            "opd_id": opd.id if opd else False,
            "addressee": f"Kepala {opd.name}" if opd else False,
            "classification_code": template.classification_code,
            "unit_code": template.unit_code,
            "nature": template.nature,
            "attachment_note": template.attachment_note,
            "signatory_position": template._signatory_position_text(),
            "signatory_name": template.signatory_name,
            "signatory_rank": template.signatory_rank,
            "signatory_nip": template.signatory_nip,
        }
        if record:
            vals.update({"res_model": record._name, "res_id": record.id})
            if record._name == "sop.case.step":
                vals.update({"case_step_id": record.id, "case_id": record.case_id.id})
        return vals

    @api.model
    def _generate(self, template, opd=None, date=None, record=None, extra_vals=None):
        """Create, number, render and print a letter; attach the PDF and log it.

        ``record``: the record the letter belongs to (e.g. a case step); the PDF is
        attached to it and the letter is logged on its chatter (or on the record
        returned by its ``_sop_letter_log_target()``). The number is taken in a short
        transaction of its own (see ``sop.letter.agenda``); if the letter then fails,
        nothing of it is kept and the number is given back or recorded void.
        Returns the letter.
        """
        template.ensure_one()
        if not template.active:
            raise UserError(self.env._("The letter template '%(name)s' is archived.", name=template.name))
        vals = self._prepare_from_template(template, opd=opd, date=date, record=record)
        vals.update(extra_vals or {})
        self.check_access("create")  # before a number is taken
        letters = as_workflow(self)  # the user's right is checked: the letter is issued by the workflow
        with letters._agenda_number(template, vals) as number:
            letter = letters.create(dict(vals, **number))
            letter._render_content()
            letter._print_and_attach()
        return letter.with_env(self.env)

    # -------------------------------------------------------------------- lock
    # A letter exists only as issued: created, numbered and printed by _generate (the step's
    # "Generate Letter" or the "Create Letter" screen). Its number, date, text and signatory never
    # change; a mistake is corrected by voiding it with a reason (Void: its number stays void in the
    # agenda book with the reason) and issuing a new one.
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "Letters are issued with 'Generate Letter' on a case step or SOP › Letters › Create Letter, "
                    "which number them in the agenda book."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and written_fields(vals):
            self.check_access("write")
            raise UserError(
                self.env._(
                    "The letter %(number)s is issued and cannot be changed; void it with a reason (its number "
                    "stays void in the agenda book) and issue a new one.",
                    number=self[:1].name or "",
                )
            )
        return super().write(vals)

    @api.model
    def _check_letter_files(self, attachments):
        """The PDF of an issued letter changes only with the letter's workflow."""
        letters = self.sudo().search([("attachment_id", "in", attachments.ids)], limit=1)
        if letters:
            raise AccessError(
                self.env._(
                    "The PDF of letter %(number)s belongs to the issued letter and cannot be replaced or deleted.",
                    number=letters.name,
                )
            )

    def _check_attachment_change(self):
        """Files attached to a letter itself follow its lock: issued, so never through a client."""
        if self:
            raise AccessError(self.env._("The files of an issued letter cannot be changed."))

    @contextmanager
    def _agenda_number(self, template, vals):
        """Take the next agenda number for a letter of ``vals`` and yield its ``agenda_no``
        and ``name``; the block uses it in a savepoint. If the block fails, its work is
        rolled back and the number given back (or recorded void), then the error goes on."""
        unit_code = vals.get("unit_code")
        if not unit_code:
            raise UserError(self.env._("The letter template '%(name)s' has no unit code.", name=template.name))
        date = fields.Date.to_date(vals["date"])
        Agenda = self.env["sop.letter.agenda"]
        number = Agenda._take(
            template, self.env["res.company"].browse(vals["company_id"]), unit_code, vals["classification_code"], date
        )
        entry_id = number.pop("agenda_entry")
        try:
            with self.env.cr.savepoint():
                yield number
        except Exception as exc:
            Agenda._give_back(entry_id, self.env._("Letter not generated: %(error)s", error=exc))
            raise

    def _agenda_key(self):
        return (self.company_id.id, self.unit_code, self.year, self.agenda_no)

    def unlink(self):
        self.env["sop.letter.agenda"]._void_deleted_letters(self)
        return super().unlink()

    def _render_content(self):
        """Fill subject and body from the template placeholders ({{ object.<path> }})."""
        render = self.env["mail.render.mixin"]._render_template
        for rec in self:
            template = rec.template_id
            subject = render(template.subject or "", self._name, rec.ids, engine="inline_template")[rec.id]
            body = render(str(template.body_html or ""), self._name, rec.ids, engine="inline_template")[rec.id]
            rec.write({"subject": subject, "body_html": body})

    def _log_target(self):
        """Where the letter's events are said: its related record (a step says them on its case, see
        ``_sop_letter_log_target``), else the letter itself."""
        self.ensure_one()
        target = self._get_related_record() or self
        return target._sop_letter_log_target() if hasattr(target, "_sop_letter_log_target") else target

    def _print_and_attach(self):
        Attachment = self.env["ir.attachment"]
        for rec in self:
            content, _fmt = self.env["ir.actions.report"]._render_qweb_pdf(LETTER_REPORT, rec.ids)
            record = rec._get_related_record()
            target = record or rec
            filename = re.sub(r"[^\w.-]+", "-", f"Surat {rec.name}") + ".pdf"
            attachment = Attachment.create(
                {
                    "name": filename,
                    "raw": content,
                    "mimetype": "application/pdf",
                    "res_model": target._name,
                    "res_id": target.id,
                }
            )
            rec.attachment_id = attachment
            if hasattr(target, "_sop_letter_attach"):
                target._sop_letter_attach(attachment)
            log_target = rec._log_target()
            message = self.env._("Letter %(number)s generated: %(subject)s", number=rec.name, subject=rec.subject)
            if hasattr(log_target, "message_post"):
                log_target.message_post(body=message, attachment_ids=attachment.ids)
            if log_target != rec:
                rec.message_post(body=message)

    def action_open_void_wizard(self):
        """Void: the correction of an issued letter (its number stays void with the reason)."""
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Void Letter"),
            "res_model": "sop.letter.void.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_letter_ids": [fields.Command.set(self.ids)]},
        }

    def _void(self, reason):
        """Void these letters: each number stays in the agenda book as void with ``reason`` and who
        voided it; the letter and its PDF (also as a step's output document) are removed. A corrected
        letter is then issued with a new number."""
        self.check_access("write")
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Say why the letter is void: the reason stays in the agenda book."))
        note = self.env._("Void: %(reason)s (%(user)s)", reason=reason, user=self.env.user.name)
        for letter in as_workflow(self):
            log_target = letter._log_target()
            if log_target != letter and hasattr(log_target, "message_post"):
                log_target.message_post(body=self.env._("Letter %(number)s: %(note)s", number=letter.name, note=note))
            pdf = letter.attachment_id
            letter.with_context(**{VOID_REASON_KEY: note}).unlink()
            pdf.unlink()
        return True

    def action_regenerate_pdf(self):
        """Print again (e.g. after the letterhead changed); the number and the text stay."""
        self.check_access("write")
        for rec in as_workflow(self):
            old = rec.attachment_id
            rec._print_and_attach()
            old.unlink()
        return True

    def action_download_pdf(self):
        self.ensure_one()
        if not self.attachment_id:
            raise UserError(self.env._("This letter has no PDF yet."))
        return download_action(self.attachment_id)

    def action_open_related(self):
        self.ensure_one()
        record = self._get_related_record()
        if not record:
            raise UserError(self.env._("The letter is not linked to a record."))
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
        }
