from . import test_sinovik_access
from . import test_sinovik_reports
from . import test_sinovik_scoring
from . import test_sinovik_tour
from . import test_sinovik_workflow
from . import test_skm_ikm
from . import test_skm_portal
from . import test_skm_statistics
