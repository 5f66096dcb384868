from django.views.generic import TemplateView

from articles.models import Article


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest=Article.objects.live().for_cards()[:20],
            **kwargs,
        )
