from . import sop_xlsx
