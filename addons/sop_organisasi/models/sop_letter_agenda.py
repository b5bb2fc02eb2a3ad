"""The agenda book: every letter number taken, in a short transaction of its own.

A letter takes its number (``ir.sequence`` per unit code, "no gap", one range per
year) in a transaction that commits at once, so the counter is locked for
milliseconds and not while the PDF renders. Each number taken is an entry of the
agenda book; the entry and the letter share the key (company, unit code, year,
agenda number). If the letter then fails, the number is given back when it is
still the last one of the counter, else its entry stays as a void with the reason.
A number is never lost silently: an entry without a letter is a void.
"""

import logging
import time
from contextlib import contextmanager

from psycopg2.errors import LockNotAvailable
from psycopg2.extensions import ISOLATION_LEVEL_READ_COMMITTED

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.modules import module
from odoo.sql_db import TestCursor

from ..tools.letter_number import format_letter_number
from ..tools.workflow import in_workflow
from ..tools.year import Year

_logger = logging.getLogger(__name__)

# first key of pg_advisory_xact_lock(int, int): the agenda counters of SOP letters
AGENDA_LOCK_NAMESPACE = 417112
# the reason of a voided letter, passed by sop.letter._void (read only inside the workflow)
VOID_REASON_KEY = "sop_letter_void_reason"
COUNTER_BUSY_TRIES = 5


def _in_test_transaction(cr):
    """``cr`` is the transaction of a running test (rolled back at its end)."""
    current_test = module.current_test
    return isinstance(cr, TestCursor) or (current_test and getattr(current_test, "cr", None) is cr)


@contextmanager
def own_transaction(env):
    """Yield ``env`` on a new cursor, committed at the end of the block (rolled back on error).

    The transaction runs in READ COMMITTED: after waiting for a lock it reads what the
    holder committed (the request's REPEATABLE READ snapshot would not). Inside a test's
    transaction, whose data another connection cannot see and which must stay rolled
    back, the block runs in a savepoint of ``env.cr`` instead.
    """
    if _in_test_transaction(env.cr):
        with env.cr.savepoint():
            yield env
        return
    with env.registry.cursor() as cr:
        cr.connection.set_isolation_level(ISOLATION_LEVEL_READ_COMMITTED)  # reset when the pool lends it again
        yield env(cr=cr)


