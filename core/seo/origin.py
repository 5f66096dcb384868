from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static


def site_origin(request=None):
    """The public scheme and host, e.g. "https://www.metro.example".

    settings.SITE_URL when it is set; otherwise the request's own, which
    honours SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST behind a proxy.
    """
    if settings.SITE_URL:
        return settings.SITE_URL
    if request is None:
        raise ValueError("Absolute URLs need settings.SITE_URL or a request.")
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(path, request=None):
    """`path` (e.g. from get_absolute_url) as an absolute URL on the public origin."""
    if urlsplit(path).scheme:
        return path
    return site_origin(request) + path


def absolute_static(path, request=None):
    return absolute_url(static(path), request)
