"""The search in the story editor's link dialog: the stories, people and films a link can name.

`/admin/articles/article/link-targets/?q=salt` lists up to PER_KIND of each kind
matching what the editor typed (at least MIN_QUERY_LENGTH characters), as JSON;
`?ref=article:12` describes the target of an existing link when its dialog
reopens. Stories are found as the editor types (articles.search.started_with),
people and films through their own admin's search. Only staff who may write
stories get an answer.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format

from articles.links import parse_ref
from articles.models import Article
from articles.search import clean_query, started_with
from films.models import Film
from people.models import Person

PER_KIND = 8
MIN_QUERY_LENGTH = 2
# What a story result reads: enough for its label and its address.
STORY_FIELDS = ["headline", "slug", "status", "publish_at", "updated_at", "section__slug"]


def url(article_admin):
    """The endpoint's URL pattern, for ArticleAdmin.get_urls()."""
    return path(
        "link-targets/",
        article_admin.admin_site.admin_view(lambda request: link_targets(article_admin, request)),
        name="articles_article_link_targets",
    )


def link_targets(article_admin, request):
    if not (
        article_admin.has_add_permission(request) or article_admin.has_change_permission(request)
    ):
        raise PermissionDenied
    if "ref" in request.GET:
        return JsonResponse({"target": describe(request, article_admin, request.GET["ref"])})
    query = clean_query(request.GET.get("q", ""))
    if len(query) < MIN_QUERY_LENGTH:
        return JsonResponse({"query": query, "results": []})
    stories = started_with(_stories(), query, PER_KIND)
    results = [
        *(story_result(story) for story in stories),
        *(person_result(person) for person in _admin_search(request, article_admin, Person, query)),
        *(film_result(film) for film in _admin_search(request, article_admin, Film, query)),
    ]
    return JsonResponse({"query": query, "results": results})


def describe(request, article_admin, value):
    """The result for an existing link's reference, or None if its target is gone."""
    ref = parse_ref(value)
    if ref is None:
        return None
    if ref.kind == "article":
        story = _stories().filter(pk=ref.id).first()
        return story and story_result(story)
    model, result = (Person, person_result) if ref.kind == "person" else (Film, film_result)
    if not article_admin.admin_site.get_model_admin(model).has_view_permission(request):
        return None
    found = model.objects.filter(pk=ref.id).first()
    return found and result(found)


def story_result(story):
    if story.is_live:
        status, when = "live", story.publish_at
    elif story.is_scheduled:
        status, when = "scheduled", story.publish_at
    else:
        status, when = story.status, story.updated_at
    state = {"live": "Live", "scheduled": "Scheduled"}.get(status) or story.get_status_display()
    shown_at = timezone.localtime(when)
    edited = "" if story.status == Article.Status.PUBLISHED else "edited "
    return {
        "ref": f"article:{story.pk}",
        "kind": "story",
        "label": story.headline,
        "status": status,
        "date": shown_at.isoformat(),
        "detail": f"{state} · {edited}{date_format(shown_at, 'j M Y')}",
        "url": story.get_absolute_url(),
    }


def person_result(person):
    return {
        "ref": f"person:{person.pk}",
        "kind": "person",
        "label": person.name,
        "detail": person.description,
        "url": person.get_absolute_url(),
    }


def film_result(film):
    year = f" · {film.release_date.year}" if film.release_date else ""
    return {
        "ref": f"film:{film.pk}",
        "kind": "film",
        "label": film.title,
        "detail": f"{film.get_kind_display()}{year}",
        "url": film.get_absolute_url(),
    }


def _stories():
    return Article.objects.select_related("section").only(*STORY_FIELDS)


def _admin_search(request, article_admin, model, query):
    """Up to PER_KIND of `model` found by its admin's search, names starting with `query` first."""
    model_admin = article_admin.admin_site.get_model_admin(model)
    if not model_admin.has_view_permission(request):
        return []
    found, may_have_duplicates = model_admin.get_search_results(request, model.objects.all(), query)
    if may_have_duplicates:
        found = found.distinct()
    name = "name" if model is Person else "title"
    starts = Case(
        When(**{f"{name}__istartswith": query}, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return found.order_by(starts, name, "pk")[:PER_KIND]
