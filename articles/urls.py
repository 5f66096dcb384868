from django.urls import path, register_converter

from articles import feeds, views
from core.tags import UnicodeSlugConverter

app_name = "articles"

register_converter(feeds.FeedKindConverter, "feedkind")
# Tags' slugs keep the letters of every script (core.tags).
register_converter(UnicodeSlugConverter, "tagslug")

urlpatterns = [
    path("preview/articles/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    # The directories, before the section fronts take "tags/" and "authors/".
    path("tags/", views.TagDirectoryView.as_view(), name="tags"),
    path("authors/", views.AuthorDirectoryView.as_view(), name="authors"),
    path("tags/<tagslug:slug>/", views.TagView.as_view(), name="tag"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("corrections/", views.CorrectionsView.as_view(), name="corrections"),
    # Feeds, <kind> being "rss" or "atom"; before the section fronts take "feeds/".
    path("feeds/<feedkind:kind>/", feeds.SiteFeed.as_view(), name="feed"),
    path(
        "feeds/sections/<slug:section>/<feedkind:kind>/",
        feeds.SectionFeed.as_view(),
        name="section_feed",
    ),
    path(
        "feeds/corrections/<feedkind:kind>/",
        feeds.CorrectionFeed.as_view(),
        name="corrections_feed",
    ),
    path("feeds/tags/<tagslug:slug>/<feedkind:kind>/", feeds.TagFeed.as_view(), name="tag_feed"),
    path(
        "feeds/authors/<slug:slug>/<feedkind:kind>/",
        feeds.AuthorFeed.as_view(),
        name="author_feed",
    ),
    path(
        "feeds/people/<slug:slug>/<feedkind:kind>/",
        feeds.PersonFeed.as_view(),
        name="person_feed",
    ),
    path("feeds/films/<slug:slug>/<feedkind:kind>/", feeds.FilmFeed.as_view(), name="film_feed"),
    path("<slug:section>/", views.SectionView.as_view(), name="section"),
    path("<slug:section>/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
