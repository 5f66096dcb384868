"""Reader pages audit: the public pages, as readers meet them, over the demo newsroom.

Each test loads the demo content once and walks every kind of reader page: the
front page, a section, a story, a person, a film, a topic, the people and topic
directories, search results and the 404 page. axe-core checks them for
accessibility; two viewports check the layout (no sideways scrolling, a usable
header, images that load without shifting the page); and a browser with
JavaScript off checks that reading, navigating and searching need no script.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import AXE

# axe impacts that fail the audit; "minor" and "moderate" findings are printed.
BLOCKING_IMPACTS = {"serious", "critical"}
VIEWPORTS = [375, 1280]


@dataclass
class ReaderPage:
    name: str
    path: str
    heading: str  # The page's <h1>, as a reader sees it.
    text: str  # Words from the main content, not the header or footer.


@dataclass
class Newsroom:
    pages: list
    section_names: list
    search_query: str
    search_finds: str  # The headline of a story the query finds.


@pytest.fixture
def newsroom(transactional_db, live_server):
    """The demo newsroom, and one page of each kind picked from it through the ORM."""
    from articles.models import Article, Section
    from core.directory import letter_of
    from films.models import Credit, Film
    from people.models import Person

    call_command("load_demo", force=True, verbosity=0)

    live = Article.objects.live()
    article = (
        live.filter(
            hero_image__isnull=False,
            films__isnull=False,
            people__isnull=False,
            tags__isnull=False,
        )
        .order_by("-publish_at", "pk")
        .distinct()
        .first()
    )
    person = (
        Person.objects.filter(portrait__isnull=False, credits__isnull=False)
        .filter(articles__in=live)
        .distinct()
        .first()
    )
    film = (
        Film.objects.filter(poster__isnull=False, credits__role=Credit.Role.ACTOR)
        .filter(articles__in=live)
        .distinct()
        .first()
    )
    tag = article.tags.order_by("name").first()
    section = article.section
    film_in_story = article.films.first()
    sections = list(Section.objects.all())
    assert all([article, person, film, tag, film_in_story]), "the demo lacks a page to audit"

    pages = [
        ReaderPage(
            "home",
            "/",
            f"{settings.SITE_NAME}: entertainment news",
            live.order_by("-publish_at").first().headline,
        ),
        ReaderPage(
            "section",
            section.get_absolute_url(),
            section.name,
            live.filter(section=section).order_by("-publish_at").first().headline,
        ),
        ReaderPage(
            "article",
            article.get_absolute_url(),
            article.headline,
            article.standfirst,
        ),
        ReaderPage("person", person.get_absolute_url(), person.name, "Filmography"),
        ReaderPage("film", film.get_absolute_url(), film.title, "Cast"),
        ReaderPage(
            "tag",
            reverse("articles:tag", args=[tag.slug]),
            tag.name,
            live.filter(tags=tag).order_by("-publish_at").first().headline,
        ),
        ReaderPage(
            "people directory",
            reverse("people:index"),
            "People",
            Person.objects.order_by("sort_name", "pk").first().name,
        ),
        ReaderPage(
            "topics under a letter",
            reverse("articles:tags") + "?" + urlencode({"letter": letter_of(tag.slug)}),
            "Topics",
            tag.name,
        ),
        ReaderPage(
            "search",
            reverse("articles:search") + "?" + urlencode({"q": film_in_story.title}),
            f"Results for “{film_in_story.title}”",
            article.headline,
        ),
        ReaderPage(
            "404", "/no-such-section/no-such-story/", "We couldn't find that page", "front page"
        ),
    ]
    return Newsroom(
        pages=pages,
        section_names=[s.name for s in sections],
        search_query=film_in_story.title,
        search_finds=article.headline,
    )


def open_reader_page(page, reader_page):
    """Go to the page and wait until a reader sees its heading."""
    response = page.goto(reader_page.path)
    expected_status = 404 if reader_page.name == "404" else 200
    assert response.status == expected_status, f"{reader_page.path}: HTTP {response.status}"
    expect(page.locator("h1")).to_contain_text(reader_page.heading)
    return response


def test_axe_finds_nothing_serious(newsroom, new_page):
    """No serious or critical axe violation on any reader page; lesser ones are listed."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed: `npm ci` (make test and make e2e run it)")
    # axe is injected as an inline script, which the site's CSP rightly refuses.
    page = new_page(bypass_csp=True)
    blocking = []
    for scheme, reader_page in [(s, p) for s in ("light", "dark") for p in newsroom.pages]:
        page.emulate_media(color_scheme=scheme)
        open_reader_page(page, reader_page)
        page.add_script_tag(path=AXE)
        results = page.evaluate("async () => await axe.run(document)")
        print(f"\naxe, {reader_page.name} page ({reader_page.path}), {scheme}:")
        if not results["violations"]:
            print("  no violations")
        for violation in results["violations"]:
            line = (
                f"  {violation['id']} [{violation['impact']}] {violation['help']}: "
                f"{len(violation['nodes'])} node(s)"
            )
            print(line)
            if violation["impact"] in BLOCKING_IMPACTS:
                targets = ", ".join(
                    " ".join(map(str, node["target"])) for node in violation["nodes"][:5]
                )
                blocking.append(f"{reader_page.name}: {line.strip()} e.g. {targets}")
    assert not blocking, "serious or critical axe violations:\n" + "\n".join(blocking)


