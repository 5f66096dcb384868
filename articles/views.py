from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from taggit.models import Tag

from articles.models import Article, Section
from people.models import Person


class ArticleMixin:
    """Public article views see live stories only, joined for their cards."""

    model = Article

    def get_queryset(self):
        return Article.objects.live().for_cards()


class SectionView(ArticleMixin, ListView):
    paginate_by = 20
    template_name = "articles/section.html"
    allow_empty = True

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["section"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class TagView(ArticleMixin, ListView):
    """Live stories with one tag; a tag used only on unpublished stories does not exist here."""

    paginate_by = 20
    template_name = "articles/tag.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        if not context["paginator"].count:
            raise Http404("No published stories carry this tag.")
        return context


class AuthorView(ArticleMixin, ListView):
    """Everything someone has written (or photographed) for us, newest first."""

    paginate_by = 20
    template_name = "articles/author.html"

    def get_queryset(self):
        self.author = get_object_or_404(
            Person.objects.select_related("portrait"), slug=self.kwargs["slug"]
        )
        return super().get_queryset().filter(authorships__person=self.author).distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(author=self.author, **kwargs)
        if not context["paginator"].count:
            raise Http404("No published stories by this person.")
        return context


class ArticleDetailView(ArticleMixin, DetailView):
    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(section__slug=self.kwargs["section"])
            .prefetch_related("authorships__person", "tags", "people", "films__platform")
        )


@method_decorator(staff_member_required, name="dispatch")
class ArticlePreviewView(DetailView):
    """Editors see any story as readers will, marked so search engines never index it."""

    model = Article
    template_name = "articles/article_detail.html"

    def get_queryset(self):
        return Article.objects.for_cards().prefetch_related(
            "authorships__person", "tags", "people", "films__platform"
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        return response
