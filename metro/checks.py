from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from films.regions import REGIONS


@register(Tags.compatibility)
def check_site_url(app_configs, **kwargs):
    """SITE_URL, when set, must be a bare origin: canonical links and feeds are built on it."""
    if not settings.SITE_URL:
        return []
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.path or parts.query:
        return [
            Error(
                f"SITE_URL must be a scheme and host only, like https://www.metro.example; "
                f"got {settings.SITE_URL!r}.",
                id="metro.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_site_url_in_production(app_configs, **kwargs):
    if settings.SITE_URL:
        return []
    return [
        Warning(
            "SITE_URL is not set, so canonical links, feeds, sitemaps and structured "
            "data take their host from each request.",
            hint="Set SITE_URL to the public origin, e.g. https://www.metro.example.",
            id="metro.W001",
        )
    ]


@register(Tags.compatibility)
def check_site_region(app_configs, **kwargs):
    """METRO_SITE_REGION must be a country code: films show where to watch there."""
    if settings.METRO_SITE_REGION in REGIONS:
        return []
    return [
        Error(
            f"METRO_SITE_REGION must be an ISO 3166-1 alpha-2 country code such as US or GB; "
            f"got {settings.METRO_SITE_REGION!r}.",
            id="metro.E002",
        )
    ]
