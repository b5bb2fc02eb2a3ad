"""Pure helpers (no ORM state) shared by the SOP addons.

Import them from here in ``sop_survey`` too, so the rules live in one place.
"""

from . import dates
from . import duration
from . import flowchart
from . import letter_number
from . import nip
from . import schedule
from . import sinovik_scoring
from . import skm_questionnaire
from . import sop_xlsx
from . import statistics
from . import workflow
from . import xlsx_writer
