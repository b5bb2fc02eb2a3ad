from . import report_sop_document
