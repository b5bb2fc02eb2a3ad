import base64

from odoo import fields
from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.http import request


class SinovikPortal(CustomerPortal):
    """Proposal writing for OPD liaisons who are portal users (/my/sinovik)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "sinovik_count" in counters:
            Proposal = request.env["sop.sinovik.proposal"]
            values["sinovik_count"] = Proposal.search_count([]) if Proposal.has_access("read") else 0
        if "sinovik_jury_count" in counters:
            values["sinovik_jury_count"] = (
                request.env["sop.sinovik.assignment"].search_count([("juror_id", "=", request.env.user.id)])
                if request.env.user.has_group("sop_survey.group_sinovik_juror")
                else 0
            )
        return values

    @staticmethod
    def _user_opds():
        return (
            request.env["hr.department"]
            .sudo()
            .search([("is_opd", "=", True), ("liaison_user_ids", "in", request.env.user.id)])
        )

    def _get_proposal(self, proposal_id):
        proposal = request.env["sop.sinovik.proposal"].browse(proposal_id)
        if not proposal.exists():
            return None
        try:
            proposal.check_access("read")
        except AccessError:
            return None
        return proposal

    @http.route(["/my/sinovik"], type="http", auth="user", website=True)
    def portal_my_sinovik(self, **kw):
        proposals = request.env["sop.sinovik.proposal"].search([], order="year desc, id desc")
        opds = self._user_opds()
        competitions = request.env["sop.sinovik.competition"].sudo().search([("state", "=", "open")]) if opds else []
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "sinovik",
                "proposals": proposals,
                "opds": opds,
                "competitions": competitions,
                "error": kw.get("error"),
            }
        )
        return request.render("sop_survey.portal_my_sinovik", values)

    @http.route(["/my/sinovik/new"], type="http", auth="user", methods=["POST"], website=True)
    def portal_sinovik_new(self, competition_id=None, opd_id=None, name=None, **kw):
        opds = self._user_opds()
        opd = opds.filtered(lambda o: str(o.id) == str(opd_id))[:1] or opds[:1]
        if not opd or not competition_id or not (name or "").strip():
            return request.redirect("/my/sinovik")
        proposal = (
            request.env["sop.sinovik.proposal"]
            .with_context(mail_create_nosubscribe=True)
            .create({"competition_id": int(competition_id), "opd_id": opd.id, "name": name.strip()})
        )
        return request.redirect(f"/my/sinovik/{proposal.id}")

    @http.route(["/my/sinovik/<int:proposal_id>"], type="http", auth="user", methods=["GET", "POST"], website=True)
    def portal_sinovik_proposal(self, proposal_id, **post):
        proposal = self._get_proposal(proposal_id)
        if proposal is None:
            return request.redirect("/my")
        error = None
        message = None
        if request.httprequest.method == "POST" and not proposal.is_locked:
            try:
                with request.env.cr.savepoint():
                    self._save_proposal(proposal, post)
                    if post.get("action") == "submit":
                        proposal.action_submit()
                        message = request.env._("Your proposal has been submitted.")
                    else:
                        message = request.env._("Your proposal has been saved.")
            except (UserError, ValidationError) as exc:
                error = exc.args[0] if exc.args else str(exc)
        values = self._prepare_portal_layout_values()
        competition = proposal.competition_id.sudo()
        values.update(
            {
                "page_name": "sinovik_proposal",
                "proposal": proposal,
                "competition": competition,
                "opd_name": proposal.sudo().opd_id.name,
                "sdgs": request.env["sop.sinovik.sdg"].search([]),
                "error": error,
                "message": message,
            }
        )
        return request.render("sop_survey.portal_sinovik_proposal", values)

    @staticmethod
    def _save_proposal(proposal, post):
        competition = proposal.competition_id.sudo()
        vals = {
            "name": (post.get("name") or proposal.name).strip(),
            "video_url": (post.get("video_url") or "").strip() or False,
            "start_date": fields.Date.to_date(post.get("start_date")) if post.get("start_date") else False,
        }
        group_id = int(post.get("group_id") or 0)
        vals["group_id"] = group_id if group_id in competition.group_ids.ids else False
        category_id = int(post.get("category_id") or 0)
        vals["category_id"] = category_id if category_id in competition.category_ids.ids else False
        sdg_ids = [int(v) for v in request.httprequest.form.getlist("sdg_ids") if v.isdigit()]
        vals["sdg_ids"] = [fields.Command.set(sdg_ids)]
        vals["answer_ids"] = [
            fields.Command.update(answer.id, {"text": post.get(f"section_{answer.section_id.id}", "")})
            for answer in proposal.answer_ids
            if f"section_{answer.section_id.id}" in post
        ]
        documents = []
        for document in proposal.document_ids:
            upload = request.httprequest.files.get(f"document_{document.type_id.id}")
            if upload and upload.filename:
                documents.append(
                    fields.Command.update(
                        document.id, {"datas": base64.b64encode(upload.read()), "filename": upload.filename}
                    )
                )
        if documents:
            vals["document_ids"] = documents
        proposal.write(vals)

    # ------------------------------------------------------------------ jury (portal jurors)
    @http.route(["/my/sinovik/jury"], type="http", auth="user", website=True)
    def portal_my_sinovik_jury(self, **kw):
        assignments = request.env["sop.sinovik.assignment"]
        if request.env.user.has_group("sop_survey.group_sinovik_juror"):
            assignments = assignments.search([("juror_id", "=", request.env.user.id)])
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "sinovik_jury", "assignments": assignments})
        return request.render("sop_survey.portal_my_sinovik_jury", values)

    @http.route(
        ["/my/sinovik/jury/<int:assignment_id>"], type="http", auth="user", methods=["GET", "POST"], website=True
    )
    def portal_sinovik_scoring(self, assignment_id, **post):
        if not request.env.user.has_group("sop_survey.group_sinovik_juror"):
            return request.redirect("/my")
        assignment = request.env["sop.sinovik.assignment"].search(
            [("id", "=", assignment_id), ("juror_id", "=", request.env.user.id)]
        )
        if not assignment:
            return request.redirect("/my")
        error = message = None
        if request.httprequest.method == "POST" and assignment.state == "todo":
            try:
                with request.env.cr.savepoint():
                    self._save_scores(assignment, post)
                    if post.get("action") == "submit":
                        assignment.action_done()
                        message = request.env._("Your scores have been submitted.")
                    else:
                        message = request.env._("Your scores have been saved.")
            except (UserError, ValidationError, ValueError) as exc:
                error = exc.args[0] if exc.args else str(exc)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "sinovik_scoring",
                "assignment": assignment,
                "proposal": assignment.proposal_id,
                "opd_name": assignment.proposal_id.sudo().opd_id.name,
                "error": error,
                "message": message,
            }
        )
        return request.render("sop_survey.portal_sinovik_scoring", values)

    @staticmethod
    def _save_scores(assignment, post):
        for line in assignment.score_ids:
            vals = {}
            raw = (post.get(f"score_{line.id}") or "").strip().replace(",", ".")
            if raw:
                try:
                    vals["score"] = float(raw)
                except ValueError as exc:
                    raise ValidationError(request.env._("%(value)s is not a number.", value=raw)) from exc
            if f"comment_{line.id}" in post:
                vals["comment"] = post[f"comment_{line.id}"]
            if vals:
                line.write(vals)
