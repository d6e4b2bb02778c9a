from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.templatetags.static import static as static_url
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from django.views.i18n import set_language

from archive.roles import landing_url
from heritage.api import alias, api_root
from heritage.errors import api_not_found
from heritage.permissions import AUTHENTICATED, public, requires
from records.urls import review_screens as record_screens
from review.urls import urlpatterns as review_screens


@requires(AUTHENTICATED)
def landing(request):
    """LOGIN_REDIRECT_URL: each person starts at their own work (archive.roles.landing_url)."""
    return redirect(landing_url(request.user))


# Every view names the permission it needs (heritage/permissions.py); tests/test_permissions_urls.py
# walks these patterns. /admin/ is guarded by Django's admin site (is_active and is_staff).
urlpatterns = [
    path("start/", landing, name="landing"),
    # Browsers ask for /favicon.ico whatever the page links; send them to the icon in static files.
    path("favicon.ico", public(RedirectView.as_view(url=lazy(static_url, str)("img/favicon.svg"), permanent=True))),
    # The language switcher posts without a CSRF token: it only sets the language cookie (and Django's
    # view checks the redirect target), so public pages carry no per-visitor token and can be cached.
    path("i18n/setlang/", public(csrf_exempt(set_language)), name="set_language"),
    path("admin/", admin.site.urls),
    path("accounts/login/", public(auth_views.LoginView.as_view()), name="login"),
    path("accounts/logout/", public(auth_views.LogoutView.as_view()), name="logout"),
    # The one-time link a curator hands to a new inheritor (archive.services.account_set_password_path):
    # public, the token in the link is the credential.
    path("accounts/set-password/<uidb64>/<token>/", public(auth_views.PasswordResetConfirmView.as_view()),
         name="password_reset_confirm"),
    path("accounts/set-password/done/", public(auth_views.PasswordResetCompleteView.as_view()),
         name="password_reset_complete"),
    path("api/v1/", include("heritage.api")),
    path("api/v1", public(alias(api_root))),  # the API root without its slash (heritage/api.py)
    re_path(r"^api/", public(csrf_exempt(api_not_found))),  # no API route: the JSON 404, DEBUG or not
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

handler400 = "heritage.errors.bad_request"
handler403 = "heritage.errors.permission_denied"
handler404 = "heritage.errors.page_not_found"
handler500 = "heritage.errors.server_error"
