"""A gallery, end to end in a real browser: an editor builds one from the library, places
it in a story and publishes; readers page through the slideshow with buttons, keys and
swipes, or read it as a list with JavaScript off; axe finds nothing serious."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from media.models import Gallery
from people.models import Person
from tests.e2e.conftest import AXE, log_in
from tests.factories import (
    make_article,
    make_gallery,
    make_image,
    make_section,
    make_user,
    uploaded_image,
)

pytestmark = pytest.mark.django_db(transaction=True)

GALLERY_TITLE = "Venice, night one: Beyoncé and the 東京 crowd"
HEADLINE = "The red carpet at Venice"
# (title, alt text, caption, credit), in the order the editor adds them.
PICTURES = [
    ("Arrival", "Guests step out of water taxis at the Lido", "The first boats.", "PHOTO: Metro"),
    ("Carpet", "Photographers three deep along the carpet", "The long wait.", "PHOTO: Agency"),
    ("Party", "Lanterns over a terrace after the premiere", "After midnight.", "PHOTO: Metro"),
]
COLOURS = [(200, 60, 40), (40, 120, 200), (60, 160, 80)]
BLOCKING_IMPACTS = {"serious", "critical"}


def pick(page, field_id, text):
    """Choose `text` in one of the admin's autocomplete (select2) fields, as a person does."""
    page.locator(f"#{field_id} + .select2").click()
    search = page.locator(".select2-container--open .select2-search__field")
    expect(search).to_be_focused()
    search.fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def saved(page, button):
    page.get_by_role("button", name=button, exact=True).first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()


@pytest.fixture
def library(transactional_db):
    make_section(name="Festivals", slug="festivals")
    make_user("editor", username="edie")
    Person.objects.create(name="Ada Critic", slug="ada-critic")
    return [
        make_image(
            title=title,
            alt_text=alt,
            caption=caption,
            credit=credit,
            file=uploaded_image(size=(1500, 1000), color=colour),
        )
        for (title, alt, caption, credit), colour in zip(PICTURES, COLOURS, strict=True)
    ]


def build_gallery(editor):
    """The editor adds the pictures from the library in order, then moves the last one up."""
    editor.goto("/admin/media/gallery/add/")
    editor.get_by_label("Title:").fill(GALLERY_TITLE)
    editor.get_by_role("button", name="Add pictures from the library").click()
    dialog = editor.get_by_role("dialog", name="Add pictures from the library")
    for title, *_ in PICTURES:
        tile = dialog.get_by_role("button").filter(has_text=title)
        tile.click()
        expect(tile).to_be_disabled()  # Added, and cannot be added twice.
    dialog.get_by_role("button", name="Done").click()
    rows = editor.locator("#items-group tbody tr.form-row:not(.empty-form)")
    expect(rows).to_have_count(3)
    for number, (title, *_) in enumerate(PICTURES):
        expect(rows.nth(number).locator(".select2")).to_contain_text(title)
        expect(rows.nth(number).locator("input[name$='-order']")).to_have_value(str(number + 1))
        expect(rows.nth(number).locator(".field-picture img")).to_be_visible()
    # "Party" moves above "Carpet" with the keyboard; the order numbers follow.
    rows.nth(2).get_by_role("button", name="Move this picture").press("ArrowUp")
    expect(rows.nth(1).locator(".select2")).to_contain_text("Party")
    expect(rows.nth(1).locator("input[name$='-order']")).to_have_value("2")
    expect(rows.nth(2).locator("input[name$='-order']")).to_have_value("3")
    saved(editor, "Save and continue editing")
    gallery = Gallery.objects.get()
    titles = [item.image.title for item in gallery.items.select_related("image")]
    assert titles == ["Arrival", "Party", "Carpet"]
    return gallery


def write_story(editor):
    editor.goto("/admin/articles/article/add/")
    editor.get_by_label("Headline:", exact=True).fill(HEADLINE)
    editor.get_by_label("Standfirst:", exact=True).fill("Boats, lanterns and a long wait.")
    body = editor.locator(".ProseMirror[contenteditable=true]")
    body.click()
    editor.keyboard.type("The festival opened under a clear sky.")
    editor.keyboard.press("Enter")
    editor.get_by_role("button", name="Gallery: place a slideshow").click()
    picker = editor.get_by_role("dialog", name="Gallery")
    picker.get_by_role("button").filter(has_text=GALLERY_TITLE).click()
    card = body.locator("figure.media-gallery")
    expect(card).to_contain_text(GALLERY_TITLE)
    expect(card).to_contain_text("3 pictures")
    expect(card.locator("img")).to_have_count(3)
    pick(editor, "id_section", "Festivals")
    pick(editor, "id_hero_image", "Arrival")
    editor.get_by_role("button", name="Add another Byline").click()
    pick(editor, "id_authorships-0-person", "Ada Critic")
    saved(editor, "Publish now")
    story = Article.objects.get()
    assert story.is_live
    assert f'data-gallery-id="{Gallery.objects.get().pk}"' in story.body
    return story


