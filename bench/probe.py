"""In-process look at a bench database, run by bench.pages in a subprocess with its settings.

    python -m bench.probe facts          the page of each kind to measure
    python -m bench.probe queries PATHS  SQL queries and body bytes of each path, asked twice

Prints one line, `BENCH-PROBE <json>`.
"""

import json
import os
import re
import sys
from collections import Counter

import django

MARKER = "BENCH-PROBE "
HEADLINE_SAMPLE = 500


def facts():
    """Paths of each page kind, chosen the same way at every archive size."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Exists, OuterRef
    from django.urls import reverse

    from articles.models import Article
    from films.models import Credit, Film
    from people.models import Person

    live = Article.objects.live()
    has = {
        "tags": Article.tags.through.objects.filter(
            content_type=ContentType.objects.get_for_model(Article), object_id=OuterRef("pk")
        ),
        "people": Article.people.through.objects.filter(article_id=OuterRef("pk")),
        "films": Article.films.through.objects.filter(article_id=OuterRef("pk")),
        "authors": Article.authors.through.objects.filter(article_id=OuterRef("pk")),
    }
    # A typical story: the newest live one with a hero picture, tags, people, films and a byline.
    article = (
        live.alias(**{f"has_{name}": Exists(query) for name, query in has.items()})
        .filter(hero_image__isnull=False, **{f"has_{name}": True for name in has})
        .select_related("section")
        .order_by("-publish_at", "-pk")
        .first()
    )
    if article is None:
        raise SystemExit("no live story with a hero image, tags, people and films")
    credited = Exists(Credit.objects.filter(person=OuterRef("pk")))
    storied = Exists(live.filter(people=OuterRef("pk")))
    person = (
        article.people.filter(credited, storied).order_by("pk").first()
        or Person.objects.filter(credited, storied).order_by("pk").first()
    )
    cast = Exists(Credit.objects.filter(film=OuterRef("pk")))
    film = (
        article.films.filter(cast).order_by("pk").first()
        or Film.objects.filter(cast, Exists(live.filter(films=OuterRef("pk"))))
        .order_by("pk")
        .first()
    )
    tag = Article.tags.most_common().order_by("-num_times", "pk").first()
    headlines = live.order_by("-publish_at", "-pk").values_list("headline", flat=True)
    words = Counter(
        word
        for headline in headlines[:HEADLINE_SAMPLE]
        for word in re.findall(r"[a-z]{5,}", headline.lower())
    )
    word = words.most_common(1)[0][0] if words else "film"
    return {
        "story": {"id": article.pk, "headline": article.headline},
        "search_word": word,
        "paths": {
            "home": "/",
            "section": article.section.get_absolute_url(),
            "article": article.get_absolute_url(),
            "person": person.get_absolute_url(),
            "film": film.get_absolute_url(),
            "tag": reverse("articles:tag", kwargs={"slug": tag.slug}),
            "search": reverse("articles:search") + f"?q={word}",
            "feed": reverse("articles:feed", kwargs={"kind": "rss"}),
            "sitemap": reverse("sitemap-index"),
            "sitemap-articles": reverse("sitemap", kwargs={"section": "articles"}),
        },
    }


def queries(paths):
    """For each path: status, queries and body bytes of a first and a second request."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results = {}
    for name, path in paths.items():
        asked = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path, headers={"host": "127.0.0.1"})
                body = (
                    b"".join(response.streaming_content) if response.streaming else response.content
                )
            asked.append(
                {"status": response.status_code, "queries": len(captured), "bytes": len(body)}
            )
        results[name] = {"first": asked[0], "second": asked[1]}
    return results


def main(argv):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    if argv[:1] == ["facts"]:
        result = facts()
    elif argv[:1] == ["queries"] and len(argv) == 2:
        result = queries(json.loads(argv[1]))
    else:
        raise SystemExit(__doc__)
    print(MARKER + json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
