import hashlib
import time
import uuid
from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools.misc import consteq
from odoo.tools.misc import hmac as hmac_tool

VISIT_TOKEN_MAX_AGE = 24 * 3600
DEFAULT_RATE_LIMIT = 20
RATE_WINDOW_MINUTES = 10


class SopSkmVisit(models.Model):
    """One-time visit tokens already used for a submission (and their address).

    The form carries a signed token (unit, service, period, nonce, time); the
    nonce is stored here when the answer is saved, so a refresh or a back
    button can never count an answer twice. The rows also feed the per-address
    rate limit.
    """

    _name = "sop.skm.visit"
    _description = "SKM Public Visit"
    _order = "id desc"

    nonce = fields.Char(required=True, readonly=True)
    ip_hash = fields.Char(string="Address (hash)", index=True, readonly=True)
    unit_id = fields.Many2one("sop.skm.unit", readonly=True, ondelete="cascade")
    user_input_id = fields.Many2one("survey.user_input", readonly=True, ondelete="set null")

    _sql_constraints = [
        ("nonce_unique", "unique(nonce)", "A visit token can be used only once."),
    ]

    # ----------------------------------------------------------------- tokens
    @api.model
    def _sign(self, message):
        return hmac_tool(self.env(su=True), "sop_skm_visit", message)

    @api.model
    def _make_token(self, unit, service, period):
        payload = f"{unit.id}.{service.id or 0}.{period.id}.{uuid.uuid4().hex}.{int(time.time())}"
        return f"{payload}.{self._sign(payload)}"

    @api.model
    def _read_token(self, token):
        """``dict`` of the token's ids, or None if it is malformed, forged or expired."""
        parts = (token or "").split(".")
        if len(parts) != 6:
            return None
        payload, signature = ".".join(parts[:5]), parts[5]
        if not consteq(self._sign(payload), signature):
            return None
        try:
            unit_id, service_id, period_id, timestamp = (int(parts[i]) for i in (0, 1, 2, 4))
        except ValueError:
            return None
        if time.time() - timestamp > VISIT_TOKEN_MAX_AGE:
            return None
        return {"unit_id": unit_id, "service_id": service_id, "period_id": period_id, "nonce": parts[3]}

    @api.model
    def _hash_ip(self, ip):
        return hashlib.sha256(f"sop_skm:{ip or ''}".encode()).hexdigest()[:32]

    # ------------------------------------------------------------ rate limit
    @api.model
    def _rate_limit(self):
        value = self.env["ir.config_parameter"].sudo().get_param("sop_survey.skm_rate_limit")
        try:
            return int(value) if value else DEFAULT_RATE_LIMIT
        except ValueError:
            return DEFAULT_RATE_LIMIT

    @api.model
    def _is_rate_limited(self, ip):
        since = fields.Datetime.now() - timedelta(minutes=RATE_WINDOW_MINUTES)
        count = self.sudo().search_count([("ip_hash", "=", self._hash_ip(ip)), ("create_date", ">=", since)])
        return count >= self._rate_limit()

    @api.model
    def _consume(self, nonce, ip, unit):
        """Store the nonce; False if it was already used (atomic, race-free)."""
        self.env.cr.execute(
            """
            INSERT INTO sop_skm_visit (nonce, ip_hash, unit_id, create_uid, write_uid, create_date, write_date)
            VALUES (%s, %s, %s, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC')
            ON CONFLICT (nonce) DO NOTHING
            RETURNING id
            """,
            (nonce, self._hash_ip(ip), unit.id, self.env.uid, self.env.uid),
        )
        row = self.env.cr.fetchone()
        return self.browse(row[0]) if row else self.browse()

    @api.autovacuum
    def _gc_old_visits(self):
        limit = fields.Datetime.now() - timedelta(days=90)
        self.sudo().search([("create_date", "<", limit)]).unlink()
