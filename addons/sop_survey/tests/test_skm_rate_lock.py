import threading
import time
import uuid
from contextlib import closing
from unittest.mock import patch

from odoo import SUPERUSER_ID
from odoo import api
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase
from odoo.tests import tagged

ADDRESS = "203.0.113.7"


@tagged("post_install", "-at_install")
class TestSkmRateLock(TransactionCase):
    """The address limit holds under real concurrency.

    Each submission runs in its own database connection and transaction, as
    requests of a multi-worker server do (the test HTTP server serializes
    requests, so concurrency cannot be shown through it). The unit is committed
    for the other connections to see it, and removed at the end.
    """

    def setUp(self):
        super().setUp()
        self.dbname = self.env.cr.dbname
        # a cursor used as a context manager commits when its block ends without error
        with db_connect(self.dbname).cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            opd = env["hr.department"].create({"name": "Dinas Uji Kunci", "is_opd": True})
            unit = env["sop.skm.unit"].create({"name": "Loket Uji Kunci", "opd_id": opd.id, "skm_rate_limit": 5})
            for _i in range(2):  # already in the window
                env["sop.skm.visit"]._consume(uuid.uuid4().hex, ADDRESS, unit)
            self.unit_id, self.opd_id = unit.id, opd.id
        self.addCleanup(self._remove_committed)
        # as outside tests: a new transaction is a new connection (not the test transaction)
        visit_class = type(self.env["sop.skm.visit"])
        patcher = patch.object(visit_class, "_fresh_cursor", lambda visit: db_connect(visit.env.cr.dbname).cursor())
        patcher.start()
        self.addCleanup(patcher.stop)

    def _remove_committed(self):
        with db_connect(self.dbname).cursor() as cr:  # committed at the end of the block
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["sop.skm.unit"].browse(self.unit_id).unlink()
            env["hr.department"].browse(self.opd_id).unlink()

    def _stored(self):
        with closing(db_connect(self.dbname).cursor()) as cr:
            cr.execute("SELECT count(*) FROM sop_skm_visit WHERE unit_id = %s", (self.unit_id,))
            return cr.fetchone()[0]

    def _submission(self, barrier, results):
        """One public submission: the rate limit, then the answer, then commit (end of the block)."""
        with db_connect(self.dbname).cursor() as cr:
            # the registry is given, not looked up: the test runner holds the registries' lock
            cr.transaction = api.Transaction(self.registry)
            env = api.Environment(cr, SUPERUSER_ID, {})
            Visit = env["sop.skm.visit"]
            unit = env["sop.skm.unit"].browse(self.unit_id)
            # a request reads the database (and so takes its snapshot) before it reaches the limit
            cr.execute("SELECT count(*) FROM sop_skm_visit")
            barrier.wait()
            retry_after = Visit._take_slot(unit, ADDRESS)
            if not retry_after:
                Visit._consume(uuid.uuid4().hex, ADDRESS, unit)
                time.sleep(0.05)  # the answer is being written while the others wait
        results.append(retry_after)

    def test_parallel_submissions_store_exactly_the_limit(self):
        self.assertEqual(self._stored(), 2)
        parallel = 8
        barrier = threading.Barrier(parallel, timeout=60)
        results = []
        threads = [threading.Thread(target=self._submission, args=(barrier, results)) for _i in range(parallel)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        for thread in threads:
            thread.join(timeout=max(0, deadline - time.monotonic()))
        self.assertEqual(len(results), parallel)
        self.assertEqual(self._stored(), 5)
        self.assertEqual(sorted(bool(r) for r in results), [False] * 3 + [True] * 5)