class SopLetterAgenda(models.Model):
    """An entry of the agenda book: one letter number taken."""

    _name = "sop.letter.agenda"
    _description = "Letter Agenda Entry"
    _order = "company_id, unit_code, year desc, agenda_no desc"

    name = fields.Char(string="Letter Number", readonly=True)
    company_id = fields.Many2one("res.company", string="Issuing Company", required=True, readonly=True, index=True)
    unit_code = fields.Char(string="Issuing Unit Code", required=True, readonly=True)
    year = Year(string="Agenda Year", required=True, readonly=True)
    agenda_no = fields.Integer(string="Agenda Number", required=True, readonly=True)
    date = fields.Date(string="Letter Date", readonly=True)
    template_id = fields.Many2one("sop.letter.template", string="Template Used", readonly=True, ondelete="set null")
    user_id = fields.Many2one("res.users", string="Taken By", readonly=True, ondelete="set null")
    void_reason = fields.Text(readonly=True, help="Why the number has no letter.")
    letter_id = fields.Many2one("sop.letter", string="Issued Letter", compute="_compute_letter_id")
    state = fields.Selection(
        [("issued", "Issued"), ("void", "Void"), ("no_letter", "No Letter")],
        string="Number Status",
        compute="_compute_letter_id",
        help="No Letter: the number was taken but its letter is not stored: it is being printed "
        "right now, or the transaction that took it was rolled back. Such a number is void.",
    )

    _sql_constraints = [
        (
            "number_unique",
            "unique(company_id, unit_code, year, agenda_no)",
            "An agenda number can only be taken once per unit and year.",
        )
    ]

    def _compute_letter_id(self):
        letters = (
            self.env["sop.letter"]
            .sudo()
            .search(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("unit_code", "in", list(set(self.mapped("unit_code")))),
                    ("year", "in", list(set(self.mapped("year")))),
                    ("agenda_no", "in", list(set(self.mapped("agenda_no")))),
                ]
            )
        )
        by_key = {letter._agenda_key(): letter for letter in letters}
        for entry in self:
            letter = by_key.get(entry._agenda_key(), self.env["sop.letter"])
            entry.letter_id = letter.sudo(False)
            entry.state = "issued" if letter else "void" if entry.void_reason else "no_letter"

    def _agenda_key(self):
        return (self.company_id.id, self.unit_code, self.year, self.agenda_no)

    @api.model
    def _backfill_from_letters(self):
        """Enter in the agenda book the letters issued before it existed (an upgrade): one issued
        entry per letter number not yet in the book. Returns the new entries."""
        letters = self.env["sop.letter"].sudo().with_context(active_test=False).search([("agenda_no", "!=", 0)])
        booked = {entry._agenda_key() for entry in self.sudo().search([])}
        vals_list = []
        for letter in letters.sorted(lambda rec: (rec.company_id.id, rec.unit_code or "", rec.year, rec.agenda_no)):
            key = letter._agenda_key()
            if key in booked or not letter.unit_code:
                continue
            booked.add(key)
            vals_list.append(
                {
                    "name": letter.name,
                    "company_id": letter.company_id.id,
                    "unit_code": letter.unit_code,
                    "year": letter.year,
                    "agenda_no": letter.agenda_no,
                    "date": letter.date,
                    "template_id": letter.template_id.id,
                    "user_id": letter.create_uid.id,
                }
            )
        return self.sudo().create(vals_list)

    # ------------------------------------------------------------ counter
    @api.model
    def _lock_counter(self, company_id, unit_code):
        """Wait for the counter of the unit code (until the end of the transaction)."""
        self.env.cr.execute(
            "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [AGENDA_LOCK_NAMESPACE, f"{company_id}/{unit_code}"]
        )

    @api.model
    def _get_counter(self, company_id, unit_code):
        """The ir.sequence of the unit code, created on its first letter (call under :meth:`_lock_counter`)."""
        Sequence = self.env["ir.sequence"].sudo()
        code = f"sop.letter.agenda.{unit_code}"
        sequence = Sequence.search([("code", "=", code), ("company_id", "=", company_id)], order="id", limit=1)
        if not sequence:
            sequence = Sequence.create(
                {
                    "name": self.env._("Letter agenda %(unit)s", unit=unit_code),
                    "code": code,
                    "company_id": company_id,
                    "implementation": "no_gap",
                    "use_date_range": True,
                    "padding": 0,
                    "number_increment": 1,
                }
            )
        return sequence

    @api.model
    def _take(self, template, company, unit_code, classification_code, date):
        """Take the next agenda number in a transaction of its own, committed at once.

        Return the values of the letter: ``agenda_no``, ``name`` (the formatted number)
        and ``agenda_entry`` (the id of the entry, for :meth:`_give_back`).
        """
        for attempt in range(1, COUNTER_BUSY_TRIES + 1):
            try:
                with own_transaction(self.env) as env:
                    return env[self._name].sudo()._take_now(template, company, unit_code, classification_code, date)
            except LockNotAvailable:
                # the ir.sequence row is locked outside the agenda (e.g. edited by an administrator)
                if attempt == COUNTER_BUSY_TRIES:
                    raise UserError(
                        self.env._("The agenda counter %(unit)s is busy; please try again.", unit=unit_code)
                    ) from None
                time.sleep(0.05 * attempt)
        return None

    @api.model
    def _take_now(self, template, company, unit_code, classification_code, date):
        self._lock_counter(company.id, unit_code)
        agenda_no = int(self._get_counter(company.id, unit_code).next_by_id(sequence_date=date))
        name = format_letter_number(template.number_pattern, classification_code, agenda_no, unit_code, date.year)
        entry = self.create(
            {
                "name": name,
                "company_id": company.id,
                "unit_code": unit_code,
                "year": date.year,
                "agenda_no": agenda_no,
                "date": date,
                "template_id": template.id,
                "user_id": self.env.uid,
            }
        )
        return {"agenda_no": agenda_no, "name": name, "agenda_entry": entry.id}

    @api.model
    def _give_back(self, entry_id, reason):
        """The letter of the entry failed: give its number back to the counter if it is still
        the last one taken, else keep the entry as a void with ``reason``. Never raises."""
        try:
            with own_transaction(self.env) as env:
                env[self._name].sudo().browse(entry_id)._give_back_now(reason)
        except Exception:
            _logger.exception("Letter agenda entry %s: the failed number could not be given back", entry_id)

    def _give_back_now(self, reason):
        self.ensure_one()
        self._lock_counter(self.company_id.id, self.unit_code)
        counter = self._get_counter(self.company_id.id, self.unit_code)
        self.env.cr.execute(
            """UPDATE ir_sequence_date_range SET number_next = %(no)s
                WHERE sequence_id = %(seq)s AND date_from <= %(date)s AND date_to >= %(date)s
                  AND number_next = %(no)s + 1
            RETURNING id""",
            {"no": self.agenda_no, "seq": counter.id, "date": self.date},
        )
        if self.env.cr.fetchone():
            self.env["ir.sequence.date_range"].invalidate_model(["number_next"])
            self.unlink()
        else:
            self.void_reason = reason

    @api.model
    def _void_deleted_letters(self, letters):
        """Deleting numbered letters leaves their numbers void, with who deleted them."""
        numbered = letters.filtered("agenda_no")
        if not numbered:
            return
        keys = {letter._agenda_key() for letter in numbered}
        entries = self.sudo().search(
            [
                ("company_id", "in", numbered.company_id.ids),
                ("unit_code", "in", list({key[1] for key in keys})),
                ("year", "in", list({key[2] for key in keys})),
                ("agenda_no", "in", list({key[3] for key in keys})),
            ]
        )
        reason = self.env.context.get(VOID_REASON_KEY) if in_workflow(self.env) else None
        entries.filtered(lambda entry: entry._agenda_key() in keys).void_reason = reason or self.env._(
            "Letter deleted by %(user)s.", user=self.env.user.name
        )
