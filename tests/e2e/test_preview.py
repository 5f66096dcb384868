"""The story form's live preview and shared draft links, in a real browser."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from desk.models import SharedPreview
from tests.e2e.conftest import log_in
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_preview_follows_typing_and_a_shared_link_works_until_revoked(new_page):
    make_user("editor", username="editor")
    story = make_article(headline="Saved headline about Amélie")
    editor = new_page(width=1280)
    log_in(editor, "editor")
    editor.goto(f"/admin/articles/article/{story.pk}/change/")

    # At 1280 px the pane waits behind a button, so the form keeps the whole width;
    # opened, it stands beside the form (test_the_open_preview_covers_no_button below).
    editor.get_by_role("button", name="Show preview").click()
    preview = editor.frame_locator("iframe[title='Story preview']")
    expect(preview.get_by_role("heading", name="Saved headline about Amélie")).to_be_visible()
    editor.get_by_label("Headline:").fill("Beyoncé in 東京: typed, not saved")
    expect(preview.get_by_role("heading", name="Beyoncé in 東京: typed, not saved")).to_be_visible()
    expect(preview.get_by_text("Live preview of unsaved changes")).to_be_visible()
    editor.get_by_role("button", name="Phone").click()
    # Our own scripts run there, in an opaque origin: no same-origin access to this page.
    expect(editor.locator("iframe[title='Story preview']")).to_have_attribute(
        "sandbox", "allow-scripts"
    )
    assert editor.locator("iframe[title='Story preview']").bounding_box()["width"] < 400

    # The share panel is in reach with the pane open.
    editor.get_by_role("button", name="Create share link").click()
    link = editor.get_by_label("New link (copy it now; it is shown only once):").input_value()
    expect(editor.get_by_role("button", name="Revoke")).to_have_count(1)
    editor.get_by_role("button", name="Hide preview").click()
    expect(editor.get_by_role("button", name="Show preview")).to_be_visible()

    reader = new_page()  # A fresh context: no login, no cookies.
    reader.goto(link)
    expect(reader.get_by_role("heading", name="Saved headline about Amélie")).to_be_visible()
    expect(reader.get_by_text("Shared draft for review")).to_be_visible()

    editor.get_by_role("button", name="Revoke").click()
    expect(editor.get_by_text("No live share links.")).to_be_visible()
    response = reader.goto(link)
    assert response.status == 410
    expect(reader.get_by_role("heading", name="This preview link no longer works")).to_be_visible()


YOUTUBE = (
    '<figure class="embed" data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ"></figure>'
)


def test_an_embed_in_the_preview_loads_its_player_on_a_click(new_page):
    """The preview is a document of its own under its response's policy, which lets the
    unsaved story's embeds frame their players (and nothing else) once asked."""
    make_user("editor", username="editor")
    story = make_article(headline="Trailer for 東京", body=f"<p>Watch.</p>{YOUTUBE}")
    editor = new_page(width=1280)
    log_in(editor, "editor")
    editor.goto(f"/admin/articles/article/{story.pk}/change/")
    editor.get_by_role("button", name="Show preview").click()
    preview = editor.frame_locator("iframe[title='Story preview']")
    expect(preview.get_by_role("heading", name="Trailer for 東京")).to_be_visible()
    editor.get_by_label("Headline:").fill("Trailer for 東京, retitled")
    expect(preview.get_by_role("heading", name="Trailer for 東京, retitled")).to_be_visible()
    expect(editor.get_by_role("status")).to_have_text("up to date")

    with editor.expect_request(lambda request: "youtube-nocookie.com" in request.url) as asked:
        preview.get_by_role("button", name="Load content from YouTube").click()

    assert asked.value.url.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    expect(preview.locator("iframe.embed__frame")).to_have_count(1)
    # (tests/e2e/conftest.py fails the test on any Content Security Policy violation.)
    # Still a preview, not a save.
    story.refresh_from_db()
    assert story.headline == "Trailer for 東京"


