"""Helpers of the migration scripts of both addons (``migrations/<version>/*.py``)."""

import logging

from odoo.tools.sql import column_exists
from odoo.tools.sql import rename_column

_logger = logging.getLogger(__name__)


def rename_fields(cr, model, pairs):
    """Rename stored fields of ``model`` before the ORM sees them: the columns keep their data (the
    ORM would otherwise create empty columns and drop the old ones) and the ``ir_model_fields`` rows
    keep their ids (tracking values and exports that point to them follow)."""
    table = model.replace(".", "_")
    for old, new in pairs:
        if column_exists(cr, table, old) and not column_exists(cr, table, new):
            rename_column(cr, table, old, new)
            _logger.info("renamed column %s.%s to %s", table, old, new)
        cr.execute(
            """UPDATE ir_model_fields SET name = %s
                WHERE model = %s AND name = %s
                  AND NOT EXISTS (SELECT 1 FROM ir_model_fields WHERE model = %s AND name = %s)""",
            [new, model, old, model, new],
        )
