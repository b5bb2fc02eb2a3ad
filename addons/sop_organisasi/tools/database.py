"""Settings of the product's database.

PostgreSQL's JIT compiler turns on for queries the planner thinks expensive: a record rule
with an OR of two subqueries (an OPD liaison's steps: his own, or his OPD's cases') is planned
as a scan of the 124,000 steps of five years, and compiling it took 130 of its 166 ms.
Measured on the city data set (docs/performance.md): the liaison's step lists answer in
0.035 s instead of 0.16-0.22 s without JIT. Odoo sends short queries; none gains from JIT.
"""

import logging

import psycopg2
from psycopg2 import sql

_logger = logging.getLogger(__name__)


def disable_jit(cr):
    """``ALTER DATABASE <current> SET jit = off`` (new connections); a warning when not allowed."""
    cr.execute("SELECT current_database()")
    database = cr.fetchone()[0]
    try:
        with cr.savepoint(flush=False):
            cr.execute(sql.SQL("ALTER DATABASE {} SET jit = off").format(sql.Identifier(database)))
    except psycopg2.Error as error:  # the owner of the database may be another role
        _logger.warning("JIT left on for database %s (%s): set jit = off in postgresql.conf", database, error)
        return False
    return True


def jit_disabled(cr):
    """Whether the current database has ``jit = off`` for every role."""
    cr.execute(
        """SELECT 1 FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
            WHERE d.datname = current_database() AND s.setrole = 0 AND 'jit=off' = ANY(s.setconfig)"""
    )
    return bool(cr.fetchone())