def assert_header_navigation_usable(page, newsroom, where):
    """Every section link in the header is on screen, where a reader can click it."""
    links = page.get_by_role("navigation", name="Sections", exact=True).get_by_role("link")
    expect(links).to_have_text(newsroom.section_names)
    for link in links.all():
        expect(link, f"{where}: {link.inner_text()}").to_be_visible()
        expect(link, f"{where}: {link.inner_text()}").to_be_in_viewport()
    search = page.get_by_role("search", name="Site search")
    expect(search.get_by_role("searchbox")).to_be_in_viewport()
    expect(search.get_by_role("button", name="Search")).to_be_in_viewport()


def assert_no_horizontal_scrolling(page, where):
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, window: window.innerWidth})"
    )
    if widths["scroll"] > widths["window"]:
        wider = page.evaluate(
            """() => [...document.querySelectorAll("body *")]
                .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5)
                .slice(0, 5)
                .map(el => `${el.tagName.toLowerCase()}.${el.className}`)"""
        )
        pytest.fail(f"{where}: the page scrolls sideways ({widths}); too wide: {wider}")


def assert_images_sized_and_loaded(page, where):
    """Every image says how big it is (no layout shift) and loads once scrolled to."""
    images = page.locator("img")
    for number in range(images.count()):
        image = images.nth(number)
        for attribute in ("width", "height"):
            assert image.get_attribute(attribute), f"{where}: image {number} has no {attribute}"
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
        source = image.evaluate("image => image.currentSrc")
        assert image.evaluate("image => image.naturalWidth") > 0, f"{where}: {source} is broken"


@pytest.mark.parametrize("width", VIEWPORTS)
def test_layout_fits_the_screen(newsroom, new_page, width):
    """At phone and desktop widths: no sideways scrolling, a usable header, sized images."""
    page = new_page(width=width, height=800)
    for reader_page in newsroom.pages:
        where = f"{reader_page.name} page at {width}px"
        open_reader_page(page, reader_page)
        assert_no_horizontal_scrolling(page, where)
        assert_header_navigation_usable(page, newsroom, where)
        assert_images_sized_and_loaded(page, where)
        # Images that arrived late must not have pushed anything off the side.
        assert_no_horizontal_scrolling(page, where)

    # The header's links take a reader to the section, at this width too.
    page.goto("/")
    section = newsroom.section_names[-1]
    nav = page.get_by_role("navigation", name="Sections", exact=True)
    link = nav.get_by_role("link", name=section, exact=True)
    href = link.get_attribute("href")
    link.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.locator("h1")).to_have_text(section)
    expect(nav.get_by_role("link", name=section, exact=True)).to_have_attribute(
        "aria-current", "page"
    )


def test_pages_work_without_javascript(newsroom, new_page):
    """Reading, moving between sections and searching need no script."""
    page = new_page(javascript=False)
    main = page.get_by_role("main")
    for reader_page in newsroom.pages:
        open_reader_page(page, reader_page)
        expect(main.get_by_text(reader_page.text).first).to_be_visible()

    article = next(p for p in newsroom.pages if p.name == "article")
    section = next(p for p in newsroom.pages if p.name == "section")
    open_reader_page(page, article)
    page.get_by_role("navigation", name="Sections", exact=True).get_by_role(
        "link", name=section.heading, exact=True
    ).click()
    expect(page).to_have_url(re.compile(re.escape(section.path) + "$"))
    expect(page.locator("h1")).to_have_text(section.heading)

    search = page.get_by_role("search", name="Site search")
    search.get_by_role("searchbox").fill(newsroom.search_query)
    search.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    expect(page.locator("h1")).to_have_text(f"Results for “{newsroom.search_query}”")
    results = page.get_by_role("list", name="Search results")
    expect(results.get_by_role("link", name=newsroom.search_finds, exact=True)).to_be_visible()
