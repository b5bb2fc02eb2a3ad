from odoo import api
from odoo import models

from ..tools.workflow import check_computed_fields


class SopDocumentContentMixin(models.AbstractModel):
    """A line of a versioned work product (``sop.document.version.mixin``): created, changed and deleted only
    while its document is a draft the user may write (the workflow's copies and data files excepted).

    ``_sop_document_path`` is the dotted path from the line to its document, e.g. ``"sheet_id.analysis_id"``.
    """

    _name = "sop.document.content.mixin"
    _description = "Line of a Versioned Work Product (editable while it is a draft)"
    _sop_document_path = ""

    def _sop_documents(self):
        return self.sudo().mapped(self._sop_document_path).with_env(self.env)

    def _sop_check_document_editable(self):
        documents = self._sop_documents()
        documents._sop_check_editable()
        if not self.env.su:
            documents.check_access("write")

    def _check_attachment_change(self):
        """Files of a line follow its document's lock (the one ``ir.attachment`` check of the addons)."""
        self._sop_check_document_editable()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._sop_check_document_editable()
        return records

    def write(self, vals):
        check_computed_fields(self, vals)  # e.g. a line's state or OPD follows its document
        self._sop_check_document_editable()
        res = super().write(vals)
        first = self._sop_document_path.split(".")[0]
        if first in vals:
            self._sop_check_document_editable()  # moved: the new document must be an editable draft too
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_draft_document(self):
        self._sop_check_document_editable()
