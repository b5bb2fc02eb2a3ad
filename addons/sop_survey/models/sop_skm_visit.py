import hashlib
import math
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
    button can never count an answer twice. The rows also feed the rate limit
    per unit and address (``_take_slot``); a unit's kiosk is exempt.
    """

    _name = "sop.skm.visit"
    _description = "SKM Public Visit"
    _order = "id desc"

    nonce = fields.Char(required=True, readonly=True)
    ip_hash = fields.Char(string="Address (hash)", index=True, readonly=True)
    unit_id = fields.Many2one("sop.skm.unit", readonly=True, ondelete="cascade")
    user_input_id = fields.Many2one("survey.user_input", readonly=True, ondelete="set null")
    kiosk = fields.Boolean(readonly=True, help="Sent from the unit's kiosk link: not counted in the address limit.")

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
    def _rate_limit(self, unit=None):
        """Answers one address may send to ``unit`` per window: the unit's own limit, else the default."""
        if unit and unit.skm_rate_limit:
            return unit.skm_rate_limit
        value = self.env["ir.config_parameter"].sudo().get_param("sop_survey.skm_rate_limit")
        try:
            return int(value) if value else DEFAULT_RATE_LIMIT
        except ValueError:
            return DEFAULT_RATE_LIMIT

    @api.model
    def _retry_after(self, unit, ip, cr=None):
        """Seconds before ``ip`` may answer again at ``unit`` (0: it may answer now).

        Read with ``cr`` (default: the current transaction). Times are the
        database clock's (``clock_timestamp``, also used by ``_consume``).
        """
        cr = cr or self.env.cr
        limit = self._rate_limit(unit)
        cr.execute(
            """
            WITH clock AS (SELECT clock_timestamp() AT TIME ZONE 'UTC' AS now)
            SELECT EXTRACT(EPOCH FROM v.create_date + make_interval(mins => %(window)s) - clock.now)
              FROM sop_skm_visit v, clock
             WHERE v.unit_id = %(unit)s AND v.ip_hash = %(ip_hash)s AND v.kiosk IS NOT TRUE
               AND v.create_date >= clock.now - make_interval(mins => %(window)s)
             ORDER BY v.create_date DESC
             LIMIT %(limit)s
            """,
            {"window": RATE_WINDOW_MINUTES, "unit": unit.id, "ip_hash": self._hash_ip(ip), "limit": limit},
        )
        remaining = [row[0] for row in cr.fetchall()]
        if len(remaining) < limit:
            return 0
        # a place frees when the answer that keeps the count at the limit leaves the window
        return max(1, math.ceil(remaining[limit - 1]))

    @api.model
    def _fresh_cursor(self):
        """A new transaction on this database (in tests: the test transaction)."""
        return self.env.registry.cursor()

    @api.model
    def _take_slot(self, unit, ip):
        """Reserve a place for one answer of ``ip`` at ``unit``; seconds to wait if there is none (else 0).

        Call it in the transaction that stores the answer (``_consume``): a
        transaction-level advisory lock per unit and address is held until that
        transaction ends, so concurrent submissions of one address count one
        after the other. The count reads a new snapshot: Odoo's transactions
        are REPEATABLE READ, the request's own snapshot predates the lock and
        would miss the answers committed while it waited.
        """
        key = f"sop_skm_visit:{unit.id}:{self._hash_ip(ip)}"
        self.env.cr.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (key,))
        with self._fresh_cursor() as cr:
            return self._retry_after(unit, ip, cr=cr)

    @api.model
    def _used(self, nonce):
        """Whether an answer was already stored with ``nonce`` (a double tap, a refresh, the back button).

        Takes a transaction-level advisory lock on the nonce, held until the transaction that stores the
        answer ends: two submissions of one form (a double tap sends them at once) go one after the
        other. The check reads a new snapshot: the request's own snapshot predates the lock and misses
        the answer the first submission committed while this one waited; inserting the nonce again
        over it would be a serialization failure (an ERROR in the log, the request replayed).
        """
        self.env.cr.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"sop_skm_visit_nonce:{nonce}",))
        with self._fresh_cursor() as cr:
            cr.execute("SELECT 1 FROM sop_skm_visit WHERE nonce = %s", (nonce,))
            return bool(cr.fetchone())

    @api.model
    def _consume(self, nonce, ip, unit, kiosk=False):
        """Store the nonce; False if it was already used (atomic, race-free: see ``_used``)."""
        if self._used(nonce):
            return self.browse()
        self.env.cr.execute(
            """
            INSERT INTO sop_skm_visit (nonce, ip_hash, unit_id, kiosk, create_uid, write_uid, create_date, write_date)
            VALUES (%s, %s, %s, %s, %s, %s, clock_timestamp() AT TIME ZONE 'UTC', clock_timestamp() AT TIME ZONE 'UTC')
            ON CONFLICT (nonce) DO NOTHING
            RETURNING id
            """,
            (nonce, self._hash_ip(ip), unit.id or None, bool(kiosk), self.env.uid, self.env.uid),
        )
        row = self.env.cr.fetchone()
        return self.browse(row[0]) if row else self.browse()

    @api.autovacuum
    def _gc_old_visits(self):
        limit = fields.Datetime.now() - timedelta(days=90)
        self.sudo().search([("create_date", "<", limit)]).unlink()
