from django.conf import settings


def site(request):
    """The site's name and navigation, for every template."""
    from articles.models import Section

    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_LOCALE": settings.SITE_LOCALE,
        "SITE_TWITTER": settings.SITE_TWITTER,
        "nav_sections": Section.objects.all(),
    }
