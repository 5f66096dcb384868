"""Galleries in the admin: their pictures in order, saves that never silently overwrite,
revisions, the story editor's gallery picker, and what published stories show."""

import pytest
from django.urls import reverse
from reversion.models import Version

from media.galleries import load_galleries
from media.models import Gallery, GalleryItem
from tests.factories import make_article, make_gallery, make_image, started_from
from tests.pages import admin_form_data

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:media_gallery_add")
PICKER_URL = reverse("admin:media_gallery_picker")


def change_url(gallery):
    return reverse("admin:media_gallery_change", args=[gallery.pk])


def items_form(rows, *, initial=0):
    """The pictures inline's fields: `rows` of (image, order, caption, credit[, item id])."""
    data = {
        "items-TOTAL_FORMS": str(len(rows)),
        "items-INITIAL_FORMS": str(initial),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for number, (image, order, caption, credit, *item_id) in enumerate(rows):
        data |= {
            f"items-{number}-image": image.pk,
            f"items-{number}-order": order,
            f"items-{number}-caption": caption,
            f"items-{number}-credit": credit,
        }
        if item_id:
            data[f"items-{number}-id"] = item_id[0]
    return data


def titles_in_order(gallery):
    return [item.image.title for item in gallery.items.select_related("image")]


def test_a_gallery_is_built_in_the_admin_with_its_pictures_in_order(editor_client):
    first, second, third = (make_image(title=title) for title in ("First", "Second", "Third"))
    data = {"title": "Venice, night one: Beyoncé in 東京 couture"} | items_form(
        [(third, 3, "", ""), (first, 1, "Arriving.", ""), (second, 2, "", "PHOTO: Agency")]
    )

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    gallery = Gallery.objects.get()
    assert gallery.title == "Venice, night one: Beyoncé in 東京 couture"
    assert titles_in_order(gallery) == ["First", "Second", "Third"]
    captions = [(item.caption, item.credit) for item in gallery.items.all()]
    assert captions == [("Arriving.", ""), ("", "PHOTO: Agency"), ("", "")]


def test_reordering_pictures_is_a_save_of_their_order_numbers(editor_client):
    a, b, c = (make_image(title=title) for title in ("A", "B", "C"))
    gallery = make_gallery([a, b, c])
    ids = {item.image_id: item.pk for item in gallery.items.all()}

    rows = [(a, 3, "", "", ids[a.pk]), (b, 1, "", "", ids[b.pk]), (c, 2, "", "", ids[c.pk])]
    data = {"title": gallery.title} | items_form(rows, initial=3) | started_from(gallery)
    response = editor_client.post(change_url(gallery), data)

    assert response.status_code == 302
    assert titles_in_order(gallery) == ["B", "C", "A"]


def test_an_items_caption_and_credit_default_to_the_images_own():
    image = make_image(caption="The image's caption", credit="PHOTO: Library")
    gallery = make_gallery([image, (make_image(), {"caption": "Mine", "credit": "PHOTO: Mine"})])
    own, overridden = gallery.items.all()

    assert (own.shown_caption, own.shown_credit) == ("The image's caption", "PHOTO: Library")
    assert (overridden.shown_caption, overridden.shown_credit) == ("Mine", "PHOTO: Mine")


def test_the_item_form_shows_the_images_own_caption_and_credit(editor_client):
    gallery = make_gallery([make_image(caption="Library caption", credit="PHOTO: Library")])

    page = editor_client.get(change_url(gallery)).content.decode()

    assert 'placeholder="Library caption"' in page
    assert 'placeholder="PHOTO: Library"' in page
    assert "admin/metro/gallery-admin.js" in page
    assert f'data-picker-url="{reverse("admin:media_image_picker")}"' in page


def test_the_same_picture_cannot_be_in_a_gallery_twice(editor_client):
    image = make_image()
    data = {"title": "Twice"} | items_form([(image, 1, "", ""), (image, 2, "", "")])

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert not Gallery.objects.exists()


def test_a_stale_save_is_refused_and_its_pictures_are_not_written(editor_client):
    a, b = make_image(title="A"), make_image(title="B")
    gallery = make_gallery([a], title="Red carpet")
    item = gallery.items.get()
    opened = started_from(gallery)  # Two editors open version 1.
    theirs = (
        {"title": "Red carpet, night one"}
        | items_form([(a, 1, "Theirs", "", item.pk)], initial=1)
        | opened
    )
    assert editor_client.post(change_url(gallery), theirs).status_code == 302

    mine = (
        {"title": "Mine, from a stale form"}
        | items_form([(a, 2, "Mine", "", item.pk), (b, 1, "", "")], initial=1)
        | opened
    )
    response = editor_client.post(change_url(gallery), mine)

    assert response.status_code == 409
    page = response.content.decode()
    assert "Red carpet, night one" in page and "Mine, from a stale form" in page
    gallery.refresh_from_db()
    assert (gallery.title, gallery.version) == ("Red carpet, night one", 2)
    assert [(i.image_id, i.order, i.caption) for i in gallery.items.all()] == [(a.pk, 1, "Theirs")]


def test_a_versionless_post_is_a_conflict(editor_client):
    gallery = make_gallery([make_image()], title="Kept")
    response = editor_client.post(change_url(gallery), {"title": "Forged"} | items_form([]))
    assert response.status_code == 409
    assert Gallery.objects.get().title == "Kept"


def test_each_save_is_a_revision_with_the_pictures(editor_client):
    a, b = make_image(title="A"), make_image(title="B")
    gallery = make_gallery([a, b], title="First")
    ids = [item.pk for item in gallery.items.all()]
    rows = [(a, 2, "", "", ids[0]), (b, 1, "", "", ids[1])]
    data = {"title": "Second"} | items_form(rows, initial=2) | started_from(gallery)
    assert editor_client.post(change_url(gallery), data).status_code == 302

    version = Version.objects.get_for_object(gallery).get()
    saved_items = [
        saved.field_dict
        for saved in version.revision.version_set.all()
        if saved.content_type.model == "galleryitem"
    ]
    assert version.field_dict["title"] == "Second"
    assert sorted((item["image_id"], item["order"]) for item in saved_items) == [
        (a.pk, 2),
        (b.pk, 1),
    ]


def test_restoring_an_older_version_brings_back_its_pictures_in_their_order(editor_client):
    a, b, c = (make_image(title=title) for title in ("A", "B", "C"))
    first_save = {"title": "First"} | items_form([(a, 1, "", ""), (b, 2, "", "")])
    assert editor_client.post(ADD_URL, first_save).status_code == 302
    gallery = Gallery.objects.get()
    ids = [item.pk for item in gallery.items.all()]
    second_save = (
        {"title": "Second"}
        | items_form([(a, 3, "", "", ids[0]), (b, 2, "", "", ids[1]), (c, 1, "", "")], initial=2)
        | started_from(gallery)
    )
    assert editor_client.post(change_url(gallery), second_save).status_code == 302
    assert titles_in_order(gallery) == ["C", "B", "A"]
    versions = Version.objects.get_for_object(gallery)
    compare = editor_client.get(
        reverse("admin:media_gallery_compare", args=[gallery.pk]),
        {"version_id1": versions.last().pk, "version_id2": versions.first().pk},
    )
    assert compare.status_code == 200

    revision_url = reverse("admin:media_gallery_revision", args=[gallery.pk, versions.last().pk])
    restored = editor_client.post(revision_url, admin_form_data(editor_client.get(revision_url)))

    assert restored.status_code == 302
    gallery.refresh_from_db()
    assert gallery.title == "First"
    assert titles_in_order(gallery) == ["A", "B"]


def test_load_galleries_reads_any_number_in_one_query(django_assert_num_queries):
    images = [make_image(title=f"Picture {n}") for n in range(5)]
    one = make_gallery(images[:2])
    two = make_gallery(images[2:][::-1])
    empty = make_gallery([])

    with django_assert_num_queries(1):
        galleries = load_galleries({one.pk, two.pk, empty.pk, None, 999_999})
        titles = {
            pk: [item.image.title for item in gallery.items.all()]
            for pk, gallery in galleries.items()
        }

    assert titles == {
        one.pk: ["Picture 0", "Picture 1"],
        two.pk: ["Picture 4", "Picture 3", "Picture 2"],
    }


def test_deleting_an_image_takes_it_out_of_its_galleries():
    kept, deleted = make_image(), make_image()
    gallery = make_gallery([kept, deleted])

    deleted.delete()

    assert [item.image for item in gallery.items.all()] == [kept]


# The story editor's picker


def test_the_picker_lists_galleries_with_their_first_thumbnails(editor_client):
    pictures = [make_image(alt_text=f"Picture {n}") for n in range(6)]
    gallery = make_gallery(pictures, title="東京 premiere")
    make_gallery([], title="Empty")

    data = editor_client.get(PICKER_URL, {"q": "東京"}).json()

    assert data["count"] == 1
    (found,) = data["results"]
    assert (found["id"], found["title"], found["count"]) == (gallery.pk, "東京 premiere", 6)
    assert [thumb["alt"] for thumb in found["thumbnails"]] == [f"Picture {n}" for n in range(4)]
    assert all("/thumb-" in thumb["url"] for thumb in found["thumbnails"])
    assert found["edit_url"] == change_url(gallery)


def test_the_picker_describes_the_galleries_asked_for_by_id(editor_client):
    wanted, other = make_gallery([make_image()]), make_gallery([make_image()])

    asked = f"{wanted.pk},nonsense,²,{'9' * 30},"
    data = editor_client.get(PICKER_URL, {"ids": asked}).json()

    assert [result["id"] for result in data["results"]] == [wanted.pk]
    assert other.pk not in [result["id"] for result in data["results"]]


def test_the_picker_is_for_staff_only(client):
    make_gallery([make_image()])
    response = client.get(PICKER_URL)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


# Galleries on published stories


def body_with(gallery):
    return f'<p>Words.</p><figure class="media-gallery" data-gallery-id="{gallery.pk}"></figure>'


@pytest.mark.parametrize("placed", ["lead", "body"])
def test_a_writer_cannot_change_a_gallery_a_live_story_shows(client, writer, editor, placed):
    from django.test import Client

    gallery = make_gallery([make_image()], title="Before")
    if placed == "lead":
        make_article(live=True, lead_gallery=gallery)
    else:
        make_article(live=True, body=body_with(gallery))
    editor_client = Client()
    editor_client.force_login(editor)
    client.force_login(writer)

    data = admin_form_data(editor_client.get(change_url(gallery))) | {"title": "Changed"}
    response = client.post(change_url(gallery), data)

    assert response.status_code == 403
    assert Gallery.objects.get().title == "Before"


def test_a_writer_cannot_change_a_picture_in_a_gallery_a_live_story_shows(client, writer):
    image = make_image(caption="Before")
    make_article(live=True, body=body_with(make_gallery([image])))
    client.force_login(writer)

    page = client.get(reverse("admin:media_image_change", args=[image.pk]))

    assert "only an editor can change it" in page.content.decode()


def test_a_writer_builds_galleries_for_drafts(writer_client):
    gallery = make_gallery([make_image()], title="Draft gallery")
    make_article(body=body_with(gallery))
    image = gallery.items.get().image
    data = (
        {"title": "Renamed"}
        | items_form([(image, 1, "", "", gallery.items.get().pk)], initial=1)
        | started_from(gallery)
    )

    response = writer_client.post(change_url(gallery), data)

    assert response.status_code == 302
    assert Gallery.objects.get().title == "Renamed"


def test_a_gallery_in_use_cannot_be_deleted_and_says_where(editor_client):
    gallery = make_gallery([make_image()])
    lead = make_article(headline="Leads with it", lead_gallery=gallery)
    body = make_article(headline="Has it in its body", body=body_with(gallery))
    delete_url = reverse("admin:media_gallery_delete", args=[gallery.pk])

    page = editor_client.get(delete_url).content.decode()
    editor_client.post(delete_url, {"post": "yes"})

    assert Gallery.objects.filter(pk=gallery.pk).exists()
    assert "Leads" in page and lead.headline in page
    assert "In the body of" in page and body.headline in page
    change_page = editor_client.get(change_url(gallery)).content.decode()
    assert lead.headline in change_page and body.headline in change_page


def test_an_unused_gallery_is_deleted_with_its_items_not_its_images(editor_client):
    image = make_image()
    gallery = make_gallery([image])
    delete_url = reverse("admin:media_gallery_delete", args=[gallery.pk])

    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302

    assert not Gallery.objects.exists() and not GalleryItem.objects.exists()
    assert type(image).objects.filter(pk=image.pk).exists()


def test_the_gallery_list_shows_thumbnails_and_counts(editor_client):
    make_gallery([make_image(alt_text="Arrival") for _ in range(5)], title="Carpet")

    page = editor_client.get(reverse("admin:media_gallery_changelist")).content.decode()

    assert "Carpet" in page
    assert page.count('alt="Arrival"') == 4
    assert '<td class="field-picture_count">5</td>' in page
