"""{% load datetimes %}, then <time datetime="{{ article.publish_at|machine_datetime }}">."""

from django import template

from core.datetimes import machine_datetime

register = template.Library()
register.filter(machine_datetime)
