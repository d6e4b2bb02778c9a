from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from heritage.permissions import public
from records.urls import review_screens as record_screens
from review.urls import urlpatterns as review_screens

# Every view names the permission it needs (heritage/permissions.py); tests/test_permissions_urls.py
# walks these patterns. /admin/ is guarded by Django's admin site (is_active and is_staff).
urlpatterns = [
    path("i18n/setlang/", public(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("accounts/login/", public(auth_views.LoginView.as_view()), name="login"),
    path("accounts/logout/", public(auth_views.LogoutView.as_view()), name="logout"),
    path("api/v1/", include("heritage.api")),
    path("curator/normalize/", include("generation.prompting.urls")),
    path("curator/generation/", include("generation.urls")),
    path("curator/", include("archive.curator_urls")),
    # The records' screens keep their /review/records/... paths and review:record names.
    path("review/", include((review_screens + record_screens, "review"))),
    path("", include("gallery.urls")),
]

if settings.DEBUG:
    # Development only. Production serves media through the storage backend; media of unpublished
    # clips is never exposed by a public URL (see gallery/views.py).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
