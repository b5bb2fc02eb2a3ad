from . import controllers
from . import models
from . import report
from . import tools
from . import wizard


def post_init_hook(env):
    """The database's settings for Odoo's short queries (tools/database.py)."""
    tools.database.disable_jit(env.cr)
