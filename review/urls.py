"""Review screens, mounted at /review/ (with the archive records' screens from records/urls.py; see
heritage/urls.py)."""
from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("notifications/", views.notifications, name="notifications"),
    path("open/<int:clip_id>/", views.open_review, name="open"),
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/status.json", views.status, name="status"),
    path("<uuid:pk>/media/", views.media, name="media"),
    path("<uuid:pk>/captions.vtt", views.captions, name="captions"),
    path("<uuid:pk>/sign/", views.sign, name="sign"),
    path("<uuid:pk>/submit/", views.submit, name="submit"),
    path("<uuid:pk>/rights/", views.set_rights, name="rights"),
    path("<uuid:pk>/comment/", views.comment, name="comment"),
    path("<uuid:pk>/comments/<int:comment_id>/resolve/", views.resolve_comment, name="resolve_comment"),
    path("<uuid:pk>/comments/<int:comment_id>/reopen/", views.reopen_comment, name="reopen_comment"),
    path("<uuid:pk>/approve/", views.approve, name="approve"),
    path("<uuid:pk>/request-changes/", views.request_changes, name="request_changes"),
    path("<uuid:pk>/reject/", views.reject, name="reject"),
    path("<uuid:pk>/retract-changes/", views.retract_changes, name="retract_changes"),
    path("<uuid:pk>/archive/", views.archive, name="archive"),
    path("<uuid:pk>/withdraw/", views.withdraw, name="withdraw"),
]
