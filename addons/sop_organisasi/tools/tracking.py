"""The chatter keeps the changes of many2many fields that confer rights (Odoo tracks scalars only)."""

from markupsafe import Markup


def many2many_before(records, names, vals):
    """``{id: {field: recordset}}`` of the ``names`` that ``vals`` writes, read before the write."""
    written = [name for name in names if name in vals]
    if not written:
        return {}
    return {record.id: {name: record[name] for name in written} for record in records}


def post_many2many_changes(records, before, target=None):
    """Post on each record (or ``target(record)``) who or what was added to and removed from the fields
    of ``before`` (:func:`many2many_before`)."""
    for record in records:
        lines = []
        for name, old in before.get(record.id, {}).items():
            new = record[name]
            label = record._fields[name]._description_string(record.env)
            added, removed = new - old, old - new
            if added:
                lines.append(
                    record.env._(
                        "%(field)s added: %(names)s", field=label, names=", ".join(added.mapped("display_name"))
                    )
                )
            if removed:
                lines.append(
                    record.env._(
                        "%(field)s removed: %(names)s", field=label, names=", ".join(removed.mapped("display_name"))
                    )
                )
        if lines:
            (target(record) if target else record).message_post(body=Markup("<br/>").join(lines))
