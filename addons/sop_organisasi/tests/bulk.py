"""Copy rows by the thousand with SQL, for tests that need many records around the ones they use.

The ORM would take minutes to start a thousand cases of a 26-step SOP; copying a
started case row by row keeps every column (dates, states, links) as the ORM
wrote it.
"""

from odoo.tools import SQL


def _columns(cr, table):
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = %s AND column_name <> 'id'
         ORDER BY ordinal_position""",
        [table],
    )
    return [name for (name,) in cr.fetchall()]


def clone_rows(cr, table, *, copies=None, where="true", params=(), parent=None, remap=None, overrides=None):
    """Insert copies of the rows of ``table`` matching ``where``; return the name of their map.

    The map is a temporary table (old_id, g, new_id): ``g`` numbers the copy.
    :param copies: how many copies of each row (top-level rows)
    :param where: SQL condition on the original row ``t`` (test code: never user input), with ``params``
    :param parent: ``(column, map)``: copy the rows whose ``column`` is in ``map`` once per copy
        of their parent, pointing to the parent's copy
    :param remap: {column: map} further columns pointing to rows copied in the same copy ``g``
    :param overrides: {column: SQL expression} over the original row ``t`` and its copy ``m``
        (e.g. a unique token: ``"md5(t.access_token || m.new_id)"``)
    """
    overrides = overrides or {}
    remap = dict(remap or {})
    map_name = f"clone_map_{table}"
    ident = SQL.identifier
    cr.execute(SQL("DROP TABLE IF EXISTS %s", ident(map_name)))
    if parent:
        column, parent_map = parent
        remap[column] = parent_map
        source = SQL("%s t JOIN %s p ON p.old_id = t.%s", ident(table), ident(parent_map), ident(column))
        generated = SQL("p.g")
    else:
        source = SQL("%s t CROSS JOIN generate_series(1, %s) g", ident(table), int(copies))
        generated = SQL("g")
    cr.execute(
        SQL(
            "CREATE TEMP TABLE %s AS SELECT t.id AS old_id, %s AS g, nextval(pg_get_serial_sequence(%s, 'id')) "
            "AS new_id FROM %s WHERE %s",
            ident(map_name),
            generated,
            table,
            source,
            SQL(where, *params),
        )
    )
    columns = _columns(cr, table)
    values = [
        SQL(overrides[column])
        if column in overrides
        else SQL(
            "COALESCE((SELECT r.new_id FROM %s r WHERE r.old_id = t.%s AND r.g = m.g), t.%s)",
            ident(remap[column]),
            ident(column),
            ident(column),
        )
        if column in remap
        else SQL("t.%s", ident(column))
        for column in columns
    ]
    cr.execute(
        SQL(
            "INSERT INTO %s (id, %s) SELECT m.new_id, %s FROM %s m JOIN %s t ON t.id = m.old_id",
            ident(table),
            SQL(", ").join(map(ident, columns)),
            SQL(", ").join(values),
            ident(map_name),
            ident(table),
        )
    )
    return map_name


def clone_relation(cr, table, column, row_map):
    """Copy the many2many rows of ``table`` whose ``column`` is a copied row of ``row_map``."""
    other = [name for name in _columns(cr, table) if name != column]
    cr.execute(
        SQL(
            "INSERT INTO %s (%s, %s) SELECT m.new_id, %s FROM %s r JOIN %s m ON m.old_id = r.%s",
            SQL.identifier(table),
            SQL.identifier(column),
            SQL(", ").join(map(SQL.identifier, other)),
            SQL(", ").join(SQL("r.%s", SQL.identifier(name)) for name in other),
            SQL.identifier(table),
            SQL.identifier(row_map),
            SQL.identifier(column),
        )
    )
