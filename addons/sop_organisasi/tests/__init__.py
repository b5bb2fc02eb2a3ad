from . import test_access
from . import test_procedure_constraints
from . import test_procedure_lifecycle
from . import test_role
from . import test_seed_data
from . import test_tools
from . import test_ui_tour
