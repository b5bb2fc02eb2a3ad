"""Pure helpers (no ORM state) shared by the SOP addons.

Other addons import them from here too, so the rules live in one place.
"""

from . import database
from . import dates
from . import duration
from . import flowchart
from . import letter_number
from . import nip
from . import number_format
from . import schedule
from . import sop_xlsx
from . import workflow
from . import xlsx_reader
from . import xlsx_writer
from . import year
