"""JSON lines for production logs: one object per record, with the request id, the request
line's fields when present, and the traceback of an error as one string."""

import json
import logging
from datetime import UTC, datetime

# Fields a record may carry as ``extra`` (ops/request_id.py); nothing else is copied, so an
# object passed along by a library (Django adds the whole request) never reaches the log.
EXTRA_FIELDS = ("method", "path", "status", "duration_ms")


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for field in EXTRA_FIELDS:
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)
