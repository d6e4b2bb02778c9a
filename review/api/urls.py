"""Review endpoints, included by heritage/api.py under /api/v1/ (archive-record endpoints: records/api/urls.py)."""
from django.urls import path

from . import views

urlpatterns = [
    path("reviews/", views.ReviewList.as_view(), name="api-review-list"),
    path("reviews/<uuid:pk>/", views.ReviewDetail.as_view(), name="api-review-detail"),
    path("reviews/<uuid:pk>/comments", views.ReviewComments.as_view(), name="api-review-comments"),
    path("reviews/<uuid:pk>/comments/<int:comment_id>/resolve", views.CommentResolution.as_view(resolved=True),
         name="api-review-comment-resolve"),
    path("reviews/<uuid:pk>/comments/<int:comment_id>/reopen", views.CommentResolution.as_view(resolved=False),
         name="api-review-comment-reopen"),
    *[
        path(f"reviews/<uuid:pk>/{a}", views.action_view(a), name=f"api-review-{a}")
        for a in ("submit", "comment", "approve", "request-changes", "retract-changes", "reject", "sign", "withdraw")  # archive: records/api
    ],
]
