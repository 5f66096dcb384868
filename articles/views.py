from urllib.parse import quote, urlencode

from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Count
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles import seo
from articles.links import targets_changed_at
from articles.models import Article, Correction, live_byline_person_ids, tags_on_live_stories
from articles.navigation import navigation_sections
from articles.pagination import ArchivePaginator
from articles.search import MAX_RESULTS, clean_query, ranked_matches, with_snippets
from articles.story_details import load_story_details, with_story_details
from core import embeds, pagecache
from core.directory import DirectoryView
from core.seo.conditional import LastModifiedMixin, newest
from people.models import Person


class ArticleMixin:
    """Public article views see live stories only, joined for their cards."""

    model = Article

    def get_queryset(self):
        return Article.objects.live().for_cards()


class ArchiveListView(ArticleMixin, ListView):
    """Newest first, 20 a page, with Newer and Older links and no count of the whole list."""

    paginate_by = 20
    paginator_class = ArchivePaginator
    page_cache_parameters = {"page": pagecache.page_number_parameter}


class SectionView(ArchiveListView):
    template_name = "articles/section.html"
    allow_empty = True

    def get_queryset(self):
        # The navigation's list of sections has this one: no query of its own.
        sections = navigation_sections(self.request)
        self.section = next((s for s in sections if s.slug == self.kwargs["section"]), None)
        if self.section is None:
            raise Http404("No such section.")
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(section=self.section, **kwargs)
        context["page_meta"] = seo.section_page(self.request, self.section, context["page_obj"])
        return context


class TagView(ArchiveListView):
    """Live stories with one tag; a tag used only on unpublished stories does not exist here."""

    template_name = "articles/tag.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().tagged(self.tag)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        if not context["object_list"]:
            raise Http404("No published stories carry this tag.")
        context["page_meta"] = seo.tag_page(self.request, self.tag, context["page_obj"])
        return context


class AuthorView(ArchiveListView):
    """Everything someone has written (or photographed) for us, newest first."""

    template_name = "articles/author.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            if kept := Person.objects.filter(former_slugs__slug=kwargs["slug"]).first():
                return HttpResponsePermanentRedirect(reverse("articles:author", args=[kept.slug]))
            raise

    def get_queryset(self):
        self.author = get_object_or_404(
            Person.objects.select_related("portrait").prefetch_related("links"),
            slug=self.kwargs["slug"],
        )
        return super().get_queryset().by(self.author)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(author=self.author, **kwargs)
        if not context["object_list"]:
            raise Http404("No published stories by this person.")
        context["page_meta"] = seo.author_page(self.request, self.author, context["page_obj"])
        return context


class TagDirectoryView(DirectoryView):
    """Every topic with a page (a tag on a live story), A–Z, with its number of live stories."""

    title = "Topics"
    url_name = "articles:tags"
    # Topics file by their address slug (core.tags.tag_slug: accents off, lower case,
    # symbols spelled out, so "🎬" files under C), close to a sort name without a column.
    sort_field = "slug"
    summary = "Every topic {site} has written about, A to Z."
    empty_text = "No topic is filed under this letter yet."

    def entries(self):
        return tags_on_live_stories()

    def story_counts(self, ids):
        # One GROUP BY over this page's tags.
        counts = (
            Article.objects.live()
            .filter(tags__in=ids)
            .order_by()
            .values_list("tags")
            .annotate(stories=Count("pk"))
        )
        return dict(counts)

    def entry_url(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})

    def entry_name(self, tag):
        return tag.name


class AuthorDirectoryView(DirectoryView):
    """Everyone with an author page (a byline on a live story), A–Z, with their number of
    live stories."""

    title = "Authors"
    url_name = "articles:authors"
    summary = "The writers and photographers of {site}, A to Z."
    empty_text = "No author is filed under this letter yet."

    def entries(self):
        return Person.objects.filter(pk__in=live_byline_person_ids()).only(
            "name", "slug", "description", "sort_name"
        )

    def story_counts(self, ids):
        # One GROUP BY over this page's authors; two roles in one byline count once.
        counts = (
            Article.objects.live()
            .filter(authorships__person__in=ids)
            .order_by()
            .values_list("authorships__person")
            .annotate(stories=Count("pk", distinct=True))
        )
        return dict(counts)

    def entry_url(self, person):
        return reverse("articles:author", kwargs={"slug": person.slug})

    def entry_name(self, person):
        return person.name

    def entry_detail(self, person):
        return person.description


class ArticleDetailView(ArticleMixin, LastModifiedMixin, DetailView):
    """A live story at its one canonical address; any older address answers 301."""

    def get_queryset(self):
        return with_story_details(Article.objects.live())

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = self.moved_to()
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.get_absolute_url())

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        return load_story_details(
            get_object_or_404(
                queryset, section__slug=self.kwargs["section"], slug=self.kwargs["slug"]
            )
        )

    def moved_to(self):
        """The live story this address used to show: same slug in another section, or a former slug."""
        slug = self.kwargs["slug"]
        live = Article.objects.live().select_related("section")
        return live.filter(slug=slug).first() or live.filter(former_slugs__slug=slug).first()

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            related=Article.objects.for_cards().related_to(article),
            share_links=share_links(
                self.request.build_absolute_uri(article.get_absolute_url()), article.headline
            ),
            page_meta=seo.article_page(self.request, article),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        return embeds.allow_frames(response, self.request, self.object.frame_origins)

    def last_modified(self, context):
        article = self.object
        return newest(
            article.updated_at,
            article.publish_at,
            article.hero_image.updated_at if article.hero_image else None,
            *(gallery.updated_at for gallery in article.galleries.values()),
            *(
                item.image.updated_at
                for gallery in article.galleries.values()
                for item in gallery.items.all()
            ),
            *(authorship.person.updated_at for authorship in article.authorships.all()),
            *(person.updated_at for person in article.people.all()),
            *(film.updated_at for film in article.films.all()),
            *reviewed_film_changed_at(article),
            # The body's links by reference show their targets' current addresses.
            targets_changed_at(article.link_targets),
            # Embeds' titles and thumbnails arrive just after the story is saved.
            *(info.fetched_at for info in article.embed_infos.values()),
        )