def test_an_editor_builds_a_gallery_and_readers_page_through_it(library, new_page):
    editor = new_page()
    log_in(editor, "edie")
    build_gallery(editor)
    story = write_story(editor)
    order = [PICTURES[0], PICTURES[2], PICTURES[1]]

    # With JavaScript: one picture at a time, and where it is.
    reader = new_page()
    reader.goto(story.get_absolute_url())
    gallery = reader.get_by_role("region", name=GALLERY_TITLE)
    expect(gallery).to_have_attribute("aria-roledescription", "carousel")
    position = gallery.locator(".gallery__position")
    expect(position).to_have_text("1 of 3")
    expect(position).to_have_attribute("aria-live", "polite")
    slides = gallery.get_by_role("group")
    expect(slides).to_have_count(1)  # The others are hidden.
    expect(slides).to_have_attribute("aria-roledescription", "slide")
    expect(slides).to_have_accessible_name("1 of 3")
    expect(slides.get_by_role("img")).to_have_accessible_name(order[0][1])
    expect(slides.locator("figcaption")).to_have_text(f"{order[0][2]} {order[0][3]}")
    gallery.scroll_into_view_if_needed()
    expect(slides.locator("img")).to_have_js_property("complete", True)
    assert slides.locator("img").evaluate("img => img.naturalWidth > 0")
    # The hidden pictures wait until they are shown (even before the script ran: the CSS).
    waiting = gallery.locator("li[hidden] img")
    assert waiting.evaluate_all("images => images.map(image => image.complete)") == [False, False]

    # The right arrow key, while the gallery has focus.
    gallery.get_by_role("button", name="Next picture").focus()
    reader.keyboard.press("ArrowRight")
    expect(position).to_have_text("2 of 3")
    expect(slides.get_by_role("img")).to_have_accessible_name(order[1][1])
    expect(slides.locator("img")).to_have_js_property("complete", True)
    assert slides.locator("img").evaluate("img => img.naturalWidth > 0")
    reader.keyboard.press("ArrowLeft")
    expect(position).to_have_text("1 of 3")
    reader.keyboard.press("End")
    expect(position).to_have_text("3 of 3")

    # The buttons go round; a swipe to the left shows the next picture.
    gallery.get_by_role("button", name="Next picture").click()
    expect(position).to_have_text("1 of 3")
    gallery.get_by_role("button", name="Previous picture").click()
    expect(position).to_have_text("3 of 3")
    box = slides.locator("img").bounding_box()
    middle_x, middle_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    reader.mouse.move(middle_x, middle_y)
    reader.mouse.down()
    reader.mouse.move(middle_x - 120, middle_y + 5, steps=5)
    reader.mouse.up()
    expect(position).to_have_text("1 of 3")

    # Without JavaScript: every picture, as a list, with its caption and credit.
    plain = new_page(javascript=False)
    plain.goto(story.get_absolute_url())
    gallery = plain.get_by_role("region", name=GALLERY_TITLE)
    items = gallery.get_by_role("list").get_by_role("listitem")
    expect(items).to_have_count(3)
    expect(gallery.get_by_role("button")).to_have_count(0)
    for number, (_title, alt, caption, credit) in enumerate(order):
        item = items.nth(number)
        item.scroll_into_view_if_needed()
        expect(item.get_by_role("img")).to_have_accessible_name(alt)
        expect(item.get_by_role("img")).to_be_visible()
        expect(item.locator("figcaption")).to_have_text(f"{caption} {credit}")


def test_axe_finds_nothing_serious_on_a_story_with_a_gallery(library, new_page):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: `npm ci` (make test and make e2e run it)")
    gallery = make_gallery(library, title=GALLERY_TITLE)
    in_body = make_gallery(library[::-1], title="The morning after")
    body = f'<p>Words.</p><figure class="media-gallery" data-gallery-id="{in_body.pk}"></figure>'
    story = make_article(live=True, headline=HEADLINE, lead_gallery=gallery, body=body)
    # axe is injected as an inline script, which the site's CSP rightly refuses.
    page = new_page(bypass_csp=True)
    blocking = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(story.get_absolute_url())
        expect(page.locator(".gallery__position").first).to_have_text("1 of 3")
        page.add_script_tag(path=AXE)
        results = page.evaluate("async () => await axe.run(document)")
        for violation in results["violations"]:
            line = f"{scheme}: {violation['id']} [{violation['impact']}] {violation['help']}"
            print(line, [node["target"] for node in violation["nodes"][:3]])
            if violation["impact"] in BLOCKING_IMPACTS:
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
                blocking.append(f"{line} e.g. {', '.join(targets)}")
    assert not blocking, "serious or critical axe violations:\n" + "\n".join(blocking)


def test_an_editor_drags_a_picture_to_the_front(library, new_page):
    gallery = make_gallery(library, title=GALLERY_TITLE)
    editor = new_page()
    log_in(editor, "edie")
    editor.goto(f"/admin/media/gallery/{gallery.pk}/change/")
    rows = editor.locator("#items-group tbody tr.form-row:not(.empty-form)")

    handle = rows.nth(2).get_by_role("button", name="Move this picture")
    handle.drag_to(rows.nth(0), target_position={"x": 20, "y": 5})

    expect(rows.nth(0).locator(".select2")).to_contain_text("Party")
    orders = rows.locator("input[name$='-order']")
    for number in range(3):
        expect(orders.nth(number)).to_have_value(str(number + 1))
    saved(editor, "Save and continue editing")
    titles = [item.image.title for item in gallery.items.select_related("image")]
    assert titles == ["Party", "Arrival", "Carpet"]
