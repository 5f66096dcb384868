"""Log records as one JSON object per line, for log shippers, and filters that shape them."""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed in `extra=` and is kept.
STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry |= {
            key: value
            for key, value in vars(record).items()
            if key not in STANDARD_ATTRIBUTES and not key.startswith("_") and key != "request"
        }
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class OneWarningLine(logging.Filter):
    """Log a record as one WARNING line without its traceback: for requests refused for
    a reason the message says in full (a Host header not in ALLOWED_HOSTS, sent by
    scanners all day), where a traceback adds nothing and ERROR would wake someone."""

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = None
        return True
