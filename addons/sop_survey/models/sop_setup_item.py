from odoo import fields
from odoo import models


class SopSetupItem(models.Model):
    _inherit = "sop.setup.item"

    def _setup_check_skm_units(self):
        units = self.env["sop.skm.unit"].sudo().search([])
        if not units:
            return False, self.env._("No SKM service unit yet.")
        without = units.filtered(lambda unit: not unit.service_ids.filtered("active"))
        if without:
            return False, self.env._(
                "%(count)s of %(total)s service units list no service: %(names)s",
                count=len(without),
                total=len(units),
                names=", ".join(without[:5].mapped("name")),
            )
        return True, self.env._("%(total)s service units with their services.", total=len(units))

    def _setup_check_skm_questionnaire(self):
        surveys = self.env["survey.survey"].sudo().search([("active", "=", True)]).filtered("is_skm")
        if not surveys:
            return False, self.env._("No SKM questionnaire yet: create one from the Permenpan RB 14/2017 model.")
        return True, self.env._(
            "%(count)s SKM questionnaire(s): %(names)s",
            count=len(surveys),
            names=", ".join(surveys[:3].mapped("title")),
        )

    def _setup_check_skm_period(self):
        today = fields.Date.context_today(self)
        periods = (
            self.env["sop.skm.period"]
            .sudo()
            .search([("state", "=", "open"), ("date_end", ">=", today), ("company_id", "in", self.env.companies.ids)])
        )
        current = periods.filtered(lambda period: period.date_start <= today)
        if not current:
            return False, self.env._("No open SKM period covers today: the public link accepts no answer.")
        without = current.filtered(lambda period: not period.survey_id or not period.population_ids)
        if without:
            return False, self.env._(
                "%(names)s: give the period its questionnaire and its units.", names=", ".join(without.mapped("name"))
            )
        return True, self.env._("Current period: %(names)s", names=", ".join(current.mapped("name")))

    def _setup_check_sinovik(self):
        year = fields.Date.context_today(self).year
        competitions = (
            self.env["sop.sinovik.competition"]
            .sudo()
            .search([("year", ">=", year), ("company_id", "in", self.env.companies.ids)])
        )
        if not competitions:
            return False, self.env._("No SINOVIK competition for %(year)s yet.", year=year)
        without = competitions.filtered(lambda competition: not competition.category_ids)
        if without:
            return False, self.env._(
                "%(names)s: the competition has no categories.", names=", ".join(without.mapped("name"))
            )
        return True, self.env._(
            "%(names)s with %(count)s categories.",
            names=", ".join(competitions.mapped("name")),
            count=len(competitions.category_ids),
        )
