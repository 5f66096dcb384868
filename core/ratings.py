"""Star ratings: nought to five stars in half stars, as critics give them.

A rating is stored as a whole number of half stars (0 to 10), so 4½ stars is 9
and "no rating" is None: no floating point in the database, and a check
constraint can hold the range. Here are its words and its picture:

- rating_label(9) is "4½ out of 5", for editors choosing one;
- rating_text(9) is "4.5 out of 5 stars", what screen readers hear (a decimal
  point is read the same way by every screen reader; "½" is not);
- stars_html(9) is the picture: five stars drawn in one inline SVG (full, half
  or empty, so a half star really is half filled), hidden from assistive
  technology, followed by rating_text() in visually hidden text.

The SVG carries no id (a page may show many ratings, and ids must be unique)
and no text, and takes its colour from the text around it (currentColor), so it
follows the light and dark schemes and forced colours.
"""

from django.utils.safestring import mark_safe

BEST_RATING = 5
WORST_RATING = 0
HALF_STARS = range(WORST_RATING * 2, BEST_RATING * 2 + 1)

# A star 24 units wide, drawn from its top point (12, 1.7) with relative moves, and
# its left half (the top point down to the inner point at the bottom): SVG path data.
# The five stars are 26 units apart.
STAR = "l2.51 7.74h8.14l-6.58 4.78 2.51 7.74-6.58-4.78-6.58 4.78 2.51-7.74-6.58-4.78h8.14z"
LEFT_HALF = "l-2.51 7.74h-8.14l6.58 4.78-2.51 7.74 6.58-4.78z"
STAR_PITCH = 26


def stars(half_stars):
    """The rating as a number of stars: 4 for 8, 4.5 for 9 (None for None)."""
    if half_stars is None:
        return None
    whole, half = divmod(half_stars, 2)
    return whole + 0.5 if half else whole


def rating_number(half_stars, *, half="½"):
    """ "4", "4½" (or with `half="."`, "4.5"); "½" for a lone half star."""
    whole, extra = divmod(half_stars, 2)
    if not extra:
        return str(whole)
    if half == ".":
        return f"{whole}.5"
    return f"{whole or ''}{half}"


def rating_label(half_stars):
    """What an editor reads beside a rating: "4½ out of 5", or "No rating"."""
    if half_stars is None:
        return "No rating"
    return f"{rating_number(half_stars)} out of {BEST_RATING}"


def rating_text(half_stars):
    """What a reader's screen reader says for a rating: "4.5 out of 5 stars"."""
    if half_stars is None:
        return ""
    return f"{rating_number(half_stars, half='.')} out of {BEST_RATING} stars"


RATING_CHOICES = [(half_stars, rating_label(half_stars)) for half_stars in HALF_STARS]


def stars_svg(half_stars):
    """Five stars, filled to `half_stars`, as one inline SVG hidden from assistive
    technology: one path fills the full and half stars, one outlines all five."""
    filled, outlines = [], []
    for index in range(BEST_RATING):
        start = f"M{12 + index * STAR_PITCH} 1.7"
        halves = max(0, min(2, half_stars - index * 2))  # of this star
        if halves:
            filled.append(start + (STAR if halves == 2 else LEFT_HALF))
        outlines.append(start + STAR)
    fill = f'<path d="{"".join(filled)}" fill="currentColor"/>' if filled else ""
    width = STAR_PITCH * (BEST_RATING - 1) + 24
    return (
        f'<svg class="stars__picture" aria-hidden="true" focusable="false" '
        f'viewBox="0 0 {width} 24" width="{width * 3 // 4}" height="18">{fill}'
        f'<path d="{"".join(outlines)}" fill="none" stroke="currentColor" '
        'stroke-width="1.5" stroke-linejoin="round"/></svg>'
    )


def stars_html(half_stars):
    """A rating as readers see it (five stars) and hear it ("4 out of 5 stars");
    "" when there is none."""
    if half_stars is None or half_stars not in HALF_STARS:
        return mark_safe("")
    return mark_safe(  # noqa: S308 - numbers and our own constant markup only
        f'<span class="stars">{stars_svg(half_stars)}'
        f'<span class="visually-hidden">{rating_text(half_stars)}</span></span>'
    )
