from . import sinovik_portal
from . import sop_skm_portal
