from markupsafe import Markup

from odoo import api
from odoo import models

from ..tools import flowchart
from ..tools import sop_xlsx
from ..tools.ordering import record_order

# wkhtmltopdf (unpatched Qt, --dpi 96, smart shrinking) prints 1 CSS mm as 0.75 mm: the layout
# below is in CSS millimetres, i.e. the printable area of the landscape page divided by 0.75.
CSS_SCALE = 0.75
# printable width and height of the landscape page inside the paper format margins (real mm)
PAGE_SIZES = {"f4": (330 - 24, 215 - 24), "a4": (297 - 24, 210 - 24)}
# fixed columns of the procedure table (CSS mm): No, Kegiatan, Kelengkapan, Waktu, Output, Keterangan
FIXED_COLUMNS = {
    "f4": {"no": 11.0, "activity": 80.0, "requirement": 42.0, "time": 20.0, "output": 42.0, "remarks": 32.0},
    "a4": {"no": 11.0, "activity": 72.0, "requirement": 38.0, "time": 20.0, "output": 38.0, "remarks": 28.0},
}
# height (CSS mm) of what precedes the rows on a page: headings, the two header rows, section row, safety
PAGE_OVERHEAD = 45.0
FONT_PT = 10.0

BOX_LAYOUT = (("legal", "qualification"), ("related", "equipment"), ("warning", "record"))


class ReportSopDocument(models.AbstractModel):
    """Values of the SOP document (Permenpan RB 35/2012): identity boxes and the flowchart pages.

    The paper (F4 or A4) is the 'SOP Paper Size' of the printing company (``env.company``), as
    for the paper format (``ir.actions.report.get_paperformat``) and the XLSX export.
    """

    _name = "report.sop_organisasi.report_sop_document"
    _description = "SOP Document Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        procedures = self.env["sop.procedure"].browse(docids)
        procedures.check_access("read")
        paper = procedures._get_paper_size()
        return {
            "doc_ids": procedures.ids,
            "doc_model": procedures._name,
            "docs": procedures,
            "sop_documents": {procedure.id: self._document_values(procedure, paper) for procedure in procedures},
        }

    @api.model
    def _document_values(self, procedure, paper=None):
        """Everything the QWeb template prints for ``procedure`` (identity, boxes, flowchart pages)."""
        procedure.ensure_one()
        paper = paper or procedure._get_paper_size()
        page_w, page_h = (size / CSS_SCALE for size in PAGE_SIZES[paper])
        fixed = FIXED_COLUMNS[paper]
        actor_area = page_w - sum(fixed.values()) - 4.0
        sections = procedure.section_ids.sorted(lambda s: (s.sequence, record_order(s))).filtered("step_ids")
        steps = procedure._get_ordered_steps()
        section_roles = [section.role_ids for section in sections]
        chart = self._layout_chart(sections, section_roles, steps, fixed=fixed, actor_area=actor_area, page_h=page_h)
        return {
            "paper": paper,
            "table_width": f"{sum(fixed.values()) + actor_area:.2f}",
            "fixed": {key: f"{value:.2f}" for key, value in fixed.items()},
            "boxes": [
                [{"title": sop_xlsx.BOX_TITLES[kind], "lines": procedure._get_lines(kind)} for kind in pair]
                for pair in BOX_LAYOUT
            ],
            "pages": self._pages(chart, sections, section_roles, steps),
            "chart": chart,
        }

    @api.model
    def _layout_chart(self, sections, section_roles, steps, *, fixed, actor_area, page_h):
        """Lay the steps out in flowchart pages (:mod:`..tools.flowchart`)."""
        index_of = {step.id: i for i, step in enumerate(steps)}
        section_index = {section.id: number for number, section in enumerate(sections)}
        flow_sections = [
            flowchart.FlowSection(max(len(roles), 1), round(actor_area / max(len(roles), 1), 2))
            for roles in section_roles
        ]
        flow_steps = []
        heights = []
        for step in steps:
            number = section_index[step.section_id.id]
            flow_steps.append(
                flowchart.FlowStep(
                    kind=step.kind,
                    column=list(section_roles[number]).index(step.role_id),
                    section=number,
                    text=step.name or "",
                    return_index=index_of.get(step.return_step_id.id),
                    code=step.code,
                )
            )
            heights.append(self._row_height(step, fixed))
        return flowchart.layout(flow_steps, flow_sections, heights, page_budget=page_h - PAGE_OVERHEAD)

    @api.model
    def _row_height(self, step, fixed):
        """Estimated height (CSS mm) of the step's table row: its tallest text cell."""
        return max(
            flowchart.estimate_text_height(step.name, fixed["activity"] - 2, FONT_PT),
            flowchart.estimate_text_height(step.requirement, fixed["requirement"] - 2, FONT_PT),
            flowchart.estimate_text_height(step.duration_display, fixed["time"] - 2, FONT_PT),
            flowchart.estimate_text_height(step.output, fixed["output"] - 2, FONT_PT),
            flowchart.estimate_text_height(step.remarks, fixed["remarks"] - 2, FONT_PT),
        )

    @api.model
    def _pages(self, chart, sections, section_roles, steps):
        """One dict per flowchart page: section, continuation flag, actor labels and rows."""
        pages = []
        seen_sections = set()
        for page in chart.pages:
            section = sections[page.section]
            rows = [
                {
                    "step": steps[row.step_index],
                    "height": f"{row.height:.2f}",
                    "cells": [Markup(page.cell_svg(row_number, column)) for column in range(page.columns)],
                }
                for row_number, row in enumerate(page.rows)
            ]
            pages.append(
                {
                    "section": section,
                    "continued": section.id in seen_sections,
                    "roles": [role._get_column_label() for role in section_roles[page.section]],
                    "role_width": f"{page.column_width:.2f}",
                    "rows": rows,
                }
            )
            seen_sections.add(section.id)
        return pages
