"""The story form's live preview and shared draft links, in a real browser."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "pw-for-tests"


def log_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Newsroom")).to_be_visible()


def test_the_preview_follows_typing_and_a_shared_link_works_until_revoked(new_page):
    make_user("editor", username="editor")
    story = make_article(headline="Saved headline about Amélie")
    editor = new_page(width=1280)
    log_in(editor, "editor")
    editor.goto(f"/admin/articles/article/{story.pk}/change/")

    # At 1280 px the pane waits behind a button, so the form keeps the whole width.
    editor.get_by_role("button", name="Show preview").click()
    preview = editor.frame_locator("iframe[title='Story preview']")
    expect(preview.get_by_role("heading", name="Saved headline about Amélie")).to_be_visible()
    editor.get_by_label("Headline:").fill("Beyoncé in 東京: typed, not saved")
    expect(preview.get_by_role("heading", name="Beyoncé in 東京: typed, not saved")).to_be_visible()
    expect(preview.get_by_text("Live preview of unsaved changes")).to_be_visible()
    editor.get_by_role("button", name="Phone").click()
    expect(editor.locator("iframe[title='Story preview']")).to_have_attribute("sandbox", "")
    assert editor.locator("iframe[title='Story preview']").bounding_box()["width"] < 400

    # At this width the open pane lies over the right of the form; the editor hides it.
    editor.get_by_role("button", name="Hide preview").click()
    editor.get_by_role("button", name="Create share link").click()
    link = editor.get_by_label("New link (copy it now; it is shown only once):").input_value()
    expect(editor.get_by_role("button", name="Revoke")).to_have_count(1)

    reader = new_page()  # A fresh context: no login, no cookies.
    reader.goto(link)
    expect(reader.get_by_role("heading", name="Saved headline about Amélie")).to_be_visible()
    expect(reader.get_by_text("Shared draft for review")).to_be_visible()

    editor.get_by_role("button", name="Revoke").click()
    expect(editor.get_by_text("No live share links.")).to_be_visible()
    response = reader.goto(link)
    assert response.status == 410
    expect(reader.get_by_role("heading", name="This preview link no longer works")).to_be_visible()
