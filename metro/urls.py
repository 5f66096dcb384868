from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from metro import views

admin.site.site_header = "Metro editorial"
admin.site.site_title = "Metro editorial"
admin.site.index_title = "Newsroom"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("admin/", admin.site.urls),
    path("people/", include("people.urls")),
    path("films/", include("films.urls")),
    path("images/", include("media.urls")),
    # Last: section fronts and articles take the remaining top-level paths.
    path("", include("articles.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
