from . import report_informasi_jabatan
from . import sop_jabatan_grading_report
