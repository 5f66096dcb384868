"""Two editors on the same story in two browsers: the second one's stale save is refused
with a conflict screen, and neither loses a word."""

from playwright.sync_api import expect

from articles.models import Article
from tests.e2e.test_editor_story import log_in, save
from tests.factories import make_article, make_user

FIRST_BODY = "Amélie’s rewrite: the premiere moves to 東京 in March."
SECOND_BODY = "Beyoncé’s publicist confirmed the tour dates this morning."


def type_into_body(page, text):
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(text)
    expect(body).to_contain_text(text)


def test_a_stale_save_shows_both_texts_and_loses_nothing(new_page):
    story = make_article(headline="Night Signal opens", body="<p>The opening paragraph.</p>")
    make_user("editor", username="ana")
    make_user("editor", username="ben")
    change = f"/admin/articles/article/{story.pk}/change/"

    first, second = new_page(), new_page()
    for page, username in ((first, "ana"), (second, "ben")):
        log_in(page, username)
        page.goto(change)

    type_into_body(first, FIRST_BODY)
    save(first, "Save draft")

    type_into_body(second, SECOND_BODY)
    second.get_by_role("button", name="Save draft", exact=True).first.click()

    expect(second.get_by_text("Your changes were not saved")).to_be_visible()
    body_row = second.locator('#conflict-fields tr[data-field="body"]')
    expect(body_row).to_be_visible()
    theirs = body_row.locator(".conflict-theirs").input_value()
    mine = body_row.locator(".conflict-mine").input_value()
    assert FIRST_BODY in theirs and SECOND_BODY not in theirs
    assert SECOND_BODY in mine and "The opening paragraph." in mine

    live = Article.objects.get(pk=story.pk)
    assert FIRST_BODY in live.body and SECOND_BODY not in live.body

    second.get_by_role("link", name="Reload the newest version").first.click()
    expect(second.locator(".ProseMirror[contenteditable=true]")).to_contain_text(FIRST_BODY)
