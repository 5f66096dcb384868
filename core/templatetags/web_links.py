from django import template

from core.weblinks import web_url

register = template.Library()

# {{ url|web_url }}: the URL if it is an http or https address, else "".
register.filter("web_url", web_url)