SCREENS = {"laptop": (1280, 800), "desktop": (1440, 900), "phone": (390, 844)}

# Scroll `element` as little as needed to bring it into view, then say where it is and
# whether it is what a click at its middle would reach (nothing lies over it).
IN_REACH = """(element) => {
  element.scrollIntoView({block: "nearest", inline: "nearest"});
  const box = element.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    box: {x: box.left, y: box.top, width: box.width, height: box.height},
    clickable: hit === element || element.contains(hit),
  };
}"""


def overlap(a, b):
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.parametrize("screen", SCREENS)
def test_the_open_preview_covers_no_button(new_page, screen):
    """The drawer (a bottom sheet on a phone) leaves every publishing button, the schedule
    field and the share panel in reach: nothing of them lies under it, at any scroll."""
    width, height = SCREENS[screen]
    make_user("editor", username="editor")
    story = make_article(headline="Beyoncé in 東京")
    editor = new_page(width=width, height=height)
    log_in(editor, "editor")
    editor.goto(f"/admin/articles/article/{story.pk}/change/")
    share = editor.locator(".desk-share")
    expect(share.get_by_role("button", name="Create share link")).to_be_visible()

    editor.get_by_role("button", name="Show preview").click()
    drawer = editor.get_by_role("complementary", name="Preview")
    preview = editor.frame_locator("iframe[title='Story preview']")
    expect(preview.get_by_role("heading", name="Beyoncé in 東京")).to_be_visible()
    pane = drawer.bounding_box()
    if screen == "phone":  # A sheet over the bottom of the screen, the full width.
        assert (pane["x"], pane["width"]) == (0, width)
        assert pane["y"] + pane["height"] == height and pane["height"] < 0.6 * height
    else:  # A drawer at the right, the full height below the admin's header.
        assert pane["x"] + pane["width"] == width and pane["width"] >= 0.35 * width
        form = editor.locator("#content-main").bounding_box()
        assert form["x"] + form["width"] <= pane["x"]

    buttons = editor.locator(".submit-row input, .submit-row a.deletelink")
    # Save draft, Submit for review, Publish now, the time, Schedule, Delete: top and bottom.
    expect(buttons).to_have_count(12)
    for target in [*buttons.all(), share]:
        spot = target.evaluate(IN_REACH)
        name = target.evaluate("e => e.name || e.textContent.trim().slice(0, 20)")
        assert spot["clickable"], f"{name} is covered at {width}x{height}"
        assert not overlap(spot["box"], pane), f"{name} is under the preview"
        assert 0 <= spot["box"]["y"] and spot["box"]["y"] + spot["box"]["height"] <= height + 1

    # With the preview still open, the share panel works.
    share.get_by_role("button", name="Create share link").click()
    expect(share.get_by_role("button", name="Revoke")).to_be_visible()
    assert share.get_by_role("button", name="Revoke").evaluate(IN_REACH)["clickable"]
    expect(drawer).to_be_visible()


def test_a_shared_link_stops_working_once_it_expires(new_page):
    editor = make_user("editor", username="editor")
    story = make_article(headline="Saved headline about Amélie")
    link, token = SharedPreview.objects.create_for(story, editor, days=1)

    reader = new_page()  # No login, no cookies.
    response = reader.goto(reverse("desk:shared-story", kwargs={"token": token}))
    assert response.status == 200
    expect(reader.get_by_role("heading", name="Saved headline about Amélie")).to_be_visible()
    expect(reader.get_by_text("Shared draft for review")).to_be_visible()

    SharedPreview.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = reader.reload()

    assert response.status == 410
    expect(reader.get_by_role("heading", name="This preview link no longer works")).to_be_visible()
    expect(reader.get_by_text("It was only valid for a limited time.")).to_be_visible()
    expect(reader.get_by_text("Saved headline about Amélie")).to_have_count(0)
