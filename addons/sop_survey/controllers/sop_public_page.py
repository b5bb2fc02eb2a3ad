from datetime import datetime

from markupsafe import Markup

from odoo.addons.sop_organisasi.tools.dates import format_date_long
from odoo.addons.sop_organisasi.tools.dates import utc_to_local
from odoo.http import request

from ..tools.public_pages import StampedCache
from ..tools.public_pages import format_fixed
from ..tools.public_pages import slug_id

# rendered fragments (the page without its layout), per database and page, under the data's stamp
FRAGMENTS = StampedCache(4000)
# report PDFs of published periods: larger, fewer
PDFS = StampedCache(64)
PUBLIC_LANG = "id_ID"


class PublicNotFound(Exception):
    """The page shows nothing published (unknown, unpublished, not effective...): 404."""


class PublicPage:
    """The public pages (/skm/hasil, /layanan): no login, Indonesian, cached fragments of published data.

    A page is ``key -> (title, template, values)``, built only on a cache miss; the fragment is cached
    under the stamp of the published data (``sop.skm.publication._public_stamp``): any publication,
    unpublication or change renders it again on the next request, in every worker.
    """

    @staticmethod
    def _public_env():
        """Superuser, in Indonesian when installed: the pages choose what they show (published data only)."""
        env = request.env(su=True)
        if env["res.lang"]._get_code(PUBLIC_LANG):
            env = env(context=dict(env.context, lang=PUBLIC_LANG))
        return env

    @staticmethod
    def _slug(record):
        return request.env["ir.http"]._slug(record)

    @staticmethod
    def _record(model, slug, env):
        """The record named by the URL slug, or ``PublicNotFound``."""
        record_id = slug_id(slug)
        record = env[model].browse(record_id).exists() if record_id else env[model]
        if not record:
            raise PublicNotFound()
        return record

    @staticmethod
    def _date_long(value):
        """``6 Desember 2026``; a datetime (UTC) on its day in Mojokerto (WIB)."""
        if isinstance(value, datetime):
            value = utc_to_local(value).date()
        return format_date_long(value)

    def _helpers(self):
        return {
            "fmt": format_fixed,
            "date_long": self._date_long,
            "slug": self._slug,
        }

    def _stamp(self, env):
        return env["sop.skm.publication"]._public_stamp()

    def _serve(self, key, build):
        """The page ``key``: its cached fragment when the published data has not changed, else ``build()``."""
        env = self._public_env()
        stamp = self._stamp(env)
        cache_key = (request.db, key)
        cached = FRAGMENTS.get(cache_key, stamp)
        if cached is None:
            try:
                title, template, values = build(env)
            except PublicNotFound:
                # not cached: an unknown id costs one query, and fills no cache entry
                return self._not_found()
            cached = (title, Markup(env["ir.qweb"]._render(template, dict(values, **self._helpers()))))
            FRAGMENTS.put(cache_key, stamp, cached)
        title, fragment = cached
        return request.render("sop_survey.public_page", {"page_title": title, "fragment": fragment})

    def _not_found(self):
        return request.render(
            "sop_survey.public_page",
            {"page_title": "Halaman tidak ditemukan", "fragment": None, "not_found": True},
            status=404,
        )
