from django.urls import path

from cove.help import views

app_name = "help"
urlpatterns = [
    path("", views.index, name="index"),
    path("leaving-quickly/", views.leaving, name="leaving"),
    path("guide/<slug:slug>/", views.guide, name="guide"),
]
