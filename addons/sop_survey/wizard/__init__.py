from . import sop_sinovik_decision_wizard
