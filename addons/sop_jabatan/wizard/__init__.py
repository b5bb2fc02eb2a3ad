from . import sop_jabatan_import_wizard
from . import sop_jabatan_recap_wizard
from . import sop_jabatan_skj_assessment_wizard
from . import sop_jabatan_skj_gap_wizard
from . import sop_jabatan_skj_import_wizard
