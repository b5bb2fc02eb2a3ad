from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.dates import DEFAULT_TZ
from odoo.addons.sop_organisasi.tools.dates import format_date_long
from odoo.addons.sop_organisasi.tools.dates import utc_to_local
from odoo.addons.sop_organisasi.tools.xlsx_writer import SafeWorkbook
from odoo.addons.sop_organisasi.tools.xlsx_writer import attach_xlsx
from odoo.addons.sop_organisasi.tools.xlsx_writer import download_action
from odoo.addons.sop_organisasi.tools.year import Year
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from ..tools.access import DIVISION
from ..tools.access import require_group

_lt = LazyTranslate(__name__)

# set by the workflow methods only (sudo)

# KIPP 2021-2023 proposal sections and word limits (domain.md 3.5)
DEFAULT_SECTIONS = [
    (10, "Ringkasan", 200, _lt("Covers all aspects of the innovation.")),
    (
        20,
        "Latar Belakang dan Tujuan",
        300,
        _lt("Problem (initial condition), target group, measurable objectives and data."),
    ),
    (30, "Kebaruan / Nilai Tambah", 200, _lt("The idea and its uniqueness.")),
    (40, "Implementasi Inovasi", 200, _lt("How the innovation solves the problem, with evidence.")),
    (50, "Signifikansi", 600, _lt("Impact before/after, measurement method, internal/external evaluation.")),
    (60, "Adaptabilitas: Replikasi yang Sudah Terjadi", 100, _lt("Already replicated? By whom?")),
    (70, "Adaptabilitas: Potensi Replikasi", 200, _lt("Potential for replication.")),
    (80, "Sumber Daya", 200, _lt("Finance, human resources, methods, equipment and material.")),
    (90, "Strategi Keberlanjutan", 500, _lt("Institutional (regulation), managerial (SDM, SOP, QA) and social.")),
]
DEFAULT_ATTACHMENT_TYPES = [
    (10, "Surat Pernyataan Implementasi"),
    (20, "Identitas Inovator / Tim"),
    (30, "Surat Kesediaan Replikasi"),
]
# the KIPP 2022 categories (domain.md 3.3): they change yearly, the Division adapts them
DEFAULT_CATEGORIES = [
    (10, "Pelayanan Publik Inklusif dan Berkeadilan"),
    (20, "Efektivitas Institusi Publik untuk Mewujudkan TPB/SDGs"),
    (30, "Ketahanan Institusi Publik pada Masa dan Pasca Pandemi"),
]
DEFAULT_STAGES = [
    (10, "Pendaftaran dan Pengajuan Proposal", "registration", 0),
    (20, "Seleksi Administrasi", "administrative", 0),
    (30, "Penilaian Proposal (Desk Evaluation)", "desk", 10),
    (40, "Presentasi dan Wawancara", "presentation", 5),
    (50, "Verifikasi Lapangan", "field", 3),
    (60, "Pengumuman", "announcement", 0),
]
DEFAULT_CRITERIA = {
    "desk": [
        (10, "Kebaruan", 25),
        (20, "Efektivitas", 20),
        (30, "Kemanfaatan", 20),
        (40, "Dapat Direplikasi", 15),
        (50, "Keberlanjutan", 20),
    ],
    "presentation": [(10, "Penyampaian Paparan", 40), (20, "Materi Inovasi, Kemanfaatan dan Replikasi", 60)],
    "field": [(10, "Kesesuaian Proposal dengan Lapangan", 60), (20, "Dukungan Pemangku Kepentingan", 40)],
}


