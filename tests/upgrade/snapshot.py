"""Snapshot every stored value of the product's models, and compare two snapshots.

    python snapshot.py take DB FILE          # every stored column of every field of sop_organisasi/sop_survey/sop_jabatan
    python snapshot.py compare BEFORE AFTER  # exit 1 on any difference not listed in expected_changes.py

A snapshot is read with SQL from the database itself (no Odoo code), so the same tool reads the
database of a shipped release and the upgraded one. It holds, for every field that one of the
product's addons defines or extends (its ``ir_model_data`` entries), stored and not computed on the
fly, the value of every row: ``{table: {id: {column: value}}}``; many2many fields are read from
their relation tables. Rows are keyed by id: an upgrade keeps ids. ``_versions`` holds the installed
versions of the product's modules: the compare expects the changes of the versions after them.
"""

import json
import sys

import psycopg2

PRODUCT = ("sop_organisasi", "sop_survey", "sop_jabatan")
# bookkeeping columns that any write changes, not data
IGNORED_COLUMNS = {"write_date", "write_uid"}
VERSIONS = "_versions"


def _product_fields(cr):
    cr.execute(
        """
        SELECT f.model, f.name, f.ttype, f.relation_table, f.column1, f.column2, m.model
          FROM ir_model_fields f JOIN ir_model m ON m.id = f.model_id
         WHERE f.store AND f.ttype != 'one2many' AND NOT coalesce(m.transient, false)
           AND EXISTS (SELECT 1 FROM ir_model_data d
                        WHERE d.model = 'ir.model.fields' AND d.res_id = f.id AND d.module = ANY(%s))
        """,
        [list(PRODUCT)],
    )
    return cr.fetchall()


def _table_exists(cr, table):
    cr.execute("SELECT 1 FROM information_schema.tables WHERE table_name = %s", [table])
    return bool(cr.fetchone())


def _columns(cr, table):
    cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table])
    return {row[0] for row in cr.fetchall()}


def take(dbname):
    conn = psycopg2.connect(dbname=dbname, host="127.0.0.1", user="odoo")
    cr = conn.cursor()
    by_table = {}
    relations = {}
    for model, name, ttype, relation_table, column1, column2, _model in _product_fields(cr):
        if name in IGNORED_COLUMNS:
            continue
        if ttype == "many2many":
            if relation_table:
                relations[relation_table] = (column1, column2, f"{model}.{name}")
            continue
        by_table.setdefault(model.replace(".", "_"), set()).add(name)
    cr.execute(
        "SELECT name, latest_version FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)",
        [list(PRODUCT)],
    )
    snapshot = {VERSIONS: dict(cr.fetchall())}
    for table, names in sorted(by_table.items()):
        if not _table_exists(cr, table):
            continue  # an abstract model or a view
        stored = sorted(names & _columns(cr, table))
        if not stored:
            continue
        cols = ", ".join(f'"{n}"' for n in stored)
        cr.execute(f'SELECT id, {cols} FROM "{table}" ORDER BY id')
        snapshot[table] = {
            str(row[0]): {n: _plain(v) for n, v in zip(stored, row[1:], strict=True)} for row in cr.fetchall()
        }
    for table, (column1, column2, label) in sorted(relations.items()):
        if not _table_exists(cr, table):
            continue
        cr.execute(f'SELECT "{column1}", "{column2}" FROM "{table}" ORDER BY 1, 2')
        snapshot[f"m2m:{label}"] = sorted([a, b] for a, b in cr.fetchall())
    conn.close()
    return snapshot


def _plain(value):
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    if isinstance(value, (dict, list)):
        return value
    return str(value)


def compare(before, after, expected):
    """The differences between two snapshots that ``expected`` does not explain, as readable lines.

    ``expected`` (expected_changes.Expected): ``renamed`` {(table, old): new} columns, ``changed``
    {(table, column): reason} values an upgrade changes on purpose, ``dropped`` {(table, column): reason}.
    Returns (values compared, problems, {(table, new column): rows of before with a value in it}).
    """
    problems = []
    compared = 0
    added = {}
    for table, rows in before.items():
        if table == VERSIONS:
            continue
        if table.startswith("m2m:"):
            compared += len(rows)
            kept = {tuple(link) for link in after.get(table, [])}
            lost = [link for link in rows if tuple(link) not in kept]  # new links (new rows) are fine
            if lost:
                problems.append(f"{table}: {len(lost)} links lost, e.g. {lost[:3]}")
            continue
        after_rows = after.get(table)
        if after_rows is None:
            problems.append(f"{table}: the table is gone")
            continue
        for rec_id, values in rows.items():
            new_values = after_rows.get(rec_id)
            if new_values is None:
                problems.append(f"{table} #{rec_id}: the row is gone")
                continue
            for column, value in values.items():
                compared += 1
                new_column = expected.renamed.get((table, column), column)
                if (table, column) in expected.changed:
                    continue
                if new_column not in new_values:
                    if (table, column) not in expected.dropped:
                        problems.append(f"{table}.{column}: the column is gone (value {value!r} of #{rec_id} lost)")
                    continue
                if new_values[new_column] != value:
                    problems.append(f"{table} #{rec_id}.{column}: {value!r} -> {new_values[new_column]!r}")
            _count_added(added, table, values, new_values, expected)
    return compared, problems, added


def _count_added(added, table, values, new_values, expected):
    """Count in ``added`` the columns a row of before has a value in after the upgrade and had not."""
    known = {expected.renamed.get((table, column), column) for column in values}
    for column, value in new_values.items():
        if column not in known and value not in (None, False, "", 0):
            added[(table, column)] = added.get((table, column), 0) + 1


def main(argv):
    if len(argv) == 4 and argv[1] == "take":
        with open(argv[3], "w", encoding="utf-8") as out:
            json.dump(take(argv[2]), out, sort_keys=True, default=str)
        return 0
    if len(argv) == 4 and argv[1] == "compare":
        sys.path.insert(0, __file__.rsplit("/", 1)[0])
        import expected_changes  # noqa: PLC0415 - beside this script

        with open(argv[2], encoding="utf-8") as f:
            before = json.load(f)
        with open(argv[3], encoding="utf-8") as f:
            after = json.load(f)
        expected = expected_changes.for_upgrade(before[VERSIONS])
        compared, problems, added = compare(before, after, expected)
        for line in problems[:200]:
            print(f"  UNEXPECTED {line}")
        for (table, column), count in sorted(added.items()):
            why = expected.added.get((table, column), "not compared before: a column new to the product's fields")
            print(f"  NEW {table}.{column}: {count} rows of before have a value ({why})")
        unused = sorted(set(expected.added) - set(added))
        for table, column in unused:
            problems.append(f"{table}.{column}: expected a value on the rows of before, none has one")
            print(f"  UNEXPECTED {problems[-1]}")
        versions = ", ".join(f"{module} {version}" for module, version in sorted(before[VERSIONS].items()))
        print(f"upgrade snapshot from {versions}: {compared} values compared, {len(problems)} unexpected differences")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
