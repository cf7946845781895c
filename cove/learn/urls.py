from django.urls import path

from cove.learn import views

app_name = "learn"
urlpatterns = [
    path("", views.index, name="index"),
    path("pause/", views.pause, name="pause"),
    path("<slug:slug>/", views.topic, name="topic"),
]
