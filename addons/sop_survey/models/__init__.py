# isort: off
from . import sop_workflow_state_mixin  # before the models that inherit it

# isort: on
from . import hr_department
from . import ir_attachment
from . import res_users
from . import sop_dashboard
from . import sop_setup_item
from . import sop_sinovik_assignment
from . import sop_sinovik_attachment_type
from . import sop_sinovik_category
from . import sop_sinovik_competition
from . import sop_sinovik_criterion
from . import sop_sinovik_group
from . import sop_sinovik_part_mixin
from . import sop_sinovik_proposal
from . import sop_sinovik_proposal_answer
from . import sop_sinovik_proposal_document
from . import sop_sinovik_result
from . import sop_sinovik_score
from . import sop_sinovik_sdg
from . import sop_sinovik_section
from . import sop_sinovik_stage
from . import sop_skm_correction
from . import sop_skm_followup
from . import sop_skm_ikm
from . import sop_skm_period
from . import sop_skm_population
from . import sop_skm_result
from . import sop_skm_service
from . import sop_skm_survey_question
from . import sop_skm_survey_question_answer
from . import sop_skm_survey_survey
from . import sop_skm_survey_user_input
from . import sop_skm_survey_user_input_line
from . import sop_skm_unit
from . import sop_skm_visit
