"""Turn an Odoo test log into the line ``N passed, N failed``.

Counts as failed: failed tests, tests in error, skipped tests (a skipped browser
tour means Chromium or websocket-client is missing) and any ERROR/CRITICAL log
line outside a test (e.g. a module that does not install). Exit status 1 if
anything failed or no test ran.
"""

import re
import sys

RESULT = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
SKIPPED = re.compile(r" INFO \S+ odoo\.addons\.\S+: skipped ")
PROBLEM = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (ERROR|CRITICAL) ")
TEST_PROBLEM = re.compile(r"(ERROR|CRITICAL) \S+ odoo\.(addons\.\S+\.tests|tests)")


def main(path):
    failed = errors = total = skipped = stray = 0
    found = False
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            match = RESULT.search(line)
            if match:
                found = True
                failed, errors, total = (int(g) for g in match.groups())
                continue
            if SKIPPED.search(line):
                skipped += 1
            elif PROBLEM.search(line) and not TEST_PROBLEM.search(line) and "odoo.tests.result" not in line:
                stray += 1
                print("problem outside tests:", line.rstrip(), file=sys.stderr)
    if not found:
        print("no Odoo test result line found: the addons did not install or no test ran", file=sys.stderr)
    bad = failed + errors
    passed = max(total - bad - skipped, 0)
    print(f"skipped tests counted as failures: {skipped}; errors outside tests: {stray}")
    print(f"{passed} passed, {bad + skipped + stray + (0 if found else 1)} failed")
    return 1 if (bad or skipped or stray or not found or total == 0) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
