"""Assertions for the end-to-end check scripts: every failure is collected
and printed, so that one run shows all that is wrong, not only the first."""
import sys

_failures = []
_checks = 0


def check(cond, what):
    global _checks
    _checks += 1
    if not cond:
        _failures.append(what)


def finish():
    """Prints the failures and a count line; exits 1 if anything failed."""
    for f in _failures:
        print("FEL:", f)
    print(f"{_checks - len(_failures)} passed, {len(_failures)} failed")
    sys.exit(1 if _failures else 0)
