from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.year import Year

# the competencies every SKJ names (Permenpan RB 38/2017): the 8 managerial ones and Perekat Bangsa
STANDARD_GROUPS = ("managerial", "socio_cultural")


class SopJabatanSkj(models.Model):
    """The competency standard of one post in an OPD's SKJ of a year (Permenpan RB 38/2017): identity,
    required competencies by group, requirements graded Mutlak / Penting / Perlu and performance indicators."""

    _name = "sop.jabatan.skj"
    _inherit = ["sop.jabatan.post.line.mixin", "sop.document.content.mixin"]
    _description = "Competency Standard of a Post (SKJ)"
    _order = "skj_set_id, sequence, id"
    _rec_names_search = ["name", "job_code"]
    _sop_document_path = "skj_set_id"

    skj_set_id = fields.Many2one(
        "sop.jabatan.skj.set", string="SKJ of the OPD", required=True, ondelete="cascade", index=True
    )
    opd_id = fields.Many2one(related="skj_set_id.opd_id", store=True, string="OPD", index=True)
    year = Year(related="skj_set_id.year", store=True)
    state = fields.Selection(related="skj_set_id.state", store=True, string="Status")
    # identity of the post (Permenpan RB 38/2017: nama, kelompok, urusan pemerintahan, kode, ikhtisar)
    government_affair = fields.Char(help="The government affair (urusan pemerintahan) of the post.")
    summary = fields.Text(string="Job Summary", help="Ikhtisar jabatan, taken from the post's ANJAB.")
    competency_ids = fields.One2many("sop.jabatan.skj.competency", "skj_id", string="Competencies", copy=True)
    requirement_ids = fields.One2many("sop.jabatan.skj.requirement", "skj_id", string="Requirements", copy=True)
    indicator_ids = fields.One2many("sop.jabatan.skj.performance", "skj_id", string="Performance Indicators", copy=True)

    _sql_constraints = [
        ("post_once", "UNIQUE(skj_set_id, post_id)", "A post has one SKJ in the OPD's SKJ of a year."),
    ]

    # ------------------------------------------------------------------ defaults
    @api.model
    def _sop_identity_from_post(self, post):
        post = post.sudo()
        sheet = post.current_sheet_id
        return {
            **super()._sop_identity_from_post(post),
            "summary": sheet.summary if sheet and "summary" in sheet._fields else False,
        }

    @api.model
    def _sop_standard_competency_commands(self, job_kind, functional_level):
        """Lines for the managerial and socio-cultural competencies at the default level of the kind of post."""
        level = self.env["sop.jabatan.skj.default.level"]._sop_level_for(job_kind, functional_level) or 1
        skills = (
            self.env["hr.skill"]
            .sudo()
            .search(
                [("skill_type_id.sop_competency_group", "in", STANDARD_GROUPS), ("skill_type_id.active", "=", True)]
            )
        )
        skills = skills.sorted(
            lambda s: (STANDARD_GROUPS.index(s.skill_type_id.sop_competency_group), s.sequence, s.id)
        )
        return [
            fields.Command.create({"skill_id": skill.id, "level": level, "sequence": index})
            for index, skill in enumerate(skills, start=1)
        ]

    @api.onchange("post_id")
    def _onchange_post_id(self):
        res = super()._onchange_post_id()
        if self.post_id and not self.competency_ids:
            self.competency_ids = self._sop_standard_competency_commands(self.job_kind, self.functional_level)
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in self._sop_fill_identity(vals_list):
            if not vals.get("competency_ids"):
                vals["competency_ids"] = self._sop_standard_competency_commands(
                    vals.get("job_kind"), vals.get("functional_level")
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------ checks
    @api.constrains("post_id", "skj_set_id")
    def _check_post_in_opd(self):
        return super()._check_post_in_opd()

    def _sop_problems(self):
        """What keeps this SKJ from being submitted (texts)."""
        self.ensure_one()
        _ = self.env._
        problems = []
        groups = set(self.competency_ids.mapped("group"))
        if "managerial" not in groups:
            problems.append(_("%(post)s has no managerial competency", post=self.name))
        if "socio_cultural" not in groups:
            problems.append(_("%(post)s has no socio-cultural competency", post=self.name))
        if not self.job_kind:
            problems.append(_("%(post)s has no kind of post", post=self.name))
        return problems

    def action_apply_default_levels(self):
        """Set the managerial and socio-cultural competencies to the default level of the kind of post."""
        self._sop_check_document_editable()
        Default = self.env["sop.jabatan.skj.default.level"]
        table = Default._sop_table()
        for rec in self:
            level = Default._sop_level_for(rec.job_kind, rec.functional_level, table)
            if level:
                rec.competency_ids.filtered(lambda c: c.group in STANDARD_GROUPS).write({"level": level})
        return True

    # ------------------------------------------------------------------ report
    @api.model
    def _sop_report_labels(self):
        """The labels of the selections the SKJ sheet prints (in the user's language)."""
        Requirement = self.env["sop.jabatan.skj.requirement"]
        return {
            "kinds": dict(self._fields["job_kind"]._description_selection(self.env)),
            "levels": dict(self._fields["functional_level"]._description_selection(self.env)),
            "grades": dict(Requirement._fields["grade"]._description_selection(Requirement.env)),
        }

    def _sop_report_groups(self):
        """The competency rows of the sheet by group: [{letter, label, lines}] (managerial, socio-cultural,
        technical; the technical group printed even when empty)."""
        self.ensure_one()
        groups = []
        for letter, key in zip("ABC", ("managerial", "socio_cultural", "technical"), strict=True):
            lines = self.competency_ids.filtered(lambda c, key=key: c.group == key)
            groups.append({"letter": letter, "key": key, "lines": lines})
        return groups

    def _sop_report_requirements(self):
        """The requirement rows by kind, in the order of the regulation's table."""
        self.ensure_one()
        return [
            {"key": kind, "lines": self.requirement_ids.filtered(lambda r, kind=kind: r.kind == kind)}
            for kind in ("rank", "education", "training", "experience")
        ]

    def action_open_skj(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
