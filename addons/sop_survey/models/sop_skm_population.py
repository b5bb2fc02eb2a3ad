from markupsafe import Markup
from markupsafe import escape

from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.dates import DEFAULT_TZ
from odoo.addons.sop_organisasi.tools.dates import utc_to_local
from odoo.addons.sop_organisasi.tools.xlsx_writer import SafeWorkbook

from ..tools.access import DIVISION
from ..tools.service_standard import component_of_element
from ..tools.skm_answers import counted_inputs_where
from ..tools.skm_questionnaire import SKM_ELEMENTS
from ..tools.statistics import SKM_CATEGORIES
from ..tools.statistics import ikm_category
from ..tools.statistics import krejcie_morgan

PROFILE_GROUPS = (
    ("gender", "Jenis Kelamin"),
    ("age_band", "Umur"),
    ("education", "Pendidikan"),
    ("occupation", "Pekerjaan"),
)


class SopSkmPopulation(models.Model):
    """A service unit taking part in a period: population, sample, progress, IKM."""

    _name = "sop.skm.population"
    _description = "SKM Unit in a Period"
    _order = "period_id desc, unit_id"
    _rec_names_search = ["unit_id", "period_id"]

    period_id = fields.Many2one("sop.skm.period", required=True, index=True, ondelete="cascade")
    unit_id = fields.Many2one("sop.skm.unit", string="Service Unit", required=True, index=True, ondelete="cascade")
    opd_id = fields.Many2one(related="unit_id.opd_id", store=True)
    population = fields.Integer(string="Service Users (N)", help="Service users of the unit in the reference period.")
    sample_min = fields.Integer(
        string="Minimum Sample",
        compute="_compute_sample_min",
        store=True,
        help="Krejcie & Morgan (1970), 95% confidence, 5% margin.",
    )
    response_count = fields.Integer(
        string="Responses", compute="_compute_results", help="Submitted answers of the unit in the period."
    )
    below_sample = fields.Boolean(
        string="Below Minimum Sample",
        compute="_compute_results",
        help="Fewer responses than the Krejcie & Morgan minimum sample of the population: "
        "the IKM is not representative yet.",
    )
    progress = fields.Float(string="Progress (%)", compute="_compute_results")
    ikm = fields.Float(string="IKM", compute="_compute_results", digits=(5, 2))
    category = fields.Char(string="Quality", compute="_compute_results")
    category_label = fields.Char(string="Performance", compute="_compute_results")
    followup_ids = fields.One2many("sop.skm.followup", "population_id", string="Follow-up Plans")

    _sql_constraints = [
        ("unit_period_unique", "unique(period_id, unit_id)", "A unit appears only once per period."),
        ("population_positive", "CHECK(population >= 0)", "The population cannot be negative."),
    ]

    @api.depends("population")
    def _compute_sample_min(self):
        for line in self:
            line.sample_min = krejcie_morgan(line.population)

    @api.depends("unit_id", "period_id", "sample_min")
    def _compute_results(self):
        # _origin: lines edited in the period form are new records
        rows = self.env["sop.skm.ikm"]._skm_compute(
            group_by=("period", "unit"),
            period_ids=[pid for pid in self.period_id._origin.ids if pid],
            unit_ids=[uid for uid in self.unit_id._origin.ids if uid],
        )
        by_key = {(row["period"], row["unit"]): row for row in rows}
        for line in self:
            row = by_key.get((line.period_id._origin.id, line.unit_id._origin.id))
            line.response_count = row["respondents"] if row else 0
            line.progress = 100.0 * line.response_count / line.sample_min if line.sample_min else 0.0
            line.below_sample = bool(line.sample_min) and line.response_count < line.sample_min
            line.ikm = float(row["ikm"]) if row and row["ikm"] is not None else 0.0
            line.category = row["category"] if row else False
            line.category_label = row["label"] if row else False

    @api.depends("unit_id", "period_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.unit_id.name} - {line.period_id.name}"

    def action_print_report(self):
        return self.env.ref("sop_survey.action_report_skm_unit").report_action(self, config=False)

    def action_export_xlsx(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": f"/skm/report/xlsx/{self.id}", "target": "self"}

    def action_view_followups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sop_survey.sop_skm_followup_action")
        action["domain"] = [("population_id", "=", self.id)]
        action["context"] = {"default_population_id": self.id}
        return action

    # ---------------------------------------------------------------- report
    def _skm_add_standard_components(self, elements):
        """Beside each element, the component of the service standards it measures (Permenpan RB 15/2014)
        and its value in the effective standard of each service of the unit."""
        self.ensure_one()
        Standard = self.env["sop.service.standard"].sudo()
        labels = Standard._sop_component_labels()
        standards = Standard.search(
            [("unit_id", "=", self.unit_id.id), ("state", "=", "effective")], order="service_id, revision desc"
        )
        for element in elements:
            key = component_of_element(element["code"])
            element["component"] = labels.get(key, "")
            element["standard_values"] = [
                {"service": standard.service_id.name, "value": standard._sop_component_summary(key) or "-"}
                for standard in standards
            ]
        return elements

    def _skm_report_data(self):
        """Everything the SKM report of this unit and period prints."""
        self.ensure_one()
        Ikm = self.env["sop.skm.ikm"]
        scope = {"period_ids": self.period_id.ids, "unit_ids": self.unit_id.ids}
        main = (Ikm._skm_compute((), **scope) or [None])[0]
        elements = []
        for code, name, _question, _labels in SKM_ELEMENTS:
            nrr = main["nrr"].get(code) if main else None
            index = main["element_index"].get(code) if main else None
            category, label = ikm_category(index)
            elements.append(
                {
                    "code": code,
                    "name": name,
                    "count": main["counts"].get(code, 0) if main else 0,
                    "nrr": nrr,
                    "index": index,
                    "category": category,
                    "label": label,
                }
            )
        self._skm_add_standard_components(elements)
        answered = [e for e in elements if e["nrr"] is not None]
        weakest = sorted(answered, key=lambda e: (e["nrr"], e["code"]))[:3]
        respondents = main["respondents"] if main else 0
        for element in elements:
            element["blank"] = respondents - element["count"]
        profiles = []
        for dim, title in PROFILE_GROUPS:
            # every respondent is in one row: those who left the question blank in "Not answered"
            rows = Ikm._skm_compute((dim,), **scope)
            profiles.append(
                {
                    "title": title,
                    "rows": [
                        {
                            "label": r["profile_label"],
                            "count": r["respondents"],
                            "percent": 100.0 * r["respondents"] / (respondents or 1),
                            "ikm": r["ikm"],
                            "category": r["category"],
                        }
                        for r in rows
                    ],
                    "total": sum(r["respondents"] for r in rows),
                }
            )
        services = Ikm._skm_compute(("service",), **scope)
        service_names = {
            s.id: s.name for s in self.env["sop.skm.service"].browse([r["service"] for r in services if r["service"]])
        }
        previous_period = self.period_id._skm_previous()
        previous = self.search([("period_id", "=", previous_period.id), ("unit_id", "=", self.unit_id.id)], limit=1)
        trend = self.search(
            [("unit_id", "=", self.unit_id.id), ("period_id.date_start", "<=", self.period_id.date_start)]
        )
        if self.env.context.get("skm_published_only"):
            # the report downloaded from /skm/hasil: no figure of a period that is not published
            previous = previous.filtered("period_id.published")
            trend = trend.filtered("period_id.published")
        return {
            "main": main,
            "respondents": respondents,
            "sample": self._skm_sample_status(respondents),
            "elements": elements,
            "weakest": weakest,
            "profiles": profiles,
            "services": [
                dict(r, service_name=service_names.get(r["service"]) or self.env._("(not specified)")) for r in services
            ],
            "categories": SKM_CATEGORIES,
            "chart": self._skm_chart_svg(elements),
            "previous": previous,
            "previous_followups": previous.followup_ids,
            "trend": trend.sorted(lambda p: p.period_id.date_start),
        }

    def _skm_sample_status(self, respondents):
        """The Krejcie & Morgan check of the report: minimum, shortfall and its sentence."""
        self.ensure_one()
        minimum = self.sample_min
        short = max(minimum - respondents, 0) if minimum else 0
        if not minimum:
            text = self.env._("No population entered: the minimum sample is unknown.")
        elif short:
            text = self.env._(
                "Below the minimum sample: %(respondents)s of %(minimum)s respondents (%(short)s missing); "
                "the IKM is not representative yet.",
                respondents=respondents,
                minimum=minimum,
                short=short,
            )
        else:
            text = self.env._(
                "Minimum sample reached: %(respondents)s of %(minimum)s respondents.",
                respondents=respondents,
                minimum=minimum,
            )
        return {"minimum": minimum, "short": short, "below": bool(short), "text": text}

    @api.model
    def _skm_chart_svg(self, elements, width=640, height=260):
        """Inline SVG bar chart of the element index (NRR x 25, scale 0-100)."""
        left, bottom, top = 40, 30, 10
        plot_h = height - bottom - top
        bar_w = (width - left - 10) / max(len(elements), 1)
        colors = {"A": "#2e7d32", "B": "#1565c0", "C": "#f9a825", "D": "#c62828"}
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, sans-serif" font-size="11">'
        ]
        for tick in (0, 25, 50, 75, 100):
            y = top + plot_h - plot_h * tick / 100
            parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 5}" y2="{y:.1f}" stroke="#ccc"/>')
            parts.append(f'<text x="{left - 5}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
        for i, element in enumerate(elements):
            x = left + i * bar_w + bar_w * 0.15
            value = float(element["index"] or 0)
            bar_h = plot_h * value / 100
            y = top + plot_h - bar_h
            color = colors.get(element["category"], "#999")
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w * 0.7:.1f}" height="{bar_h:.1f}" fill="{color}"/>'
            )
            if element["index"] is not None:
                parts.append(
                    f'<text x="{x + bar_w * 0.35:.1f}" y="{y - 3:.1f}" text-anchor="middle">{element["index"]}</text>'
                )
            parts.append(
                f'<text x="{x + bar_w * 0.35:.1f}" y="{height - 12}" text-anchor="middle">{escape(element["code"])}</text>'
            )
        parts.append("</svg>")
        return Markup("".join(parts))

    # ------------------------------------------------------------------ xlsx
    def _skm_raw_answers(self):
        """Header and rows (one per respondent) of the done answers of this unit and period."""
        self.ensure_one()
        survey = self.period_id.survey_id.sudo()
        questions = survey.question_ids.filtered(lambda q: not q.is_page).sorted(lambda q: (q.sequence, q.id))
        self.env.flush_all()
        self.env.cr.execute(
            f"""
            SELECT ui.id, ui.end_datetime, ui.skm_service_id, l.question_id, l.answer_type, l.answer_score,
                   l.suggested_answer_id, l.value_char_box, l.value_text_box, l.value_numerical_box,
                   l.value_date, l.value_datetime
              FROM survey_user_input ui
              JOIN survey_user_input_line l ON l.user_input_id = ui.id AND l.skipped IS NOT TRUE
             WHERE ui.skm_unit_id = %s AND ui.skm_period_id = %s
               AND {counted_inputs_where()}
          ORDER BY ui.id, l.id
            """,
            (self.unit_id.id, self.period_id.id),
        )
        fetched = self.env.cr.fetchall()
        answer_labels = {
            a.id: a.value for a in self.env["survey.question.answer"].sudo().browse({r[6] for r in fetched if r[6]})
        }
        service_names = {
            s.id: s.name for s in self.env["sop.skm.service"].sudo().browse({r[2] for r in fetched if r[2]})
        }
        position = {q.id: i for i, q in enumerate(questions)}
        respondents = {}
        tz = self.env.user.tz or DEFAULT_TZ  # the sheet shows the reader's wall-clock times
        for uid, done, service_id, qid, kind, score, answer_id, char, text, number, day, moment in fetched:
            row = respondents.setdefault(
                uid, [uid, utc_to_local(done, tz), service_names.get(service_id, "")] + [""] * len(questions)
            )
            if qid not in position:
                continue
            q = questions[position[qid]]
            if kind == "suggestion":
                value = int(score) if q.skm_element and score else answer_labels.get(answer_id, "")
            else:
                value = {
                    "char_box": char,
                    "text_box": text,
                    "numerical_box": number,
                    "date": day,
                    "datetime": utc_to_local(moment, tz),
                }.get(kind, "")
            cell = 3 + position[qid]
            row[cell] = f"{row[cell]}, {value}" if row[cell] not in ("", None) else value
        header = ["ID", "Selesai", "Layanan"] + [
            f"{q.skm_element} - {q.title}" if q.skm_element else q.title for q in questions
        ]
        return header, list(respondents.values())

    def _skm_reads_answers(self):
        """Whether the user reads the citizens' answers one by one (the Division, as over RPC): an OPD liaison
        gets the aggregated report of his units only, in every channel."""
        return self.env.su or self.env.user.has_group(DIVISION)

    def _skm_xlsx(self):
        """XLSX with the recap (NRR per element, IKM, category) and, for the Division, the raw answers."""
        self.ensure_one()
        data = self._skm_report_data()
        workbook = SafeWorkbook({"remove_timezone": True})
        bold = workbook.add_format({"bold": True})
        recap = workbook.add_worksheet("Rekap")
        recap.write_string(0, 0, f"SKM {self.unit_id.name} - {self.period_id.name}", bold)
        recap.write_row(2, 0, ["Kode", "Unsur", "Jawaban", "Tidak diisi", "NRR", "NRR x 25", "Mutu"], bold)
        for i, element in enumerate(data["elements"], start=3):
            recap.write_row(
                i,
                0,
                [
                    element["code"],
                    element["name"],
                    element["count"],
                    element["blank"],
                    float(element["nrr"]) if element["nrr"] is not None else "",
                    float(element["index"]) if element["index"] is not None else "",
                    element["category"] or "",
                ],
            )
        main = data["main"]
        sample = data["sample"]
        line = 3 + len(data["elements"]) + 1
        for offset, (label, value) in enumerate(
            (
                ("Responden", data["respondents"]),
                ("Sampel minimum", sample["minimum"]),
                ("Status sampel", sample["text"]),
                ("IKM", float(main["ikm"]) if main and main["ikm"] is not None else ""),
                ("Mutu", f"{main['category']} ({main['label']})" if main and main["category"] else ""),
            )
        ):
            recap.write(line + offset, 0, label, bold)
            recap.write(line + offset, 1, value)  # texts stay texts: SafeWorkbook
        line += 6
        for profile in data["profiles"]:
            recap.write_row(line, 0, [profile["title"], "Jumlah", "%"], bold)
            for row in profile["rows"]:
                line += 1
                recap.write_string(line, 0, row["label"] or "")
                recap.write_row(line, 1, [row["count"], round(row["percent"], 2)])
            line += 1
            recap.write_row(line, 0, ["Jumlah", profile["total"], 100.0 if profile["total"] else 0.0], bold)
            line += 2
        recap.set_column(1, 1, 40)
        if self._skm_reads_answers():
            self._skm_xlsx_answers(workbook, workbook.add_worksheet("Jawaban"), bold)
        return workbook.to_bytes()

    def _skm_xlsx_answers(self, workbook, raw, bold):
        """The sheet of the raw answers, one row per respondent."""
        header, rows = self._skm_raw_answers()
        stamp = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        raw.write_row(0, 0, header, bold)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if hasattr(value, "hour"):
                    raw.write_datetime(r, c, value, stamp)
                elif hasattr(value, "isoformat"):
                    raw.write(r, c, value.isoformat())
                else:
                    raw.write(r, c, value if value is not None else "")
