from django.conf import settings


def site(request):
    """The site's name and navigation, for every template."""
    from articles.models import Section

    return {
        "SITE_NAME": settings.SITE_NAME,
        "nav_sections": Section.objects.all(),
    }
