"""The job map (peta jabatan) of an OPD as a tree, free of the ORM.

The caller passes the posts as plain dicts (``id``, ``parent_id`` = the post above, ``kind`` and
whatever the report prints); :func:`build_tree` returns the roots, each node with

* ``children``: the posts below it drawn as boxes side by side (the structural posts, and any
  post that has posts below it),
* ``stack``: the posts below it that have nobody below them and are pelaksana or fungsional,
  drawn as a column of small boxes under the box (as the printed peta jabatan does; it keeps a
  map of 40 posts within the width of a landscape page),
* ``columns``: how many box columns the node's subtree needs (at least 1).

A post whose post above is not in the list (another OPD, or none) is a root. Cycles cannot be
stored (``hr.job`` refuses them); a cycle in the input is broken at the first post met.
"""

STACKED_KINDS = ("pelaksana", "fungsional")


def build_tree(posts, key=None):
    """The forest of ``posts`` (dicts with ``id``, ``parent_id``, ``kind``), children in the order
    of ``key`` (default: the input order)."""
    by_id = {post["id"]: dict(post, children=[], stack=[], columns=1) for post in posts}
    order = {post["id"]: index for index, post in enumerate(posts)}
    if key is not None:
        order = {post["id"]: key(post) for post in posts}
    below = {}
    for node in by_id.values():
        parent = node.get("parent_id")
        if parent in by_id and parent != node["id"]:
            below.setdefault(parent, []).append(node)
    roots, seen = [], set()

    def attach(node):
        seen.add(node["id"])
        for child in sorted(below.get(node["id"], []), key=lambda n: order[n["id"]]):
            if child["id"] in seen:
                continue  # a cycle in the input: drawn once
            attach(child)
            if not child["children"] and not child["stack"] and child.get("kind") in STACKED_KINDS:
                node["stack"].append(child)
            else:
                node["children"].append(child)
        node["columns"] = max(1, sum(child["columns"] for child in node["children"]))

    for node in sorted(by_id.values(), key=lambda n: order[n["id"]]):
        parent = node.get("parent_id")
        if node["id"] not in seen and (parent not in by_id or parent == node["id"]):
            attach(node)
            roots.append(node)
    for node in sorted(by_id.values(), key=lambda n: order[n["id"]]):
        if node["id"] not in seen:  # only posts on a cycle are left
            attach(node)
            roots.append(node)
    return roots


def count(roots):
    """The number of posts in the forest."""
    return sum(1 + count(node["children"]) + len(node["stack"]) for node in roots)


def columns(roots):
    """The box columns the whole map needs (the width of the drawing)."""
    return max(1, sum(node["columns"] for node in roots))
