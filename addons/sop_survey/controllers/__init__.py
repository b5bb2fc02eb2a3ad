from . import sop_skm_portal
from . import sinovik_portal
