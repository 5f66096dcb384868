"""An editor's story, end to end in a real browser: a writer drafts it, an editor publishes it,
readers find it everywhere it belongs, and its history can be restored."""

from datetime import timedelta

import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from articles import publishing
from articles.models import Article, Section
from people.models import Person
from sister_sites.models import SisterLink, SisterSite
from tests.e2e.conftest import log_in
from tests.factories import image_bytes, make_user

HEADLINE = "Dana Lead gives the scoop on Night Signal"
NEW_HEADLINE = "Dana Lead on Night Signal: the scoop, and what comes next"
PULL_QUOTE = "I read the last page and called my agent from the car park."


def field(page, label):
    """A form field by its label, as the admin writes it ("Title:")."""
    return page.get_by_label(f"{label}:", exact=True)


def pick(page, field_id, text):
    """Choose `text` in one of the admin's autocomplete (select2) fields, as a person does."""
    page.locator(f"#{field_id} + .select2").click()
    page.keyboard.type(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def save(page, button="Save and continue editing"):
    # The story form has its buttons at the top and at the bottom.
    page.get_by_role("button", name=button, exact=True).first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def upload_image(page, title, *, alt, caption, credit, color):
    page.goto("/admin/media/image/add/")
    page.locator("#id_file").set_input_files(
        files=[
            {
                "name": f"{title.lower().replace(' ', '-')}.png",
                "mimeType": "image/png",
                "buffer": image_bytes(size=(1600, 900), color=color),
            }
        ]
    )
    field(page, "Title").fill(title)
    field(page, "Alt text").fill(alt)
    field(page, "Caption").fill(caption)
    field(page, "Credit").fill(credit)
    save(page, "Save")


def write_body(page):
    """A heading, paragraphs, a pull quote and a library image, through the editor's toolbar."""
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.click()
    page.keyboard.type("## Why it matters")
    page.keyboard.press("Enter")
    page.keyboard.type("The thriller arrives on Friday after two years of rumours.")
    page.keyboard.press("Enter")
    page.keyboard.type(PULL_QUOTE)
    page.get_by_role("button", name="Pull quote").click()
    expect(body.locator("blockquote.pull-quote")).to_have_text(PULL_QUOTE)
    # Twice Enter leaves the quote for a plain paragraph again.
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("She says the ending surprised even the crew.")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Image from library").click()
    picker = page.get_by_role("dialog", name="Image from library")
    picker.get_by_role("button", name="On set").click()
    expect(body.locator("figure img")).to_be_visible()


def test_a_story_goes_from_draft_to_readers_and_back_through_its_history(new_page, live_server):
    Section.objects.create(name="Interviews", slug="interviews")
    writer_login = make_user("writer", username="wes")
    make_user("editor", username="edie")
    Person.objects.create(name="Wes Writer", slug="wes-writer", user=writer_login)
    sister = SisterSite.objects.create(
        name="Nightshift", slug="nightshift", home_url="https://nightshift.example/"
    )
    SisterLink.objects.create(
        site=sister,
        title="Ten thrillers worth staying up for",
        url="https://nightshift.example/ten-thrillers/",
        published_at=timezone.now(),
    )

    # 1. The writer uploads pictures, adds a person and a film, and writes the story.
    writer = new_page()
    log_in(writer, "wes")
    upload_image(
        writer,
        "Hero shot",
        alt="Dana Lead in a rain-soaked street at night",
        caption="Dana Lead as Charlotte in Night Signal.",
        credit="PHOTO: Netflix",
        color=(30, 60, 120),
    )
    upload_image(
        writer,
        "On set",
        alt="A film crew around a camera on a wet street",
        caption="Shooting the final scene.",
        credit="PHOTO: Metro",
        color=(120, 90, 30),
    )

    writer.goto("/admin/people/person/add/")
    field(writer, "Name").fill("Dana Lead")
    field(writer, "Description").fill("actor")
    save(writer, "Save")

    writer.goto("/admin/films/film/add/")
    field(writer, "Title").fill("Night Signal")
    writer.locator("#id_release_date").fill("2026-12-04")
    writer.get_by_role("button", name="Add another Credit").click()
    pick(writer, "id_credits-0-person", "Dana Lead")
    writer.locator("#id_credits-0-character_name").fill("Charlotte")
    save(writer, "Save")

    writer.goto("/admin/articles/article/add/")
    field(writer, "Headline").fill(HEADLINE)
    field(writer, "Standfirst").fill(
        "The star of the new streaming thriller on the role of her life."
    )
    write_body(writer)
    pick(writer, "id_hero_image", "Hero shot")
    pick(writer, "id_section", "Interviews")
    field(writer, "Tags").fill("Thrillers, Streaming")
    pick(writer, "id_people", "Dana Lead")
    pick(writer, "id_films", "Night Signal")
    # The byline starts with the writer's own name.
    expect(writer.locator("#id_authorships-0-person + .select2")).to_contain_text("Wes Writer")
    save(writer, "Save draft")
    expect(writer.locator(".messagelist .success")).to_have_text(f"Draft saved: {HEADLINE}")
    story = Article.objects.get(headline=HEADLINE)
    assert story.status == Article.Status.DRAFT

    save(writer, "Submit for review")
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEW

    # 2. The writer cannot publish: no Status menu, no such button, and a forced one is refused.
    expect(writer.locator(".field-publication_state .readonly")).to_have_text("In review")
    expect(writer.get_by_label("Status:")).to_have_count(0)
    expect(writer.get_by_role("button", name="Publish now")).to_have_count(0)
    writer.locator("#article_form").evaluate(
        """form => {
            for (const [name, value] of [["_publish", "1"], ["status", "published"]]) {
                form.append(Object.assign(document.createElement("input"), {type: "hidden", name, value}));
            }
        }"""
    )
    writer.get_by_role("button", name="Save", exact=True).first.click()
    expect(writer.locator(".errornote + .errorlist, .errorlist.nonfield")).to_contain_text(
        "Only editors can publish or schedule a story."
    )
    expect(writer.locator(".field-publication_state .readonly")).to_have_text("In review")
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEW

    # 3. Readers cannot see it yet; an editor's preview shows it.
    reader = new_page()
    assert reader.goto(story.get_absolute_url()).status == 404
    editor = new_page()
    log_in(editor, "edie")
    editor.goto(f"/preview/articles/{story.pk}/")
    expect(editor.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(editor.get_by_role("status")).to_contain_text("Preview")

    # 4. The editor publishes it, and schedules a second story.
    editor.goto(f"/admin/articles/article/{story.pk}/change/")
    save(editor, "Publish now")
    expect(editor.get_by_role("link", name="View on site")).to_be_visible()
    expect(editor.locator(".field-publication_state .readonly")).to_contain_text("Live since ")
    story.refresh_from_db()
    assert story.is_live
    expect(editor.locator(".messagelist .success")).to_contain_text(
        f"Published: {HEADLINE} is live at http"
    )

    later = timezone.localtime() + timedelta(hours=1)
    editor.goto("/admin/articles/article/add/")
    field(editor, "Headline").fill("Night Signal: the review")
    field(editor, "Standfirst").fill("Our critic on the thriller everyone will be watching.")
    editor.locator(".ProseMirror[contenteditable=true]").click()
    editor.keyboard.type("A taut, wintry thriller.")
    pick(editor, "id_section", "Interviews")
    # Not ready yet: publishing says what is missing and keeps what was typed.
    editor.locator("input[name=_schedule_at]").first.fill(later.strftime("%Y-%m-%dT%H:%M"))
    editor.get_by_role("button", name="Schedule", exact=True).first.click()
    expect(editor.locator(".messagelist .error")).to_have_text(
        "To publish, add: a byline; a hero image (or tick “No picture”)."
    )
    expect(field(editor, "Headline")).to_have_value("Night Signal: the review")
    # Still a draft, with a draft's buttons, whatever the refused button asked for.
    expect(editor.locator(".field-publication_state .readonly")).to_have_text("Draft")
    expect(editor.get_by_role("button", name="Save draft", exact=True)).to_have_count(2)
    editor.get_by_role("button", name="Add another Byline").click()
    pick(editor, "id_authorships-0-person", "Wes Writer")
    editor.get_by_label("No picture", exact=True).check()
    editor.locator("input[name=_schedule_at]").first.fill(later.strftime("%Y-%m-%dT%H:%M"))
    save(editor, "Schedule")
    expect(editor.locator(".messagelist .success")).to_contain_text("Scheduled for ")
    expect(editor.locator(".field-publication_state .readonly")).to_have_text(
        f"Scheduled for {publishing.newsroom_time(later)}"
    )
    scheduled = Article.objects.get(headline="Night Signal: the review")
    assert scheduled.is_scheduled
    assert reader.goto(scheduled.get_absolute_url()).status == 404

    with time_machine.travel(later + timedelta(minutes=1), tick=True):
        assert reader.goto(scheduled.get_absolute_url()).status == 200
        expect(reader.get_by_role("heading", level=1)).to_have_text("Night Signal: the review")

    # Readers find the story wherever it belongs.
    reader.goto("/")
    expect(reader.get_by_role("link", name=HEADLINE).first).to_be_visible()
    for place in ("/interviews/", "/tags/thrillers/", "/people/dana-lead/", "/films/night-signal/"):
        reader.goto(place)
        expect(reader.get_by_role("link", name=HEADLINE).first).to_be_visible()
    reader.goto("/")
    reader.get_by_role("searchbox").first.fill("scoop")
    reader.keyboard.press("Enter")
    expect(reader.get_by_role("link", name=HEADLINE).first).to_be_visible()

    reader.get_by_role("link", name=HEADLINE).first.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    hero = reader.locator(".story__hero")
    expect(hero.locator("img")).to_have_attribute(
        "alt", "Dana Lead in a rain-soaked street at night"
    )
    expect(hero.locator("figcaption")).to_have_text(
        "Dana Lead as Charlotte in Night Signal. PHOTO: Netflix"
    )
    # Wait for the picture to finish loading (under load it may still be decoding).
    expect(hero.locator("img")).to_have_js_property("complete", True)
    assert hero.locator("img").evaluate("img => img.naturalWidth > 0")
    expect(reader.locator(".byline")).to_contain_text("By Wes Writer")
    expect(reader.locator(".story__body h2")).to_have_text("Why it matters")
    expect(reader.locator(".story__body blockquote.pull-quote")).to_have_text(PULL_QUOTE)
    body_figure = reader.locator(".story__body figure")
    expect(body_figure.locator("img")).to_have_attribute(
        "alt", "A film crew around a camera on a wet street"
    )
    expect(body_figure.locator("figcaption")).to_contain_text("Shooting the final scene.")
    in_this_story = reader.get_by_role("complementary", name="In this story")
    expect(in_this_story.get_by_role("link", name="Night Signal").first).to_be_visible()
    expect(in_this_story.get_by_role("link", name="Dana Lead").first).to_be_visible()
    sister_sites = reader.get_by_role("complementary", name="More from our sister sites")
    expect(
        sister_sites.get_by_role("link", name="Ten thrillers worth staying up for")
    ).to_be_visible()

    # 5. The editor changes the headline; the history has both versions; restoring brings it back.
    editor.goto(f"/admin/articles/article/{story.pk}/change/")
    field(editor, "Headline").fill(NEW_HEADLINE)
    save(editor, "Save changes")
    reader.reload()
    expect(reader.get_by_role("heading", level=1)).to_have_text(NEW_HEADLINE)

    editor.goto(f"/admin/articles/article/{story.pk}/history/")
    versions = editor.locator("#change-history tbody tr")
    expect(versions).to_have_count(4)  # Drafted, submitted, published, retitled: newest first.
    expect(versions.nth(0)).to_contain_text("Headline")
    versions.nth(1).get_by_role("link").first.click()
    expect(field(editor, "Headline")).to_have_value(HEADLINE)
    editor.get_by_role("button", name="Save changes", exact=True).first.click()
    expect(editor.locator(".messagelist .success")).to_be_visible()
    reader.reload()
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
