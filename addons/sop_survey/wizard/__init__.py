from . import sop_sinovik_assign_wizard
from . import sop_sinovik_decision_wizard
from . import sop_skm_period_unpublish_wizard
