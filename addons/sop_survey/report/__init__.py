from . import report_service_standard
from . import report_sinovik_certificate
from . import report_sinovik_proposal
from . import report_skm_poster
from . import report_skm_unit
