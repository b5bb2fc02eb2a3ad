from . import (
    test_access,
    test_procedure_constraints,
    test_procedure_lifecycle,
    test_role,
    test_seed_data,
    test_tools,
    test_ui_tour,
)
