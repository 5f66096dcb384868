"""The story and film forms as an editor meets them: buttons at the top, no time-zone note
on a date, a tags box wide enough for four tags."""

from playwright.sync_api import expect

from films.models import Genre, Platform
from tests.e2e.test_editor_story import log_in
from tests.factories import make_image, make_user


def test_the_forms_an_editor_meets(browser, live_server, one_request_at_a_time):
    make_user(username="edie", is_superuser=True)
    # An editor in Tokyo: the browser's zone differs from the newsroom's, so Django adds its notes.
    context = browser.new_context(
        base_url=live_server.url, timezone_id="Asia/Tokyo", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    log_in(page, "edie")

    page.goto("/admin/films/film/add/")
    expect(page.locator("#id_release_date")).to_be_visible()
    expect(page.locator(".field-release_date .timezonewarning")).to_have_count(0)

    # A genre and a platform that do not exist yet are created from the autocomplete.
    for field_id, name in (("id_genres", "Cosy crime Amélie"), ("id_platform", "Kanal 東京")):
        page.locator(f"#{field_id} + .select2").click()
        # Typed into the open search box once it is there (keys sent sooner are lost).
        page.locator(".select2-container--open .select2-search__field").press_sequentially(name)
        page.locator(".select2-results__option", has_text=f"Create “{name}”").click()
        expect(page.locator(f"#{field_id} option:checked")).to_have_text(name)
    assert Genre.objects.filter(name="Cosy crime Amélie", slug="cosy-crime-amelie").exists()
    assert Platform.objects.filter(name="Kanal 東京").exists()

    page.goto("/admin/articles/article/add/")
    # A date and time keeps its note.
    expect(page.locator(".field-publish_at .timezonewarning")).to_have_count(1)
    for name in ("Save draft", "Submit for review", "Publish now", "Schedule"):
        buttons = page.get_by_role("button", name=name, exact=True)
        expect(buttons).to_have_count(2)
        # The first is above the headline.
        top = buttons.first.bounding_box()["y"]
        assert top < page.locator("#id_headline").bounding_box()["y"]
    assert page.locator("#id_tags").bounding_box()["width"] >= 400

    # The hero picker shows thumbnails, and the preview follows the choice before saving.
    make_image(title="Beyoncé on stage", alt_text="Beyoncé singing")
    expect(page.locator(".field-hero_preview .readonly")).to_have_text("—")
    page.locator("#id_hero_image + .select2").click()
    page.keyboard.type("Beyoncé")
    option = page.locator(".select2-results__option", has_text="Beyoncé on stage")
    expect(option.locator("img")).to_be_visible()
    option.click()
    expect(page.locator(".field-hero_preview .readonly img")).to_have_attribute(
        "alt", "Beyoncé singing"
    )
    context.close()
