"""Star ratings (core/ratings.py): their words for editors and for screen readers, and
the stars drawn for everyone else."""

import re

import pytest
from django.template import Context, Template

from core.ratings import (
    LEFT_HALF,
    RATING_CHOICES,
    STAR,
    rating_label,
    rating_text,
    stars,
    stars_html,
)


def drawn(html):
    """(full stars, half stars, outlines) in a rating's SVG."""
    filled = re.search(r'<path d="([^"]*)" fill="currentColor"/>', html)
    outline = re.search(r'<path d="([^"]*)" fill="none"', html)
    shapes = filled[1].split("M")[1:] if filled else []
    return (
        sum(shape.endswith(STAR) for shape in shapes),
        sum(shape.endswith(LEFT_HALF) for shape in shapes),
        outline[1].count("M"),
    )


@pytest.mark.parametrize(
    ("half_stars", "heard", "label", "full", "half"),
    [
        (0, "0 out of 5 stars", "0 out of 5", 0, 0),
        (1, "0.5 out of 5 stars", "½ out of 5", 0, 1),
        (7, "3.5 out of 5 stars", "3½ out of 5", 3, 1),
        (8, "4 out of 5 stars", "4 out of 5", 4, 0),
        (10, "5 out of 5 stars", "5 out of 5", 5, 0),
    ],
)
def test_a_rating_is_drawn_as_five_stars_and_said_in_words(half_stars, heard, label, full, half):
    html = stars_html(half_stars)

    assert rating_text(half_stars) == heard
    assert rating_label(half_stars) == label
    assert drawn(html) == (full, half, 5)
    # Screen readers hear the words, never the drawing.
    assert re.search(r'<svg [^>]*aria-hidden="true" focusable="false"', html)
    assert f'<span class="visually-hidden">{heard}</span>' in html
    assert "<text" not in html and " id=" not in html  # many ratings may share a page


def test_no_rating_draws_and_says_nothing():
    assert stars_html(None) == ""
    assert rating_text(None) == ""
    assert rating_label(None) == "No rating"
    assert stars(None) is None


def test_a_rating_outside_nought_to_five_stars_draws_nothing():
    assert stars_html(11) == "" and stars_html(-1) == ""


def test_half_stars_become_stars_for_machines():
    assert [stars(n) for n in (0, 1, 8, 9, 10)] == [0, 0.5, 4, 4.5, 5]
    assert isinstance(stars(8), int)  # "4", not "4.0", in structured data


def test_editors_choose_from_eleven_ratings_in_half_stars():
    assert [value for value, _ in RATING_CHOICES] == list(range(11))
    assert RATING_CHOICES[9] == (9, "4½ out of 5")


def test_templates_draw_a_rating_with_the_stars_tag():
    html = Template("{% load ratings %}{% stars rating %}|{{ rating|rating_text }}").render(
        Context({"rating": 9})
    )
    assert drawn(html) == (4, 1, 5)
    assert html.endswith("|4.5 out of 5 stars")
    assert Template("{% load ratings %}[{% stars None %}]").render(Context()) == "[]"
