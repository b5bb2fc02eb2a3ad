from markupsafe import Markup
from xlsxwriter.utility import xl_col_to_name

from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools import flowchart
from ..tools import sop_xlsx
from ..tools.ordering import record_order
from ..tools.workflow import as_workflow

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


class SopProcedure(models.Model):  # pylint: disable=consider-merging-classes-inherited
    _inherit = "sop.procedure"

    flowchart_preview = fields.Html(
        compute="_compute_flowchart_preview",
        sanitize=False,  # only SVG drawn by tools/flowchart.py from escaped text
        help="The flowchart as printed in the PDF, redrawn from the steps while they are edited.",
    )

    @api.depends(
        "role_ids",
        "section_ids.sequence",
        "section_ids.code",
        "section_ids.name",
        "step_ids.section_id",
        "step_ids.sequence",
        "step_ids.name",
        "step_ids.kind",
        "step_ids.role_id",
        "step_ids.return_step_id",
        "step_ids.requirement",
        "step_ids.output",
        "step_ids.remarks",
        "step_ids.duration_qty",
        "step_ids.duration_unit",
    )
    def _compute_flowchart_preview(self):
        for rec in self:
            rec.flowchart_preview = rec._flowchart_preview_html()

    def _flowchart_preview_html(self):
        """One block per flowchart page: section title, actor columns and the page's SVG."""
        self.ensure_one()
        if not self.step_ids:
            return Markup("<p class='text-muted'>%s</p>") % self.env._("Add steps to see the flowchart.")
        try:
            document = self._get_report_document()
        except (KeyError, ValueError, IndexError, TypeError):
            return Markup("<p class='text-muted'>%s</p>") % self.env._(
                "The flowchart appears once every step has a section and an actor of the SOP."
            )
        blocks = []
        for page, chart_page in zip(document["pages"], document["chart"].pages, strict=True):
            title = page["section"].display_name or ""
            if page["continued"]:
                title = self.env._("%(section)s (continued)", section=title)
            headers = Markup("").join(
                Markup('<th class="text-center small" style="width:%smm">%s</th>') % (page["role_width"], role)
                for role in page["roles"]
            )
            blocks.append(
                Markup(
                    '<div class="o_sop_flowchart_page mb-4"><h5>%s</h5>'
                    '<table class="table table-bordered mb-0" style="table-layout:fixed;width:%smm">'
                    "<tr>%s</tr></table>%s</div>"
                )
                % (title, f"{chart_page.width:.2f}", headers, Markup(chart_page.svg()))
            )
        return Markup('<div class="o_sop_flowchart">%s</div>') % Markup("").join(blocks)

    # ------------------------------------------------------------------ PDF
    def _get_paper_size(self):
        return (self.company_id or self.env.company).sop_paper_size or "f4"

    def _get_report_document(self, paper=None):
        """Everything the QWeb template prints for this SOP (identity, boxes, flowchart pages)."""
        self.ensure_one()
        paper = paper or self.env.company.sop_paper_size or "f4"
        page_w, page_h = (size / CSS_SCALE for size in PAGE_SIZES[paper])
        fixed = FIXED_COLUMNS[paper]
        actor_area = page_w - sum(fixed.values()) - 4.0
        sections = self.section_ids.sorted(lambda s: (s.sequence, record_order(s))).filtered("step_ids")
        steps = self._get_ordered_steps()
        index_of = {step.id: i for i, step in enumerate(steps)}
        flow_sections = []
        section_roles = []
        section_index = {}
        for number, section in enumerate(sections):
            roles = section.role_ids
            section_roles.append(roles)
            section_index[section.id] = number
            flow_sections.append(flowchart.FlowSection(max(len(roles), 1), round(actor_area / max(len(roles), 1), 2)))
        flow_steps = []
        heights = []
        for step in steps:
            number = section_index[step.section_id.id]
            roles = section_roles[number]
            flow_steps.append(
                flowchart.FlowStep(
                    kind=step.kind,
                    column=list(roles).index(step.role_id),
                    section=number,
                    text=step.name or "",
                    return_index=index_of.get(step.return_step_id.id),
                    code=step.code,
                )
            )
            heights.append(
                max(
                    flowchart.estimate_text_height(step.name, fixed["activity"] - 2, FONT_PT),
                    flowchart.estimate_text_height(step.requirement, fixed["requirement"] - 2, FONT_PT),
                    flowchart.estimate_text_height(step.duration_display, fixed["time"] - 2, FONT_PT),
                    flowchart.estimate_text_height(step.output, fixed["output"] - 2, FONT_PT),
                    flowchart.estimate_text_height(step.remarks, fixed["remarks"] - 2, FONT_PT),
                )
            )
        chart = flowchart.layout(flow_steps, flow_sections, heights, page_budget=page_h - PAGE_OVERHEAD)
        pages = []
        seen_sections = set()
        for page in chart.pages:
            section = sections[page.section]
            roles = section_roles[page.section]
            rows = []
            for row_number, row in enumerate(page.rows):
                step = steps[row.step_index]
                rows.append(
                    {
                        "step": step,
                        "height": f"{row.height:.2f}",
                        "cells": [Markup(page.cell_svg(row_number, column)) for column in range(page.columns)],
                    }
                )
            pages.append(
                {
                    "section": section,
                    "continued": section.id in seen_sections,
                    "roles": [role._get_column_label() for role in roles],
                    "role_width": f"{page.column_width:.2f}",
                    "rows": rows,
                }
            )
            seen_sections.add(section.id)
        return {
            "paper": paper,
            "table_width": f"{sum(fixed.values()) + actor_area:.2f}",
            "fixed": {key: f"{value:.2f}" for key, value in fixed.items()},
            "boxes": [
                [{"title": sop_xlsx.BOX_TITLES[kind], "lines": self._get_lines(kind)} for kind in pair]
                for pair in BOX_LAYOUT
            ],
            "pages": pages,
            "chart": chart,
        }

    # ----------------------------------------------------------------- XLSX
    def _get_xlsx_data(self):
        """The SOP as plain data for :mod:`..tools.sop_xlsx`."""
        self.ensure_one()
        roles = self.role_ids.sorted(lambda r: (r.sequence, r.id))
        sections = []
        for section in self.section_ids.sorted(lambda s: (s.sequence, s.id)):
            steps = []
            for step in section.step_ids.sorted(lambda s: (s.sequence, s.id)):
                steps.append(
                    {
                        "code": step.code,
                        "number": step.number,
                        "name": step.name or "",
                        "kind": step.kind,
                        "role": roles.ids.index(step.role_id.id) if step.role_id in roles else None,
                        "requirement": step.requirement or "",
                        "time": step.duration_display or "",
                        "output": step.output or "",
                        "remarks": step.remarks or "",
                        "return_code": step.return_step_id.code or "",
                    }
                )
            sections.append({"code": section.code or "", "name": section.name, "steps": steps})
        return {
            "paper": self._get_paper_size(),
            "identity": {
                "name": self.name or "",
                "number": self.number or "",
                "revision_no": self.revision_no,
                "unit": self.unit_id.name or "",
                "date_created": self.date_created,
                "date_revision": self.date_revision,
                "date_effective": self.date_effective,
                "approver_title": self.approver_title or "",
                "approver_name": self.approver_name or "",
                "approver_rank": self.approver_rank or "",
                "approver_nip": self.approver_nip or "",
            },
            "lines": [
                {
                    "kind": line.kind,
                    "name": line.name,
                    # the identifier of the linked SOP only (the line text names it already);
                    # readers of an effective SOP may not read a linked draft
                    "link": (line.sudo().related_procedure_id.number or line.sudo().related_procedure_id.name or ""),
                }
                for kind in sop_xlsx.LINE_KINDS
                for line in self._get_lines(kind)
            ],
            "roles": [role._get_column_label() for role in roles],
            "sections": sections,
        }

    def _export_xlsx(self):
        """Return the SOP as XLSX bytes."""
        self.ensure_one()
        return sop_xlsx.write_workbook(self._get_xlsx_data())

    def _xlsx_filename(self):
        self.ensure_one()
        base = (self.number or self.name or "sop").replace("/", "-")
        return f"SOP {base}.xlsx"

    def action_export_xlsx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/sop_organisasi/xlsx/{self.id}",
            "target": "download",
        }

    # --------------------------------------------------------------- import
    @api.model
    def _import_xlsx(self, content, revise=None):
        """Create an SOP (or a revision of ``revise``) from workbook bytes.

        Every problem is collected and raised as one UserError naming sheet, row
        and column; nothing is created unless the whole workbook is valid.
        """
        if revise is not None:
            revise.ensure_one()
            revise.check_access("write")  # only who maintains the SOP revises it
            if revise.state != "effective":
                raise UserError(self.env._("Only an effective SOP can be revised."))
            if self.search_count([("previous_id", "=", revise.id)]):
                raise UserError(self.env._("A revision of '%(sop)s' already exists.", sop=revise.display_name))
        try:
            data = sop_xlsx.read_workbook(content)
        except sop_xlsx.SopWorkbookTooLarge as exc:
            raise UserError(self._import_limit_message(exc)) from exc
        except sop_xlsx.SopWorkbookDamaged as exc:
            raise UserError(
                self.env._(
                    "The file is damaged: a part of the workbook cannot be read (%(detail)s). "
                    "Open it in Excel or LibreOffice, save it again as XLSX and import that file.",
                    detail=exc.detail,
                )
            ) from exc
        except sop_xlsx.SopWorkbookError as exc:
            raise UserError(self._import_error_message(exc.messages)) from exc
        errors = []
        roles = self._import_match_roles(data, errors)
        unit = self._import_match_unit(data, errors)
        links = self._import_match_links(data, errors)
        if errors:
            raise UserError(self._import_error_message(errors))
        vals = self._import_prepare_vals(data, roles, unit, links, revise)
        try:
            with self.env.cr.savepoint():
                procedure = self._import_create(vals, data, roles)
        except AccessError:
            raise
        except (ValidationError, UserError) as exc:
            raise UserError(self._import_error_message([exc.args[0]])) from exc
        return procedure

    def _import_error_message(self, messages):
        """One message listing every problem, each in the user's language (lazy terms of the workbook reader)."""
        problems = "\n".join(message if isinstance(message, str) else self.env._(message) for message in messages)
        return self.env._("The workbook cannot be imported:\n%(problems)s", problems=problems)

    def _import_limit_message(self, exc):
        """The message of a workbook refused by a limit of :mod:`..tools.sop_xlsx`, with all the limits."""
        _ = self.env._
        mib = 1024 * 1024
        if exc.limit == "file":
            problem = _("The file is %(found).1f MB.", found=exc.found / mib)
        elif exc.limit == "unpacked":
            problem = _("The workbook unpacks to %(found).1f MB.", found=exc.found / mib)
        elif exc.limit == "parts":
            problem = _("The workbook is made of %(found)s files.", found=exc.found)
        elif exc.limit == "rows":
            problem = _("Sheet %(sheet)s has cells at least down to row %(found)s.", sheet=exc.sheet, found=exc.found)
        elif exc.limit == "columns":
            problem = _(
                "Sheet %(sheet)s has cells at least up to column %(found)s.",
                sheet=exc.sheet,
                found=xl_col_to_name(exc.found - 1),
            )
        else:
            problem = _("The procedure has %(found)s steps.", found=exc.found)
        return _(
            "The workbook is too large to be imported. %(problem)s\n"
            "Limits: a file of at most %(file)s MB (%(unpacked)s MB unpacked, %(parts)s files), "
            "at most %(rows)s rows and %(columns)s columns (up to column %(last_column)s) per sheet, "
            "at most %(steps)s steps per SOP. Delete the unused rows and columns (select them, "
            "then Delete, not only Clear), or split the SOP.",
            problem=problem,
            file=sop_xlsx.MAX_FILE_BYTES // mib,
            unpacked=sop_xlsx.MAX_UNPACKED_BYTES // mib,
            parts=sop_xlsx.MAX_PARTS,
            rows=sop_xlsx.MAX_ROWS,
            columns=sop_xlsx.MAX_COLUMNS,
            last_column=xl_col_to_name(sop_xlsx.MAX_COLUMNS - 1),
            steps=sop_xlsx.MAX_STEPS,
        )

    def _import_match_roles(self, data, errors):
        Role = self.env["sop.role"]
        all_roles = Role.search([])
        roles = []
        for column in data["roles"]:
            label = column["label"].strip().lower()
            match = all_roles.filtered(lambda r, label=label: (r.column_label or "").strip().lower() == label)
            if not match:
                match = all_roles.filtered(lambda r, label=label: (r.name or "").strip().lower() == label)
            if not match and column["label"]:
                errors.append(
                    self.env._("%(ref)s: unknown actor '%(label)s'", ref=column["ref"], label=column["label"])
                )
            roles.append(match[:1])
        seen = {}
        for column, role in zip(data["roles"], roles, strict=True):
            if role and role.id in seen:
                errors.append(
                    self.env._("%(ref)s: actor '%(label)s' appears twice", ref=column["ref"], label=column["label"])
                )
            seen[role.id] = True
        return roles

    def _import_match_unit(self, data, errors):
        name = data["identity"].get("unit")
        if not name:
            return self.env["hr.department"]
        unit = self.env["hr.department"].search([("name", "=ilike", name)], order="id", limit=1)
        if not unit:
            errors.append(
                self.env._("%(ref)s: unknown unit '%(name)s'", ref=data["identity_refs"].get("unit"), name=name)
            )
        return unit

    def _import_match_links(self, data, errors):
        links = []
        for line in data["lines"]:
            link = self.browse()
            if line["link"]:
                if line["kind"] != "related":
                    errors.append(
                        self.env._("%(ref)s: only 'Keterkaitan' lines can name a linked SOP", ref=line["link_ref"])
                    )
                candidates = self.search([("number", "=", line["link"])]) or self.search(
                    [("name", "=ilike", line["link"])]
                )
                if not candidates:
                    errors.append(
                        self.env._("%(ref)s: unknown SOP '%(link)s'", ref=line["link_ref"], link=line["link"])
                    )
                link = candidates.sorted(lambda p: (p.state == "effective", p.revision_no, p.id), reverse=True)[:1]
            links.append(link)
        return links

    def _import_prepare_vals(self, data, roles, unit, links, revise):
        identity = data["identity"]
        vals = {
            "name": identity.get("name"),
            "unit_id": unit.id,
            "revision_no": identity.get("revision_no") or 0,
            "date_created": identity.get("date_created"),
            "date_revision": identity.get("date_revision"),
            "date_effective": identity.get("date_effective"),
            "approver_title": identity.get("approver_title") or False,
            "approver_name": identity.get("approver_name") or False,
            "approver_rank": identity.get("approver_rank") or False,
            "approver_nip": identity.get("approver_nip") or False,
            # the actors of the steps only: the template lists every role as a column
            "role_ids": [Command.set(self._import_used_roles(data, roles).ids)],
            "line_ids": [
                Command.create(
                    {
                        "kind": line["kind"],
                        "sequence": 10 * (position + 1),
                        "name": line["name"],
                        "related_procedure_id": link.id or False,
                    }
                )
                for position, (line, link) in enumerate(zip(data["lines"], links, strict=True))
            ],
            "section_ids": [
                Command.create({"code": section["code"] or False, "name": section["name"], "sequence": 10 * (pos + 1)})
                for pos, section in enumerate(data["sections"])
            ],
        }
        number = identity.get("number")
        if revise is not None:
            vals.update(
                {
                    "number": revise.number,
                    "revision_no": revise.revision_no + 1,
                    "previous_id": revise.id,
                    "date_revision": fields.Date.context_today(self),
                    "date_effective": False,
                    "company_id": revise.company_id.id,
                }
            )
        elif number and not self.with_context(active_test=False).search_count([("number", "=", number)]):
            vals["number"] = number
        return vals

    def _import_used_roles(self, data, roles):
        used = {step["role"] for section in data["sections"] for step in section["steps"]}
        return self.env["sop.role"].union(*(role for index, role in enumerate(roles) if index in used))

    def _import_create(self, vals, data, roles):
        """Create the SOP by the workflow (it carries workflow fields: number, revision, previous
        version), then check that the user may create it (unit, group)."""
        procedure = as_workflow(self)._import_create_records(vals, data, roles)
        procedure.with_env(self.env).check_access("create")
        return procedure.with_env(self.env)

    def _import_create_records(self, vals, data, roles):
        procedure = self.create(vals)
        Step = self.env["sop.step"].with_context(sop_copying_revision=True)
        sections = procedure.section_ids.sorted(lambda s: (s.sequence, s.id))
        step_vals = []
        for section, section_data in zip(sections, data["sections"], strict=True):
            for position, step in enumerate(section_data["steps"]):
                step_vals.append(
                    {
                        "section_id": section.id,
                        "sequence": 10 * (position + 1),
                        "kind": step["kind"],
                        "role_id": roles[step["role"]].id,
                        "name": step["name"],
                        "requirement": step["requirement"] or False,
                        "duration_qty": step["duration_qty"],
                        "duration_unit": step["duration_unit"],
                        "output": step["output"] or False,
                        "remarks": step["remarks"] or False,
                    }
                )
        steps = Step.create(step_vals)
        by_code = {step.code.lower(): step for step in steps}
        flat = [step for section in data["sections"] for step in section["steps"]]
        for record, step in zip(steps, flat, strict=True):
            if step["return_code"]:
                record.return_step_id = by_code[step["return_code"].lower()]
        steps.with_context(sop_copying_revision=False)._check_decision()
        return procedure