class SopSinovikCompetition(models.Model):
    _name = "sop.sinovik.competition"
    _description = "SINOVIK Local Innovation Competition"
    _inherit = ["mail.thread", "mail.activity.mixin", "sop.signatory.mixin", "sop.workflow.state.mixin"]
    _order = "year desc, id desc"

    name = fields.Char(required=True, tracking=True)
    year = Year(required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Registration Open"),
            ("evaluation", "Evaluation"),
            ("announced", "Announced"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    quota_per_opd = fields.Integer(
        string="Quota per OPD", default=3, help="Proposals each OPD may submit (0 = no limit)."
    )
    stage_ids = fields.One2many("sop.sinovik.stage", "competition_id", string="Stages", copy=True)
    group_ids = fields.One2many("sop.sinovik.group", "competition_id", string="Groups", copy=True)
    category_ids = fields.One2many("sop.sinovik.category", "competition_id", string="Categories", copy=True)
    section_ids = fields.One2many("sop.sinovik.section", "competition_id", string="Proposal Sections", copy=True)
    attachment_type_ids = fields.One2many(
        "sop.sinovik.attachment.type", "competition_id", string="Required Attachments", copy=True
    )
    proposal_ids = fields.One2many("sop.sinovik.proposal", "competition_id", string="Proposals")
    registration_running = fields.Boolean(
        compute="_compute_registration_running",
        help="The registration is open and its deadline has not passed: starting the evaluation closes it early.",
    )
    proposal_count = fields.Integer(compute="_compute_proposal_count")
    registration_deadline = fields.Date(
        compute="_compute_registration_deadline",
        store=True,
        help="End of the registration stage: innovations must be implemented at least one year before.",
    )
    # certificates: "<place>, <date>" above the signatory (sop.signatory.mixin)
    signatory_place = fields.Char(string="Signing Place", default=lambda self: self._default_signatory_place())
    signatory_date = fields.Date(string="Announcement Date")
    signatory_position = fields.Char(default="KEPALA BAGIAN ORGANISASI")

    @api.depends("stage_ids.kind", "stage_ids.date_end")
    def _compute_registration_deadline(self):
        for competition in self:
            registration = competition.stage_ids.filtered(lambda s: s.kind == "registration" and s.date_end)
            competition.registration_deadline = max(registration.mapped("date_end")) if registration else False

    @api.depends("state", "registration_deadline")
    def _compute_registration_running(self):
        today = fields.Date.context_today(self)
        for competition in self:
            competition.registration_running = bool(
                competition.state == "open"
                and competition.registration_deadline
                and competition.registration_deadline >= today
            )

    def _compute_proposal_count(self):
        for competition in self:
            competition.proposal_count = len(competition.proposal_ids)

    @api.model
    def _default_template_vals(self):
        """The KIPP 2021-2023 set-up, per one2many field: sections, attachments, stages, groups, categories."""
        Command = fields.Command
        return {
            "section_ids": [
                Command.create({"sequence": seq, "name": name, "max_words": limit, "guidance": self.env._(guidance)})
                for seq, name, limit, guidance in DEFAULT_SECTIONS
            ],
            "attachment_type_ids": [
                Command.create({"sequence": seq, "name": name}) for seq, name in DEFAULT_ATTACHMENT_TYPES
            ],
            "stage_ids": [
                Command.create(
                    {
                        "sequence": seq,
                        "name": name,
                        "kind": kind,
                        "top_n": top_n,
                        "criterion_ids": [
                            Command.create({"sequence": cseq, "name": cname, "weight": weight})
                            for cseq, cname, weight in DEFAULT_CRITERIA.get(kind, [])
                        ],
                    }
                )
                for seq, name, kind, top_n in DEFAULT_STAGES
            ],
            "group_ids": [Command.create({"name": "Kelompok Umum"})],
            "category_ids": [Command.create({"sequence": seq, "name": name}) for seq, name in DEFAULT_CATEGORIES],
        }

    @api.model_create_multi
    def create(self, vals_list):
        """A new competition starts with the KIPP 2021-2023 form unless given its own set-up.

        A list left empty (the form sends ``[]`` for an untouched one2many) gets the template too.
        """
        if not self.env.context.get("sinovik_no_defaults"):
            for vals in vals_list:
                for field_name, commands in self._default_template_vals().items():
                    if not vals.get(field_name):
                        vals[field_name] = commands
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        """Deleting a competition cascades to its stages, results, scorings and proposals: drafts only."""
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "Only a draft competition can be deleted: once its registration is open, "
                    "its proposals, scorings and results are kept."
                )
            )

    # ------------------------------------------------------------------ flow
    def _check_division(self):
        require_group(self.env, DIVISION, self.env._("Only the Organization Division can run the competition."))

    def action_open_registration(self):
        self._check_division()
        for competition in self:
            if competition.state != "draft":
                raise UserError(self.env._("Only a draft competition can open its registration."))
            if not competition.section_ids:
                raise UserError(self.env._("Configure the proposal sections first."))
        self._set_state("open")
        self.stage_ids.filtered(lambda s: s.kind == "registration" and s.state == "pending")._set_state("open")

    def action_start_evaluation(self):
        """Close the registration and open the first scored stage.

        Before the registration deadline it refuses, naming the deadline, unless the Division confirmed
        closing the registration early (``action_start_evaluation_early``, behind a confirmation).
        """
        self._check_division()
        for competition in self:
            if competition.state != "open":
                raise UserError(self.env._("The registration of %(name)s is not open.", name=competition.name))
            if competition.registration_running and not self.env.context.get("sinovik_close_registration_early"):
                raise UserError(
                    self.env._(
                        "The registration of %(name)s runs until %(date)s: the OPDs can still submit proposals. "
                        "Start the evaluation after that date, or confirm closing the registration early.",
                        name=competition.name,
                        date=format_date_long(competition.registration_deadline, self.env.lang or "id_ID"),
                    )
                )
            first = competition.stage_ids.filtered("is_scored").sorted(lambda s: (s.sequence, s.id))[:1]
            if not first:
                raise UserError(self.env._("Competition %(name)s has no scored stage.", name=competition.name))
            competition.stage_ids.filtered(lambda s: not s.is_scored and s.kind != "announcement")._set_state("closed")
            competition._set_state("evaluation")
            if first.state == "pending":
                first.action_open()

    def action_start_evaluation_early(self):
        """Start the evaluation before the registration deadline (the button asks for confirmation)."""
        return self.with_context(sinovik_close_registration_early=True).action_start_evaluation()

    def action_announce(self):
        self._check_division()
        for competition in self:
            if competition.state != "evaluation":
                raise UserError(self.env._("Only a competition in evaluation can be announced."))
            scored = competition.stage_ids.filtered("is_scored")
            if scored.filtered(lambda s: s.state != "closed"):
                raise UserError(self.env._("Close every scored stage before the announcement."))
            for proposal in competition.proposal_ids.filtered(lambda p: p.state == "final"):
                if not proposal.award:
                    proposal._sinovik_write({"award": self.env._("Rank %(rank)s", rank=proposal.final_rank)})
            competition._set_state("announced")
            competition.stage_ids.filtered(lambda s: s.kind == "announcement")._set_state("closed")
            if not competition.signatory_date:
                competition.signatory_date = fields.Date.context_today(self)
            competition.message_post(body=self.env._("The final ranking has been announced."))

    def action_view_proposals(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("sop_survey.sop_sinovik_proposal_action")
        action["domain"] = [("competition_id", "=", self.id)]
        action["context"] = {"default_competition_id": self.id}
        return action

    def action_view_ranking(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("sop_survey.sop_sinovik_result_action")
        action["domain"] = [("competition_id", "=", self.id)]
        return action

    def _check_certificate_printable(self):
        """Certificates are signed documents: judging is over and the signatory and date are set."""
        for competition in self:
            if competition.state != "announced":
                raise UserError(
                    self.env._(
                        "Certificates of %(name)s can be printed once the judging has ended "
                        "and the ranking is announced.",
                        name=competition.name,
                    )
                )
            missing = [
                label
                for field_name, label in (
                    ("signatory_name", self.env._("signatory name")),
                    ("signatory_position", self.env._("signatory position")),
                    ("signatory_date", self.env._("announcement date")),
                )
                if not competition[field_name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Set the %(missing)s of %(name)s before printing its certificates.",
                        missing=", ".join(missing),
                        name=competition.name,
                    )
                )

    def _signatory_place_date(self):
        """'Mojokerto, 16 Maret 2026' above the signature of the certificates."""
        self.ensure_one()
        return ", ".join(filter(None, [self.signatory_place, format_date_long(self.signatory_date)]))

    # ------------------------------------------------------------------ XLSX recap
    def _recap_xlsx(self):
        """Workbook (bytes) with every proposal and every juror score of the competition."""
        self.ensure_one()
        workbook = SafeWorkbook()
        bold = workbook.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
        num = workbook.add_format({"num_format": "0.00"})
        sheet = workbook.add_worksheet("Proposals")
        scored = self.stage_ids.filtered("is_scored").sorted(lambda s: (s.sequence, s.id))
        head = ["No", "Title", "OPD", "Group", "Category", "Status", "Submitted"]
        head += [f"{stage.name} (score)" for stage in scored] + [f"{stage.name} (rank)" for stage in scored]
        head += ["Final Rank", "Award"]
        sheet.write_row(0, 0, head, bold)
        state_labels = dict(self.env["sop.sinovik.proposal"]._fields["state"]._description_selection(self.env))
        proposals = self.proposal_ids.sorted(lambda p: (p.final_rank or 10**6, p.opd_id.name or "", p.id))
        tz = self.env.user.tz or DEFAULT_TZ  # submission times in the reader's zone (WIB)
        for row, proposal in enumerate(proposals, start=1):
            results = {r.stage_id.id: r for r in proposal.result_ids}
            values = [
                row,
                proposal.name,
                proposal.opd_id.name or "",
                proposal.group_id.name or "",
                proposal.category_id.name or "",
                state_labels.get(proposal.state, proposal.state),
                fields.Datetime.to_string(utc_to_local(proposal.submit_date, tz)) if proposal.submit_date else "",
            ]
            sheet.write_row(row, 0, values)
            col = len(values)
            for stage in scored:
                if stage.id in results:
                    sheet.write_number(row, col, results[stage.id].score, num)
                col += 1
            for stage in scored:
                if stage.id in results:
                    sheet.write_number(row, col, results[stage.id].rank)
                col += 1
            if proposal.final_rank:
                sheet.write_number(row, col, proposal.final_rank)
            sheet.write(row, col + 1, proposal.award or "")
        sheet.set_column(1, 2, 40)
        scores = workbook.add_worksheet("Scores")
        scores.write_row(0, 0, ["Stage", "Proposal", "OPD", "Juror", "Criterion", "Weight", "Score", "Comment"], bold)
        row = 1
        for stage in scored:
            for assignment in stage.assignment_ids.sorted(lambda a: (a.proposal_id.id, a.juror_id.name or "")):
                for score in assignment.score_ids:
                    scores.write_row(
                        row,
                        0,
                        [
                            stage.name,
                            assignment.proposal_id.name,
                            assignment.proposal_id.opd_id.name or "",
                            assignment.juror_id.name,
                            score.criterion_id.name,
                            score.criterion_id.weight,
                            score.score,
                            score.comment or "",
                        ],
                    )
                    row += 1
        return workbook.to_bytes()

    def action_export_xlsx(self):
        self._check_division()
        self.ensure_one()
        return download_action(attach_xlsx(self, f"SINOVIK {self.year} - recap.xlsx", self._recap_xlsx()))
