import base64

from odoo import fields
from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.sop_organisasi.tools.number_format import format_number
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.http import request

from ..tools.http_input import form_has_nul
from ..tools.http_input import valid_id

# bounds of what a portal form may send (checked before any work)
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SECTION_CHARS = 20000
PDF_MAGIC = b"%PDF-"


class PortalInputError(Exception):
    """Bad input from a portal form: shown on the page with a 4xx status, nothing stored."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def check_form_text():
    """PostgreSQL stores no NUL byte: a form holding one is refused before any work (400)."""
    if form_has_nul(request.httprequest):
        raise PortalInputError(
            request.env._("The form contains an invalid character (a NUL byte): remove it and send the form again.")
        )


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
        if not counters:
            # the page itself (not the counters' call): a liaison always sees his tile, also before his
            # first proposal (a tile with a count of 0 is hidden), a juror his before his first assignment
            values["sinovik_liaison"] = bool(self._user_opds())
            values["sinovik_juror"] = request.env.user.has_group("sop_survey.group_sinovik_juror")
        return values

    @staticmethod
    def _fmt_number(value):
        """Scores and weights in the reader's locale ("91,67" in Indonesian)."""
        return format_number(value, request.env.lang)

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

    @staticmethod
    def _open_competitions():
        return request.env["sop.sinovik.competition"].sudo().search([("state", "=", "open")])

    def _render_sinovik_list(self, error=None, status=200):
        opds = self._user_opds()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "sinovik",
                "proposals": request.env["sop.sinovik.proposal"].search([], order="year desc, id desc"),
                "opds": opds,
                "competitions": self._open_competitions() if opds else [],
                "error": error,
            }
        )
        return request.render("sop_survey.portal_my_sinovik", values, status=status)

    @http.route(["/my/sinovik"], type="http", auth="user", website=True)
    def portal_my_sinovik(self, **kw):
        return self._render_sinovik_list()

    @staticmethod
    def _parse_choice(raw, allowed, label):
        """The id chosen in a select: one of ``allowed`` (a recordset), or False when left empty."""
        raw = (raw or "").strip()
        if not raw:
            return False
        if not (raw.isascii() and raw.isdigit()) or int(raw) not in allowed.ids:
            raise PortalInputError(
                request.env._("%(label)s: '%(value)s' is not a valid choice.", label=label, value=raw)
            )
        return int(raw)

    @staticmethod
    def _parse_date(raw):
        raw = (raw or "").strip()
        if not raw:
            return False
        try:
            return fields.Date.to_date(raw)
        except ValueError as exc:
            raise PortalInputError(
                request.env._("'%(value)s' is not a valid date (expected YYYY-MM-DD).", value=raw)
            ) from exc

    def _parse_header(self, post, competition):
        """Start date, group and category sent by a form, checked against the competition."""
        vals = {}
        if "start_date" in post:
            vals["start_date"] = self._parse_date(post.get("start_date"))
        if "group_id" in post:
            vals["group_id"] = self._parse_choice(post.get("group_id"), competition.group_ids, request.env._("Group"))
        if "category_id" in post:
            vals["category_id"] = self._parse_choice(
                post.get("category_id"), competition.category_ids, request.env._("Category")
            )
        return vals

    @http.route(["/my/sinovik/new"], type="http", auth="user", methods=["POST"], website=True)
    def portal_sinovik_new(self, competition_id=None, opd_id=None, name=None, **post):
        try:
            vals = self._new_proposal_vals(competition_id, opd_id, name, post)
            with request.env.cr.savepoint():
                proposal = request.env["sop.sinovik.proposal"].with_context(mail_create_nosubscribe=True).create(vals)
        except PortalInputError as exc:
            return self._render_sinovik_list(error=exc.message, status=exc.status)
        except (AccessError, UserError, ValidationError) as exc:
            return self._render_sinovik_list(error=exc.args[0] if exc.args else str(exc), status=400)
        return request.redirect(f"/my/sinovik/{proposal.id}")

    def _new_proposal_vals(self, competition_id, opd_id, name, post):
        check_form_text()
        opds = self._user_opds()
        if not opds:
            raise PortalInputError(request.env._("You are not the liaison of an OPD."), status=403)
        opd = opds.browse(self._parse_choice(opd_id, opds, request.env._("OPD"))) if opd_id else opds[:1]
        if not (competition_id or "").strip():
            raise PortalInputError(request.env._("Choose a competition."))
        competition = self._open_competitions().browse(
            self._parse_choice(competition_id, self._open_competitions(), request.env._("Competition"))
        )
        if not (name or "").strip():
            raise PortalInputError(request.env._("Give the innovation a title."))
        vals = {"competition_id": competition.id, "opd_id": opd.id, "name": name.strip()}
        vals.update({key: value for key, value in self._parse_header(post, competition).items() if value})
        return vals

    @http.route(["/my/sinovik/<int:proposal_id>"], type="http", auth="user", methods=["GET", "POST"], website=True)
    def portal_sinovik_proposal(self, proposal_id, **post):
        if not valid_id(proposal_id):
            raise request.not_found()
        proposal = self._get_proposal(proposal_id)
        if proposal is None:
            return request.redirect("/my")
        error = None
        message = None
        status = 200
        if request.httprequest.method == "POST":
            try:
                check_form_text()
                if proposal.is_locked:
                    raise PortalInputError(
                        request.env._("This proposal is locked: it can only be changed after it is returned."),
                        status=409,
                    )
                with request.env.cr.savepoint():
                    self._save_proposal(proposal, post)
                    if post.get("action") == "submit":
                        proposal.action_submit()
                        message = request.env._("Your proposal has been submitted.")
                    else:
                        message = request.env._("Your proposal has been saved.")
            except PortalInputError as exc:
                error, status = exc.message, exc.status
            except (AccessError, UserError, ValidationError) as exc:
                error, status = (exc.args[0] if exc.args else str(exc)), 400
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
        return request.render("sop_survey.portal_sinovik_proposal", values, status=status)

    def _save_proposal(self, proposal, post):
        """Check every value the form sent, then write them in one go (nothing on bad input)."""
        competition = proposal.competition_id.sudo()
        vals = {
            "name": (post.get("name") or proposal.name).strip(),
            "video_url": (post.get("video_url") or "").strip() or False,
            "start_date": False,
            "group_id": False,
            "category_id": False,
        }
        vals.update(self._parse_header(post, competition))
        sdgs = request.env["sop.sinovik.sdg"].search([])
        sdg_ids = [
            self._parse_choice(raw, sdgs, request.env._("SDG")) for raw in request.httprequest.form.getlist("sdg_ids")
        ]
        vals["sdg_ids"] = [fields.Command.set([sdg_id for sdg_id in sdg_ids if sdg_id])]
        vals["answer_ids"] = self._answer_commands(proposal, post)
        documents = self._document_commands(proposal)
        if documents:
            vals["document_ids"] = documents
        proposal.write(vals)

    @staticmethod
    def _answer_commands(proposal, post):
        commands = []
        for answer in proposal.answer_ids:
            key = f"section_{answer.section_id.id}"
            if key not in post:
                continue
            if len(post[key]) > MAX_SECTION_CHARS:
                raise PortalInputError(
                    request.env._(
                        "Section '%(section)s' is longer than %(limit)s characters.",
                        section=answer.section_id.name,
                        limit=MAX_SECTION_CHARS,
                    )
                )
            commands.append(fields.Command.update(answer.id, {"text": post[key]}))
        return commands

    @staticmethod
    def _document_commands(proposal):
        """Uploaded attachments: PDF files of at most MAX_UPLOAD_BYTES, checked before they are stored."""
        commands = []
        for document in proposal.document_ids:
            upload = request.httprequest.files.get(f"document_{document.type_id.id}")
            if not (upload and upload.filename):
                continue
            content = upload.read(MAX_UPLOAD_BYTES + 1)
            if len(content) > MAX_UPLOAD_BYTES:
                raise PortalInputError(
                    request.env._(
                        "%(file)s is larger than %(limit)s MB.", file=upload.filename, limit=MAX_UPLOAD_BYTES // 2**20
                    ),
                    status=413,
                )
            if not content.startswith(PDF_MAGIC):
                raise PortalInputError(request.env._("%(file)s is not a PDF file.", file=upload.filename))
            commands.append(
                fields.Command.update(document.id, {"datas": base64.b64encode(content), "filename": upload.filename})
            )
        return commands

    # ------------------------------------------------------------------ jury (portal jurors)
    @http.route(["/my/sinovik/jury"], type="http", auth="user", website=True)
    def portal_my_sinovik_jury(self, **kw):
        assignments = request.env["sop.sinovik.assignment"]
        if request.env.user.has_group("sop_survey.group_sinovik_juror"):
            assignments = assignments.search([("juror_id", "=", request.env.user.id)])
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "sinovik_jury", "assignments": assignments, "fmt_number": self._fmt_number})
        return request.render("sop_survey.portal_my_sinovik_jury", values)

    @http.route(
        ["/my/sinovik/jury/<int:assignment_id>"], type="http", auth="user", methods=["GET", "POST"], website=True
    )
    def portal_sinovik_scoring(self, assignment_id, **post):
        if not valid_id(assignment_id):
            raise request.not_found()
        if not request.env.user.has_group("sop_survey.group_sinovik_juror"):
            return request.redirect("/my")
        assignment = request.env["sop.sinovik.assignment"].search(
            [("id", "=", assignment_id), ("juror_id", "=", request.env.user.id)]
        )
        if not assignment:
            return request.redirect("/my")
        error = message = None
        status = 200
        lock_reason = assignment._scoring_lock_reason()
        if request.httprequest.method == "POST" and lock_reason:
            error, status = lock_reason, 409
        elif request.httprequest.method == "POST":
            try:
                check_form_text()
                with request.env.cr.savepoint():
                    self._save_scores(assignment, post)
                    if post.get("action") == "submit":
                        assignment.action_done()
                        message = request.env._("Your scores have been submitted.")
                    else:
                        message = request.env._("Your scores have been saved.")
            except PortalInputError as exc:
                error, status = exc.message, exc.status
            except (UserError, ValidationError) as exc:
                error, status = (exc.args[0] if exc.args else str(exc)), 400
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "sinovik_scoring",
                "fmt_number": self._fmt_number,
                "assignment": assignment,
                "proposal": assignment.proposal_id,
                "opd_name": assignment.proposal_id.sudo().opd_id.name,
                "error": error,
                "message": message,
                # after a submission the page says so (message); the reason shows when nothing was sent
                "lock_reason": assignment._scoring_lock_reason() if not (error or message) else "",
            }
        )
        return request.render("sop_survey.portal_sinovik_scoring", values, status=status)

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
