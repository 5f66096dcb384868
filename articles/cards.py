"""The cards of listing pages, rendered in Python: stories, people, films and search results.

Why not templates: speed. A listing page draws 20 to 40 cards, and a card
drawn with {% include %} pays for a new template context and dozens of variable
lookups and filters every time: about 190 us a story card, against about 40 us
here. Measured in process against 100,000 stories, page cache off, that took
the home page from 22.5 to 13.5 ms a request, a section page from 12.8 to 7.5
ms, a tag page from 15.3 to 10.9 ms. The markup is the one the templates wrote,
byte for byte; templates reach these functions through the tags in
articles/templatetags/cards.py.

Every value from the database goes through e() (escape_html: conditional_escape()
without its lazy wrapper), as template autoescaping would; everything else here
is our own constant markup.
"""

from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from core.datetimes import machine_datetime
from core.ratings import stars_html
from core.weblinks import web_url
from media.pictures import escape_html as e
from media.pictures import slot_picture

# The picture a story card shows, by variant: (slot, priority). Compact cards have none.
CARD_PICTURES = {"lead": ("lead-card", True), "": ("card", False)}


def article_card(article, *, variant="", heading_level=3, hide_section=False):
    """One story's card. `variant` is "" (default), "lead" (big, loaded first) or "compact"
    (no picture, no standfirst); `heading_level` is the level of its headline."""
    level = int(heading_level or 3)
    variant_class = f" card--{e(variant)}" if variant else ""
    picture = ""
    if variant != "compact":
        slot, priority = CARD_PICTURES.get(variant, CARD_PICTURES[""])
        image = slot_picture(article.card_picture, slot, priority=priority, css_class="card__image")
        picture = f"\n  {image}\n  "
    kicker = ""
    if not hide_section:
        section = article.section
        kicker = (
            f'<p class="card__kicker"><a href="{e(section.get_absolute_url())}">'
            f"{e(section.name)}</a></p>"
        )
    standfirst = ""
    if variant != "compact":
        standfirst = f'<p class="card__standfirst">{e(article.standfirst)}</p>'
    meta = byline_and_date(article, "card")
    return mark_safe(  # noqa: S308 - every value is escaped above or below
        f'<article class="card{variant_class}">\n  {picture}\n  <div class="card__body">\n'
        f"    {kicker}\n"
        f'    <h{level} class="card__headline"><a href="{e(article.get_absolute_url())}">'
        f"{e(article.headline)}</a></h{level}>\n"
        f"{rating_line(article, 'card')}"
        f"    {standfirst}\n"
        f'    <p class="card__meta">\n'
        f"      {meta}\n"
        "    </p>\n  </div>\n</article>\n"
    )


def search_result(article):
    """One search result: kicker, headline, the snippet around what matched
    (safe HTML from articles.search), byline and date, and a small picture."""
    section = article.section
    snippet = ""
    if article.snippet:
        snippet = f'<p class="search-result__snippet">{e(article.snippet)}</p>'
    meta = byline_and_date(article, "search-result")
    picture = ""
    if article.card_picture:
        image = slot_picture(
            article.card_picture, "search-result", css_class="search-result__image"
        )
        picture = f'<div class="search-result__picture">{image}</div>'
    return mark_safe(  # noqa: S308 - every value is escaped above or below
        '<article class="search-result">\n  <div class="search-result__text">\n'
        f'    <p class="search-result__kicker"><a href="{e(section.get_absolute_url())}">'
        f"{e(section.name)}</a></p>\n"
        f'    <h2 class="search-result__headline"><a href="{e(article.get_absolute_url())}">'
        f"{e(article.headline)}</a></h2>\n"
        f"{rating_line(article, 'search-result')}"
        f"    {snippet}\n"
        '    <p class="search-result__meta">\n'
        f"      {meta}\n"
        "    </p>\n  </div>\n"
        f"  {picture}\n</article>\n"
    )


def article_cards(articles, *, variant="", heading_level=3, hide_section=False):
    """Cards for several stories, each with the same options as article_card()."""
    cards = [
        article_card(
            article, variant=variant, heading_level=heading_level, hide_section=hide_section
        )
        for article in articles
    ]
    return mark_safe("".join(cards))  # noqa: S308 - each card escapes its own values


def person_card(person, character="", parts=(), name_films=False, slot="cast-portrait"):
    """A person's card: portrait (or initial), name, and the part they played or what they do.

    `character` is who they play in the film whose page this is; `parts` their
    credits (with films) in the films beside the card, said as "as Charlotte" or
    "Director", with the film's title when `name_films` (a story about several films).
    `slot` is where the portrait sits (media.pictures.SLOTS): a film's cast, or a story.
    """
    portrait = picture_or_placeholder(
        person.portrait, slot, "person-card__portrait", person.name[:1]
    )
    detail = ""
    if character:
        detail = f"as {e(character)}"
    elif parts:
        detail = " · ".join(part_played(credit, name_films) for credit in parts)
    elif person.description:
        detail = e(capfirst(person.description))
    if detail:
        detail = f'<p class="person-card__detail">{detail}</p>'
    return mark_safe(  # noqa: S308 - every value is escaped above or below
        f'<div class="person-card">\n  {portrait}\n  <div class="person-card__body">\n'
        f'    <h3 class="person-card__name"><a href="{e(person.get_absolute_url())}">'
        f"{e(person.name)}</a></h3>\n"
        f"    {detail}\n  </div>\n</div>\n"
    )


