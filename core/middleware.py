import logging
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger("metro.requests")


class RequestLogMiddleware:
    """One line per request: method, path, status, duration, size and client."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 2)
        size = None if response.streaming else len(response.content)
        logger.info(
            "%s %s %s",
            request.method,
            request.get_full_path(),
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "bytes": size,
                "remote_addr": request.META.get("REMOTE_ADDR", ""),
                "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
            },
        )
        return response


class DatabaseUnavailableMiddleware:
    """A view that loses the database answers 503 at once, logged as one line, not a traceback:
    during an outage every request fails the same known way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_AWAY):
            logger.warning(
                "Database unavailable: %s", (str(exception).strip() or "no detail").splitlines()[0]
            )
            return database_unavailable()
        return None


DATABASE_AWAY = (OperationalError, InterfaceError)


def database_unavailable():
    """The 503 page: a plain template that needs no database."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = "10"
    response["Cache-Control"] = "no-store"
    return response
