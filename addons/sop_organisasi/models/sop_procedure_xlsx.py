# pylint: disable=consider-merging-classes-inherited
"""The SOP as an XLSX workbook: export and import (layout in :mod:`..tools.sop_xlsx`)."""

from xlsxwriter.utility import xl_col_to_name

from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools import sop_xlsx
from ..tools import xlsx_reader
from ..tools.workflow import as_workflow


class SopProcedure(models.Model):
    _inherit = "sop.procedure"

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
                "signatory_position": self.signatory_position or "",
                "signatory_name": self.signatory_name or "",
                "signatory_rank": self.signatory_rank or "",
                "signatory_nip": self.signatory_nip or "",
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
        with xlsx_reader.user_errors(self.env, self._import_limit_message):
            data = sop_xlsx.read_workbook(content)
        errors = []
        roles = self._import_match_roles(data, errors)
        unit = self._import_match_unit(data, errors)
        links = self._import_match_links(data, errors)
        if errors:
            raise UserError(xlsx_reader.problems_message(self.env, errors))
        vals = self._import_prepare_vals(data, roles, unit, links, revise)
        try:
            with self.env.cr.savepoint():
                procedure = self._import_create(vals, data, roles)
        except AccessError:
            raise
        except (ValidationError, UserError) as exc:
            raise UserError(xlsx_reader.problems_message(self.env, [exc.args[0]])) from exc
        return procedure

    def _import_limit_message(self, exc):
        """The message of a workbook refused by a limit of :mod:`..tools.sop_xlsx`, with all the limits."""
        _ = self.env._
        mib = 1024 * 1024
        problem = xlsx_reader.limit_problem(self.env, exc)
        if problem is None:
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
            "signatory_position": identity.get("signatory_position") or False,
            "signatory_name": identity.get("signatory_name") or False,
            "signatory_rank": identity.get("signatory_rank") or False,
            "signatory_nip": identity.get("signatory_nip") or False,
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
        may_keep_revision = self.env.su or self.env.user.has_group("sop_organisasi.group_sop_manager")
        if revise is None and identity.get("revision_no") and not may_keep_revision:
            # the same guard as the form: a new SOP starts as revision 0, revisions come from Revise
            # (the SOP Administrator may bring in a paper SOP that is already at revision N)
            raise UserError(
                xlsx_reader.problems_message(
                    self.env,
                    [
                        self.env._(
                            "%(ref)s: a new SOP starts at revision 0, not %(revision)s; import a revision with "
                            "'Revise from XLSX' on the effective SOP.",
                            ref=data.get("identity_refs", {}).get("revision_no", "Identitas"),
                            revision=identity["revision_no"],
                        )
                    ],
                )
            )
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
