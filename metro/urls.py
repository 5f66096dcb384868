from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from articles import views as article_views
from core.security import ThrottledLoginForm
from metro import seo_views, views

admin.site.site_header = "Metro editorial"
admin.site.site_title = "Metro editorial"
admin.site.index_title = "Newsroom"
admin.site.login_form = ThrottledLoginForm

handler500 = "metro.views.server_error"

urlpatterns = [
    path("", article_views.HomeView.as_view(), name="home"),
    path(f"{settings.ADMIN_URL}desk/", include("desk.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("people/", include("people.urls")),
    path("films/", include("films.urls")),
    path("images/", include("media.urls")),
    path("manifest.webmanifest", views.web_manifest, name="web-manifest"),
    path("robots.txt", seo_views.robots_txt, name="robots"),
    path("sitemap.xml", seo_views.sitemap_index, name="sitemap-index"),
    path("sitemap-<str:section>.xml", seo_views.sitemap, name="sitemap"),
    path("news-sitemap.xml", seo_views.news_sitemap, name="news-sitemap"),
    # Last: section fronts and articles take the remaining top-level paths.
    path("", include("articles.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
