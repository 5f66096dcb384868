"""Load: wrk runs and what their output says, and the memory run's request loop."""

import http.client
import re
import subprocess
import time

from bench.servers import HOST, BenchError, fetch

WRK_THREADS = 2
WRK_TIMEOUT = "10s"

TIME_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
BYTE_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}


def milliseconds(text):
    """wrk's '1.23ms', '850.00us', '1.02s' as milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match[1]) * TIME_UNITS[match[2]]


def parse_wrk(output):
    """The figures of `wrk --latency` output: requests, req/s, p50/p99 ms, errors, bytes."""
    requests = re.search(
        r"^\s*(\d+) requests in ([\d.]+\w+), ([\d.]+)([KMGT]?)B read", output, re.M
    )
    per_second = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    if not requests or not per_second:
        raise ValueError("no summary in wrk's output:\n" + output)
    count = int(requests[1])
    bytes_read = float(requests[3]) * BYTE_UNITS[requests[4]]
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+\w+)\s*$", output, re.M))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = {
        "non_2xx_3xx": int(non_2xx[1]) if non_2xx else 0,
        **dict(
            zip(
                ("connect", "read", "write", "timeout"),
                (int(n) for n in socket_errors.groups()) if socket_errors else (0, 0, 0, 0),
                strict=True,
            )
        ),
    }
    return {
        "requests": count,
        "seconds": milliseconds(requests[2]) / 1000,
        "rps": float(per_second[1]),
        "p50_ms": milliseconds(latency["50"]) if count and "50" in latency else None,
        "p99_ms": milliseconds(latency["99"]) if count and "99" in latency else None,
        "errors": sum(errors.values()),
        "error_detail": errors,
        # Includes headers, and the part read of responses unfinished at the end.
        "wire_bytes_per_response": round(bytes_read / count) if count else None,
    }


def run_wrk(port, path, *, duration, connections):
    command = [
        "wrk",
        f"-t{min(WRK_THREADS, connections)}",
        f"-c{connections}",
        f"-d{duration}s",
        f"--timeout={WRK_TIMEOUT}",
        "--latency",
        f"http://{HOST}:{port}{path}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    if result.returncode != 0:
        raise BenchError(f"{' '.join(command)} failed: {result.stderr.strip()}")
    return parse_wrk(result.stdout)


def memory_run(port, paths, total, checkpoints, rss, seconds):
    """Up to `total` requests cycling over `paths`, one at a time, for at most `seconds`.

    rss() is sampled before, at each checkpoint, every tenth of `seconds` (so a
    slow run cut short still shows a trend), and at the end.
    Returns (samples [(requests done, MB)], errors).
    """
    started = time.monotonic()
    deadline = started + seconds
    next_sample = started + seconds / 10
    samples = [(0, rss())]
    errors = 0
    done = 0
    while done < total and time.monotonic() < deadline:
        try:
            status, _, _ = fetch(port, paths[done % len(paths)], timeout=120)
            errors += status >= 400
        except (OSError, http.client.HTTPException):
            errors += 1
        done += 1
        if done in checkpoints or time.monotonic() >= next_sample:
            samples.append((done, rss()))
            next_sample = time.monotonic() + seconds / 10
    if samples[-1][0] != done:
        samples.append((done, rss()))
    return samples, errors


def half_growth(samples):
    """MB gained over the second half of a memory run (last sample minus the middle one)."""
    if not samples or any(mb is None for _, mb in samples):
        return None
    middle = min(samples, key=lambda sample: abs(sample[0] - samples[-1][0] / 2))
    return samples[-1][1] - middle[1]
