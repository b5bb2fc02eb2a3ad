from . import sinovik_portal
from . import sop_service_pages
from . import sop_skm_portal
from . import sop_skm_results
