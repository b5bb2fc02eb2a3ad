from . import hr_department
from . import res_users
from . import sop_role
from . import sop_procedure
from . import sop_procedure_line
from . import sop_section
from . import sop_step
from . import tier_definition
