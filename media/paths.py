"""reverse() once per URL pattern, not once per link.

A listing page links to hundreds of renditions, stories and sections, and
reverse() costs tens of microseconds a call. `fast_reverse` asks Django once
for the shape of a URL (per script prefix and URLconf), then fills it in.
"""

import re
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse

# Values a shape takes as they are, with no quoting: anything else goes through reverse().
PLAIN = re.compile(r"[-a-zA-Z0-9_.]+")


def fast_reverse(viewname, **kwargs):
    """reverse(viewname, kwargs=kwargs), for plain values (letters, digits, - _ .)."""
    values = [str(value) for value in kwargs.values()]
    shape = (
        _shape(viewname, tuple(kwargs), get_script_prefix(), get_urlconf())
        if all(PLAIN.fullmatch(value) for value in values)
        else None
    )
    if shape is None:
        return reverse(viewname, kwargs=kwargs)
    # Plain values need no quoting.
    return shape.format(*values)


@lru_cache(maxsize=64)
def _shape(viewname, names, script_prefix, urlconf):
    """The URL as a format string with {0}, {1}… for the arguments, or None if it cannot be told."""
    # Samples every converter (int, slug, str) accepts, unlikely anywhere else in the URL.
    samples = [str(7_000_000_007 + index) for index in range(len(names))]
    url = reverse(viewname, kwargs=dict(zip(names, samples, strict=True)), urlconf=urlconf)
    if any(url.count(sample) != 1 for sample in samples):
        return None
    shape, end = [], 0
    for start, index in sorted((url.index(sample), index) for index, sample in enumerate(samples)):
        shape += [_literal(url[end:start]), f"{{{index}}}"]
        end = start + len(samples[index])
    return "".join([*shape, _literal(url[end:])])


def _literal(text):
    return text.replace("{", "{{").replace("}", "}}")
