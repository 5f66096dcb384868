"""When the drills strike and how long they wait: the faults' timeline, the limits, and waiting."""

import time

# Criteria.
RECOVERY_LIMIT = 10.0  # seconds from PostgreSQL accepting connections to A's first 200
CACHE_RESUME_LIMIT = 15.0  # seconds from Redis answering to the block being cached again
CHANGE_LIMIT = 10.0  # seconds to keep polling B for a change that did not show at once

# Timeline of the fault drills, in seconds from the start of their load.
FAULT_AT = 2.0
REDIS_OUTAGE = 3.0
PG_GAP = 2.0
AFTER = 3.0  # load kept on after recovery


def wait_until(predicate, timeout, interval=0.05):
    """Poll until predicate() is true: the monotonic time it was, or None at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return time.monotonic()
        if time.monotonic() >= deadline:
            return None
        time.sleep(interval)


def sleep_until(moment):
    time.sleep(max(0.0, moment - time.monotonic()))
