# isort: off
# the mixins before the models that inherit them (hr_job, imported by the post line mixin, inherits the first)
from . import sop_jabatan_nomenclature_mixin
from . import sop_jabatan_opd_year_mixin
from . import sop_jabatan_post_line_mixin

# isort: on
from . import hr_department
from . import hr_department_documents
from . import hr_employee
from . import hr_job
from . import hr_skill
from . import hr_skill_type
from . import sop_case
from . import sop_jabatan_abk_setting_mixin
from . import sop_jabatan_analysis
from . import sop_jabatan_analysis_io
from . import sop_jabatan_anjab
from . import sop_jabatan_anjab_authority
from . import sop_jabatan_anjab_hazard
from . import sop_jabatan_anjab_material
from . import sop_jabatan_anjab_qualification
from . import sop_jabatan_anjab_relation
from . import sop_jabatan_anjab_responsibility
from . import sop_jabatan_anjab_result
from . import sop_jabatan_anjab_tool
from . import sop_jabatan_competency_indicator
from . import sop_jabatan_competency_level
from . import sop_jabatan_efficiency_band
from . import sop_jabatan_grading_band
from . import sop_jabatan_grading_factor
from . import sop_jabatan_grading_factor_level
from . import sop_jabatan_grading_line
from . import sop_jabatan_grading_team
from . import sop_jabatan_jke
from . import sop_jabatan_nomenclature
from . import sop_jabatan_requirement_option
from . import sop_jabatan_sheet
from . import sop_jabatan_skj
from . import sop_jabatan_skj_competency
from . import sop_jabatan_skj_default_level
from . import sop_jabatan_skj_performance
from . import sop_jabatan_skj_requirement
from . import sop_jabatan_skj_set
from . import sop_jabatan_skj_set_io
from . import sop_jabatan_task
from . import sop_procedure
from . import tier_definition

# isort: off
# who meets the standard: query models on the SKJ tables above (kept last)
from . import sop_jabatan_jpm_band
from . import sop_jabatan_skj_match
from . import sop_jabatan_skj_holder
from . import sop_jabatan_training_need
