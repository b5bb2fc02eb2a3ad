# isort: off
from . import sop_signatory_mixin  # before the models that inherit it
from . import sop_workflow_state_mixin
from . import tier_validation  # before the models that inherit tier.validation
from . import sop_approval_activity_mixin  # before the versioned documents
from . import sop_document_version_mixin
from . import sop_document_content_mixin

# isort: on
from . import hr_department
from . import ir_actions_report
from . import ir_attachment
from . import ir_http
from . import ir_module_module
from . import mail_activity
from . import mail_thread
from . import mail_tracking_value
from . import res_company
from . import res_groups
from . import res_users
from . import resource_calendar
from . import sop_assessment_mixin
from . import sop_assessment_workflow
from . import sop_case
from . import sop_case_history
from . import sop_case_letter
from . import sop_case_step
from . import sop_case_step_letter
from . import sop_dashboard
from . import sop_evaluation
from . import sop_evaluation_line
from . import sop_letter
from . import sop_letter_agenda
from . import sop_letter_template
from . import sop_monitoring
from . import sop_monitoring_line
from . import sop_procedure
from . import sop_procedure_content
from . import sop_procedure_line
from . import sop_procedure_monitoring
from . import sop_procedure_xlsx
from . import sop_role
from . import sop_section
from . import sop_setup_item
from . import sop_step
from . import tier_definition
from . import tier_review
