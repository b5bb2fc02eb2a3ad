"""The public pages (/skm/hasil, /layanan): slugs from URLs and the cache of rendered fragments.

No ORM here. A page's fragment is cached with the *stamp* of the data it shows (one cheap query
of the controller: the latest change of the published periods, their results and follow-ups, the
units, services and effective standards). A publication, an unpublication, a standard becoming
effective or any other change gives a new stamp, and the next request renders the page again:
nothing is served stale, in any worker.
"""

import re
import threading
from collections import OrderedDict

from .http_input import valid_id

# the public pages are Indonesian whatever language the server has installed
FOLLOWUP_STATES = {
    "draft": "Direncanakan",
    "progress": "Sedang dilaksanakan",
    "done": "Selesai",
    "cancel": "Dibatalkan",
}

# "loket-perizinan-12" (ir.http._slug) or the bare id "12"
SLUG_RE = re.compile(r"(?:[a-z0-9][a-z0-9-]{0,150}-)?([0-9]{1,10})")


def slug_id(value):
    """The record id at the end of a URL slug, or None (anything else a browser sends: 404)."""
    if not isinstance(value, str):
        return None
    match = SLUG_RE.fullmatch(value)
    if not match:
        return None
    record_id = int(match.group(1))
    return record_id if valid_id(record_id) else None


class StampedCache:
    """A bounded LRU of ``key -> (stamp, value)``: a value counts only under the stamp it was made with."""

    def __init__(self, size):
        self.size = size
        self._items = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, stamp):
        """The value cached for ``key`` under ``stamp``, or None."""
        with self._lock:
            item = self._items.get(key)
            if item is None or item[0] != stamp:
                return None
            self._items.move_to_end(key)
            return item[1]

    def put(self, key, stamp, value):
        with self._lock:
            self._items[key] = (stamp, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self):
        with self._lock:
            self._items.clear()

    def __len__(self):
        return len(self._items)


def format_fixed(value, digits=2):
    """``82,45`` (Indonesian decimal comma, ``digits`` decimals always); '' for None/False."""
    if value is None or value is False:
        return ""
    text = f"{float(value):,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
