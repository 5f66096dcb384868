"""Datetimes written for machines: HTML's datetime attributes, schema.org, Open Graph."""

from django.utils import timezone


def machine_datetime(moment):
    """`moment` in the newsroom's zone, to the whole second, with its UTC offset:
    "2024-03-04T21:30:00-05:00"; "" for None.

    Python's isoformat() and Django's date:"c" add six digits of microseconds
    whenever a time has any (every time Django stamps with now()), and HTML
    allows at most three, so every page that printed one was invalid.
    """
    if moment is None:
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(microsecond=0).isoformat()