def part_played(credit, name_film=False):
    """ "as Charlotte" for an actor with a character, else the role ("Director"); with
    `name_film`, "as Charlotte in Marlow Fen", "Director of Marlow Fen"."""
    acting = credit.role == credit.Role.ACTOR
    if acting and credit.character_name:
        part = f"as {e(credit.character_name)}"
    else:
        part = e(credit.get_role_display())
    if name_film:
        part = f"{part} {'in' if acting else 'of'} <cite>{e(credit.film.title)}</cite>"
    return part


def film_card(film, cast=(), slot="in-story-poster", watch=()):
    """A film's card: poster (or title), title, kind and year, where and when it is out,
    its top-billed `cast` (people), each linked to their page, and where to `watch` it
    (Availability entries, as where_to_watch() lists them); `slot` as in person_card()."""
    poster = picture_or_placeholder(film.poster, slot, "film-card__poster", film.title)
    year = f" · {film.release_date.year}" if film.release_date else ""
    release = ""
    if film.platform or film.release_date:
        release = f'<p class="film-card__release">{film_release(film)}</p>'
    starring = ""
    if cast:
        names = [
            f'<a href="{e(person.get_absolute_url())}">{e(person.name)}</a>' for person in cast
        ]
        starring = f'<p class="film-card__cast">With {join_names(names)}</p>'
    watching = ""
    if watch:
        watching = f"\n    {where_to_watch(watch, 'film-card__watch')}"
    return mark_safe(  # noqa: S308 - every value is escaped above or below
        f'<div class="film-card">\n  {poster}\n  <div class="film-card__body">\n'
        f'    <h3 class="film-card__title"><a href="{e(film.get_absolute_url())}">'
        f"{e(film.title)}</a></h3>\n"
        f'    <p class="film-card__meta">{e(film.get_kind_display())}{year}</p>\n'
        f"    {release}\n    {starring}{watching}\n  </div>\n</div>\n"
    )


def where_to_watch(entries, css_class="where-to-watch__list"):
    """A list of where to watch a film, one entry (films.Availability) a line, in the
    order given: "Stream on Netflix", linked to the film's page there when there is one,
    and "from December 5, 2026" while that date is still to come. Only links: nothing
    is loaded from the services."""
    items = []
    for entry in entries:
        text = e(entry.phrase())
        if url := web_url(entry.url):
            text = f'<a href="{e(url)}" rel="nofollow noopener">{text}</a>'
        if entry.is_coming:
            text = f"{text} from {date_element(entry.available_from)}"
        items.append(f"<li>{text}</li>")
    if not items:
        return ""
    return mark_safe(  # noqa: S308 - every value is escaped above
        f'<ul class="{e(css_class)}" aria-label="Where to watch">{"".join(items)}</ul>'
    )


def date_element(day):
    """<time> for a date, written "May 24, 2019"."""
    return f'<time datetime="{day.isoformat()}">{e(MONTHS[day.month])} {day.day}, {day.year}</time>'


def story_subject_cards(films, people):
    """The "In this story" list: each film with its top-billed cast, then each person
    with their parts in those films (naming the film when there are several), as
    articles.story_details loads them."""
    name_films = len(films) > 1
    items = [
        film_card(
            film,
            cast=getattr(film, "top_billed", ()),
            watch=getattr(film, "where_to_watch", ()),
        )
        for film in films
    ]
    items += [
        person_card(
            person,
            parts=getattr(person, "parts_in_story", ()),
            name_films=name_films,
            slot="in-story-portrait",
        )
        for person in people
    ]
    return mark_safe("".join(f"<li>{item}</li>" for item in items))  # noqa: S308 - cards escape


def film_release(film):
    """Where and when a film is out, either part optional, in the tense the date
    calls for: "Released on Netflix on May 24, 2019", "Coming to Netflix on
    May 24, 2027", "On Netflix"."""
    platform = e(film.platform.name) if film.platform else ""
    released = film.release_date
    if not released:
        return mark_safe(f"On {platform}" if platform else "")  # noqa: S308 - escaped above
    when = date_element(released)
    if released <= timezone.localdate():
        where = f" on {platform}" if platform else ""
        return mark_safe(f"Released{where} on {when}")  # noqa: S308 - escaped above
    where = f"Coming to {platform}" if platform else "Coming"
    return mark_safe(f"{where} on {when}")  # noqa: S308 - escaped above; dates are digits


def picture_or_placeholder(image, slot, css_class, text):
    """The image's picture in `slot`, or in its place a box holding `text` (an initial, a title)."""
    if image:
        return slot_picture(image, slot, css_class=css_class)
    return f'<span class="{css_class} {css_class}--empty" aria-hidden="true">{e(text)}</span>'


def rating_line(article, block):
    """A review's stars under its headline, in the `block`'s class (a line of its own);
    "" for a story without a rating, so other cards keep their markup."""
    if article.rating is None:
        return ""
    return f'    <p class="{block}__rating">{stars_html(article.rating)}</p>\n'


def byline_and_date(article, block):
    """A card's byline ("A, B and C · ") and time, in the `block`'s classes."""
    names = [entry.name for entry in article.byline_names]
    byline = f'<span class="{block}__byline">{e(join_names(names))}</span> · ' if names else ""
    iso, shown = card_date(article.publish_at)
    return f'{byline}<time datetime="{e(iso)}">{e(shown)}</time>'


def join_names(names):
    """ "A", "A and B", "A, B and C"."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def card_date(moment):
    """(datetime attribute, text) for a story's time, in the site's time zone; the
    text as the template filter date:"M j, Y" writes it."""
    if moment is None:
        return "", ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    shown = f"{MONTHS_3[moment.month].title()} {moment.day}, {moment.year:04d}"
    return machine_datetime(moment), shown
