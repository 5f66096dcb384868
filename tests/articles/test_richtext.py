"""The story body: the sanitiser's allow-list, library figures rendered from the
library, and the admin's editor."""

import html
import json
import re

import pytest
from django.urls import reverse

from articles.richtext import render_body, sanitize_body
from media.pictures import slot_picture
from tests.factories import make_article, make_image


def library_figure(image_id, src="/media/old.png", alt="Old alt", caption="Old", credit="OLD"):
    """A figure as the editor stores it."""
    return (
        f'<figure class="media-image" data-image-id="{image_id}">'
        f'<img src="{src}" alt="{alt}">'
        f'<figcaption>{caption} <span class="credit">{credit}</span></figcaption></figure>'
    )


# Sanitising


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        pytest.param("<p>Hi</p><script>alert(1)</script>", "<p>Hi</p>", id="script"),
        pytest.param("<p>Hi<script>document.cookie</script></p>", "<p>Hi</p>", id="inline-script"),
        pytest.param('<img src="/a.png" onerror="alert(1)">', '<img src="/a.png">', id="onerror"),
        pytest.param('<p onclick="alert(1)">Hi</p>', "<p>Hi</p>", id="onclick"),
        pytest.param(
            '<a href="javascript:alert(1)">x</a>',
            '<a rel="noopener noreferrer">x</a>',
            id="js-href",
        ),
        pytest.param(
            '<a href=" JaVaScRiPt:alert(1)">x</a>',
            '<a rel="noopener noreferrer">x</a>',
            id="js-href-mixed-case",
        ),
        pytest.param('<img src="javascript:alert(1)">', "<img>", id="js-src"),
        pytest.param('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "<img>", id="data-src"),
        pytest.param(
            '<a href="data:text/html,<script>alert(1)</script>">x</a>',
            '<a rel="noopener noreferrer">x</a>',
            id="data-href",
        ),
        pytest.param('<p style="background:url(x)">Hi</p>', "<p>Hi</p>", id="style-attribute"),
        pytest.param("<style>body{display:none}</style><p>Hi</p>", "<p>Hi</p>", id="style-tag"),
        pytest.param(
            '<iframe src="https://evil.example/"></iframe><p>Hi</p>', "<p>Hi</p>", id="iframe"
        ),
        pytest.param(
            '<svg onload="alert(1)"><circle r="1"/></svg><p>Hi</p>', "<p>Hi</p>", id="svg"
        ),
        pytest.param("<svg><script>alert(1)</script></svg><p>Hi</p>", "<p>Hi</p>", id="svg-script"),
        pytest.param(
            '<p><a href="#"><svg><a xlink:href="javascript:alert(1)">x</a></svg></a></p>',
            '<p><a href="#" rel="noopener noreferrer"></a></p>',
            id="svg-xlink",
        ),
        pytest.param(
            '<blockquote class="pull-quote evil"><p>q</p></blockquote>',
            '<blockquote class="pull-quote"><p>q</p></blockquote>',
            id="unknown-class",
        ),
        pytest.param(
            '<figure class="media-image" data-image-id="1" data-x="y" onclick="x()"></figure>',
            '<figure class="media-image" data-image-id="1"></figure>',
            id="figure-extras",
        ),
        pytest.param("<p>Hi<!-- secret --></p>", "<p>Hi</p>", id="comment"),
    ],
)
def test_sanitising_removes_what_is_not_allowed(dirty, clean):
    assert sanitize_body(dirty) == clean


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param("<h2>Two</h2><h3>Three</h3><h4>Four</h4>", id="headings"),
        pytest.param("<p><strong>b</strong> <em>i</em> <s>s</s><br>next</p>", id="marks"),
        pytest.param(
            '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">x</a></p>',
            id="https",
        ),
        pytest.param(
            '<p><a href="http://example.com/" rel="noopener noreferrer">x</a></p>', id="http"
        ),
        pytest.param(
            '<p><a href="mailto:news@metro.example" rel="noopener noreferrer">x</a></p>',
            id="mailto",
        ),
        pytest.param('<ul><li><p>a</p></li></ul><ol start="3"><li><p>b</p></li></ol>', id="lists"),
        pytest.param("<blockquote><p>Said.</p></blockquote><hr>", id="blockquote-and-rule"),
        pytest.param('<blockquote class="pull-quote"><p>Pulled.</p></blockquote>', id="pull-quote"),
        pytest.param(
            library_figure(7, caption="A &amp; B", credit="PHOTO: Netflix"), id="media-figure"
        ),
    ],
)
def test_allowed_markup_survives_unchanged(markup):
    assert sanitize_body(markup) == markup


def test_an_empty_editor_is_an_empty_body():
    assert sanitize_body("<p></p>") == ""
    assert sanitize_body(None) == ""


# Rendering library figures


@pytest.mark.django_db
def test_a_figure_shows_the_images_current_caption_credit_and_alt_text():
    image = make_image(alt_text="New alt", caption="New caption", credit="PHOTO: New")

    rendered = render_body(f"<p>Before</p>{library_figure(image.pk)}<p>After</p>")

    assert rendered == (
        "<p>Before</p>"
        f'<figure class="media-image" data-image-id="{image.pk}">'
        f"{slot_picture(image, 'story-body')}"
        '<figcaption>New caption <span class="credit">PHOTO: New</span></figcaption></figure>'
        "<p>After</p>"
    )
    # Readers get resized renditions, never the original file.
    assert image.url not in rendered
    assert 'width="64" height="48" alt="New alt" loading="lazy"' in rendered


@pytest.mark.django_db
def test_a_credit_with_a_web_address_is_linked():
    image = make_image(credit="PHOTO: Getty", credit_url="https://example.com/?a=1&b=2")

    assert (
        '<span class="credit"><a href="https://example.com/?a=1&amp;b=2" '
        'rel="noopener noreferrer">PHOTO: Getty</a></span>'
    ) in render_body(library_figure(image.pk))


