import math


def record_order(record):
    """Sort key of a record that may be new (a form being edited): saved ones by id, new ones after.

    New records (``NewId``) cannot be compared with each other; their saved origin's id is used
    when there is one.
    """
    return record.id or record._origin.id or math.inf
