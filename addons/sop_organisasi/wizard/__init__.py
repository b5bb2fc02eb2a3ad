from . import sop_case_start_wizard
from . import sop_document_send_back
from . import sop_holiday_wizard
from . import sop_import_wizard
from . import sop_letter_void_wizard
from . import sop_letter_wizard
