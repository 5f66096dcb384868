"""Every kind of public page is valid HTML, as the Nu checker (vnu.jar) reads it.

The pages come from the demo newsroom plus a story written like the desk writes
them: unicode names and titles, times stamped with microseconds (as now() stamps
them), a film with cast, a reader's search. The checker runs once over all of
them (one Java start, many files) and every error fails the test.

vnu.jar comes from the `vnu-jar` npm package (package.json; `make browser-tools`)
and runs on the machine's Java.
"""

import json
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction
from films.models import Credit, Film
from media.models import EmbedInfo
from people.models import Person
from tests.factories import (
    image_bytes,
    make_article,
    make_availability,
    make_credit,
    make_film,
    make_image,
    make_person,
    make_platform,
    uploaded_image,
)

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        JAVA is None, reason="HTML validation needs Java (apt-get install default-jre-headless)"
    ),
    pytest.mark.skipif(
        not VNU_JAR.exists(),
        reason=f"HTML validation needs {VNU_JAR.relative_to(ROOT)} (make browser-tools: npm ci)",
    ),
]


def validate(pages, folder):
    """The Nu checker's errors for {name: html}, as "name: line N: message" lines."""
    for name, html in pages.items():
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always"]
        + [str(folder / f"{name}.html") for name in pages],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{Path(message.get('url', '?')).stem}: "
        f"line {message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]


@pytest.fixture
def newsroom():
    """The demo newsroom and a story the way the desk writes them, in unicode, to the microsecond."""
    call_command("load_demo", force=True, verbosity=0)
    moment = timezone.now() - timedelta(hours=3, microseconds=123457)
    amelie = make_person(
        name="Amélie Poulain-Tōkyō",
        description="actrice",
        birth_date=moment.date() - timedelta(days=9000),
        portrait=make_image(alt_text="Amélie, à Montmartre", file=uploaded_image(size=(600, 600))),
    )
    writer = make_person(name="Zoë Ørsted", website="https://zoe.example/")
    writer.links.create(label="Bluesky “Zoë”", url="https://bsky.app/profile/zoe.example?a=1&b=2")
    film = make_film(
        title="東京 Story: Beyoncé’s “Encore”",
        release_date=moment.date() - timedelta(days=2000),
        platform=make_platform(name="Canal+ Première"),
        poster=make_image(file=uploaded_image(size=(400, 600))),
        synopsis="Une femme à Tōkyō.\n\nSecond paragraphe — naïve.",
    )
    make_credit(film, amelie, character_name="Chloé « Coco »", billing_order=1)
    make_credit(film, make_person(name="Ünal Ğ"), role=Credit.Role.DIRECTOR)
    story = make_article(
        live=True,
        headline="Amélie à Tōkyō: “東京” and the café crème",
        standfirst="Ça va? Naïve façade, jalapeño & crème brûlée <b>not bold</b>.",
        body="<p>Straße, 東京, Beyoncé.</p>"
        '<figure class="embed" data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ"></figure>'
        '<figure class="embed" data-embed-provider="spotify" data-embed-id="track/4uLU6hMCjMI75M1A2tKUQC">'
        "</figure><p>Fin.</p>",
        # The hero is the poster of a video readers load with a click.
        lead_video_url="https://vimeo.com/76979871",
        publish_at=moment,
        first_published_at=moment,
        revised_at=moment + timedelta(minutes=42, microseconds=654321),
        hero_image=make_image(file=uploaded_image(size=(1600, 900))),
        authors=[writer],
    )
    story.people.add(amelie)
    story.films.add(film)
    story.tags.add("Cannes 2026", "Box office")
    EmbedInfo.objects.create(
        provider="youtube",
        embed_id="dQw4w9WgXcQ",
        title="Beyoncé <live> à 東京",
        author_name="Zoë & co",
        thumbnail=ContentFile(image_bytes(size=(640, 360), fmt="JPEG"), name="embeds/t.jpg"),
        thumbnail_width=640,
        thumbnail_height=360,
        fetched_at=moment,
    )
    for kind, text in [
        ("correction", "An earlier version said “東京” & <b>Kyoto</b>."),
        ("update", "Ça"),
    ]:
        Correction.objects.create(article=story, kind=kind, text=text, published_at=moment)
    make_availability(
        film, platform=make_platform(name="Ciné+ & Co"), url="https://w.example/?a=1&b=2"
    )
    make_availability(film, how="cinema", available_from=moment.date() + timedelta(days=30))
    draft = make_article(
        headline="Brouillon: éditorial", section=story.section, publish_at=moment, authors=[writer]
    )
    for number in range(50):  # enough for a second page of authors
        author = make_person(name=f"Auteur nº {number}")
        make_article(live=True, section=story.section, authors=[author])
    for number in range(20):  # enough for a second page
        make_article(live=True, section=story.section, headline=f"Brève nº {number}")
    Article.objects.filter(pk__in=[story.pk, draft.pk]).update(updated_at=moment, created_at=moment)
    return {"story": Article.objects.get(pk=story.pk), "draft": draft, "film": film}


def test_every_public_page_kind_is_valid_html(client, editor_client, newsroom, tmp_path):
    story = newsroom["story"]
    section = story.section
    demo_film = Film.objects.filter(credits__role=Credit.Role.ACTOR, articles__isnull=False)
    demo_person = Person.objects.filter(portrait__isnull=False, credits__isnull=False).first()
    author = story.authorships.first().person
    urls = {
        "home": "/",
        "section": section.get_absolute_url(),
        "section-page-2": f"{section.get_absolute_url()}?page=2",
        "story": story.get_absolute_url(),
        "demo-story": Article.objects.live().exclude(pk=story.pk).first().get_absolute_url(),
        "person": story.people.first().get_absolute_url(),
        "demo-person": demo_person.get_absolute_url(),
        "film": newsroom["film"].get_absolute_url(),
        "demo-film": demo_film.first().get_absolute_url(),
        # The demo's story formats: galleries in a body and as a lead, posts from X and
        # Bluesky, and a film with where to watch.
        **{
            f"demo-{slug}": Article.objects.get(slug=slug).get_absolute_url()
            for slug in [
                "lakeshore-opening-night-in-pictures",
                "velvet-switchboard-set-in-pictures",
                "meridian-nominations-nominees-react",
            ]
        },
        "demo-film-watch": Film.objects.get(slug="marlow-fen").get_absolute_url(),
        "tag": reverse("articles:tag", args=[story.tags.first().slug]),
        "author": reverse("articles:author", args=[author.slug]),
        "search": reverse("articles:search") + "?q=Amélie+café",
        "search-empty": reverse("articles:search") + "?q=",
        "people": reverse("people:index"),
        "people-letter": reverse("people:index") + "?letter=a",
        "people-other": reverse("people:index") + "?letter=other",
        "people-empty-letter": reverse("people:index") + "?letter=x",
        "films": reverse("films:index"),
        "topics": reverse("articles:tags"),
        "authors": reverse("articles:authors"),
        "authors-page-2": reverse("articles:authors") + "?page=2",
        "corrections": reverse("articles:corrections"),
        "not-found": "/no-such-section/no-such-story/",
    }
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not-found" else 200), url
        pages[name] = response.content.decode()
    preview = editor_client.get(reverse("articles:preview", args=[newsroom["draft"].pk]))
    assert preview.status_code == 200
    pages["preview"] = preview.content.decode()
    pages["server-error"] = render_to_string("500.html")
    pages["database-down"] = render_to_string("503.html")

    errors = validate(pages, tmp_path)

    assert not errors, "\n".join(errors)
