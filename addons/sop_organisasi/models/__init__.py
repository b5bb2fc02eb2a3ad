from . import (
    hr_department,
    res_users,
    sop_procedure,
    sop_procedure_line,
    sop_role,
    sop_section,
    sop_step,
    tier_definition,
)
