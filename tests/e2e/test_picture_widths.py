"""In a real browser, the fixed-size pictures (media.pictures.SLOTS) load a file at
least as wide as the box times the screen's pixel ratio, and not much wider."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import STEP_TIMEOUT_MS
from tests.factories import (
    make_article,
    make_credit,
    make_film,
    make_image,
    make_person,
    uploaded_image,
)

MOST_WASTE = 1.5  # as tests/media/test_slots.py
FILE_WIDTH = re.compile(r"-(\d+)\.\w+$")


@pytest.fixture
def story(transactional_db):
    film = make_film(title="Marlow Fen", poster=make_image(file=uploaded_image(size=(1000, 1500))))
    actor = make_person(
        name="Amélie Lead", portrait=make_image(file=uploaded_image(size=(900, 900)))
    )
    make_credit(film, actor, character_name="Charlotte")
    story = make_article(live=True)
    story.films.add(film)
    story.people.add(actor)
    return story


def loaded_widths(browser, live_server, path, selector, *, width, ratio):
    """(box width in CSS pixels, width of the file loaded) for each image matching `selector`."""
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 900},
        device_scale_factor=ratio,
    )
    context.set_default_timeout(STEP_TIMEOUT_MS)
    try:
        page = context.new_page()
        assert page.goto(path).status == 200
        images = page.locator(selector)
        assert images.count(), f"{path}: no {selector}"
        found = []
        for number in range(images.count()):
            image = images.nth(number)
            image.scroll_into_view_if_needed()
            expect(image).to_have_js_property("complete", True)
            box = image.evaluate("image => image.getBoundingClientRect().width")
            source = image.evaluate("image => image.currentSrc")
            found.append((box, int(FILE_WIDTH.search(source)[1])))
        return found
    finally:
        context.close()


@pytest.mark.parametrize("ratio", [1, 2])
@pytest.mark.parametrize("width", [375, 1280])
def test_fixed_pictures_load_a_file_that_fits_their_box(
    story, browser, live_server, one_request_at_a_time, width, ratio
):
    film = story.films.get()
    pages = [
        (film.get_absolute_url(), ".profile-head__poster"),
        (film.get_absolute_url(), ".person-card__portrait"),
        (story.get_absolute_url(), ".in-this-story .film-card__poster"),
        (story.get_absolute_url(), ".in-this-story .person-card__portrait"),
    ]
    for path, selector in pages:
        for box, loaded in loaded_widths(
            browser, live_server, path, selector, width=width, ratio=ratio
        ):
            needed = box * ratio
            assert needed <= loaded <= needed * MOST_WASTE, (path, selector, box, ratio, loaded)
