"""Boundaries pages. Paths use neutral words: no item names or answers ever appear in a URL."""

from django.urls import path

from cove.boundaries import tools_views, views

app_name = "boundaries"
urlpatterns = [
    path("", views.index, name="index"),
    path("s/<slug:slug>/", views.section, name="section"),
    path("items/new/", views.answer_new, name="answer_new"),
    path("items/add/", views.add_item, name="add_item"),
    path("items/<uuid:item_id>/", views.answer_item, name="answer_item"),
    path("items/<uuid:item_id>/edit/", views.edit_item, name="edit_item"),
    path("items/<uuid:item_id>/remove/", views.delete_item, name="delete_item"),
    path("changes/", views.history, name="history"),
    path("review/", views.review, name="review"),
    path("review/settings/", views.review_settings, name="review_settings"),
    path("review/later/", views.review_later, name="review_later"),
    path("summary/", views.summary, name="summary"),
    path("comfort/", tools_views.comfort, name="comfort"),
    path("comfort/<uuid:gesture_id>/", tools_views.comfort_edit, name="comfort_edit"),
    path("comfort/<uuid:gesture_id>/remove/", tools_views.comfort_delete, name="comfort_delete"),
    path("map/", tools_views.situations, name="situations"),
    path("map/changes/", tools_views.situation_history, name="situation_history"),
    path("map/<uuid:situation_id>/", tools_views.situation_edit, name="situation_edit"),
    path("map/<uuid:situation_id>/remove/", tools_views.situation_delete,
         name="situation_delete"),
    path("someday/", tools_views.wishes, name="wishes"),
    path("someday/answer/", tools_views.wish_answer, name="wish_answer"),
    path("someday/<uuid:wish_id>/remove/", tools_views.wish_delete, name="wish_delete"),
    path("phrases/", tools_views.phrases, name="phrases"),
    path("phrases/favourite/", tools_views.phrase_favourite, name="phrase_favourite"),
    path("phrases/practice/", tools_views.rehearse, name="rehearse"),
    path("phrases/<uuid:choice_id>/remove/", tools_views.phrase_delete, name="phrase_delete"),
]
