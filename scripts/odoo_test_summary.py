"""Turn an Odoo test log (and the results of the system tests) into the line ``N passed, N failed``.

Usage: odoo_test_summary.py ODOO_LOG [SYSTEM_RESULTS]
SYSTEM_RESULTS (optional) has one line per system test run outside Odoo (upgrade, production,
backup): ``PASS name`` or ``FAIL name``; each counts as one test.

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


def system_results(path):
    """(passed, failed) of the system tests' result file."""
    passed = failed = 0
    with open(path, encoding="utf-8") as results:
        for line in results:
            if line.startswith("PASS "):
                passed += 1
            elif line.startswith("FAIL "):
                failed += 1
                print("system test failed:", line[5:].strip(), file=sys.stderr)
    return passed, failed


def main(path, system_path=None):
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
    system_passed, system_failed = system_results(system_path) if system_path else (0, 0)
    print(f"skipped tests counted as failures: {skipped}; errors outside tests: {stray}")
    if system_path:
        print(f"system tests: {system_passed} passed, {system_failed} failed")
    print(f"{passed + system_passed} passed, {bad + skipped + stray + system_failed + (0 if found else 1)} failed")
    return 1 if (bad or skipped or stray or system_failed or not found or total == 0) else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
