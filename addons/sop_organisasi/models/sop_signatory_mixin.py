from markupsafe import Markup
from markupsafe import escape

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from ..tools.nip import display_nip
from ..tools.nip import is_valid_nip

SIGNATORY_PREFIXES = [
    ("an", "a.n. (atas nama)"),
    ("plt", "Plt. (Pelaksana Tugas)"),
    ("plh", "Plh. (Pelaksana Harian)"),
    ("pj", "Pj. (Penjabat)"),
]
PREFIX_LABELS = {"an": "a.n.", "plt": "Plt.", "plh": "Plh.", "pj": "Pj."}


def signatory_position_text(prefix, position, own_position=None):
    """``Plt. SEKRETARIS DAERAH``; with a.n. the signer's own position follows on a new line."""
    head = f"{PREFIX_LABELS[prefix]} {position or ''}".strip() if prefix else (position or "")
    if own_position:
        return f"{head}\n{own_position}"
    return head


def signatory_position_html(text):
    """Printable position: prefixes keep their case in the upper-cased signature block."""
    lines = []
    for line in (text or "").split("\n"):
        first, _sep, rest = line.partition(" ")
        if first in PREFIX_LABELS.values():
            lines.append(Markup('<span style="text-transform: none;">%s</span> %s') % (first, rest))
        else:
            lines.append(escape(line))
    return Markup("<br/>").join(lines)


class SopSignatoryMixin(models.AbstractModel):
    """The official who signs a document: SOP (disahkan oleh), letter template and letter, and the
    documents of other addons (certificates). One set of fields, one NIP check and one printed form for every signature block."""

    _name = "sop.signatory.mixin"
    _description = "Signing Official"

    signatory_position = fields.Char(
        help="The position as printed, with its a.n./Plt./Plh./Pj. prefix, "
        "e.g. 'Plt. SEKRETARIS DAERAH KOTA MOJOKERTO'.",
    )
    signatory_name = fields.Char()
    signatory_rank = fields.Char(string="Signatory Rank (Pangkat)")
    signatory_nip = fields.Char(string="Signatory NIP")
    signatory_nip_display = fields.Char(compute="_compute_signatory_nip_display")

    @api.depends("signatory_nip")
    def _compute_signatory_nip_display(self):
        for rec in self:
            rec.signatory_nip_display = display_nip(rec.signatory_nip)

    @api.constrains("signatory_nip")
    def _check_signatory_nip(self):
        for rec in self.filtered("signatory_nip"):
            if not is_valid_nip(rec.signatory_nip):
                raise ValidationError(
                    self.env._(
                        "The NIP '%(nip)s' of the signatory is not valid: a NIP has "
                        "18 digits (birth date, CPNS year and month, gender 1 or 2, serial).",
                        nip=rec.signatory_nip,
                    )
                )

    @api.model
    def _default_signatory_place(self):
        """Where documents are signed: the company's signing place, else its city."""
        company = self.env.company
        return company.sop_sign_place or company.city or False

    def _signatory_position_text(self):
        """The position as printed, one line per position (a.n.: the signer's own position below)."""
        self.ensure_one()
        return self.signatory_position or ""

    def _get_signatory_position_html(self):
        """The position for the upper-cased signature block: a.n./Plt./Plh./Pj. keep their case."""
        self.ensure_one()
        return signatory_position_html(self._signatory_position_text())
