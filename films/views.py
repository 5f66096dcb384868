from django.views.generic import DetailView

from films.models import Film


class FilmDetailView(DetailView):
    model = Film

    def get_queryset(self):
        return Film.objects.select_related("platform", "poster").prefetch_related("genres")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            credits=self.object.credits.select_related("person"),
            stories=self.object.articles.live().for_cards()[:12],
            **kwargs,
        )
