"""Picture slots (media.pictures.SLOTS) say what the CSS draws, and their specs offer
the widths those boxes need, so browsers download neither too little nor too much."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from media.pictures import SLOTS
from media.renditions import SPECS

CSS = Path(settings.BASE_DIR) / "static" / "css" / "metro.css"
PIXELS_PER_REM = 16
PIXEL_RATIOS = (1, 2)
# A rendition at most this much wider than the box it fills (2.25 times the pixels).
MOST_WASTE = 1.5
FIXED_SLOTS = [name for name, slot in SLOTS.items() if slot.selector]


def media_blocks(css):
    """(media condition, rules) for each @media block, then ("", the top-level rules)."""
    top, position = [], 0
    while (start := css.find("@media", position)) != -1:
        top.append(css[position:start])
        opening = css.index("{", start)
        depth, end = 1, opening + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        yield css[start + len("@media") : opening].strip(), css[opening + 1 : end - 1]
        position = end
    yield "", "".join(top) + css[position:]


def css_widths(selector):
    """{media condition ("" for none): width in rem} of the box the CSS gives `selector`:
    its width, or its max-width where the width is fluid."""
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(), flags=re.DOTALL)
    widths = {}
    for media, rules in media_blocks(css):
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", rules):
            if selector not in [part.strip() for part in selectors.split(",")]:
                continue
            declarations = {
                name.strip(): value.strip()
                for name, _, value in (item.partition(":") for item in body.split(";"))
            }
            for prop in ("width", "max-width"):
                if match := re.fullmatch(r"([\d.]+)rem", declarations.get(prop, "")):
                    widths[media] = float(match[1])
                    break
    return widths


def rem(value):
    return f"{value:g}rem"


def test_the_css_parser_reads_widths_per_media_query():
    assert css_widths(".profile-head__poster") == {"(min-width: 48rem)": 16, "": 11}
    assert css_widths(".person-card__portrait") == {"": 8}  # width: 100%; max-width: 8rem


@pytest.mark.parametrize("name", FIXED_SLOTS)
def test_a_fixed_slots_sizes_are_the_widths_its_css_draws(name):
    slot = SLOTS[name]
    widths = css_widths(slot.selector)
    assert "" in widths, f"{slot.selector} has no width outside media queries"

    def min_width(condition):
        return float(re.fullmatch(r"\(min-width: ([\d.]+)rem\)", condition)[1])

    conditions = sorted((c for c in widths if c), key=min_width, reverse=True)
    expected = ", ".join([*(f"{c} {rem(widths[c])}" for c in conditions), rem(widths[""])])
    assert slot.sizes == expected


@pytest.mark.parametrize("name", FIXED_SLOTS)
def test_a_fixed_slots_spec_has_a_width_that_fits_at_1x_and_2x(name):
    slot = SLOTS[name]
    offered = SPECS[slot.spec].widths
    for width in css_widths(slot.selector).values():
        for ratio in PIXEL_RATIOS:
            needed = width * PIXELS_PER_REM * ratio
            # What a browser picks: the narrowest width at least as wide as the box.
            picked = min((w for w in offered if w >= needed), default=max(offered))
            assert needed <= picked <= needed * MOST_WASTE, (name, width, ratio, picked)
