from decimal import Decimal

from odoo import api
from odoo import models
from odoo.tools import SQL

from ..tools.skm_answers import counted_inputs_where
from ..tools.skm_answers import scored_lines_where
from ..tools.skm_questionnaire import SKM_AGE_BANDS
from ..tools.skm_questionnaire import SKM_ELEMENTS
from ..tools.statistics import SKM_SCALE
from ..tools.statistics import ikm_category
from ..tools.statistics import ikm_from_nrr
from ..tools.statistics import nrr as exact_nrr
from ..tools.statistics import round_half_up

ELEMENT_CODES = tuple(code for code, _name, _q, _labels in SKM_ELEMENTS)

# group-by dimension -> column of survey_user_input (alias ui)
INPUT_DIMENSIONS = {
    "unit": "skm_unit_id",
    "service": "skm_service_id",
    "period": "skm_period_id",
    "survey": "survey_id",
}
# age band label -> its rank from young to old (groups are listed in age order)
AGE_BAND_ORDER = {label: index for index, (_low, _high, label) in enumerate(SKM_AGE_BANDS)}
# respondent-group dimension -> profile code of survey.question
PROFILE_DIMENSIONS = {"gender": "gender", "education": "education", "occupation": "occupation", "age_band": "age"}


class SopSkmIkm(models.AbstractModel):
    """IKM (Permenpan RB 14/2017) computed with one SQL aggregate per call.

    The database sums the scores per group and element; Python only turns the
    at most nine (sum, count) pairs of each group into the NRR and the IKM with
    exact fractions (weight 1/9), rounding half up to 2 decimals at the end.
    """

    _name = "sop.skm.ikm"
    _description = "SKM Index Computation"

    @api.model
    def _skm_allowed_unit_ids(self):
        """None for users who see every unit, else the ids of the visible units."""
        if self.env.su or self.env.user.has_group("sop_organisasi.group_sop_user"):
            return None
        return self.env["sop.skm.unit"].with_context(active_test=False).search([]).ids

    @api.model
    def _profile_key_sql(self, profile):
        if profile == "age":
            cases = SQL(" ").join(
                SQL("WHEN pl.value_numerical_box >= %s AND pl.value_numerical_box < %s THEN %s", low, high + 1, label)
                for low, high, label in SKM_AGE_BANDS
            )
            return SQL("CASE %s END", cases)
        return SQL("pl.suggested_answer_id::varchar")

    @api.model
    def _skm_compute(
        self,
        group_by=(),
        *,
        period_ids=None,
        unit_ids=None,
        service_ids=None,
        survey_ids=None,
        user_input_ids=None,
    ):
        """IKM rows, one per group.

        :param group_by: dimensions among unit, service, period, survey and one
            respondent group among gender, education, occupation, age_band
            (empty: city-wide).
        :return: list of dicts with the group keys (ids, or the profile key and
            its ``profile_label``), ``respondents``, ``nrr`` {code: Decimal 4 dp},
            ``counts`` {code: answers}, ``element_index`` {code: NRR x 25, 2 dp},
            ``ikm`` (Decimal 2 dp), ``category``, ``label``, ``complete``.
        """
        group_by = tuple(group_by)
        unknown = set(group_by) - set(INPUT_DIMENSIONS) - set(PROFILE_DIMENSIONS)
        if unknown:
            raise ValueError(f"Unknown SKM dimension(s): {', '.join(sorted(unknown))}")
        profiles = [dim for dim in group_by if dim in PROFILE_DIMENSIONS]
        if len(profiles) > 1:
            raise ValueError("Group by one respondent profile at a time.")

        select, joins, conditions = self._skm_query_parts(
            group_by,
            period_ids=period_ids,
            unit_ids=unit_ids,
            service_ids=service_ids,
            survey_ids=survey_ids,
            user_input_ids=user_input_ids,
        )
        self.env.flush_all()
        groups = {}
        width = len(group_by)
        for row in self._skm_fetch_respondents(select, joins, conditions):
            groups.setdefault(tuple(row[:width]), {"sums": {}, "respondents": 0})["respondents"] = row[width]
        for row in self._skm_fetch_scores(select, joins, conditions):
            element, total, answers = row[width:]
            groups.setdefault(tuple(row[:width]), {"sums": {}, "respondents": 0})["sums"][element] = (total, answers)
        return [
            self._skm_row(group_by, key, group)
            for key, group in sorted(groups.items(), key=lambda item: self._sort_key(group_by, item[0]))
        ]

    @api.model
    def _skm_query_parts(self, group_by, **scope):
        """SELECT keys, JOINs and WHERE conditions on the done answers (alias ui) of the scope."""
        select = []
        joins = []
        conditions = [SQL(counted_inputs_where())]
        for dim in group_by:
            if dim in INPUT_DIMENSIONS:
                select.append(SQL("ui.%s", SQL.identifier(INPUT_DIMENSIONS[dim])))
            else:
                # LEFT JOIN: a respondent who left the profile question blank is a "not answered" group
                select.append(SQL("p.key"))
                joins.append(
                    SQL(
                        """LEFT JOIN (
                            SELECT DISTINCT pl.user_input_id, %s AS key
                              FROM survey_user_input_line pl
                              JOIN survey_question pq ON pq.id = pl.question_id
                             WHERE pq.skm_profile = %s AND pl.skipped IS NOT TRUE
                        ) p ON p.user_input_id = ui.id""",
                        self._profile_key_sql(PROFILE_DIMENSIONS[dim]),
                        PROFILE_DIMENSIONS[dim],
                    )
                )
        unit_ids = scope.get("unit_ids")
        allowed = self._skm_allowed_unit_ids()
        if allowed is not None:
            unit_ids = list(set(unit_ids or allowed) & set(allowed)) if unit_ids is not None else allowed
        for column, ids in (
            ("skm_period_id", scope.get("period_ids")),
            ("skm_unit_id", unit_ids),
            ("skm_service_id", scope.get("service_ids")),
            ("survey_id", scope.get("survey_ids")),
            ("id", scope.get("user_input_ids")),
        ):
            if ids is not None:
                conditions.append(SQL("ui.%s = ANY(%s)", SQL.identifier(column), list(ids)))
        return select, joins, conditions

    @api.model
    def _skm_fetch_respondents(self, select, joins, conditions):
        """Rows (keys..., respondents): every submitted answer of an SKM questionnaire counts once,
        whatever elements it left blank."""
        query = SQL(
            """
            SELECT %(keys)s COUNT(DISTINCT ui.id)
              FROM survey_user_input ui
              JOIN survey_survey s ON s.id = ui.survey_id AND s.is_skm
              %(joins)s
             WHERE %(where)s
            %(group)s
            """,
            keys=SQL("%s,", SQL(", ").join(select)) if select else SQL(""),
            joins=SQL(" ").join(joins),
            where=SQL(" AND ").join(conditions),
            group=SQL("GROUP BY %s", SQL(", ").join(select)) if select else SQL(""),
        )
        self.env.cr.execute(query)
        return [row for row in self.env.cr.fetchall() if row[-1]]

    @api.model
    def _skm_fetch_scores(self, select, joins, conditions):
        """Rows (keys..., element, score total, answers) of the scored element answers."""
        keys = SQL(", ").join([*select, SQL("q.skm_element")])
        query = SQL(
            """
            SELECT %(keys)s,
                   SUM(l.answer_score)::numeric AS total,
                   COUNT(*) AS answers
              FROM survey_user_input_line l
              JOIN survey_user_input ui ON ui.id = l.user_input_id
              JOIN survey_question q ON q.id = l.question_id
              %(joins)s
             WHERE %(where)s
          GROUP BY %(keys)s
            """,
            keys=keys,
            joins=SQL(" ").join(joins),
            where=SQL(" AND ").join(
                [
                    *conditions,
                    SQL(scored_lines_where()),
                ]
            ),
        )
        self.env.cr.execute(query)
        return self.env.cr.fetchall()

    @staticmethod
    def _sort_key(group_by, key):
        """Groups in a natural order: ids by number, age bands from young to old, blanks last."""
        parts = []
        for dim, value in zip(group_by, key, strict=False):
            if dim == "age_band":
                parts.append((value is None, AGE_BAND_ORDER.get(value, len(AGE_BAND_ORDER)), ""))
            else:
                parts.append((value is None, value if isinstance(value, int) else 0, str(value)))
        return tuple(parts)

    @api.model
    def _skm_row(self, group_by, key, group):
        nrrs = {code: exact_nrr(*group["sums"][code]) if code in group["sums"] else None for code in ELEMENT_CODES}
        ikm = ikm_from_nrr(nrrs.values())
        category, label = ikm_category(ikm)
        row = dict(zip(group_by, key, strict=False))
        for dim in group_by:
            if dim in PROFILE_DIMENSIONS:
                row["profile_label"] = self._profile_label(dim, row[dim])
        row.update(
            respondents=group["respondents"],
            nrr={code: round_half_up(v, Decimal("0.0001")) for code, v in nrrs.items() if v is not None},
            element_index={code: round_half_up(v * SKM_SCALE) for code, v in nrrs.items() if v is not None},
            counts={code: group["sums"][code][1] for code in group["sums"]},
            ikm=ikm,
            category=category,
            label=label,
            complete=all(v is not None for v in nrrs.values()),
        )
        return row

    @api.model
    def _profile_label(self, dim, key):
        if key is None:
            return self.env._("Not answered")
        if dim == "age_band":
            return key
        return self.env["survey.question.answer"].sudo().browse(int(key)).value
