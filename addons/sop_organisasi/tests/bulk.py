"""Copy rows by the thousand with SQL, for tests that need many records around the ones they use.

The ORM would take minutes to start a thousand cases of a 26-step SOP; copying a
started case row by row keeps every column (dates, states, links) as the ORM
wrote it.
"""


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
    :param parent: ``(column, map)``: copy the rows whose ``column`` is in ``map`` once per copy
        of their parent, pointing to the parent's copy
    :param remap: {column: map} further columns pointing to rows copied in the same copy ``g``
    :param overrides: {column: SQL expression} over the original row ``t`` and its copy ``m``
        (e.g. a unique token: ``"md5(t.access_token || m.new_id)"``)
    """
    overrides = overrides or {}
    remap = dict(remap or {})
    map_name = f"clone_map_{table}"
    cr.execute(f"DROP TABLE IF EXISTS {map_name}")
    sequence = f"pg_get_serial_sequence('{table}', 'id')"
    if parent:
        column, parent_map = parent
        remap[column] = parent_map
        source = f"FROM {table} t JOIN {parent_map} p ON p.old_id = t.{column}"
        generated = "p.g"
    else:
        source = f"FROM {table} t CROSS JOIN generate_series(1, {int(copies)}) g"
        generated = "g"
    cr.execute(
        f"CREATE TEMP TABLE {map_name} AS SELECT t.id AS old_id, {generated} AS g, nextval({sequence}) AS new_id "
        f"{source} WHERE {where}",
        list(params),
    )
    columns = _columns(cr, table)
    values = [
        overrides[column]
        if column in overrides
        else f"COALESCE((SELECT r.new_id FROM {remap[column]} r WHERE r.old_id = t.{column} AND r.g = m.g), t.{column})"
        if column in remap
        else f"t.{column}"
        for column in columns
    ]
    cr.execute(
        f"INSERT INTO {table} (id, {', '.join(columns)}) "
        f"SELECT m.new_id, {', '.join(values)} FROM {map_name} m JOIN {table} t ON t.id = m.old_id"
    )
    return map_name


def clone_relation(cr, table, column, row_map):
    """Copy the many2many rows of ``table`` whose ``column`` is a copied row of ``row_map``."""
    other = [name for name in _columns(cr, table) if name != column]
    cr.execute(
        f"INSERT INTO {table} ({column}, {', '.join(other)}) "
        f"SELECT m.new_id, {', '.join(f'r.{name}' for name in other)} FROM {table} r JOIN {row_map} m ON m.old_id = r.{column}"
    )
