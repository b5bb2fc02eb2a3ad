from odoo import http
from odoo.http import request

from ..tools import sop_xlsx
from ..tools.xlsx_writer import xlsx_http_headers


class SopXlsxController(http.Controller):
    @http.route("/sop_organisasi/xlsx/template", type="http", auth="user")
    def sop_xlsx_template(self, **kwargs):
        """Empty workbook in the import layout, with the active executor roles as actor columns."""
        labels = [role._get_column_label() for role in request.env["sop.role"].search([])]
        content = sop_xlsx.write_workbook(sop_xlsx.template_data(labels))
        return self._xlsx_response(content, "SOP template.xlsx")

    @http.route("/sop_organisasi/xlsx/<int:procedure_id>", type="http", auth="user")
    def sop_xlsx_export(self, procedure_id, **kwargs):
        procedure = request.env["sop.procedure"].browse(procedure_id).exists()
        if not procedure:
            raise request.not_found()
        procedure.check_access("read")
        return self._xlsx_response(procedure._export_xlsx(), procedure._xlsx_filename())

    def _xlsx_response(self, content, filename):
        return request.make_response(content, headers=xlsx_http_headers(content, filename))
