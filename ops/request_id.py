"""A request id for every request, and one log line per request.

The id comes from the proxy's ``X-Request-ID`` when it looks like one (nginx's $request_id, a
UUID), else a new one; it is sent back in the response's ``X-Request-ID`` and added to every log
record written while the request is handled (``RequestIdFilter``), so one id finds a request's
lines in the proxy's and the site's logs. The request line holds no personal data: method, path
without its query string (searches can hold names or national identity numbers), status and
duration; secrets in a path (a cancellation link's token, a certificate's code, which shows
whose it is) are replaced by "[secret]".
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
SAFE_ID = re.compile(r"[A-Za-z0-9._-]{8,128}")

# Page slugs are lower case; tokens (secrets.token_urlsafe, signed values, certificate codes)
# are long and have capitals or colons.
SECRET_SEGMENT = re.compile(r"(?=[^/]*[A-Z:])[^/]{16,}")

current_request_id = ContextVar("request_id", default="-")
logger = logging.getLogger("ops.requests")


def request_id_for(request):
    offered = request.headers.get(HEADER, "")
    return offered if SAFE_ID.fullmatch(offered) else uuid.uuid4().hex


def path_for_log(path):
    return SECRET_SEGMENT.sub("[secret]", path)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_for(request)
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            path = path_for_log(request.path)
            logger.info(
                "%s %s %s %sms",
                request.method,
                path,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                },
            )
            return response
        finally:
            current_request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record ("-" outside a request)."""

    def filter(self, record):
        record.request_id = current_request_id.get()
        return True
