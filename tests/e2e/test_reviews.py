"""A review, end to end in a real browser: an editor makes a story a review, picks its film
and four stars, and publishes it; readers see the stars (and hear "4 out of 5 stars")
on the review, and "Our review" on the film's page."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from articles.models import Article, Section
from films.models import Credit, Film
from people.models import Person
from tests.e2e.conftest import AXE
from tests.e2e.test_editor_story import field, log_in, pick, save
from tests.e2e.test_reader_pages import BLOCKING_IMPACTS
from tests.factories import make_user

HEADLINE = "Amélie review: Montmartre's dreamer still charms"


def serious_axe_violations(page):
    page.add_script_tag(path=AXE)
    results = page.evaluate("async () => await axe.run(document)")
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def test_an_editor_rates_a_review_and_readers_see_and_hear_the_stars(new_page):
    Section.objects.create(name="Reviews", slug="reviews")
    make_user("editor", username="edie")
    Person.objects.create(name="Zoë Ørsted", slug="zoe-orsted", description="film critic")
    film = Film.objects.create(title="Amélie", slug="amelie", release_date=date(2001, 4, 25))
    director = Person.objects.create(name="Jean-Pierre Jeunet", slug="jean-pierre-jeunet")
    Credit.objects.create(film=film, person=director, role=Credit.Role.DIRECTOR)

    # 1. The editor writes the story; the Review fieldset shows once it is a review.
    editor = new_page()
    log_in(editor, "edie")
    editor.goto("/admin/articles/article/add/")
    review_fieldset = editor.get_by_role("group", name="Review")
    expect(review_fieldset).to_be_hidden()
    field(editor, "Headline").fill(HEADLINE)
    field(editor, "Standfirst").fill(
        "Twenty-five years on, Jeunet's fable has lost none of its sparkle."
    )
    editor.locator(".ProseMirror[contenteditable=true]").click()
    editor.keyboard.type("A film of small pleasures, and a large one.")
    pick(editor, "id_section", "Reviews")
    field(editor, "Format").select_option(label="Review")
    expect(review_fieldset).to_be_visible()

    # 2. The film by autocomplete, four stars from the named radio group, a byline.
    pick(editor, "id_reviewed_film", "Amélie")
    rating = editor.get_by_role("group", name="Rating")
    expect(rating.get_by_role("radio")).to_have_count(12)
    rating.get_by_role("radio", name="4 out of 5", exact=True).check()
    expect(rating.get_by_role("radio", name="4½ out of 5", exact=True)).not_to_be_checked()
    editor.get_by_role("button", name="Add another Byline").click()
    pick(editor, "id_authorships-0-person", "Zoë Ørsted")
    editor.get_by_label("No picture", exact=True).check()
    save(editor, "Publish now")
    expect(editor.locator(".messagelist .success")).to_contain_text(f"Published: {HEADLINE}")

    review = Article.objects.get(headline=HEADLINE)
    assert (review.format, review.rating, review.reviewed_film_id) == ("review", 8, film.pk)
    assert review.is_live and list(review.films.all()) == [film]
    # Back on the form, the fieldset shows the choices made.
    expect(review_fieldset).to_be_visible()
    expect(rating.get_by_role("radio", name="4 out of 5", exact=True)).to_be_checked()

    # 3. The reader sees four stars by the headline and hears "4 out of 5 stars".
    reader = new_page(bypass_csp=True)  # for axe, injected below
    reader.goto(review.get_absolute_url())
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    verdict = reader.locator(".story__verdict")
    expect(verdict).to_be_visible()
    expect(verdict.locator("svg")).to_have_attribute("aria-hidden", "true")
    assert verdict.locator("svg").bounding_box()["width"] > 40
    filled = verdict.locator('svg path[fill="currentColor"]').get_attribute("d")
    assert filled.count("M") == 4
    snapshot = verdict.aria_snapshot()
    assert "4 out of 5 stars" in snapshot
    assert "img" not in snapshot  # the drawing is not announced
    expect(verdict.get_by_role("link", name="Amélie")).to_have_attribute("href", "/films/amelie/")
    assert not serious_axe_violations(reader)

    # 4. The film page links "Our review", with the stars and the critic.
    reader.goto("/films/amelie/")
    our_review = reader.locator(".our-review")
    expect(our_review).to_contain_text("Our review")
    expect(our_review).to_contain_text("by Zoë Ørsted")
    assert "4 out of 5 stars" in our_review.aria_snapshot()
    link = reader.get_by_role("link", name=re.compile(r"^Our review"))
    expect(link).to_have_attribute("href", review.get_absolute_url())
    assert not serious_axe_violations(reader)
    link.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)


@pytest.mark.parametrize("format_label", ["News", "Interview"])
def test_the_review_fieldset_stays_hidden_for_other_formats(new_page, format_label):
    make_user("editor", username="edie")
    editor = new_page()
    log_in(editor, "edie")
    editor.goto("/admin/articles/article/add/")
    field(editor, "Format").select_option(label="Review")
    expect(editor.get_by_role("group", name="Review")).to_be_visible()
    field(editor, "Format").select_option(label=format_label)
    expect(editor.get_by_role("group", name="Review")).to_be_hidden()
    # A choice made is never hidden: picking stars then another format keeps them in sight.
    field(editor, "Format").select_option(label="Review")
    editor.get_by_role("radio", name="3½ out of 5", exact=True).check()
    field(editor, "Format").select_option(label=format_label)
    expect(editor.get_by_role("group", name="Review")).to_be_visible()