@pytest.mark.django_db
def test_a_credit_address_that_is_not_a_web_page_is_not_linked():
    image = make_image(credit="PHOTO: Archive", credit_url="ftp://archive.example/pic")

    rendered = render_body(library_figure(image.pk))

    assert '<span class="credit">PHOTO: Archive</span>' in rendered
    assert "ftp:" not in rendered


@pytest.mark.django_db
def test_caption_credit_and_alt_text_are_escaped():
    image = make_image(
        alt_text='"><script>alert(1)</script>',
        caption="<script>alert('caption')</script> & more",
        credit="<b>PHOTO</b>",
    )

    rendered = render_body(library_figure(image.pk))

    assert "<script" not in rendered
    assert "<b>" not in rendered
    assert "&lt;script&gt;alert(&#x27;caption&#x27;)&lt;/script&gt; &amp; more" in rendered
    assert 'alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in rendered
    assert '<span class="credit">&lt;b&gt;PHOTO&lt;/b&gt;</span>' in rendered


@pytest.mark.django_db
def test_an_image_without_caption_or_credit_has_no_figcaption():
    image = make_image(caption="", credit="")
    assert "figcaption" not in render_body(library_figure(image.pk))


@pytest.mark.django_db
def test_an_image_with_only_a_credit_has_no_stray_space():
    image = make_image(caption="", credit="PHOTO: Metro")
    assert '<figcaption><span class="credit">PHOTO: Metro</span></figcaption>' in render_body(
        library_figure(image.pk)
    )


@pytest.mark.django_db
def test_figures_of_deleted_or_unknown_images_are_dropped():
    kept = make_image()
    deleted = make_image()
    deleted_id = deleted.pk
    deleted.delete()

    rendered = render_body(
        f"<p>a</p>{library_figure(deleted_id)}<p>b</p>{library_figure('x1')}"
        f"{library_figure(kept.pk)}<p>c</p>"
    )

    assert rendered.count("<figure") == 1
    assert f'data-image-id="{kept.pk}"' in rendered
    assert rendered.startswith("<p>a</p><p>b</p><figure")
    assert rendered.endswith("</figure><p>c</p>")


@pytest.mark.django_db
@pytest.mark.parametrize("figures", [1, 2, 10])
def test_rendering_takes_one_query_however_many_figures(django_assert_num_queries, figures):
    images = [make_image() for _ in range(figures)]
    body = "".join(f"<p>{n}</p>{library_figure(image.pk)}" for n, image in enumerate(images))

    with django_assert_num_queries(1):
        rendered = render_body(body)

    assert rendered.count('<figure class="media-image"') == figures


@pytest.mark.django_db
def test_a_body_without_figures_needs_no_query(django_assert_num_queries):
    body = '<h2>Head</h2><p>Fish &amp; chips &#8212; <a href="https://x.example/">x</a></p><hr>'
    with django_assert_num_queries(0):
        assert render_body(body) == body


@pytest.mark.django_db
def test_the_story_body_is_sanitised_then_rendered_from_the_library():
    image = make_image(caption="Current caption", credit="PHOTO: Current")
    story = make_article(body=f"<p>Hi</p>{library_figure(image.pk)}")
    # Whatever got into the database by another route is cleaned on the way out.
    type(story).objects.filter(pk=story.pk).update(
        body=story.body + '<script>alert(1)</script><img src="x" onerror="alert(1)">'
    )
    story.refresh_from_db()
    image.caption = "Changed after the story was written"
    image.save()

    body_html = story.body_html

    assert "Changed after the story was written" in body_html
    assert "Old" not in body_html
    assert "<script" not in body_html and "onerror" not in body_html


# The admin's editor


def editor_config(page):
    match = re.search(r'data-django-prose-editor-configurable="([^"]*)"', page)
    assert match, "the body's editor widget is missing"
    return json.loads(html.unescape(match.group(1)))


@pytest.mark.django_db
def test_the_article_form_renders_the_editor_with_metros_extensions(editor_client):
    response = editor_client.get(reverse("admin:articles_article_add"))
    assert response.status_code == 200
    page = response.content.decode()

    config = editor_config(page)
    assert {"PullQuote", "MediaLibraryImage", "MetroLink", "Embed", "Heading"} <= config[
        "extensions"
    ].keys()
    # Metro's link replaces the stock one, whose dialog only takes a URL.
    assert "Link" not in config["extensions"]
    assert "NodeClass" not in config["extensions"]
    assert config["extensions"]["MetroLink"]["targetsUrl"] == reverse(
        "admin:articles_article_link_targets"
    )
    assert config["extensions"]["MediaLibraryImage"]["pickerUrl"] == reverse(
        "admin:media_image_picker"
    )
    assert config["extensions"]["Embed"]["describeUrl"] == reverse("admin:articles_article_embed")
    assert config["js_modules"] == [
        "/static/admin/metro/pull-quote.js",
        "/static/admin/metro/story-link.js",
        "/static/admin/metro/library-image.js",
        "/static/admin/metro/embed.js",
    ]
    assert 'src="/static/django_prose_editor/configurable.js"' in page
    assert 'href="/static/admin/metro/admin.css"' in page


@pytest.mark.django_db
def test_the_article_form_suggests_existing_tags(editor_client):
    page = editor_client.get(reverse("admin:articles_article_add")).content.decode()

    assert 'src="/static/admin/metro/tag-suggest.js"' in page
    assert (
        'data-tag-suggest-url="/admin/autocomplete/?app_label=articles&amp;'
        'model_name=article&amp;field_name=tags"'
    ) in page
