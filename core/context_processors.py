"""What every template may use: the site's own name and locale."""

from django.conf import settings


def site(request):
    """The site's name, locale and social handle, for every template."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_LOCALE": settings.SITE_LOCALE,
        "SITE_TWITTER": settings.SITE_TWITTER,
    }
