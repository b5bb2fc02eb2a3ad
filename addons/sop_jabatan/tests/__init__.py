from . import test_abk_arithmetic
from . import test_abk_posts
from . import test_abk_xlsx
from . import test_access_policy
from . import test_form_new
from . import test_grading_arithmetic
from . import test_no_english
from . import test_translation
