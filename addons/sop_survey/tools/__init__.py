from . import access
from . import http_input
from . import service_standard
from . import sinovik_scoring
from . import skm_answers
from . import skm_questionnaire
from . import statistics
