"""Addresses readers may follow off the site: web addresses only, never javascript: or data:."""

from urllib.parse import urlsplit

from django.core.validators import URLValidator

# Readers follow these links off the site: web addresses only, never javascript: or data:.
web_url_validator = URLValidator(schemes=["http", "https"])


def web_url(url):
    """`url` if it is an http or https address with a host, else "" (for stored or fetched URLs)."""
    parts = urlsplit(url or "")
    return url if parts.scheme in {"http", "https"} and parts.hostname else ""
