from . import hr_department
from . import hr_employee
from . import hr_job
from . import sop_jabatan_abk_setting_mixin
from . import sop_jabatan_efficiency_band
from . import sop_jabatan_jke
from . import sop_jabatan_task
