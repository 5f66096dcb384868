"""Figures from what the drills saw: request summaries by phase, and what the instances logged."""

from collections import Counter


def percentile(sorted_values, fraction):
    if not sorted_values:
        return None
    index = max(0, min(len(sorted_values) - 1, round(fraction * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def summarize(hits, seconds=None):
    latencies = sorted(hit.end - hit.start for hit in hits)
    statuses = Counter(str(hit.status) if hit.status else "no answer" for hit in hits)
    kinds = Counter(hit.kind for hit in hits)
    p50, p99 = percentile(latencies, 0.50), percentile(latencies, 0.99)
    slowest = latencies[-1] if latencies else None
    return {
        "requests": len(hits),
        "statuses": dict(sorted(statuses.items())),
        "kinds": dict(sorted(kinds.items())),
        "errors": sum(1 for hit in hits if hit.status != 200),
        "5xx": sum(1 for hit in hits if hit.status is not None and hit.status >= 500),
        "no_answer": sum(1 for hit in hits if hit.status is None),
        "error_pages": kinds.get("error page", 0),
        "p50_ms": None if p50 is None else round(p50 * 1000, 1),
        "p99_ms": None if p99 is None else round(p99 * 1000, 1),
        "max_ms": None if slowest is None else round(slowest * 1000, 1),
        "seconds": None if seconds is None else round(seconds, 2),
        "per_second": round(len(hits) / seconds, 1) if seconds else None,
    }


def phases(hits, marks):
    """Split hits at the marks by when they were answered: [(label, summary)]. A request
    in flight when the fault struck belongs to the fault's phase."""
    result = []
    for (label, since), (_, until) in zip(marks, marks[1:], strict=False):
        chosen = [hit for hit in hits if since <= hit.end < until]
        result.append((label, summarize(chosen, until - since)))
    return result


def log_figures(instance, mark):
    """What the instance logged: warning and error lines by message, 5xx lines, worker boots."""
    records, gunicorn_lines = instance.log_since(mark)
    noted = Counter()
    exceptions = Counter()
    for record in records:
        level = record.get("level")
        logger = record.get("logger")
        status = record.get("status")
        message = (
            str(record.get("message", "")).splitlines()[0][:100] if record.get("message") else ""
        )
        if logger == "metro.requests" and isinstance(status, int) and status >= 500:
            noted[f"{level} {logger}: requests answered {status}"] += 1
        elif level in {"WARNING", "ERROR", "CRITICAL", "RAW"}:
            if logger == "django.request":
                # "Service Unavailable: /path": one line per reason, whatever the path.
                message = message.split(": /")[0] + ": (path)"
            noted[f"{level} {logger}: {message}"] += 1
        if record.get("traceback"):
            exceptions[exception_line(record["traceback"])] += 1
    return {
        "lines": len(records),
        "noted": dict(noted.most_common(8)),
        "exceptions": dict(exceptions.most_common(4)),
        "worker_boots": sum("Booting worker" in line for line in gunicorn_lines),
        "gunicorn_errors": [line for line in gunicorn_lines if "[ERROR]" in line][:5],
    }


def exception_line(traceback):
    """The traceback's "Type: message" line (its last line not indented), shortened."""
    lines = [line for line in traceback.strip().splitlines() if line and not line[0].isspace()]
    return (lines[-1] if lines else traceback.strip()[-160:])[:160]


def bad_hits_sample(hits, limit=3):
    return [
        {"instance": h.instance, "path": h.path, "status": h.status, "kind": h.kind}
        for h in hits
        if h.status != 200
    ][:limit]
