from django.views.generic import DetailView

from people.models import Person


class PersonDetailView(DetailView):
    model = Person

    def get_queryset(self):
        return Person.objects.select_related("portrait")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            credits=self.object.credits.select_related("film"),
            stories=self.object.articles.live().for_cards()[:12],
            **kwargs,
        )
