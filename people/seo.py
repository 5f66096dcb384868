"""What search engines see of a person: the ProfilePage and the Person node other pages link to."""

from django.conf import settings
from django.urls import reverse

from core.seo import structured_data as ld
from core.seo.meta import PageMeta, canonical, description, feed_links, social_image
from core.seo.origin import absolute_url


def person_ref(person, request, *, with_details=False):
    """A Person node pointing at the person's page; `with_details` adds what we know."""
    node = {
        "@type": "Person",
        "@id": ld.entity_id(person, "person", request),
        "name": person.name,
        "url": absolute_url(person.get_absolute_url(), request),
    }
    if with_details:
        node["sameAs"] = person.same_as
    return ld.compact(node)


def profile_page(person, request, *, writes_for_us):
    """ProfilePage whose main entity is the person; writers link to their stories."""
    url = absolute_url(person.get_absolute_url(), request)
    author_page = absolute_url(reverse("articles:author", args=[person.slug]), request)
    return ld.compact(
        {
            "@type": "ProfilePage",
            "@id": url,
            "url": url,
            "name": person.name,
            "dateModified": ld.iso(person.updated_at),
            "relatedLink": [author_page] if writes_for_us else [],
            "mainEntity": ld.compact(
                {
                    **person_ref(person, request, with_details=True),
                    "description": person.description,
                    "image": ld.image_object(person.portrait, "portrait", request),
                    "birthDate": person.birth_date.isoformat() if person.birth_date else None,
                    "subjectOf": (
                        {"@type": "CollectionPage", "url": author_page} if writes_for_us else None
                    ),
                }
            ),
        }
    )


def person_page(request, person, *, writes_for_us):
    path = person.get_absolute_url()
    known_for = f", {person.description}" if person.description else ""
    return PageMeta(
        title=person.name,
        description=description(person.bio or f"{person.name}{known_for}: stories and credits."),
        canonical=canonical(request, path),
        og_type="profile",
        image=social_image(person.portrait, "portrait", request),
        structured_data=ld.json_ld_script(
            [
                profile_page(person, request, writes_for_us=writes_for_us),
                ld.breadcrumbs(
                    [
                        ("Home", reverse("home")),
                        ("People", reverse("people:index")),
                        (person.name, path),
                    ],
                    request,
                ),
            ]
        ),
        feeds=person_feeds(person),
    )


def person_feeds(person):
    """The person's RSS and Atom feeds (articles.feeds, reached by their URL names)."""
    return feed_links(
        "articles:person_feed", f"{settings.SITE_NAME}: {person.name}", slug=person.slug
    )
