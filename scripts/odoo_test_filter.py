"""Echo the interesting lines of an Odoo test run (progress, failures, errors)."""

import re
import sys

INTERESTING = re.compile(
    r" (ERROR|CRITICAL|WARNING) |odoo\.tests\.(result|stats)|Starting |running tests|skipped |"
    r"post-tests in|tests in \d|FAIL|Traceback"
)

in_traceback = False
for line in sys.stdin:
    starts_log = bool(re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", line))
    if starts_log:
        in_traceback = bool(re.search(r" (ERROR|CRITICAL) ", line))
    if INTERESTING.search(line) or (in_traceback and not starts_log):
        sys.stdout.write(line)
        sys.stdout.flush()
