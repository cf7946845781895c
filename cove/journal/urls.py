from django.urls import path

from cove.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.choose_kind, name="choose"),
    path("new/<slug:kind>/", views.write, name="write"),
    path("patterns/", views.patterns, name="patterns"),
    path("search/", views.search, name="search"),
    path("<str:entry_id>/", views.entry, name="entry"),
    path("<str:entry_id>/edit/", views.edit, name="edit"),
    path("<str:entry_id>/delete/", views.delete, name="delete"),
    path("<str:entry_id>/share/", views.share, name="share"),
]
