from django.db.models import F
from django.views.generic import DetailView

from people.models import Person


class PersonDetailView(DetailView):
    """A person's profile: bio, filmography, and live stories about and by them."""

    model = Person
    stories_about_count = 12
    # The author page lists the rest, linked from the profile.
    stories_by_count = 6

    def get_queryset(self):
        return Person.objects.select_related("portrait")

    def get_context_data(self, **kwargs):
        person = self.object
        # Newest film first; a film's credits stay together for the template's regroup.
        credits = person.credits.select_related("film__platform").order_by(
            F("film__release_date").desc(nulls_last=True), "film__title", "film_id", "billing_order"
        )
        return super().get_context_data(
            credits=credits,
            stories_about=person.articles.live().for_cards()[: self.stories_about_count],
            # A story may name someone twice (author and photographer).
            stories_by=person.bylines.live().for_cards().distinct()[: self.stories_by_count],
            **kwargs,
        )
