from django.urls import path

from cove.grounding import views

app_name = "grounding"
urlpatterns = [
    path("", views.index, name="index"),
    path("notes/", views.notes, name="notes"),
    path("<slug:slug>/", views.exercise, name="exercise"),
    path("<slug:slug>/answer/", views.answer, name="answer"),
    path("<slug:slug>/after/", views.keep_after, name="after"),
]
