from django.urls import path

from . import views

urlpatterns = [
    path("generation-tasks", views.TaskListCreateView.as_view(), name="generation-task-list"),
    path("generation-tasks/batch", views.TaskBatchView.as_view(), name="generation-task-batch"),
    path("generation-tasks/<uuid:pk>", views.TaskDetailView.as_view(), name="generation-task-detail"),
    path("generation-tasks/<uuid:pk>/cancel", views.TaskCancelView.as_view(), name="generation-task-cancel"),
    path("generation-tasks/<uuid:pk>/retry", views.TaskRetryView.as_view(), name="generation-task-retry"),
    path("generation-tasks/<uuid:pk>/media/<str:kind>", views.TaskMediaView.as_view(), name="generation-task-media"),
]
