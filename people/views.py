from django.db.models import Count, F
from django.http import Http404, HttpResponsePermanentRedirect
from django.views.generic import DetailView

from core.directory import DirectoryView
from core.seo.conditional import LastModifiedMixin, newest, stories_changed_at
from people import seo
from people.models import Person


class PersonDetailView(LastModifiedMixin, DetailView):
    """A person's profile: bio, filmography, and live stories about and by them."""

    model = Person
    stories_about_count = 12
    # The author page lists the rest, linked from the profile.
    stories_by_count = 6

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # A merged duplicate's address: the person it was merged into.
            if kept := Person.objects.filter(former_slugs__slug=kwargs["slug"]).first():
                return HttpResponsePermanentRedirect(kept.get_absolute_url())
            raise

    def get_queryset(self):
        return Person.objects.select_related("portrait").prefetch_related("links")

    def get_context_data(self, **kwargs):
        person = self.object
        # Newest film first; a film's credits stay together for the template's regroup.
        credits = person.credits.select_related("film__platform").order_by(
            F("film__release_date").desc(nulls_last=True), "film__title", "film_id", "billing_order"
        )
        # Stories, reached through the relation (people never import articles).
        stories = person.articles.model.objects.live().for_cards()
        stories_by = list(stories.by(person)[: self.stories_by_count])
        return super().get_context_data(
            credits=list(credits),
            stories_about=list(person.articles.live().for_cards()[: self.stories_about_count]),
            stories_by=stories_by,
            page_meta=seo.person_page(self.request, person, writes_for_us=bool(stories_by)),
            **kwargs,
        )

    def last_modified(self, context):
        person = self.object
        return newest(
            person.updated_at,
            person.portrait.updated_at if person.portrait else None,
            *(credit.film.updated_at for credit in context["credits"]),
            stories_changed_at(context["stories_about"]),
            stories_changed_at(context["stories_by"]),
        )


class PersonDirectoryView(DirectoryView):
    """Everyone with a page here, A–Z, each with the number of live stories they are in."""

    title = "People"
    url_name = "people:index"
    summary = "The actors, directors, writers and critics in {site}'s stories, A to Z."
    empty_text = "No one is filed under this letter yet."

    def entries(self):
        return Person.objects.only("name", "slug", "description", "sort_name")

    def story_counts(self, ids):
        # One GROUP BY over this page's people: the live stories each is "in", reached
        # through the relation (people never import articles).
        field = Person.articles.field.name
        counts = (
            Person.articles.field.model.objects.live()
            .filter(**{f"{field}__in": ids})
            .order_by()
            .values_list(field)
            .annotate(stories=Count("pk"))
        )
        return dict(counts)

    def entry_name(self, person):
        return person.name

    def entry_detail(self, person):
        return person.description