def reviewed_film_changed_at(article):
    """When what a review's page shows of its film (title, poster, directors) last changed."""
    film = article.reviewed_film if article.is_review else None
    if film is None:
        return []
    return [
        film.updated_at,
        film.poster.updated_at if film.poster else None,
        *(person.updated_at for person in film.directors),
    ]


class CorrectionsView(ListView):
    """Corrections to live stories, newest first, 20 a page, each linked to its story."""

    template_name = "articles/corrections.html"
    paginate_by = 20
    paginator_class = ArchivePaginator
    page_cache_parameters = {"page": pagecache.page_number_parameter}
    allow_empty = True

    def get_queryset(self):
        return Correction.objects.listed()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_meta"] = seo.corrections_page(self.request, context["page_obj"])
        return context


SHARE_TARGETS = [
    (
        "Bluesky",
        "https://bsky.app/intent/compose?{}",
        lambda url, title: {"text": f"{title} {url}"},
    ),
    ("X", "https://x.com/intent/post?{}", lambda url, title: {"url": url, "text": title}),
    ("Facebook", "https://www.facebook.com/sharer/sharer.php?{}", lambda url, title: {"u": url}),
    (
        "LinkedIn",
        "https://www.linkedin.com/sharing/share-offsite/?{}",
        lambda url, title: {"url": url},
    ),
    ("Email", "mailto:?{}", lambda url, title: {"subject": title, "body": url}),
]


def share_links(url, title):
    """Plain share links: no third-party script runs on our pages."""
    return [
        (name, pattern.format(urlencode(params(url, title), quote_via=quote)))
        for name, pattern, params in SHARE_TARGETS
    ]


@method_decorator(staff_member_required, name="dispatch")
class ArticlePreviewView(DetailView):
    """Editors see any story as readers will, marked so search engines never index it."""

    model = Article
    template_name = "articles/article_detail.html"

    def get_queryset(self):
        return with_story_details(Article.objects.all())

    def get_object(self, queryset=None):
        return load_story_details(super().get_object(queryset))

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            preview=True,
            related=Article.objects.for_cards().related_to(article),
            share_links=[],
            page_meta=seo.preview_page(article),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        embeds.allow_frames(response, self.request, self.object.frame_origins)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        return response


class SearchResults:
    """A search's ranked ids, read at once; a slice of them reads just those stories."""

    def __init__(self, ranked, stories):
        self.ranked = ranked
        self.stories = stories

    def __len__(self):
        return len(self.ranked)

    def __getitem__(self, index):
        ranked = self.ranked[index]
        found = self.stories.in_bulk([pk for pk, _ in ranked]) if ranked else {}
        results = []
        for pk, rank in ranked:
            if story := found.get(pk):
                story.rank = rank
                results.append(story)
        return results


class SearchView(ArticleMixin, ListView):
    """Live stories matching ?q=, best first; with no query, just the search form."""

    paginate_by = 20
    template_name = "articles/search.html"
    page_cache_parameters = {"q": clean_query, "page": pagecache.page_number_parameter}
    # Any text is a search of its own: the page cache stores at most this many
    # search pages in any PAGE_CACHE_SECONDS, so no client can fill it.
    page_cache_limit = 300

    def get_queryset(self):
        self.query = clean_query(self.request.GET.get("q", ""))
        # One query ranks the matches; their number is the count; a page reads its own.
        return SearchResults(
            ranked_matches(Article.objects.live(), self.query),
            with_snippets(super().get_queryset(), self.query),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query,
            result_limit=MAX_RESULTS,
            page_meta=seo.search_page(self.request, self.query),
            **kwargs,
        )


class HomeView(TemplateView):
    """The front page: a lead story, the featured row, the latest stories and a rail per section."""

    template_name = "home.html"
    featured_count = 4
    latest_count = 12
    rail_count = 4

    def get_context_data(self, **kwargs):
        sections = navigation_sections(self.request)
        ids = Article.objects.newest_ids(
            featured=self.featured_count + 1,
            latest=self.latest_count + self.featured_count + 1,
            per_section=self.rail_count,
            section_ids=[section.pk for section in sections],
        )
        # One query for every card on the page, newest first; each list below is a prefix.
        stories = list(
            Article.objects.live().for_cards().filter(pk__in=ids).order_by("-publish_at", "-pk")
        )
        featured = [story for story in stories if story.featured][: self.featured_count + 1]
        latest = stories[: self.latest_count + self.featured_count + 1]
        lead = featured[0] if featured else (latest[0] if latest else None)
        shown = {story.pk for story in featured} | {lead.pk if lead else None}
        latest = [story for story in latest if story.pk not in shown][: self.latest_count]
        return super().get_context_data(
            lead=lead,
            featured=featured[1:] if featured and featured[0] == lead else featured,
            latest=latest,
            rails=self.section_rails(stories, sections),
            page_meta=seo.home_page(self.request),
            **kwargs,
        )

    def section_rails(self, stories, sections):
        """[(section, its newest stories)] in navigation order, sections with stories only."""
        by_section = {}
        for story in stories:
            rail = by_section.setdefault(story.section_id, [])
            if len(rail) < self.rail_count:
                rail.append(story)
        return [
            (section, by_section[section.pk]) for section in sections if section.pk in by_section
        ]
